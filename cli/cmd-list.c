/* cmd-list.c - `lowcarb list`: dossiers filtered and sorted, as an
 * 80-column table, CSV (re-importable) or JSON. */
#include <getopt.h>
#include <string.h>
#include "cli/cli.h"
#include "exporters/exporters.h"

enum { FMT_TABLE, FMT_CSV, FMT_JSON };

struct out {
	int format;
	long n;
};

/* Written before the first row, or at the end when there is none, so that
 * a bad --sort or --match prints nothing but its error. */
static void header(struct out *o)
{
	if (o->format == FMT_CSV)
		lc_tech_csv_header(stdout);
	else if (o->format == FMT_JSON)
		fputs("[", stdout);
	else
		printf("%-13s  %-18s  %5s  %-9s  %s\n", "ID", "SECTOR", "TRL",
		       "STATUS", "NAME");
}

static int print_one(const struct lc_tech *t, void *vo)
{
	struct out *o = vo;
	const char *name;
	char trl[16];

	if (o->n == 0)
		header(o);
	switch (o->format) {
	case FMT_CSV:
		lc_tech_csv_row(stdout, t, 0);
		break;
	case FMT_JSON:
		fputs(o->n ? ",\n" : "\n", stdout);
		lc_tech_json(stdout, t, 0);
		break;
	default:
		name = lc_tech_get(t, LC_F_NAME_ZH);
		if (!name)
			name = lc_tech_get(t, LC_F_NAME_EN);
		/* 13: the ids a mapping profile generates, 2024-ST-12345 */
		lc_text_cell(stdout, lc_tech_get(t, LC_F_ID), 13, 0);
		fputs("  ", stdout);
		lc_text_cell(stdout, lc_tech_get(t, LC_F_SECTOR), 18, 0);
		fputs("  ", stdout);
		/* as the source gave it: "4-5", "10" on the IEA's scale */
		lc_text_cell(stdout, lc_tech_trl_text(t, trl, sizeof trl), 5,
			     1);
		fputs("  ", stdout);
		lc_text_cell(stdout, lc_status_name(lc_tech_status(t)), 9, 0);
		fputs("  ", stdout);
		/* The last column is cut, never padded. */
		lc_text_cell(stdout, name, lc_text_width(name ? name : "") < 27 ?
			     lc_text_width(name ? name : "") : 27, 0);
		fputs("\n", stdout);
	}
	o->n++;
	return 0;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_FILTER_OPTIONS,
		{ "format", required_argument, NULL, 'f' },
		{ "explain", no_argument, NULL, 'E' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_error err = { 0 };
	struct lc_filter f;
	struct out o = { FMT_TABLE, 0 };
	struct lc_catalog *cat;
	int c, rc, explain = 0;

	lc_filter_init(&f);
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		rc = cli_filter_opt("list", c, optarg, &f);
		if (rc == 2)
			return 2;
		if (rc == 1)
			continue;
		if (c == 'E') {
			explain = 1;
		} else if (c == 'f' && strcmp(optarg, "table") == 0) {
			o.format = FMT_TABLE;
		} else if (c == 'f' && strcmp(optarg, "csv") == 0) {
			o.format = FMT_CSV;
		} else if (c == 'f' && strcmp(optarg, "json") == 0) {
			o.format = FMT_JSON;
		} else if (c == 'f') {
			return cli_usage("list", "unknown format '%s' "
					 "(table, csv or json)", optarg);
		} else {
			return cli_usage("list", "bad option");
		}
	}
	if (optind < argc)
		return cli_usage("list", "unexpected argument '%s'",
				 argv[optind]);
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc)
		return rc;
	if (explain) {
		char hint[4096];

		rc = lc_catalog_query_hint(cat, &f, hint, sizeof hint, &err);
		if (rc == 0)
			fputs(hint, stdout);
		lc_catalog_close(cat);
		return rc < 0 ? cli_fail(&err) : 0;
	}
	rc = lc_catalog_each_tech(cat, &f, print_one, &o, &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	if (o.n == 0)
		header(&o);
	if (o.format == FMT_JSON)
		fputs(o.n ? "\n]\n" : "]\n", stdout);
	return 0;
}

const struct cli_cmd cli_cmd_list = {
	"list", N_("list dossiers, filtered and sorted"),
	N_("usage: lowcarb list [OPTIONS]\n"
	"\n"
	"Lists the catalog's dossiers.\n"
	"  --edition YEAR       only this edition\n"
	"  --sector S           steel, nonferrous, petrochemical, chemical,\n"
	"                       building-materials\n"
	"  --category C         process, energy-efficiency, fuel-switch,\n"
	"                       feedstock-substitution, hydrogen-metallurgy,\n"
	"                       electrification, waste-heat, ccus, circular,\n"
	"                       digital\n"
	"  --min-trl N, --max-trl N   TRL bounds (1-9)\n"
	"  --status S           submitted, eligible, rejected, selected\n"
	"  --match REGEX        PCRE2 (UTF-8) over name_zh, name_en, summary;\n"
	"                       case-sensitive unless it starts with (?i)\n"
	"  --sort FIELD         any column name; -FIELD for descending\n"
	"                       (default id)\n"
	"  --format F           table (80 columns), csv (the import layout,\n"
	"                       quantities in base units: it re-imports),\n"
	"                       json (the same names as keys)\n"
	"  --explain            print the index plan of the query instead\n"),
	run, NULL
};
