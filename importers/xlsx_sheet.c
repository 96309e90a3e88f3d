/* xlsx_sheet.c - the rows of one sheet, streamed (memory bounded by the
 * widest row, whatever the number of rows): each cell's text with its
 * kind, shared strings resolved, a formula said, a reference that is not
 * there (a shared string out of range, a column past XFD) refused naming
 * the cell, and no more than IMP_XLSX_MAX_ROWS rows. */
#include <stdlib.h>
#include <string.h>
#include "importers/xlsx_int.h"

struct rowstate {
	struct imp_book *b;
	size_t sheet;
	struct imp_buf text;      /* the row's cell texts, NUL-separated */
	size_t *off;              /* offset of cell i's text in text */
	unsigned char *kind, *formula;
	const char **ptr;
	size_t n, cap;            /* cells used, allocated */
	long row;
	/* the cell being read */
	long col;
	char type[16];
	int in_c, in_v, in_is, in_t, rph;
	struct imp_buf val;
};

/* Column (0-based) and row of an "AB12" reference; -1 when malformed. */
static int parse_ref(const char *ref, long *col, long *row)
{
	long c = 0, r = 0;
	const char *p = ref;
	if (!(*p >= 'A' && *p <= 'Z'))
		return -1;
	while (*p >= 'A' && *p <= 'Z') {
		c = c * 26 + (*p - 'A' + 1);
		if (c > IMP_XLSX_MAX_COLS)
			return -1;
		p++;
	}
	while (*p >= '0' && *p <= '9') {
		r = r * 10 + (*p - '0');
		if (r > 100000000L)
			return -1;
		p++;
	}
	if (*p)
		return -1;
	*col = c - 1;
	*row = r;
	return 0;
}

static int grow(struct rowstate *st, size_t n)
{
	size_t cap = st->cap ? st->cap : 64;
	void *a, *k, *f, *q;
	if (n <= st->cap)
		return 0;
	while (cap < n)
		cap *= 2;
	a = realloc(st->off, cap * sizeof *st->off);
	if (a)
		st->off = a;
	k = realloc(st->kind, cap);
	if (k)
		st->kind = k;
	f = realloc(st->formula, cap);
	if (f)
		st->formula = f;
	q = realloc(st->ptr, cap * sizeof *st->ptr);
	if (q)
		st->ptr = q;
	if (!a || !k || !f || !q)
		return -1;
	st->cap = cap;
	return 0;
}

static void row_reset(struct rowstate *st)
{
	st->n = 0;
	st->text.len = 0;
	st->col = -1;
}

static int nomem(struct rowstate *st, struct lc_error *err)
{
	return lc_error_set(err, LC_ENOMEM, st->b->path, 0, NULL,
			    "out of memory");
}

static int at_cell(struct rowstate *st, struct lc_error *err,
		   const char *fmt, const char *a, long x)
{
	char where[512];
	imp_xlsx_where(st->b, st->sheet, (size_t)st->col, st->row, where,
		       sizeof where);
	lc_error_set(err, LC_EDATA, where, 0, NULL, fmt, a, x);
	return LC_EDATA;
}

/* The cell just closed, into the row. */
static int end_cell(struct rowstate *st, int formula, struct lc_error *err)
{
	const char *v = st->val.len ? st->val.s : "";
	unsigned char kind = IMP_XC_NUMBER;
	size_t i;
	if (strcmp(st->type, "s") == 0) {
		char *end;
		long k = strtol(v, &end, 10);
		if (!*v || *end || k < 0 || (size_t)k >= st->b->nstr)
			return at_cell(st, err, "shared string '%s' is not "
				       "in the workbook (it has %ld)", v,
				       (long)st->b->nstr);
		v = st->b->str[k];
		kind = IMP_XC_TEXT;
	} else if (strcmp(st->type, "inlineStr") == 0 ||
		   strcmp(st->type, "str") == 0 ||
		   strcmp(st->type, "d") == 0) {
		kind = IMP_XC_TEXT;
	} else if (strcmp(st->type, "b") == 0) {
		kind = IMP_XC_BOOL;
	} else if (strcmp(st->type, "e") == 0) {
		kind = IMP_XC_ERROR;
	}
	if (!*v && !formula)
		return 0;
	if (grow(st, (size_t)st->col + 1))
		return nomem(st, err);
	for (i = st->n; i <= (size_t)st->col; i++) {
		st->off[i] = (size_t)-1;
		st->kind[i] = IMP_XC_EMPTY;
		st->formula[i] = 0;
	}
	if ((size_t)st->col + 1 > st->n)
		st->n = (size_t)st->col + 1;
	if (st->text.len == 0 && imp_buf_add(&st->text, "", 0))
		return nomem(st, err);
	st->off[st->col] = st->text.len + 1;
	st->kind[st->col] = kind;
	st->formula[st->col] = (unsigned char)formula;
	if (imp_buf_add(&st->text, "\0", 1) ||
	    imp_buf_add(&st->text, v, strlen(v)))
		return at_cell(st, err, "row too long%s", "", 0);
	return 0;
}

static int deliver(struct rowstate *st,
		   int (*fn)(const struct imp_xrow *r, void *ctx), void *ctx)
{
	struct imp_xrow r;
	size_t i;
	if (st->n == 0)
		return 0;
	for (i = 0; i < st->n; i++)
		st->ptr[i] = st->off[i] == (size_t)-1 ? "" :
			st->text.s + st->off[i];
	r.row = st->row;
	r.n = st->n;
	r.text = st->ptr;
	r.kind = st->kind;
	r.formula = st->formula;
	return fn(&r, ctx);
}

static int start_row(struct rowstate *st, struct imp_part *p,
		     struct lc_error *err)
{
	char *r = imp_part_attr(p, "r");
	long n = st->row + 1;
	if (r) {
		char *end;
		n = strtol(r, &end, 10);
		if (*end || n <= st->row)
			n = st->row + 1;
		xmlFree(r);
	}
	row_reset(st);
	st->row = n;
	if (n > IMP_XLSX_MAX_ROWS) {
		char where[512];
		imp_xlsx_where(st->b, st->sheet, (size_t)-1, n, where,
			       sizeof where);
		return lc_error_set(err, LC_EDATA, where, 0, NULL, "the sheet "
				    "has more than %ld rows: refused (split "
				    "it into several workbooks)",
				    IMP_XLSX_MAX_ROWS);
	}
	return 0;
}

static int start_cell(struct rowstate *st, struct imp_part *p,
		      struct lc_error *err)
{
	char *r = imp_part_attr(p, "r"), *t = imp_part_attr(p, "t");
	long col = st->col + 1, row = st->row;
	int bad = r && parse_ref(r, &col, &row) != 0;
	snprintf(st->type, sizeof st->type, "%s", t ? t : "n");
	xmlFree(t);
	if (bad) {
		char where[512];
		imp_xlsx_where(st->b, st->sheet, (size_t)-1, st->row, where,
			       sizeof where);
		lc_error_set(err, LC_EDATA, where, 0, NULL, "cell reference "
			     "'%s' is not a cell of a sheet", r);
		xmlFree(r);
		return LC_EDATA;
	}
	xmlFree(r);
	if (col >= IMP_XLSX_MAX_COLS)
		col = IMP_XLSX_MAX_COLS - 1;
	st->col = col;
	st->in_c = 1;
	st->val.len = 0;
	return 0;
}

int imp_book_rows(struct imp_book *b, size_t i,
		  int (*fn)(const struct imp_xrow *r, void *ctx), void *ctx,
		  struct lc_error *err)
{
	struct rowstate st;
	struct imp_part p;
	int rc, r = 0, formula = 0;

	if (i >= b->nsheets || !b->sheets[i].part[0])
		return lc_error_set(err, LC_EDATA, b->path, 0, NULL, "sheet "
				    "'%s' has no part in the workbook",
				    i < b->nsheets ? b->sheets[i].name : "?");
	rc = imp_part_open(b, b->sheets[i].part, &p, err);
	if (rc)
		return rc;
	memset(&st, 0, sizeof st);
	st.b = b;
	st.sheet = i;
	st.rph = -1;
	while (rc == 0 && (r = xmlTextReaderRead(p.rd)) == 1) {
		int type = xmlTextReaderNodeType(p.rd);
		const char *nm = (const char *)xmlTextReaderConstLocalName(p.rd);
		int depth = xmlTextReaderDepth(p.rd);
		if (type == XML_READER_TYPE_ELEMENT) {
			int empty = xmlTextReaderIsEmptyElement(p.rd);
			if (strcmp(nm, "row") == 0) {
				rc = start_row(&st, &p, err);
				if (rc == 0 && empty)
					row_reset(&st);
			} else if (strcmp(nm, "c") == 0) {
				formula = 0;
				rc = start_cell(&st, &p, err);
				if (rc == 0 && empty) {
					rc = end_cell(&st, 0, err);
					st.in_c = 0;
				}
			} else if (st.in_c && strcmp(nm, "f") == 0) {
				formula = 1;
			} else if (st.in_c && strcmp(nm, "v") == 0 && !empty) {
				st.in_v = 1;
			} else if (st.in_c && strcmp(nm, "is") == 0) {
				st.in_is = 1;
			} else if (st.in_is && strcmp(nm, "rPh") == 0 &&
				   !empty) {
				st.rph = depth;
			} else if (st.in_is && st.rph < 0 &&
				   strcmp(nm, "t") == 0 && !empty) {
				st.in_t = 1;
			}
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			if (strcmp(nm, "row") == 0) {
				rc = deliver(&st, fn, ctx);
				row_reset(&st);
			} else if (strcmp(nm, "c") == 0 && st.in_c) {
				rc = end_cell(&st, formula, err);
				st.in_c = st.in_v = st.in_is = st.in_t = 0;
			} else if (strcmp(nm, "v") == 0) {
				st.in_v = 0;
			} else if (depth == st.rph) {
				st.rph = -1;
			} else if (strcmp(nm, "t") == 0) {
				st.in_t = 0;
			}
		} else if ((st.in_v || st.in_t) &&
			   (type == XML_READER_TYPE_TEXT ||
			    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
			    type == XML_READER_TYPE_CDATA)) {
			const char *v = (const char *)xmlTextReaderConstValue(
				p.rd);
			if (imp_buf_add(&st.val, v, strlen(v)))
				rc = at_cell(&st, err, "cell text longer than "
					     "%s%ld bytes", "",
					     (long)XLSX_MAX_CELL);
		}
	}
	if (rc == 0 && r < 0)
		rc = imp_part_fail(b, &p, err);
	imp_part_close(&p);
	free(st.text.s);
	free(st.val.s);
	free(st.off);
	free(st.kind);
	free(st.formula);
	free(st.ptr);
	return rc;
}
