/* store.h - catalog-private seam over Tokyo Cabinet: the catalog is one
 * B+ tree file holding the records and their index entries, so that one
 * transaction (one file, one write-ahead log) covers both. The store_*.c
 * files are the only ones that call Tokyo Cabinet, so tests can simulate
 * a failing store with -Wl,--wrap=tcbdb...
 * Not part of the public API. */
#ifndef LC_STORE_H
#define LC_STORE_H

#include "catalog/catalog.h"

struct lc_store;

/* Query conditions, all of which a record must meet. The first whose
 * column is indexed (sector, edition, category, status, tech, expert by
 * text; trl by number, ranges only) chooses the index that answers;
 * else a "kind" condition chooses that kind's key range; else every
 * record is read. */
enum lc_store_op { LC_Q_STREQ, LC_Q_NUMGE, LC_Q_NUMLE, LC_Q_NUMBT };
struct lc_store_cond {
	const char *col;
	enum lc_store_op op;
	const char *val;   /* "a b" for LC_Q_NUMBT */
};
/* Results come in key order, or by the order column (records without it
 * last, ties in key order). */
struct lc_store_query {
	const struct lc_store_cond *cond;
	size_t ncond;
	const char *order;   /* column; "" or NULL for the key */
	int numeric;         /* order numerically */
	int desc;
};

/* Opens (mode: enum lc_open_mode) the catalog at path; *out receives the
 * handle to close with lc_store_close. A catalog in the older table
 * format is converted first (any mode; see lc_st_convert in
 * store_int.h). A crashed writer's transaction is rolled back by this
 * open, whatever its mode. LC_EBUSY after LOWCARB_BUSY_TIMEOUT seconds
 * (default 5) when another process holds the catalog; LC_EUSAGE for a
 * bad LOWCARB_BUSY_TIMEOUT; LC_EIO for a file that is not a catalog (an
 * empty file included, left untouched) or of an unknown version. */
int lc_store_open(struct lc_store **out, const char *path, int mode,
		  struct lc_error *err);
/* Aborts an open transaction, then closes. NULL is fine. */
void lc_store_close(struct lc_store *st);
/* A transaction: all of its writes or none reach the file, whatever
 * happens to the process. Its changed pages stay in memory until the
 * commit. */
int lc_store_begin(struct lc_store *st, struct lc_error *err);
/* A transaction of any size with bounded memory: the catalog is copied
 * beside itself (PATH.bulk), written there without a log, synced and
 * renamed over the catalog at the commit; the abort removes the copy.
 * Costs a copy of the catalog file. */
int lc_store_begin_bulk(struct lc_store *st, struct lc_error *err);
/* Commits, then syncs the file to disk. */
int lc_store_commit(struct lc_store *st, struct lc_error *err);
void lc_store_abort(struct lc_store *st);
int lc_store_in_tx(const struct lc_store *st);
/* *out: a new record the caller frees; LC_ENOTFOUND when none. */
int lc_store_get(struct lc_store *st, const char *key, struct lc_rec **out,
		 struct lc_error *err);
/* Writes r at key (which must be "KIND:REST"; a "kind" column, if r has
 * one, must be KIND), keeping the indexes in step. Needs a
 * transaction. */
int lc_store_put(struct lc_store *st, const char *key,
		 const struct lc_rec *r, struct lc_error *err);
/* Like lc_store_put, but only when no record has that key: returns 1
 * (and writes nothing) when one has. One lookup instead of a get and a
 * put. */
int lc_store_put_new(struct lc_store *st, const char *key,
		     const struct lc_rec *r, struct lc_error *err);
/* LC_ENOTFOUND when there was none. Needs a transaction. */
int lc_store_del(struct lc_store *st, const char *key, struct lc_error *err);
/* Calls fn(key, rec, ctx) for each match; rec valid during the call; fn
 * returns non-zero to stop (that value is returned). fn may write. */
int lc_store_query(struct lc_store *st, const struct lc_store_query *q,
		   int (*fn)(const char *key, const struct lc_rec *r,
			     void *ctx),
		   void *ctx, struct lc_error *err);
/* Calls fn(key, rec, ctx) for every record in key order, read from the
 * records themselves, never through an index; fn returns non-zero to
 * stop (that value is returned). */
int lc_store_scan(struct lc_store *st,
		  int (*fn)(const char *key, const struct lc_rec *r,
			    void *ctx),
		  void *ctx, struct lc_error *err);
/* Compares every index with the records, both ways (each entry names a
 * record that has that value; each record's indexed column has its
 * entry), checks that each record's kind is its key's, and calls
 * problem(what, ctx) for each disagreement (the first 20). Returns the
 * number of disagreements (0: every index answers as a scan would), or a
 * negative status when the catalog cannot be read. */
long lc_store_check_indexes(struct lc_store *st,
			    void (*problem)(const char *what, void *ctx),
			    void *ctx, struct lc_error *err);
/* Writes into buf (size n) how q would be answered: the index or key
 * range read, the conditions checked on each record, the order. */
int lc_store_hint(struct lc_store *st, const struct lc_store_query *q,
		  char *buf, size_t n, struct lc_error *err);

#endif
