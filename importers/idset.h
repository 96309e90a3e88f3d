/* idset.h - importers/ private: the dossier ids seen in one import or
 * validate run, exactly, each with where it was first seen (idset.c). */
#ifndef LC_IMPORTERS_IDSET_H
#define LC_IMPORTERS_IDSET_H

struct imp_idset;
/* The ids a set holds in memory before it moves them to a temporary
 * file (imp_idset_new's spill, 0 for this). */
#define IMP_IDSET_SPILL 65536
/* A new empty set (NULL when out of memory); free with imp_idset_free.
 * Beyond spill ids (0: IMP_IDSET_SPILL) the set moves to an unlinked
 * temporary file in $TMPDIR, so that the heap of an import stays flat
 * whatever its size; when no such file can be made it stays in memory. */
struct imp_idset *imp_idset_new(size_t spill);
void imp_idset_free(struct imp_idset *z);
/* Adds id, first seen in file (not copied: it must outlive z) at line.
 * 1 when id was already there (*first_file, *first_line: where it was
 * first seen), 0 when added, -1 out of memory. */
int imp_idset_add(struct imp_idset *z, const char *id, const char *file,
		  long line, const char **first_file, long *first_line);
/* Whether z moved to its file (for the tests). */
int imp_idset_on_disk(const struct imp_idset *z);

#endif
