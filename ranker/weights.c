/* weights.c - criterion weights: direct (normalised), equal, entropy and
 * CRITIC, each computed from a plain decision matrix. No I/O. */
#include <math.h>
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

int lc_weights_entropy(const double *x, size_t m, size_t n, const int *cost,
		       double *w, struct lc_error *err)
{
	double k, sum_d = 0;
	int rc = lc_rk_check_matrix(x, m, n, err);

	(void)cost;
	if (rc)
		return rc;
	if (m < 2)
		return lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				    "entropy weights need 2 alternatives");
	k = 1.0 / log((double)m);
	for (size_t j = 0; j < n; j++) {
		double s = 0, e = 0, lo = x[j], hi = x[j];

		for (size_t i = 0; i < m; i++) {
			double v = x[i * n + j];

			if (v < 0)
				return lc_rk_crit_row_error(err, x, m, n, j, 0,
					0, "entropy weights need values >= 0");
			lo = v < lo ? v : lo;
			hi = v > hi ? v : hi;
			s += v;
		}
		if (!isfinite(s))
			return lc_error_crit(err, LC_EDATA, j,
						"values too large");
		/* a constant column (zeros included) has p = 1/m everywhere:
		 * e = 1 exactly, which the sum below only approaches */
		if (lo == hi) {
			w[j] = 0;
			continue;
		}
		for (size_t i = 0; i < m; i++) {
			double p = x[i * n + j] / s;

			if (p > 0)      /* 0 ln 0 = 0 */
				e -= p * log(p);
		}
		e *= k;
		/* rounding could put e a hair above 1 */
		w[j] = e < 1 ? 1 - e : 0;
		sum_d += w[j];
	}
	if (!(sum_d > 0))
		return lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				    "entropy weights undefined: every "
				    "criterion is constant");
	for (size_t j = 0; j < n; j++)
		w[j] /= sum_d;
	return 0;
}

int lc_weights_critic(const double *x, size_t m, size_t n, const int *cost,
		      double *w, struct lc_error *err)
{
	double *r, *mean, *sd, sum_c = 0;
	int rc = lc_rk_check_matrix(x, m, n, err);

	if (rc)
		return rc;
	if (m < 2)
		return lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				    "CRITIC weights need 2 alternatives");
	r = malloc((m * n + 2 * n) * sizeof *r);
	if (!r)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	mean = r + m * n;
	sd = mean + n;
	rc = lc_mcda_normalize(x, m, n, LC_NORM_MINMAX, r, err);
	if (!rc)
		rc = lc_mcda_cost(r, m, n, cost, LC_NORM_MINMAX, err);
	if (rc)
		goto out;
	for (size_t j = 0; j < n; j++) {
		double s = 0, q = 0;

		for (size_t i = 0; i < m; i++)
			s += r[i * n + j];
		mean[j] = s / (double)m;
		for (size_t i = 0; i < m; i++) {
			double d = r[i * n + j] - mean[j];

			q += d * d;
		}
		sd[j] = sqrt(q / (double)(m - 1));
	}
	for (size_t j = 0; j < n; j++) {
		double conflict = 0;

		for (size_t k2 = 0; k2 < n; k2++) {
			double c = 0, corr = 0;

			if (k2 == j)
				continue;   /* 1 - r_jj = 0 */
			if (sd[j] > 0 && sd[k2] > 0) {
				for (size_t i = 0; i < m; i++)
					c += (r[i * n + j] - mean[j]) *
					     (r[i * n + k2] - mean[k2]);
				corr = c / ((double)(m - 1) * sd[j] * sd[k2]);
			}
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
	free(r);
	return rc;
}
