/* sensitivity.c - how robust a ranking is: the weights perturbed N times
 * (P(Top N), rank intervals), and the ranking by every other method
 * compared with the chosen one (Spearman, Kendall). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

/* Perturbs the weights N times (Dirichlet around the profile weights,
 * concentration c: w' ~ Dir(c w), mean w), re-ranks and re-selects with
 * the same ties and quotas, and counts Top N memberships and ranks. */
int lc_rk_sensitivity(struct lc_ranking *r, int method,
		       const struct lc_rank_opts *opts, struct lc_error *err)
{
	size_t m = r->m, n = r->ncrit;
	double *score = malloc(m * sizeof *score), w[LC_RK_MAXCRIT];
	size_t *ord = malloc(m * sizeof *ord);
	char *sel = malloc(m);
	/* the counts by row, folded into the entries at the end: entries
	 * are some hundreds of bytes, and each run visits every row in
	 * rank order, a random place of them (30 MB at 100,000 dossiers,
	 * out of the cache; these 1.2 MB mostly in it) */
	struct tally { int in_top, lo, hi; } *t = calloc(m ? m : 1, sizeof *t);
	double conc = opts->concentration > 0 ? opts->concentration : 100;
	struct lc_rng rng;
	int rc = 0;
	long cut, out, flat = 0;

	if (!score || !ord || !sel || !t) {
		rc = lc_rk_oom(err);
		goto done;
	}
	lc_rng_seed(&rng, opts->seed);
	for (size_t i = 0; i < r->n; i++) {
		r->e[i].rlo = 0;
		r->e[i].rhi = 0;
		r->e[i].in_top = 0;
	}
	for (long run = 0; run < opts->sensitivity; run++) {
		double sum = 0;

		for (size_t j = 0; j < n; j++) {
			w[j] = r->w[j] > 0 ? lc_rng_gamma(&rng, conc * r->w[j])
					   : 0;
			sum += w[j];
		}
		if (!(sum > 0)) {
			/* every gamma draw 0 (a tiny concentration): this
			 * run keeps the profile's weights, and says so */
			memcpy(w, r->w, n * sizeof *w);
			sum = 1;
			flat++;
		}
		for (size_t j = 0; j < n; j++)
			w[j] /= sum;
		rc = lc_rk_run_method(r, method, r->X, w, score, NULL, err);
		if (rc)
			goto done;
		if (lc_rk_order_select(r, r->X, score, ord, sel, &cut, &out)) {
			rc = lc_rk_oom(err);
			goto done;
		}
		for (size_t q = 0; q < m; q++) {
			struct tally *c = &t[ord[q]];
			int rk = (int)q + 1;

			if (LC_RK_SELECTED(sel[ord[q]]))
				c->in_top++;
			if (c->lo == 0 || rk < c->lo)
				c->lo = rk;
			if (rk > c->hi)
				c->hi = rk;
		}
	}
	for (size_t q = 0; q < m; q++) {
		struct lc_rk_entry *e = &r->e[r->byrow[q]];

		e->in_top = t[q].in_top;
		e->rlo = t[q].lo;
		e->rhi = t[q].hi;
	}
	r->runs = opts->sensitivity;
	if (flat)
		lc_rk_note(r, "sensitivity: %ld of %ld perturbations drew no weight "
		     "at all (concentration %g too small) and kept the "
		     "profile's weights", flat, opts->sensitivity, conc);
done:
	free(score);
	free(ord);
	free(sel);
	free(t);
	return rc;
}

/* Ranks by every method with the same weights and compares each ranking
 * with the chosen method's (Spearman, Kendall tau-b). */
int lc_rk_compare(struct lc_ranking *r, int method, struct lc_error *err)
{
	size_t m = r->m;
	double *score = malloc(m * sizeof *score);
	double *base = malloc(m * sizeof *base), *pos = malloc(m * sizeof *pos);
	size_t *ord = malloc(m * sizeof *ord);
	char *sel = malloc(m);
	long cut, out;
	int rc = 0;

	if (!score || !base || !pos || !ord || !sel) {
		rc = lc_rk_oom(err);
		goto done;
	}
	for (size_t q = 0; q < m; q++)
		base[q] = r->e[r->byrow[q]].rank;
	r->ncmp = 0;
	for (int k = 0; k < 4; k++) {
		if (k == method)
			continue;
		if (lc_rk_run_method(r, k, r->X, r->w, score, NULL, NULL)) {
			lc_rk_note(r, "comparison: %s cannot rank these values "
			     "(see lowcarb rank --method %s)", lc_rk_methods[k],
			     lc_rk_methods[k]);
			continue;
		}
		if (lc_rk_order_select(r, r->X, score, ord, sel, &cut, &out)) {
			rc = lc_rk_oom(err);
			goto done;
		}
		for (size_t q = 0; q < m; q++)
			pos[ord[q]] = (double)q + 1;
		/* who would be in the Top N under this method, and where */
		free(r->cmp_rank[r->ncmp]);
		free(r->cmp_sel[r->ncmp]);
		r->cmp_rank[r->ncmp] = malloc((m ? m : 1) * sizeof (int));
		r->cmp_sel[r->ncmp] = malloc(m ? m : 1);
		if (!r->cmp_rank[r->ncmp] || !r->cmp_sel[r->ncmp]) {
			rc = lc_rk_oom(err);
			goto done;
		}
		for (size_t q = 0; q < m; q++) {
			r->cmp_rank[r->ncmp][q] = (int)pos[q];
			r->cmp_sel[r->ncmp][q] = LC_RK_SELECTED(sel[q]);
		}
		r->cmp_name[r->ncmp] = lc_rk_methods[k];
		if (lc_mcda_spearman(base, pos, m, &r->rho[r->ncmp], NULL))
			r->rho[r->ncmp] = 0;
		if (lc_mcda_kendall(base, pos, m, &r->tau[r->ncmp], NULL))
			r->tau[r->ncmp] = 0;
		r->ncmp++;
	}
done:
	free(score);
	free(base);
	free(pos);
	free(ord);
	free(sel);
	return rc;
}

