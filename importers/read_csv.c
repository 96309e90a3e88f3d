/* read_csv.c - the CSV submission layout: a header row with exactly the
 * published column names (lc_field_name), in any order, then one row per
 * technology; `demonstrations` is a count, projects are XML-only. */
#include <stdlib.h>
#include <string.h>
#include "importers/internal.h"

/* Maps the header's columns to fields (col_field[i], -1 never: unknown
 * columns are errors). Reports every header problem; returns their count. */
static int map_header(struct imp_sink *s, char **names, long *lines,
		      size_t n, int *col_field)
{
	int seen[LC_F__COUNT];
	int bad = 0, f;
	size_t i;
	for (f = 0; f < LC_F__COUNT; f++)
		seen[f] = -1;
	for (i = 0; i < n; i++) {
		char *name = imp_trim(names[i]);
		f = lc_field_lookup(name);
		col_field[i] = f;
		if (f < 0) {
			imp_problem(s, lines[i], name, "unknown column '%s'",
				    name);
			bad++;
		} else if (seen[f] >= 0) {
			imp_problem(s, lines[i], name, "column '%s' appears "
				    "twice (columns %d and %zu)", name,
				    seen[f] + 1, i + 1);
			bad++;
		} else {
			seen[f] = (int)i;
		}
	}
	for (f = 0; f < LC_F__COUNT; f++) {
		if (lc_field_required(f) && seen[f] < 0) {
			imp_problem(s, lines[0], lc_field_name(f),
				    "required column '%s' is missing",
				    lc_field_name(f));
			bad++;
		}
	}
	return bad;
}

int imp_read_csv(const char *path, const struct lc_import_opts *o,
		 struct imp_sink *s, imp_emit_fn emit, void *ctx,
		 struct lc_error *err)
{
	struct imp_input *in = NULL;
	struct imp_csv *csv = NULL;
	struct imp_raw raw;
	char **fields;
	long *flines, line;
	size_t nf, ncols = 0, i;
	int *col_field = NULL;
	int rc;

	imp_raw_init(&raw);
	rc = imp_input_open(&in, path, o ? o->encoding : NULL, err);
	if (rc)
		return rc;
	s->size = imp_input_size(in);
	if (imp_csv_open(&csv, in)) {
		rc = lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				  "out of memory");
		goto out;
	}
	rc = imp_csv_next(csv, &fields, &flines, &nf, &line, err);
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
	if (map_header(s, fields, flines, nf, col_field) > 0) {
		rc = lc_error_set(err, LC_EDATA, path, line, NULL,
				  "bad header row");
		goto out;
	}
	for (;;) {
		int blank = 1;
		rc = imp_csv_next(csv, &fields, &flines, &nf, &line, err);
		if (rc == 0)
			break;
		if (rc < 0)
			goto fail;
		s->pos = imp_input_pos(in);
		for (i = 0; i < nf; i++)
			if (fields[i][0])
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
				if (!fields[i][0])
					continue;
				if (imp_raw_set(&raw, col_field[i],
						fields[i], -1, flines[i])) {
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
	imp_csv_close(csv);
	imp_input_close(in);
	return rc;
}
