/* mcda.c - the multi-criteria methods on a plain decision matrix:
 * normalisations and the separate cost step, WSM and TOPSIS (VIKOR,
 * PROMETHEE II and the ranks have files of their own). No I/O. */
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

int lc_rk_col_stats(const double *x, size_t m, size_t n,
		     struct lc_rk_colstat *st, int need_inv, struct lc_error *err)
{
	if (m == 0 || n == 0)
		return lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				    "empty decision matrix");
	for (size_t j = 0; j < n; j++) {
		st[j].lo = st[j].hi = x[j];
		st[j].sum = st[j].sq = st[j].inv = 0;
	}
	if (n == 1) {
		/* one column (WSM's, criterion by criterion): the sums in
		 * registers, as st may alias x for all the compiler knows;
		 * the same operations in the same order */
		double lo = x[0], hi = x[0], sum = 0, sq = 0;

		for (size_t i = 0; i < m; i++) {
			double v = x[i];

			lo = v < lo ? v : lo;
			hi = v > hi ? v : hi;
			sum += v;
			sq += v * v;
		}
		st[0].lo = lo;
		st[0].hi = hi;
		st[0].sum = sum;
		st[0].sq = sq;
	}
	for (size_t i = 0; n > 1 && i < m; i++) {
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

void lc_rk_lin_set(struct lc_rk_lin *l, double o, double g, double den, double c)
{
	l->o = o;
	l->g = g;
	l->den = den;
	l->c = c;
	l->k = g / den;
	l->slow = !isfinite(l->k);
}

void lc_rk_lin_const(struct lc_rk_lin *l, double c)
{
	l->o = l->k = l->g = 0;
	l->den = 1;
	l->c = c;
	l->slow = 0;
}

/* The weighted, direction-turned normalised value of column j as a struct
 * lin (normalisation, then the cost step: w r, or w (1 - r) for a cost
 * column under minmax and vector). The cost forms of max and sum are
 * divisions (w lo / x, w / (x sum(1/x))); they are not handled here. */
static void lin_norm(struct lc_rk_lin *l, const struct lc_rk_colstat *st, int norm,
		     double w, int cost)
{
	double scale = norm == LC_NORM_MINMAX ? st->hi - st->lo
		: norm == LC_NORM_MAX ? st->hi
		: norm == LC_NORM_SUM ? st->sum : sqrt(st->sq);

	if (!(scale > 0)) {
		/* the stated rules: minmax 1 (a cost column 0), the others
		 * 0 (a cost column under vector 1 - 0) */
		double r = norm == LC_NORM_MINMAX ? 1 : 0;

		lc_rk_lin_const(l, w * (cost ? 1 - r : r));
	} else if (norm == LC_NORM_MINMAX) {
		/* w (x - lo) / range, or w (hi - x) / range */
		lc_rk_lin_set(l, cost ? st->hi : st->lo, cost ? -w : w, scale, 0);
	} else {
		/* w x / scale, or w - w x / scale */
		lc_rk_lin_set(l, 0, cost ? -w : w, scale, cost ? w : 0);
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

int lc_rk_check_out(const double *v, size_t m, const char *what,
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

int lc_rk_norm_lins(const double *x, size_t m, size_t n, int norm,
		    struct lc_rk_lin *l, struct lc_error *err)
{
	struct lc_rk_colstat *st;
	int rc;

	if (norm < 0 || norm >= LC_NORM__COUNT)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "normalization",
				    "unknown normalisation");
	st = malloc((n ? n : 1) * sizeof *st);
	if (!st)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	rc = lc_rk_col_stats(x, m, n, st, 0, err);
	for (size_t j = 0; !rc && j < n; j++) {
		if (norm != LC_NORM_MINMAX && st[j].lo < 0)
			rc = lc_rk_crit_row_error(err, x, m, n, j, 0, 0,
					    msg_negative);
		else
			lin_norm(&l[j], &st[j], norm, 1, 0);
	}
	free(st);
	return rc;
}

int lc_mcda_normalize(const double *x, size_t m, size_t n, int norm,
		      double *out, struct lc_error *err)
{
	struct lc_rk_lin *l = malloc((n ? n : 1) * sizeof *l);
	int rc;

	if (!l)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	rc = lc_rk_norm_lins(x, m, n, norm, l, err);
	for (size_t i = 0; !rc && i < m; i++)
		for (size_t j = 0; j < n; j++)
			out[i * n + j] = lc_rk_lin_at(&l[j], x[i * n + j]);
	free(l);
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
 * statistics, one for the scores. Every column is a struct lc_rk_lin but the
 * cost columns of max and sum, w lo / x and w / (x sum(1/x)): k / x. */
struct wcol {
	struct lc_rk_lin l;
	double k;      /* division form: k / x */
	int div;
};

int lc_mcda_wsm(const double *x, size_t m, size_t n, const int *cost,
		const double *w, int norm, double *score, double *contrib,
		struct lc_error *err)
{
	struct lc_rk_colstat *st;
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
	rc = lc_rk_col_stats(x, m, n, st, any_div, err);
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
		return lc_rk_check_out(score, m, "the score", err);
	}
	for (size_t i = 0; !rc && i < m; i++) {
		const double *row = x + i * n;
		double s = 0;

		for (size_t j = 0; j < n; j++) {
			double v = c[j].div ? c[j].k / row[j]
					    : lc_rk_lin_at(&c[j].l, row[j]);

			if (contrib)
				contrib[i * n + j] = v;
			s += v;
		}
		score[i] = s;
	}
	free(st);
	return rc ? rc : lc_rk_check_out(score, m, "the score", err);
}

int lc_mcda_topsis(const double *x, size_t m, size_t n, const int *cost,
		   const double *w, int norm, double *closeness,
		   double *d_plus, double *d_minus, struct lc_error *err)
{
	struct lc_rk_colstat *st;
	struct lc_rk_lin *l;
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
	l = (struct lc_rk_lin *)(st + n);
	best = (double *)(l + n);
	worst = best + n;
	rc = lc_rk_col_stats(x, m, n, st, 0, err);
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
		a = lc_rk_lin_at(&l[j], st[j].lo);
		b = lc_rk_lin_at(&l[j], st[j].hi);
		best[j] = cost && cost[j] ? a : b;
		worst[j] = cost && cost[j] ? b : a;
	}
	for (size_t i = 0; !rc && i < m; i++) {
		const double *row = x + i * n;
		double dp = 0, dm = 0;

		for (size_t j = 0; j < n; j++) {
			double v = lc_rk_lin_at(&l[j], row[j]);
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
	return rc ? rc : lc_rk_check_out(closeness, m, "the closeness", err);
}

