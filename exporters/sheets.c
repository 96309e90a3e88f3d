/* sheets.c - an expert's score sheet: the dossiers assigned to the
 * expert, one column per panel criterion, scores already given filled in,
 * as CSV for a spreadsheet. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/exporters.h"

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

int lc_sheet_export(struct lc_catalog *cat,
			const struct lc_criteria *c, const char *expert,
			int blind, FILE *out, struct lc_error *err)
{
	struct strs techs = { 0 };
	struct mine m = { lc_strmap_new(), { 0 }, lc_strmap_new() };
	struct lc_rec *r = NULL;
	char key[300];
	int rc;

	if (!m.idx || !m.cidx) {
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
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
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
	if (rc < 0)
		goto out;
	if (techs.n == 0) {
		rc = lc_error_set(err, LC_EDATA, NULL, 0, "expert", "no "
				  "dossier is assigned to expert '%s': run "
				  "'lowcarb assign' first", expert);
		goto out;
	}
	if (techs.n)
		qsort(techs.v, techs.n, sizeof *techs.v, str_cmp);
	fputs("expert,id,name_zh,name_en,sector,trl,", out);
	if (!blind)
		fputs("submitter,owners,", out);
	fputs("summary", out);
	for (size_t j = 0; j < c->n; j++) {
		putc(',', out);
		lc_csv_field(out, c->id[j], 1);
	}
	fputs(",comment\n", out);
	for (size_t i = 0; i < techs.n; i++) {
		struct lc_tech *t = NULL;
		static const int cols[] = { LC_F_ID, LC_F_NAME_ZH,
			LC_F_NAME_EN, LC_F_SECTOR, LC_F_TRL, LC_F_SUBMITTER,
			LC_F_OWNERS, LC_F_SUMMARY };
		long ci;

		rc = lc_catalog_get_tech(cat, techs.v[i], &t, err);
		if (rc < 0)
			goto out;
		/* Text from submissions is made inert for spreadsheets;
		 * ids and scores never start with a formula character. */
		lc_csv_field(out, expert, 1);
		for (size_t f = 0; f < sizeof cols / sizeof *cols; f++) {
			const char *v = lc_tech_get(t, cols[f]);

			if (blind && (cols[f] == LC_F_SUBMITTER ||
				      cols[f] == LC_F_OWNERS))
				continue;
			putc(',', out);
			lc_csv_field(out, v ? v : "", 1);
		}
		for (size_t j = 0; j < c->n; j++) {
			long vi;

			snprintf(key, sizeof key, "%s\037%s", techs.v[i],
				 c->id[j]);
			vi = lc_strmap_get(m.idx, key, -1);
			putc(',', out);
			if (vi >= 0)
				lc_csv_field(out, m.vals.v[vi], 0);
		}
		putc(',', out);
		ci = lc_strmap_get(m.cidx, techs.v[i], -1);
		if (ci >= 0)
			lc_csv_field(out, m.vals.v[ci], 1);
		putc('\n', out);
		lc_tech_free(t);
	}
	if (fflush(out) != 0 || ferror(out))
		rc = lc_error_set(err, LC_EIO, NULL, 0, NULL,
				  "cannot write the sheet");
out:
	strs_free(&techs);
	strs_free(&m.vals);
	lc_strmap_free(m.idx);
	lc_strmap_free(m.cidx);
	return rc;
}

