/* rows.c - listings of records for people and tools: one row writer for
 * an 80-column table, CSV (formula injection neutralised) and JSON. */
#include <stdio.h>
#include "exporters/exporters.h"

static void out_cells(struct lc_rows *o, const char *const *v)
{
	for (size_t j = 0; j < o->ncol; j++) {
		if (j)
			putc(' ', o->fp);
		if (j + 1 < o->ncol)
			lc_text_cell(o->fp, v[j] ? v[j] : "",
				     (size_t)o->width[j], 0);
		else
			fputs(v[j] ? v[j] : "", o->fp);
	}
	putc('\n', o->fp);
}

void lc_rows_begin(struct lc_rows *o)
{
	o->rows = 0;
	if (o->fmt == LC_ROWS_CSV) {
		for (size_t j = 0; j < o->ncol; j++) {
			if (j)
				putc(',', o->fp);
			fputs(o->names[j], o->fp);
		}
		putc('\n', o->fp);
	} else if (o->fmt == LC_ROWS_JSON) {
		putc('[', o->fp);
	} else {
		out_cells(o, o->heads);
	}
}

void lc_rows_row(struct lc_rows *o, const char *const *v)
{
	if (o->fmt == LC_ROWS_CSV) {
		for (size_t j = 0; j < o->ncol; j++) {
			if (j)
				putc(',', o->fp);
			lc_csv_field(o->fp, v[j] ? v[j] : "", 1);
		}
		putc('\n', o->fp);
	} else if (o->fmt == LC_ROWS_JSON) {
		fputs(o->rows ? ",\n  {" : "\n  {", o->fp);
		for (size_t j = 0; j < o->ncol; j++) {
			fprintf(o->fp, "%s\"%s\": ", j ? ", " : "",
				o->names[j]);
			lc_json_string(o->fp, v[j] ? v[j] : "");
		}
		putc('}', o->fp);
	} else {
		out_cells(o, v);
	}
	o->rows++;
}

void lc_rows_end(struct lc_rows *o)
{
	if (o->fmt == LC_ROWS_JSON)
		fputs(o->rows ? "\n]\n" : "]\n", o->fp);
}

struct kind_ctx {
	struct lc_rows *o;
	const char *const *from;
};

static int kind_row(const char *key, const struct lc_rec *r, void *vc)
{
	struct kind_ctx *k = vc;
	const char *v[16];

	(void)key;
	for (size_t j = 0; j < k->o->ncol && j < 16; j++)
		v[j] = lc_rec_get(r, k->from[j]);
	lc_rows_row(k->o, v);
	return 0;
}

int lc_rows_kind(struct lc_catalog *cat, const char *kind,
		    const char *const *from, struct lc_rows *o,
		    struct lc_error *err)
{
	struct kind_ctx k = { o, from };
	int rc;

	lc_rows_begin(o);
	rc = lc_catalog_rec_each(cat, kind, NULL, NULL, kind_row, &k, err);
	lc_rows_end(o);
	return rc;
}
