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
static uint64_t key_of(double v)
{
	uint64_t b;

	if (v == 0)
		v = 0;
	memcpy(&b, &v, sizeof b);
	return b >> 63 ? ~b : b | (1ULL << 63);
}

/* Indices of v by value, ascending (descending: the keys inverted), ties
 * by index: a stable radix sort of (key, index) pairs, where a comparison
 * sort of a million scores took ten times as long. Digits of 11 bits
 * (six passes over 2,048 counts, which stay in the cache while millions
 * of values are scattered: with 16 bits, the passes grew faster than the
 * input), of 8 bits (eight passes over 256 counts) below 65,536 values,
 * so that a small sort costs little: explain sorts a few hundred times. */
int lc_rk_order(const double *v, size_t m, int higher_better, size_t *ord)
{
	struct kv {
		uint64_t key;
		size_t i;
	} *base = malloc((m ? m : 1) * 2 * sizeof *base), *a = base, *b;
	int bits = m < 65536 ? 8 : 11;
	size_t nd = (size_t)1 << bits, mask = nd - 1;
	size_t *count = malloc(nd * sizeof *count);

	if (!base || !count) {
		free(base);
		free(count);
		return LC_ENOMEM;
	}
	b = a + m;
	for (size_t i = 0; i < m; i++)
		a[i] = (struct kv){ higher_better ? ~key_of(v[i]) : key_of(v[i]),
				    i };
	for (int shift = 0; shift < 64; shift += bits) {
		struct kv *t;
		size_t sum = 0;

		memset(count, 0, nd * sizeof *count);
		for (size_t k = 0; k < m; k++)
			count[(a[k].key >> shift) & mask]++;
		for (size_t d = 0; d < nd; d++) {
			size_t c = count[d];

			count[d] = sum;
			sum += c;
		}
		for (size_t k = 0; k < m; k++)
			b[count[(a[k].key >> shift) & mask]++] = a[k];
		t = a;
		a = b;
		b = t;
	}
	for (size_t k = 0; k < m; k++)
		ord[k] = a[k].i;
	free(base);
	free(count);
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

