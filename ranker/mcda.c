/* mcda.c - the multi-criteria methods on a plain decision matrix:
 * normalisations and the separate cost step, WSM, TOPSIS, VIKOR,
 * PROMETHEE II, ranks with shared ties and rank correlations. No I/O. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

static const char *const norm_names[LC_NORM__COUNT] = {
	"minmax", "max", "sum", "vector"
};

int lc_norm_from_name(const char *name)
{
	for (int i = 0; name && i < LC_NORM__COUNT; i++)
		if (strcmp(name, norm_names[i]) == 0)
			return i;
	return -1;
}

const char *lc_norm_name(int norm)
{
	if (norm < 0 || norm >= LC_NORM__COUNT)
		return NULL;
	return norm_names[norm];
}

/* Sets err for criterion j (0-based) and returns status. */
int lc_rk_check_matrix(const double *x, size_t m, size_t n,
		       struct lc_error *err)
{
	if (m == 0 || n == 0)
		return lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				    "empty decision matrix");
	for (size_t i = 0; i < m * n; i++)
		if (!isfinite(x[i])) {
			lc_error_crit(err, LC_EDATA, i % n,
					 "value is not a finite number");
			if (err)
				err->line = (long)(i / n) + 1;
			return LC_EDATA;
		}
	return 0;
}

int lc_rk_check_weights(const double *w, size_t n, struct lc_error *err)
{
	double s = 0;

	for (size_t j = 0; j < n; j++) {
		if (!isfinite(w[j]) || w[j] < 0)
			return lc_error_crit(err, LC_EDATA, j,
						"weight must be >= 0");
		s += w[j];
	}
	if (fabs(s - 1) > 1e-9)
		return lc_error_set(err, LC_EDATA, NULL, 0, "weights",
				    "weights must sum to 1 (they sum to %.10g)",
				    s);
	return 0;
}

/* Column statistics gathered in one row-major pass (the matrix is read
 * once, in memory order, whatever n is). */
struct colstat {
	double lo, hi, sum, sq, inv;   /* inv: sum of 1/x, valid if lo > 0 */
};

static int col_stats(const double *x, size_t m, size_t n,
		     struct colstat *st, int need_inv, struct lc_error *err)
{
	if (m == 0 || n == 0)
		return lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				    "empty decision matrix");
	for (size_t j = 0; j < n; j++) {
		st[j].lo = st[j].hi = x[j];
		st[j].sum = st[j].sq = st[j].inv = 0;
	}
	for (size_t i = 0; i < m; i++) {
		const double *row = x + i * n;

		for (size_t j = 0; j < n; j++) {
			double v = row[j];

			st[j].lo = v < st[j].lo ? v : st[j].lo;
			st[j].hi = v > st[j].hi ? v : st[j].hi;
			st[j].sum += v;
			st[j].sq += v * v;
		}
	}
	/* a NaN or infinity anywhere makes its column's sum of squares
	 * non-finite (overflow too): only then look for the culprit */
	for (size_t j = 0; j < n; j++)
		if (!isfinite(st[j].sq) || !isfinite(st[j].sum))
			return lc_rk_check_matrix(x, m, n, err) ?
				err ? err->status : LC_EDATA
				: lc_error_crit(err, LC_EDATA, j,
					"values too large");
	if (need_inv)
		for (size_t i = 0; i < m; i++)
			for (size_t j = 0; j < n; j++)
				st[j].inv += x[i * n + j] != 0 ?
					1.0 / x[i * n + j] : 0;
	return 0;
}

/* A weighted column as a function of x: v = c + k (x - o). Subtracting
 * the origin o (the column's minimum or maximum, or 0) before scaling
 * keeps every digit of x - o, where the expanded form k x + (c - k o)
 * loses to cancellation as many digits as x has above the column's
 * range (values near 1e9 that differ by units kept 8 digits). When k
 * overflows (a range below ~1e-308 against a normal weight), v is
 * c + g ((x - o) / den) instead, with k = g / den. */
struct lin {
	double o, k, c, g, den;
	int slow;
};

static void lin_set(struct lin *l, double o, double g, double den, double c)
{
	l->o = o;
	l->g = g;
	l->den = den;
	l->c = c;
	l->k = g / den;
	l->slow = !isfinite(l->k);
}

static void lin_const(struct lin *l, double c)
{
	l->o = l->k = l->g = 0;
	l->den = 1;
	l->c = c;
	l->slow = 0;
}

static inline double lin_at(const struct lin *l, double x)
{
	return l->slow ? l->c + l->g * ((x - l->o) / l->den)
		       : l->c + l->k * (x - l->o);
}

/* The weighted, direction-turned normalised value of column j as a struct
 * lin (normalisation, then the cost step: w r, or w (1 - r) for a cost
 * column under minmax and vector). The cost forms of max and sum are
 * divisions (w lo / x, w / (x sum(1/x))); they are not handled here. */
static void lin_norm(struct lin *l, const struct colstat *st, int norm,
		     double w, int cost)
{
	double scale = norm == LC_NORM_MINMAX ? st->hi - st->lo
		: norm == LC_NORM_MAX ? st->hi
		: norm == LC_NORM_SUM ? st->sum : sqrt(st->sq);

	if (!(scale > 0)) {
		/* the stated rules: minmax 1 (a cost column 0), the others
		 * 0 (a cost column under vector 1 - 0) */
		double r = norm == LC_NORM_MINMAX ? 1 : 0;

		lin_const(l, w * (cost ? 1 - r : r));
	} else if (norm == LC_NORM_MINMAX) {
		/* w (x - lo) / range, or w (hi - x) / range */
		lin_set(l, cost ? st->hi : st->lo, cost ? -w : w, scale, 0);
	} else {
		/* w x / scale, or w - w x / scale */
		lin_set(l, 0, cost ? -w : w, scale, cost ? w : 0);
	}
}

int lc_rk_crit_row_error(struct lc_error *err, const double *x, size_t m,
			 size_t n, size_t j, double limit, int or_equal,
			 const char *what)
{
	size_t i = 0;

	while (i < m && !(x[i * n + j] < limit ||
			  (or_equal && x[i * n + j] == limit)))
		i++;
	lc_error_crit(err, LC_EDATA, j, what);
	if (err && i < m)
		err->line = (long)i + 1;
	return LC_EDATA;
}

static const char msg_negative[] =
	"negative value: this normalisation needs values >= 0 (use minmax)";
static const char msg_cost_zero[] =
	"cost criterion with a value <= 0 cannot use max or sum "
	"normalisation (use minmax)";

/* LC_EDATA when one of the m values of out is not a finite number (a
 * last guard: the methods are written so that it cannot happen). */
static int check_out(const double *v, size_t m, const char *what,
		     struct lc_error *err)
{
	for (size_t i = 0; v && i < m; i++)
		if (!isfinite(v[i]))
			return lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				"%s is not a finite number for alternative "
				"%zu (values too large or too close)", what,
				i + 1);
	return 0;
}

int lc_mcda_normalize(const double *x, size_t m, size_t n, int norm,
		      double *out, struct lc_error *err)
{
	struct colstat *st;
	struct lin *l;
	int rc;

	if (norm < 0 || norm >= LC_NORM__COUNT)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "normalization",
				    "unknown normalisation");
	st = malloc((n ? n : 1) * (sizeof *st + sizeof *l));
	if (!st)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	l = (struct lin *)(st + n);
	rc = col_stats(x, m, n, st, 0, err);
	for (size_t j = 0; !rc && j < n; j++) {
		if (norm != LC_NORM_MINMAX && st[j].lo < 0)
			rc = lc_rk_crit_row_error(err, x, m, n, j, 0, 0,
					    msg_negative);
		else
			lin_norm(&l[j], &st[j], norm, 1, 0);
	}
	for (size_t i = 0; !rc && i < m; i++)
		for (size_t j = 0; j < n; j++)
			out[i * n + j] = lin_at(&l[j], x[i * n + j]);
	free(st);
	return rc;
}

int lc_mcda_cost(double *r, size_t m, size_t n, const int *cost, int norm,
		 struct lc_error *err)
{
	for (size_t j = 0; cost && j < n; j++) {
		double lo = INFINITY, inv = 0;

		if (!cost[j])
			continue;
		if (norm == LC_NORM_MINMAX || norm == LC_NORM_VECTOR) {
			for (size_t i = 0; i < m; i++)
				r[i * n + j] = 1.0 - r[i * n + j];
			continue;
		}
		for (size_t i = 0; i < m; i++) {
			double v = r[i * n + j];

			if (!(v > 0))
				return lc_rk_crit_row_error(err, r, m, n, j, 0, 1,
						      msg_cost_zero);
			lo = v < lo ? v : lo;
			inv += 1.0 / v;
		}
		for (size_t i = 0; i < m; i++) {
			double v = r[i * n + j];

			r[i * n + j] = norm == LC_NORM_MAX ? lo / v
							   : (1.0 / v) / inv;
		}
	}
	return 0;
}

/* WSM computes the same numbers as lc_mcda_normalize then lc_mcda_cost
 * without the matrix of normalised values: one pass for the column
 * statistics, one for the scores. Every column is a struct lin but the
 * cost columns of max and sum, w lo / x and w / (x sum(1/x)): k / x. */
struct wcol {
	struct lin l;
	double k;      /* division form: k / x */
	int div;
};

int lc_mcda_wsm(const double *x, size_t m, size_t n, const int *cost,
		const double *w, int norm, double *score, double *contrib,
		struct lc_error *err)
{
	struct colstat *st;
	struct wcol *c;
	double base = 0;
	int rc = lc_rk_check_weights(w, n, err), any_div = 0, plain = 1;

	if (rc)
		return rc;
	if (norm < 0 || norm >= LC_NORM__COUNT)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "normalization",
				    "unknown normalisation");
	st = malloc(n * (sizeof *st + sizeof *c));
	if (!st)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	c = (struct wcol *)(st + n);
	for (size_t j = 0; j < n; j++)
		any_div |= cost && cost[j] && (norm == LC_NORM_MAX ||
					       norm == LC_NORM_SUM);
	rc = col_stats(x, m, n, st, any_div, err);
	for (size_t j = 0; !rc && j < n; j++) {
		int cj = cost && cost[j];

		if (norm != LC_NORM_MINMAX && st[j].lo < 0) {
			rc = lc_rk_crit_row_error(err, x, m, n, j, 0, 0,
					    msg_negative);
			break;
		}
		c[j].div = cj && (norm == LC_NORM_MAX || norm == LC_NORM_SUM);
		if (!c[j].div) {
			lin_norm(&c[j].l, &st[j], norm, w[j], cj);
			continue;
		}
		if (!(st[j].lo > 0)) {
			rc = lc_rk_crit_row_error(err, x, m, n, j, 0, 1,
					    msg_cost_zero);
			break;
		}
		c[j].k = w[j] * (norm == LC_NORM_MAX ? st[j].lo
				 : 1.0 / st[j].inv);
	}
	for (size_t j = 0; !rc && j < n; j++) {
		plain &= !c[j].div && !c[j].l.slow;
		base += c[j].div ? 0 : c[j].l.c;
	}
	if (!rc && !contrib && plain) {
		/* the common case: c + k (x - o) per cell, no branch */
		for (size_t i = 0; i < m; i++) {
			const double *row = x + i * n;
			double s = base;

			for (size_t j = 0; j < n; j++)
				s += c[j].l.k * (row[j] - c[j].l.o);
			score[i] = s;
		}
		free(st);
		return check_out(score, m, "the score", err);
	}
	for (size_t i = 0; !rc && i < m; i++) {
		const double *row = x + i * n;
		double s = 0;

		for (size_t j = 0; j < n; j++) {
			double v = c[j].div ? c[j].k / row[j]
					    : lin_at(&c[j].l, row[j]);

			if (contrib)
				contrib[i * n + j] = v;
			s += v;
		}
		score[i] = s;
	}
	free(st);
	return rc ? rc : check_out(score, m, "the score", err);
}

int lc_mcda_topsis(const double *x, size_t m, size_t n, const int *cost,
		   const double *w, int norm, double *closeness,
		   double *d_plus, double *d_minus, struct lc_error *err)
{
	struct colstat *st;
	struct lin *l;
	double *best, *worst;
	int rc = lc_rk_check_weights(w, n, err);

	if (rc)
		return rc;
	if (norm < 0 || norm >= LC_NORM__COUNT)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "normalization",
				    "unknown normalisation");
	st = malloc(n * (sizeof *st + sizeof *l + 2 * sizeof(double)));
	if (!st)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	l = (struct lin *)(st + n);
	best = (double *)(l + n);
	worst = best + n;
	rc = col_stats(x, m, n, st, 0, err);
	for (size_t j = 0; !rc && j < n; j++) {
		double a, b;

		if (norm != LC_NORM_MINMAX && st[j].lo < 0) {
			rc = lc_rk_crit_row_error(err, x, m, n, j, 0, 0,
					    msg_negative);
			break;
		}
		/* no cost step: the weighted normalised value w r is
		 * increasing in x, so the ideal and the anti-ideal are the
		 * images of the extremes, taken the other way round for a
		 * cost column */
		lin_norm(&l[j], &st[j], norm, w[j], 0);
		a = lin_at(&l[j], st[j].lo);
		b = lin_at(&l[j], st[j].hi);
		best[j] = cost && cost[j] ? a : b;
		worst[j] = cost && cost[j] ? b : a;
	}
	for (size_t i = 0; !rc && i < m; i++) {
		const double *row = x + i * n;
		double dp = 0, dm = 0;

		for (size_t j = 0; j < n; j++) {
			double v = lin_at(&l[j], row[j]);
			double a = v - best[j], b = v - worst[j];

			dp += a * a;
			dm += b * b;
		}
		dp = sqrt(dp);
		dm = sqrt(dm);
		if (d_plus)
			d_plus[i] = dp;
		if (d_minus)
			d_minus[i] = dm;
		closeness[i] = dp + dm > 0 ? dm / (dp + dm) : 0.5;
	}
	free(st);
	return rc ? rc : check_out(closeness, m, "the closeness", err);
}

int lc_mcda_vikor(const double *x, size_t m, size_t n, const int *cost,
		  const double *w, double v, double *S, double *R, double *Q,
		  struct lc_vikor_accept *acc, struct lc_error *err)
{
	double smin = INFINITY, smax = -INFINITY, rmin = INFINITY;
	double rmax = -INFINITY;
	struct colstat *st;
	struct lin *l;
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
	l = (struct lin *)(st + n);
	rc = col_stats(x, m, n, st, 0, err);
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
			lin_const(&l[j], 0);
		else
			lin_set(&l[j], fb, -w[j], fb - fw, 0);
	}
	for (size_t i = 0; i < m; i++) {
		const double *row = x + i * n;
		double sum = 0, mx = 0;

		for (size_t j = 0; j < n; j++) {
			double t = lin_at(&l[j], row[j]);

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
	rc = check_out(Q, m, "Q", err);
	if (!rc && acc) {
		size_t *ord = malloc(m * sizeof *ord);
		double dq = m > 1 ? 1.0 / (double)(m - 1) : 0;
		size_t first;

		if (!ord)
			return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
					    "out of memory");
		lc_rk_order(Q, m, 0, ord);
		first = ord[0];
		acc->best = first;
		acc->second = m > 1 ? ord[1] : first;
		acc->c1 = m < 2 || Q[ord[1]] - Q[first] >= dq - 1e-12;
		acc->c2 = lc_rk_near(S[first], smin) ||
			  lc_rk_near(R[first], rmin);
		if (acc->c1) {
			acc->n_compromise = acc->c2 ? 1 : 2;
		} else {
			size_t k = 1;

			while (k < m && Q[ord[k]] - Q[first] < dq - 1e-12)
				k++;
			acc->n_compromise = k;
		}
		free(ord);
	}
	return rc;
}

/* ---- PROMETHEE II ----------------------------------------------------- */

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

/* ---- ranks ------------------------------------------------------------ */

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
