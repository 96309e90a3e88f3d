/* experts.c - reading the panel's experts from CSV (header id, name,
 * affiliation, credit_codes, sectors, email in any order), every row
 * checked before anything is handed back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "importers/importers.h"

static const char *const cols[] = {
	"id", "name", "affiliation", "credit_codes", "sectors", "email", NULL
};
enum { C_ID, C_NAME, C_AFF, C_CODES, C_SECTORS, C_EMAIL, C__N };
static const int required[C__N] = { 1, 1, 1, 0, 1, 0 };

/* Problem reporting while importing. */
struct sink {
	lc_problem_fn fn;
	void *ctx;
	const char *file;
	long n;
};

static void problem(struct sink *s, long line, const char *field,
		    const char *fmt, const char *arg)
{
	struct lc_error e;

	lc_error_set(&e, LC_EDATA, s->file, line, field, fmt, arg);
	s->n++;
	if (s->fn)
		s->fn(&e, s->ctx);
}

/* Checks a ';'-separated list of unified social credit codes. */
static int check_codes(struct sink *s, long line, const char *list)
{
	const char *p = list;
	int bad = 0;

	while (*p) {
		const char *e = strchr(p, ';');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char code[64];
		size_t i = 0, j = 0;

		if (len >= sizeof code)
			len = sizeof code - 1;
		for (i = 0; i < len; i++)
			if (p[i] != ' ' && p[i] != '\t')
				code[j++] = p[i];
		code[j] = '\0';
		if (j) {
			int ok = j == 18;

			for (i = 0; ok && i < j; i++)
				ok = (code[i] >= '0' && code[i] <= '9') ||
				     (code[i] >= 'A' && code[i] <= 'Z');
			if (!ok) {
				problem(s, line, "credit_codes",
					"'%s' is not an 18-character unified "
					"social credit code", code);
				bad = 1;
			}
		}
		if (!e)
			break;
		p = e + 1;
	}
	return bad;
}

static int check_email(const char *s)
{
	const char *at = strchr(s, '@');

	return at && at != s && strchr(at + 1, '.') && !strchr(at + 1, '@') &&
	       !strpbrk(s, " \t,;<>") && at[1] != '.' &&
	       s[strlen(s) - 1] != '.';
}

/* One parsed row kept until the whole file is checked. */
struct row {
	char *v[C__N];
	long line;
};

static void rows_free(struct row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (int j = 0; j < C__N; j++)
			free(rows[i].v[j]);
	free(rows);
}

static int read_rows(const char *path, struct sink *s, struct row **out,
		     size_t *nout, struct lc_error *err)
{
	struct lc_csv *c = NULL;
	struct lc_strmap *seen = NULL;
	struct row *rows = NULL;
	size_t n = 0, cap = 0, nf;
	int colof[C__N];
	long line;
	int rc;

	rc = lc_csv_open(&c, path, NULL, LC_CSV_TRIM | LC_CSV_SKIP_BLANK,
			 err);
	if (rc < 0)
		return rc;
	rc = lc_csv_next(c, &nf, &line, err);
	if (rc == 0)
		rc = lc_error_set(err, LC_EDATA, path, 1, NULL,
				  "empty file: expected the header "
				  "id,name,affiliation,credit_codes,sectors,"
				  "email");
	if (rc < 0)
		goto out;
	for (int j = 0; j < C__N; j++)
		colof[j] = -1;
	for (size_t i = 0; i < nf && i < 64; i++) {
		const char *h = lc_csv_get(c, i);
		int j;

		for (j = 0; cols[j] && strcmp(cols[j], h) != 0; j++)
			;
		if (!cols[j])
			problem(s, line, h, "unknown column '%s'", h);
		else if (colof[j] >= 0)
			problem(s, line, h, "repeated column '%s'", h);
		else
			colof[j] = (int)i;
	}
	if (nf > 64)
		problem(s, line, NULL, "%s", "too many columns");
	for (int j = 0; j < C__N; j++)
		if (colof[j] < 0 && required[j])
			problem(s, line, cols[j], "missing column '%s'",
				cols[j]);
	if (s->n) {
		rc = LC_EDATA;
		goto out;
	}
	seen = lc_strmap_new();
	if (!seen)
		goto oom;
	for (;;) {
		struct row *r;
		char bad[64];

		rc = lc_csv_next(c, &nf, &line, err);
		if (rc != 1)
			break;
		r = lc_grow(rows, &cap, n, sizeof *rows);
		if (!r)
			goto oom;
		rows = r;
		r = &rows[n++];
		r->line = line;
		for (int j = 0; j < C__N; j++) {
			r->v[j] = strdup(colof[j] < 0 ? "" :
				 lc_csv_get(c, (size_t)colof[j]));
			if (!r->v[j])
				goto oom;
		}
		for (int j = 0; j < C__N; j++) {
			char why[160];

			if (required[j] && !*r->v[j])
				problem(s, line, cols[j], "%s is required",
					cols[j]);
			else if (lc_text_check(r->v[j], 0, 1024, why,
					       sizeof why) < 0)
				problem(s, line, cols[j], "%s", why);
		}
		if (*r->v[C_ID]) {
			if (strpbrk(r->v[C_ID], ": \t,;"))
				problem(s, line, "id", "id '%s' may not hold "
					"spaces, ':', ',' or ';'",
					r->v[C_ID]);
			else if (lc_strmap_get(seen, r->v[C_ID], 0))
				problem(s, line, "id", "expert '%s' appears "
					"twice in the file", r->v[C_ID]);
			else if (lc_strmap_put(seen, r->v[C_ID], line) < 0)
				goto oom;
		}
		if (*r->v[C_SECTORS] &&
		    lc_sector_mask(r->v[C_SECTORS], bad, sizeof bad) < 0)
			problem(s, line, "sectors", "unknown sector '%s' "
				"(steel, nonferrous, petrochemical, chemical,"
				" building-materials)", bad);
		check_codes(s, line, r->v[C_CODES]);
		if (*r->v[C_EMAIL] && !check_email(r->v[C_EMAIL]))
			problem(s, line, "email", "'%s' is not an e-mail "
				"address", r->v[C_EMAIL]);
	}
	if (rc < 0)
		goto out;
	rc = s->n ? LC_EDATA : 0;
	goto out;
oom:
	rc = lc_error_set(err, LC_ENOMEM, path, 0, NULL, "out of memory");
out:
	lc_strmap_free(seen);
	lc_csv_close(c);
	if (rc < 0) {
		rows_free(rows, n);
		return rc;
	}
	*out = rows;
	*nout = n;
	return 0;
}

int lc_experts_read(const char *path, lc_problem_fn fn, void *pctx,
		    struct lc_experts *out, struct lc_error *err)
{
	struct sink s = { fn, pctx, path, 0 };
	struct row *rows = NULL;
	size_t n = 0;
	int rc;

	out->v = NULL;
	out->n = 0;
	rc = read_rows(path, &s, &rows, &n, err);
	if (rc == LC_EDATA && s.n)
		return lc_error_set(err, LC_EDATA, path, 0, NULL,
				    "%ld problem(s): nothing imported", s.n);
	if (rc < 0)
		return rc;
	out->v = calloc(n ? n : 1, sizeof *out->v);
	if (!out->v) {
		rows_free(rows, n);
		return lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				    "out of memory");
	}
	/* the row's strings change hands: rows keeps none of them */
	for (size_t i = 0; i < n; i++) {
		struct lc_expert *e = &out->v[i];
		char **v = rows[i].v;
		char bad[64];
		long mask = lc_sector_mask(v[C_SECTORS], bad, sizeof bad);

		*e = (struct lc_expert){ v[C_ID], v[C_NAME], v[C_AFF],
			v[C_CODES], v[C_SECTORS], v[C_EMAIL],
			mask < 0 ? 0 : (unsigned)mask };
		for (int j = 0; j < C__N; j++)
			v[j] = NULL;
	}
	out->n = n;
	rows_free(rows, n);
	return 0;
}
