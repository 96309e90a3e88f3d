/* matrix.c - reads a decision matrix (or an AHP pairwise matrix) from a
 * small CSV file, with errors naming file, line and column. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"

struct lc_matrix {
	size_t rows, cols;
	char **rname;        /* rows names */
	char **cname;        /* cols names */
	long *line;          /* source line of each row */
	double *x;           /* rows x cols */
};

void lc_matrix_free(struct lc_matrix *mx)
{
	if (!mx)
		return;
	for (size_t i = 0; i < mx->rows; i++)
		free(mx->rname[i]);
	for (size_t j = 0; j < mx->cols; j++)
		free(mx->cname[j]);
	free(mx->rname);
	free(mx->cname);
	free(mx->line);
	free(mx->x);
	free(mx);
}

size_t lc_matrix_rows(const struct lc_matrix *mx) { return mx->rows; }
size_t lc_matrix_cols(const struct lc_matrix *mx) { return mx->cols; }
const double *lc_matrix_data(const struct lc_matrix *mx) { return mx->x; }

const char *lc_matrix_row_name(const struct lc_matrix *mx, size_t i)
{
	return i < mx->rows ? mx->rname[i] : NULL;
}

const char *lc_matrix_col_name(const struct lc_matrix *mx, size_t j)
{
	return j < mx->cols ? mx->cname[j] : NULL;
}

long lc_matrix_row_line(const struct lc_matrix *mx, size_t i)
{
	return i < mx->rows ? mx->line[i] : 0;
}

/* Splits line (modified in place) into at most max fields; returns the
 * count, or -1 for an unterminated quote. Fields are trimmed of spaces
 * outside quotes. */
static long split(char *line, char **f, size_t max)
{
	size_t k = 0;
	char *p = line;

	for (;;) {
		char *start, *w;

		while (*p == ' ' || *p == '\t')
			p++;
		start = w = p;
		if (*p == '"') {
			p++;
			for (;;) {
				if (!*p)
					return -1;
				if (*p == '"' && p[1] == '"') {
					*w++ = '"';
					p += 2;
				} else if (*p == '"') {
					p++;
					break;
				} else {
					*w++ = *p++;
				}
			}
			while (*p == ' ' || *p == '\t')
				p++;
		} else {
			while (*p && *p != ',')
				*w++ = *p++;
			while (w > start && (w[-1] == ' ' || w[-1] == '\t'))
				w--;
		}
		if (k < max)
			f[k] = start;
		k++;
		if (*p == ',') {
			*w = '\0';
			p++;
			continue;
		}
		*w = '\0';
		return *p ? -2 : (long)k;
	}
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

int lc_matrix_read(const char *path, int flags, struct lc_matrix **out,
		   struct lc_error *err)
{
	FILE *fp = fopen(path, "r");
	struct lc_matrix *mx;
	char *buf = NULL, **f = NULL;
	size_t cap = 0, rcap = 0;
	long lineno = 0;
	int rc = 0;

	*out = NULL;
	if (!fp)
		return lc_error_set(err, LC_EIO, path, 0, NULL,
				    "cannot open: %s", strerror(errno));
	mx = calloc(1, sizeof *mx);
	if (!mx) {
		fclose(fp);
		return oom(err);
	}
	for (;;) {
		ssize_t len = getline(&buf, &cap, fp);
		char *p = buf;
		long k;

		if (len < 0)
			break;
		lineno++;
		while (len > 0 && (buf[len - 1] == '\n' ||
				   buf[len - 1] == '\r'))
			buf[--len] = '\0';
		if (lineno == 1 && strncmp(p, "\xEF\xBB\xBF", 3) == 0)
			p += 3;
		if (strspn(p, " \t") == strlen(p))
			continue;
		if (!mx->cname) {
			size_t nf = 1;

			for (char *q = p; *q; q++)
				nf += *q == ',';
			f = calloc(nf + 1, sizeof *f);
			if (!f) {
				rc = oom(err);
				goto done;
			}
			k = split(p, f, nf + 1);
			if (k < 2) {
				rc = lc_error_set(err, LC_EDATA, path, lineno,
					NULL, k < 0 ? "bad quoting" :
					"header needs a corner cell and at "
					"least one criterion name");
				goto done;
			}
			mx->cols = (size_t)k - 1;
			mx->cname = calloc(mx->cols, sizeof *mx->cname);
			if (!mx->cname) {
				rc = oom(err);
				goto done;
			}
			for (size_t j = 0; j < mx->cols; j++) {
				if (!*f[j + 1]) {
					rc = lc_error_set(err, LC_EDATA, path,
						lineno, NULL, "column %zu has "
						"no name", j + 2);
					goto done;
				}
				for (size_t t = 0; t < j; t++)
					if (!strcmp(f[j + 1], mx->cname[t])) {
						rc = lc_error_set(err, LC_EDATA,
							path, lineno, f[j + 1],
							"duplicate criterion");
						goto done;
					}
				mx->cname[j] = dup_str(f[j + 1]);
				if (!mx->cname[j]) {
					rc = oom(err);
					goto done;
				}
			}
			continue;
		}
		k = split(p, f, mx->cols + 1);
		if (k < 0) {
			rc = lc_error_set(err, LC_EDATA, path, lineno, NULL,
					  "bad quoting");
			goto done;
		}
		if ((size_t)k != mx->cols + 1) {
			rc = lc_error_set(err, LC_EDATA, path, lineno, NULL,
				"%ld fields, the header has %zu", k,
				mx->cols + 1);
			goto done;
		}
		if (!*f[0]) {
			rc = lc_error_set(err, LC_EDATA, path, lineno, NULL,
					  "row has no alternative name");
			goto done;
		}
		if (mx->rows == rcap) {
			size_t nc = rcap ? 2 * rcap : 16;
			char **rn = realloc(mx->rname, nc * sizeof *rn);
			long *ln;
			double *nx;

			if (!rn) {
				rc = oom(err);
				goto done;
			}
			mx->rname = rn;
			ln = realloc(mx->line, nc * sizeof *ln);
			if (!ln) {
				rc = oom(err);
				goto done;
			}
			mx->line = ln;
			nx = realloc(mx->x, nc * mx->cols * sizeof *nx);
			if (!nx) {
				rc = oom(err);
				goto done;
			}
			mx->x = nx;
			rcap = nc;
		}
		for (size_t t = 0; t < mx->rows; t++)
			if (!strcmp(mx->rname[t], f[0])) {
				rc = lc_error_set(err, LC_EDATA, path, lineno,
					NULL, "duplicate alternative '%s'",
					f[0]);
				goto done;
			}
		for (size_t j = 0; j < mx->cols; j++)
			if (cell(f[j + 1], flags & LC_MATRIX_FRACTIONS,
				 &mx->x[mx->rows * mx->cols + j])) {
				rc = lc_error_set(err, LC_EDATA, path, lineno,
					mx->cname[j], "'%s' is not a %s",
					f[j + 1], flags & LC_MATRIX_FRACTIONS
					? "number or fraction" : "number");
				goto done;
			}
		mx->rname[mx->rows] = dup_str(f[0]);
		if (!mx->rname[mx->rows]) {
			rc = oom(err);
			goto done;
		}
		mx->line[mx->rows++] = lineno;
	}
	if (ferror(fp)) {
		rc = lc_error_set(err, LC_EIO, path, 0, NULL, "read error");
		goto done;
	}
	if (!mx->cname || mx->rows == 0) {
		rc = lc_error_set(err, LC_EDATA, path, lineno, NULL,
				  "no data rows");
		goto done;
	}
	if (flags & LC_MATRIX_SQUARE) {
		if (mx->rows != mx->cols) {
			rc = lc_error_set(err, LC_EDATA, path, lineno, NULL,
				"matrix is %zu x %zu, it must be square",
				mx->rows, mx->cols);
			goto done;
		}
		for (size_t i = 0; i < mx->rows; i++)
			if (strcmp(mx->rname[i], mx->cname[i])) {
				rc = lc_error_set(err, LC_EDATA, path,
					mx->line[i], NULL, "row '%s' must "
					"be named '%s' like column %zu",
					mx->rname[i], mx->cname[i], i + 2);
				goto done;
			}
	}
done:
	free(buf);
	free(f);
	fclose(fp);
	if (rc) {
		lc_matrix_free(mx);
		return rc;
	}
	*out = mx;
	return 0;
}
