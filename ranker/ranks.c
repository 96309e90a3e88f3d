/* ranks.c - ordering scores with the ranker's tie tolerance, ranks that
 * share ties, and the Spearman and Kendall rank correlations. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

int lc_rk_near(double a, double b)
{
	double s = fmax(fabs(a), fabs(b));

	return fabs(a - b) <= 1e-12 * (s > 1 ? s : 1);
}

struct ord_ctx {
	const double *v;
	size_t i;
};

static int cmp_up(const void *pa, const void *pb)
{
	const struct ord_ctx *a = pa, *b = pb;

	if (a->v[a->i] < b->v[b->i])
		return -1;
	if (a->v[a->i] > b->v[b->i])
		return 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

static int cmp_down(const void *pa, const void *pb)
{
	const struct ord_ctx *a = pa, *b = pb;

	if (a->v[a->i] > b->v[b->i])
		return -1;
	if (a->v[a->i] < b->v[b->i])
		return 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

int lc_rk_order(const double *v, size_t m, int higher_better, size_t *ord)
{
	struct ord_ctx *c = malloc((m ? m : 1) * sizeof *c);

	if (!c)
		return LC_ENOMEM;
	for (size_t i = 0; i < m; i++) {
		c[i].v = v;
		c[i].i = i;
	}
	qsort(c, m, sizeof *c, higher_better ? cmp_down : cmp_up);
	for (size_t i = 0; i < m; i++)
		ord[i] = c[i].i;
	free(c);
	return 0;
}

int lc_mcda_ranks(const double *score, size_t m, int higher_better,
		  int *rank)
{
	size_t *ord = malloc((m ? m : 1) * sizeof *ord);

	if (!ord || lc_rk_order(score, m, higher_better, ord)) {
		free(ord);
		return LC_ENOMEM;
	}
	for (size_t k = 0; k < m; k++) {
		if (k > 0 && lc_rk_near(score[ord[k]], score[ord[k - 1]]))
			rank[ord[k]] = rank[ord[k - 1]];
		else
			rank[ord[k]] = (int)k + 1;
	}
	free(ord);
	return 0;
}

/* Average ranks (1-based, ascending in v) into out. */
static int avg_ranks(const double *v, size_t m, double *out)
{
	size_t *ord = malloc(m * sizeof *ord);

	if (!ord || lc_rk_order(v, m, 0, ord)) {
		free(ord);
		return LC_ENOMEM;
	}
	for (size_t k = 0; k < m;) {
		size_t e = k + 1;

		while (e < m && lc_rk_near(v[ord[e]], v[ord[k]]))
			e++;
		for (size_t t = k; t < e; t++)
			out[ord[t]] = (double)(k + e + 1) / 2.0;
		k = e;
	}
	free(ord);
	return 0;
}

int lc_mcda_spearman(const double *a, const double *b, size_t m,
		     double *rho, struct lc_error *err)
{
	double *ra, *rb, ma = 0, mb = 0, sab = 0, saa = 0, sbb = 0;

	if (m < 2)
		return lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				    "rank correlation needs 2 alternatives");
	ra = malloc(2 * m * sizeof *ra);
	if (!ra)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	rb = ra + m;
	if (avg_ranks(a, m, ra) || avg_ranks(b, m, rb)) {
		free(ra);
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	}
	for (size_t i = 0; i < m; i++) {
		ma += ra[i];
		mb += rb[i];
	}
	ma /= (double)m;
	mb /= (double)m;
	for (size_t i = 0; i < m; i++) {
		sab += (ra[i] - ma) * (rb[i] - mb);
		saa += (ra[i] - ma) * (ra[i] - ma);
		sbb += (rb[i] - mb) * (rb[i] - mb);
	}
	free(ra);
	if (saa <= 0 || sbb <= 0)
		return lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				    "rank correlation undefined: a ranking "
				    "is all tied");
	*rho = sab / sqrt(saa * sbb);
	return 0;
}

int lc_mcda_kendall(const double *a, const double *b, size_t m,
		    double *tau, struct lc_error *err)
{
	double nc = 0, nd = 0, ta = 0, tb = 0;

	if (m < 2)
		return lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				    "rank correlation needs 2 alternatives");
	/* Quadratic, fine for the sizes a panel ranks. */
	for (size_t i = 0; i < m; i++)
		for (size_t k = i + 1; k < m; k++) {
			int ea = lc_rk_near(a[i], a[k]);
			int eb = lc_rk_near(b[i], b[k]);
			double s;

			if (ea && eb)
				continue;
			if (ea) {
				ta++;
				continue;
			}
			if (eb) {
				tb++;
				continue;
			}
			s = (a[i] - a[k]) * (b[i] - b[k]);
			if (s > 0)
				nc++;
			else
				nd++;
		}
	if ((nc + nd + ta) <= 0 || (nc + nd + tb) <= 0)
		return lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				    "rank correlation undefined: a ranking "
				    "is all tied");
	*tau = (nc - nd) / sqrt((nc + nd + ta) * (nc + nd + tb));
	return 0;
}

