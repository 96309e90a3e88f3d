/* panel.c - the panel's records as the other modules read them: experts
 * ("expert:<id>"), the dossiers as the panel sees them, the criteria a
 * panel scores, and the key of an (expert, dossier) pair. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"

/* ---- experts ------------------------------------------------------------ */

static void expert_free(struct lc_expert *e)
{
	free(e->id);
	free(e->name);
	free(e->affiliation);
	free(e->credit_codes);
	free(e->sectors);
	free(e->email);
}

void lc_experts_release(struct lc_experts *x)
{
	for (size_t i = 0; i < x->n; i++)
		expert_free(&x->v[i]);
	free(x->v);
	x->v = NULL;
	x->n = 0;
}

static char *dup0(const char *s)
{
	return strdup(s ? s : "");
}

struct load_ctx {
	struct lc_experts *x;
	size_t cap;
	int oom;
};

static int load_one(const char *key, const struct lc_rec *r, void *vc)
{
	struct load_ctx *c = vc;
	struct lc_expert *e;
	char bad[64];
	long mask;

	(void)key;
	e = lc_grow(c->x->v, &c->cap, c->x->n, sizeof *e);
	if (!e) {
		c->oom = 1;
		return 1;
	}
	c->x->v = e;
	e = &c->x->v[c->x->n];
	e->id = dup0(lc_rec_get(r, "id"));
	e->name = dup0(lc_rec_get(r, "name"));
	e->affiliation = dup0(lc_rec_get(r, "affiliation"));
	e->credit_codes = dup0(lc_rec_get(r, "credit_codes"));
	e->sectors = dup0(lc_rec_get(r, "sectors"));
	e->email = dup0(lc_rec_get(r, "email"));
	mask = lc_sector_mask(e->sectors, bad, sizeof bad);
	e->sector_mask = mask < 0 ? 0 : (unsigned)mask;
	c->x->n++;
	if (!e->id || !e->name || !e->affiliation || !e->credit_codes ||
	    !e->sectors || !e->email) {
		c->oom = 1;
		return 1;
	}
	return 0;
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct lc_expert *)a)->id,
		      ((const struct lc_expert *)b)->id);
}

int lc_experts_load(struct lc_catalog *cat, struct lc_experts *x,
			struct lc_error *err)
{
	struct load_ctx c = { x, 0, 0 };
	int rc;

	x->v = NULL;
	x->n = 0;
	rc = lc_catalog_rec_each(cat, "expert", NULL, NULL, load_one, &c,
				 err);
	if (c.oom)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
	if (rc < 0) {
		lc_experts_release(x);
		return rc;
	}
	if (x->n)
		qsort(x->v, x->n, sizeof *x->v, by_id);
	return 0;
}

long lc_experts_find(const struct lc_experts *x, const char *id)
{
	return lc_find_id(x->v, x->n, sizeof *x->v, id);
}

/* ---- dossiers ----------------------------------------------------------- */

static void dossier_free(struct lc_dossier *d)
{
	free(d->id);
	free(d->edition);
	free(d->name_zh);
	free(d->name_en);
	free(d->submitter);
	free(d->credit_code);
	free(d->owners);
	free(d->summary);
}

void lc_dossiers_release(struct lc_dossiers *d)
{
	for (size_t i = 0; i < d->n; i++)
		dossier_free(&d->v[i]);
	free(d->v);
	d->v = NULL;
	d->n = 0;
}

struct dload {
	struct lc_dossiers *d;
	size_t cap;
	int oom;
};

static char *field(const struct lc_tech *t, int f)
{
	const char *s = lc_tech_get(t, f);

	return strdup(s ? s : "");
}

static int dload_one(const struct lc_tech *t, void *vc)
{
	struct dload *c = vc;
	struct lc_dossier *d = lc_grow(c->d->v, &c->cap, c->d->n,
					       sizeof *d);

	if (!d) {
		c->oom = 1;
		return 1;
	}
	c->d->v = d;
	d = &c->d->v[c->d->n++];
	d->id = field(t, LC_F_ID);
	d->edition = field(t, LC_F_EDITION);
	d->name_zh = field(t, LC_F_NAME_ZH);
	d->name_en = field(t, LC_F_NAME_EN);
	d->submitter = field(t, LC_F_SUBMITTER);
	d->credit_code = field(t, LC_F_CREDIT_CODE);
	d->owners = field(t, LC_F_OWNERS);
	d->summary = field(t, LC_F_SUMMARY);
	d->sector = lc_tech_sector(t);
	if (!d->id || !d->edition || !d->name_zh || !d->name_en ||
	    !d->submitter || !d->credit_code || !d->owners || !d->summary) {
		c->oom = 1;
		return 1;
	}
	return 0;
}

static int dossier_cmp(const void *a, const void *b)
{
	return strcmp(((const struct lc_dossier *)a)->id,
		      ((const struct lc_dossier *)b)->id);
}

int lc_dossiers_load(struct lc_catalog *cat, const char *edition,
			 struct lc_dossiers *d, struct lc_error *err)
{
	struct dload c = { d, 0, 0 };
	struct lc_filter f;
	int rc;

	d->v = NULL;
	d->n = 0;
	lc_filter_init(&f);
	f.edition = edition;
	rc = lc_catalog_each_tech(cat, &f, dload_one, &c, err);
	if (c.oom)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
	if (rc < 0) {
		lc_dossiers_release(d);
		return rc;
	}
	if (d->n)
		qsort(d->v, d->n, sizeof *d->v, dossier_cmp);
	return 0;
}

long lc_dossiers_find(const struct lc_dossiers *d, const char *id)
{
	return lc_find_id(d->v, d->n, sizeof *d->v, id);
}

/* The columns of an expert record, in struct lc_expert's order. */
static const char *const expert_cols[6] = {
	"id", "name", "affiliation", "credit_codes", "sectors", "email"
};

/* Stores one expert; *result is 1 added, 2 updated, 3 unchanged. */
static int store_one(struct lc_catalog *cat, const struct lc_expert *e,
		     int *result, struct lc_error *err)
{
	struct lc_rec *old = NULL, *rec;
	const char *const val[6] = { e->id, e->name, e->affiliation,
				     e->credit_codes, e->sectors, e->email };
	char key[300];
	int rc, same = 1;

	snprintf(key, sizeof key, "expert:%s", e->id);
	rc = lc_catalog_rec_get(cat, key, &old, err);
	if (rc < 0 && rc != LC_ENOTFOUND)
		return rc;
	rec = lc_rec_new();
	if (!rec) {
		lc_rec_free(old);
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	}
	for (int j = 0; j < 6; j++) {
		const char *ov = old ? lc_rec_get(old, expert_cols[j]) : NULL;

		if (!ov || strcmp(ov, val[j]) != 0)
			same = 0;
		if (lc_rec_set(rec, expert_cols[j], val[j]) < 0)
			rc = LC_ENOMEM;
	}
	*result = !old ? 1 : same ? 3 : 2;
	if (rc == LC_ENOMEM)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
	else if (*result != 3)
		rc = lc_catalog_rec_put(cat, key, rec, err);
	else
		rc = 0;
	lc_rec_free(rec);
	lc_rec_free(old);
	return rc;
}

int lc_experts_store(struct lc_catalog *cat, const struct lc_experts *x,
		     struct lc_put_counts *n, struct lc_error *err)
{
	int rc = 0;

	memset(n, 0, sizeof *n);
	for (size_t i = 0; rc == 0 && i < x->n; i++) {
		int result = 0;

		rc = store_one(cat, &x->v[i], &result, err);
		if (result == 1)
			n->added++;
		else if (result == 2)
			n->updated++;
		else if (result == 3)
			n->unchanged++;
	}
	return rc;
}

/* ---- criteria and pairs ------------------------------------------------- */

long lc_criteria_find(const struct lc_criteria *c, const char *id)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->id[i], id) == 0)
			return (long)i;
	return -1;
}

char *lc_pair_key(const char *expert, const char *tech, char *buf,
		      size_t n)
{
	snprintf(buf, n, "%s\037%s", expert, tech);
	return buf;
}
