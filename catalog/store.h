/* store.h - catalog-private seam over Tokyo Cabinet. store.c is the only
 * file that calls Tokyo Cabinet, so tests can simulate a failing store
 * with -Wl,--wrap=tctdb... . Not part of the public API. */
#ifndef LC_STORE_H
#define LC_STORE_H

#include "catalog/catalog.h"

#define LC_SCHEMA_VERSION "1"

struct lc_store;

/* Query conditions, applied in order; the first whose column is indexed
 * is the one Tokyo Cabinet answers from its index. */
enum lc_store_op { LC_Q_STREQ, LC_Q_NUMGE, LC_Q_NUMLE, LC_Q_NUMBT };
struct lc_store_cond {
	const char *col;
	enum lc_store_op op;
	const char *val;   /* "a b" for LC_Q_NUMBT */
};
struct lc_store_query {
	const struct lc_store_cond *cond;
	size_t ncond;
	const char *order;   /* column, "" for the primary key, NULL none */
	int numeric;         /* order numerically */
	int desc;
};

int lc_store_open(struct lc_store **out, const char *path, int mode,
		  struct lc_error *err);
void lc_store_close(struct lc_store *st);
int lc_store_begin(struct lc_store *st, struct lc_error *err);
int lc_store_begin_bulk(struct lc_store *st, struct lc_error *err);
int lc_store_commit(struct lc_store *st, struct lc_error *err);
void lc_store_abort(struct lc_store *st);
int lc_store_in_tx(const struct lc_store *st);
/* *out: a new record the caller frees; LC_ENOTFOUND when none. */
int lc_store_get(struct lc_store *st, const char *key, struct lc_rec **out,
		 struct lc_error *err);
int lc_store_put(struct lc_store *st, const char *key,
		 const struct lc_rec *r, struct lc_error *err);
/* Like lc_store_put, but only when no record has that key: returns 1
 * (and writes nothing) when one has. One lookup instead of a get and a
 * put. */
int lc_store_put_new(struct lc_store *st, const char *key,
		     const struct lc_rec *r, struct lc_error *err);
int lc_store_del(struct lc_store *st, const char *key, struct lc_error *err);
/* Calls fn(key, rec, ctx) for each match; rec valid during the call. */
int lc_store_query(struct lc_store *st, const struct lc_store_query *q,
		   int (*fn)(const char *key, const struct lc_rec *r,
			     void *ctx),
		   void *ctx, struct lc_error *err);
/* Calls fn(key, rec, ctx) for every record, read from the records
 * themselves, never through an index; fn returns non-zero to stop (that
 * value is returned). */
int lc_store_scan(struct lc_store *st,
		  int (*fn)(const char *key, const struct lc_rec *r,
			    void *ctx),
		  void *ctx, struct lc_error *err);
/* Compares every index with a scan of the records and calls
 * problem(what, ctx) for each disagreement (a bounded number of them).
 * Returns the number of disagreements (0: every index answers as a scan
 * would), or a negative status when the catalog cannot be read. */
long lc_store_check_indexes(struct lc_store *st,
			    void (*problem)(const char *what, void *ctx),
			    void *ctx, struct lc_error *err);
int lc_store_hint(struct lc_store *st, const struct lc_store_query *q,
		  char *buf, size_t n, struct lc_error *err);

#endif
