/* promethee.c - PROMETHEE II: preference functions, and the positive,
 * negative and net flows (sorted sweeps for the piecewise-linear
 * functions, pairwise for the Gaussian). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

static double pref_value(const struct lc_pref *p, double d)
{
	if (d <= 0)
		return 0;
	switch (p->type) {
	case LC_PREF_USHAPE:
		return d > p->q ? 1 : 0;
	case LC_PREF_VSHAPE:
		return d >= p->p ? 1 : d / p->p;
	case LC_PREF_LINEAR:
		if (d <= p->q)
			return 0;
		return d > p->p ? 1 : (d - p->q) / (p->p - p->q);
	case LC_PREF_GAUSSIAN:
		return 1 - exp(-d * d / (2 * p->s * p->s));
	default:
		return 1;
	}
}

static const char *const pref_names[] = {
	"usual", "ushape", "vshape", "linear", "gaussian"
};

static int parse_param(const char *s, double *out)
{
	return lc_num_parse(s, out) == 0 && isfinite(*out) && *out >= 0
		? 0 : -1;
}

int lc_pref_parse(const char *text, struct lc_pref *out,
		  struct lc_error *err)
{
	char buf[128], *a = NULL, *b = NULL, *c;
	int t = -1;

	memset(out, 0, sizeof *out);
	if (!text || strlen(text) >= sizeof buf)
		goto bad;
	memcpy(buf, text, strlen(text) + 1);
	c = strchr(buf, ':');
	if (c) {
		*c = '\0';
		a = c + 1;
		c = strchr(a, ':');
		if (c) {
			*c = '\0';
			b = c + 1;
		}
	}
	for (int i = 0; i < 5; i++)
		if (strcmp(buf, pref_names[i]) == 0)
			t = i;
	out->type = t;
	switch (t) {
	case LC_PREF_USUAL:
		if (a)
			goto bad;
		return 0;
	case LC_PREF_USHAPE:
		if (!a || b || parse_param(a, &out->q))
			goto bad;
		return 0;
	case LC_PREF_VSHAPE:
		if (!a || b || parse_param(a, &out->p) || out->p <= 0)
			goto bad;
		return 0;
	case LC_PREF_LINEAR:
		if (!a || !b || parse_param(a, &out->q) ||
		    parse_param(b, &out->p) || out->p <= out->q)
			goto bad;
		return 0;
	case LC_PREF_GAUSSIAN:
		if (!a || b || parse_param(a, &out->s) || out->s <= 0)
			goto bad;
		return 0;
	default:
		break;
	}
bad:
	return lc_error_set(err, LC_EUSAGE, NULL, 0, "preference",
			    "bad preference function '%s' (usual, ushape:Q, "
			    "vshape:P, linear:Q:P with Q < P, gaussian:S; "
			    "thresholds >= 0)", text ? text : "");
}

char *lc_pref_format(const struct lc_pref *p, char *buf, size_t n)
{
	char a[32], b[32];

	switch (p->type) {
	case LC_PREF_USHAPE:
		snprintf(buf, n, "ushape:%s", lc_num_format(p->q, a, 32));
		break;
	case LC_PREF_VSHAPE:
		snprintf(buf, n, "vshape:%s", lc_num_format(p->p, a, 32));
		break;
	case LC_PREF_LINEAR:
		snprintf(buf, n, "linear:%s:%s", lc_num_format(p->q, a, 32),
			 lc_num_format(p->p, b, 32));
		break;
	case LC_PREF_GAUSSIAN:
		snprintf(buf, n, "gaussian:%s", lc_num_format(p->s, a, 32));
		break;
	default:
		snprintf(buf, n, "usual");
		break;
	}
	return buf;
}

/* The flows per criterion without comparing every pair: with the
 * column sorted, P(x - y) is 1, 0 or linear in y over three runs of the
 * sorted values, whose bounds binary searches find with the very
 * comparisons the pairwise definition makes (x - y is monotone in y in
 * floating point too), and a linear run sums from prefix sums. O(m log m)
 * per criterion instead of O(m^2); the Gaussian criterion, which has no
 * such runs, is done pairwise. */

/* Leading count of sorted y with x - y > t (ge: >= t). */
static size_t lead(const double *y, size_t m, double x, double t, int ge)
{
	size_t lo = 0, hi = m;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		double d = x - y[mid];

		if (ge ? d >= t : d > t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* First index of sorted y with y - x > t (ge: >= t). */
static size_t trail(const double *y, size_t m, double x, double t, int ge)
{
	size_t lo = 0, hi = m;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		double d = y[mid] - x;

		if (ge ? d >= t : d > t)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static int cmp_up_dbl(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Adds w times the preference sums of column v (m values, oriented so
 * that higher is better) to pp (a over the others) and pm (the others
 * over a). y and ps are scratch of m and m + 1 entries. */
static void flows_sorted(const double *v, size_t m, const struct lc_pref *p,
			 double w, double *pp, double *pm, double *y,
			 long double *ps)
{
	memcpy(y, v, m * sizeof *y);
	qsort(y, m, sizeof *y, cmp_up_dbl);
	ps[0] = 0;
	for (size_t k = 0; k < m; k++)
		ps[k + 1] = ps[k] + y[k];
	for (size_t a = 0; a < m; a++) {
		double x = v[a], plus, minus;
		size_t f, z;

		switch (p->type) {
		case LC_PREF_USHAPE:
			plus = (double)lead(y, m, x, p->q, 0);
			minus = (double)(m - trail(y, m, x, p->q, 0));
			break;
		case LC_PREF_VSHAPE:
			f = lead(y, m, x, p->p, 1);
			z = lead(y, m, x, 0, 0);
			plus = (double)f + (double)(((long double)(z - f) * x -
				(ps[z] - ps[f])) / p->p);
			f = trail(y, m, x, p->p, 1);
			z = trail(y, m, x, 0, 0);
			minus = (double)(m - f) + (double)(((ps[f] - ps[z]) -
				(long double)(f - z) * x) / p->p);
			break;
		case LC_PREF_LINEAR:
			f = lead(y, m, x, p->p, 0);
			z = lead(y, m, x, p->q, 0);
			plus = (double)f + (double)(((long double)(z - f) *
				(x - p->q) - (ps[z] - ps[f])) / (p->p - p->q));
			f = trail(y, m, x, p->p, 0);
			z = trail(y, m, x, p->q, 0);
			minus = (double)(m - f) + (double)(((ps[f] - ps[z]) -
				(long double)(f - z) * (x + p->q)) /
				(p->p - p->q));
			break;
		default:   /* usual */
			plus = (double)lead(y, m, x, 0, 0);
			minus = (double)(m - trail(y, m, x, 0, 0));
			break;
		}
		pp[a] += w * plus;
		pm[a] += w * minus;
	}
}

int lc_mcda_promethee2(const double *x, size_t m, size_t n, const int *cost,
		       const double *w, const struct lc_pref *pref,
		       double *phi_plus, double *phi_minus, double *phi,
		       struct lc_error *err)
{
	double *pp, *pm, *v, *y;
	long double *ps;
	int rc = lc_rk_check_matrix(x, m, n, err), gauss = 0;

	if (!rc)
		rc = lc_rk_check_weights(w, n, err);
	if (rc)
		return rc;
	pp = calloc(4 * m, sizeof *pp);
	ps = malloc((m + 1) * sizeof *ps);
	if (!pp || !ps) {
		free(pp);
		free(ps);
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	}
	pm = pp + m;
	v = pm + m;
	y = v + m;
	for (size_t j = 0; j < n; j++) {
		if (pref[j].type == LC_PREF_GAUSSIAN) {
			gauss = 1;
			continue;
		}
		if (!(w[j] > 0))
			continue;
		for (size_t a = 0; a < m; a++)
			v[a] = cost && cost[j] ? -x[a * n + j] : x[a * n + j];
		flows_sorted(v, m, &pref[j], w[j], pp, pm, y, ps);
	}
	for (size_t a = 0; gauss && a < m; a++) {
		const double *xa = x + a * n;

		for (size_t b = a + 1; b < m; b++) {
			const double *xb = x + b * n;
			double pab = 0, pba = 0;

			for (size_t j = 0; j < n; j++) {
				double d = xa[j] - xb[j];

				if (pref[j].type != LC_PREF_GAUSSIAN)
					continue;
				if (cost && cost[j])
					d = -d;
				/* P(d) is 0 for d <= 0: one side at most */
				if (d > 0)
					pab += w[j] * pref_value(&pref[j], d);
				else if (d < 0)
					pba += w[j] * pref_value(&pref[j], -d);
			}
			pp[a] += pab;
			pm[b] += pab;
			pp[b] += pba;
			pm[a] += pba;
		}
	}
	for (size_t a = 0; a < m; a++) {
		double f = m > 1 ? 1.0 / (double)(m - 1) : 0;

		if (phi_plus)
			phi_plus[a] = pp[a] * f;
		if (phi_minus)
			phi_minus[a] = pm[a] * f;
		phi[a] = (pp[a] - pm[a]) * f;
	}
	free(pp);
	free(ps);
	return 0;
}

