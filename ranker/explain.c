/* explain.c - "why is this entry 21st?": the score at which an entry's
 * selection would change, and the value one criterion would need, all
 * else equal, each try re-running the method and the whole selection. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

/* Scratch for re-selecting: scores, order, selection codes. */
struct resel {
	double *score;
	size_t *ord;
	char *sel;
};

static int resel_init(struct resel *z, size_t m)
{
	z->score = malloc((m ? m : 1) * sizeof *z->score);
	z->ord = malloc((m ? m : 1) * sizeof *z->ord);
	z->sel = malloc(m ? m : 1);
	return z->score && z->ord && z->sel ? 0 : LC_ENOMEM;
}

static void resel_free(struct resel *z)
{
	free(z->score);
	free(z->ord);
	free(z->sel);
}

/* Whether row is selected by the whole rule (ranking, ties and quotas)
 * when the scores are z->score; *in receives 1 or 0. */
static int selected_now(const struct lc_ranking *r, const double *X,
			struct resel *z, size_t row, int *in)
{
	long cut, out;

	if (lc_rk_order_select(r, X, z->score, z->ord, z->sel, &cut, &out))
		return LC_ENOMEM;
	*in = LC_RK_SELECTED(z->sel[row]);
	return 0;
}

/* Whether row is selected when X[row][j] = v, the method re-run. */
static int selected_with(const struct lc_ranking *r, int method, double *X,
			 struct resel *z, size_t row, size_t j, double v,
			 int *in, struct lc_error *err)
{
	double keep = X[row * r->ncrit + j];
	int rc;

	X[row * r->ncrit + j] = v;
	rc = lc_rk_run_method(r, method, X, r->w, z->score, NULL, err);
	if (!rc && selected_now(r, X, z, row, in))
		rc = lc_rk_oom(err);
	X[row * r->ncrit + j] = keep;
	return rc;
}

double lc_ranking_threshold(const struct lc_ranking *r, size_t i)
{
	struct resel z;
	double lo = INFINITY, hi = -INFINITY, a, b;
	size_t row;
	int in, want, sel;

	if (i >= r->n || r->e[i].row < 0)
		return NAN;
	row = (size_t)r->e[i].row;
	sel = r->e[i].selected;
	if (resel_init(&z, r->m)) {
		resel_free(&z);
		return NAN;
	}
	for (size_t q = 0; q < r->m; q++) {
		z.score[q] = r->e[r->byrow[q]].score;
		lo = fmin(lo, z.score[q]);
		hi = fmax(hi, z.score[q]);
	}
	/* scores beyond every other one: first place, last place */
	a = z.score[row];
	b = sel ? lo - 1 - fabs(lo) : hi + 1 + fabs(hi);
	z.score[row] = b;
	if (selected_now(r, r->X, &z, row, &in)) {
		resel_free(&z);
		return NAN;
	}
	if (in == sel) {
		/* in at any score (a minimum quota), or out at any */
		resel_free(&z);
		return sel ? -INFINITY : INFINITY;
	}
	/* a keeps the current state, b the other: bisect between them */
	want = !sel;
	for (int it = 0; it < 200 && a != b; it++) {
		double mid = a / 2 + b / 2;

		if (mid == a || mid == b)
			break;
		z.score[row] = mid;
		if (selected_now(r, r->X, &z, row, &in))
			break;
		if (in == want)
			b = mid;
		else
			a = mid;
	}
	resel_free(&z);
	/* the score at which the state changes: the lowest that gets in
	 * (not selected), the lowest that stays in (selected) */
	return sel ? a : b;
}

/* How far a criterion value may go in the direction dir (+1 up, -1
 * down) from the column's values: a panel criterion its scale, TRL 1 to
 * 9; another indicator 1e6 times the spread beyond the observed extreme,
 * but not below 0 when every value seen is >= 0 (a potential, a payback)
 * or the normalisation needs it (> 0 for a cost column under max and
 * sum). */
static double far_value(const struct lc_ranking *r, int method, size_t j,
			double lo, double hi, int dir)
{
	const struct lc_rk_crit *c = &r->crit[j];
	double span = hi > lo ? hi - lo : fmax(fabs(hi), 1);
	int norm = method == 0 ? c->norm : method == 1 ? r->topsis_norm
			       : LC_NORM_MINMAX;

	if (c->panel)
		return dir > 0 ? c->hi : c->lo;
	if (c->field == LC_F_TRL)
		return dir > 0 ? 9 : 1;
	if (dir > 0)
		return hi + 1e6 * span;
	if (norm == LC_NORM_MINMAX && lo < 0)
		return lo - 1e6 * span;
	if (c->cost && (norm == LC_NORM_MAX || norm == LC_NORM_SUM))
		return fmin(lo, span * 1e-9);
	return fmin(lo, 0);
}

int lc_ranking_explain(const struct lc_ranking *r, size_t i, size_t j,
		       double *value, int *reach, struct lc_error *err)
{
	const struct lc_rk_entry *e;
	size_t m = r->m, n = r->ncrit, row;
	double *X = NULL, lo = INFINITY, hi = -INFINITY, a, b;
	int method = lc_rk_method_index(r->method), rc = 0, dir, in = 0;
	struct resel z;

	*reach = 0;
	*value = NAN;
	if (i >= r->n || j >= n)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, NULL,
				    "no such entry or criterion");
	e = &r->e[i];
	if (e->row < 0 || !(r->w[j] > 0))
		return lc_error_set(err, LC_EUSAGE, NULL, 0, r->crit[j].id,
				    "not ranked, or criterion without weight");
	row = (size_t)e->row;
	X = malloc((m ? m : 1) * n * sizeof *X);
	if (!X || resel_init(&z, m)) {
		free(X);
		resel_free(&z);
		return lc_rk_oom(err);
	}
	memcpy(X, r->X, m * n * sizeof *X);
	for (size_t q = 0; q < m; q++) {
		lo = fmin(lo, X[q * n + j]);
		hi = fmax(hi, X[q * n + j]);
	}
	/* improving means up for a benefit criterion, down for a cost; a
	 * selected entry is asked how far it can worsen */
	dir = r->crit[j].cost ? -1 : 1;
	if (e->selected)
		dir = -dir;
	a = X[row * n + j];
	/* the observed extreme first, then the farthest admissible value */
	b = dir > 0 ? fmax(hi, a) : fmin(lo, a);
	rc = selected_with(r, method, X, &z, row, j, b, &in, err);
	if (!rc && in == e->selected) {
		b = far_value(r, method, j, lo, hi, dir);
		if ((dir > 0 && b <= a) || (dir < 0 && b >= a))
			goto out;
		rc = selected_with(r, method, X, &z, row, j, b, &in, err);
	}
	if (rc || in == e->selected)
		goto out;       /* no value on this criterion alone will do */
	for (int it = 0; it < 200; it++) {
		double mid = a / 2 + b / 2;

		if (mid == a || mid == b)
			break;
		rc = selected_with(r, method, X, &z, row, j, mid, &in, err);
		if (rc)
			goto out;
		if (in != e->selected)
			b = mid;
		else
			a = mid;
	}
	/* not selected: b is the first value found that gets it in;
	 * selected: a is the last value found that keeps it in */
	*value = e->selected ? a : b;
	/* a whole-number field (TRL, counts) takes the next whole value
	 * towards the current one: still past the boundary */
	if (!r->crit[j].panel && r->crit[j].field >= 0 &&
	    lc_field_type(r->crit[j].field) == LC_FT_INT)
		*value = (e->selected ? -dir : dir) > 0 ? ceil(*value)
							 : floor(*value);
	*reach = 1;
out:
	free(X);
	resel_free(&z);
	return rc;
}


double lc_ranking_gap(const struct lc_ranking *r, size_t i)
{
	double t = lc_ranking_threshold(r, i);

	return isnan(t) ? NAN : r->e[i].score - t;
}
