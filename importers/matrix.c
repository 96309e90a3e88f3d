/* matrix.c - reads a decision matrix (or an AHP pairwise matrix) from a
 * CSV file, in time linear in its size (names checked for duplicates
 * once all are read, dupnames.c), with errors naming file, line and
 * column. The row names are packed in one buffer, without an allocation
 * per row (with a string map of the names, a third of the time went to
 * it at 6.4 million rows, and 10 times the rows took 12.5 times as
 * long). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "importers/importers.h"
#include "importers/internal.h"

struct lc_matrix {
	size_t rows, cols;
	char *names;         /* the row names, each after the last, NUL */
	size_t nlen, ncap;   /* bytes used, allocated */
	size_t *roff;        /* row i's name at names + roff[i] */
	char **cname;        /* cols names */
	/* source lines: row i is on line i + bp[k].base, k the last break
	 * with bp[k].row <= i; a break only where a row does not follow
	 * the last on the next line (blank lines, a name over two lines),
	 * so a plain file costs one break, not 8 bytes a row */
	struct { size_t row; long base; } *bp;
	size_t nbp, bpcap;
	long hline;          /* source line of the header */
	char *path;          /* the file read */
	double *x;           /* rows x cols */
	struct lc_strmap *seen;  /* column names (while reading the header) */
};

void lc_matrix_free(struct lc_matrix *mx)
{
	if (!mx)
		return;
	for (size_t j = 0; j < mx->cols; j++)
		free(mx->cname[j]);
	free(mx->names);
	free(mx->roff);
	free(mx->cname);
	free(mx->bp);
	free(mx->x);
	free(mx->path);
	lc_strmap_free(mx->seen);
	free(mx);
}

size_t lc_matrix_rows(const struct lc_matrix *mx) { return mx->rows; }
size_t lc_matrix_cols(const struct lc_matrix *mx) { return mx->cols; }
const double *lc_matrix_data(const struct lc_matrix *mx) { return mx->x; }

void lc_matrix_drop_data(struct lc_matrix *mx)
{
	free(mx->x);
	mx->x = NULL;
}

const char *lc_matrix_row_name(const struct lc_matrix *mx, size_t i)
{
	return i < mx->rows ? mx->names + mx->roff[i] : NULL;
}

const char *lc_matrix_col_name(const struct lc_matrix *mx, size_t j)
{
	return j < mx->cols ? mx->cname[j] : NULL;
}

/* The line of row i (< rows): a binary search of the breaks. */
static long row_line(const struct lc_matrix *mx, size_t i)
{
	size_t lo = 0, hi = mx->nbp;   /* bp[0].row is 0 */

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (mx->bp[mid].row <= i)
			lo = mid;
		else
			hi = mid;
	}
	return (long)i + mx->bp[lo].base;
}

long lc_matrix_row_line(const struct lc_matrix *mx, size_t i)
{
	return i < mx->rows ? row_line(mx, i) : 0;
}

void lc_matrix_locate_error(const struct lc_matrix *mx, struct lc_error *err)
{
	long j, row;

	if (!mx || !err || err->file[0])
		return;
	row = err->line;
	snprintf(err->file, sizeof err->file, "%s", mx->path);
	err->line = 0;
	j = lc_error_crit_of(err, mx->cols);
	if (j < 0)
		return;
	snprintf(err->field, sizeof err->field, "%s", mx->cname[j]);
	err->line = row >= 1 && (size_t)row <= mx->rows
			    ? row_line(mx, (size_t)row - 1) : mx->hline;
}

/* Parses a cell: a decimal, or "a/b" when fractions are allowed. */
static int cell(const char *s, int fractions, double *out)
{
	const char *sl = strchr(s, '/');
	char a[64];
	double num, den;

	if (!sl || !fractions)
		return lc_num_parse(s, out) == 0 && isfinite(*out) ? 0 : -1;
	if ((size_t)(sl - s) >= sizeof a)
		return -1;
	memcpy(a, s, (size_t)(sl - s));
	a[sl - s] = '\0';
	if (lc_num_parse(a, &num) || lc_num_parse(sl + 1, &den) ||
	    !isfinite(num) || !isfinite(den) || den == 0)
		return -1;
	*out = num / den;
	return 0;
}

static char *dup_str(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	if (d)
		memcpy(d, s, n);
	return d;
}

static int oom(struct lc_error *err)
{
	return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL, "out of memory");
}

/* Stores header fields 1..nf-1 as the criterion names. */
static int read_header(struct lc_matrix *mx, struct lc_csv *c, size_t nf,
		       long lineno, struct lc_error *err)
{
	const char *path = lc_csv_path(c);

	if (nf < 2)
		return lc_error_set(err, LC_EDATA, path, lineno, NULL,
				    "header needs a corner cell and at "
				    "least one criterion name");
	mx->cols = nf - 1;
	mx->cname = calloc(mx->cols, sizeof *mx->cname);
	mx->seen = lc_strmap_new();
	if (!mx->cname || !mx->seen)
		return oom(err);
	for (size_t j = 0; j < mx->cols; j++) {
		const char *name = lc_csv_get(c, j + 1);

		if (!*name)
			return lc_error_set(err, LC_EDATA, path, lineno, NULL,
					    "column %zu has no name", j + 2);
		if (lc_strmap_get(mx->seen, name, 0))
			return lc_error_set(err, LC_EDATA, path, lineno, name,
					    "duplicate criterion");
		mx->cname[j] = dup_str(name);
		if (!mx->cname[j] || lc_strmap_put(mx->seen, name, 1) < 0)
			return oom(err);
	}
	lc_strmap_free(mx->seen);
	mx->seen = NULL;
	return 0;
}

/* Appends name to the names buffer; its offset, or (size_t)-1. */
static size_t put_name(struct lc_matrix *mx, const char *name)
{
	size_t n = strlen(name) + 1, off = mx->nlen;

	if (mx->nlen + n > mx->ncap) {
		size_t nc = mx->ncap ? 2 * mx->ncap : 4096;
		char *nb;

		while (nc < mx->nlen + n)
			nc *= 2;
		nb = realloc(mx->names, nc);
		if (!nb)
			return (size_t)-1;
		mx->names = nb;
		mx->ncap = nc;
	}
	memcpy(mx->names + off, name, n);
	mx->nlen += n;
	return off;
}

/* Appends the current record of c as a row. *rcap: rows allocated. */
static int read_row(struct lc_matrix *mx, struct lc_csv *c, size_t nf,
		    long lineno, int flags, size_t *rcap,
		    struct lc_error *err)
{
	const char *path = lc_csv_path(c), *name = lc_csv_get(c, 0);

	if (nf != mx->cols + 1)
		return lc_error_set(err, LC_EDATA, path, lineno, NULL,
				    "%zu fields, the header has %zu", nf,
				    mx->cols + 1);
	if (!*name)
		return lc_error_set(err, LC_EDATA, path, lineno, NULL,
				    "row has no alternative name");
	if (mx->rows == *rcap) {
		size_t nc = *rcap ? 2 * *rcap : 16;
		size_t *rn = realloc(mx->roff, nc * sizeof *rn);
		double *nx;

		if (!rn)
			return oom(err);
		mx->roff = rn;
		nx = realloc(mx->x, nc * mx->cols * sizeof *nx);
		if (!nx)
			return oom(err);
		mx->x = nx;
		*rcap = nc;
	}
	for (size_t j = 0; j < mx->cols; j++) {
		const char *v = lc_csv_get(c, j + 1);

		if (!cell(v, flags & LC_MATRIX_FRACTIONS,
			  &mx->x[mx->rows * mx->cols + j]))
			continue;
		if (flags & LC_MATRIX_FRACTIONS)
			return lc_error_set(err, LC_EDATA, path, lineno,
					    mx->cname[j], "'%s' is not a "
					    "number or fraction", v);
		return lc_error_set(err, LC_EDATA, path, lineno,
				    mx->cname[j], "'%s' is not a number", v);
	}
	mx->roff[mx->rows] = put_name(mx, name);
	if (mx->roff[mx->rows] == (size_t)-1)
		return oom(err);
	if (mx->nbp == 0 ||
	    (long)mx->rows + mx->bp[mx->nbp - 1].base != lineno) {
		void *nb = lc_grow(mx->bp, &mx->bpcap, mx->nbp,
				   sizeof *mx->bp);

		if (!nb)
			return oom(err);
		mx->bp = nb;
		mx->bp[mx->nbp].row = mx->rows;
		mx->bp[mx->nbp++].base = lineno - (long)mx->rows;
	}
	mx->rows++;
	return 0;
}

int lc_matrix_read(const char *path, int flags, struct lc_matrix **out,
		   struct lc_error *err)
{
	struct lc_csv *c = NULL;
	struct lc_matrix *mx;
	size_t rcap = 0, nf;
	long lineno = 0, last = 0;
	int rc;

	*out = NULL;
	mx = calloc(1, sizeof *mx);
	if (!mx || !(mx->path = dup_str(path))) {
		free(mx);
		return oom(err);
	}
	rc = lc_csv_open(&c, path, NULL, LC_CSV_TRIM | LC_CSV_SKIP_BLANK,
			 err);
	while (rc == 0) {
		rc = lc_csv_next(c, &nf, &lineno, err);
		if (rc <= 0)
			break;
		last = lineno;
		if (!mx->cname) {
			mx->hline = lineno;
			rc = read_header(mx, c, nf, lineno, err);
		}
		else
			rc = read_row(mx, c, nf, lineno, flags, &rcap, err);
	}
	/* a repeated name before the line that stopped the reading, if
	 * one did, is the first error */
	if ((rc == 0 || rc == LC_EDATA) && mx->rows > 1) {
		size_t d;
		int dr = imp_first_duplicate(mx->names, mx->roff, mx->rows,
					     &d);

		if (dr < 0)
			rc = oom(err);
		else if (dr == 1)
			rc = lc_error_set(err, LC_EDATA, path, row_line(mx, d),
					  NULL, "duplicate alternative '%s'",
					  mx->names + mx->roff[d]);
	}
	if (rc)
		goto done;
	if (!mx->cname || mx->rows == 0) {
		rc = lc_error_set(err, LC_EDATA, path, last, NULL,
				  "no data rows");
		goto done;
	}
	if (flags & LC_MATRIX_SQUARE) {
		if (mx->rows != mx->cols) {
			rc = lc_error_set(err, LC_EDATA, path, last, NULL,
				"matrix is %zu x %zu, it must be square",
				mx->rows, mx->cols);
			goto done;
		}
		for (size_t i = 0; i < mx->rows; i++)
			if (strcmp(mx->names + mx->roff[i], mx->cname[i])) {
				rc = lc_error_set(err, LC_EDATA, path,
					row_line(mx, i), NULL, "row '%s' must "
					"be named '%s' like column %zu",
					mx->names + mx->roff[i], mx->cname[i],
					i + 2);
				goto done;
			}
	}
done:
	lc_csv_close(c);
	lc_strmap_free(mx->seen);
	mx->seen = NULL;
	if (rc) {
		lc_matrix_free(mx);
		return rc;
	}
	*out = mx;
	return 0;
}
