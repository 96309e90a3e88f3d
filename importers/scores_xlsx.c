/* scores_xlsx.c - a score sheet returned as an .xlsx workbook (as `sheets
 * export --format xlsx` writes it, or saved by a spreadsheet): the sheet
 * 评分 (else the first), its first non-blank row the header, then one
 * row per dossier, each handed to the checks a CSV sheet gets. A formula
 * is refused: a score sheet holds the expert's values. Problems name the
 * cell, `file:评分!J3`. */
#include <stdlib.h>
#include <string.h>
#include "importers/scores_int.h"

#define SCORE_SHEET "评分"

struct xs {
	struct sc_imp *im;
	struct imp_book *b;
	size_t sheet;
	struct sc_head h;
	int have_head;           /* 1 read, -1 refused: rows not read */
	long *rows;
	char *cells[SC_MAXCOL];  /* the row being read, trimmed copies */
	size_t n;
};

static void drop_cells(struct xs *x)
{
	for (size_t i = 0; i < x->n; i++)
		free(x->cells[i]);
	x->n = 0;
}

static int blank(const struct imp_xrow *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->text[i][strspn(r->text[i], " \t\r\n")] || r->formula[i])
			return 0;
	return 1;
}

/* 1 when a locked cell holds what the dossier has: the same text, or
 * the same number (a spreadsheet writes 1.5E+7 or 15000000.0 for the
 * 15000000 the sheet had). */
static int same(const char *had, const char *cell)
{
	double a, b;

	if (strcmp(had, cell) == 0)
		return 1;
	return *had && *cell && lc_num_parse(had, &a) == 0 &&
	       lc_num_parse(cell, &b) == 0 && a == b;
}

/* The columns the sheet shows from the dossier, locked in the workbook
 * lowcarb writes: a cell that differs from the dossier means the sheet's
 * protection was taken off, and the scores beside it may not be about
 * what the expert read. Reported; 0, or the catalog's error. */
static int locked_changed(struct xs *x, const struct sc_where *w,
			  char *const *cells, size_t n)
{
	static const char *const shown[] = { "name_zh", "name_en", "sector",
		"trl", "submitter", "owners", "scope", "abatement",
		"potential", "abatement_cost", "investment", "payback",
		"demonstrations", "summary" };
	struct lc_tech *t = NULL;
	int rc;

	if (x->h.longfmt || x->h.ci < 0 || (size_t)x->h.ci >= n)
		return 0;
	rc = lc_catalog_get_tech(sc_cat(x->im), cells[x->h.ci], &t,
				 sc_err(x->im));
	if (rc == LC_ENOTFOUND)
		return 0;           /* the row's check names the dossier */
	if (rc < 0)
		return rc;
	for (size_t k = 0; k < n; k++) {
		const char *v;
		char *had;
		size_t i;

		for (i = 0; i < sizeof shown / sizeof *shown; i++)
			if (strcmp(x->h.head[k], shown[i]) == 0)
				break;
		if (i == sizeof shown / sizeof *shown)
			continue;
		v = lc_tech_get(t, lc_field_lookup(shown[i]));
		had = strdup(v ? v : "");
		if (!had) {
			lc_tech_free(t);
			return lc_error_set(sc_err(x->im), LC_ENOMEM, w->path,
					    0, NULL, "out of memory");
		}
		if (!same(imp_trim(had), cells[k]))
			sc_problem(x->im, w, (long)k, shown[i], "a locked "
				   "cell was changed (the dossier has '%.80s'): "
				   "the scores go back on the sheet as "
				   "exported", had);
		free(had);
	}
	lc_tech_free(t);
	return 0;
}

static int one_row(const struct imp_xrow *r, void *ctx)
{
	struct xs *x = ctx;
	struct sc_where w = { imp_book_path(x->b), r->row, x->b, x->sheet };
	size_t n = r->n, used;
	int bad = 0, rc;

	if (blank(r) || x->have_head < 0)
		return 0;
	/* cells past the header's last column count only when filled */
	while (n > 0 && !r->text[n - 1][0] && !r->formula[n - 1])
		n--;
	if (x->have_head == 0) {
		char key[SC_MAXCOL][64];
		const char *hc[SC_MAXCOL];

		for (size_t i = 0; i < n && i < SC_MAXCOL; i++)
			hc[i] = imp_xlsx_header_key(r->text[i], key[i],
						    sizeof key[i]);
		rc = sc_header(x->im, &w, hc, n, &x->h);
		x->have_head = rc == 0 ? 1 : -1;
		return rc < 0 ? rc : 0;
	}
	(*x->rows)++;
	if (n > x->h.ncol) {
		sc_problem(x->im, &w, (long)x->h.ncol, NULL, "a value "
			   "outside the header's %zu columns", x->h.ncol);
		return 0;
	}
	for (used = 0; used < n; used++) {
		const char *name = x->h.head[used];
		int score = x->h.crit_of[used] >= 0, refused = 1;

		if (r->formula[used])
			sc_problem(x->im, &w, (long)used, name, "a formula "
				   "in column '%s': a score sheet holds values "
				   "(paste the values)", name);
		else if (score && (r->kind[used] == IMP_XC_BOOL ||
				   r->kind[used] == IMP_XC_ERROR))
			sc_problem(x->im, &w, (long)used, name, "malformed "
				   "number '%s'", r->text[used]);
		else
			refused = 0;
		/* a refused score is left out, the row's others checked;
		 * a refused expert, id or comment leaves the row out */
		bad |= refused && !score;
		x->cells[used] = strdup(refused ? "" : r->text[used]);
		if (!x->cells[used])
			break;
		x->n = used + 1;
		imp_trim(x->cells[used]);
	}
	if (used < n)
		rc = lc_error_set(sc_err(x->im), LC_ENOMEM, w.path, 0, NULL,
				  "out of memory");
	else if (bad)
		rc = 0;
	else
		rc = locked_changed(x, &w, x->cells, n);
	if (rc == 0 && !bad && used == n)
		rc = sc_row(x->im, &w, &x->h, (const char *const *)x->cells,
			    n);
	drop_cells(x);
	return rc;
}

int sc_read_xlsx(struct sc_imp *im, const char *path, long *rows)
{
	struct xs x;
	long s;
	int rc;

	memset(&x, 0, sizeof x);
	x.im = im;
	x.rows = rows;
	rc = imp_book_open(&x.b, path, sc_err(im));
	if (rc < 0)
		return rc;
	s = imp_book_find(x.b, SCORE_SHEET);
	x.sheet = s >= 0 ? (size_t)s : 0;
	if (imp_book_nsheets(x.b) == 0) {
		struct sc_where w = { path, 0, NULL, 0 };

		sc_problem(im, &w, -1, NULL, "a workbook without a sheet");
		imp_book_free(x.b);
		return 0;
	}
	rc = imp_book_rows(x.b, x.sheet, one_row, &x, sc_err(im));
	if (rc == 0 && x.have_head == 0) {
		struct sc_where w = { path, 0, NULL, 0 };

		sc_problem(im, &w, -1, NULL, "empty sheet '%s': expected a "
			   "header", imp_book_sheet(x.b, x.sheet));
	}
	drop_cells(&x);
	imp_book_free(x.b);
	return rc < 0 ? rc : 0;
}
