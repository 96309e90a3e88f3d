/* ranking.c - a ranking as a value: its notes, its release, the views
 * its callers read, and the small helpers its steps share. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

const char *const lc_rk_methods[4] = { "wsm", "topsis", "vikor",
				       "promethee2" };

int lc_rk_method_index(const char *m)
{
	for (int i = 0; i < 4; i++)
		if (m && !strcmp(m, lc_rk_methods[i]))
			return i;
	return -1;
}

char *lc_rk_strdup(const char *s)
{
	size_t n = strlen(s ? s : "") + 1;
	char *d = malloc(n);

	if (d)
		memcpy(d, s ? s : "", n);
	return d;
}

int lc_rk_oom(struct lc_error *err)
{
	return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL, "out of memory");
}

void lc_rk_note(struct lc_ranking *r, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	size_t n;
	char *p;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	n = strlen(buf);
	p = realloc(r->notes, r->notes_len + n + 2);
	if (!p)
		return;
	r->notes = p;
	memcpy(p + r->notes_len, buf, n);
	p[r->notes_len + n] = '\n';
	p[r->notes_len + n + 1] = '\0';
	r->notes_len += n + 1;
}

void lc_rank_opts_init(struct lc_rank_opts *o)
{
	memset(o, 0, sizeof *o);
	o->seed = 1;
	o->discount_rate = NAN;
}

void lc_ranking_free(struct lc_ranking *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		struct lc_rk_entry *e = &r->e[i];

		free(e->id);
		free(e->name);
		free(e->excluded);
		free(e->tiebreak);
		free(e->quota);
		free(e->x);
		free(e->nsc);
		free(e->flag);
		free(e->contrib);
	}
	for (int k = 0; k < 4; k++) {
		free(r->cmp_rank[k]);
		free(r->cmp_sel[k]);
	}
	free(r->e);
	free(r->view);
	free(r->X);
	free(r->byrow);
	free(r->notes);
	free(r);
}

int lc_rk_views(struct lc_ranking *r)
{
	struct lc_rank_info *in = &r->info;

	r->view = calloc(r->n ? r->n : 1, sizeof *r->view);
	if (!r->view)
		return LC_ENOMEM;
	for (size_t j = 0; j < r->ncrit; j++) {
		r->crit_id[j] = r->crit[j].id;
		r->crit_cost[j] = r->crit[j].cost;
	}
	*in = (struct lc_rank_info){
		.edition = r->edition, .profile = r->profile,
		.method = r->method, .profile_hash = r->profile_hash,
		.data_hash = r->data_hash,
		.params = r->params, .hash = r->hash,
		.notes = r->notes ? r->notes : "", .count = r->n,
		.selected = r->nsel, .cutoff = r->cutoff, .ncrit = r->ncrit,
		.crit = r->crit_id, .weight = r->w, .cost = r->crit_cost,
		.runs = r->runs, .ncompare = r->ncmp };
	for (size_t k = 0; k < r->ncmp && k < 4; k++) {
		in->compare_method[k] = r->cmp_name[k];
		in->spearman[k] = r->rho[k];
		in->kendall[k] = r->tau[k];
	}
	for (size_t i = 0; i < r->n; i++) {
		const struct lc_rk_entry *e = &r->e[i];
		int ranked = e->row >= 0;

		r->view[i] = (struct lc_rank_entry){
			.id = e->id, .name = e->name, .sector = e->sector,
			.rank = e->rank, .score = ranked ? e->score : NAN,
			.selected = e->selected, .eligible = !e->excluded,
			.excluded = e->excluded, .tiebreak = e->tiebreak,
			.quota = e->quota, .value = e->x,
			.contrib = e->contrib, .nscores = e->nsc,
			.disagree = e->flag,
			.prob_top = ranked && r->runs > 0 ?
				(double)e->in_top / (double)r->runs : 0,
			.rank_lo = e->rlo, .rank_hi = e->rhi };
	}
	return 0;
}

const struct lc_rank_info *lc_ranking_info(const struct lc_ranking *r)
{
	return &r->info;
}

const struct lc_rank_entry *lc_ranking_entry(const struct lc_ranking *r,
					     size_t i)
{
	return i < r->n ? &r->view[i] : NULL;
}

long lc_ranking_find(const struct lc_ranking *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->e[i].id, id))
			return (long)i;
	return -1;
}

int lc_ranking_compared(const struct lc_ranking *r, size_t k, size_t i,
			int *rank)
{
	long row = i < r->n ? r->e[i].row : -1;

	if (rank)
		*rank = 0;
	if (k >= r->ncmp || !r->cmp_rank[k] || r->e[i].excluded || row < 0 ||
	    (size_t)row >= r->m)
		return -1;
	if (rank)
		*rank = r->cmp_rank[k][row];
	return r->cmp_sel[k][row];
}
