/* store_rec.c - records and their index entries in the catalog's B+ tree
 * (layout in store_int.h): encoding, writes that keep the indexes in
 * step within the same transaction, queries by index, key range or scan,
 * the plan they follow, and the check that the indexes answer as a scan
 * would. */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/store_int.h"

/* The indexed columns: what `list` filters by and the panel looks up. */
static const struct {
	const char *col;
	int numeric;   /* entries ordered by number; ranges only */
} ixs[] = {
	{ "sector", 0 }, { "edition", 0 }, { "category", 0 }, { "trl", 1 },
	{ "status", 0 }, { "tech", 0 }, { "expert", 0 },
};
#define NIX (sizeof ixs / sizeof *ixs)

size_t lc_st_ix_count(void)
{
	return NIX;
}

const char *lc_st_ix_col(size_t ix)
{
	return ix < NIX ? ixs[ix].col : NULL;
}

int lc_st_ix_numeric(size_t ix)
{
	return ix < NIX && ixs[ix].numeric;
}

int lc_st_ix_of(const char *col)
{
	for (size_t i = 0; i < NIX; i++)
		if (strcmp(ixs[i].col, col) == 0)
			return (int)i;
	return -1;
}

static int oom(struct lc_store *st, struct lc_error *err)
{
	return lc_error_set(err, LC_ENOMEM, st->path, 0, NULL,
			    "out of memory");
}

/* The sign bit set for positives, every bit turned over for negatives:
 * then IEEE 754 doubles sort as unsigned integers do. */
void lc_st_num_key(double v, char out[17])
{
	uint64_t u;

	if (v == 0)
		v = 0;   /* -0 and 0 are one value */
	memcpy(&u, &v, sizeof u);
	u = (u >> 63) ? ~u : u | (1ULL << 63);
	snprintf(out, 17, "%016llx", (unsigned long long)u);
}

double lc_st_num_of_key(const char *hex)
{
	uint64_t u = strtoull(hex, NULL, 16);
	double v;

	u = (u >> 63) ? u & ~(1ULL << 63) : ~u;
	memcpy(&v, &u, sizeof v);
	return v;
}

int lc_st_num_of(const char *s, double *v)
{
	return s && lc_num_parse(s, v) == 0 && isfinite(*v);
}

/* "i/" COL "/" VALUE NUL KEY */
int lc_st_entry_key(TCXSTR *x, size_t ix, const char *val,
		     const char *key)
{
	char hex[17];
	double v;

	tcxstrclear(x);
	tcxstrcat2(x, "i/");
	tcxstrcat2(x, ixs[ix].col);
	tcxstrcat2(x, "/");
	if (ixs[ix].numeric) {
		if (!lc_st_num_of(val, &v))
			return 0;
		lc_st_num_key(v, hex);
		tcxstrcat2(x, hex);
	} else {
		tcxstrcat2(x, val);
	}
	tcxstrcat(x, "", 1);
	tcxstrcat2(x, key);
	return 1;
}

const char *lc_st_raw_get(const char *buf, int n, const char *name)
{
	const char *p = buf, *end = buf + n;

	while (p < end) {
		const char *v = memchr(p, '\0', (size_t)(end - p));
		const char *next;

		if (!v || ++v >= end)
			return NULL;
		next = memchr(v, '\0', (size_t)(end - v));
		if (!next)
			return NULL;
		if (strcmp(p, name) == 0)
			return v;
		p = next + 1;
	}
	return NULL;
}

struct lc_rec *lc_st_decode(const char *buf, int n, int *bad)
{
	struct lc_rec *r = lc_rec_new();
	const char *p = buf, *end = buf + n;

	*bad = 0;
	while (r && p < end) {
		const char *v = memchr(p, '\0', (size_t)(end - p)), *next;

		next = v && v + 1 < end ?
			memchr(v + 1, '\0', (size_t)(end - v - 1)) : NULL;
		if (!next) {
			*bad = 1;
			lc_rec_free(r);
			return NULL;
		}
		if (lc_rec_set(r, p, v + 1) < 0) {
			lc_rec_free(r);
			return NULL;
		}
		p = next + 1;
	}
	return r;
}

static void encode(const struct lc_rec *r, TCXSTR *x)
{
	tcxstrclear(x);
	for (size_t i = 0; i < lc_rec_count(r); i++) {
		const char *name, *val;

		lc_rec_col(r, i, &name, &val);
		tcxstrcat(x, name, (int)strlen(name) + 1);
		tcxstrcat(x, val, (int)strlen(val) + 1);
	}
}

void lc_st_rec_key(TCXSTR *x, const char *key)
{
	tcxstrclear(x);
	tcxstrcat2(x, "r/");
	tcxstrcat2(x, key);
}

/* Records are written straight to the tree (a new one has to be looked
 * for there anyway, and the same search writes it); index entries of a
 * log-less database are gathered (store_buf.c). */

/* 1 and *out (a copy the caller frees, *osz its size) when key k has a
 * value, 0 when none, or a negative status. */
static int kv_get(struct lc_store *st, TCBDB *db, const char *k, int ksz,
		  char **out, int *osz, struct lc_error *err)
{
	*out = tcbdbget(db, k, ksz, osz);
	if (*out)
		return 1;
	return tcbdbecode(db) == TCENOREC ? 0 :
		lc_st_fail(st, db, err, "unable to read a record: %s");
}

static int kv_put(struct lc_store *st, TCBDB *db, const char *k, int ksz,
		  const char *v, int vsz, struct lc_error *err)
{
	return tcbdbput(db, k, ksz, v, vsz) ? 0 :
		lc_st_fail(st, db, err, "unable to write the catalog: %s");
}

/* Like kv_put when k has no value; 1 (nothing written) when it has. */
static int kv_putkeep(struct lc_store *st, TCBDB *db, const char *k,
		      int ksz, const char *v, int vsz, struct lc_error *err)
{
	if (tcbdbputkeep(db, k, ksz, v, vsz))
		return 0;
	return tcbdbecode(db) == TCEKEEP ? 1 :
		lc_st_fail(st, db, err, "unable to write the catalog: %s");
}

static int kv_out(struct lc_store *st, TCBDB *db, const char *k, int ksz,
		  struct lc_error *err)
{
	return tcbdbout(db, k, ksz) || tcbdbecode(db) == TCENOREC ? 0 :
		lc_st_fail(st, db, err, "unable to write the catalog: %s");
}

/* 0 when key is "KIND:REST" and r's "kind" column, if any, is KIND. */
static int check_kind(struct lc_store *st, const char *key,
		      const struct lc_rec *r, struct lc_error *err)
{
	const char *colon = strchr(key, ':');
	const char *kind = lc_rec_get(r, "kind");

	if (!colon || colon == key ||
	    (kind && (strlen(kind) != (size_t)(colon - key) ||
		      strncmp(kind, key, (size_t)(colon - key)) != 0)))
		return lc_error_set(err, LC_EUSAGE, st->path, 0, NULL,
				    "record key '%s' does not begin with "
				    "its kind", key);
	return 0;
}

/* Adds (add) or removes the entry of column ix = val for key. */
static int entry(struct lc_store *st, TCBDB *db, TCXSTR *x, size_t ix,
		 const char *val, const char *key, int add,
		 struct lc_error *err)
{
	if (!val || !lc_st_entry_key(x, ix, val, key))
		return 0;
	if (st->buf && db == st->bufdb)
		return lc_st_buf_add(st, lc_st_xs(x), tcxstrsize(x), add, err);
	return add ? kv_put(st, db, lc_st_xs(x), tcxstrsize(x), "", 0, err) :
		kv_out(st, db, lc_st_xs(x), tcxstrsize(x), err);
}

int lc_st_write(struct lc_store *st, TCBDB *db, const char *key,
		const struct lc_rec *r, int keep, struct lc_error *err)
{
	TCXSTR *k = tcxstrnew(), *v = tcxstrnew(), *x = tcxstrnew();
	char *old = NULL;
	int osz = 0, rc = check_kind(st, key, r, err);

	st->gen++;
	lc_st_rec_key(k, key);
	encode(r, v);
	if (rc == 0 && keep) {
		rc = kv_putkeep(st, db, lc_st_xs(k), tcxstrsize(k),
				lc_st_xs(v), tcxstrsize(v), err);
	} else if (rc == 0) {
		/* The old values, to move the entries that change. */
		rc = kv_get(st, db, lc_st_xs(k), tcxstrsize(k), &old, &osz,
			    err);
		if (rc >= 0)
			rc = kv_put(st, db, lc_st_xs(k), tcxstrsize(k),
				    lc_st_xs(v), tcxstrsize(v), err);
	}
	for (size_t i = 0; rc == 0 && i < NIX; i++) {
		const char *nv = lc_rec_get(r, ixs[i].col);
		const char *ov = old ? lc_st_raw_get(old, osz, ixs[i].col) :
			NULL;

		if (ov && nv && strcmp(ov, nv) == 0)
			continue;
		rc = entry(st, db, x, i, ov, key, 0, err);
		if (rc == 0)
			rc = entry(st, db, x, i, nv, key, 1, err);
	}
	free(old);
	tcxstrdel(k);
	tcxstrdel(v);
	tcxstrdel(x);
	return rc;
}

int lc_store_get(struct lc_store *st, const char *key, struct lc_rec **out,
		 struct lc_error *err)
{
	TCBDB *db;
	TCXSTR *k;
	char *buf;
	int n, bad, rc;

	*out = NULL;
	if (lc_st_db(st, &db, err) < 0)
		return LC_EIO;
	k = tcxstrnew();
	lc_st_rec_key(k, key);
	rc = kv_get(st, db, lc_st_xs(k), tcxstrsize(k), &buf, &n, err);
	tcxstrdel(k);
	if (rc <= 0)
		return rc < 0 ? rc : LC_ENOTFOUND;
	*out = lc_st_decode(buf, n, &bad);
	free(buf);
	if (!*out)
		return bad ? lc_error_set(err, LC_EIO, st->path, 0, NULL,
					  "record '%s' is damaged", key) :
			oom(st, err);
	return 0;
}

static int write_rec(struct lc_store *st, const char *key,
		     const struct lc_rec *r, int keep, struct lc_error *err)
{
	TCBDB *db;

	if (!st->in_tx)
		return lc_error_set(err, LC_EUSAGE, st->path, 0, NULL,
				    "write outside a transaction");
	return lc_st_db(st, &db, err) < 0 ? LC_EIO :
		lc_st_write(st, db, key, r, keep, err);
}

int lc_store_put(struct lc_store *st, const char *key,
		 const struct lc_rec *r, struct lc_error *err)
{
	return write_rec(st, key, r, 0, err);
}

int lc_store_put_new(struct lc_store *st, const char *key,
		     const struct lc_rec *r, struct lc_error *err)
{
	return write_rec(st, key, r, 1, err);
}

int lc_store_del(struct lc_store *st, const char *key, struct lc_error *err)
{
	TCBDB *db;
	TCXSTR *k, *x;
	char *old = NULL;
	int osz = 0, rc;

	if (!st->in_tx)
		return lc_error_set(err, LC_EUSAGE, st->path, 0, NULL,
				    "write outside a transaction");
	if (lc_st_db(st, &db, err) < 0)
		return LC_EIO;
	st->gen++;
	k = tcxstrnew();
	x = tcxstrnew();
	lc_st_rec_key(k, key);
	rc = kv_get(st, db, lc_st_xs(k), tcxstrsize(k), &old, &osz, err);
	if (rc == 0)
		rc = LC_ENOTFOUND;
	else if (rc > 0)
		rc = kv_out(st, db, lc_st_xs(k), tcxstrsize(k), err);
	for (size_t i = 0; rc == 0 && i < NIX; i++)
		rc = entry(st, db, x, i, lc_st_raw_get(old, osz, ixs[i].col),
			   key, 0, err);
	free(old);
	tcxstrdel(k);
	tcxstrdel(x);
	return rc;
}

/* ---- the check ----------------------------------------------------------- */

#define MAX_SAID 20

struct said {
	long n;
	void (*problem)(const char *what, void *ctx);
	void *ctx;
};

static void say(struct said *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void say(struct said *s, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	if (s->n++ >= MAX_SAID || !s->problem)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	s->problem(buf, s->ctx);
}

/* A value as it is shown: a numeric index's key as its number. */
static const char *shown(size_t ix, const char *v, char *buf, size_t n)
{
	if (!lc_st_ix_numeric(ix))
		return v;
	snprintf(buf, n, "%.17g", lc_st_num_of_key(v));
	return buf;
}

/* Record key (after "r/") with its encoded columns (buf, n): decodes,
 * has its kind's key, and has the entry of each indexed column. */
static void check_record(TCBDB *db, const char *key, const char *buf, int n,
			 TCXSTR *x, struct said *s)
{
	const char *colon = strchr(key, ':'), *kind;
	struct lc_rec *r;
	int bad;

	r = lc_st_decode(buf, n, &bad);
	if (!r && bad) {
		say(s, "record '%s' is damaged (not column pairs)", key);
		return;
	}
	lc_rec_free(r);
	kind = lc_st_raw_get(buf, n, "kind");
	if (!colon || (kind && (strlen(kind) != (size_t)(colon - key) ||
				strncmp(kind, key, strlen(kind)) != 0)))
		say(s, "record '%s' is of kind '%s', not its key's", key,
		    kind ? kind : "");
	for (size_t i = 0; i < NIX; i++) {
		const char *v = lc_st_raw_get(buf, n, ixs[i].col);

		if (v && lc_st_entry_key(x, i, v, key) &&
		    tcbdbvsiz(db, lc_st_xs(x), tcxstrsize(x)) < 0)
			say(s, "index '%s' misses record '%s' (%s = %s)",
			    ixs[i].col, key, ixs[i].col, v);
	}
}

/* Entry e (size n, "i/COL/VALUE" NUL KEY): of a known index, naming a
 * record that has that value. */
static void check_entry(TCBDB *db, const char *e, int n, TCXSTR *x,
			struct said *s)
{
	const char *col = e + 2, *slash = strchr(col, '/'), *key, *buf, *v;
	char colname[64], num[40];
	int ix = -1, sz;

	if (slash && (size_t)(slash - col) < sizeof colname) {
		memcpy(colname, col, (size_t)(slash - col));
		colname[slash - col] = '\0';
		ix = lc_st_ix_of(colname);
	}
	key = e + strlen(e) + 1;
	if (ix < 0 || key >= e + n) {
		say(s, "unknown index entry '%s'", e);
		return;
	}
	lc_st_rec_key(x, key);
	buf = tcbdbget3(db, lc_st_xs(x), tcxstrsize(x), &sz);
	v = buf ? lc_st_raw_get(buf, sz, colname) : NULL;
	if (!buf)
		say(s, "index '%s' has an entry for '%s', which no record "
		    "has", colname, key);
	else if (!v)
		say(s, "index '%s' has an entry for '%s', whose record has "
		    "no column '%s'", colname, key, colname);
	else if (!lc_st_entry_key(x, (size_t)ix, v, key) ||
		 tcxstrsize(x) != n || memcmp(lc_st_xs(x), e, (size_t)n))
		say(s, "index '%s' answers '%s' for %s = %s, but its record "
		    "has %s", colname, key, colname,
		    shown((size_t)ix, slash + 1, num, sizeof num), v);
}

long lc_store_check_indexes(struct lc_store *st,
			    void (*problem)(const char *what, void *ctx),
			    void *ctx, struct lc_error *err)
{
	TCBDB *db;
	BDBCUR *cur;
	TCXSTR *k, *v, *x;
	struct said s = { 0, problem, ctx };
	const char *kp, *vp;
	int ksz, vsz;

	if (lc_st_db(st, &db, err) < 0 || lc_st_flush(st, err) < 0)
		return LC_EIO;
	cur = tcbdbcurnew(db);
	k = tcxstrnew();
	v = tcxstrnew();
	x = tcxstrnew();
	tcbdbcurfirst(cur);
	while ((kp = tcbdbcurkey3(cur, &ksz)) != NULL) {
		/* Copies: the lookups below may move the cursor's page. */
		tcxstrclear(k);
		tcxstrcat(k, kp, ksz);
		vp = tcbdbcurval3(cur, &vsz);
		tcxstrclear(v);
		tcxstrcat(v, vp ? vp : "", vp ? vsz : 0);
		if (ksz > 2 && memcmp(lc_st_xs(k), "r/", 2) == 0)
			check_record(db, lc_st_xs(k) + 2, lc_st_xs(v), vsz,
				     x, &s);
		else if (ksz > 2 && memcmp(lc_st_xs(k), "i/", 2) == 0)
			check_entry(db, lc_st_xs(k), ksz, x, &s);
		else
			say(&s, "unknown key '%s'", lc_st_xs(k));
		tcbdbcurnext(cur);
	}
	tcbdbcurdel(cur);
	tcxstrdel(k);
	tcxstrdel(v);
	tcxstrdel(x);
	return s.n;
}
