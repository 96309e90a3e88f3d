/* cmd-experts.c - `lowcarb experts import FILE` and `lowcarb experts list`:
 * the evaluation panel's experts, kept in the catalog. */
#include <getopt.h>
#include <string.h>
#include "cli/cli.h"
#include "exporters/exporters.h"
#include "ranker/panel.h"

static void print_problem(const struct lc_error *e, void *ctx)
{
	char buf[1024];

	(void)ctx;
	fprintf(stderr, "lowcarb: %s\n", lc_error_format(e, buf, sizeof buf));
}

static int do_import(int argc, char **argv)
{
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	struct lc_pnl_import_sum sum;
	int rc;

	if (argc != 2)
		return cli_usage("experts", "import takes one FILE");
	rc = cli_open(&cat, LC_OPEN_CREATE);
	if (rc)
		return rc;
	rc = lc_pnl_experts_import(cat, argv[1], print_problem, NULL, &sum,
				   &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	printf("experts: %ld read, %ld added, %ld updated, %ld unchanged\n",
	       sum.read, sum.added, sum.updated, sum.unchanged);
	printf("conflicts found automatically: %ld new, %ld no longer "
	       "apply\n", sum.conflicts_added, sum.conflicts_removed);
	return 0;
}

static const char *const cols[] = {
	"id", "name", "affiliation", "credit_codes", "sectors", "email"
};

static int do_list(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	struct lc_pnl_experts x;
	const char *fmt = "table";
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'f')
			return cli_usage("experts", "bad option");
		fmt = optarg;
	}
	if (strcmp(fmt, "table") && strcmp(fmt, "csv") && strcmp(fmt, "json"))
		return cli_usage("experts", "unknown format '%s' (table, csv "
				 "or json)", fmt);
	if (optind != argc)
		return cli_usage("experts", "list takes no argument");
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc)
		return rc;
	rc = lc_pnl_experts_load(cat, &x, &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	if (!strcmp(fmt, "csv"))
		puts("id,name,affiliation,credit_codes,sectors,email");
	else if (!strcmp(fmt, "json"))
		fputs("[", stdout);
	else {
		lc_text_cell(stdout, "ID", 8, 0);
		lc_text_cell(stdout, " NAME", 12, 0);
		lc_text_cell(stdout, " AFFILIATION", 36, 0);
		puts(" SECTORS");
	}
	for (size_t i = 0; i < x.n; i++) {
		const struct lc_pnl_expert *e = &x.v[i];
		const char *v[6] = { e->id, e->name, e->affiliation,
				     e->credit_codes, e->sectors, e->email };

		if (!strcmp(fmt, "csv")) {
			for (int j = 0; j < 6; j++) {
				if (j)
					putchar(',');
				lc_csv_field(stdout, v[j], 1);
			}
			putchar('\n');
		} else if (!strcmp(fmt, "json")) {
			printf("%s\n  {", i ? "," : "");
			for (int j = 0; j < 6; j++) {
				printf("%s\"%s\": ", j ? ", " : "", cols[j]);
				lc_json_string(stdout, v[j]);
			}
			putchar('}');
		} else {
			lc_text_cell(stdout, e->id, 8, 0);
			putchar(' ');
			lc_text_cell(stdout, e->name, 11, 0);
			putchar(' ');
			lc_text_cell(stdout, e->affiliation, 35, 0);
			putchar(' ');
			lc_text_cell(stdout, e->sectors, 23, 0);
			putchar('\n');
		}
	}
	if (!strcmp(fmt, "json"))
		puts(x.n ? "\n]" : "]");
	lc_pnl_experts_release(&x);
	return 0;
}

static int run(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("experts", "missing subcommand (import or "
				 "list)");
	if (!strcmp(argv[1], "import"))
		return do_import(argc - 1, argv + 1);
	if (!strcmp(argv[1], "list"))
		return do_list(argc - 1, argv + 1);
	return cli_usage("experts", "unknown subcommand '%s'", argv[1]);
}

const struct cli_cmd cli_cmd_experts = {
	"experts", "import and list the evaluation panel's experts",
	"usage: lowcarb experts import FILE\n"
	"       lowcarb experts list [--format table|csv|json]\n"
	"\n"
	"import reads a CSV file with the header\n"
	"  id,name,affiliation,credit_codes,sectors,email\n"
	"(columns in any order; credit_codes and sectors are ';'-separated\n"
	"lists; sectors: steel, nonferrous, petrochemical, chemical,\n"
	"building-materials). Every problem is reported as file:line: field:\n"
	"message and nothing is stored when there is one. Re-importing an\n"
	"expert updates it. Conflicts of interest with the dossiers are\n"
	"then recomputed (see 'lowcarb help conflicts').\n"
	"\n"
	"list prints the experts by id: --format table (default), csv (the\n"
	"import header, re-importable) or json (an array of objects).\n",
	run
};
