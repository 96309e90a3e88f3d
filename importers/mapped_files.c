/* mapped_files.c - the files a mapping profile reads: a CSV file's
 * records, or the first sheet of an .xlsx workbook's rows, each bound to
 * the profile by its header row and mapped row by row (read_mapped.c).
 * A workbook's problems name the cell: `file:sheet!K3`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "importers/mapping.h"
#include "importers/xlsx.h"

int imp_read_mapped(const char *path, const struct lc_import_opts *o,
		    struct imp_sink *s, imp_emit_fn emit, void *ctx,
		    struct lc_error *err)
{
	struct map_bind *b = NULL;
	struct lc_csv *csv = NULL;
	struct map_src src = { NULL, NULL };
	struct imp_raw raw;
	long line;
	size_t nf;
	int rc;

	imp_raw_init(&raw);
	rc = map_bind_new(&b, o);
	if (rc) {
		map_bind_free(b);
		return lc_error_set(err, rc, path, 0, NULL, "out of memory");
	}
	rc = lc_csv_open(&csv, path, o->encoding, 0, err);
	if (rc) {
		map_bind_free(b);
		return rc;
	}
	src.csv = csv;
	s->size = lc_csv_size(csv);
	while ((rc = lc_csv_next(csv, &nf, &line, err)) == 1 &&
	       imp_csv_blank(csv, nf))
		;
	if (rc == 0) {
		rc = lc_error_set(err, LC_EDATA, path, 1, NULL,
				  "empty file: expected a header row");
		imp_problem_err(s, err);
		goto out;
	}
	if (rc < 0)
		goto fail;
	rc = map_bind_header(b, s, &src, nf, line);
	if (rc < 0) {
		rc = lc_error_set(err, rc, path, line, NULL, "out of memory");
		goto out;
	}
	if (rc > 0) {
		rc = imp_csv_unread(csv, &raw, emit, ctx);
		if (rc == 0)
			rc = lc_error_set(err, LC_EDATA, path, line, NULL,
					  "header row not as profile %s "
					  "describes", o->mapping->name);
		goto out;
	}
	s->label = map_bind_labels(b);
	for (;;) {
		size_t ncols = map_bind_ncols(b);

		rc = lc_csv_next(csv, &nf, &line, err);
		if (rc == 0)
			break;
		if (rc < 0)
			goto fail;
		s->pos = lc_csv_pos(csv);
		if (imp_csv_blank(csv, nf))
			continue;
		imp_raw_clear(&raw);
		raw.line0 = line;
		if (nf != ncols) {
			imp_problem(s, line, NULL, "row has %zu fields, the "
				    "header has %zu", nf, ncols);
			raw.broken = 1;
			raw.problems = 1;
		} else {
			rc = map_bind_row(b, &src, s, &raw);
			if (rc < 0) {
				rc = lc_error_set(err, rc, path, line, NULL,
						  "out of memory");
				goto out;
			}
			if (rc == 1)
				continue;
		}
		rc = emit(&raw, ctx);
		if (rc)
			goto out;
	}
	rc = 0;
	goto out;
fail:
	if (err) {
		snprintf(err->file, sizeof err->file, "%s", path);
		if (err->status == LC_EDATA)
			imp_problem_err(s, err);
	}
out:
	s->label = NULL;
	imp_raw_clear(&raw);
	map_bind_free(b);
	lc_csv_close(csv);
	return rc;
}

/* ---- a workbook ---------------------------------------------------------*/

struct mx {
	struct imp_book *book;
	struct map_bind *b;
	struct imp_sink *s;
	const struct lc_import_opts *o;
	struct lc_error *err;
	imp_emit_fn emit;
	void *ctx;
	struct imp_raw raw;
	int state;          /* 0: no header yet, 1: bound, -1: refused */
	long force_col;     /* the next problem's column, or -1 */
	int emitted_rc;     /* emit stopped the reading */
};

/* Places a problem of the run on its cell (imp_sink.locate). */
static void locate(struct lc_error *e, void *ctx)
{
	struct mx *x = ctx;
	size_t col = (size_t)-1;
	long c = -1;

	if (e->line <= 0 || strcmp(e->file, imp_book_path(x->book)) != 0) {
		x->force_col = -1;
		return;
	}
	if (x->force_col >= 0)
		c = x->force_col;
	else if (e->field[0])
		c = map_bind_column(x->b, e->field);
	if (c >= 0)
		col = (size_t)c;
	x->force_col = -1;
	imp_xlsx_where(x->book, 0, col, e->line, e->file, sizeof e->file);
	e->line = 0;
}

static int blank(const struct imp_xrow *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->text[i][strspn(r->text[i], " \t\r\n")] || r->formula[i])
			return 0;
	return 1;
}

/* What the profile cannot be given: a formula, an error value, a code a
 * spreadsheet made a number, a value outside the header. Reported; the
 * number of them. */
static int refused_cells(struct mx *x, const struct imp_xrow *r)
{
	size_t ncols = map_bind_ncols(x->b);
	int bad = 0;

	for (size_t i = 0; i < r->n; i++) {
		const char *v = r->text[i];
		int f = map_bind_field(x->b, i);
		const char *name = f >= 0 ? imp_label(x->s, f) : NULL;
		struct lc_error e;

		if (!v[strspn(v, " \t")] && !r->formula[i])
			continue;
		x->force_col = (long)i;
		if (i >= ncols) {
			imp_problem(x->s, r->row, NULL, "a value outside the "
				    "header's %zu columns", ncols);
		} else if (r->formula[i] || r->kind[i] == IMP_XC_ERROR) {
			imp_problem(x->s, r->row, name, r->formula[i] ?
				    "a formula: a catalog holds values (copy "
				    "the column and paste it as values)" :
				    "an error value '%s' of the spreadsheet",
				    v);
		} else if (r->kind[i] == IMP_XC_NUMBER &&
			   (f == LC_F_CREDIT_CODE || f == LC_F_PHONE) &&
			   lc_rules_check(f == LC_F_CREDIT_CODE ?
					  "credit_code" : "phone", v, &e)) {
			imp_problem(x->s, r->row, name, "%s%s", e.msg,
				    strstr(e.msg, "spreadsheet") ? "" : "; a "
				    "spreadsheet turned it into a number: "
				    "format the column as text and type it "
				    "again");
		} else {
			x->force_col = -1;
			continue;
		}
		x->force_col = -1;
		bad++;
	}
	return bad;
}

static int row(const struct imp_xrow *r, void *ctx)
{
	struct mx *x = ctx;
	struct map_src src = { NULL, r };
	int rc, bad;

	if (blank(r))
		return 0;
	if (x->state == 0) {
		rc = map_bind_header(x->b, x->s, &src, r->n, r->row);
		if (rc < 0)
			return lc_error_set(x->err, rc, imp_book_path(x->book),
					    0, NULL, "out of memory");
		x->state = rc > 0 ? -1 : 1;
		if (rc == 0)
			x->s->label = map_bind_labels(x->b);
		return 0;
	}
	imp_raw_clear(&x->raw);
	x->raw.line0 = r->row;
	/* under a refused header, a row is counted as rejected */
	bad = x->state < 0 ? 1 : refused_cells(x, r);
	if (bad) {
		x->raw.broken = 1;
		x->raw.problems = bad;
	} else {
		rc = map_bind_row(x->b, &src, x->s, &x->raw);
		if (rc < 0)
			return lc_error_set(x->err, rc, imp_book_path(x->book),
					    0, NULL, "out of memory");
		if (rc == 1)
			return 0;
	}
	x->emitted_rc = x->emit(&x->raw, x->ctx);
	return x->emitted_rc;
}

int imp_read_mapped_xlsx(const char *path, const struct lc_import_opts *o,
			 struct imp_sink *s, imp_emit_fn emit, void *ctx,
			 struct lc_error *err)
{
	struct mx x;
	long before = s->problems;
	int rc;

	memset(&x, 0, sizeof x);
	imp_raw_init(&x.raw);
	x.s = s;
	x.o = o;
	x.err = err;
	x.emit = emit;
	x.ctx = ctx;
	x.force_col = -1;
	rc = map_bind_new(&x.b, o);
	if (rc) {
		map_bind_free(x.b);
		return lc_error_set(err, rc, path, 0, NULL, "out of memory");
	}
	rc = imp_book_open(&x.book, path, err);
	if (rc) {
		if (rc == LC_EDATA)
			imp_problem_err(s, err);
		map_bind_free(x.b);
		return rc;
	}
	s->locate = locate;
	s->locate_ctx = &x;
	rc = imp_book_rows(x.book, 0, row, &x, err);
	if (rc == LC_EDATA && !x.emitted_rc)
		imp_problem_err(s, err);    /* the sheet's own fault */
	if (rc == 0 && x.state == 0)
		rc = lc_error_set(err, LC_EDATA, path, 0, NULL, "sheet '%s' "
				  "is empty: expected a header row",
				  imp_book_sheet(x.book, 0));
	else if (rc == 0 && x.state < 0)
		rc = lc_error_set(err, LC_EDATA, path, 0, NULL, "header row "
				  "not as profile %s describes",
				  o->mapping->name);
	if (rc == LC_EDATA && s->problems == before)
		imp_problem_err(s, err);
	s->pos = s->size;
	s->label = NULL;
	s->locate = NULL;
	s->locate_ctx = NULL;
	imp_raw_clear(&x.raw);
	map_bind_free(x.b);
	imp_book_free(x.book);
	return rc;
}
