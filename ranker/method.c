/* method.c - the profile's method on the eligible matrix of a ranking,
 * and the WSM decomposition of every score by criterion, each criterion
 * normalised as the profile says. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

static int cmp_idx(const void *a, const void *b, void *ctx)
{
	const double *v = ctx;
	double x = v[*(const size_t *)a], y = v[*(const size_t *)b];

	return x < y ? -1 : x > y;
}

void lc_rk_scale_column(const struct lc_ranking *r, size_t j, double *col)
{
	size_t m = r->m;
	double low = INFINITY;

	if (r->crit[j].scale == LC_RK_SCALE_LOG) {
		/* a value <= 0 has no logarithm: it counts as the smallest
		 * positive value of the column (the lowest place) */
		for (size_t i = 0; i < m; i++)
			if (col[i] > 0 && col[i] < low)
				low = col[i];
		for (size_t i = 0; i < m; i++)
			col[i] = isfinite(low) ? log10(col[i] > 0 ? col[i]
							       : low) : 0;
	} else if (r->crit[j].scale == LC_RK_SCALE_RANK && m > 0) {
		/* average ranks, 1 for the lowest value, ties sharing */
		size_t *o = malloc(m * sizeof *o);
		double *v = malloc(m * sizeof *v);

		if (!o || !v) {
			free(o);
			free(v);
			return;   /* left as values: the caller checks none */
		}
		memcpy(v, col, m * sizeof *v);
		for (size_t i = 0; i < m; i++)
			o[i] = i;
		qsort_r(o, m, sizeof *o, cmp_idx, v);
		for (size_t a = 0; a < m;) {
			size_t b = a;

			while (b + 1 < m && v[o[b + 1]] == v[o[a]])
				b++;
			for (size_t k = a; k <= b; k++)
				col[o[k]] = (double)(a + b) / 2 + 1;
			a = b + 1;
		}
		free(o);
		free(v);
	}
}

/* The profile's normalisation and direction of criterion j, in place on
 * its column col (m values as they enter the method); on a fault, err
 * names the criterion, the profile and the dossier at fault. */
static int wsm_column(const struct lc_ranking *r, size_t j, double *col,
		      struct lc_error *err)
{
	size_t m = r->m;
	int one = r->crit[j].cost;
	int rc = lc_mcda_normalize(col, m, 1, r->crit[j].norm, col, err);

	if (!rc)
		rc = lc_mcda_cost(col, m, 1, &one, r->crit[j].norm, err);
	if (rc && err) {
		char msg[sizeof err->msg + 64];
		/* copied: err->msg is also the destination; the row at fault
		 * named by its dossier */
		long row = err->line;

		if (row >= 1 && (size_t)row <= m)
			snprintf(msg, sizeof msg, "dossier %s: %s",
				 r->e[r->byrow[row - 1]].id, err->msg);
		else
			snprintf(msg, sizeof msg, "%s", err->msg);
		lc_error_set(err, err->status, NULL, 0, r->crit[j].id,
			     "%s (profile %s)", msg, r->profile);
	}
	return rc;
}

/* The method's scores, column by column where it can: explain re-runs
 * the method some 500 times on one matrix, and a pass a criterion over
 * the whole row-major matrix cost ten times as much at 100,000 dossiers
 * (4 MB, out of the cache) as at 10,000. The matrix is read once, in
 * order, into its columns; each column is then scaled once (log, rank),
 * put into the scaled matrix TOPSIS and VIKOR read when a criterion is
 * on a log or rank scale, and for WSM (or the decomposition) normalised
 * and its weighted values added to the scores in criterion order: the
 * same additions in the same order as the row sums before. */
int lc_rk_run_method(const struct lc_ranking *r, int method,
		      const double *X0, const double *w, double *score,
		      double *contrib, struct lc_error *err)
{
	size_t m = r->m, n = r->ncrit;
	int cost[LC_RK_MAXCRIT], scaled = 0, wsm = method == 0 || contrib;
	struct lc_pref pref[LC_RK_MAXCRIT];
	double *tmp, *Xs = NULL, *cols;
	const double *X = X0;
	int rc = 0;

	for (size_t j = 0; j < n; j++) {
		cost[j] = r->crit[j].cost;
		pref[j] = r->crit[j].pref;
		scaled |= r->crit[j].scale != LC_RK_SCALE_LINEAR;
	}
	scaled &= method == 1 || method == 2;
	/* VIKOR's S and R; the columns; the scaled matrix */
	tmp = malloc((2 * m + (scaled || wsm ? m * n : 0) +
		      (scaled ? m * n : 0) + 1) * sizeof *tmp);
	if (!tmp)
		return lc_rk_oom(err);
	cols = tmp + 2 * m;
	if (scaled) {
		Xs = cols + m * n;
		X = Xs;
	}
	/* the values as they enter the methods that normalise (WSM,
	 * TOPSIS, VIKOR): a criterion on a log or rank scale transformed,
	 * the others as they are; PROMETHEE II compares raw differences
	 * with its preference functions, whose thresholds are in the
	 * criterion's own units */
	for (size_t i = 0; (scaled || wsm) && i < m; i++)
		for (size_t j = 0; j < n; j++)
			cols[j * m + i] = X0[i * n + j];
	for (size_t i = 0; method == 0 && i < m; i++)
		score[i] = 0;
	for (size_t j = 0; (scaled || wsm) && j < n && !rc; j++) {
		double *col = cols + j * m;

		lc_rk_scale_column(r, j, col);
		for (size_t i = 0; scaled && i < m; i++)
			Xs[i * n + j] = col[i];
		if (!wsm)
			continue;
		rc = wsm_column(r, j, col, err);
		for (size_t i = 0; !rc && i < m; i++) {
			double t = w[j] * col[i];

			if (method == 0)
				score[i] += t;
			if (contrib)
				contrib[i * n + j] = t;
		}
	}
	if (!rc && method == 1)
		rc = lc_mcda_topsis(X, m, n, cost, w, r->topsis_norm, score,
				    NULL, NULL, err);
	if (!rc && method == 2) {
		double *S = tmp, *R = tmp + m;

		rc = lc_mcda_vikor(X, m, n, cost, w, r->v, S, R, score, NULL,
				   err);
		for (size_t i = 0; !rc && i < m; i++)
			score[i] = 1 - score[i];
	}
	if (!rc && method == 3)
		rc = lc_mcda_promethee2(X0, m, n, cost, w, pref, NULL, NULL,
					score, err);
	free(tmp);
	if (rc && err) {
		long j = lc_error_crit_of(err, n);

		/* name the profile's criterion rather than its position */
		if (j >= 0)
			snprintf(err->field, sizeof err->field, "%s",
				 r->crit[j].id);
	}
	return rc;
}

