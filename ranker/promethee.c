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

/* The sweep over one sorted column: y its values ascending, ps their
 * prefix sums, and the four walks. */
struct sweep {
	const struct lc_pref *p;
	const double *y;
	const long double *ps;
	size_t m;
	struct walk l1, l2, r1, r2;
};

/* The sums of P(y[k] - other) (*plus) and P(other - y[k]) (*minus) over
 * the other values; k runs up from 0, one call each. */
static void sweep_at(struct sweep *s, size_t k, double *plus, double *minus)
{
	const struct lc_pref *p = s->p;
	const long double *ps = s->ps;
	size_t m = s->m, f, z, fr, zr;
	double x = s->y[k];

	f = walk_to(&s->l1, s->y, m, x);
	fr = walk_to(&s->r1, s->y, m, x);
	switch (p->type) {
	case LC_PREF_VSHAPE:
		z = walk_to(&s->l2, s->y, m, x);
		zr = walk_to(&s->r2, s->y, m, x);
		*plus = (double)f + (double)(((long double)(z - f) * x -
			(ps[z] - ps[f])) / p->p);
		*minus = (double)(m - fr) + (double)(((ps[fr] - ps[zr]) -
			(long double)(fr - zr) * x) / p->p);
		break;
	case LC_PREF_LINEAR:
		z = walk_to(&s->l2, s->y, m, x);
		zr = walk_to(&s->r2, s->y, m, x);
		*plus = (double)f + (double)(((long double)(z - f) *
			(x - p->q) - (ps[z] - ps[f])) / (p->p - p->q));
		*minus = (double)(m - fr) + (double)(((ps[fr] - ps[zr]) -
			(long double)(fr - zr) * (x + p->q)) /
			(p->p - p->q));
		break;
	default:   /* usual (thresholds 0) and U-shape: no linear run */
		*plus = (double)f;
		*minus = (double)(m - fr);
		break;
	}
}

/* The sweep's terms are added to f2 bucket by bucket. Visited in value
 * order, the alternatives are scattered over f2 (16 bytes each, 51 MB
 * at 3.2 million rows), and adding in that order cost a cache and a TLB
 * miss per alternative and criterion: 62 % of the method's time there.
 * A chunk of the sweep is now placed by a counting pass over its indices
 * into buckets of 8,192 alternatives (128 KiB of f2), then added bucket
 * by bucket. Every f2 entry still gets its criteria's terms in the same
 * order, so the flows are the same to the bit. */
#define BUCKET_BITS 13
#define CHUNK ((size_t)1 << 17)

struct term {
	double plus, minus;
	size_t a;
};

struct spill {
	struct term *t;   /* CHUNK terms */
	size_t *pos;      /* nb + 1 bucket positions */
	size_t nb;
};

/* Adds w times the preference sums of column j of mat (m x n; negated for
 * a cost, so that higher is better) to f2[2a] (a over the others) and
 * f2[2a + 1] (the others over a). kv, y and ps are scratch of 2m, m and
 * m + 1 entries: the sorted values come from the sorted keys, not from a
 * gather over the column. Returns 0 or LC_ENOMEM. */
static int flows_sorted(const double *mat, size_t m, size_t n, size_t j,
			int cost, const struct lc_pref *p, double w,
			double *f2, struct lc_rk_kv *kv, double *y,
			long double *ps, struct spill *sp)
{
	double t1 = p->type == LC_PREF_USHAPE ? p->q :
		p->type == LC_PREF_VSHAPE || p->type == LC_PREF_LINEAR ? p->p
		: 0;
	double t2 = p->type == LC_PREF_LINEAR ? p->q : 0;
	int ge1 = p->type == LC_PREF_VSHAPE;
	struct sweep sw = { p, y, ps, m, { 0, t1, ge1, 1 }, { 0, t2, 0, 1 },
			    { 0, t1, ge1, 0 }, { 0, t2, 0, 0 } };
	const struct lc_rk_kv *s;

	for (size_t a = 0; a < m; a++)
		kv[a] = (struct lc_rk_kv){
			lc_rk_key(cost ? -mat[a * n + j] : mat[a * n + j]), a };
	s = lc_rk_radix(kv, kv + m, m);
	if (!s)
		return LC_ENOMEM;
	ps[0] = 0;
	for (size_t k = 0; k < m; k++) {
		y[k] = lc_rk_unkey(s[k].key);
		ps[k + 1] = ps[k] + y[k];
	}
	for (size_t k0 = 0; k0 < m; k0 += CHUNK) {
		size_t k1 = m - k0 < CHUNK ? m : k0 + CHUNK, *pos = sp->pos;

		memset(pos, 0, (sp->nb + 1) * sizeof *pos);
		for (size_t k = k0; k < k1; k++)
			pos[(s[k].i >> BUCKET_BITS) + 1]++;
		for (size_t b = 0; b < sp->nb; b++)
			pos[b + 1] += pos[b];
		for (size_t k = k0; k < k1; k++) {
			struct term *t = sp->t + pos[s[k].i >> BUCKET_BITS]++;
			double plus, minus;

			sweep_at(&sw, k, &plus, &minus);
			*t = (struct term){ w * plus, w * minus, s[k].i };
		}
		for (size_t i = 0; i < k1 - k0; i++) {
			f2[2 * sp->t[i].a] += sp->t[i].plus;
			f2[2 * sp->t[i].a + 1] += sp->t[i].minus;
		}
	}
	return 0;
}

int lc_mcda_promethee2(const double *x, size_t m, size_t n, const int *cost,
		       const double *w, const struct lc_pref *pref,
		       double *phi_plus, double *phi_minus, double *phi,
		       struct lc_error *err)
{
	double *f2, *y;
	long double *ps;
	struct lc_rk_kv *kv;
	struct spill sp = { NULL, NULL, (m >> BUCKET_BITS) + 1 };
	int rc = lc_rk_check_matrix(x, m, n, err), gauss = 0;

	if (!rc)
		rc = lc_rk_check_weights(w, n, err);
	if (rc)
		return rc;
	f2 = calloc(3 * m + 1, sizeof *f2);
	ps = malloc((m + 1) * sizeof *ps);
	kv = malloc((m ? m : 1) * 2 * sizeof *kv);
	sp.t = malloc((m < CHUNK ? m + 1 : CHUNK) * sizeof *sp.t);
	sp.pos = malloc((sp.nb + 1) * sizeof *sp.pos);
	if (!f2 || !ps || !kv || !sp.t || !sp.pos)
		goto nomem;
	y = f2 + 2 * m;   /* f2: the two flows of each alternative */
	for (size_t j = 0; j < n; j++) {
		if (pref[j].type == LC_PREF_GAUSSIAN) {
			gauss = 1;
			continue;
		}
		if (w[j] > 0 &&
		    flows_sorted(x, m, n, j, cost && cost[j], &pref[j], w[j],
				 f2, kv, y, ps, &sp))
			goto nomem;
	}
	free(ps);   /* the scratch of the sorted sweeps */
	free(kv);
	free(sp.t);
	free(sp.pos);
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
	return 0;
nomem:
	free(f2);
	free(ps);
	free(kv);
	free(sp.t);
	free(sp.pos);
	return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL, "out of memory");
}

