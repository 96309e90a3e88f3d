/* dupes.h - importers/ private: the near-duplicate name index used by
 * lc_import_files (see dupes.c). */
#ifndef LC_IMPORTERS_DUPES_H
#define LC_IMPORTERS_DUPES_H

#include "importers/importers.h"

struct imp_dupes;
/* A new empty index (NULL when out of memory); free with imp_dupes_free. */
struct imp_dupes *imp_dupes_new(void);
void imp_dupes_free(struct imp_dupes *d);
/* Adds a dossier's names (copied); who identifies the submitter. 0 or
 * LC_ENOMEM; silently ignored once the index is full. */
int imp_dupes_add(struct imp_dupes *d, const char *id, const char *edition,
		  const char *who, const char *zh, const char *en);
/* 1 when the index holds as many names as it takes, else 0. */
int imp_dupes_full(const struct imp_dupes *d);
/* Finds the most similar name of the same edition from another submitter;
 * 1 and *id, *name, *other (owned by d), *score when at least threshold,
 * else 0. */
int imp_dupes_find(struct imp_dupes *d, const char *edition, const char *who,
		   const char *zh, const char *en, double threshold,
		   const char **id, const char **name, const char **other,
		   double *score);

#endif
