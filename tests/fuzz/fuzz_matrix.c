/* fuzz_matrix.c - decision and pairwise matrices, as `lowcarb mcda` and
 * `lowcarb ahp` read them, then every method on what was read (no NaN
 * may come out). */
#include <math.h>
#include "tests/fuzz/fuzz.h"
#include "importers/importers.h"
#include "ranker/ranker.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lc_matrix *mx = NULL;
	struct lc_error err;
	int flags = size ? data[0] % 4 : 0;
	size_t m, n;

	if (lc_matrix_read(fuzz_file(data + !!size, size - !!size, ".csv"),
			   flags, &mx, &err) != 0)
		return 0;
	m = lc_matrix_rows(mx);
	n = lc_matrix_cols(mx);
	if (m <= 64 && n <= 16) {
		int cost[16] = { 0 };
		double w[16], s[64], a[64], b[64];

		for (size_t j = 0; j < n; j++) {
			w[j] = 1.0 / (double)n;
			cost[j] = (int)(j % 2);
		}
		if (lc_mcda_wsm(lc_matrix_data(mx), m, n, cost, w,
				LC_NORM_MINMAX, s, NULL, &err) == 0)
			for (size_t i = 0; i < m; i++)
				if (!isfinite(s[i]))
					abort();
		if (lc_mcda_topsis(lc_matrix_data(mx), m, n, cost, w,
				   LC_NORM_VECTOR, s, a, b, &err) == 0)
			for (size_t i = 0; i < m; i++)
				if (!isfinite(s[i]))
					abort();
	}
	lc_matrix_free(mx);
	return 0;
}
