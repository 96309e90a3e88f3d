/* fuzz_publication.c - publication files, as `lowcarb export roadmap
 * --publication FILE` and `notice` load them (the XML guard, the schema,
 * the loader's own checks). */
#include "tests/fuzz/fuzz.h"
#include "exporters/exporters.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lc_publication *p = NULL;
	struct lc_error err;

	fuzz_data();
	if (lc_publication_load(fuzz_file(data, size, ".xml"), &p, &err) == 0)
		lc_publication_free(p);
	return 0;
}
