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
	char **cells;
};

/* One block; text is the heading, paragraph, item, table caption or
 * figure title. */
struct doc_block {
	int kind;            /* enum blk_kind */
	int level;           /* headings: 1..3 */
	char *text;
	char *desc;          /* figures */
	char *svg;           /* figures */
	struct doc_table tab;  /* tables and figures */
};

/* Invariants: blocks[0..n) in document order; broken set after any
 * allocation failure (writers refuse a broken document). */
struct lc_doc {
	char lang[3];
	char *title, *subtitle, *css;
	char **lines;
	size_t nlines;
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

/* Text area width of the A4 page (21 cm less 2 x 2 cm margins). */
#define EXP_PAGE_TEXT_CM 17.0

/* Widths in cm of the ncols columns of t into cm[], summing to
 * EXP_PAGE_TEXT_CM: no id or number narrower than its widest cell, no
 * column narrower than its longest word, the rest by content
 * (colwidth.c). At most 64 columns. Returns 1 when the table's words
 * fit only in the dense type (EXP_DENSE of the normal size, narrower
 * padding: the writers then print it so), else 0. */
int exp_col_widths(const struct doc_table *t, double *cm);
#define EXP_DENSE 0.8

/* "zh" unless lang starts with "en". */
int exp_is_en(const char *lang);

#endif
