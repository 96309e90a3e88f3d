/* store.c - the catalog file's life: opening it with a bounded wait for
 * the lock, creating it whole or not at all, converting older catalogs,
 * transactions (Tokyo Cabinet's own for ordinary ones, a synced copy
 * renamed over the catalog for bulk ones) and closing. Records and index
 * entries are in store_rec.c, queries in store_query.c, the bulk write
 * buffer in store_buf.c, the conversion in store_legacy.c, the file's
 * lock, syncs and leftovers in store_file.c. */
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <math.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "catalog/store_int.h"

/* Creates the catalog whole or not at all: built and synced as
 * PATH.init-PID, then linked to path (which fails, harmlessly, when
 * another process created it first). */
static int create(struct lc_store *st, struct lc_error *err)
{
	char tmp[1100];
	TCBDB *db = lc_st_new_db();
	struct lc_rec *r = lc_rec_new();
	int rc = 0;

	snprintf(tmp, sizeof tmp, "%s.init-%ld", st->path, (long)getpid());
	if (!db || !r) {
		tcbdbdel(db);
		lc_rec_free(r);
		return lc_error_set(err, LC_ENOMEM, st->path, 0, NULL,
				    "out of memory");
	}
	if (!tcbdbopen(db, tmp, BDBOWRITER | BDBOCREAT | BDBOTRUNC))
		rc = lc_error_set(err, LC_EIO, tmp, 0, NULL, "unable to "
				  "create: %s", tcbdberrmsg(tcbdbecode(db)));
	if (rc == 0 && (lc_rec_set(r, "kind", "meta") < 0 ||
			lc_rec_set(r, "version", LC_SCHEMA_VERSION) < 0))
		rc = lc_error_set(err, LC_ENOMEM, st->path, 0, NULL,
				  "out of memory");
	if (rc == 0)
		rc = lc_st_write(st, db, "meta:schema", r, 0, err);
	if (rc == 0 && !tcbdbclose(db))
		rc = lc_st_fail(st, db, err,
				"unable to create the catalog: %s");
	tcbdbdel(db);
	lc_rec_free(r);
	if (rc == 0)
		rc = lc_st_sync_file(tmp, err);
	if (rc == 0 && link(tmp, st->path) != 0 && errno != EEXIST)
		rc = lc_st_sys_fail(err, st->path,
				    "unable to create the catalog: %s");
	unlink(tmp);
	return rc == 0 ? lc_st_sync_dir(st->path, err) : rc;
}

/* 1 when path is a Tokyo Cabinet table: a catalog of the older format.
 * Read before this process holds the file: closing a descriptor of it
 * later would drop the lock. */
static int is_table(const char *path)
{
	unsigned char head[64];
	FILE *fp = fopen(path, "rb");
	size_t n = fp ? fread(head, 1, sizeof head, fp) : 0;

	if (fp)
		fclose(fp);
	/* The magic text, then the database type at offset 32. */
	return n == sizeof head && memcmp(head, "ToKyO CaBiNeT", 13) == 0 &&
	       head[32] == TCDBTTABLE;
}

static int check_version(struct lc_store *st, struct lc_error *err)
{
	struct lc_rec *r;
	const char *v;
	int rc = lc_store_get(st, "meta:schema", &r, err);

	if (rc == LC_ENOTFOUND)
		return lc_error_set(err, LC_EIO, st->path, 0, NULL,
				    "not a lowcarb catalog "
				    "(no schema-version record)");
	if (rc < 0)
		return rc;
	v = lc_rec_get(r, "version");
	if (!v || strcmp(v, LC_SCHEMA_VERSION) != 0)
		rc = lc_error_set(err, LC_EIO, st->path, 0, NULL,
				  "catalog schema version '%s' is unknown "
				  "to this lowcarb (it reads version %s)",
				  v ? v : "", LC_SCHEMA_VERSION);
	lc_rec_free(r);
	return rc;
}

int lc_store_open(struct lc_store **out, const char *path, int mode,
		  struct lc_error *err)
{
	struct lc_store *st;
	struct stat sb;
	int rc;

	*out = NULL;
	st = calloc(1, sizeof *st);
	if (!st)
		return lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				    "out of memory");
	snprintf(st->path, sizeof st->path, "%s", path);
	st->writer = mode != LC_OPEN_READ;
	rc = lc_st_busy_timeout(&st->busy, err);
	if (rc == 0 && stat(path, &sb) != 0) {
		if (mode != LC_OPEN_CREATE)
			rc = lc_error_set(err, LC_EIO, path, 0, NULL,
					  "no catalog here (create one with "
					  "'lowcarb init')");
		else
			rc = create(st, err);
	} else if (rc == 0 && S_ISREG(sb.st_mode) && sb.st_size == 0) {
		/* Opening it for writing would make it a database. */
		rc = lc_error_set(err, LC_EIO, path, 0, NULL,
				  "not a lowcarb catalog (an empty file; "
				  "left as it is)");
	}
	if (rc == 0 && is_table(path))
		rc = lc_st_convert(st, err);
	if (rc == 0) {
		st->bdb = lc_st_new_db();
		rc = st->bdb ? lc_st_open_locked(st, st->bdb, path,
			st->writer ? BDBOWRITER : BDBOREADER, err) :
			lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				     "out of memory");
		if (rc < 0 && st->bdb) {
			tcbdbdel(st->bdb);
			st->bdb = NULL;
		}
	}
	if (rc == 0)
		rc = check_version(st, err);
	if (rc < 0) {
		lc_store_close(st);
		return rc;
	}
	if (st->writer)
		lc_st_remove_leftovers(path, 1);
	*out = st;
	return 0;
}

void lc_store_close(struct lc_store *st)
{
	if (!st)
		return;
	lc_store_abort(st);
	if (st->bdb)
		tcbdbdel(st->bdb);   /* closes it */
	free(st);
}

/* 0 when a transaction may begin, else LC_EUSAGE saying why not. */
static int may_begin(struct lc_store *st, struct lc_error *err)
{
	TCBDB *db;

	if (lc_st_db(st, &db, err) < 0)
		return LC_EIO;
	if (!st->writer)
		return lc_error_set(err, LC_EUSAGE, st->path, 0, NULL,
				    "catalog opened read-only");
	if (st->in_tx)
		return lc_error_set(err, LC_EUSAGE, st->path, 0, NULL,
				    "a transaction is already open");
	return 0;
}

int lc_store_begin(struct lc_store *st, struct lc_error *err)
{
	int rc = may_begin(st, err);

	if (rc < 0)
		return rc;
	if (!tcbdbtranbegin(st->bdb))
		return lc_st_fail(st, st->bdb, err,
				  "unable to begin a transaction: %s");
	st->in_tx = 1;
	return 0;
}

/* Copies the catalog into the new file to (truncated), read through
 * Tokyo Cabinet's own descriptor of it (its struct is public): opening
 * the file again and closing that would drop this process's lock on it,
 * since POSIX record locks belong to a process and a file, and closing
 * any descriptor of the file releases them. */
static int copy_catalog(struct lc_store *st, const char *to,
			struct lc_error *err)
{
	static char buf[1 << 20];
	int in = st->bdb->hdb->fd, o, rc = 0;
	off_t at = 0;
	ssize_t n;

	o = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (o < 0)
		return lc_st_sys_fail(err, to, "unable to create: %s");
	while (rc == 0 && (n = pread(in, buf, sizeof buf, at)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = lc_st_sys_fail(err, st->path,
					    "unable to read: %s");
			break;
		}
		at += n;
		for (ssize_t w, off = 0; rc == 0 && off < n; off += w) {
			w = write(o, buf + off, (size_t)(n - off));
			if (w < 0 && errno == EINTR)
				w = 0;
			else if (w < 0)
				rc = lc_st_sys_fail(err, to,
						    "unable to write: %s");
		}
	}
	if (close(o) != 0 && rc == 0)
		rc = lc_st_sys_fail(err, to, "unable to write: %s");
	return rc;
}

/* Inside a Tokyo Cabinet transaction every changed page stays in memory
 * until the commit, so a large import would grow without bound. A bulk
 * transaction writes a copy of the catalog instead, without a log and
 * with bounded caches: the catalog itself is not touched until the
 * commit renames the synced copy over it. */
int lc_store_begin_bulk(struct lc_store *st, struct lc_error *err)
{
	char bulk[1100];
	int rc = may_begin(st, err);

	if (rc < 0)
		return rc;
	snprintf(bulk, sizeof bulk, "%s.bulk", st->path);
	rc = copy_catalog(st, bulk, err);
	if (rc == 0) {
		st->shadow = lc_st_new_db();
		if (!st->shadow)
			rc = lc_error_set(err, LC_ENOMEM, st->path, 0, NULL,
					  "out of memory");
	}
	if (rc == 0 && !tcbdbopen(st->shadow, bulk, BDBOWRITER))
		rc = lc_st_fail(st, st->shadow, err,
				"unable to open a bulk copy: %s");
	if (rc == 0)
		rc = lc_st_buffer(st, st->shadow, err);
	if (rc < 0) {
		if (st->shadow)
			tcbdbdel(st->shadow);
		st->shadow = NULL;
		unlink(bulk);
		return rc;
	}
	st->in_tx = 1;
	return 0;
}

/* The bulk commit: the copy closed (all written), synced, renamed over
 * the catalog and the directory synced; then the catalog opened again.
 * Tokyo Cabinet opens a path once in a process, so the old file's lock
 * is let go first: a process that takes the new file meanwhile leaves
 * this handle closed, but the commit stands. */
static int commit_bulk(struct lc_store *st, struct lc_error *err)
{
	char bulk[1100];
	int rc = 0;

	snprintf(bulk, sizeof bulk, "%s.bulk", st->path);
	rc = lc_st_unbuffer(st, err);
	if (rc == 0 && !tcbdbclose(st->shadow))
		rc = lc_st_fail(st, st->shadow, err,
				"unable to write the bulk copy: %s");
	tcbdbdel(st->shadow);
	st->shadow = NULL;
	if (rc == 0)
		rc = lc_st_sync_file(bulk, err);
	if (rc == 0 && rename(bulk, st->path) != 0)
		rc = lc_st_sys_fail(err, st->path,
				    "unable to replace the catalog: %s");
	if (rc < 0) {
		unlink(bulk);
		return rc;
	}
	rc = lc_st_sync_dir(st->path, err);
	tcbdbdel(st->bdb);
	st->bdb = lc_st_new_db();
	if (st->bdb && lc_st_open_locked(st, st->bdb, st->path, BDBOWRITER,
					 NULL) < 0) {
		tcbdbdel(st->bdb);
		st->bdb = NULL;
	}
	return rc;
}

int lc_store_commit(struct lc_store *st, struct lc_error *err)
{
	if (!st->in_tx)
		return lc_error_set(err, LC_EUSAGE, st->path, 0, NULL,
				    "no transaction to commit");
	st->in_tx = 0;
	st->gen++;
	if (st->shadow)
		return commit_bulk(st, err);
	if (!tcbdbtrancommit(st->bdb)) {
		int rc = lc_st_fail(st, st->bdb, err, "unable to commit: %s");

		tcbdbtranabort(st->bdb);
		return rc;
	}
	/* Not BDBOTSYNC, which syncs the write-ahead log at every logged
	 * write: one sync after the commit is what durability needs. */
	if (!tcbdbsync(st->bdb))
		return lc_st_fail(st, st->bdb, err,
				  "unable to write the catalog to disk: %s");
	return 0;
}

void lc_store_abort(struct lc_store *st)
{
	char bulk[1100];

	if (!st || !st->in_tx)
		return;
	st->in_tx = 0;
	st->gen++;
	if (st->shadow) {
		snprintf(bulk, sizeof bulk, "%s.bulk", st->path);
		lc_st_unbuffer(st, NULL);
		tcbdbdel(st->shadow);
		st->shadow = NULL;
		unlink(bulk);
		return;
	}
	tcbdbtranabort(st->bdb);
}

int lc_store_in_tx(const struct lc_store *st)
{
	return st->in_tx;
}

/* The Debian build of Tokyo Cabinet has its "micro yield" race-detection
 * aid compiled in: one `if` or `while` in 256 inside the library calls
 * sched_yield(2), some 25 system calls per imported dossier, each giving
 * the processor away when the machine is busy. lowcarb is single-threaded
 * and has nothing to yield to: this definition, linked into the binary,
 * takes the place of libc's for the library (ELF symbol interposition). */
int sched_yield(void)
{
	return 0;
}
