/* store.c - the catalog's only contact with Tokyo Cabinet: opening with a
 * bounded wait for the lock, the schema-version check, indexes made once
 * at creation (TDBITKEEP), transactions, records and queries. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <glob.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <tcutil.h>
#include <tctdb.h>
#include "catalog/store.h"

/* Invariant: tdb is open for the store's lifetime; in_tx is 1 between a
 * successful begin and the commit or abort that ends it. */
struct lc_store {
	TCTDB *tdb;
	int writer;   /* opened for writing */
	int in_tx;
	int bulk;     /* the open transaction is a bulk one (no indexes) */
	char path[1024];
};

/* The indexes `list` and the other modules query by. */
static const struct {
	const char *col;
	int type;
} indexes[] = {
	{ "kind", TDBITLEXICAL }, { "sector", TDBITLEXICAL },
	{ "edition", TDBITLEXICAL }, { "category", TDBITLEXICAL },
	{ "trl", TDBITDECIMAL }, { "status", TDBITLEXICAL },
	{ "tech", TDBITLEXICAL }, { "expert", TDBITLEXICAL },
};

static int tc_fail(struct lc_store *st, struct lc_error *err,
		   const char *what)
{
	return lc_error_set(err, LC_EIO, st->path, 0, NULL,
			    "unable to %s: %s", what,
			    tctdberrmsg(tctdbecode(st->tdb)));
}

static double busy_timeout(void)
{
	const char *s = getenv("LOWCARB_BUSY_TIMEOUT");
	double v;

	if (s && lc_num_parse(s, &v) == 0 && v >= 0)
		return v;
	return 5.0;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Opens with a non-blocking lock, retrying until the timeout. */
static int open_locked(struct lc_store *st, int omode, struct lc_error *err)
{
	double deadline = now_s() + busy_timeout();
	struct timespec pause = { 0, 50 * 1000 * 1000 };

	for (;;) {
		int ecode;

		if (tctdbopen(st->tdb, st->path, omode | TDBOLCKNB))
			return 0;
		ecode = tctdbecode(st->tdb);
		if (ecode != TCELOCK)
			break;
		if (now_s() >= deadline)
			return lc_error_set(err, LC_EBUSY, st->path, 0, NULL,
				"catalog busy: another lowcarb holds it "
				"(waited %.0f s; see LOWCARB_BUSY_TIMEOUT)",
				busy_timeout());
		nanosleep(&pause, NULL);
	}
	return lc_error_set(err, LC_EIO, st->path, 0, NULL,
			    "unable to open catalog (damaged, or not a "
			    "lowcarb catalog): %s",
			    tctdberrmsg(tctdbecode(st->tdb)));
}

static int create_indexes(struct lc_store *st, struct lc_error *err)
{
	for (size_t i = 0; i < sizeof indexes / sizeof *indexes; i++)
		if (!tctdbsetindex(st->tdb, indexes[i].col,
				   indexes[i].type | TDBITKEEP) &&
		    tctdbecode(st->tdb) != TCEKEEP)
			return tc_fail(st, err, "create an index");
	return 0;
}

/* Design (b): the table is the one source of truth and the indexes are
 * derived. The file PATH.commit is created (and synced) before any
 * transaction and removed once its commit or abort is whole; an open
 * that finds it (or the "meta:indexes" record older bulk imports left)
 * builds every index again from the records before answering. A file
 * beside the table, not a record in it, so that an aborted transaction
 * leaves the table byte for byte as it was. */
static int set_rebuild_mark(struct lc_store *st, int on, struct lc_error *err)
{
	char mark[1100];
	int fd;

	snprintf(mark, sizeof mark, "%s.commit", st->path);
	if (!on) {
		if (tctdbvsiz(st->tdb, "meta:indexes", 12) >= 0) {
			if (!tctdbtranbegin(st->tdb))
				return tc_fail(st, err, "begin a transaction");
			if (!tctdbout(st->tdb, "meta:indexes", 12) ||
			    !tctdbtrancommit(st->tdb)) {
				int rc = tc_fail(st, err, "clear the mark");

				tctdbtranabort(st->tdb);
				return rc;
			}
		}
		if (unlink(mark) != 0 && errno != ENOENT)
			return lc_error_set(err, LC_EIO, mark, 0, NULL,
					    "unable to remove: %s",
					    strerror(errno));
		return 0;
	}
	fd = open(mark, O_WRONLY | O_CREAT, 0644);
	if (fd < 0 || fsync(fd) != 0) {
		int e = errno;

		if (fd >= 0)
			close(fd);
		return lc_error_set(err, LC_EIO, mark, 0, NULL,
				    "unable to create: %s", strerror(e));
	}
	close(fd);
	return 0;
}

static int rebuild_pending(struct lc_store *st)
{
	char mark[1100];

	snprintf(mark, sizeof mark, "%s.commit", st->path);
	return access(mark, F_OK) == 0 ||
	       tctdbvsiz(st->tdb, "meta:indexes", 12) >= 0;
}

/* Builds every index again from the records (Tokyo Cabinet truncates an
 * index it is asked to set again: one kept from before could be half
 * built), then clears the mark. */
static int rebuild_indexes(struct lc_store *st, struct lc_error *err)
{
	for (size_t i = 0; i < sizeof indexes / sizeof *indexes; i++)
		if (!tctdbsetindex(st->tdb, indexes[i].col, indexes[i].type))
			return tc_fail(st, err, "rebuild an index");
	return set_rebuild_mark(st, 0, err);
}

static int check_version(struct lc_store *st, struct lc_error *err)
{
	TCMAP *m = tctdbget(st->tdb, "meta:schema", 11);
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

/* A new file: indexes (Tokyo Cabinet refuses them inside a transaction),
 * then the schema record in one; a file without that record is refused
 * on open, so a crash in between leaves nothing that passes for a
 * catalog. */
static int initialise(struct lc_store *st, struct lc_error *err)
{
	TCMAP *m;
	int ok, rc = create_indexes(st, err);

	if (rc < 0)
		return rc;
	if (!tctdbtranbegin(st->tdb))
		return tc_fail(st, err, "begin a transaction");
	m = tcmapnew2(4);
	tcmapput2(m, "kind", "meta");
	tcmapput2(m, "version", LC_SCHEMA_VERSION);
	ok = tctdbput(st->tdb, "meta:schema", 11, m);
	tcmapdel(m);
	if (!ok || !tctdbtrancommit(st->tdb)) {
		rc = tc_fail(st, err, "initialise the catalog");
		tctdbtranabort(st->tdb);
		return rc;
	}
	return 0;
}

/* Tokyo Cabinet keeps each index in a file beside the database
 * (PATH.idx.COLUMN.lex|dec) and the write-ahead log in PATH.wal. Left
 * over from a deleted catalog, they would be adopted by a new one at the
 * same path with their stale entries: remove them before creating. */
static void remove_leftovers(const char *path)
{
	char pat[1100];
	glob_t g;

	snprintf(pat, sizeof pat, "%s.idx.*", path);
	if (glob(pat, 0, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++)
			remove(g.gl_pathv[i]);
		globfree(&g);
	}
	snprintf(pat, sizeof pat, "%s.wal", path);
	remove(pat);
}

int lc_store_open(struct lc_store **out, const char *path, int mode,
		  struct lc_error *err)
{
	struct lc_store *st;
	struct stat sb;
	int exists = stat(path, &sb) == 0, rc, omode, opened;

	*out = NULL;
	if (!exists && mode != LC_OPEN_CREATE)
		return lc_error_set(err, LC_EIO, path, 0, NULL,
				    "no catalog here (create one with "
				    "'lowcarb init')");
	st = calloc(1, sizeof *st);
	if (!st)
		return lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				    "out of memory");
	snprintf(st->path, sizeof st->path, "%s", path);
	st->tdb = tctdbnew();
	if (!st->tdb) {
		free(st);
		return lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				    "out of memory");
	}
	/* Small caches and memory map, for memory that does not grow with
	 * the catalog: each of the 8 index B+ trees inherits them (its own
	 * map of xmsiz, its own 64 leaves and 32 nodes), and mapped pages
	 * count as resident once touched. Measured on imports of 100,000
	 * to 1,000,000 dossiers: 8 MiB maps with 256/128 caches held 60-90
	 * MiB; 1,024/256 caches import 300,000 dossiers some 20% faster
	 * but hold 86 MiB. */
	tctdbsetcache(st->tdb, 0, 1024, 512);
	tctdbsetxmsiz(st->tdb, 256LL << 20);
	st->writer = mode != LC_OPEN_READ;
	/* Not TDBOTSYNC: it fsyncs the write-ahead log at every write of a
	 * transaction; one tctdbsync after each commit is enough. */
	omode = st->writer ? TDBOWRITER : TDBOREADER;
	if (!exists) {
		remove_leftovers(path);
		/* Sized for large editions; tuning applies at creation. */
		tctdbtune(st->tdb, 1048573, -1, -1, TDBTLARGE);
		omode |= TDBOCREAT;
	}
	rc = open_locked(st, omode, err);
	opened = rc == 0;
	if (rc == 0 && !exists)
		rc = initialise(st, err);
	if (rc == 0)
		rc = check_version(st, err);
	if (rc == 0 && rebuild_pending(st)) {
		if (st->writer) {
			rc = rebuild_indexes(st, err);
		} else {
			/* A reader holds a shared lock: repair under the
			 * writer's lock, then read as asked. */
			tctdbclose(st->tdb);
			opened = 0;
			rc = open_locked(st, TDBOWRITER, err);
			if (rc == 0 && rebuild_pending(st))
				rc = rebuild_indexes(st, err);
			if (rc == 0 && !tctdbclose(st->tdb))
				rc = tc_fail(st, err, "close the catalog");
			if (rc == 0)
				rc = open_locked(st, TDBOREADER, err);
			opened = rc == 0;
		}
	}
	if (rc < 0) {
		if (opened)
			tctdbclose(st->tdb);
		tctdbdel(st->tdb);
		free(st);
		if (!exists)
			remove(path);
		return rc;
	}
	*out = st;
	return 0;
}

void lc_store_close(struct lc_store *st)
{
	if (!st)
		return;
	lc_store_abort(st);
	tctdbclose(st->tdb);
	tctdbdel(st->tdb);
	free(st);
}

/* 0 when a transaction may begin, else LC_EUSAGE saying why not. */
static int may_begin(struct lc_store *st, struct lc_error *err)
{
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

	if (rc == 0)
		rc = set_rebuild_mark(st, 1, err);
	if (rc < 0)
		return rc;
	if (!tctdbtranbegin(st->tdb))
		return tc_fail(st, err, "begin a transaction");
	st->in_tx = 1;
	return 0;
}

/* Inside a Tokyo Cabinet transaction every dirty page of every index
 * B+ tree stays in memory until the commit, so a large import grows
 * without bound. A bulk transaction drops the indexes first (after
 * marking them for rebuild) and builds them again after the commit or
 * abort, with the bounded caches of an ordinary write. */
int lc_store_begin_bulk(struct lc_store *st, struct lc_error *err)
{
	int rc = may_begin(st, err);

	if (rc == 0)
		rc = set_rebuild_mark(st, 1, err);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < sizeof indexes / sizeof *indexes; i++)
		if (!tctdbsetindex(st->tdb, indexes[i].col, TDBITVOID) &&
		    tctdbecode(st->tdb) != TCEINVALID)   /* none there */
			return tc_fail(st, err, "drop an index");
	if (!tctdbtranbegin(st->tdb))
		return tc_fail(st, err, "begin a transaction");
	st->in_tx = 1;
	st->bulk = 1;
	return 0;
}

int lc_store_commit(struct lc_store *st, struct lc_error *err)
{
	int bulk = st->bulk, rc = 0;

	if (!st->in_tx)
		return lc_error_set(err, LC_EUSAGE, st->path, 0, NULL,
				    "no transaction to commit");
	st->in_tx = 0;
	st->bulk = 0;
	if (!tctdbtrancommit(st->tdb)) {
		rc = tc_fail(st, err, "commit");
		tctdbtranabort(st->tdb);
		rebuild_indexes(st, NULL);
		return rc;
	}
	if (!tctdbsync(st->tdb))
		return tc_fail(st, err, "write the catalog to disk");
	return bulk ? rebuild_indexes(st, err) : set_rebuild_mark(st, 0, err);
}

void lc_store_abort(struct lc_store *st)
{
	if (st && st->in_tx) {
		tctdbtranabort(st->tdb);
		st->in_tx = 0;
		/* If this fails the mark stays, and the next open
		 * rebuilds. */
		if (st->bulk)
			rebuild_indexes(st, NULL);
		else
			set_rebuild_mark(st, 0, NULL);
		st->bulk = 0;
	}
}

int lc_store_in_tx(const struct lc_store *st)
{
	return st->in_tx;
}

static struct lc_rec *rec_from_map(TCMAP *m)
{
	struct lc_rec *r = lc_rec_new();
	const char *k;

	if (!r)
		return NULL;
	tcmapiterinit(m);
	while ((k = tcmapiternext2(m)) != NULL)
		if (lc_rec_set(r, k, tcmapget2(m, k)) < 0) {
			lc_rec_free(r);
			return NULL;
		}
	return r;
}

int lc_store_get(struct lc_store *st, const char *key, struct lc_rec **out,
		 struct lc_error *err)
{
	TCMAP *m = tctdbget(st->tdb, key, (int)strlen(key));

	*out = NULL;
	if (!m) {
		if (tctdbecode(st->tdb) == TCENOREC)
			return LC_ENOTFOUND;
		return tc_fail(st, err, "read a record");
	}
	*out = rec_from_map(m);
	tcmapdel(m);
	if (!*out)
		return lc_error_set(err, LC_ENOMEM, st->path, 0, NULL,
				    "out of memory");
	return 0;
}

/* Writes r at key: overwriting, or (keep) only when key is new, when it
 * returns 1 for a key already there. */
static int put(struct lc_store *st, const char *key, const struct lc_rec *r,
	       int keep, struct lc_error *err)
{
	TCMAP *m;
	int ok, ksz = (int)strlen(key);

	if (!st->in_tx)
		return lc_error_set(err, LC_EUSAGE, st->path, 0, NULL,
				    "write outside a transaction");
	m = tcmapnew2(lc_rec_count(r) + 1);
	for (size_t i = 0; i < lc_rec_count(r); i++) {
		const char *name, *val;

		lc_rec_col(r, i, &name, &val);
		tcmapput2(m, name, val);
	}
	ok = keep ? tctdbputkeep(st->tdb, key, ksz, m) :
		tctdbput(st->tdb, key, ksz, m);
	tcmapdel(m);
	if (!ok && keep && tctdbecode(st->tdb) == TCEKEEP)
		return 1;
	return ok ? 0 : tc_fail(st, err, "write a record");
}

int lc_store_put(struct lc_store *st, const char *key,
		 const struct lc_rec *r, struct lc_error *err)
{
	return put(st, key, r, 0, err);
}

int lc_store_put_new(struct lc_store *st, const char *key,
		     const struct lc_rec *r, struct lc_error *err)
{
	return put(st, key, r, 1, err);
}

int lc_store_del(struct lc_store *st, const char *key, struct lc_error *err)
{
	if (!st->in_tx)
		return lc_error_set(err, LC_EUSAGE, st->path, 0, NULL,
				    "write outside a transaction");
	if (tctdbout(st->tdb, key, (int)strlen(key)))
		return 0;
	if (tctdbecode(st->tdb) == TCENOREC)
		return LC_ENOTFOUND;
	return tc_fail(st, err, "delete a record");
}

static TDBQRY *build(struct lc_store *st, const struct lc_store_query *q)
{
	TDBQRY *qry = tctdbqrynew(st->tdb);

	for (size_t i = 0; i < q->ncond; i++) {
		static const int ops[] = { TDBQCSTREQ, TDBQCNUMGE,
					   TDBQCNUMLE, TDBQCNUMBT };

		tctdbqryaddcond(qry, q->cond[i].col, ops[q->cond[i].op],
				q->cond[i].val);
	}
	if (q->order) {
		int type = q->numeric ?
			(q->desc ? TDBQONUMDESC : TDBQONUMASC) :
			(q->desc ? TDBQOSTRDESC : TDBQOSTRASC);

		tctdbqrysetorder(qry, q->order, type);
	}
	return qry;
}

int lc_store_query(struct lc_store *st, const struct lc_store_query *q,
		   int (*fn)(const char *key, const struct lc_rec *r,
			     void *ctx),
		   void *ctx, struct lc_error *err)
{
	TDBQRY *qry = build(st, q);
	TCLIST *keys = tctdbqrysearch(qry);
	int rc = 0;

	for (int i = 0; rc == 0 && i < tclistnum(keys); i++) {
		int ksz;
		const char *key = tclistval(keys, i, &ksz);
		TCMAP *m = tctdbget(st->tdb, key, ksz);
		struct lc_rec *r;

		if (!m)
			continue;
		r = rec_from_map(m);
		tcmapdel(m);
		if (!r) {
			rc = lc_error_set(err, LC_ENOMEM, st->path, 0, NULL,
					  "out of memory");
			break;
		}
		rc = fn(key, r, ctx);
		lc_rec_free(r);
	}
	tclistdel(keys);
	tctdbqrydel(qry);
	return rc;
}

int lc_store_hint(struct lc_store *st, const struct lc_store_query *q,
		  char *buf, size_t n, struct lc_error *err)
{
	TDBQRY *qry = build(st, q);
	TCLIST *keys;

	(void)err;
	/* The hint is filled by a search; limit it to one result. */
	tctdbqrysetlimit(qry, 1, 0);
	keys = tctdbqrysearch(qry);
	snprintf(buf, n, "%s", tctdbqryhint(qry));
	tclistdel(keys);
	tctdbqrydel(qry);
	return 0;
}

int lc_store_scan(struct lc_store *st,
		  int (*fn)(const char *key, const struct lc_rec *r,
			    void *ctx),
		  void *ctx, struct lc_error *err)
{
	int ksz, rc = 0;
	char *key;

	if (!tctdbiterinit(st->tdb))
		return tc_fail(st, err, "read the records");
	while (rc == 0 && (key = tctdbiternext(st->tdb, &ksz)) != NULL) {
		TCMAP *m = tctdbget(st->tdb, key, ksz);
		struct lc_rec *r;

		if (m) {
			r = rec_from_map(m);
			tcmapdel(m);
			rc = r ? fn(key, r, ctx) :
				lc_error_set(err, LC_ENOMEM, st->path, 0,
					     NULL, "out of memory");
			lc_rec_free(r);
		}
		free(key);
	}
	return rc;
}

/* What a scan says one index should hold: key -> column value. */
struct expect {
	TCMAP *byval[sizeof indexes / sizeof *indexes];
};

static int expect_one(const char *key, const struct lc_rec *r, void *vx)
{
	struct expect *x = vx;

	for (size_t i = 0; i < sizeof indexes / sizeof *indexes; i++) {
		const char *v = lc_rec_get(r, indexes[i].col);

		if (v)
			tcmapput2(x->byval[i], key, v);
	}
	return 0;
}

/* Keys the index answers for cond (op on val), in a map key -> count. */
static TCMAP *index_answer(struct lc_store *st, const char *col, int op,
			   const char *val)
{
	TDBQRY *qry = tctdbqrynew(st->tdb);
	TCLIST *keys;
	TCMAP *m = tcmapnew();

	tctdbqryaddcond(qry, col, op, val);
	keys = tctdbqrysearch(qry);
	for (int i = 0; i < tclistnum(keys); i++) {
		int ksz;
		const char *k = tclistval(keys, i, &ksz);

		tcmapaddint(m, k, ksz, 1);
	}
	tclistdel(keys);
	tctdbqrydel(qry);
	return m;
}

#define MAX_PROBLEMS 20

static void say(long *n, void (*problem)(const char *, void *), void *ctx,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void say(long *n, void (*problem)(const char *, void *), void *ctx,
		const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	if ((*n)++ >= MAX_PROBLEMS || !problem)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	problem(buf, ctx);
}

/* Compares the index's answer to "col is anything" and to "col = v" for
 * every value v a scan finds with the scan itself, both ways. */
static void check_index(struct lc_store *st, size_t ix, TCMAP *want,
			long *n, void (*problem)(const char *, void *),
			void *ctx)
{
	const char *col = indexes[ix].col, *k;
	int dec = indexes[ix].type == TDBITDECIMAL;
	TCMAP *all = dec ? index_answer(st, col, TDBQCNUMGE, "-1e308") :
		index_answer(st, col, TDBQCSTRBW, "");
	TCMAP *groups = tcmapnew();
	int ksz, vsz;

	tcmapiterinit(all);
	while ((k = tcmapiternext(all, &ksz)) != NULL) {
		const int *cnt = tcmapget(all, k, ksz, &vsz);

		if (!tcmapget(want, k, ksz, &vsz))
			say(n, problem, ctx, "index '%s' has an entry for "
			    "'%.*s', which no record with that column has",
			    col, ksz, k);
		else if (*cnt > 1)
			say(n, problem, ctx, "index '%s' holds '%.*s' %d "
			    "times", col, ksz, k, *cnt);
	}
	/* value -> its records' keys, each followed by a NUL */
	tcmapiterinit(want);
	while ((k = tcmapiternext(want, &ksz)) != NULL) {
		const char *v = tcmapget(want, k, ksz, &vsz);

		tcmapputcat(groups, v, vsz, k, ksz + 1);
	}
	tcmapiterinit(groups);
	while ((k = tcmapiternext2(groups)) != NULL) {
		TCMAP *got = index_answer(st, col, dec ? TDBQCNUMEQ :
					  TDBQCSTREQ, k);
		const char *g = tcmapget(groups, k, (int)strlen(k), &vsz);
		const char *end = g + vsz;

		for (; g < end; g += strlen(g) + 1)
			if (!tcmapget(got, g, (int)strlen(g), &ksz))
				say(n, problem, ctx, "index '%s' misses "
				    "record '%s' (%s = %s)", col, g, col, k);
		tcmapiterinit(got);
		while ((g = tcmapiternext(got, &ksz)) != NULL) {
			const char *v = tcmapget(want, g, ksz, &vsz);

			if (v && strcmp(v, k) != 0 &&
			    !(dec && atof(v) == atof(k)))
				say(n, problem, ctx, "index '%s' answers "
				    "'%.*s' for %s = %s, but its record has "
				    "%s", col, ksz, g, col, k, v);
		}
		tcmapdel(got);
	}
	tcmapdel(groups);
	tcmapdel(all);
}

long lc_store_check_indexes(struct lc_store *st,
			    void (*problem)(const char *what, void *ctx),
			    void *ctx, struct lc_error *err)
{
	struct expect x;
	long n = 0;
	int rc;

	for (size_t i = 0; i < sizeof indexes / sizeof *indexes; i++)
		x.byval[i] = tcmapnew();
	rc = lc_store_scan(st, expect_one, &x, err);
	for (size_t i = 0; rc == 0 && i < sizeof indexes / sizeof *indexes;
	     i++)
		check_index(st, i, x.byval[i], &n, problem, ctx);
	for (size_t i = 0; i < sizeof indexes / sizeof *indexes; i++)
		tcmapdel(x.byval[i]);
	return rc < 0 ? rc : n;
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
