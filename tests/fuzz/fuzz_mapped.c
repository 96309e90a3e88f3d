/* fuzz_mapped.c - a foreign CSV read through the shipped mapping
 * profiles, as `lowcarb validate --profile P --edition 2024` reads it
 * (the first byte picks iea-etp or ndrc-catalog), with the field rules
 * and quantities after the mapping. */
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
	static struct lc_mapping *m[2];
	struct lc_import_opts o;
	struct lc_error err;
	int which;

	fuzz_data();
	if (!m[0] && (lc_mapping_load("iea-etp", &m[0], &err) ||
		      lc_mapping_load("ndrc-catalog", &m[1], &err)))
		abort();
	if (size == 0)
		return 0;
	which = data[0] & 1;
	lc_import_opts_init(&o);
	o.mapping = m[which];
	o.edition = "2024";
	lc_import_read(fuzz_file(data + 1, size - 1, ".csv"), &o, NULL, each,
		       NULL, &err);
	return 0;
}
