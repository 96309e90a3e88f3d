/* fuzz_assumptions.c - cost assumptions, as `lowcarb rank --assumptions
 * FILE` loads them (the XML guard, the schema, the loader's own checks). */
#include "tests/fuzz/fuzz.h"
#include "ranker/ranker.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lc_assumptions *a = NULL;
	struct lc_error err;

	fuzz_data();
	if (lc_assumptions_load(fuzz_file(data, size, ".xml"), &a, &err) == 0)
		lc_assumptions_free(a);
	return 0;
}
