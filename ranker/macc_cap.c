/* macc_cap.c - competing routes counted once in an abatement cost curve:
 * routes that decarbonise the same product draw on one budget, its
 * baseline emissions, in cost order; what exceeds it is overlap. */
#include <math.h>
#include <stdlib.h>
#include "ranker/ranker.h"

int lc_macc_cap(struct lc_cap_route *r, size_t n, const double *budget,
		size_t nbudget, struct lc_error *err)
{
	double *left = malloc((nbudget ? nbudget : 1) * sizeof *left);
	double x = 0;

	if (!left)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	for (size_t k = 0; k < nbudget; k++)
		left[k] = isfinite(budget[k]) && budget[k] > 0 ? budget[k] : 0;
	for (size_t i = 0; i < n; i++) {
		double c = r[i].claimed;
		int k = r[i].product;

		if (!isfinite(c) || c <= 0)
			c = 0;
		r[i].counted = c;
		if (k >= 0 && (size_t)k < nbudget) {
			r[i].counted = fmin(c, left[k]);
			left[k] -= r[i].counted;
		}
		r[i].overlap = c - r[i].counted;
		r[i].xmin = x;
		x += r[i].counted;
		r[i].xmax = x;
	}
	free(left);
	return 0;
}
