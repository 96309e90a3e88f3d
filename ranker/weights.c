/* weights.c - criterion weights: direct (normalised), equal, entropy and
 * CRITIC, each computed from a plain decision matrix. No I/O. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

int lc_weights_normalize(double *w, size_t n, int *was_off,
			 struct lc_error *err)
{
	double s = 0;

	if (n == 0)
		return lc_error_set(err, LC_EDATA, NULL, 0, "weights",
				    "no weights");
	for (size_t j = 0; j < n; j++) {
		if (!isfinite(w[j]) || w[j] < 0)
			return lc_error_crit(err, LC_EDATA, j,
				"weight must be a number >= 0");
		s += w[j];
	}
	if (!isfinite(s))
		return lc_error_set(err, LC_EDATA, NULL, 0, "weights",
				    "weights too large (their sum overflows)");
	if (!(s > 0))
		return lc_error_set(err, LC_EDATA, NULL, 0, "weights",
				    "weights sum to 0");
	if (was_off)
		*was_off = fabs(s - 1) > 1e-9;
	for (size_t j = 0; j < n; j++)
		w[j] /= s;
	return 0;
}

void lc_weights_equal(size_t n, double *w)
{
	for (size_t j = 0; j < n; j++)
		w[j] = 1.0 / (double)n;
}

/* Both methods below read the row-major matrix row by row, every
 * column's sums side by side: a pass per column (entropy two, CRITIC
 * one per pair of criteria, 56 for 8) read every row's cache line each
 * time, and at 12,800,000 rows went from memory that many times. Each
 * sum still adds its own column's values in row order, so the weights
 * are the same to the bit. */
int lc_weights_entropy(const double *x, size_t m, size_t n, const int *cost,
		       double *w, struct lc_error *err)
{
	double k, sum_d = 0, *lo, *hi, *s, *e;
	int rc = lc_rk_check_matrix(x, m, n, err);

	(void)cost;
	if (rc)
		return rc;
	if (m < 2)
		return lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				    "entropy weights need 2 alternatives");
	lo = malloc(4 * n * sizeof *lo);
	if (!lo)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	hi = lo + n;
	s = hi + n;
	e = s + n;
	for (size_t j = 0; j < n; j++) {
		lo[j] = hi[j] = x[j];
		s[j] = e[j] = 0;
	}
	for (size_t i = 0; i < m; i++) {
		const double *row = x + i * n;

		for (size_t j = 0; j < n; j++) {
			double v = row[j];

			lo[j] = v < lo[j] ? v : lo[j];
			hi[j] = v > hi[j] ? v : hi[j];
			s[j] += v;
		}
	}
	/* the errors as a column by column reading meets them: the first
	 * column with a negative value or a sum too large */
	for (size_t j = 0; j < n; j++) {
		if (lo[j] < 0) {
			rc = lc_rk_crit_row_error(err, x, m, n, j, 0, 0,
				"entropy weights need values >= 0");
			goto out;
		}
		if (!isfinite(s[j])) {
			rc = lc_error_crit(err, LC_EDATA, j,
					   "values too large");
			goto out;
		}
	}
	k = 1.0 / log((double)m);
	for (size_t i = 0; i < m; i++) {
		const double *row = x + i * n;

		for (size_t j = 0; j < n; j++) {
			double p = row[j] / s[j];

			if (p > 0)      /* 0 ln 0 = 0 */
				e[j] -= p * log(p);
		}
	}
	for (size_t j = 0; j < n; j++) {
		/* a constant column (zeros included) has p = 1/m everywhere:
		 * e = 1 exactly, which the sum above only approaches */
		if (lo[j] == hi[j]) {
			w[j] = 0;
			continue;
		}
		e[j] *= k;
		/* rounding could put e a hair above 1 */
		w[j] = e[j] < 1 ? 1 - e[j] : 0;
		sum_d += w[j];
	}
	if (!(sum_d > 0)) {
		rc = lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				  "entropy weights undefined: every "
				  "criterion is constant");
		goto out;
	}
	for (size_t j = 0; j < n; j++)
		w[j] /= sum_d;
out:
	free(lo);
	return rc;
}

/* r_ij of CRITIC: x's min-max normalised value, turned for a cost
 * column, exactly as lc_mcda_normalize then lc_mcda_cost compute it */
static double crit_r(const struct lc_rk_lin *l, const int *cost, size_t j,
		     double x)
{
	double v = lc_rk_lin_at(&l[j], x);

	return cost && cost[j] ? 1.0 - v : v;
}

/* Without a normalised copy of the matrix: every value is normalised
 * where it is read (twice), the same operations giving the same numbers.
 * The copy was as large as the matrix: 819 MB of the 1.9 GB peak at
 * 12,800,000 x 8, fresh pages that cost this machine more to clear the
 * more of them a process takes. */
int lc_weights_critic(const double *x, size_t m, size_t n, const int *cost,
		      double *w, struct lc_error *err)
{
	struct lc_rk_lin *l;
	double *mean, *sd, *c, *d, sum_c = 0;
	int rc = lc_rk_check_matrix(x, m, n, err);

	if (rc)
		return rc;
	if (m < 2)
		return lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				    "CRITIC weights need 2 alternatives");
	if (n > SIZE_MAX / sizeof *mean / (n + 3 + sizeof *l))
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	mean = malloc(n * (n + 3) * sizeof *mean + n * sizeof *l);
	if (!mean)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	sd = mean + n;
	c = sd + n;     /* c[j * n + k], k > j: the sums of co-deviations */
	d = c + n * n;  /* a row's deviations from the means */
	l = (struct lc_rk_lin *)(d + n);
	rc = lc_rk_norm_lins(x, m, n, LC_NORM_MINMAX, l, err);
	if (rc)
		goto out;
	for (size_t j = 0; j < n; j++)
		mean[j] = sd[j] = 0;
	for (size_t j = 0; j < n * n; j++)
		c[j] = 0;
	for (size_t i = 0; i < m; i++)
		for (size_t j = 0; j < n; j++)
			mean[j] += crit_r(l, cost, j, x[i * n + j]);
	for (size_t j = 0; j < n; j++)
		mean[j] /= (double)m;
	for (size_t i = 0; i < m; i++) {
		const double *row = x + i * n;

		for (size_t j = 0; j < n; j++)
			d[j] = crit_r(l, cost, j, row[j]) - mean[j];
		for (size_t j = 0; j < n; j++) {
			sd[j] += d[j] * d[j];
			for (size_t k2 = j + 1; k2 < n; k2++)
				c[j * n + k2] += d[j] * d[k2];
		}
	}
	for (size_t j = 0; j < n; j++)
		sd[j] = sqrt(sd[j] / (double)(m - 1));
	for (size_t j = 0; j < n; j++) {
		double conflict = 0;

		for (size_t k2 = 0; k2 < n; k2++) {
			double corr = 0;

			if (k2 == j)
				continue;   /* 1 - r_jj = 0 */
			if (sd[j] > 0 && sd[k2] > 0)
				corr = c[j < k2 ? j * n + k2 : k2 * n + j] /
				       ((double)(m - 1) * sd[j] * sd[k2]);
			conflict += 1 - corr;
		}
		w[j] = sd[j] * conflict;
		sum_c += w[j];
	}
	if (n == 1 && sd[0] > 0) {
		w[0] = 1;       /* no other criterion to conflict with */
		goto out;
	}
	if (!(sum_c > 0)) {
		rc = lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				  "CRITIC weights undefined: every C_j is 0 "
				  "(no criterion varies, or all agree "
				  "perfectly: correlation 1)");
		goto out;
	}
	for (size_t j = 0; j < n; j++)
		w[j] /= sum_c;
out:
	free(mean);
	return rc;
}
