/* store_legacy.c - catalogs of the older format (a Tokyo Cabinet table
 * with one index file per column beside it) converted to the B+ tree
 * format on their first open: the records read from the table itself,
 * never from its index files (which a crash may have left behind the
 * table), written in key order beside it, then renamed over it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <tctdb.h>
#include "catalog/store_int.h"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Opens the table for writing (its lock keeps other lowcarbs out while
 * it is converted). 1 when it is no longer a table at path (another
 * process converted it first), 0 when open, or a negative status. */
static int open_table(struct lc_store *st, TCTDB *tdb, struct lc_error *err)
{
	double deadline = now_s() + st->busy;
	struct timespec pause = { 0, 50 * 1000 * 1000 };
	struct stat sb;

	for (;;) {
		if (tctdbopen(tdb, st->path, TDBOWRITER | TDBOLCKNB)) {
			if (stat(st->path, &sb) == 0 &&
			    (uint64_t)sb.st_ino == tctdbinode(tdb))
				return 0;
			tctdbclose(tdb);
			return 1;
		}
		if (tctdbecode(tdb) == TCEMETA)
			return 1;   /* a B+ tree now */
		if (tctdbecode(tdb) != TCELOCK)
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
			    tctdberrmsg(tctdbecode(tdb)));
}

static int check_version(struct lc_store *st, TCTDB *tdb,
			 struct lc_error *err)
{
	TCMAP *m = tctdbget(tdb, "meta:schema", 11);
	const char *v;
	int rc = 0;

	if (!m)
		return lc_error_set(err, LC_EIO, st->path, 0, NULL,
				    "not a lowcarb catalog "
				    "(no schema-version record)");
	v = tcmapget2(m, "version");
	if (!v || strcmp(v, LC_SCHEMA_VERSION) != 0)
		rc = lc_error_set(err, LC_EIO, st->path, 0, NULL,
				  "catalog schema version '%s' is unknown "
				  "to this lowcarb (it reads version %s)",
				  v ? v : "", LC_SCHEMA_VERSION);
	tcmapdel(m);
	return rc;
}

/* Copies record key of the table into db. */
static int copy_one(struct lc_store *st, TCTDB *tdb, TCBDB *db,
		    const char *key, int ksz, struct lc_error *err)
{
	TCMAP *m = tctdbget(tdb, key, ksz);
	struct lc_rec *r;
	const char *name;
	int rc = 0;

	if (!m)
		return 0;
	r = lc_rec_new();
	tcmapiterinit(m);
	while (r && rc == 0 && (name = tcmapiternext2(m)) != NULL)
		rc = lc_rec_set(r, name, tcmapget2(m, name));
	if (!r || rc < 0)
		rc = lc_error_set(err, LC_ENOMEM, st->path, 0, NULL,
				  "out of memory");
	else
		rc = lc_st_write(st, db, key, r, 0, err);
	lc_rec_free(r);
	tcmapdel(m);
	return rc;
}

/* Writes every record of the table into the new B+ tree file conv. The
 * marks of the table's index rebuilds are not data: dropped. */
static int copy_all(struct lc_store *st, TCTDB *tdb, const char *conv,
		    struct lc_error *err)
{
	TCBDB *db = lc_st_new_db();
	TCLIST *keys;
	int rc = 0;

	if (!db)
		return lc_error_set(err, LC_ENOMEM, st->path, 0, NULL,
				    "out of memory");
	if (!tcbdbopen(db, conv, BDBOWRITER | BDBOCREAT | BDBOTRUNC)) {
		rc = lc_error_set(err, LC_EIO, conv, 0, NULL, "unable to "
				  "create: %s", tcbdberrmsg(tcbdbecode(db)));
		tcbdbdel(db);
		return rc;
	}
	/* In key order: a B+ tree takes appends far faster than inserts
	 * at random places. */
	keys = tctdbfwmkeys(tdb, "", 0, -1);
	tclistsort(keys);
	rc = lc_st_buffer(st, db, err);
	for (int i = 0; rc == 0 && i < tclistnum(keys); i++) {
		int ksz;
		const char *key = tclistval(keys, i, &ksz);

		if (strcmp(key, "meta:indexes") != 0 &&
		    strcmp(key, "meta:commit") != 0)
			rc = copy_one(st, tdb, db, key, ksz, err);
	}
	tclistdel(keys);
	if (rc == 0)
		rc = lc_st_unbuffer(st, err);
	else
		lc_st_unbuffer(st, NULL);
	if (!tcbdbclose(db) && rc == 0)
		rc = lc_st_fail(st, db, err,
				"unable to write the converted catalog: %s");
	tcbdbdel(db);
	return rc;
}

int lc_st_convert(struct lc_store *st, struct lc_error *err)
{
	TCTDB *tdb = tctdbnew();
	char conv[1100];
	int rc;

	if (!tdb)
		return lc_error_set(err, LC_ENOMEM, st->path, 0, NULL,
				    "out of memory");
	rc = open_table(st, tdb, err);
	if (rc != 0) {
		tctdbdel(tdb);
		return rc > 0 ? 0 : rc;
	}
	snprintf(conv, sizeof conv, "%s.convert", st->path);
	rc = check_version(st, tdb, err);
	if (rc == 0)
		rc = copy_all(st, tdb, conv, err);
	if (rc == 0)
		rc = lc_st_sync_file(conv, err);
	/* Renamed while the table is still locked: a process waiting for
	 * it then finds the new file at the path. */
	if (rc == 0 && rename(conv, st->path) != 0)
		rc = lc_error_set(err, LC_EIO, st->path, 0, NULL, "unable to "
				  "replace the catalog: %s", strerror(errno));
	if (rc == 0)
		rc = lc_st_sync_dir(st->path, err);
	if (rc < 0)
		unlink(conv);
	tctdbdel(tdb);   /* closes it */
	if (rc == 0)
		lc_st_remove_leftovers(st->path, 0);
	return rc;
}
