/* dupes.h - importers/ private: the near-duplicate name index used by
 * lc_import_files (see dupes.c). */
#ifndef LC_IMPORTERS_DUPES_H
#define LC_IMPORTERS_DUPES_H

#include "importers/internal.h"

struct imp_dupes;
/* A new empty index (NULL when out of memory); free with imp_dupes_free. */
struct imp_dupes *imp_dupes_new(void);
void imp_dupes_free(struct imp_dupes *d);
/* Adds a dossier's names (copied); who identifies the submitter. 0 or
 * LC_ENOMEM; silently ignored once the index is full. */
int imp_dupes_add(struct imp_dupes *d, const char *id, const char *edition,
		  const char *who, int sector, const char *zh,
		  const char *en);
/* 1 when the index holds as many names as it takes, else 0. */
int imp_dupes_full(const struct imp_dupes *d);
/* Finds the most similar name of the same edition from another submitter;
 * 1 and *id, *name, *other (owned by d), *score when at least threshold,
 * else 0. */
int imp_dupes_find(struct imp_dupes *d, const char *edition, const char *who,
		   const char *zh, const char *en, double threshold,
		   const char **id, const char **name, const char **other,
		   double *score);

/* The same technology in an earlier edition: among the names indexed
 * from the same submitter (who) and sector in editions before edition,
 * one with the
 * same Chinese or English name (exact: *exact 1, *score 1), else the
 * most similar one at or above threshold (*exact 0). Ties go to the
 * nearest edition, then the smaller id. taken (may be NULL) rules out
 * dossiers another one already descends from. 1 and *id, *name (owned
 * by d), else 0. */
int imp_dupes_lineage(struct imp_dupes *d, const char *edition,
		      const char *who, int sector, const char *zh,
		      const char *en,
		      double threshold,
		      int (*taken)(const char *id, void *ctx), void *ctx,
		      const char **id, const char **name, double *score,
		      int *exact);

/* ---- lineage.c: the same technology in an earlier edition, on import */
struct imp_lineage;
/* A new record of which dossiers already have a descendant (NULL when
 * out of memory); free with imp_lineage_free. */
struct imp_lineage *imp_lineage_new(void);
void imp_lineage_free(struct imp_lineage *l);
/* Notes that prev has a descendant. 0 or LC_ENOMEM. */
int imp_lineage_claim(struct imp_lineage *l, const char *prev);
/* Gives t (a valid dossier about to be stored; old its stored version
 * or NULL) its lineage: the file's, else old's, else the earlier
 * dossier d finds for it with the same name (applied and reported to
 * s->rep->lineage). Returns 0 (store t now), 1 when only a similar name
 * was found: t is kept (with file_status: whether the file gave its
 * status) for imp_lineage_finish, which stores it; or LC_ENOMEM. line:
 * t's line in s->file. */
int imp_lineage_apply(struct imp_lineage *l, struct imp_dupes *d,
		      struct imp_sink *s, long line, int accept,
		      int file_status, struct lc_tech *t,
		      const struct lc_tech *old, struct lc_error *err);
/* At the end of the run, for each dossier kept: searches again (every
 * same-name match of the run made), reports what it finds, applies it
 * when it is the same name or accept, and stores the dossier with
 * store. 0 or the first failure. */
int imp_lineage_finish(struct imp_lineage *l, struct imp_dupes *d,
		       struct imp_sink *s, int accept,
		       int (*store)(struct lc_tech *t, const char *file,
				    int file_status, void *ctx),
		       void *ctx, struct lc_error *err);

#endif
