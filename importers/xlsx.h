/* xlsx.h - importers/ private: reading an .xlsx workbook (a zip of XML
 * parts) as rows of cell texts, with the limits every outside input gets:
 * a zip bomb, a DOCTYPE, an external link, a shared string that is not
 * there, more rows than the importers take are refused before or while
 * reading, never after memory ran out. */
#ifndef LC_IMPORTERS_XLSX_H
#define LC_IMPORTERS_XLSX_H

#include "importers/internal.h"

/* The most rows a sheet may have (Excel's own limit is 1,048,576). */
#define IMP_XLSX_MAX_ROWS 1000000L
/* The most columns a row may use (XFD, as in Excel). */
#define IMP_XLSX_MAX_COLS 16384

/* 1 when the n first bytes of a file, head, begin a zip (PK\3\4): an
 * .xlsx whatever its name; 0 when not. */
int imp_xlsx_sniff(const unsigned char *head, size_t n);

/* What a cell held. */
enum imp_xcell {
	IMP_XC_EMPTY, IMP_XC_TEXT, IMP_XC_NUMBER, IMP_XC_BOOL, IMP_XC_ERROR
};

/* One row of a sheet as its cells' texts, dense from column A: a number
 * is the text the writer put in the file ("5.1100000500002478E+17"), a
 * shared string is resolved. Valid during the callback only. */
struct imp_xrow {
	long row;                        /* 1-based row number */
	size_t n;                        /* cells 0 .. n-1 */
	const char *const *text;         /* "" for an empty cell */
	const unsigned char *kind;       /* enum imp_xcell */
	const unsigned char *formula;    /* 1: the cell holds a formula */
};

/* An open workbook: its sheets' names and parts, the shared strings. */
struct imp_book;

/* Opens the workbook on path (lc_file_open: "-" and pipes too), reading
 * the workbook's sheet list and the shared strings. Refuses (LC_EDATA,
 * err naming the file): not a zip, a zip bomb (an entry whose declared
 * size or ratio is past the limits, or that inflates past its declared
 * size), an external link, a DOCTYPE, malformed XML. LC_EIO unreadable.
 * *out receives the book; free with imp_book_free. */
int imp_book_open(struct imp_book **out, const char *path,
		  struct lc_error *err);
void imp_book_free(struct imp_book *b);   /* NULL is fine */

size_t imp_book_nsheets(const struct imp_book *b);
/* The name of sheet i (0-based, in the workbook's order); owned by b. */
const char *imp_book_sheet(const struct imp_book *b, size_t i);
/* The index of the sheet named name, or -1. */
long imp_book_find(const struct imp_book *b, const char *name);
/* The file the book was opened from; owned by b. */
const char *imp_book_path(const struct imp_book *b);

/* Calls fn for every row of sheet i that has a cell, in order. fn returns
 * 0 to go on, non-zero to stop (returned). Returns 0, fn's value, or
 * LC_EDATA (err naming "file:sheet!cell") for a shared string out of
 * range, more than IMP_XLSX_MAX_ROWS rows, a cell past the last column,
 * malformed XML; LC_ENOMEM. */
int imp_book_rows(struct imp_book *b, size_t i,
		  int (*fn)(const struct imp_xrow *r, void *ctx), void *ctx,
		  struct lc_error *err);

/* Writes "A1"-style reference of col (0-based) and row into buf. */
char *imp_xlsx_ref(size_t col, long row, char *buf, size_t n);
/* Writes "file:sheet!ref" (ref as imp_xlsx_ref; col (size_t)-1: the
 * whole row "N:N") into buf; returns buf. */
char *imp_xlsx_where(const struct imp_book *b, size_t sheet, size_t col,
		     long row, char *buf, size_t n);

/* The field a header cell names: its last line, trimmed ("统一社会信用代码
 * Credit code\ncredit_code" names credit_code), into buf; returns buf. */
char *imp_xlsx_header_key(const char *cell, char *buf, size_t n);

/* Submissions in a workbook: the technologies sheet (named 技术, else the
 * first), its demonstration projects (sheet 示范项目, linked by id). */
int imp_read_xlsx(const char *path, const struct lc_import_opts *o,
		  struct imp_sink *s, imp_emit_fn emit, void *ctx,
		  struct lc_error *err);

#endif
