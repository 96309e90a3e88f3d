/* cmd-panel.c - `lowcarb panel status`: scoring progress per expert and
 * per dossier, and the dossiers with too few scores to rank. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "ranker/ranker.h"
#include "exporters/exporters.h"

static void cells(const char *id, const char *a, const char *b,
		  const char *c, const char *flag, const char *missing,
		  int dossier)
{
	lc_text_cell(stdout, id, dossier ? 13 : 9, 0);
	lc_text_cell(stdout, a, 9, 1);
	lc_text_cell(stdout, b, 9, 1);
	lc_text_cell(stdout, c, 8, 1);
	if (!*flag && !*missing) {
		putchar('\n');
		return;
	}
	putchar(' ');
	lc_text_cell(stdout, flag, 7, 0);
	putchar(' ');
	fputs(missing, stdout);
	putchar('\n');
}

static void row(const struct lc_panel_status_row *r, int dossier)
{
	char a[32], b[32], c[32];

	snprintf(a, sizeof a, "%ld", r->assigned);
	snprintf(b, sizeof b, "%ld", r->complete);
	snprintf(c, sizeof c, "%ld", r->partial);
	cells(r->id, a, b, c, dossier && r->too_few ? "too few" : "",
	      r->missing, dossier);
}

static void print_table(const struct lc_criteria *crit,
			const struct lc_panel_status *s)
{
	printf("experts (%zu criteria per review):\n", crit->n);
	cells("EXPERT", "ASSIGNED", "SCORED", "PARTIAL", "", "MISSING", 0);
	for (size_t i = 0; i < s->nexperts; i++)
		row(&s->experts[i], 0);
	printf("\ndossiers (%d complete review(s) needed to rank):\n",
	       s->min_scores);
	cells("ID", "REVIEWERS", "SCORED", "PARTIAL", "", "MISSING", 1);
	for (size_t i = 0; i < s->ndossiers; i++)
		row(&s->dossiers[i], 1);
	printf("\n%ld of %zu dossier(s) have too few scores to rank",
	       s->too_few, s->ndossiers);
	if (s->too_few) {
		const char *sep = ": ";

		for (size_t i = 0; i < s->ndossiers; i++)
			if (s->dossiers[i].too_few) {
				printf("%s%s", sep, s->dossiers[i].id);
				sep = ", ";
			}
	}
	putchar('\n');
}

static const char *const csv_cols[] = {
	"kind", "id", "assigned", "complete", "partial", "too_few", "missing"
};

/* One CSV row: the missing ids ';'-separated. */
static void csv_row(struct lc_rows *o, const struct lc_panel_status_row *r,
		    int dossier)
{
	char a[32], b[32], c[32], *miss = strdup(r->missing);
	const char *v[7];

	snprintf(a, sizeof a, "%ld", r->assigned);
	snprintf(b, sizeof b, "%ld", r->complete);
	snprintf(c, sizeof c, "%ld", r->partial);
	for (char *p = miss ? strchr(miss, ',') : NULL; p; p = strchr(p, ','))
		*p = ';';
	v[0] = dossier ? "dossier" : "expert";
	v[1] = r->id;
	v[2] = a;
	v[3] = b;
	v[4] = c;
	v[5] = !dossier ? "" : r->too_few ? "1" : "0";
	v[6] = miss ? miss : r->missing;
	lc_rows_row(o, v);
	free(miss);
}

static void print_csv(const struct lc_panel_status *s)
{
	struct lc_rows o = { stdout, LC_ROWS_CSV, 7, csv_cols, csv_cols,
				NULL, 0 };

	lc_rows_begin(&o);
	for (size_t i = 0; i < s->nexperts; i++)
		csv_row(&o, &s->experts[i], 0);
	for (size_t i = 0; i < s->ndossiers; i++)
		csv_row(&o, &s->dossiers[i], 1);
	lc_rows_end(&o);
}

/* A JSON array of the comma-separated ids in list. */
static void json_ids(const char *list)
{
	const char *p = list;

	putchar('[');
	while (*p) {
		size_t n = strcspn(p, ",");
		char id[256];

		snprintf(id, sizeof id, "%.*s", (int)n, p);
		if (p != list)
			fputs(", ", stdout);
		lc_json_string(stdout, id);
		p += n;
		if (*p == ',')
			p++;
	}
	putchar(']');
}

static void json_rows(const char *name, const struct lc_panel_status_row *r,
		      size_t n, int dossier)
{
	printf("  \"%s\": [", name);
	for (size_t i = 0; i < n; i++) {
		printf("%s\n    {\"id\": ", i ? "," : "");
		lc_json_string(stdout, r[i].id);
		printf(", \"assigned\": %ld, \"complete\": %ld, "
		       "\"partial\": %ld, ", r[i].assigned, r[i].complete,
		       r[i].partial);
		if (dossier)
			printf("\"too_few\": %s, ",
			       r[i].too_few ? "true" : "false");
		fputs("\"missing\": ", stdout);
		json_ids(r[i].missing);
		putchar('}');
	}
	fputs(n ? "\n  ]" : "]", stdout);
}

static void print_json(const struct lc_criteria *crit,
		       const struct lc_panel_status *s)
{
	const char *sep = "";

	printf("{\n  \"criteria\": %zu,\n  \"min_scores\": %d,\n",
	       crit->n, s->min_scores);
	json_rows("experts", s->experts, s->nexperts, 0);
	fputs(",\n", stdout);
	json_rows("dossiers", s->dossiers, s->ndossiers, 1);
	fputs(",\n  \"too_few\": [", stdout);
	for (size_t i = 0; i < s->ndossiers; i++)
		if (s->dossiers[i].too_few) {
			fputs(sep, stdout);
			lc_json_string(stdout, s->dossiers[i].id);
			sep = ", ";
		}
	fputs("]\n}\n", stdout);
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "edition", required_argument, NULL, 'e' },
		{ "profile", required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	struct lc_criteria crit;
	struct lc_panel_status s;
	const char *v[3] = { NULL, "top20", "table" };
	int first, rc, fmt = LC_ROWS_TABLE;

	rc = cli_subcommand("panel", "status", &argc, &argv);
	if (rc == 0)
		rc = cli_options("panel", argc, argv, "", opts, v, 0, &first);
	if (rc == 0)
		rc = cli_format("panel", v[2], "table,csv,json",
				"table, csv or json", &fmt);
	if (rc)
		return rc;
	rc = lc_criteria_load(v[1], &crit, &err);
	if (rc < 0)
		return cli_fail(&err);
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc)
		return rc;
	rc = lc_panel_status_get(cat, &crit, v[0], &s, &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	if (fmt == LC_ROWS_CSV)
		print_csv(&s);
	else if (fmt == LC_ROWS_JSON)
		print_json(&crit, &s);
	else
		print_table(&crit, &s);
	lc_panel_status_release(&s);
	return 0;
}

const struct cli_cmd cli_cmd_panel = {
	"panel", "show the panel's scoring progress",
	"usage: lowcarb panel status [--edition Y] [--profile NAME]\n"
	"                            [--format table|csv|json]\n"
	"\n"
	"Per expert: dossiers assigned, reviews scored on every criterion,\n"
	"reviews partly scored, and the dossiers still missing a complete\n"
	"review. Per dossier: reviewers assigned, complete and partial\n"
	"reviews, the experts still missing, and 'too few' when it has fewer\n"
	"complete reviews than the profile's minimum (default profile top20)\n"
	"and so cannot be ranked on panel scores. A summary line lists those\n"
	"dossiers.\n"
	"\n"
	"--format table (default) prints the two tables above. csv prints\n"
	"one row per expert, then one per dossier, with the header\n"
	"  kind,id,assigned,complete,partial,too_few,missing\n"
	"kind: expert or dossier; assigned: dossiers assigned to the expert,\n"
	"or reviewers assigned to the dossier; complete, partial: reviews\n"
	"scored on every criterion, on some; too_few: 1 or 0 (dossiers\n"
	"only, empty for experts); missing: the dossier ids (for an expert)\n"
	"or expert ids (for a dossier) still missing a complete review,\n"
	"';'-separated. json prints one object: criteria (criteria per\n"
	"review), min_scores (complete reviews needed to rank), experts and\n"
	"dossiers (arrays of objects with the keys id, assigned, complete,\n"
	"partial as numbers, missing as an array of ids, and on dossiers\n"
	"too_few as a boolean) and too_few (the ids of the dossiers that\n"
	"cannot be ranked).\n",
	run
};
