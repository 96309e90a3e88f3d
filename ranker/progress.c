/* panel_status.c - panel progress: per expert and per dossier, which
 * reviews are complete, partial or missing, and which dossiers have too
 * few complete reviews to be ranked. */
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"

struct review {
	size_t e, d;
	int assigned;
	long scored;      /* criteria scored */
};

struct st {
	const struct lc_criteria *c;
	struct lc_panel_status *s;
	struct lc_strmap *idx;   /* pair -> review index */
	struct review *v;
	size_t n, cap;
	int oom;
};

static struct review *review_of(struct st *t, const char *ex,
				const char *tech)
{
	long e = lc_experts_find(&t->s->x, ex);
	long d = lc_dossiers_find(&t->s->d, tech);
	struct review *nv;
	char pk[300];
	long i;

	if (e < 0 || d < 0)
		return NULL;
	lc_pair_key(ex, tech, pk, sizeof pk);
	i = lc_strmap_get(t->idx, pk, -1);
	if (i >= 0)
		return &t->v[i];
	nv = lc_grow(t->v, &t->cap, t->n, sizeof *nv);
	if (!nv)
		return NULL;
	t->v = nv;
	if (lc_strmap_put(t->idx, pk, (long)t->n) < 0)
		return NULL;
	t->v[t->n] = (struct review){ (size_t)e, (size_t)d, 0, 0 };
	return &t->v[t->n++];
}

static int assign_one(const char *key, const struct lc_rec *r, void *vc)
{
	struct st *t = vc;
	const char *ex = lc_rec_get(r, "expert"), *tech = lc_rec_get(r,
								    "tech");
	struct review *v;

	(void)key;
	if (!ex || !tech)
		return 0;
	v = review_of(t, ex, tech);
	if (v)
		v->assigned = 1;
	return 0;
}

static int score_one(const char *key, const struct lc_rec *r, void *vc)
{
	struct st *t = vc;
	const char *ex = lc_rec_get(r, "expert"), *tech = lc_rec_get(r,
								    "tech");
	const char *crit = lc_rec_get(r, "criterion");
	struct review *v;

	(void)key;
	if (!ex || !tech || !crit || lc_criteria_find(t->c, crit) < 0)
		return 0;
	v = review_of(t, ex, tech);
	if (v)
		v->scored++;
	return 0;
}

static int append(char **s, const char *id)
{
	size_t a = strlen(*s), b = strlen(id);
	char *n = realloc(*s, a + b + 2);

	if (!n)
		return LC_ENOMEM;
	if (a)
		n[a++] = ',';
	memcpy(n + a, id, b + 1);
	*s = n;
	return 0;
}

void lc_panel_status_release(struct lc_panel_status *s)
{
	for (size_t i = 0; s->experts && i < s->nexperts; i++) {
		free(s->experts[i].missing);
		free(s->experts[i].unassigned);
	}
	for (size_t i = 0; s->dossiers && i < s->ndossiers; i++) {
		free(s->dossiers[i].missing);
		free(s->dossiers[i].unassigned);
	}
	free(s->experts);
	free(s->dossiers);
	lc_experts_release(&s->x);
	lc_dossiers_release(&s->d);
	memset(s, 0, sizeof *s);
}

int lc_panel_status_get(struct lc_catalog *cat,
		      const struct lc_criteria *c, const char *edition,
		      struct lc_panel_status *s, struct lc_error *err)
{
	struct st t = { c, s, lc_strmap_new(), NULL, 0, 0, 0 };
	unsigned char *hasassign = NULL;
	int rc;

	memset(s, 0, sizeof *s);
	s->min_scores = c->min_scores;
	if (!t.idx)
		goto oom;
	rc = lc_experts_load(cat, &s->x, err);
	if (rc == 0)
		rc = lc_dossiers_load(cat, edition, &s->d, err);
	if (rc == 0)
		rc = lc_catalog_rec_each(cat, "assign", NULL, NULL,
					 assign_one, &t, err);
	if (rc == 0)
		rc = lc_catalog_rec_each(cat, "score", NULL, NULL, score_one,
					 &t, err);
	if (rc < 0)
		goto out;
	s->nexperts = s->x.n;
	s->ndossiers = s->d.n;
	s->experts = calloc(s->x.n + 1, sizeof *s->experts);
	s->dossiers = calloc(s->d.n + 1, sizeof *s->dossiers);
	if (!s->experts || !s->dossiers)
		goto oom;
	for (size_t i = 0; i < s->x.n; i++) {
		s->experts[i].id = s->x.v[i].id;
		s->experts[i].missing = strdup("");
		s->experts[i].unassigned = strdup("");
		if (!s->experts[i].missing || !s->experts[i].unassigned)
			goto oom;
	}
	for (size_t i = 0; i < s->d.n; i++) {
		s->dossiers[i].id = s->d.v[i].id;
		s->dossiers[i].missing = strdup("");
		s->dossiers[i].unassigned = strdup("");
		if (!s->dossiers[i].missing || !s->dossiers[i].unassigned)
			goto oom;
	}
	hasassign = calloc(s->d.n + 1, 1);
	if (!hasassign)
		goto oom;
	for (size_t i = 0; i < t.n; i++)
		if (t.v[i].assigned)
			hasassign[t.v[i].d] = 1;
	/* Reviews in (dossier, expert) order for stable lists. */
	for (size_t d = 0; d < s->d.n; d++)
		for (size_t e = 0; e < s->x.n; e++) {
			char pk[300];
			long i = lc_strmap_get(t.idx, lc_pair_key(
				s->x.v[e].id, s->d.v[d].id, pk, sizeof pk),
				-1);
			struct review *v;
			struct lc_panel_status_row *re, *rd;
			int complete;

			if (i < 0)
				continue;
			v = &t.v[i];
			re = &s->experts[e];
			rd = &s->dossiers[d];
			complete = c->n && v->scored >= (long)c->n;
			/* scores of an expert no longer assigned do not
			 * count (as in rank): reported apart; a dossier
			 * without any assignment counts whatever it has */
			if (!v->assigned && v->scored && hasassign[d]) {
				s->unassigned++;
				if (append(&re->unassigned, s->d.v[d].id) < 0 ||
				    append(&rd->unassigned, s->x.v[e].id) < 0)
					goto oom;
				continue;
			}
			if (v->assigned) {
				re->assigned++;
				rd->assigned++;
			}
			if (complete) {
				re->complete++;
				rd->complete++;
			} else if (v->scored) {
				re->partial++;
				rd->partial++;
			}
			if (v->assigned && !complete &&
			    (append(&re->missing, s->d.v[d].id) < 0 ||
			     append(&rd->missing, s->x.v[e].id) < 0))
				goto oom;
		}
	for (size_t d = 0; d < s->d.n; d++) {
		s->dossiers[d].too_few =
			s->dossiers[d].complete < s->min_scores;
		s->too_few += s->dossiers[d].too_few;
	}
	rc = 0;
	goto out;
oom:
	rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL, "out of memory");
out:
	if (rc < 0)
		lc_panel_status_release(s);
	lc_strmap_free(t.idx);
	free(t.v);
	free(hasassign);
	return rc;
}
