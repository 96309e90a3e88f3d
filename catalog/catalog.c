/* catalog.c - the catalog's operations over the store seam: opening,
 * transactions, dossiers with their revisions, generic records and the
 * consistency check (listing, history and statistics are in query.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "catalog/codec.h"
#include "catalog/store.h"

#include "catalog/handle.h"

const char *lc_catalog_default_path(const char *explicit_path)
{
	const char *env = getenv("LOWCARB_CATALOG");

	if (explicit_path && *explicit_path)
		return explicit_path;
	if (env && *env)
		return env;
	return "lowcarb.tct";
}

int lc_catalog_open(struct lc_catalog **out, const char *path, int mode,
		    struct lc_error *err)
{
	struct lc_catalog *cat;
	int rc;

	*out = NULL;
	/* who is stored with every change and printed by audit and
	 * history: text like any field of a file */
	if (mode != LC_OPEN_READ) {
		char why[160];

		if (lc_text_check(lc_catalog_who(), 0, 256, why,
				  sizeof why) < 0)
			return lc_error_set(err, LC_EUSAGE, NULL, 0, NULL,
					    "%s: %s (it names who made the "
					    "changes)",
					    getenv("LOWCARB_USER") &&
					    *getenv("LOWCARB_USER") ?
					    "LOWCARB_USER" : "USER", why);
	}
	cat = calloc(1, sizeof *cat);
	if (!cat)
		return lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				    "out of memory");
	snprintf(cat->path, sizeof cat->path, "%s", path);
	rc = lc_store_open(&cat->st, path, mode, err);
	if (rc < 0) {
		free(cat);
		return rc;
	}
	*out = cat;
	return 0;
}

void lc_catalog_close(struct lc_catalog *cat)
{
	if (!cat)
		return;
	lc_store_close(cat->st);
	free(cat);
}

const char *lc_catalog_path(const struct lc_catalog *cat)
{
	return cat->path;
}

int lc_catalog_begin(struct lc_catalog *cat, struct lc_error *err)
{
	return lc_store_begin(cat->st, err);
}

int lc_catalog_begin_bulk(struct lc_catalog *cat, struct lc_error *err)
{
	return lc_store_begin_bulk(cat->st, err);
}

int lc_catalog_commit(struct lc_catalog *cat, struct lc_error *err)
{
	return lc_store_commit(cat->st, err);
}

void lc_catalog_abort(struct lc_catalog *cat)
{
	lc_store_abort(cat->st);
}

const char *lc_catalog_who(void)
{
	const char *s = getenv("LOWCARB_USER");

	if (!s || !*s)
		s = getenv("USER");
	return s && *s ? s : "unknown";
}

char *lc_catalog_now(char *buf, size_t n)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t = time(NULL);
	struct tm tm;
	char *end;

	if (sde && *sde) {
		long long v = strtoll(sde, &end, 10);

		if (!*end && v >= 0)
			t = (time_t)v;
	}
	gmtime_r(&t, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

static int oom(struct lc_catalog *cat, struct lc_error *err)
{
	return lc_error_set(err, LC_ENOMEM, cat->path, 0, NULL,
			    "out of memory");
}

/* Stores t as the current version: rev number, who, when, source and
 * what changed recorded beside its fields. With is_new, only when no
 * version is stored yet: returns 1 (and writes nothing) when one is. */
static int store_current(struct lc_catalog *cat, const struct lc_tech *t,
			 int rev, const char *source, const char *changed,
			 int is_new, struct lc_error *err)
{
	struct lc_rec *r = lc_rec_new();
	char key[128], num[16], when[32];
	int rc;

	if (!r)
		return oom(cat, err);
	snprintf(key, sizeof key, "tech:%s", lc_tech_get(t, LC_F_ID));
	snprintf(num, sizeof num, "%d", rev);
	rc = lc_rec_set(r, "kind", "tech");
	if (rc == 0)
		rc = lc_codec_to_rec(t, r);
	if (rc == 0)
		rc = lc_rec_set(r, "_rev", num);
	if (rc == 0)
		rc = lc_rec_set(r, "_who", lc_catalog_who());
	if (rc == 0)
		rc = lc_rec_set(r, "_when", lc_catalog_now(when, sizeof when));
	if (rc == 0)
		rc = lc_rec_set(r, "_source", source ? source : "");
	if (rc == 0)
		rc = lc_rec_set(r, "_changed", changed ? changed : "");
	if (rc < 0)
		rc = oom(cat, err);
	else
		rc = is_new ? lc_store_put_new(cat->st, key, r, err) :
			lc_store_put(cat->st, key, r, err);
	lc_rec_free(r);
	return rc;
}

/* Keeps the stored version old (columns of its record) as a revision:
 * its columns prefixed "v.", so that revisions never enter the indexes
 * that `list` uses. */
static int keep_revision(struct lc_catalog *cat, const char *id,
			 const struct lc_rec *old, struct lc_error *err)
{
	struct lc_rec *r = lc_rec_new();
	const char *rev = lc_rec_get(old, "_rev");
	char key[160], name[96];
	int rc = 0;

	if (!r)
		return oom(cat, err);
	snprintf(key, sizeof key, "rev:%s:%06d", id, rev ? atoi(rev) : 1);
	rc = lc_rec_set(r, "kind", "rev");
	if (rc == 0)
		rc = lc_rec_set(r, "tech", id);
	for (size_t i = 0; rc == 0 && i < lc_rec_count(old); i++) {
		const char *n, *v;

		lc_rec_col(old, i, &n, &v);
		if (strcmp(n, "kind") == 0)
			continue;
		snprintf(name, sizeof name, "v.%s", n);
		rc = lc_rec_set(r, name, v);
	}
	rc = rc < 0 ? oom(cat, err) : lc_store_put(cat->st, key, r, err);
	lc_rec_free(r);
	return rc;
}

static int check_id(struct lc_catalog *cat, const char *id,
		    struct lc_error *err)
{
	if (!id || !*id || strlen(id) > 64 || strchr(id, ':'))
		return lc_error_set(err, LC_EDATA, cat->path, 0, "id",
				    "missing or malformed id '%s'",
				    id ? id : "");
	return 0;
}

/* The stored record of id (key "tech:ID") into *old and decoded into
 * *prev (the caller frees both); LC_ENOTFOUND when there is none. */
static int read_stored(struct lc_catalog *cat, const char *id,
		       const char *key, struct lc_rec **old,
		       struct lc_tech **prev, struct lc_error *err)
{
	int rc = lc_store_get(cat->st, key, old, err);

	*prev = NULL;
	if (rc < 0)
		return rc;
	rc = lc_codec_from_rec(*old, NULL, prev);
	if (rc < 0) {
		lc_rec_free(*old);
		*old = NULL;
		return lc_error_set(err, rc == LC_ENOMEM ? LC_ENOMEM : LC_EIO,
				    cat->path, 0, NULL,
				    "stored dossier '%s' is damaged", id);
	}
	return 0;
}

/* t over the stored version (old, decoded as prev): LC_PUT_UNCHANGED
 * when they do not differ, else the old one kept as a revision and t
 * stored as the next (LC_PUT_UPDATED, what changed into changed). */
static int update(struct lc_catalog *cat, const struct lc_tech *t,
		  const struct lc_rec *old, const struct lc_tech *prev,
		  const char *source, char *changed, size_t changed_n,
		  struct lc_error *err)
{
	char diff[1024];
	int rc, rev;

	if (lc_tech_diff(prev, t, diff, sizeof diff) == 0)
		return LC_PUT_UNCHANGED;
	rev = lc_rec_get(old, "_rev") ? atoi(lc_rec_get(old, "_rev")) : 1;
	rc = keep_revision(cat, lc_tech_get(t, LC_F_ID), old, err);
	if (rc == 0)
		rc = store_current(cat, t, rev + 1, source, diff, 0, err);
	if (rc == 0) {
		rc = LC_PUT_UPDATED;
		if (changed)
			snprintf(changed, changed_n, "%s", diff);
	}
	return rc;
}

int lc_catalog_put_tech(struct lc_catalog *cat, const struct lc_tech *t,
			const char *source, char *changed, size_t changed_n,
			struct lc_error *err)
{
	const char *id = lc_tech_get(t, LC_F_ID);
	struct lc_rec *old = NULL;
	struct lc_tech *prev = NULL;
	char key[128];
	int rc;

	if (changed && changed_n)
		changed[0] = '\0';
	rc = check_id(cat, id, err);
	if (rc < 0)
		return rc;
	snprintf(key, sizeof key, "tech:%s", id);
	/* Most dossiers are new: try that first, in one lookup. */
	rc = store_current(cat, t, 1, source, "", 1, err);
	if (rc <= 0)
		return rc < 0 ? rc : LC_PUT_ADDED;
	rc = read_stored(cat, id, key, &old, &prev, err);
	if (rc < 0)
		return rc == LC_ENOTFOUND ? lc_error_set(err, LC_EIO,
			cat->path, 0, NULL, "dossier '%s' vanished", id) : rc;
	rc = update(cat, t, old, prev, source, changed, changed_n, err);
	lc_tech_free(prev);
	lc_rec_free(old);
	return rc;
}

int lc_catalog_get_tech(struct lc_catalog *cat, const char *id,
			struct lc_tech **out, struct lc_error *err)
{
	struct lc_rec *r;
	char key[128];
	int rc;

	*out = NULL;
	snprintf(key, sizeof key, "tech:%s", id);
	rc = lc_store_get(cat->st, key, &r, err);
	if (rc == LC_ENOTFOUND)
		return lc_error_set(err, LC_ENOTFOUND, NULL, 0, "id",
				    "no dossier '%s' in the catalog", id);
	if (rc < 0)
		return rc;
	rc = lc_codec_from_rec(r, NULL, out);
	lc_rec_free(r);
	if (rc < 0)
		return lc_error_set(err, rc, cat->path, 0, NULL,
				    "stored dossier '%s' is damaged", id);
	return 0;
}

int lc_catalog_set_status(struct lc_catalog *cat, const char *id,
			  int status, const char *reason, const char *source,
			  struct lc_error *err)
{
	struct lc_rec *old = NULL;
	struct lc_tech *prev = NULL, *t = NULL;
	char key[128];
	int rc = check_id(cat, id, err);

	/* the stored version read once, its copy changed and put over it
	 * (not a lookup, a trial insert and a second lookup: rank sets the
	 * status of every dossier of an edition) */
	if (rc < 0)
		return rc;
	snprintf(key, sizeof key, "tech:%s", id);
	rc = read_stored(cat, id, key, &old, &prev, err);
	if (rc == LC_ENOTFOUND)
		return lc_error_set(err, LC_ENOTFOUND, NULL, 0, "id",
				    "no dossier '%s' in the catalog", id);
	if (rc < 0)
		return rc;
	t = lc_tech_dup(prev);
	if (!t)
		rc = oom(cat, err);
	else if ((rc = lc_tech_set_status(t, status, reason)) < 0)
		rc = lc_error_set(err, rc, NULL, 0, "status",
				  "bad status %d", status);
	else
		rc = update(cat, t, old, prev, source, NULL, 0, err);
	lc_tech_free(t);
	lc_tech_free(prev);
	lc_rec_free(old);
	return rc < 0 ? rc : 0;
}

static int own_kind(const char *key)
{
	return strncmp(key, "tech:", 5) == 0 || strncmp(key, "rev:", 4) == 0 ||
	       strncmp(key, "meta:", 5) == 0;
}

int lc_catalog_rec_put(struct lc_catalog *cat, const char *key,
		       const struct lc_rec *r, struct lc_error *err)
{
	const char *colon = strchr(key, ':');
	struct lc_rec *c;
	char kind[64];
	int rc = 0;

	if (!colon || colon == key || (size_t)(colon - key) >= sizeof kind ||
	    own_kind(key))
		return lc_error_set(err, LC_EUSAGE, NULL, 0, NULL,
				    "bad record key '%s'", key);
	memcpy(kind, key, (size_t)(colon - key));
	kind[colon - key] = '\0';
	c = lc_rec_new();
	if (!c)
		return oom(cat, err);
	for (size_t i = 0; rc == 0 && i < lc_rec_count(r); i++) {
		const char *n, *v;

		lc_rec_col(r, i, &n, &v);
		rc = lc_rec_set(c, n, v);
	}
	if (rc == 0)
		rc = lc_rec_set(c, "kind", kind);
	rc = rc < 0 ? oom(cat, err) : lc_store_put(cat->st, key, c, err);
	lc_rec_free(c);
	return rc;
}

int lc_catalog_rec_get(struct lc_catalog *cat, const char *key,
		       struct lc_rec **out, struct lc_error *err)
{
	return lc_store_get(cat->st, key, out, err);
}

int lc_catalog_rec_del(struct lc_catalog *cat, const char *key,
		       struct lc_error *err)
{
	if (own_kind(key))
		return lc_error_set(err, LC_EUSAGE, NULL, 0, NULL,
				    "bad record key '%s'", key);
	return lc_store_del(cat->st, key, err);
}

int lc_catalog_rec_each(struct lc_catalog *cat, const char *kind,
			const char *col, const char *val,
			int (*fn)(const char *key, const struct lc_rec *r,
				  void *ctx),
			void *ctx, struct lc_error *err)
{
	struct lc_store_cond cond[2];
	struct lc_store_query q = { cond, 0, "", 0, 0 };

	if (col)
		cond[q.ncond++] = (struct lc_store_cond){ col, LC_Q_STREQ,
			val };
	cond[q.ncond++] = (struct lc_store_cond){ "kind", LC_Q_STREQ, kind };
	return lc_store_query(cat->st, &q, fn, ctx, err);
}

struct check_ctx {
	void (*problem)(const char *what, void *ctx);
	void *ctx;
	long n, nrec;
};

/* Every dossier and revision must decode: what show, list and history
 * would do with it. */
static int check_rec(const char *key, const struct lc_rec *r, void *vc)
{
	struct check_ctx *c = vc;
	const char *prefix = NULL;
	struct lc_tech *t;
	char msg[512];

	c->nrec++;
	if (strncmp(key, "rev:", 4) == 0)
		prefix = "v.";
	else if (strncmp(key, "tech:", 5) != 0)
		return 0;
	if (lc_codec_from_rec(r, prefix, &t) < 0) {
		if (c->n++ < 20 && c->problem) {
			snprintf(msg, sizeof msg, "record '%s' does not "
				 "decode as a dossier", key);
			c->problem(msg, c->ctx);
		}
		return 0;
	}
	lc_tech_free(t);
	return 0;
}

int lc_catalog_check(struct lc_catalog *cat,
		     void (*problem)(const char *what, void *ctx), void *ctx,
		     long *nrec, struct lc_error *err)
{
	struct check_ctx c = { problem, ctx, 0, 0 };
	long bad = lc_store_check_indexes(cat->st, problem, ctx, err);
	int rc;

	if (bad < 0)
		return (int)bad;
	c.n = bad;
	rc = lc_store_scan(cat->st, check_rec, &c, err);
	/* A record that does not decode stops the scan; the index check
	 * has named it already. */
	if (rc < 0 && !(rc == LC_EIO && bad > 0))
		return rc;
	if (nrec)
		*nrec = c.nrec;
	if (c.n > 0)
		return lc_error_set(err, LC_EDATA, cat->path, 0, NULL,
				    "catalog damaged: %ld problem%s found",
				    c.n, c.n == 1 ? "" : "s");
	return 0;
}
