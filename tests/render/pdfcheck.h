/* pdfcheck.h - the parts of pdfcheck, the layout checker of the rendering
 * tests (internal to tests/render/pdfcheck*.c):
 *   pdfcheck-bbox.c    the word boxes of the printed PDF, page by page
 *   pdfcheck-source.c  what the source document says: its ids and
 *                      numbers, chart labels, table cells, chapter heads
 *   pdfcheck-words.c   the checks of the words of a page: overlaps, split
 *                      tokens, words broken letter by letter
 *   pdfcheck-pages.c   the checks of page breaks: pages left half empty
 *   pdfcheck-entries.c the checks of the catalog's entries: each whole on
 *                      its page, no page left mostly empty before one
 *   pdfcheck.c         the command line and the report */
#ifndef PDFCHECK_H
#define PDFCHECK_H

#include <stddef.h>

/* One word box of a page, text owned. */
struct word {
	int page;		/* 1-based */
	int flow;		/* pdftotext's text flow, numbered through */
	double x0, y0, x1, y1;
	char *text;
};

/* The kinds of problem, each counted and reported apart. */
enum { PC_OVERLAP, PC_SPLIT, PC_LETTERS, PC_EMPTY, PC_ENTRY, PC_KINDS };

/* The pages whose height is kept: page_h[1] to page_h[PC_MAX_PAGES - 1]. */
#define PC_MAX_PAGES 4096

/* A word and its box in a message: BOX in the format, BOXARG(w) in the
 * arguments. */
#define BOX "'%s' [%.1f,%.1f,%.1f,%.1f]"
#define BOXARG(w) (w)->text, (w)->x0, (w)->y0, (w)->x1, (w)->y1

/* pdfcheck.c */
void *xrealloc(void *p, size_t n);
/* Counts a problem of a kind, prints it on a line of its own after the
 * label unless that kind already printed a dozen. */
void report(int kind, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* pdfcheck-bbox.c: the words of all pages in the order of the file (page
 * after page), and the height of each page. */
extern struct word *words;
extern size_t nwords;
extern double page_h[PC_MAX_PAGES];
/* Reads the output of `pdftotext -bbox-layout` at path: the number of
 * pages, -1 (said on stderr) when it cannot be read. */
int read_bbox(const char *path);
/* The words of page p: [*from, *to). */
void page_words(int p, size_t *from, size_t *to);

/* pdfcheck-source.c */
/* The texts of the source's chapter headings (HTML h2.chapter, ODF text:h
 * of outline level 1), spaces collapsed. */
extern char **heads;
extern size_t nheads;
/* The source's headings (HTML h1 to h6, ODF text:h) in document order,
 * spaces removed; entry: the heading opens an entry of the catalog, a
 * table kept whole follows it (HTML table.keep, ODF style TblKeep). */
struct head {
	char *text;
	int entry;
	int page_break;   /* a chapter that starts a new page */
	/* an entry's last row: its first and last cells, spaces removed,
	 * or NULL */
	char *first, *last;
};
extern struct head *allheads;
extern size_t nallheads;
/* The number of the source's ids and numbers. */
extern size_t ntokens;
/* Reads the source document at path: 0, -1 (said on stderr) when it
 * cannot be read. */
int read_source(const char *path);
int is_label(const char *s);
int is_cell(const char *s);
int is_token(const char *s);

/* pdfcheck-words.c: the checks of the words [from, to) of one page. */
void check_overlaps(size_t from, size_t to);
void check_splits(size_t from, size_t to);
void check_letters(size_t from, size_t to);

/* pdfcheck-pages.c: the checks of the page breaks of pages 2 to pages. */
void check_empty(int pages);

/* pdfcheck-entries.c: every entry of the catalog on one page where it
 * fits on one; no page left mostly empty before an entry. */
int check_entries(int pages);   /* the number of entries */

#endif
