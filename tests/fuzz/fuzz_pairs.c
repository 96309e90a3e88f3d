/* fuzz_pairs.c - a benchmark's pairs file, as `lowcarb benchmark
 * --pairs FILE` reads it. */
#include "tests/fuzz/fuzz.h"
#include "importers/importers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lc_pairs p;
	struct lc_error err;

	if (lc_pairs_read(fuzz_file(data, size, ".csv"), &p, NULL, NULL,
			  &err) == 0)
		lc_pairs_release(&p);
	return 0;
}
