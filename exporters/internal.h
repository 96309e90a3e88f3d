/* internal.h - exporters' private structures: the document model's blocks
 * as the writers walk them, and small helpers shared by the writers. */
#ifndef LC_EXPORTERS_INTERNAL_H
#define LC_EXPORTERS_INTERNAL_H

#include <stdio.h>
#include "exporters/exporters.h"

enum blk_kind { BLK_SECTION, BLK_PARA, BLK_ITEM, BLK_TABLE, BLK_FIGURE,
		BLK_TOC };

/* A table: ncols heading cells, then nrows rows of ncols cells each
 * (cells[r * ncols + c], NULL for empty). */
struct doc_table {
	size_t ncols, nrows, cap;
	char **head;
	char *align;         /* ncols chars 'l' / 'r' */
	const char **cells;  /* nrows x ncols, the text in the doc's pool */
	int keep;            /* kept on one page whatever its length */
};

/* In HTML, a table of at most this many rows is kept on one page (so is
 * one marked with lc_doc_keep); longer ones break between rows and
 * repeat their heading row. The .fodt leaves LibreOffice its breaks. */
#define EXP_KEEP_ROWS 12

/* A piece of a paragraph or item with formulas: text, or a formula
 * (math set, text NULL). */
struct exp_math;
struct doc_run {
	char *text;
	struct exp_math *math;
};

/* One block; text is the heading, paragraph, item, table caption or
 * figure title. */
struct doc_block {
	int kind;            /* enum blk_kind */
	int level;           /* headings: 1..3 */
	int run_on;          /* a chapter that does not start a page */
	char *text;
	char *desc;          /* figures */
	char *svg;           /* figures */
	struct doc_table tab;  /* tables and figures */
	/* paragraphs and items with formulas: their pieces in order (text
	 * then holds the whole as readable Unicode text, for the formats
	 * without formulas); display when the formula stands alone */
	struct doc_run *run;
	size_t nrun;
	int display;
};

/* Invariants: blocks[0..n) in document order; broken set after any
 * allocation failure (writers refuse a broken document). */
struct lc_doc {
	char lang[3];
	int landscape;       /* printed on A4 landscape */
	int run_on;          /* the next chapter does not start a page */
	char *title, *subtitle, *css;
	char **lines;
	size_t nlines;
	struct lc_textpool *pool;   /* the tables' cells */
	struct doc_block *blocks;
	size_t n, cap;
	int broken;
	int last_table;      /* index of the last table/figure, or -1 */
};

/* The document's block i. */
static inline const struct doc_block *doc_blk(const struct lc_doc *d,
					      size_t i)
{
	return &d->blocks[i];
}

/* Base64 of len bytes of s into fp (76-column lines when wrap). */
void exp_base64(FILE *fp, const char *s, size_t len, int wrap);

/* Text area width of the A4 page (21 cm less 2 x 2 cm margins), and of
 * the A4 page on its side (29.7 cm less the same margins). */
#define EXP_PAGE_TEXT_CM 17.0
#define EXP_LANDSCAPE_TEXT_CM 25.7
/* The text width of d's pages. */
static inline double exp_text_cm(const struct lc_doc *d)
{
	return d->landscape ? EXP_LANDSCAPE_TEXT_CM : EXP_PAGE_TEXT_CM;
}

/* Widths in cm of the ncols columns of t into cm[], summing to page
 * (the text width, exp_text_cm): no id or number narrower than its widest cell, no
 * column narrower than its longest word, the rest by content
 * (colwidth.c). At most 64 columns. Returns 1 when the table's words
 * fit only in the dense type (EXP_DENSE of the normal size, narrower
 * padding: the writers then print it so), else 0. */
int exp_col_widths(const struct doc_table *t, double page, double *cm);
#define EXP_DENSE 0.8

/* "zh" unless lang starts with "en". */
int exp_is_en(const char *lang);
/* html_toc.c: the script that numbers the HTML's table of contents, one
 * line an element, NULL at its end. */
extern const char *const exp_html_toc_script[];

/* ---- score sheets (sheet_rows.c) ----------------------------------------
 * An expert's score sheet as both writers print it (CSV in sheets.c,
 * .xlsx in sheets_xlsx.c): the same columns, the same rows. */
enum exp_sheet_kind {
	EXP_SC_TEXT,      /* read by the expert (locked in a workbook) */
	EXP_SC_SCORE,     /* a criterion's score, to fill in */
	EXP_SC_COMMENT    /* the expert's comment, to fill in */
};
#define EXP_SHEET_MAXCOL (20 + LC_MAX_CRIT)
/* Invariants: cells[r * ncols + k] for r < nrows, k < ncols, owned,
 * never NULL ("" for an empty cell); crit[k] is the criterion index of a
 * score column, -1 for the others; name[k] borrowed from static strings
 * or the criteria given to exp_sheet_build. Rows in dossier id order. */
struct exp_sheet {
	size_t ncols, nrows;
	const char *name[EXP_SHEET_MAXCOL];
	int kind[EXP_SHEET_MAXCOL];        /* enum exp_sheet_kind */
	int crit[EXP_SHEET_MAXCOL];
	const char *unit[EXP_SHEET_MAXCOL];
	int num[EXP_SHEET_MAXCOL];
	char **cells;
};
/* Fills *s with the sheet of expert: the columns lc_sheet_export names
 * (o->blind: without submitter and owners), one column per criterion of c
 * (scores already stored filled in), comment; one row per dossier
 * assigned (of o->edition). unit[k] is the base unit of a quantity
 * column ("" for the others); num[k] 1 for a column of numbers. LC_EDATA
 * for an unknown expert or one with no dossier assigned; LC_ENOMEM; the
 * catalog's errors. Release *s with exp_sheet_release (also after a
 * failure). */
int exp_sheet_build(struct lc_catalog *cat, const struct lc_criteria *c,
		    const char *expert, const struct lc_sheet_opts *o,
		    struct exp_sheet *s, struct lc_error *err);
void exp_sheet_release(struct exp_sheet *s);
/* The cell of row r, column k. */
static inline const char *exp_sheet_cell(const struct exp_sheet *s,
					 size_t r, size_t k)
{
	return s->cells[r * s->ncols + k];
}

/* ---- .xlsx workbooks written to a stream (xlsx_out.c) --------------------
 * libxlsxwriter writes to a named file: the workbook is made in a
 * temporary of TMPDIR (else /tmp), then copied to the stream. */
struct lxw_workbook;
/* Creates the temporary into tmp (n >= 64 bytes) and a workbook on it;
 * NULL with err set on failure (nothing left behind). */
struct lxw_workbook *exp_xlsx_new(char *tmp, size_t n,
				  struct lc_error *err);
/* Closes wb (always), copies the temporary to out and removes it. rc is
 * the status so far: when negative, nothing is copied and rc returned.
 * Returns 0, rc, or LC_EIO with err. */
int exp_xlsx_finish(struct lxw_workbook *wb, const char *tmp, FILE *out,
		    int rc, struct lc_error *err);

/* ---- the catalog and a ranking as workbooks (table_xlsx.c) --------------
 * The XLSX formats of lc_export_catalog and lc_export_ranking (r ranked
 * by the caller, not freed). 0 or a negative status with err. */
int exp_catalog_xlsx(struct lc_catalog *cat, const struct lc_filter *f,
		     FILE *out, struct lc_error *err);
int exp_ranking_xlsx(const struct lc_ranking *r, FILE *out,
		     struct lc_error *err);

#endif
