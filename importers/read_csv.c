/* read_csv.c - the CSV submission layout: a header row with exactly the
 * published column names (lc_field_name), in any order, then one row per
 * technology; `demonstrations` is a count, projects are XML-only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "importers/internal.h"

/* Maps the header's columns to fields (col_field[i], -1 never: unknown
 * columns are errors). Reports every header problem; returns their count. */
static int map_header(struct imp_sink *s, const struct lc_csv *csv,
		      size_t n, int *col_field)
{
	int seen[LC_F__COUNT];
	int bad = 0, f;
	size_t i;
	for (f = 0; f < LC_F__COUNT; f++)
		seen[f] = -1;
	for (i = 0; i < n; i++) {
		char buf[256];
		const char *name;
		long line = lc_csv_get_line(csv, i);

		snprintf(buf, sizeof buf, "%s", lc_csv_get(csv, i));
		name = imp_trim(buf);
		f = lc_field_lookup(name);
		col_field[i] = f;
		if (f < 0) {
			imp_problem(s, line, name, "unknown column '%s'",
				    name);
			bad++;
		} else if (seen[f] >= 0) {
			imp_problem(s, line, name, "column '%s' appears "
				    "twice (columns %d and %zu)", name,
				    seen[f] + 1, i + 1);
			bad++;
		} else {
			seen[f] = (int)i;
		}
	}
	for (f = 0; f < LC_F__COUNT; f++) {
		if (lc_field_required(f) && seen[f] < 0) {
			imp_problem(s, lc_csv_get_line(csv, 0), lc_field_name(f),
				    "required column '%s' is missing",
				    lc_field_name(f));
			bad++;
		}
	}
	return bad;
}

int imp_csv_blank(const struct lc_csv *csv, size_t nf)
{
	for (size_t i = 0; i < nf; i++)
		if (lc_csv_get(csv, i)[strspn(lc_csv_get(csv, i), " \t")])
			return 0;
	return 1;
}

int imp_csv_unread(struct lc_csv *csv, struct imp_raw *raw,
		   imp_emit_fn emit, void *ctx)
{
	struct lc_error e;
	size_t nf;
	long line;
	int rc;

	while (lc_csv_next(csv, &nf, &line, &e) == 1) {
		if (imp_csv_blank(csv, nf))
			continue;
		imp_raw_clear(raw);
		raw->line0 = line;
		raw->broken = 1;
		raw->problems = 1;
		rc = emit(raw, ctx);
		if (rc)
			return rc;
	}
	return 0;
}

int imp_read_csv(const char *path, const struct lc_import_opts *o,
		 struct imp_sink *s, imp_emit_fn emit, void *ctx,
		 struct lc_error *err)
{
	struct lc_csv *csv = NULL;
	struct imp_raw raw;
	long line;
	size_t nf, ncols = 0, i;
	int *col_field = NULL;
	int rc;

	imp_raw_init(&raw);
	rc = lc_csv_open(&csv, path, o ? o->encoding : NULL, 0, err);
	if (rc)
		return rc;
	s->size = lc_csv_size(csv);
	/* blank lines before the header are not a header */
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
	ncols = nf;
	col_field = malloc(ncols * sizeof *col_field);
	if (!col_field) {
		rc = lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				  "out of memory");
		goto out;
	}
	if (map_header(s, csv, nf, col_field) > 0) {
		rc = imp_csv_unread(csv, &raw, emit, ctx);
		if (rc == 0)
			rc = lc_error_set(err, LC_EDATA, path, line, NULL,
					  "bad header row");
		goto out;
	}
	for (;;) {
		int blank = 1;

		rc = lc_csv_next(csv, &nf, &line, err);
		if (rc == 0)
			break;
		if (rc < 0)
			goto fail;
		s->pos = lc_csv_pos(csv);
		for (i = 0; i < nf; i++)
			if (lc_csv_get(csv, i)[0])
				blank = 0;
		if (blank)
			continue;
		imp_raw_clear(&raw);
		raw.line0 = line;
		if (nf != ncols) {
			imp_problem(s, line, NULL, "row has %zu fields, the "
				    "header has %zu", nf, ncols);
			raw.broken = 1;
			raw.problems = 1;
		} else {
			for (i = 0; i < nf; i++) {
				const char *v = lc_csv_get(csv, i);

				if (!v[0])
					continue;
				if (imp_raw_set(&raw, col_field[i], v, -1,
						lc_csv_get_line(csv, i))) {
					rc = lc_error_set(err, LC_ENOMEM,
							  path, line, NULL,
							  "out of memory");
					goto out;
				}
			}
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
	imp_raw_clear(&raw);
	free(col_field);
	lc_csv_close(csv);
	return rc;
}
