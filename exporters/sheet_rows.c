/* sheet_rows.c - the rows of an expert's score sheet, built once for
 * both writers (CSV and .xlsx): the dossiers assigned to the expert, the
 * fields the expert reads, one column per panel criterion with the
 * scores already given, the comment. */
#include <math.h>
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

/* The columns the expert reads, in order: a dossier's field, or the
 * abatement cost computed from its inputs (COMPUTED), or its projects as
 * text (LC_F_PROJECTS). What "economic benefit" and the other criteria
 * are judged on; the summary last, beside the scores. */
#define COMPUTED (-1)
static const int info_field[] = { LC_F_ID, LC_F_NAME_ZH, LC_F_NAME_EN,
	LC_F_SECTOR, LC_F_TRL, LC_F_SUBMITTER, LC_F_OWNERS, LC_F_SCOPE,
	LC_F_ABATEMENT, LC_F_POTENTIAL, LC_F_ABATEMENT_COST, COMPUTED,
	LC_F_INVESTMENT, LC_F_PAYBACK, LC_F_DEMONSTRATIONS, LC_F_PROJECTS,
	LC_F_SUMMARY };
#define NINFO (sizeof info_field / sizeof *info_field)

static int left_out(int f, int blind)
{
	return blind && (f == LC_F_SUBMITTER || f == LC_F_OWNERS);
}

static void columns(struct exp_sheet *s, const struct lc_criteria *c,
		    int blind)
{
	size_t k = 0;

	s->name[k] = "expert";
	s->kind[k] = EXP_SC_TEXT;
	s->unit[k] = "";
	s->crit[k++] = -1;
	for (size_t i = 0; i < NINFO; i++) {
		int f = info_field[i];

		if (left_out(f, blind))
			continue;
		if (f == COMPUTED) {
			s->name[k] = "abatement_cost_computed";
			f = LC_F_ABATEMENT_COST;
		} else {
			s->name[k] = lc_field_name(f);
		}
		s->kind[k] = EXP_SC_TEXT;
		s->unit[k] = lc_field_unit(f);
		s->num[k] = f != LC_F_ID && (lc_field_type(f) == LC_FT_NUM ||
					     lc_field_type(f) == LC_FT_INT);
		s->crit[k++] = -1;
	}
	for (size_t j = 0; j < c->n; j++) {
		s->name[k] = c->id[j];
		s->kind[k] = EXP_SC_SCORE;
		s->unit[k] = "";
		s->crit[k++] = (int)j;
	}
	s->name[k] = "comment";
	s->kind[k] = EXP_SC_COMMENT;
	s->unit[k] = "";
	s->crit[k++] = -1;
	s->ncols = k;
}

/* The text of info column f of t, owned (NULL when out of memory). */
static char *info_text(const struct lc_tech *t, int f, double rate)
{
	const char *v;
	double cost;
	char buf[64];

	if (f == LC_F_PROJECTS) {
		char *p = lc_projects_text(t);

		return p ? p : strdup("");
	}
	if (f == COMPUTED) {
		/* the cost check's computation (ranker), to the fen */
		if (!lc_cost_computed(t, rate, &cost))
			return strdup("");
		return strdup(lc_num_format(round(cost * 100) / 100, buf,
					    sizeof buf));
	}
	v = lc_tech_get(t, f);
	return strdup(v ? v : "");
}

/* Fills row i of s: dossier id, scores and comment from m. */
static int fill_row(struct exp_sheet *s, const struct lc_criteria *c,
		    const struct mine *m, const char *expert,
		    const struct lc_tech *t, const struct lc_sheet_opts *o,
		    char **row)
{
	const char *id = lc_tech_get(t, LC_F_ID);
	char key[300];
	size_t k = 0;
	long ci;

	row[k++] = strdup(expert);
	for (size_t i = 0; i < NINFO; i++)
		if (!left_out(info_field[i], o->blind))
			row[k++] = info_text(t, info_field[i], o->rate);
	for (size_t j = 0; j < c->n; j++) {
		long vi;

		snprintf(key, sizeof key, "%s\037%s", id, c->id[j]);
		vi = lc_strmap_get(m->idx, key, -1);
		row[k++] = strdup(vi >= 0 ? m->vals.v[vi] : "");
	}
	ci = lc_strmap_get(m->cidx, id, -1);
	row[k++] = strdup(ci >= 0 ? m->vals.v[ci] : "");
	for (size_t i = 0; i < s->ncols; i++)
		if (!row[i])
			return LC_ENOMEM;
	return 0;
}

/* The dossiers of techs that are of edition (NULL: all), loaded into
 * *out (*n of them, in techs' order). */
static int load_techs(struct lc_catalog *cat, const struct strs *techs,
		      const char *edition, struct lc_tech ***out, size_t *n,
		      struct lc_error *err)
{
	struct lc_tech **v = calloc(techs->n ? techs->n : 1, sizeof *v);
	int rc = 0;

	*n = 0;
	if (!v)
		return LC_ENOMEM;
	for (size_t i = 0; rc == 0 && i < techs->n; i++) {
		struct lc_tech *t = NULL;
		const char *ed;

		rc = lc_catalog_get_tech(cat, techs->v[i], &t, err);
		if (rc < 0)
			break;
		ed = lc_tech_get(t, LC_F_EDITION);
		if (edition && (!ed || strcmp(ed, edition) != 0))
			lc_tech_free(t);
		else
			v[(*n)++] = t;
	}
	if (rc < 0) {
		for (size_t i = 0; i < *n; i++)
			lc_tech_free(v[i]);
		free(v);
		*n = 0;
		return rc;
	}
	*out = v;
	return 0;
}

static void free_techs(struct lc_tech **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lc_tech_free(v[i]);
	free(v);
}

int lc_sheet_count(struct lc_catalog *cat, const char *expert,
		   const char *edition, size_t *n, struct lc_error *err)
{
	struct strs techs = { 0 };
	struct lc_tech **v = NULL;
	int rc = lc_catalog_rec_each(cat, "assign", "expert", expert,
				     assigned_one, &techs, err);

	*n = 0;
	if (rc > 0)
		rc = LC_ENOMEM;
	if (rc == 0)
		rc = load_techs(cat, &techs, edition, &v, n, err);
	if (rc == 0)
		free_techs(v, *n);
	if (rc == LC_ENOMEM)
		lc_error_set(err, LC_ENOMEM, NULL, 0, NULL, "out of memory");
	strs_free(&techs);
	return rc;
}

int exp_sheet_build(struct lc_catalog *cat, const struct lc_criteria *c,
		    const char *expert, const struct lc_sheet_opts *o,
		    struct exp_sheet *s, struct lc_error *err)
{
	struct strs techs = { 0 };
	struct mine m = { lc_strmap_new(), { 0 }, lc_strmap_new() };
	struct lc_rec *r = NULL;
	struct lc_tech **tv = NULL;
	size_t nt = 0;
	char key[300];
	int rc;

	memset(s, 0, sizeof *s);
	columns(s, c, o->blind);
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
	if (techs.n)
		qsort(techs.v, techs.n, sizeof *techs.v, str_cmp);
	rc = load_techs(cat, &techs, o->edition, &tv, &nt, err);
	if (rc < 0)
		goto out;
	if (nt == 0) {
		if (o->edition)
			rc = lc_error_set(err, LC_EDATA, NULL, 0, "expert",
					  "no dossier of edition %s is "
					  "assigned to expert '%s': run "
					  "'lowcarb assign' first", o->edition,
					  expert);
		else
			rc = lc_error_set(err, LC_EDATA, NULL, 0, "expert",
					  "no dossier is assigned to expert "
					  "'%s': run 'lowcarb assign' first",
					  expert);
		goto out;
	}
	s->cells = calloc(nt * s->ncols, sizeof *s->cells);
	if (!s->cells) {
		rc = LC_ENOMEM;
		goto out;
	}
	for (size_t i = 0; rc == 0 && i < nt; i++) {
		rc = fill_row(s, c, &m, expert, tv[i], o,
			      s->cells + i * s->ncols);
		s->nrows = i + 1;
	}
out:
	if (rc == LC_ENOMEM)
		lc_error_set(err, LC_ENOMEM, NULL, 0, NULL, "out of memory");
	free_techs(tv, nt);
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
