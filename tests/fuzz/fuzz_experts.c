/* fuzz_experts.c - the experts CSV, as `lowcarb experts import` reads and
 * checks it before anything is stored. */
#include "tests/fuzz/fuzz.h"
#include "importers/importers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lc_experts x = { NULL, 0 };
	struct lc_error err;

	lc_experts_read(fuzz_file(data, size, ".csv"), NULL, NULL, &x, &err);
	lc_experts_release(&x);
	return 0;
}
