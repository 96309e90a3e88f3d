/* fuzz_profile.c - criteria profiles, as `lowcarb rank --profile FILE`
 * loads them (the XML guard, the schema, the loader's own checks). */
#include "tests/fuzz/fuzz.h"
#include "ranker/ranker.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lc_profile *p = NULL;
	struct lc_error err;

	fuzz_data();
	if (lc_profile_load(fuzz_file(data, size, ".xml"), &p, &err) == 0)
		lc_profile_free(p);
	return 0;
}
