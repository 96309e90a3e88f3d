/* store_file.c - the catalog file under the store: the handle's database
 * (the shadow of a bulk transaction, else the catalog's), Tokyo Cabinet's
 * tuning, opening with a bounded wait for the lock, syncing files and
 * folders, removing what an interrupted command left beside the catalog,
 * and the error of a failed call. The store's other files build on it;
 * it calls none of them. */
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "catalog/store_int.h"

int lc_st_db(struct lc_store *st, TCBDB **db, struct lc_error *err)
{
	*db = st->shadow ? st->shadow : st->bdb;
	return *db ? 0 : lc_error_set(err, LC_EIO, st->path, 0, NULL,
				      "catalog closed after a bulk commit "
				      "(another lowcarb took it): open it "
				      "again");
}

/* fmt is a whole sentence ("unable to write the catalog: %s"), one per
 * action, so that it translates as one (xgettext: lc_st_fail:4,
 * lc_st_sys_fail:3); lc_error_set translates it. */
int lc_st_fail(struct lc_store *st, TCBDB *db, struct lc_error *err,
	       const char *fmt)
{
	return lc_error_set(err, LC_EIO, st->path, 0, NULL, fmt,
			    tcbdberrmsg(tcbdbecode(db)));
}

int lc_st_sys_fail(struct lc_error *err, const char *path, const char *fmt)
{
	return lc_error_set(err, LC_EIO, path, 0, NULL, fmt, strerror(errno));
}

TCBDB *lc_st_new_db(void)
{
	TCBDB *db = tcbdbnew();

	if (!db)
		return NULL;
	/* Applies when the file is created: 128 records a leaf and 256 a
	 * node (Tokyo Cabinet's defaults: a leaf also splits at 16 KiB),
	 * buckets for a million dossiers' pages, 64-bit offsets for files
	 * beyond 2 GiB. */
	tcbdbtune(db, 128, 256, 262139, -1, -1, BDBTLARGE);
	/* Sized for speed. An import appends to some thirty places of the
	 * tree at once (records and index entries per sector, edition,
	 * category, TRL, status); 512 leaves of at most 16 KiB keep all of
	 * them cached. 1,024 took the same time (import of 30,000 and
	 * 300,000 dossiers, CSV and XML; scores import, rank and the
	 * roadmap at 100,000) but filled only beyond 30,000 dossiers: an
	 * import's heap grew from 31.3 MiB at 30,000 to 39.6 at 300,000;
	 * with 512, 26.7 and 32.3. The map is of the file: its pages count
	 * as resident once touched but are not heap, and they spare a pread
	 * and a pwrite per page. */
	tcbdbsetcache(db, 512, 512);
	tcbdbsetxmsiz(db, 256LL << 20);
	return db;
}

/* LOWCARB_BUSY_TIMEOUT in seconds into *out (5 when unset or empty);
 * anything but a non-negative number is an error, not the default. */
int lc_st_busy_timeout(double *out, struct lc_error *err)
{
	const char *s = getenv("LOWCARB_BUSY_TIMEOUT");
	double v;

	*out = 5.0;
	if (!s || !*s)
		return 0;
	if (lc_num_parse(s, &v) < 0 || !isfinite(v) || v < 0)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, NULL,
				    "LOWCARB_BUSY_TIMEOUT must be a number "
				    "of seconds, not '%s'", s);
	*out = v;
	return 0;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int lc_st_open_locked(struct lc_store *st, TCBDB *db, const char *path,
		      int omode, struct lc_error *err)
{
	double deadline = now_s() + st->busy;
	struct timespec pause = { 0, 50 * 1000 * 1000 };
	struct stat sb;

	for (;;) {
		if (tcbdbopen(db, path, omode | BDBOLCKNB)) {
			/* Locked what was the catalog when it was opened;
			 * a bulk commit or a conversion may since have
			 * renamed a new file over it. */
			if (stat(path, &sb) == 0 &&
			    (uint64_t)sb.st_ino == tcbdbinode(db))
				return 0;
			tcbdbclose(db);
			continue;
		}
		if (tcbdbecode(db) != TCELOCK)
			break;
		if (now_s() >= deadline)
			return lc_error_set(err, LC_EBUSY, st->path, 0, NULL,
				"catalog busy: another lowcarb holds it "
				"(waited %.0f s; see LOWCARB_BUSY_TIMEOUT)",
				st->busy);
		nanosleep(&pause, NULL);
	}
	return lc_error_set(err, LC_EIO, st->path, 0, NULL,
			    "unable to open catalog (damaged, or not a "
			    "lowcarb catalog): %s",
			    tcbdberrmsg(tcbdbecode(db)));
}

int lc_st_sync_dir(const char *path, struct lc_error *err)
{
	char dir[1100];
	char *slash;
	int fd, rc = 0;

	snprintf(dir, sizeof dir, "%s", path);
	slash = strrchr(dir, '/');
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd < 0 || fsync(fd) != 0)
		rc = lc_st_sys_fail(err, dir,
				    "unable to sync the directory: %s");
	if (fd >= 0)
		close(fd);
	return rc;
}

int lc_st_sync_file(const char *path, struct lc_error *err)
{
	int fd = open(path, O_RDONLY), rc = 0;

	if (fd < 0 || fsync(fd) != 0)
		rc = lc_st_sys_fail(err, path, "unable to write to disk: %s");
	if (fd >= 0)
		close(fd);
	return rc;
}

static void remove_glob(const char *path, const char *suffix)
{
	char pat[1100];
	glob_t g;

	snprintf(pat, sizeof pat, "%s%s", path, suffix);
	if (glob(pat, 0, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++)
			unlink(g.gl_pathv[i]);
		globfree(&g);
	}
}

void lc_st_remove_leftovers(const char *path, int all)
{
	static const char *const suffix[] = {
		".idx.*", ".commit", ".bulk", ".convert", ".init-*", ".wal"
	};

	for (size_t i = 0; i < (all ? 6 : 2); i++)
		remove_glob(path, suffix[i]);
}
