/* panel_experts.c - the panel's experts: CSV import (validated, one
 * transaction, re-import updates) and loading them from the catalog. */
#include <stdlib.h>
#include <string.h>
#include "importers/importers.h"
#include "ranker/panel.h"

static const char *const cols[] = {
	"id", "name", "affiliation", "credit_codes", "sectors", "email", NULL
};
enum { C_ID, C_NAME, C_AFF, C_CODES, C_SECTORS, C_EMAIL, C__N };
static const int required[C__N] = { 1, 1, 1, 0, 1, 0 };

static void expert_free(struct lc_pnl_expert *e)
{
	free(e->id);
	free(e->name);
	free(e->affiliation);
	free(e->credit_codes);
	free(e->sectors);
	free(e->email);
	free(e->norm_aff);
}

void lc_pnl_experts_release(struct lc_pnl_experts *x)
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
	struct lc_pnl_experts *x;
	size_t cap;
	int oom;
};

static int load_one(const char *key, const struct lc_rec *r, void *vc)
{
	struct load_ctx *c = vc;
	struct lc_pnl_expert *e;
	char norm[512], bad[64];
	long mask;

	(void)key;
	e = lc_pnl_grow(c->x->v, &c->cap, c->x->n, sizeof *e);
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
	lc_pnl_org_norm(e->affiliation, norm, sizeof norm);
	e->norm_aff = strdup(norm);
	mask = lc_pnl_sector_mask(e->sectors, bad, sizeof bad);
	e->sector_mask = mask < 0 ? 0 : (unsigned)mask;
	c->x->n++;
	if (!e->id || !e->name || !e->affiliation || !e->credit_codes ||
	    !e->sectors || !e->email || !e->norm_aff) {
		c->oom = 1;
		return 1;
	}
	return 0;
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct lc_pnl_expert *)a)->id,
		      ((const struct lc_pnl_expert *)b)->id);
}

int lc_pnl_experts_load(struct lc_catalog *cat, struct lc_pnl_experts *x,
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
		lc_pnl_experts_release(x);
		return rc;
	}
	if (x->n)
		qsort(x->v, x->n, sizeof *x->v, by_id);
	return 0;
}

long lc_pnl_experts_find(const struct lc_pnl_experts *x, const char *id)
{
	return lc_pnl_find_id(x->v, x->n, sizeof *x->v, id);
}

/* Problem reporting while importing. */
struct sink {
	lc_pnl_problem_fn fn;
	void *ctx;
	const char *file;
	long n;
};

static void problem(struct sink *s, long line, const char *field,
		    const char *fmt, const char *arg)
{
	struct lc_error e;

	lc_error_set(&e, LC_EDATA, s->file, line, field, fmt, arg);
	s->n++;
	if (s->fn)
		s->fn(&e, s->ctx);
}

/* Checks a ';'-separated list of unified social credit codes. */
static int check_codes(struct sink *s, long line, const char *list)
{
	const char *p = list;
	int bad = 0;

	while (*p) {
		const char *e = strchr(p, ';');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char code[64];
		size_t i = 0, j = 0;

		if (len >= sizeof code)
			len = sizeof code - 1;
		for (i = 0; i < len; i++)
			if (p[i] != ' ' && p[i] != '\t')
				code[j++] = p[i];
		code[j] = '\0';
		if (j) {
			int ok = j == 18;

			for (i = 0; ok && i < j; i++)
				ok = (code[i] >= '0' && code[i] <= '9') ||
				     (code[i] >= 'A' && code[i] <= 'Z');
			if (!ok) {
				problem(s, line, "credit_codes",
					"'%s' is not an 18-character unified "
					"social credit code", code);
				bad = 1;
			}
		}
		if (!e)
			break;
		p = e + 1;
	}
	return bad;
}

static int check_email(const char *s)
{
	const char *at = strchr(s, '@');

	return at && at != s && strchr(at + 1, '.') && !strchr(at + 1, '@') &&
	       !strpbrk(s, " \t,;<>") && at[1] != '.' &&
	       s[strlen(s) - 1] != '.';
}

/* One parsed row kept until the whole file is checked. */
struct row {
	char *v[C__N];
	long line;
};

static void rows_free(struct row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (int j = 0; j < C__N; j++)
			free(rows[i].v[j]);
	free(rows);
}

static int read_rows(const char *path, struct sink *s, struct row **out,
		     size_t *nout, struct lc_error *err)
{
	struct lc_csv *c = NULL;
	struct lc_pnl_map *seen = NULL;
	struct row *rows = NULL;
	size_t n = 0, cap = 0, nf;
	int colof[C__N];
	long line;
	int rc;

	rc = lc_csv_open(&c, path, NULL, LC_CSV_TRIM | LC_CSV_SKIP_BLANK,
			 err);
	if (rc < 0)
		return rc;
	rc = lc_csv_next(c, &nf, &line, err);
	if (rc == 0)
		rc = lc_error_set(err, LC_EDATA, path, 1, NULL,
				  "empty file: expected the header "
				  "id,name,affiliation,credit_codes,sectors,"
				  "email");
	if (rc < 0)
		goto out;
	for (int j = 0; j < C__N; j++)
		colof[j] = -1;
	for (size_t i = 0; i < nf && i < 64; i++) {
		const char *h = lc_csv_get(c, i);
		int j;

		for (j = 0; cols[j] && strcmp(cols[j], h) != 0; j++)
			;
		if (!cols[j])
			problem(s, line, h, "unknown column '%s'", h);
		else if (colof[j] >= 0)
			problem(s, line, h, "repeated column '%s'", h);
		else
			colof[j] = (int)i;
	}
	if (nf > 64)
		problem(s, line, NULL, "%s", "too many columns");
	for (int j = 0; j < C__N; j++)
		if (colof[j] < 0 && required[j])
			problem(s, line, cols[j], "missing column '%s'",
				cols[j]);
	if (s->n) {
		rc = LC_EDATA;
		goto out;
	}
	seen = lc_pnl_map_new();
	if (!seen)
		goto oom;
	for (;;) {
		struct row *r;
		char bad[64];

		rc = lc_csv_next(c, &nf, &line, err);
		if (rc != 1)
			break;
		r = lc_pnl_grow(rows, &cap, n, sizeof *rows);
		if (!r)
			goto oom;
		rows = r;
		r = &rows[n++];
		r->line = line;
		for (int j = 0; j < C__N; j++) {
			r->v[j] = strdup(colof[j] < 0 ? "" :
				 lc_csv_get(c, (size_t)colof[j]));
			if (!r->v[j])
				goto oom;
		}
		for (int j = 0; j < C__N; j++)
			if (required[j] && !*r->v[j])
				problem(s, line, cols[j], "%s is required",
					cols[j]);
		if (*r->v[C_ID]) {
			if (strpbrk(r->v[C_ID], ": \t,;"))
				problem(s, line, "id", "id '%s' may not hold "
					"spaces, ':', ',' or ';'",
					r->v[C_ID]);
			else if (lc_pnl_map_get(seen, r->v[C_ID], 0))
				problem(s, line, "id", "expert '%s' appears "
					"twice in the file", r->v[C_ID]);
			else if (lc_pnl_map_put(seen, r->v[C_ID], line) < 0)
				goto oom;
		}
		if (*r->v[C_SECTORS] &&
		    lc_pnl_sector_mask(r->v[C_SECTORS], bad, sizeof bad) < 0)
			problem(s, line, "sectors", "unknown sector '%s' "
				"(steel, nonferrous, petrochemical, chemical,"
				" building-materials)", bad);
		check_codes(s, line, r->v[C_CODES]);
		if (*r->v[C_EMAIL] && !check_email(r->v[C_EMAIL]))
			problem(s, line, "email", "'%s' is not an e-mail "
				"address", r->v[C_EMAIL]);
	}
	if (rc < 0)
		goto out;
	rc = s->n ? LC_EDATA : 0;
	goto out;
oom:
	rc = lc_error_set(err, LC_ENOMEM, path, 0, NULL, "out of memory");
out:
	lc_pnl_map_free(seen);
	lc_csv_close(c);
	if (rc < 0) {
		rows_free(rows, n);
		return rc;
	}
	*out = rows;
	*nout = n;
	return 0;
}

/* Stores one row; *result is 1 added, 2 updated, 3 unchanged. */
static int store_row(struct lc_catalog *cat, const struct row *r,
		     int *result, struct lc_error *err)
{
	struct lc_rec *old = NULL, *rec;
	char key[300];
	int rc, same = 1;

	snprintf(key, sizeof key, "expert:%s", r->v[C_ID]);
	rc = lc_catalog_rec_get(cat, key, &old, err);
	if (rc < 0 && rc != LC_ENOTFOUND)
		return rc;
	rec = lc_rec_new();
	if (!rec) {
		lc_rec_free(old);
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	}
	for (int j = 0; j < C__N; j++) {
		const char *ov = old ? lc_rec_get(old, cols[j]) : NULL;

		if (!ov || strcmp(ov, r->v[j]) != 0)
			same = 0;
		if (lc_rec_set(rec, cols[j], r->v[j]) < 0)
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

int lc_pnl_experts_import(struct lc_catalog *cat, const char *path,
			  lc_pnl_problem_fn fn, void *pctx,
			  struct lc_pnl_import_sum *sum, struct lc_error *err)
{
	struct sink s = { fn, pctx, path, 0 };
	struct lc_pnl_audit *a = NULL;
	struct row *rows = NULL;
	size_t n = 0;
	int rc;

	memset(sum, 0, sizeof *sum);
	rc = read_rows(path, &s, &rows, &n, err);
	if (rc == LC_EDATA && s.n)
		return lc_error_set(err, LC_EDATA, path, 0, NULL,
				    "%ld problem(s): nothing imported", s.n);
	if (rc < 0)
		return rc;
	sum->read = (long)n;
	rc = lc_pnl_tx_begin(cat, &a, err);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		int result = 0;

		rc = store_row(cat, &rows[i], &result, err);
		if (result == 1)
			sum->added++;
		else if (result == 2)
			sum->updated++;
		else if (result == 3)
			sum->unchanged++;
	}
	if (rc == 0)
		rc = lc_pnl_conflicts_refresh(cat, a, path,
					      &sum->conflicts_added,
					      &sum->conflicts_removed, err);
	rc = lc_pnl_tx_end(cat, a, rc, err);
	rows_free(rows, n);
	return rc;
}
