/* store_int.h - what the store's own files (store.c, store_file.c,
 * store_rec.c, store_buf.c, store_query.c, store_legacy.c) share: the handle and the layout of the one B+ tree
 * file. Not for the rest of catalog/, which goes through store.h. */
#ifndef LC_STORE_INT_H
#define LC_STORE_INT_H

#include <tcutil.h>
#include <tcbdb.h>
#include "catalog/store.h"

/* The version of the records' layout, kept in the "meta:schema" record
 * (the file format, table or B+ tree, is told by the file itself). */
#define LC_SCHEMA_VERSION "1"

/* The catalog is one Tokyo Cabinet B+ tree file, keys in byte order:
 *   "r/" KEY                       a record (KEY as "tech:2025-ST-001"),
 *                                  its columns as NAME NUL VALUE NUL ...
 *   "i/" COL "/" VALUE NUL KEY     an index entry, empty value: record
 *                                  KEY has VALUE in column COL
 * A numeric column's VALUE is 16 hex digits that sort as the numbers do.
 * A record's "kind" column is always its key's prefix ("tech"), so the
 * records of a kind are one key range and need no index.
 *
 * Invariants: bdb is open (reader or writer) for the handle's lifetime,
 * except inside lc_store_open and after a bulk commit that could not
 * open the renamed file again (then NULL, and every call fails); shadow
 * is open only between a successful lc_store_begin_bulk and its commit
 * or abort, and then every read and write of the transaction goes to it
 * (lc_st_db); in_tx is 1 between a successful begin and the commit or
 * abort that ends it; gen changes with every write, so that a scan whose
 * callback wrote finds its place again. */
struct lc_store {
	TCBDB *bdb;          /* the catalog file */
	TCBDB *shadow;       /* the bulk transaction's copy, or NULL */
	int writer;          /* opened for writing (exclusive lock) */
	int in_tx;           /* a transaction is open */
	unsigned long gen;   /* bumped by every write */
	struct lc_st_buf *buf;  /* entries for bufdb waiting, or NULL */
	TCBDB *bufdb;           /* the log-less database buf is for */
	double busy;         /* seconds to wait for the lock */
	char path[1024];     /* the catalog file */
};

/* The text of x (Tokyo Cabinet gives it as void *). */
static inline const char *lc_st_xs(const TCXSTR *x)
{
	return tcxstrptr(x);
}

/* *db = the database a transaction reads and writes: the shadow copy
 * during a bulk transaction, else the catalog file. LC_EIO when the
 * handle has none (a bulk commit could not open the catalog again). */
int lc_st_db(struct lc_store *st, TCBDB **db, struct lc_error *err);
/* LOWCARB_BUSY_TIMEOUT in seconds into *out (5 when unset or empty);
 * anything but a non-negative number is an error. */
int lc_st_busy_timeout(double *out, struct lc_error *err);
/* LC_EIO about path: fmt, a whole sentence with one %s ("unable to
 * write: %s"), filled with strerror(errno). */
int lc_st_sys_fail(struct lc_error *err, const char *path, const char *fmt);

/* Fills err with fmt ("unable to write the catalog: %s", one %s) filled
 * with Tokyo Cabinet's message for db's last error; returns LC_EIO. */
int lc_st_fail(struct lc_store *st, TCBDB *db, struct lc_error *err,
	       const char *fmt);

/* Writes r under key into db with its index entries, replacing the
 * record there (its old entries removed) or, with keep, only when there
 * is none: then returns 1 and writes nothing. No transaction handling:
 * the caller's. 0, 1 or LC_EIO/LC_ENOMEM/LC_EUSAGE. */
int lc_st_write(struct lc_store *st, TCBDB *db, const char *key,
		const struct lc_rec *r, int keep, struct lc_error *err);

/* The indexed columns: lc_st_ix_of gives the index of col (-1 when it
 * has none); indexes are numbered 0 to lc_st_ix_count() - 1;
 * lc_st_ix_numeric says whether one orders by number (ranges only). */
int lc_st_ix_of(const char *col);
size_t lc_st_ix_count(void);
const char *lc_st_ix_col(size_t ix);
int lc_st_ix_numeric(size_t ix);

/* 16 hex digits (and a NUL) for v that sort as the numbers do, and the
 * number back from them. */
void lc_st_num_key(double v, char out[17]);
double lc_st_num_of_key(const char *hex);
/* 1 and *v set when s is a finite number (what a numeric index and a
 * numeric condition see of a column), else 0. */
int lc_st_num_of(const char *s, double *v);
/* x = the record key of key ("r/" key). */
void lc_st_rec_key(TCXSTR *x, const char *key);
/* x = the index entry of index ix holding val for record key; returns
 * 0 (x unusable) when val gets no entry (no number in a numeric
 * column). */
int lc_st_entry_key(TCXSTR *x, size_t ix, const char *val,
		    const char *key);
/* The value of column name in an encoded record (buf, n), or NULL; it
 * points into buf. */
const char *lc_st_raw_get(const char *buf, int n, const char *name);
/* A new record decoded from (buf, n) the caller frees; NULL when out of
 * memory or (*bad set) when buf is not an encoded record. */
struct lc_rec *lc_st_decode(const char *buf, int n, int *bad);

/* (store_buf.c) Starts gathering the index entries written to db (a
 * database written without a log), or writes the gathered ones to it in
 * key order and stops (err NULL: drops them). lc_st_buf_add gathers the
 * put (put 1) or the removal of entry k; lc_st_flush writes what is
 * gathered, as walks do first. */
struct lc_st_buf;
int lc_st_buffer(struct lc_store *st, TCBDB *db, struct lc_error *err);
int lc_st_unbuffer(struct lc_store *st, struct lc_error *err);
int lc_st_buf_add(struct lc_store *st, const char *k, int ksz, int put,
		  struct lc_error *err);
int lc_st_flush(struct lc_store *st, struct lc_error *err);

/* A new B+ tree object tuned and sized for the catalog (caches, maps);
 * NULL when out of memory. */
TCBDB *lc_st_new_db(void);

/* Converts the catalog at st->path, a Tokyo Cabinet table of schema
 * version 1 (lowcarb before the B+ tree store), into the B+ tree format:
 * built beside it as PATH.convert under the table's writer lock, synced,
 * then renamed over it, so that a crash leaves the old file or the new
 * one. Refuses an unknown schema version as any open would. */
int lc_st_convert(struct lc_store *st, struct lc_error *err);

/* Syncs the file at path, or the directory holding it (so that a rename
 * or link in it lasts), to disk. */
int lc_st_sync_file(const char *path, struct lc_error *err);
int lc_st_sync_dir(const char *path, struct lc_error *err);

/* Removes what older formats and interrupted commands leave beside the
 * catalog: the index files and commit mark of the table format, and,
 * with all (only under the catalog's writer lock, when none of them can
 * be in use), a bulk copy or a conversion never renamed, a creation
 * never linked, and a write-ahead log Tokyo Cabinet's open did not
 * apply (one it applies it removes; a stale one would be applied
 * wrongly by a later open if a writer died before its first
 * transaction). */
void lc_st_remove_leftovers(const char *path, int all);

/* Opens db on path (omode BDBOREADER or BDBOWRITER, plus BDBOCREAT),
 * retrying a held lock until st->busy seconds have passed ("catalog
 * busy"), and checks that the file locked is still the one at path (a
 * bulk commit or a conversion may have renamed another over it). */
int lc_st_open_locked(struct lc_store *st, TCBDB *db, const char *path,
		      int omode, struct lc_error *err);

#endif
