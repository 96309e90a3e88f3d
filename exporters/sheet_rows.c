/* sheet_rows.c - the rows of an expert's score sheet, built once for
 * both writers (CSV and .xlsx): the dossiers assigned to the expert, the
 * fields the expert reads, one column per panel criterion with the
 * scores already given, the comment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/internal.h"

struct strs {
	char **v;
	size_t n, cap;
};

static int strs_add(struct strs *s, const char *v)
{
	char **nv = lc_grow(s->v, &s->cap, s->n, sizeof *nv);

	if (!nv)
		return LC_ENOMEM;
	s->v = nv;
	s->v[s->n] = strdup(v);
	return s->v[s->n++] ? 0 : LC_ENOMEM;
}

static void strs_free(struct strs *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int assigned_one(const char *key, const struct lc_rec *r, void *vc)
{
	const char *t = lc_rec_get(r, "tech");

	(void)key;
	return t && strs_add(vc, t) < 0;
}

struct mine {
	struct lc_strmap *idx;   /* "tech\037crit" -> index into vals */
	struct strs vals;         /* score texts, then comments */
	struct lc_strmap *cidx;  /* tech -> comment index */
};

static int mine_one(const char *key, const struct lc_rec *r, void *vc)
{
	struct mine *m = vc;
	const char *t = lc_rec_get(r, "tech"), *c = lc_rec_get(r, "criterion");
	const char *s = lc_rec_get(r, "score"), *cm = lc_rec_get(r, "comment");
	char k[300];

	(void)key;
	if (!t || !c || !s)
		return 0;
	snprintf(k, sizeof k, "%s\037%s", t, c);
	if (lc_strmap_put(m->idx, k, (long)m->vals.n) < 0 ||
	    strs_add(&m->vals, s) < 0)
		return 1;
	if (cm && *cm) {
		if (lc_strmap_put(m->cidx, t, (long)m->vals.n) < 0 ||
		    strs_add(&m->vals, cm) < 0)
			return 1;
	}
	return 0;
}

static const int info_field[] = { LC_F_ID, LC_F_NAME_ZH, LC_F_NAME_EN,
	LC_F_SECTOR, LC_F_TRL, LC_F_SUBMITTER, LC_F_OWNERS, LC_F_SUMMARY };
#define NINFO (sizeof info_field / sizeof *info_field)

static void columns(struct exp_sheet *s, const struct lc_criteria *c,
		    int blind)
{
	size_t k = 0;

	s->name[k] = "expert";
	s->kind[k] = EXP_SC_TEXT;
	s->crit[k++] = -1;
	for (size_t f = 0; f < NINFO; f++) {
		if (blind && (info_field[f] == LC_F_SUBMITTER ||
			      info_field[f] == LC_F_OWNERS))
			continue;
		s->name[k] = lc_field_name(info_field[f]);
		s->kind[k] = EXP_SC_TEXT;
		s->crit[k++] = -1;
	}
	for (size_t j = 0; j < c->n; j++) {
		s->name[k] = c->id[j];
		s->kind[k] = EXP_SC_SCORE;
		s->crit[k++] = (int)j;
	}
	s->name[k] = "comment";
	s->kind[k] = EXP_SC_COMMENT;
	s->crit[k++] = -1;
	s->ncols = k;
}

/* Fills row i of s: dossier id, scores and comment from m. */
static int fill_row(struct lc_catalog *cat, struct exp_sheet *s,
		    const struct lc_criteria *c, const struct mine *m,
		    const char *expert, const char *id, int blind,
		    char **row, struct lc_error *err)
{
	struct lc_tech *t = NULL;
	char key[300];
	size_t k = 0;
	long ci;
	int rc = lc_catalog_get_tech(cat, id, &t, err);

	if (rc < 0)
		return rc;
	row[k++] = strdup(expert);
	for (size_t f = 0; f < NINFO; f++) {
		const char *v = lc_tech_get(t, info_field[f]);

		if (blind && (info_field[f] == LC_F_SUBMITTER ||
			      info_field[f] == LC_F_OWNERS))
			continue;
		row[k++] = strdup(v ? v : "");
	}
	for (size_t j = 0; j < c->n; j++) {
		long vi;

		snprintf(key, sizeof key, "%s\037%s", id, c->id[j]);
		vi = lc_strmap_get(m->idx, key, -1);
		row[k++] = strdup(vi >= 0 ? m->vals.v[vi] : "");
	}
	ci = lc_strmap_get(m->cidx, id, -1);
	row[k++] = strdup(ci >= 0 ? m->vals.v[ci] : "");
	lc_tech_free(t);
	for (size_t i = 0; i < s->ncols; i++)
		if (!row[i])
			return LC_ENOMEM;
	return 0;
}

int exp_sheet_build(struct lc_catalog *cat, const struct lc_criteria *c,
		    const char *expert, int blind, struct exp_sheet *s,
		    struct lc_error *err)
{
	struct strs techs = { 0 };
	struct mine m = { lc_strmap_new(), { 0 }, lc_strmap_new() };
	struct lc_rec *r = NULL;
	char key[300];
	int rc;

	memset(s, 0, sizeof *s);
	columns(s, c, blind);
	if (!m.idx || !m.cidx) {
		rc = LC_ENOMEM;
		goto out;
	}
	snprintf(key, sizeof key, "expert:%s", expert);
	rc = lc_catalog_rec_get(cat, key, &r, err);
	lc_rec_free(r);
	if (rc == LC_ENOTFOUND)
		rc = lc_error_set(err, LC_EDATA, NULL, 0, "expert",
				  "no expert '%s'", expert);
	if (rc == 0)
		rc = lc_catalog_rec_each(cat, "assign", "expert", expert,
					 assigned_one, &techs, err);
	if (rc == 0)
		rc = lc_catalog_rec_each(cat, "score", "expert", expert,
					 mine_one, &m, err);
	if (rc > 0)
		rc = LC_ENOMEM;
	if (rc < 0)
		goto out;
	if (techs.n == 0) {
		rc = lc_error_set(err, LC_EDATA, NULL, 0, "expert", "no "
				  "dossier is assigned to expert '%s': run "
				  "'lowcarb assign' first", expert);
		goto out;
	}
	qsort(techs.v, techs.n, sizeof *techs.v, str_cmp);
	s->cells = calloc(techs.n * s->ncols, sizeof *s->cells);
	if (!s->cells) {
		rc = LC_ENOMEM;
		goto out;
	}
	for (size_t i = 0; rc == 0 && i < techs.n; i++) {
		rc = fill_row(cat, s, c, &m, expert, techs.v[i], blind,
			      s->cells + i * s->ncols, err);
		s->nrows = i + 1;
	}
out:
	if (rc == LC_ENOMEM)
		lc_error_set(err, LC_ENOMEM, NULL, 0, NULL, "out of memory");
	strs_free(&techs);
	strs_free(&m.vals);
	lc_strmap_free(m.idx);
	lc_strmap_free(m.cidx);
	return rc;
}

void exp_sheet_release(struct exp_sheet *s)
{
	if (s->cells)
		for (size_t i = 0; i < s->nrows * s->ncols; i++)
			free(s->cells[i]);
	free(s->cells);
	s->cells = NULL;
	s->nrows = 0;
}
