/* fuzz_submission.c - the submission readers (XML and CSV, format from the
 * content) with the field rules and quantities, as `lowcarb validate`
 * runs them. */
#include "tests/fuzz/fuzz.h"
#include "importers/importers.h"

static int each(const struct lc_tech *t, long line, int valid, void *ctx)
{
	(void)t;
	(void)line;
	(void)valid;
	(void)ctx;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lc_error err;

	fuzz_data();
	lc_import_read(fuzz_file(data, size, ".sub"), NULL, NULL, each, NULL,
		       &err);
	return 0;
}
