/* cmd-validate.c - `lowcarb validate FILE...`: checks submission files
 * (XML or CSV) against the schema and the field rules without touching any
 * catalog; every problem is printed, not just the first. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "importers/importers.h"
#include "ranker/ranker.h"

static void problem(const struct lc_error *e, void *ctx)
{
	(void)ctx;
	cli_fail(e);
}

static void warning(const struct lc_error *e, void *ctx)
{
	char buf[1024];
	(void)ctx;
	fprintf(stderr, _("lowcarb: warning: %s\n"),
		lc_error_format(e, buf, sizeof buf));
}

/* The cost check's warning, printed like the others. */
static const struct lc_assumptions *assume;

static int check(const struct lc_tech *t, const char *file, long line,
		 void *ctx)
{
	struct lc_error e = { 0 };

	if (!cli_cost_warning(t, file, line, assume, &e))
		return 0;
	warning(&e, ctx);
	return 1;
}

static void skipped(const char *file, long line, const char *reason,
		    void *ctx)
{
	(void)file;
	(void)line;
	cli_skips_add(ctx, reason);
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "profile", required_argument, NULL, 'p' },
		{ "edition", required_argument, NULL, 'E' },
		{ "assumptions", required_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static struct cli_skips skips;
	struct lc_import_opts o;
	struct lc_import_report rep = { problem, warning, NULL, NULL,
					&skips, skipped, NULL, check };
	struct lc_import_summary sum;
	struct lc_error err = { 0 };
	struct lc_mapping *map = NULL;
	const char *profile = NULL, *apath = NULL;
	struct lc_assumptions *a = NULL;
	int c, rc;

	lc_import_opts_init(&o);
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "xml") == 0)
				o.format = LC_FMT_XML;
			else if (strcmp(optarg, "csv") == 0)
				o.format = LC_FMT_CSV;
			else if (strcmp(optarg, "xlsx") == 0)
				o.format = LC_FMT_XLSX;
			else
				return cli_usage("validate", "unknown format "
						 "'%s' (xml, csv or xlsx)", optarg);
			break;
		case 'e':
			o.encoding = optarg;
			break;
		case 'p':
			profile = optarg;
			break;
		case 'E':
			o.edition = optarg;
			break;
		case 'A':
			apath = optarg;
			break;
		case 'h':
			fputs(cli_cmd_validate.help, stdout);
			return 0;
		default:
			return cli_usage("validate", "bad option");
		}
	}
	if (optind >= argc)
		return cli_usage("validate", "no FILE given");
	rc = cli_assumptions(apath, &a);
	if (rc)
		return rc;
	assume = a;
	rc = cli_mapping("validate", profile, o.edition, &map);
	if (rc) {
		lc_assumptions_free(a);
		return rc;
	}
	o.mapping = map;
	rc = lc_import_validate(argv + optind, (size_t)(argc - optind), &o,
				&rep, &sum, &err);
	lc_mapping_free(map);
	lc_assumptions_free(a);
	if (rc && rc != LC_EDATA)
		return cli_fail(&err);
	cli_skips_print(&skips);
	printf(ngettext("%ld dossier read", "%ld dossiers read",
			(unsigned long)sum.read), sum.read);
	printf(_(", %ld valid, %ld rejected"), sum.read - sum.rejected,
	       sum.rejected);
	printf(ngettext(", %ld problem", ", %ld problems",
			(unsigned long)sum.problems), sum.problems);
	if (map)
		printf(_(", %ld skipped"), sum.skipped);
	putchar('\n');
	return rc ? 1 : 0;
}

const struct cli_cmd cli_cmd_validate = {
	"validate", N_("check submission files without importing them"),
	N_("usage: lowcarb validate [--format xml|csv|xlsx] [--encoding gb18030]\n"
	"                        [--profile NAME|FILE [--edition YEAR]]\n"
	"                        [--assumptions FILE] FILE...\n"
	"\n"
	"Checks technology submissions (XML, schema/submission.xsd, or CSV\n"
	"with the published header) against the schema and the field rules\n"
	"in rules/fields.rules. No catalog is opened. Every problem is\n"
	"printed on stderr as `lowcarb: file:line: field: message`, then a\n"
	"summary line on stdout. Exit status 1 when any problem was found.\n"
	"\n"
	"  --format xml|csv|xlsx the files' format (default: from the content)\n"
	"  --encoding gb18030   CSV files are GB18030/GBK (default: UTF-8,\n"
	"                       or GB18030 when the bytes are not UTF-8)\n"
	"  --profile NAME|FILE  a foreign catalog's CSV or .xlsx (its first\n"
	"                       sheet) read through this mapping profile\n"
	"                       (see `lowcarb help profile`);\n"
	"                       the summary then counts the rows skipped\n"
	"  --edition YEAR       with --profile: the edition of the rows\n"
	"  --assumptions FILE   published assumptions of the cost check\n"
	"                       (default data/assumptions/default.xml)\n"
	"\n"
	"The cost check: where a dossier states abatement_cost and gives\n"
	"investment, lifetime and abatement, the cost computed from them\n"
	"(see `lowcarb help costs`) is compared with the stated one; a\n"
	"warning `file:line: abatement_cost: stated X differs from computed\n"
	"Y (...)` names both and the inputs when they differ by more than\n"
	"the assumptions' tolerance (25 %) or in sign. Warnings do not\n"
	"change the exit status.\n"),
	run, NULL
};
