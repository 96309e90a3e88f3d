/* panel_status.c - the panel's scoring progress (lc_panel_status_get of
 * ranker/ranker.h) for people (two tables), spreadsheets (CSV) and tools
 * (JSON). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/exporters.h"

static void cells(FILE *fp, const char *id, const char *a, const char *b,
		  const char *c, const char *flag, const char *missing,
		  int dossier)
{
	lc_text_cell(fp, id, dossier ? 13 : 9, 0);
	lc_text_cell(fp, a, 9, 1);
	lc_text_cell(fp, b, 9, 1);
	lc_text_cell(fp, c, 8, 1);
	if (!*flag && !*missing) {
		putc('\n', fp);
		return;
	}
	putc(' ', fp);
	lc_text_cell(fp, flag, 7, 0);
	putc(' ', fp);
	fputs(missing, fp);
	putc('\n', fp);
}

static void row(FILE *fp, const struct lc_panel_status_row *r,
		int dossier)
{
	char a[32], b[32], c[32];

	snprintf(a, sizeof a, "%ld", r->assigned);
	snprintf(b, sizeof b, "%ld", r->complete);
	snprintf(c, sizeof c, "%ld", r->partial);
	cells(fp, r->id, a, b, c, dossier && r->too_few ? "too few" : "",
	      r->missing, dossier);
}

static void print_table(FILE *fp, const struct lc_criteria *crit,
			const struct lc_panel_status *s)
{
	fprintf(fp, "experts (%zu criteria per review):\n", crit->n);
	cells(fp, "EXPERT", "ASSIGNED", "SCORED", "PARTIAL", "", "MISSING", 0);
	for (size_t i = 0; i < s->nexperts; i++)
		row(fp, &s->experts[i], 0);
	fprintf(fp, "\ndossiers (%d complete review(s) needed to rank):\n",
	       s->min_scores);
	cells(fp, "ID", "REVIEWERS", "SCORED", "PARTIAL", "STATUS", "MISSING",
	      1);
	for (size_t i = 0; i < s->ndossiers; i++)
		row(fp, &s->dossiers[i], 1);
	fprintf(fp, "\n%ld of %zu dossier(s) have too few scores to rank",
	       s->too_few, s->ndossiers);
	if (s->too_few) {
		const char *sep = ": ";

		for (size_t i = 0; i < s->ndossiers; i++)
			if (s->dossiers[i].too_few) {
				fprintf(fp, "%s%s", sep, s->dossiers[i].id);
				sep = ", ";
			}
	}
	putc('\n', fp);
	if (s->unassigned) {
		const char *sep = ": ";

		fprintf(fp, "%ld review(s) scored by experts no longer "
			"assigned, not counted", s->unassigned);
		for (size_t i = 0; i < s->ndossiers; i++)
			if (*s->dossiers[i].unassigned) {
				fprintf(fp, "%s%s (%s)", sep,
					s->dossiers[i].id,
					s->dossiers[i].unassigned);
				sep = ", ";
			}
		putc('\n', fp);
	}
}

static const char *const csv_cols[] = {
	"kind", "id", "assigned", "complete", "partial", "too_few", "missing",
	"unassigned"
};

/* list with its commas as ';' (NULL on no memory) */
static char *semis(const char *list)
{
	char *m = strdup(list);

	for (char *p = m ? strchr(m, ',') : NULL; p; p = strchr(p, ','))
		*p = ';';
	return m;
}

/* One CSV row: the missing ids ';'-separated. */
static void csv_row(struct lc_rows *o, const struct lc_panel_status_row *r,
		    int dossier)
{
	char a[32], b[32], c[32], *miss = semis(r->missing);
	char *un = semis(r->unassigned);
	const char *v[8];

	snprintf(a, sizeof a, "%ld", r->assigned);
	snprintf(b, sizeof b, "%ld", r->complete);
	snprintf(c, sizeof c, "%ld", r->partial);
	v[0] = dossier ? "dossier" : "expert";
	v[1] = r->id;
	v[2] = a;
	v[3] = b;
	v[4] = c;
	v[5] = !dossier ? "" : r->too_few ? "1" : "0";
	v[6] = miss ? miss : r->missing;
	v[7] = un ? un : r->unassigned;
	lc_rows_row(o, v);
	free(miss);
	free(un);
}

static void print_csv(FILE *fp, const struct lc_panel_status *s)
{
	struct lc_rows o = { fp, LC_ROWS_CSV, 8, csv_cols, csv_cols,
				NULL, 0 };

	lc_rows_begin(&o);
	for (size_t i = 0; i < s->nexperts; i++)
		csv_row(&o, &s->experts[i], 0);
	for (size_t i = 0; i < s->ndossiers; i++)
		csv_row(&o, &s->dossiers[i], 1);
	lc_rows_end(&o);
}

/* A JSON array of the comma-separated ids in list. */
static void json_ids(FILE *fp, const char *list)
{
	const char *p = list;

	putc('[', fp);
	while (*p) {
		size_t n = strcspn(p, ",");
		char id[256];

		snprintf(id, sizeof id, "%.*s", (int)n, p);
		if (p != list)
			fputs(", ", fp);
		lc_json_string(fp, id);
		p += n;
		if (*p == ',')
			p++;
	}
	putc(']', fp);
}

static void json_rows(FILE *fp, const char *name, const struct lc_panel_status_row *r,
		      size_t n, int dossier)
{
	fprintf(fp, "  \"%s\": [", name);
	for (size_t i = 0; i < n; i++) {
		fprintf(fp, "%s\n    {\"id\": ", i ? "," : "");
		lc_json_string(fp, r[i].id);
		fprintf(fp, ", \"assigned\": %ld, \"complete\": %ld, "
		       "\"partial\": %ld, ", r[i].assigned, r[i].complete,
		       r[i].partial);
		if (dossier)
			fprintf(fp, "\"too_few\": %s, ",
			       r[i].too_few ? "true" : "false");
		fputs("\"missing\": ", fp);
		json_ids(fp, r[i].missing);
		fputs(", \"unassigned\": ", fp);
		json_ids(fp, r[i].unassigned);
		putc('}', fp);
	}
	fputs(n ? "\n  ]" : "]", fp);
}

static void print_json(FILE *fp, const struct lc_criteria *crit,
		       const struct lc_panel_status *s)
{
	const char *sep = "";

	fprintf(fp, "{\n  \"criteria\": %zu,\n  \"min_scores\": %d,\n",
	       crit->n, s->min_scores);
	json_rows(fp, "experts", s->experts, s->nexperts, 0);
	fputs(",\n", fp);
	json_rows(fp, "dossiers", s->dossiers, s->ndossiers, 1);
	fputs(",\n  \"too_few\": [", fp);
	for (size_t i = 0; i < s->ndossiers; i++)
		if (s->dossiers[i].too_few) {
			fputs(sep, fp);
			lc_json_string(fp, s->dossiers[i].id);
			sep = ", ";
		}
	fprintf(fp, "],\n  \"unassigned\": %ld\n}\n", s->unassigned);
}

void lc_panel_status_write(FILE *fp, const struct lc_criteria *crit,
			   const struct lc_panel_status *s, int fmt)
{
	if (fmt == LC_ROWS_CSV)
		print_csv(fp, s);
	else if (fmt == LC_ROWS_JSON)
		print_json(fp, crit, s);
	else
		print_table(fp, crit, s);
}
