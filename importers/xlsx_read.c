/* xlsx_read.c - submissions in a workbook, read as the CSV layout is: the
 * technologies sheet (named 技术, else the first) has a header row whose
 * cells name the columns (a cell's last line: the template writes the
 * Chinese and English labels above the column name), then one row per
 * technology; the sheet 示范项目, when there is one, lists demonstration
 * projects linked by id. Problems name the cell: `file:sheet!I7`. */
#include <stdlib.h>
#include <string.h>
#include "importers/xlsx_int.h"

#define TECH_SHEET "技术"
#define DEMO_SHEET "示范项目"
/* Lines of the projects sheet's rows, apart from the technologies'. */
#define DEMO_BASE (1L << 28)

/* The columns of the projects sheet: the catalog's lc_demo_col. */
enum { D_ID = LC_DC_ID, D_SITE = LC_DC_SITE,
       D_ENTERPRISE = LC_DC_ENTERPRISE, D_YEAR = LC_DC_YEAR,
       D_CAPACITY = LC_DC_CAPACITY, D_ABATEMENT = LC_DC_ABATEMENT,
       D__N = LC_DC__COUNT };

struct demo {
	char *f[D__N];
	long row;
	int used;
};

struct xread {
	struct imp_book *b;
	struct imp_sink *s;
	struct lc_error *err;
	imp_emit_fn emit;
	void *ctx;
	size_t tech;
	long demo_sheet;                /* -1: none */
	int *col_field;                 /* header: field of column i */
	size_t ncols;
	long col_of[LC_F__COUNT];       /* column of field f, or -1 */
	int dcol[D__N];                 /* projects: column of each, -1 */
	long header_row;
	int header_bad;
	int emitted_rc;                 /* emit stopped the reading */
	long force_col;                 /* the next problem's column */
	struct imp_raw raw;
	struct demo *demos;
	size_t ndemos, capdemos;
};

/* Places a problem of the run on its cell (imp_sink.locate). */
static void locate(struct lc_error *e, void *ctx)
{
	struct xread *x = ctx;
	size_t col = (size_t)-1, sheet = x->tech;
	long row = e->line;
	int f;
	if (e->line <= 0 || strcmp(e->file, x->b->path) != 0) {
		x->force_col = -1;
		return;
	}
	if (row >= DEMO_BASE) {
		sheet = (size_t)x->demo_sheet;
		row -= DEMO_BASE;
	} else if (x->force_col >= 0) {
		col = (size_t)x->force_col;
	} else {
		f = lc_field_lookup(e->field);
		if (f >= 0 && x->col_of[f] >= 0)
			col = (size_t)x->col_of[f];
	}
	x->force_col = -1;
	imp_xlsx_where(x->b, sheet, col, row, e->file, sizeof e->file);
	e->line = 0;
}

static int nomem(struct xread *x)
{
	return lc_error_set(x->err, LC_ENOMEM, x->b->path, 0, NULL,
			    "out of memory");
}

static int blank_row(const struct imp_xrow *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->text[i][strspn(r->text[i], " \t\r\n")] || r->formula[i])
			return 0;
	return 1;
}

/* ---- the projects sheet -------------------------------------------------*/

static int demo_row(const struct imp_xrow *r, void *ctx)
{
	struct xread *x = ctx;
	struct demo *d;
	size_t i;
	int k;
	if (blank_row(r))
		return 0;
	if (x->dcol[D_ID] == -2) {         /* the header */
		for (k = 0; k < D__N; k++)
			x->dcol[k] = -1;
		for (i = 0; i < r->n; i++) {
			char key[128];
			imp_xlsx_header_key(r->text[i], key, sizeof key);
			for (k = 0; k < D__N; k++)
				if (strcmp(key, lc_demo_col_name(k)) == 0)
					x->dcol[k] = (int)i;
		}
		if (x->dcol[D_ID] < 0) {
			imp_problem(x->s, DEMO_BASE + r->row, "id", "the "
				    "sheet %s has no column 'id' linking its "
				    "projects to the technologies",
				    DEMO_SHEET);
			return LC_EDATA;
		}
		return 0;
	}
	if (x->ndemos == x->capdemos) {
		size_t cap = x->capdemos ? 2 * x->capdemos : 16;
		struct demo *nd = realloc(x->demos, cap * sizeof *nd);
		if (!nd)
			return nomem(x);
		x->demos = nd;
		x->capdemos = cap;
	}
	d = &x->demos[x->ndemos++];
	memset(d, 0, sizeof *d);
	d->row = r->row;
	for (k = 0; k < D__N; k++) {
		int c = x->dcol[k];
		char *v;
		if (c < 0 || (size_t)c >= r->n || !r->text[c][0])
			continue;
		if (r->formula[c]) {
			x->force_col = -1;
			imp_problem(x->s, DEMO_BASE + r->row,
				    lc_demo_col_name(k),
				    "a formula in column '%s': a submission "
				    "holds values (paste the values)",
				    lc_demo_col_name(k));
		}
		v = strdup(r->text[c]);
		if (!v)
			return nomem(x);
		d->f[k] = imp_trim(v);
	}
	return 0;
}

static int demo_cmp(const void *a, const void *b)
{
	const struct demo *p = a, *q = b;
	int c = strcmp(p->f[D_ID] ? p->f[D_ID] : "",
		       q->f[D_ID] ? q->f[D_ID] : "");
	if (c)
		return c;
	return (p->row > q->row) - (p->row < q->row);
}

/* Gives the dossier being read its projects from the projects sheet. */
static int attach_demos(struct xread *x, const char *id)
{
	size_t lo = 0, hi = x->ndemos;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const char *m = x->demos[mid].f[D_ID];
		if (strcmp(m ? m : "", id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < x->ndemos && x->demos[lo].f[D_ID] &&
	     strcmp(x->demos[lo].f[D_ID], id) == 0; lo++) {
		struct demo *d = &x->demos[lo];
		struct imp_raw_demo *rd = imp_raw_add_demo(&x->raw);
		if (!rd)
			return nomem(x);
		x->raw.have_demos = 1;
		d->used = 1;
		rd->line = DEMO_BASE + d->row;
		if ((d->f[D_SITE] && !(rd->site = strdup(d->f[D_SITE]))) ||
		    (d->f[D_ENTERPRISE] &&
		     !(rd->enterprise = strdup(d->f[D_ENTERPRISE]))) ||
		    (d->f[D_YEAR] && !(rd->year = strdup(d->f[D_YEAR]))) ||
		    (d->f[D_CAPACITY] &&
		     !(rd->capacity = strdup(d->f[D_CAPACITY]))) ||
		    (d->f[D_ABATEMENT] &&
		     !(rd->abatement = strdup(d->f[D_ABATEMENT]))) ||
		    (d->f[LC_DC_SITE_EN] &&
		     !(rd->site_en = strdup(d->f[LC_DC_SITE_EN]))) ||
		    (d->f[LC_DC_ENTERPRISE_EN] &&
		     !(rd->enterprise_en = strdup(d->f[LC_DC_ENTERPRISE_EN]))) ||
		    (d->f[LC_DC_CAPACITY_EN] &&
		     !(rd->capacity_en = strdup(d->f[LC_DC_CAPACITY_EN]))))
			return nomem(x);
	}
	return 0;
}

/* ---- the technologies sheet ---------------------------------------------*/

static int header(struct xread *x, const struct imp_xrow *r)
{
	size_t i;
	int f;
	x->header_row = r->row;
	x->col_field = malloc((r->n ? r->n : 1) * sizeof *x->col_field);
	if (!x->col_field)
		return nomem(x);
	x->ncols = r->n;
	for (i = 0; i < r->n; i++) {
		char key[256];
		imp_xlsx_header_key(r->text[i], key, sizeof key);
		x->col_field[i] = -1;
		if (!key[0])
			continue;
		f = lc_field_lookup(key);
		x->force_col = (long)i;
		if (f < 0 || f == LC_F_ORIGIN) {
			imp_problem(x->s, r->row, key, "unknown column '%s'",
				    key);
			x->header_bad = 1;
		} else if (x->col_of[f] >= 0) {
			char a[16];
			imp_xlsx_ref((size_t)x->col_of[f], r->row, a,
				     sizeof a);
			imp_problem(x->s, r->row, key, "column '%s' appears "
				    "twice (also in %s)", key, a);
			x->header_bad = 1;
		} else {
			x->col_of[f] = (long)i;
			x->col_field[i] = f;
		}
		x->force_col = -1;
	}
	for (f = 0; f < LC_F__COUNT; f++) {
		if (lc_field_required(f) && x->col_of[f] < 0) {
			imp_problem(x->s, r->row, lc_field_name(f), "required "
				    "column '%s' is missing",
				    lc_field_name(f));
			x->header_bad = 1;
		}
	}
	return 0;
}

/* A credit code or phone number a spreadsheet stored as a number. */
static int numeric_code(struct xread *x, int f, const char *v, long row)
{
	const char *rule = f == LC_F_CREDIT_CODE ? "credit_code" : "phone";
	struct lc_error e;
	if (lc_rules_check(rule, v, &e) == 0)
		return 0;
	/* the rule's message may already say what a spreadsheet did */
	imp_problem(x->s, row, lc_field_name(f), "%s%s", e.msg,
		    imp_says_spreadsheet(e.msg) ? "" : dgettext("lowcarb",
		    "; a spreadsheet turned it into a number: format the "
		    "column as text and type it again"));
	x->raw.flagged[f] = 1;
	x->raw.problems++;
	return 1;
}

static int cell(struct xread *x, const struct imp_xrow *r, size_t i)
{
	const char *v = r->text[i];
	int f = i < x->ncols ? x->col_field[i] : -1;
	if (!v[0] && !r->formula[i])
		return 0;
	if (f < 0) {
		if (!v[strspn(v, " \t")])
			return 0;
		x->force_col = (long)i;
		imp_problem(x->s, r->row, NULL, "a value in a column without "
			    "a name in the header (row %ld)", x->header_row);
		x->raw.problems++;
		return 0;
	}
	if (r->formula[i] || r->kind[i] == IMP_XC_ERROR) {
		imp_problem(x->s, r->row, lc_field_name(f), r->formula[i] ?
			    "a formula: a submission holds values (copy the "
			    "column and paste it as values)" :
			    "an error value '%s' of the spreadsheet", v);
		x->raw.flagged[f] = 1;
		x->raw.problems++;
		return 0;
	}
	if (r->kind[i] == IMP_XC_NUMBER &&
	    (f == LC_F_CREDIT_CODE || f == LC_F_PHONE) &&
	    numeric_code(x, f, v, r->row))
		return 0;
	if (imp_raw_set(&x->raw, f, v, -1, r->row))
		return nomem(x);
	return 0;
}

static int tech_row(const struct imp_xrow *r, void *ctx)
{
	struct xread *x = ctx;
	size_t i;
	int rc;
	if (blank_row(r))
		return 0;
	if (!x->col_field)
		return header(x, r);
	imp_raw_clear(&x->raw);
	x->raw.line0 = r->row;
	if (x->header_bad) {
		x->raw.broken = 1;
		x->raw.problems = 1;
		x->emitted_rc = x->emit(&x->raw, x->ctx);
		return x->emitted_rc;
	}
	for (i = 0; i < r->n; i++) {
		rc = cell(x, r, i);
		if (rc)
			return rc;
	}
	if (x->raw.val[LC_F_ID] && x->ndemos) {
		rc = attach_demos(x, x->raw.val[LC_F_ID]);
		if (rc)
			return rc;
	}
	x->emitted_rc = x->emit(&x->raw, x->ctx);
	return x->emitted_rc;
}

static void xread_free(struct xread *x)
{
	for (size_t i = 0; i < x->ndemos; i++)
		for (int k = 0; k < D__N; k++)
			free(x->demos[i].f[k]);
	free(x->demos);
	free(x->col_field);
	imp_raw_clear(&x->raw);
	imp_book_free(x->b);
}

int imp_read_xlsx(const char *path, const struct lc_import_opts *o,
		  struct imp_sink *s, imp_emit_fn emit, void *ctx,
		  struct lc_error *err)
{
	struct xread x;
	long before = s->problems, t;
	int rc, f;

	memset(&x, 0, sizeof x);
	imp_raw_init(&x.raw);
	x.s = s;
	x.err = err;
	x.emit = emit;
	x.ctx = ctx;
	x.force_col = -1;
	(void)o;   /* a mapping profile's workbook: mapped_files.c */
	for (f = 0; f < LC_F__COUNT; f++)
		x.col_of[f] = -1;
	rc = imp_book_open(&x.b, path, err);
	if (rc) {
		if (rc == LC_EDATA)
			imp_problem_err(s, err);
		return rc;
	}
	s->size = (long long)x.b->len;
	s->locate = locate;
	s->locate_ctx = &x;
	t = imp_book_find(x.b, TECH_SHEET);
	x.tech = t < 0 ? 0 : (size_t)t;
	x.demo_sheet = imp_book_find(x.b, DEMO_SHEET);
	x.dcol[D_ID] = -2;
	if (x.demo_sheet >= 0) {
		rc = imp_book_rows(x.b, (size_t)x.demo_sheet, demo_row, &x,
				   err);
		if (rc == 0 && s->problems > before)
			rc = lc_error_set(err, LC_EDATA, path, 0, NULL,
					  "bad projects sheet");
		if (rc)
			goto out;
		/* a header alone: no array (qsort wants one even for 0) */
		if (x.ndemos)
			qsort(x.demos, x.ndemos, sizeof *x.demos, demo_cmp);
	}
	rc = imp_book_rows(x.b, x.tech, tech_row, &x, err);
	if (rc == LC_EDATA && !x.emitted_rc)
		imp_problem_err(s, err);    /* the sheet's own fault */
	if (rc)
		goto out;
	s->pos = s->size;
	if (!x.col_field) {
		rc = lc_error_set(err, LC_EDATA, path, 0, NULL, "sheet '%s' "
				  "is empty: expected a header row",
				  imp_book_sheet(x.b, x.tech));
		goto out;
	}
	if (x.header_bad) {
		rc = lc_error_set(err, LC_EDATA, path, 0, NULL,
				  "bad header row");
		goto out;
	}
	for (size_t i = 0; i < x.ndemos; i++) {
		if (x.demos[i].used)
			continue;
		imp_problem(s, DEMO_BASE + x.demos[i].row, "id", "project of "
			    "'%s', which is not a technology of sheet '%s'",
			    x.demos[i].f[D_ID] ? x.demos[i].f[D_ID] : "",
			    imp_book_sheet(x.b, x.tech));
		rc = lc_error_set(err, LC_EDATA, path, 0, NULL,
				  "projects without their technology");
	}
out:
	if (rc == LC_EDATA && s->problems == before)
		imp_problem_err(s, err);
	s->locate = NULL;
	s->locate_ctx = NULL;
	xread_free(&x);
	return rc;
}
