/* scores_int.h - importers/ private: what the score-sheet readers share.
 * scores.c holds the import run, the checks of a header and of a row,
 * and the CSV reader; scores_xlsx.c reads a returned workbook's rows and
 * hands them to the same checks, so a workbook is refused exactly where
 * and why a CSV sheet would be, its problems naming the cell. */
#ifndef LC_IMPORTERS_SCORES_INT_H
#define LC_IMPORTERS_SCORES_INT_H

#include <stdint.h>
#include "importers/xlsx.h"

/* A score checked and waiting to be stored (all strings owned). */
struct pending {   /* the strings are in the run's text pool */
	const char *tech, *expert, *crit, *score, *comment, *source;
	long line;         /* where it was read (CSV line, sheet row) */
};

/* The import run: scores.c sets it up and stores what the checks
 * (scores_check.c) queued. */
struct sc_imp {
	struct lc_catalog *cat;
	const struct lc_criteria *c;
	const struct lc_experts *x;
	const struct lc_dossiers *d;
	struct lc_strmap *assigned;
	uint32_t *seen;              /* pending rows by (tech, expert, crit):
					index + 1, 0 empty; open addressing,
					half full, power of 2 */
	size_t nseen, nseen_cap;
	const struct lc_strmap *conf;
	struct pending *p;
	size_t np, capp;
	struct lc_textpool *text;    /* owns the pending rows' strings */
	lc_problem_fn fn;
	void *pctx;
	long problems;
	struct lc_error *err;
};

/* Where a row was read: a CSV line, or a row of a workbook's sheet (then
 * problems are placed on "file:sheet!cell", line 0). */
struct sc_where {
	const char *path;
	long line;                    /* CSV line, or the sheet's row */
	const struct imp_book *b;     /* NULL for a CSV file */
	size_t sheet;
};

enum { SC_MAXCOL = 64 };

/* The columns a header names. Invariants: ncol <= SC_MAXCOL; crit_of[i]
 * the criterion index of a wide sheet's score column i, else -1; the
 * c* fields the column of each named column, -1 when absent. */
struct sc_head {
	size_t ncol;
	int longfmt;                     /* expert,id,criterion,score */
	int ce, ci, cc, cs, cm;          /* expert id criterion score comment */
	int crit_of[SC_MAXCOL];
	char head[SC_MAXCOL][64];
};

/* Reports a problem of the row at w, column col (-1: the row), to the
 * run's problem callback and counts it. */
void sc_problem(struct sc_imp *im, const struct sc_where *w, long col,
		const char *field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Reads the header cells[0..n) at w into *h. Returns 0 when the header
 * can be read on, 1 when it had a problem (reported), LC_ENOMEM. */
int sc_header(struct sc_imp *im, const struct sc_where *w,
	      const char *const *cells, size_t n, struct sc_head *h);
/* Checks the row cells[0..n) (trimmed) at w against h and queues its
 * scores; problems reported. 0, or LC_ENOMEM with the run's err set. */
int sc_row(struct sc_imp *im, const struct sc_where *w,
	   const struct sc_head *h, const char *const *cells, size_t n);

/* Reads the score sheet of the workbook on path (the sheet 评分, else the
 * first): rows counted into *rows, problems reported. 0, or a negative
 * status with the run's err set (the workbook cannot be read). */
int sc_read_xlsx(struct sc_imp *im, const char *path, long *rows);
/* The run's error (for the readers' own failures). */
struct lc_error *sc_err(struct sc_imp *im);
/* The catalog the run stores into (read by the workbook reader). */
struct lc_catalog *sc_cat(struct sc_imp *im);

#endif
