/* panel_audit.c - the panel's append-only audit trail: one catalog record
 * per change to scores, assignments and conflicts, chained by SHA-256
 * (nettle) so that an edited or removed entry is detected. */
#include <stdlib.h>
#include <string.h>
#include <nettle/sha2.h>
#include "catalog/catalog.h"

#define HEAD_KEY "audithead:log"
#define ZERO_HASH \
	"0000000000000000000000000000000000000000000000000000000000000000"

struct lc_audit {
	struct lc_catalog *cat;
	long seq;              /* last stored entry */
	char hash[65];         /* its hash */
	char when[32];
	const char *who;
	long added;
};

static void feed(struct sha256_ctx *h, const char *s)
{
	char len[32];
	size_t n = s ? strlen(s) : 0;

	snprintf(len, sizeof len, "%zu:", n);
	sha256_update(h, strlen(len), (const uint8_t *)len);
	if (n)
		sha256_update(h, n, (const uint8_t *)s);
}

void lc_audit_hash(const struct lc_audit_entry *e, char hex[65])
{
	struct sha256_ctx h;
	uint8_t d[SHA256_DIGEST_SIZE];
	static const char digits[] = "0123456789abcdef";

	sha256_init(&h);
	feed(&h, e->seq);
	feed(&h, e->who);
	feed(&h, e->when);
	feed(&h, e->action);
	feed(&h, e->detail);
	feed(&h, e->source);
	feed(&h, e->prev);
	sha256_digest(&h, sizeof d, d);
	for (size_t i = 0; i < sizeof d; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[64] = '\0';
}

int lc_audit_begin(struct lc_catalog *cat, struct lc_audit **out,
		       struct lc_error *err)
{
	struct lc_audit *a = calloc(1, sizeof *a);
	struct lc_rec *head = NULL;
	int rc;

	if (!a)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	a->cat = cat;
	a->who = lc_catalog_who();
	lc_catalog_now(a->when, sizeof a->when);
	snprintf(a->hash, sizeof a->hash, "%s", ZERO_HASH);
	rc = lc_catalog_rec_get(cat, HEAD_KEY, &head, err);
	if (rc == LC_ENOTFOUND) {
		rc = 0;
	} else if (rc == 0) {
		const char *seq = lc_rec_get(head, "seq");
		const char *hash = lc_rec_get(head, "hash");

		a->seq = seq ? strtol(seq, NULL, 10) : 0;
		if (hash && strlen(hash) == 64)
			memcpy(a->hash, hash, 65);
		lc_rec_free(head);
	}
	if (rc < 0) {
		free(a);
		return rc;
	}
	*out = a;
	return 0;
}

int lc_audit_add(struct lc_audit *a, const char *action,
		     const char *detail, const char *source,
		     struct lc_error *err)
{
	struct lc_audit_entry e;
	struct lc_rec *r = lc_rec_new();
	char seq[24], key[40], hex[65];
	int rc;

	if (!r)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	snprintf(seq, sizeof seq, "%010ld", a->seq + 1);
	snprintf(key, sizeof key, "audit:%s", seq);
	e = (struct lc_audit_entry){ key, seq, a->who, a->when, action,
		detail ? detail : "", source ? source : "", a->hash, NULL };
	lc_audit_hash(&e, hex);
	rc = lc_rec_set(r, "seq", seq);
	rc = rc ? rc : lc_rec_set(r, "who", e.who);
	rc = rc ? rc : lc_rec_set(r, "when", e.when);
	rc = rc ? rc : lc_rec_set(r, "action", e.action);
	rc = rc ? rc : lc_rec_set(r, "detail", e.detail);
	rc = rc ? rc : lc_rec_set(r, "source", e.source);
	rc = rc ? rc : lc_rec_set(r, "prev", e.prev);
	rc = rc ? rc : lc_rec_set(r, "hash", hex);
	if (rc < 0)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
	else
		rc = lc_catalog_rec_put(a->cat, key, r, err);
	lc_rec_free(r);
	if (rc < 0)
		return rc;
	a->seq++;
	a->added++;
	memcpy(a->hash, hex, 65);
	return 0;
}

int lc_audit_end(struct lc_audit *a, int fail, struct lc_error *err)
{
	struct lc_rec *r;
	char seq[24];
	int rc = 0;

	if (!a)
		return 0;
	if (fail || a->added == 0) {
		free(a);
		return 0;
	}
	r = lc_rec_new();
	snprintf(seq, sizeof seq, "%010ld", a->seq);
	if (!r || lc_rec_set(r, "seq", seq) < 0 ||
	    lc_rec_set(r, "hash", a->hash) < 0)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
	else
		rc = lc_catalog_rec_put(a->cat, HEAD_KEY, r, err);
	lc_rec_free(r);
	free(a);
	return rc;
}

/* The transaction (bulk or not) and its audit writer. */
static int tx_begin(struct lc_catalog *cat, int bulk, struct lc_audit **a,
		    struct lc_error *err)
{
	int rc = bulk ? lc_catalog_begin_bulk(cat, err)
		      : lc_catalog_begin(cat, err);

	*a = NULL;
	if (rc == 0)
		rc = lc_audit_begin(cat, a, err);
	return rc;
}

int lc_audit_tx_begin(struct lc_catalog *cat, struct lc_audit **a,
		    struct lc_error *err)
{
	return tx_begin(cat, 0, a, err);
}

int lc_audit_tx_begin_bulk(struct lc_catalog *cat, struct lc_audit **a,
			   struct lc_error *err)
{
	return tx_begin(cat, 1, a, err);
}

int lc_audit_tx_end(struct lc_catalog *cat, struct lc_audit *a, int rc,
		  struct lc_error *err)
{
	if (a) {
		int rc2 = lc_audit_end(a, rc < 0, err);

		rc = rc < 0 ? rc : rc2;
	}
	if (rc == 0)
		return lc_catalog_commit(cat, err);
	lc_catalog_abort(cat);
	return rc;
}

struct each_ctx {
	int (*fn)(const struct lc_audit_entry *e, void *ctx);
	void *ctx;
};

static void entry_of(const char *key, const struct lc_rec *r,
		     struct lc_audit_entry *e)
{
	e->key = key;
	e->seq = lc_rec_get(r, "seq");
	e->who = lc_rec_get(r, "who");
	e->when = lc_rec_get(r, "when");
	e->action = lc_rec_get(r, "action");
	e->detail = lc_rec_get(r, "detail");
	e->source = lc_rec_get(r, "source");
	e->prev = lc_rec_get(r, "prev");
	e->hash = lc_rec_get(r, "hash");
}

static int each_one(const char *key, const struct lc_rec *r, void *vc)
{
	struct each_ctx *c = vc;
	struct lc_audit_entry e;

	entry_of(key, r, &e);
	return c->fn(&e, c->ctx);
}

int lc_audit_each(struct lc_catalog *cat,
		      int (*fn)(const struct lc_audit_entry *e,
				void *ctx),
		      void *ctx, struct lc_error *err)
{
	struct each_ctx c = { fn, ctx };

	return lc_catalog_rec_each(cat, "audit", NULL, NULL, each_one, &c,
				   err);
}

struct verify_ctx {
	long n;
	char prev[65];
	struct lc_error *err;
};

static int verify_one(const char *key, const struct lc_rec *r, void *vc)
{
	struct verify_ctx *v = vc;
	struct lc_audit_entry e;
	char want[32], hex[65];

	entry_of(key, r, &e);
	snprintf(want, sizeof want, "audit:%010ld", v->n + 1);
	if (strcmp(key, want) != 0)
		return lc_error_set(v->err, LC_EDATA, NULL, 0, NULL,
				    "%s: broken chain: expected %s (an entry "
				    "is missing)", key, want);
	if (!e.seq || strcmp(e.seq, key + 6) != 0)
		return lc_error_set(v->err, LC_EDATA, NULL, 0, NULL,
				    "%s: broken chain: sequence number "
				    "altered", key);
	if (!e.prev || strcmp(e.prev, v->prev) != 0)
		return lc_error_set(v->err, LC_EDATA, NULL, 0, NULL,
				    "%s: broken chain: prev does not match "
				    "the previous entry's hash", key);
	lc_audit_hash(&e, hex);
	if (!e.hash || strcmp(e.hash, hex) != 0)
		return lc_error_set(v->err, LC_EDATA, NULL, 0, NULL,
				    "%s: broken chain: entry altered (hash "
				    "mismatch)", key);
	memcpy(v->prev, hex, 65);
	v->n++;
	return 0;
}

int lc_audit_verify(struct lc_catalog *cat, long *n,
			struct lc_error *err)
{
	struct verify_ctx v = { 0, ZERO_HASH, err };
	struct lc_rec *head = NULL;
	int rc;

	rc = lc_catalog_rec_each(cat, "audit", NULL, NULL, verify_one, &v,
				 err);
	if (rc != 0)
		return rc < 0 ? rc : LC_EDATA;
	rc = lc_catalog_rec_get(cat, HEAD_KEY, &head, err);
	if (rc == LC_ENOTFOUND) {
		if (v.n != 0)
			return lc_error_set(err, LC_EDATA, NULL, 0, NULL,
					    "%s: missing while %ld entries "
					    "exist", HEAD_KEY, v.n);
	} else if (rc < 0) {
		return rc;
	} else {
		const char *seq = lc_rec_get(head, "seq");
		const char *hash = lc_rec_get(head, "hash");
		long hs = seq ? strtol(seq, NULL, 10) : -1;
		int bad = hs != v.n || !hash || strcmp(hash, v.prev) != 0;

		lc_rec_free(head);
		if (bad && hs > v.n)
			return lc_error_set(err, LC_EDATA, NULL, 0, NULL,
					    "audit:%010ld: broken chain: "
					    "entry missing (the log ends at "
					    "%ld)", v.n + 1, v.n);
		if (bad)
			return lc_error_set(err, LC_EDATA, NULL, 0, NULL,
					    "%s: does not match the last "
					    "entry", HEAD_KEY);
	}
	if (n)
		*n = v.n;
	return 0;
}
