/* vikor.c - VIKOR (Opricovic): group utility S, regret R, the compromise
 * index Q, and the two acceptance conditions. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

/* Is i before k in the order by Q then index (the values' keys, so -0
 * and 0 are equal as everywhere in the ranks)? */
static int before(const double *Q, size_t i, size_t k)
{
	uint64_t a = lc_rk_key(Q[i]), b = lc_rk_key(Q[k]);

	return a < b || (a == b && i < k);
}

/* The acceptance conditions from the two best by Q and a count: the set
 * within 1/(m-1) of the best is every alternative so close, Q - Q[best]
 * growing with Q, so no order of all m is needed (a sort and 40 bytes an
 * alternative, at millions). */
static void accept(const double *Q, const double *S, const double *R,
		   size_t m, double smin, double rmin,
		   struct lc_vikor_accept *acc)
{
	double dq = m > 1 ? 1.0 / (double)(m - 1) : 0;
	size_t first = 0, second = m > 1 ? 1 : 0, k = 1;

	if (m > 1 && before(Q, 1, 0)) {
		first = 1;
		second = 0;
	}
	for (size_t i = 2; i < m; i++)
		if (before(Q, i, first)) {
			second = first;
			first = i;
		} else if (before(Q, i, second)) {
			second = i;
		}
	acc->best = first;
	acc->second = second;
	acc->c1 = m < 2 || Q[second] - Q[first] >= dq - 1e-12;
	acc->c2 = lc_rk_near(S[first], smin) || lc_rk_near(R[first], rmin);
	if (acc->c1) {
		acc->n_compromise = acc->c2 ? 1 : 2;
		return;
	}
	for (size_t i = 0; i < m; i++)
		k += i != first && Q[i] - Q[first] < dq - 1e-12;
	acc->n_compromise = k;
}

int lc_mcda_vikor(const double *x, size_t m, size_t n, const int *cost,
		  const double *w, double v, double *S, double *R, double *Q,
		  struct lc_vikor_accept *acc, struct lc_error *err)
{
	double smin = INFINITY, smax = -INFINITY, rmin = INFINITY;
	double rmax = -INFINITY;
	struct lc_rk_colstat *st;
	struct lc_rk_lin *l;
	int rc = lc_rk_check_weights(w, n, err), s_flat, r_flat;

	if (rc)
		return rc;
	if (!(v >= 0 && v <= 1))
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "v",
				    "v must be between 0 and 1");
	st = malloc(n * (sizeof *st + sizeof *l));
	if (!st)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	l = (struct lc_rk_lin *)(st + n);
	rc = lc_rk_col_stats(x, m, n, st, 0, err);
	if (rc) {
		free(st);
		return rc;
	}
	/* w (f* - x) / (f* - f-) = -w (x - f*) / (f* - f-); a constant
	 * column contributes 0 */
	for (size_t j = 0; j < n; j++) {
		double fb = cost && cost[j] ? st[j].lo : st[j].hi;
		double fw = cost && cost[j] ? st[j].hi : st[j].lo;

		if (st[j].hi == st[j].lo)
			lc_rk_lin_const(&l[j], 0);
		else
			lc_rk_lin_set(&l[j], fb, -w[j], fb - fw, 0);
	}
	for (size_t i = 0; i < m; i++) {
		const double *row = x + i * n;
		double sum = 0, mx = 0;

		for (size_t j = 0; j < n; j++) {
			double t = lc_rk_lin_at(&l[j], row[j]);

			sum += t;
			mx = t > mx ? t : mx;
		}
		S[i] = sum;
		R[i] = mx;
	}
	free(st);
	for (size_t i = 0; i < m; i++) {
		smin = S[i] < smin ? S[i] : smin;
		smax = S[i] > smax ? S[i] : smax;
		rmin = R[i] < rmin ? R[i] : rmin;
		rmax = R[i] > rmax ? R[i] : rmax;
	}
	/* S and R are sums and maxima of numbers in [0, w_j]: a spread
	 * within rounding (1e-12, the ranks' tie tolerance) is no spread, or
	 * the last bit of S would decide Q between 0 and 1 */
	s_flat = m == 0 || lc_rk_near(smax, smin);
	r_flat = m == 0 || lc_rk_near(rmax, rmin);
	for (size_t i = 0; i < m; i++) {
		double q = 0;

		if (!s_flat)
			q += v * (S[i] - smin) / (smax - smin);
		if (!r_flat)
			q += (1 - v) * (R[i] - rmin) / (rmax - rmin);
		Q[i] = q;
	}
	rc = lc_rk_check_out(Q, m, "Q", err);
	if (!rc && acc)
		accept(Q, S, R, m, smin, rmin, acc);
	return rc;
}

