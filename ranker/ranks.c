/* ranks.c - ordering scores with the ranker's tie tolerance, ranks that
 * share ties, and the Spearman and Kendall rank correlations. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

int lc_rk_near(double a, double b)
{
	double s = fmax(fabs(a), fabs(b));

	return fabs(a - b) <= 1e-12 * (s > 1 ? s : 1);
}

/* The bits of v as an unsigned key in the order of the values (negatives
 * inverted, positives with the sign bit set; -0 taken as 0, equal to
 * it as the comparisons have it). */
uint64_t lc_rk_key(double v)
{
	uint64_t b;

	if (v == 0)
		v = 0;
	memcpy(&b, &v, sizeof b);
	return b >> 63 ? ~b : b | (1ULL << 63);
}

double lc_rk_unkey(uint64_t k)
{
	double v;

	k = k >> 63 ? k & ~(1ULL << 63) : ~k;
	memcpy(&v, &k, sizeof v);
	return v;
}

/* A stable LSD radix sort, where a comparison sort of a million scores
 * took ten times as long. Digits of 11 bits (six passes over 2,048
 * counts, which stay in the cache while millions of pairs are
 * scattered: with 16 bits, the passes grew faster than the input), of 8
 * bits (eight passes over 256 counts) below 65,536 pairs, so that a small
 * sort costs little: explain sorts a few hundred times. The counts of
 * every digit are taken in one read of the pairs, and a digit that all
 * keys share (the high bits of values of one sign and magnitude) costs
 * no pass. */
struct lc_rk_kv *lc_rk_radix(struct lc_rk_kv *a, struct lc_rk_kv *tmp,
			     size_t m)
{
	int bits = m < 65536 ? 8 : 11, np = (64 + bits - 1) / bits;
	size_t nd = (size_t)1 << bits, mask = nd - 1;
	size_t *count = calloc(nd * (size_t)np, sizeof *count);

	if (!count)
		return NULL;
	for (size_t k = 0; k < m; k++)
		for (int p = 0; p < np; p++)
			count[(size_t)p * nd +
			      ((a[k].key >> (p * bits)) & mask)]++;
	for (int p = 0; p < np; p++) {
		size_t *c = count + (size_t)p * nd, sum = 0;
		size_t shift = (size_t)p * bits;
		struct lc_rk_kv *t;

		if (m == 0 || c[(a[0].key >> shift) & mask] == m)
			continue;   /* every key has this digit */
		for (size_t d = 0; d < nd; d++) {
			size_t n = c[d];

			c[d] = sum;
			sum += n;
		}
		for (size_t k = 0; k < m; k++)
			tmp[c[(a[k].key >> shift) & mask]++] = a[k];
		t = a;
		a = tmp;
		tmp = t;
	}
	free(count);
	return a;
}

/* The pairs (key of v[i] ^ flip, i) sorted, in *base (2m pairs, the
 * caller frees it); NULL when out of memory (*base then freed). flip
 * ~0 orders the values descending. */
static struct lc_rk_kv *sorted_pairs(const double *v, size_t m,
				     uint64_t flip, struct lc_rk_kv **base)
{
	struct lc_rk_kv *a;

	*base = malloc((m ? m : 1) * 2 * sizeof **base);
	if (!*base)
		return NULL;
	for (size_t i = 0; i < m; i++)
		(*base)[i] = (struct lc_rk_kv){ lc_rk_key(v[i]) ^ flip, i };
	a = lc_rk_radix(*base, *base + m, m);
	if (!a) {
		free(*base);
		*base = NULL;
	}
	return a;
}

/* Indices of v by value, ascending (descending: the keys inverted), ties
 * by index: the radix sort of (key, index) pairs. */
int lc_rk_order(const double *v, size_t m, int higher_better, size_t *ord)
{
	struct lc_rk_kv *base;
	const struct lc_rk_kv *a = sorted_pairs(v, m, higher_better ? ~0ULL : 0,
						&base);

	if (!a)
		return LC_ENOMEM;
	for (size_t k = 0; k < m; k++)
		ord[k] = a[k].i;
	free(base);
	return 0;
}

int lc_mcda_ranks(const double *score, size_t m, int higher_better,
		  int *rank)
{
	/* the sorted keys give the values back in order: no gather of
	 * score through the order, which costs a cache miss an entry at
	 * millions of rows */
	uint64_t flip = higher_better ? ~0ULL : 0;
	struct lc_rk_kv *base;
	const struct lc_rk_kv *a = sorted_pairs(score, m, flip, &base);
	double prev = 0;
	int r = 0;

	if (!a)
		return LC_ENOMEM;
	for (size_t k = 0; k < m; k++) {
		double v = lc_rk_unkey(a[k].key ^ flip);

		if (k == 0 || !lc_rk_near(v, prev))
			r = (int)k + 1;
		rank[a[k].i] = r;
		prev = v;
	}
	free(base);
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

