/* select.c - ordering by score and the profile's tie-break chain, the
 * sector quotas and the Top N; the tie, quota and selection notes; the
 * entries put in output order (eligible by rank, then the rest by id). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

struct order_ctx {
	const struct lc_ranking *r;
	const double *X;       /* the matrix the tie-break keys read */
	const double *score;   /* by row */
};

/* Compares rows a and b by score then the tie-break chain; which
 * (may be NULL) receives the index of the key that decided (-1 score). */
static int cmp_rows(const struct order_ctx *c, size_t a, size_t b,
		    int *which)
{
	const struct lc_ranking *r = c->r;
	const struct lc_rk_entry *ea = &r->e[r->byrow[a]], *eb = &r->e[r->byrow[b]];

	if (which)
		*which = -1;
	if (!lc_rk_near(c->score[a], c->score[b]))
		return c->score[a] > c->score[b] ? -1 : 1;
	for (size_t k = 0; k < r->nkey; k++) {
		int d = 0;

		if (which)
			*which = (int)k;
		switch (r->key[k]) {
		case LC_RK_KEY_CRIT: {
			size_t j = (size_t)r->key_crit[k];
			double va = c->X[a * r->ncrit + j];
			double vb = c->X[b * r->ncrit + j];

			if (r->crit[j].cost) {
				va = -va;
				vb = -vb;
			}
			if (!lc_rk_near(va, vb))
				d = va > vb ? -1 : 1;
			break;
		}
		case LC_RK_KEY_TOP:
			d = ea->top != eb->top ? (ea->top > eb->top ? -1 : 1)
					       : 0;
			break;
		case LC_RK_KEY_DISAGREE:
			if (!lc_rk_near(ea->spread, eb->spread))
				d = ea->spread < eb->spread ? -1 : 1;
			break;
		default:
			d = strcmp(ea->id, eb->id);
			break;
		}
		if (d)
			return d;
	}
	if (which)
		*which = (int)r->nkey;
	return strcmp(ea->id, eb->id);
}

/* A merge sort keeps this stable and free of qsort's missing context
 * argument; it only ever sorts a run of near-equal scores. */
static void sort_rows(const struct order_ctx *c, size_t *ord, size_t *tmp,
		      size_t n)
{
	size_t h, i, j, k;

	if (n < 2)
		return;
	h = n / 2;
	sort_rows(c, ord, tmp, h);
	sort_rows(c, ord + h, tmp, n - h);
	for (i = 0, j = h, k = 0; i < h && j < n;)
		tmp[k++] = cmp_rows(c, ord[i], ord[j], NULL) <= 0 ? ord[i++]
								   : ord[j++];
	while (i < h)
		tmp[k++] = ord[i++];
	while (j < n)
		tmp[k++] = ord[j++];
	memcpy(ord, tmp, n * sizeof *ord);
}

/* Rows best first: a radix sort by score (linear: explain re-selects
 * some hundred times, and a comparison sort made it grow as n log n
 * each time), then each run of near-equal scores sorted by the whole
 * comparison, score and tie-break chain. */
static int order_rows(const struct order_ctx *c, size_t *ord, size_t m)
{
	size_t *tmp;

	if (lc_rk_order(c->score, m, 1, ord))
		return LC_ENOMEM;
	tmp = malloc((m ? m : 1) * sizeof *tmp);
	if (!tmp)
		return LC_ENOMEM;
	for (size_t k = 0; k < m;) {
		size_t e = k + 1;

		while (e < m && lc_rk_near(c->score[ord[e]],
					   c->score[ord[e - 1]]))
			e++;
		sort_rows(c, ord + k, tmp, e - k);
		k = e;
	}
	free(tmp);
	return 0;
}

int lc_rk_order_select(const struct lc_ranking *r, const double *X,
			const double *score, size_t *ord, char *sel, long *cut,
			long *out)
{
	struct order_ctx c = { r, X, score };
	size_t m = r->m;
	int count[LC_SECTOR__COUNT] = { 0 };
	size_t n = (size_t)r->select_n, taken = 0;

	if (order_rows(&c, ord, m))
		return LC_ENOMEM;
	memset(sel, LC_RK_SEL_NO, m ? m : 1);
	*cut = *out = -1;
	for (size_t k = 0; k < m && taken < n; k++) {
		int s = r->e[r->byrow[ord[k]]].sector;

		if (s >= 0 && r->quota_max[s] >= 0 &&
		    count[s] >= r->quota_max[s]) {
			sel[ord[k]] = LC_RK_SEL_MAXED;
			continue;
		}
		sel[ord[k]] = LC_RK_SEL_MERIT;
		if (s >= 0)
			count[s]++;
		taken++;
	}
	for (int s = 0; s < LC_SECTOR__COUNT; s++) {
		for (size_t k = 0; k < m && count[s] < r->quota_min[s]; k++) {
			long victim = -1;

			if (r->e[r->byrow[ord[k]]].sector != s ||
			    LC_RK_SELECTED(sel[ord[k]]))
				continue;
			if (taken < n) {
				sel[ord[k]] = LC_RK_SEL_QUOTA;
				count[s]++;
				taken++;
				continue;
			}
			for (size_t q = m; q-- > 0;) {
				int vs = r->e[r->byrow[ord[q]]].sector;

				if (sel[ord[q]] == LC_RK_SEL_MERIT && vs != s &&
				    (vs < 0 || count[vs] > r->quota_min[vs])) {
					victim = (long)q;
					break;
				}
			}
			if (victim < 0)
				break;
			sel[ord[victim]] = LC_RK_SEL_DISPLACED;
			count[r->e[r->byrow[ord[victim]]].sector]--;
			sel[ord[k]] = LC_RK_SEL_QUOTA;
			count[s]++;
		}
	}
	for (size_t k = 0; k < m; k++) {
		if (sel[ord[k]] == LC_RK_SEL_MERIT)
			*cut = (long)ord[k];
		if (*out < 0 && !LC_RK_SELECTED(sel[ord[k]]))
			*out = (long)ord[k];
	}
	return 0;
}

const char *lc_rk_key_text(const struct lc_ranking *r, long k, char *buf)
{
	if (k < 0 || (size_t)k >= r->nkey || r->key[k] == LC_RK_KEY_ID)
		return "dossier id";
	if (r->key[k] == LC_RK_KEY_TOP)
		return "more top panel scores";
	if (r->key[k] == LC_RK_KEY_DISAGREE)
		return "lower panel disagreement";
	snprintf(buf, 64, "%s %s", r->crit[r->key_crit[k]].cost ? "lower"
		 : "higher", r->crit[r->key_crit[k]].id);
	return buf;
}

void lc_rk_tiebreak_note(struct lc_ranking *r)
{
	char buf[400], kb[64];
	size_t used = (size_t)snprintf(buf, sizeof buf, "ties: equal scores "
				       "are ordered by ");

	for (size_t k = 0; k <= r->nkey && used < sizeof buf; k++) {
		int last = k == r->nkey || r->key[k] == LC_RK_KEY_ID;
		int left_out = !last && r->key[k] == LC_RK_KEY_CRIT &&
			       !r->active[r->key_crit[k]];

		used += (size_t)snprintf(buf + used, sizeof buf - used,
					 "%s%s%s", k ? ", then " : "",
					 lc_rk_key_text(r, (long)k, kb), left_out ?
					 " (left out: no effect)" : "");
		if (last)
			break;
	}
	lc_rk_note(r, "%s", buf);
}

static int cmp_entry_id(const void *a, const void *b)
{
	const struct lc_rk_entry *x = a, *y = b;

	return strcmp(x->id, y->id);
}

int lc_rk_finish(struct lc_ranking *r, int method, struct lc_error *err)
{
	size_t n = r->ncrit, m = 0, k = 0;
	double *score = NULL, *contrib = NULL;
	size_t *ord = NULL;
	char *sel = NULL;
	struct lc_rk_entry *sorted = NULL;
	int rc = 0;

	for (size_t i = 0; i < r->n; i++)
		m += !r->e[i].excluded;
	r->m = m;
	r->X = malloc((m ? m : 1) * n * sizeof *r->X);
	r->byrow = malloc((m ? m : 1) * sizeof *r->byrow);
	score = malloc((m ? m : 1) * sizeof *score);
	contrib = malloc((m ? m : 1) * n * sizeof *contrib);
	ord = malloc((m ? m : 1) * sizeof *ord);
	sel = malloc(m ? m : 1);
	sorted = malloc(r->n * sizeof *sorted);
	if (!r->X || !r->byrow || !score || !contrib || !ord || !sel ||
	    !sorted) {
		rc = lc_rk_oom(err);
		goto out;
	}
	for (size_t i = 0; i < r->n; i++) {
		struct lc_rk_entry *e = &r->e[i];

		if (e->excluded)
			continue;
		e->row = (long)k;
		r->byrow[k] = i;
		for (size_t j = 0; j < n; j++)
			/* a dropped criterion enters as 0 with weight 0 */
			r->X[k * n + j] = r->active[j] ? e->x[j] : 0;
		k++;
	}
	if (m > 0) {
		rc = lc_rk_run_method(r, method, r->X, r->w, score, contrib, err);
		if (rc)
			goto out;
		rc = lc_rk_order_select(r, r->X, score, ord, sel, &r->cut_row,
				  &r->out_row);
		if (rc) {
			rc = lc_rk_oom(err);
			goto out;
		}
	}
	for (size_t q = 0; q < m; q++) {
		struct lc_rk_entry *e = &r->e[r->byrow[ord[q]]];
		char buf[256];

		e->rank = (int)q + 1;
		e->score = score[ord[q]];
		e->selected = LC_RK_SELECTED(sel[ord[q]]);
		e->merit = sel[ord[q]] == LC_RK_SEL_MERIT;
		for (size_t j = 0; j < n; j++)
			e->contrib[j] = r->active[j] ?
				contrib[ord[q] * n + j] : NAN;
		/* ties with the previous entry are stated, never hidden */
		if (q > 0 && lc_rk_near(score[ord[q]], score[ord[q - 1]])) {
			struct order_ctx c = { r, r->X, score };
			int which;
			char kb[64];

			cmp_rows(&c, ord[q - 1], ord[q], &which);
			snprintf(buf, sizeof buf, "tied on score with %s; "
				 "ranked after it by %s",
				 r->e[r->byrow[ord[q - 1]]].id,
				 lc_rk_key_text(r, which, kb));
			e->tiebreak = lc_rk_strdup(buf);
		}
		if (sel[ord[q]] == LC_RK_SEL_QUOTA) {
			snprintf(buf, sizeof buf, "selected by the minimum "
				 "quota of %s", lc_sector_name(e->sector));
			e->quota = lc_rk_strdup(buf);
		} else if (sel[ord[q]] == LC_RK_SEL_DISPLACED) {
			snprintf(buf, sizeof buf, "left out: its place went "
				 "to a sector below its minimum quota");
			e->quota = lc_rk_strdup(buf);
		} else if (sel[ord[q]] == LC_RK_SEL_MAXED) {
			snprintf(buf, sizeof buf, "left out: %s already has "
				 "its maximum of %d", lc_sector_name(e->sector),
				 r->quota_max[e->sector]);
			e->quota = lc_rk_strdup(buf);
		}
	}
	for (size_t q = 0; q < m; q++)
		r->nsel += LC_RK_SELECTED(sel[q]);
	if (r->cut_row >= 0)
		r->cutoff = score[r->cut_row];
	{
		int lacking = 0;

		for (int s = 0; s < LC_SECTOR__COUNT; s++) {
			int have = 0;

			for (size_t q = 0; q < m; q++)
				have += LC_RK_SELECTED(sel[q]) &&
					r->e[r->byrow[q]].sector == s;
			if (have < r->quota_min[s]) {
				lc_rk_note(r, "quota: %s has %d eligible selected, "
				     "fewer than its minimum %d",
				     lc_sector_name(s), have,
				     r->quota_min[s]);
				lacking = 1;
			}
		}
		(void)lacking;
	}
	/* output order: eligible by rank, then the ineligible by id */
	k = 0;
	for (size_t q = 0; q < m; q++)
		sorted[k++] = r->e[r->byrow[ord[q]]];
	{
		size_t first_bad = k;

		for (size_t i = 0; i < r->n; i++)
			if (r->e[i].excluded)
				sorted[k++] = r->e[i];
		qsort(sorted + first_bad, k - first_bad, sizeof *sorted,
		      cmp_entry_id);
	}
	memcpy(r->e, sorted, r->n * sizeof *sorted);
	/* rows now map to the new positions */
	for (size_t i = 0; i < r->n; i++)
		if (r->e[i].row >= 0)
			r->byrow[r->e[i].row] = i;
out:
	free(score);
	free(contrib);
	free(ord);
	free(sel);
	free(sorted);
	return rc;
}

