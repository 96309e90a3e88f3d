/* fuzz_mapping.c - mapping profiles, as `lowcarb profile check FILE`
 * loads them (the XML guard, the schema, the loader's own checks). */
#include "tests/fuzz/fuzz.h"
#include "importers/importers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lc_mapping *m = NULL;
	struct lc_error err;

	fuzz_data();
	if (lc_mapping_load(fuzz_file(data, size, ".xml"), &m, &err) == 0)
		lc_mapping_free(m);
	return 0;
}
