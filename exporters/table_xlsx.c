/* table_xlsx.c - the catalog and a ranking as .xlsx workbooks for
 * spreadsheet users: one sheet, a frozen header row with filters, columns
 * as wide as their content, numbers stored as numbers in base units (the
 * unit in the header: "potential (tCO2/a)"), the same values as the CSV
 * exports. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include "exporters/internal.h"

#define MAX_WIDTH 60
#define MIN_WIDTH 6

/* A table being written. Invariants: ncol columns, width[k] the widest
 * cell of column k so far (display columns); rows written below the
 * header, row the next one; e the first libxlsxwriter error. */
struct xtab {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *head;
	char tmp[4200];
	size_t ncol;
	size_t *width;
	lxw_row_t row;
	lxw_error e;
};

static void width_of(struct xtab *t, size_t k, const char *s, double num,
		     int isnum)
{
	size_t w;

	if (isnum) {
		char b[48];

		w = strlen(lc_num_format(num, b, sizeof b) ? b : "");
	} else {
		w = lc_text_width(s);
	}
	if (w > t->width[k])
		t->width[k] = w;
}

/* Starts a table of ncol columns headed head[] on the sheet named sheet. */
static int xtab_begin(struct xtab *t, const char *sheet, size_t ncol,
		      const char *const *head, struct lc_error *err)
{
	memset(t, 0, sizeof *t);
	t->ncol = ncol;
	t->width = calloc(ncol ? ncol : 1, sizeof *t->width);
	if (!t->width)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	t->wb = exp_xlsx_new(t->tmp, sizeof t->tmp, err);
	if (!t->wb) {
		free(t->width);
		return err ? err->status : LC_EIO;
	}
	t->ws = workbook_add_worksheet(t->wb, sheet);
	t->head = workbook_add_format(t->wb);
	if (!t->ws || !t->head) {
		t->e = LXW_ERROR_MEMORY_MALLOC_FAILED;
		return 0;
	}
	format_set_bold(t->head);
	format_set_bg_color(t->head, 0xD9D9D9);
	format_set_bottom(t->head, LXW_BORDER_THIN);
	for (size_t k = 0; t->e == LXW_NO_ERROR && k < ncol; k++) {
		t->e = worksheet_write_string(t->ws, 0, (lxw_col_t)k, head[k],
					      t->head);
		width_of(t, k, head[k], 0, 0);
	}
	t->row = 1;
	return 0;
}

/* Writes a text cell ("" or NULL: nothing) in column k of the row. */
static void xtab_text(struct xtab *t, size_t k, const char *s)
{
	if (t->e != LXW_NO_ERROR || !s || !*s)
		return;
	t->e = worksheet_write_string(t->ws, t->row, (lxw_col_t)k, s, NULL);
	width_of(t, k, s, 0, 0);
}

/* Writes a number (NaN: nothing) in column k of the row. */
static void xtab_num(struct xtab *t, size_t k, double v)
{
	if (t->e != LXW_NO_ERROR || !isfinite(v))
		return;
	t->e = worksheet_write_number(t->ws, t->row, (lxw_col_t)k, v, NULL);
	width_of(t, k, NULL, v, 1);
}

/* Writes a number given as text (a stored field) in column k: as a
 * number when it is one, else as the text. */
static void xtab_numtext(struct xtab *t, size_t k, const char *s)
{
	double v;

	if (s && *s && lc_num_parse(s, &v) == 0 && isfinite(v))
		xtab_num(t, k, v);
	else
		xtab_text(t, k, s);
}

/* Widths, frozen header, filters; then the workbook to out. Frees t. */
static int xtab_end(struct xtab *t, FILE *out, int rc, struct lc_error *err)
{
	for (size_t k = 0; t->ws && t->e == LXW_NO_ERROR && k < t->ncol;
	     k++) {
		size_t w = t->width[k] + 2;

		w = w < MIN_WIDTH ? MIN_WIDTH : w > MAX_WIDTH ? MAX_WIDTH : w;
		t->e = worksheet_set_column(t->ws, (lxw_col_t)k, (lxw_col_t)k,
					    (double)w, NULL);
	}
	if (t->ws && t->e == LXW_NO_ERROR && t->ncol) {
		worksheet_freeze_panes(t->ws, 1, 0);
		t->e = worksheet_autofilter(t->ws, 0, 0, t->row - 1,
					    (lxw_col_t)(t->ncol - 1));
	}
	if (rc == 0 && t->e != LXW_NO_ERROR)
		rc = lc_error_set(err, LC_EIO, NULL, 0, NULL, "cannot write "
				  "the workbook: %s", lxw_strerror(t->e));
	free(t->width);
	return exp_xlsx_finish(t->wb, t->tmp, out, rc, err);
}

/* "name (unit)" into buf, or name without a unit. */
static const char *with_unit(const char *name, const char *unit, char *buf,
			     size_t n)
{
	if (!unit || !*unit)
		return name;
	snprintf(buf, n, "%s (%s)", name, unit);
	return buf;
}

/* ---- the catalog -------------------------------------------------------*/

static int cat_row(const struct lc_tech *tech, void *ctx)
{
	struct xtab *t = ctx;

	for (int f = 0; f < LC_F__COUNT; f++) {
		enum lc_field_type ty = lc_field_type(f);

		if (f == LC_F_PROJECTS) {
			char *p = lc_projects_text(tech);

			xtab_text(t, (size_t)f, p);
			free(p);
		} else if (ty == LC_FT_NUM || ty == LC_FT_INT) {
			xtab_numtext(t, (size_t)f, lc_tech_get(tech, f));
		} else {
			xtab_text(t, (size_t)f, lc_tech_get(tech, f));
		}
	}
	t->row++;
	return t->e != LXW_NO_ERROR;
}

int exp_catalog_xlsx(struct lc_catalog *cat, const struct lc_filter *f,
		     FILE *out, struct lc_error *err)
{
	char names[LC_F__COUNT][96];
	const char *head[LC_F__COUNT];
	struct xtab t;
	int rc;

	for (int k = 0; k < LC_F__COUNT; k++)
		head[k] = with_unit(lc_field_name(k), lc_field_unit(k),
				    names[k], sizeof names[k]);
	rc = xtab_begin(&t, "catalog", LC_F__COUNT, head, err);
	if (rc < 0)
		return rc;
	if (t.e == LXW_NO_ERROR)
		rc = lc_catalog_each_tech(cat, f, cat_row, &t, err);
	if (rc > 0)
		rc = 0;       /* stopped on t.e: xtab_end says why */
	return xtab_end(&t, out, rc, err);
}

/* ---- a ranking -----------------------------------------------------------*/

int exp_ranking_xlsx(const struct lc_ranking *r, FILE *out,
		     struct lc_error *err)
{
	const struct lc_rank_info *in = lc_ranking_info(r);
	static const char *const first[] = { "rank", "id", "name", "sector",
		"score", "selected", "eligible", "excluded" };
	size_t nf = sizeof first / sizeof *first;
	size_t ncol = nf + 2 * in->ncrit + 2;
	const char **head = calloc(ncol, sizeof *head);
	char (*names)[160] = calloc(2 * in->ncrit + 1, sizeof *names);
	struct xtab t;
	size_t k;
	int rc;

	if (!head || !names) {
		free(head);
		free(names);
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	}
	for (k = 0; k < nf; k++)
		head[k] = first[k];
	for (size_t j = 0; j < in->ncrit; j++) {
		int f = lc_field_lookup(in->crit[j]);
		char v[96];

		snprintf(v, sizeof v, "%s_value", in->crit[j]);
		snprintf(names[2 * j], sizeof names[2 * j], "%s", with_unit(v,
			 f >= 0 ? lc_field_unit(f) : NULL, names[2 * j + 1],
			 sizeof names[2 * j + 1]));
		snprintf(names[2 * j + 1], sizeof names[2 * j + 1],
			 "%s_contribution", in->crit[j]);
		head[k++] = names[2 * j];
		head[k++] = names[2 * j + 1];
	}
	head[k++] = "tiebreak";
	head[k++] = "quota_note";
	rc = xtab_begin(&t, "ranking", ncol, head, err);
	free(head);
	free(names);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < in->count; i++) {
		const struct lc_rank_entry *e = lc_ranking_entry(r, i);

		if (e->rank)
			xtab_num(&t, 0, e->rank);
		xtab_text(&t, 1, e->id);
		xtab_text(&t, 2, e->name);
		xtab_text(&t, 3, lc_sector_name(e->sector));
		xtab_num(&t, 4, e->score);
		xtab_num(&t, 5, e->selected);
		xtab_num(&t, 6, e->eligible);
		xtab_text(&t, 7, e->excluded);
		for (size_t j = 0; j < in->ncrit; j++) {
			xtab_num(&t, nf + 2 * j, e->value[j]);
			xtab_num(&t, nf + 2 * j + 1, e->contrib[j]);
		}
		xtab_text(&t, nf + 2 * in->ncrit, e->tiebreak);
		xtab_text(&t, nf + 2 * in->ncrit + 1, e->quota);
		t.row++;
	}
	return xtab_end(&t, out, 0, err);
}
