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

/* A position in sorted y that only moves forward as x grows: lead
 * counts the y with x - y > t (ge: >= t), trail finds the first y with
 * y - x > t (ge: >= t). Both are monotone in x, so walking the
 * alternatives in value order costs O(m) per criterion, where a binary
 * search per alternative and threshold cost O(m log m) in scattered
 * reads. The predicates are the binary searches' own, so the positions
 * (and the flows) are exactly theirs. */
struct walk {
	size_t at;
	double t;
	int ge, lead;
};

static size_t walk_to(struct walk *w, const double *y, size_t m, double x)
{
	if (w->lead)
		while (w->at < m && (w->ge ? x - y[w->at] >= w->t :
				     x - y[w->at] > w->t))
			w->at++;
	else
		while (w->at < m && !(w->ge ? y[w->at] - x >= w->t :
				      y[w->at] - x > w->t))
			w->at++;
	return w->at;
}

/* Adds w times the preference sums of column v (m values, oriented so
 * that higher is better) to f[2a] (a over the others) and f[2a + 1] (the
 * others over a): the two sums of an alternative share a cache line, as
 * the alternatives are visited in value order, that is scattered. y, ps
 * and ord are scratch of m, m + 1 and m entries. Returns 0 or
 * LC_ENOMEM. */
static int flows_sorted(const double *v, size_t m, const struct lc_pref *p,
			double w, double *f2, double *y, long double *ps,
			size_t *ord)
{
	double t1 = p->type == LC_PREF_USHAPE ? p->q :
		p->type == LC_PREF_VSHAPE || p->type == LC_PREF_LINEAR ? p->p
		: 0;
	double t2 = p->type == LC_PREF_LINEAR ? p->q : 0;
	int ge1 = p->type == LC_PREF_VSHAPE;
	struct walk l1 = { 0, t1, ge1, 1 }, l2 = { 0, t2, 0, 1 };
	struct walk r1 = { 0, t1, ge1, 0 }, r2 = { 0, t2, 0, 0 };

	if (lc_rk_order(v, m, 0, ord))
		return LC_ENOMEM;
	ps[0] = 0;
	for (size_t k = 0; k < m; k++) {
		y[k] = v[ord[k]];
		ps[k + 1] = ps[k] + y[k];
	}
	for (size_t k = 0; k < m; k++) {
		size_t a = ord[k], f, z, fr, zr;
		double x = y[k], plus, minus;

		f = walk_to(&l1, y, m, x);
		fr = walk_to(&r1, y, m, x);
		switch (p->type) {
		case LC_PREF_USHAPE:
			plus = (double)f;
			minus = (double)(m - fr);
			break;
		case LC_PREF_VSHAPE:
			z = walk_to(&l2, y, m, x);
			zr = walk_to(&r2, y, m, x);
			plus = (double)f + (double)(((long double)(z - f) * x -
				(ps[z] - ps[f])) / p->p);
			minus = (double)(m - fr) + (double)(((ps[fr] - ps[zr]) -
				(long double)(fr - zr) * x) / p->p);
			break;
		case LC_PREF_LINEAR:
			z = walk_to(&l2, y, m, x);
			zr = walk_to(&r2, y, m, x);
			plus = (double)f + (double)(((long double)(z - f) *
				(x - p->q) - (ps[z] - ps[f])) / (p->p - p->q));
			minus = (double)(m - fr) + (double)(((ps[fr] - ps[zr]) -
				(long double)(fr - zr) * (x + p->q)) /
				(p->p - p->q));
			break;
		default:   /* usual: thresholds 0 */
			plus = (double)f;
			minus = (double)(m - fr);
			break;
		}
		f2[2 * a] += w * plus;
		f2[2 * a + 1] += w * minus;
	}
	return 0;
}

int lc_mcda_promethee2(const double *x, size_t m, size_t n, const int *cost,
		       const double *w, const struct lc_pref *pref,
		       double *phi_plus, double *phi_minus, double *phi,
		       struct lc_error *err)
{
	double *f2, *v, *y;
	long double *ps;
	size_t *ord;
	int rc = lc_rk_check_matrix(x, m, n, err), gauss = 0;

	if (!rc)
		rc = lc_rk_check_weights(w, n, err);
	if (rc)
		return rc;
	f2 = calloc(4 * m + 1, sizeof *f2);
	ps = malloc((m + 1) * sizeof *ps);
	ord = malloc((m ? m : 1) * sizeof *ord);
	if (!f2 || !ps || !ord) {
		free(f2);
		free(ps);
		free(ord);
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	}
	v = f2 + 2 * m;   /* f2: the two flows of each alternative */
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
		if (flows_sorted(v, m, &pref[j], w[j], f2, y, ps, ord)) {
			free(f2);
			free(ps);
			free(ord);
			return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
					    "out of memory");
		}
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
			f2[2 * a] += pab;
			f2[2 * b + 1] += pab;
			f2[2 * b] += pba;
			f2[2 * a + 1] += pba;
		}
	}
	for (size_t a = 0; a < m; a++) {
		double f = m > 1 ? 1.0 / (double)(m - 1) : 0;

		if (phi_plus)
			phi_plus[a] = f2[2 * a] * f;
		if (phi_minus)
			phi_minus[a] = f2[2 * a + 1] * f;
		phi[a] = (f2[2 * a] - f2[2 * a + 1]) * f;
	}
	free(f2);
	free(ps);
	free(ord);
	return 0;
}

