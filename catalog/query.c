/* query.c - reading dossiers back: a filter turned into a store query
 * (indexed conditions first), the PCRE2 match over names and summary,
 * the sort; the history of one dossier; statistics by sector and TRL. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <math.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/codec.h"
#include "catalog/handle.h"

static int oom(struct lc_catalog *cat, struct lc_error *err)
{
	return lc_error_set(err, LC_ENOMEM, cat->path, 0, NULL,
			    "out of memory");
}

void lc_filter_init(struct lc_filter *f)
{
	memset(f, 0, sizeof *f);
	f->sector = f->category = f->status = -1;
}

/* The conditions of a filter, indexed ones first. bufs holds the text of
 * numeric bounds. */
struct plan {
	struct lc_store_cond cond[8];
	struct lc_store_query q;
	char trl[48];
};

static int make_plan(const struct lc_filter *f, struct plan *p,
		     struct lc_error *err)
{
	size_t n = 0;
	const char *sort = f->sort && *f->sort ? f->sort : "id";
	int desc = *sort == '-', field;

	memset(p, 0, sizeof *p);
	if (f->sector >= 0)
		p->cond[n++] = (struct lc_store_cond){ "sector", LC_Q_STREQ,
			lc_sector_name(f->sector) };
	if (f->category >= 0)
		p->cond[n++] = (struct lc_store_cond){ "category", LC_Q_STREQ,
			lc_category_name(f->category) };
	if (f->edition)
		p->cond[n++] = (struct lc_store_cond){ "edition", LC_Q_STREQ,
			f->edition };
	if (f->status >= 0)
		p->cond[n++] = (struct lc_store_cond){ "status", LC_Q_STREQ,
			lc_status_name(f->status) };
	if (f->min_trl > 0 || f->max_trl > 0) {
		snprintf(p->trl, sizeof p->trl, "%d %d",
			 f->min_trl > 0 ? f->min_trl : 0,
			 f->max_trl > 0 ? f->max_trl : 99);
		p->cond[n++] = (struct lc_store_cond){ "trl", LC_Q_NUMBT,
			p->trl };
	}
	/* Every dossier has these columns, other records none of them,
	 * except when no condition narrows: then ask for kind. */
	if (n == 0)
		p->cond[n++] = (struct lc_store_cond){ "kind", LC_Q_STREQ,
			"tech" };
	field = lc_field_lookup(sort + desc);
	if (field < 0)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "sort",
				    "unknown field '%s' to sort by",
				    sort + desc);
	p->q.cond = p->cond;
	p->q.ncond = n;
	/* Keys are "tech:ID": ordering by the key is ordering by id, and
	 * spares Tokyo Cabinet reading every record to sort. */
	p->q.order = field == LC_F_ID ? "" : lc_field_name(field);
	p->q.numeric = lc_field_type(field) == LC_FT_NUM ||
		       lc_field_type(field) == LC_FT_INT;
	p->q.desc = desc;
	return 0;
}

struct each_ctx {
	int (*fn)(const struct lc_tech *t, void *ctx);
	void *ctx;
	pcre2_code *re;
	pcre2_match_data *md;
	struct lc_error *err;
	const char *path;
};

static int matches(struct each_ctx *c, const struct lc_tech *t)
{
	static const int where[] = { LC_F_NAME_ZH, LC_F_NAME_EN,
				     LC_F_SUMMARY };

	for (size_t i = 0; i < sizeof where / sizeof *where; i++) {
		const char *s = lc_tech_get(t, where[i]);

		if (s && pcre2_match(c->re, (PCRE2_SPTR)s, strlen(s), 0, 0,
				     c->md, NULL) >= 0)
			return 1;
	}
	return 0;
}

static int each_tech_rec(const char *key, const struct lc_rec *r, void *vc)
{
	struct each_ctx *c = vc;
	struct lc_tech *t;
	int rc;

	if (strncmp(key, "tech:", 5) != 0)
		return 0;
	rc = lc_codec_from_rec(r, NULL, &t);
	if (rc < 0)
		return lc_error_set(c->err, rc, c->path, 0, NULL,
				    "stored record '%s' is damaged", key);
	rc = (!c->re || matches(c, t)) ? c->fn(t, c->ctx) : 0;
	lc_tech_free(t);
	return rc;
}

int lc_catalog_each_tech(struct lc_catalog *cat, const struct lc_filter *f,
			 int (*fn)(const struct lc_tech *t, void *ctx),
			 void *ctx, struct lc_error *err)
{
	struct each_ctx c = { fn, ctx, NULL, NULL, err, cat->path };
	struct plan p;
	int rc = make_plan(f, &p, err);

	if (rc < 0)
		return rc;
	if (f->match) {
		int ecode;
		PCRE2_SIZE off;

		c.re = pcre2_compile((PCRE2_SPTR)f->match,
				     PCRE2_ZERO_TERMINATED,
				     PCRE2_UTF | PCRE2_UCP, &ecode, &off,
				     NULL);
		if (!c.re) {
			PCRE2_UCHAR msg[256];

			pcre2_get_error_message(ecode, msg, sizeof msg);
			return lc_error_set(err, LC_EUSAGE, NULL, 0, "match",
					    "bad regular expression at "
					    "offset %zu: %s", (size_t)off,
					    (const char *)msg);
		}
		if (lc_regex_jit())
			pcre2_jit_compile(c.re, PCRE2_JIT_COMPLETE);
		c.md = pcre2_match_data_create_from_pattern(c.re, NULL);
		if (!c.md) {
			pcre2_code_free(c.re);
			return oom(cat, err);
		}
	}
	rc = lc_store_query(cat->st, &p.q, each_tech_rec, &c, err);
	pcre2_match_data_free(c.md);
	pcre2_code_free(c.re);
	return rc;
}

int lc_catalog_query_hint(struct lc_catalog *cat, const struct lc_filter *f,
			  char *buf, size_t n, struct lc_error *err)
{
	struct plan p;
	int rc = make_plan(f, &p, err);

	return rc < 0 ? rc : lc_store_hint(cat->st, &p.q, buf, n, err);
}

struct hist_ctx {
	int (*fn)(const struct lc_revision *r, void *ctx);
	void *ctx;
	struct lc_error *err;
	const char *path;
	int count;
};

static int emit_version(struct hist_ctx *h, const struct lc_rec *r,
			const char *prefix)
{
	struct lc_revision rv;
	struct lc_tech *t;
	char name[32];
	const char *v;
	int rc = lc_codec_from_rec(r, prefix, &t);

	if (rc < 0)
		return lc_error_set(h->err, rc, h->path, 0, NULL,
				    "stored revision is damaged");
#define COL(c) (snprintf(name, sizeof name, "%s%s", prefix ? prefix : "", \
			 c), v = lc_rec_get(r, name), v ? v : "")
	rv.rev = atoi(COL("_rev"));
	rv.who = COL("_who");
	rv.when = COL("_when");
	rv.source = COL("_source");
	rv.changed = COL("_changed");
#undef COL
	rv.tech = t;
	h->count++;
	rc = h->fn(&rv, h->ctx);
	lc_tech_free(t);
	return rc;
}

static int hist_rev(const char *key, const struct lc_rec *r, void *vc)
{
	(void)key;
	return emit_version(vc, r, "v.");
}

int lc_catalog_history(struct lc_catalog *cat, const char *id,
		       int (*fn)(const struct lc_revision *r, void *ctx),
		       void *ctx, struct lc_error *err)
{
	struct hist_ctx h = { fn, ctx, err, cat->path, 0 };
	struct lc_store_cond cond[2] = { { "tech", LC_Q_STREQ, id },
					 { "kind", LC_Q_STREQ, "rev" } };
	struct lc_store_query q = { cond, 2, "", 0, 0 };
	struct lc_rec *cur;
	char key[128];
	int rc;

	snprintf(key, sizeof key, "tech:%s", id);
	rc = lc_store_get(cat->st, key, &cur, err);
	if (rc == LC_ENOTFOUND)
		return lc_error_set(err, LC_ENOTFOUND, NULL, 0, "id",
				    "no dossier '%s' in the catalog", id);
	if (rc < 0)
		return rc;
	rc = lc_store_query(cat->st, &q, hist_rev, &h, err);
	if (rc == 0)
		rc = emit_version(&h, cur, NULL);
	lc_rec_free(cur);
	return rc;
}

static int stats_one(const struct lc_tech *t, void *vs)
{
	struct lc_stats *s = vs;
	int sec = lc_tech_sector(t), trl = lc_tech_trl(t), band;
	double pot;

	s->total++;
	if (sec < 0)
		return 0;
	band = trl >= 8 ? 2 : trl >= 6 ? 1 : 0;
	s->by_sector[sec]++;
	s->by_band[sec][band]++;
	if (lc_tech_num(t, LC_F_POTENTIAL, &pot)) {
		s->potential[sec] += pot;
		s->potential_band[sec][band] += pot;
	}
	return 0;
}

int lc_catalog_stats(struct lc_catalog *cat, const char *edition,
		     struct lc_stats *out, struct lc_error *err)
{
	struct lc_filter f;

	memset(out, 0, sizeof *out);
	lc_filter_init(&f);
	f.edition = edition;
	return lc_catalog_each_tech(cat, &f, stats_one, out, err);
}

