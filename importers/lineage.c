/* lineage.c - the same technology across editions, found on import: a
 * lineage the file gives, or the one the stored dossier already has, is
 * kept; otherwise the earlier editions of the same submitter are searched
 * (dupes.c's name index): the same name in either language is applied
 * and reported, a similar one only proposed (reported) unless the import
 * accepts near matches. Only a dossier of the same sector that no other
 * dossier descends from yet is a candidate: a lineage is a line, never a
 * fork. A dossier with only a similar candidate waits for the end of the
 * run, so that every same-name match of the run is made first (a new
 * technology read before the renamed old one's successor cannot take
 * its predecessor). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "importers/dupes.h"

/* Below this similarity of names no earlier dossier is proposed. */
#define LINEAGE_THRESHOLD 0.5

/* A dossier waiting for the end of the run. */
struct pending {
	struct lc_tech *t;
	const char *file;
	long line;
	int file_status;
};

struct imp_lineage {
	struct lc_strmap *claimed;   /* dossiers that have a descendant */
	struct pending *p;
	size_t np, cap;
};

struct imp_lineage *imp_lineage_new(void)
{
	struct imp_lineage *l = calloc(1, sizeof *l);

	if (l && !(l->claimed = lc_strmap_new())) {
		free(l);
		return NULL;
	}
	return l;
}

void imp_lineage_free(struct imp_lineage *l)
{
	if (!l)
		return;
	lc_strmap_free(l->claimed);
	for (size_t i = 0; i < l->np; i++)
		lc_tech_free(l->p[i].t);
	free(l->p);
	free(l);
}

int imp_lineage_claim(struct imp_lineage *l, const char *prev)
{
	if (!prev || !*prev)
		return 0;
	return lc_strmap_put(l->claimed, prev, 1);
}

static int taken(const char *id, void *ctx)
{
	const struct imp_lineage *l = ctx;

	return lc_strmap_get(l->claimed, id, 0) != 0;
}

static const char *who_of(const struct lc_tech *t)
{
	const char *w = lc_tech_get(t, LC_F_CREDIT_CODE);

	return w ? w : lc_tech_get(t, LC_F_SUBMITTER);
}

/* Looks for t's predecessor; 1 and *prev, *name, *score, *exact. */
static int search(struct imp_lineage *l, struct imp_dupes *d,
		  const struct lc_tech *t, const char **prev,
		  const char **name, double *score, int *exact)
{
	return d && imp_dupes_lineage(d, lc_tech_get(t, LC_F_EDITION),
				      who_of(t), lc_tech_sector(t),
				      lc_tech_get(t, LC_F_NAME_ZH),
				      lc_tech_get(t, LC_F_NAME_EN),
				      LINEAGE_THRESHOLD, taken, l, prev, name,
				      score, exact);
}

/* Reports what was found and applies it when it is the same name or
 * accepted. */
static int decide(struct imp_lineage *l, struct imp_sink *s,
		  const char *file, long line, int accept, struct lc_tech *t,
		  const char *prev, const char *name, double score, int exact,
		  struct lc_error *err)
{
	int applied = exact || accept;

	if (s->rep && s->rep->lineage)
		s->rep->lineage(file, line, lc_tech_get(t, LC_F_ID), prev,
				name, score, applied, s->rep->ctx);
	if (!applied)
		return 0;
	if (lc_tech_set(t, LC_F_LINEAGE, prev, err) != 0 ||
	    imp_lineage_claim(l, prev) != 0)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	return 0;
}

int imp_lineage_apply(struct imp_lineage *l, struct imp_dupes *d,
		      struct imp_sink *s, long line, int accept,
		      int file_status, struct lc_tech *t,
		      const struct lc_tech *old, struct lc_error *err)
{
	const char *given = lc_tech_get(t, LC_F_LINEAGE);
	const char *prev, *name;
	struct pending *p;
	double score;
	int exact;

	if (!given && old && lc_tech_get(old, LC_F_LINEAGE)) {
		/* confirmed earlier (found, accepted or given): kept when
		 * the file says nothing */
		given = lc_tech_get(old, LC_F_LINEAGE);
		if (lc_tech_set(t, LC_F_LINEAGE, given, err) != 0)
			return LC_ENOMEM;
		given = lc_tech_get(t, LC_F_LINEAGE);
	}
	if (given)
		return imp_lineage_claim(l, given) ? lc_error_set(err,
			LC_ENOMEM, NULL, 0, NULL, "out of memory") : 0;
	if (!search(l, d, t, &prev, &name, &score, &exact))
		return 0;
	if (exact)
		return decide(l, s, s->file, line, accept, t, prev, name,
			      score, exact, err);
	p = lc_grow(l->p, &l->cap, l->np, sizeof *l->p);
	if (!p)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	l->p = p;
	p = &l->p[l->np];
	p->t = lc_tech_dup(t);
	if (!p->t)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	p->file = s->file;
	p->line = line;
	p->file_status = file_status;
	l->np++;
	return 1;
}

int imp_lineage_finish(struct imp_lineage *l, struct imp_dupes *d,
		       struct imp_sink *s, int accept,
		       int (*store)(struct lc_tech *t, const char *file,
				    int file_status, void *ctx),
		       void *ctx, struct lc_error *err)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < l->np; i++) {
		struct pending *p = &l->p[i];
		const char *prev, *name;
		double score;
		int exact;

		if (search(l, d, p->t, &prev, &name, &score, &exact))
			rc = decide(l, s, p->file, p->line, accept, p->t,
				    prev, name, score, exact, err);
		if (rc == 0)
			rc = store(p->t, p->file, p->file_status, ctx);
	}
	return rc;
}
