/* idset.c - the ids of one run, exactly, each with where it was first
 * seen. Up to a spill size in memory, in about 30 bytes an id (a string
 * map took 176): the ids packed one after another in an arena, each
 * after the number of its file and its line, and an open-addressing
 * table of arena offsets. Beyond it, in a Tokyo Cabinet hash database in
 * a temporary file without a name (id -> file, line), whose pages are the
 * kernel's to keep or drop: an import's heap then stays flat, where 300,000
 * dossiers held 12 MB here. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <tcutil.h>
#include <tchdb.h>
#include "catalog/catalog.h"
#include "importers/idset.h"

struct imp_idset {
	char *arena;               /* [u32 file][u32 line][id\0] ... */
	size_t len, cap;
	uint32_t *slot;            /* arena offset + 1, 0 empty; power of 2 */
	size_t nslot, n;
	const char **files;        /* the run's files, in order (not owned) */
	uint32_t nfiles, capfiles;
	size_t spill;              /* ids kept in memory at most */
	TCHDB *disk;               /* beyond: id -> u32 file, u32 line */
	int no_disk;               /* the file could not be made: memory */
};

struct imp_idset *imp_idset_new(size_t spill)
{
	struct imp_idset *z = calloc(1, sizeof *z);

	if (z)
		z->spill = spill ? spill : IMP_IDSET_SPILL;
	return z;
}

void imp_idset_free(struct imp_idset *z)
{
	if (!z)
		return;
	if (z->disk) {
		tchdbclose(z->disk);
		tchdbdel(z->disk);
	}
	free(z->arena);
	free(z->slot);
	free(z->files);
	free(z);
}

int imp_idset_on_disk(const struct imp_idset *z)
{
	return z->disk != NULL;
}

static uint64_t hash_id(const char *s, size_t n)
{
	uint64_t h = lc_hash_bytes(s, n);

	return h ^ (h >> 29);
}

/* The id stored at arena offset off. */
static const char *id_at(const struct imp_idset *z, uint32_t off)
{
	return z->arena + off + 2 * sizeof(uint32_t);
}

/* The slot of id: its own, or the empty one where it would go. */
static size_t find(const struct imp_idset *z, const char *id, size_t n)
{
	size_t mask = z->nslot - 1, i = hash_id(id, n) & mask;

	while (z->slot[i] && strcmp(id_at(z, z->slot[i] - 1), id) != 0)
		i = (i + 1) & mask;
	return i;
}

/* Doubles the table (half full at most); 0 or -1. */
static int grow_table(struct imp_idset *z)
{
	size_t nn = z->nslot ? 2 * z->nslot : 1024;
	uint32_t *old = z->slot;
	size_t on = z->nslot;

	z->slot = calloc(nn, sizeof *z->slot);
	if (!z->slot) {
		z->slot = old;
		return -1;
	}
	z->nslot = nn;
	for (size_t k = 0; k < on; k++) {
		if (old[k]) {
			const char *id = id_at(z, old[k] - 1);

			z->slot[find(z, id, strlen(id))] = old[k];
		}
	}
	free(old);
	return 0;
}

/* Appends n bytes to the arena; the offset, or -1 (out of memory or
 * beyond the 4 GiB that 32-bit offsets reach). */
static long arena_put(struct imp_idset *z, const void *p, size_t n)
{
	size_t off = z->len;

	if (z->len + n > UINT32_MAX - 1)
		return -1;
	if (z->len + n > z->cap) {
		size_t nc = z->cap ? z->cap * 2 : 65536;
		char *na;

		while (nc < z->len + n)
			nc *= 2;
		na = realloc(z->arena, nc);
		if (!na)
			return -1;
		z->arena = na;
		z->cap = nc;
	}
	memcpy(z->arena + z->len, p, n);
	z->len += n;
	return (long)off;
}

/* The number of file (1-based), added when it is a new one; 0 when out
 * of memory. Files come one after another: only the last is compared. */
static uint32_t file_no(struct imp_idset *z, const char *file)
{
	if (!z->nfiles || z->files[z->nfiles - 1] != file) {
		if (z->nfiles == z->capfiles) {
			uint32_t nc = z->capfiles ? 2 * z->capfiles : 8;
			const char **nf = realloc(z->files, nc * sizeof *nf);

			if (!nf)
				return 0;
			z->files = nf;
			z->capfiles = nc;
		}
		z->files[z->nfiles++] = file;
	}
	return z->nfiles;
}

/* Opens the temporary database and moves the arena's ids into it; 0, or
 * -1 when it cannot (the set then stays in memory). The file never has a
 * name (O_TMPFILE, opened again through /proc/self/fd): a kill at any
 * moment leaves nothing behind in $TMPDIR. */
static int to_disk(struct imp_idset *z)
{
	const char *dir = getenv("TMPDIR");
	char path[64];
	int fd = open(dir && *dir ? dir : "/tmp", O_TMPFILE | O_RDWR, 0600);

	if (fd < 0)
		return -1;
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	z->disk = tchdbnew();
	/* buckets for some millions of ids; no record cache (heap) */
	if (!z->disk || !tchdbtune(z->disk, 4 * (int64_t)z->spill + 1, -1,
				   -1, 0) ||
	    !tchdbopen(z->disk, path, HDBOWRITER | HDBOCREAT | HDBOTRUNC |
		       HDBONOLCK)) {
		close(fd);
		if (z->disk)
			tchdbdel(z->disk);
		z->disk = NULL;
		return -1;
	}
	close(fd);
	for (size_t off = 0; off < z->len;) {
		const char *id = z->arena + off + 2 * sizeof(uint32_t);
		size_t n = strlen(id);

		if (!tchdbputkeep(z->disk, id, (int)n, z->arena + off,
				  2 * sizeof(uint32_t)))
			return -1;
		off += 2 * sizeof(uint32_t) + n + 1;
	}
	free(z->arena);
	free(z->slot);
	z->arena = NULL;
	z->slot = NULL;
	z->len = z->cap = z->nslot = 0;
	return 0;
}

/* imp_idset_add once the ids are in the file. */
static int disk_add(struct imp_idset *z, const char *id, uint32_t head[2],
		    const char **first_file, long *first_line)
{
	int n = (int)strlen(id);

	if (tchdbputkeep(z->disk, id, n, head, 2 * sizeof(uint32_t)))
		return 0;
	if (tchdbecode(z->disk) != TCEKEEP ||
	    tchdbget3(z->disk, id, n, head, 2 * sizeof(uint32_t)) !=
	    2 * sizeof(uint32_t))
		return -1;
	*first_file = z->files[head[0] - 1];
	*first_line = (long)head[1];
	return 1;
}

int imp_idset_add(struct imp_idset *z, const char *id, const char *file,
		  long line, const char **first_file, long *first_line)
{
	size_t n = strlen(id), i;
	uint32_t head[2];
	long off;
	int r;

	if (!z->disk && !z->no_disk && z->n >= z->spill && to_disk(z)) {
		if (z->disk)
			return -1;      /* the file failed half-way */
		z->no_disk = 1;
	}
	head[0] = file_no(z, file);
	head[1] = line > 0 && line <= (long)UINT32_MAX ? (uint32_t)line : 0;
	if (!head[0])
		return -1;
	if (z->disk) {
		r = disk_add(z, id, head, first_file, first_line);
		z->n += r == 0;
		return r;
	}
	if ((z->n + 1) * 2 > z->nslot && grow_table(z))
		return -1;
	i = find(z, id, n);
	if (z->slot[i]) {
		memcpy(head, z->arena + z->slot[i] - 1, sizeof head);
		*first_file = z->files[head[0] - 1];
		*first_line = (long)head[1];
		return 1;
	}
	off = arena_put(z, head, sizeof head);
	if (off < 0 || arena_put(z, id, n + 1) < 0)
		return -1;
	z->slot[i] = (uint32_t)off + 1;
	z->n++;
	return 0;
}
