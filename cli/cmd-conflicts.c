/* cmd-conflicts.c - `lowcarb conflicts add|list`: conflicts of interest
 * between experts and dossiers, automatic and declared. */
#include <getopt.h>
#include <string.h>
#include "cli/cli.h"
#include "ranker/panel.h"

static int do_add(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	const char *reason = NULL;
	int c, rc;

	optind = 0;
	for (;;) {
		c = getopt_long(argc, argv, "", opts, NULL);
		if (c == -1)
			break;
		if (c != 'r')
			return cli_usage("conflicts", "bad option");
		reason = optarg;
	}
	if (argc - optind != 2)
		return cli_usage("conflicts", "add takes EXPERT ID");
	if (!reason || !*reason)
		return cli_usage("conflicts", "add needs --reason TEXT");
	rc = cli_open(&cat, LC_OPEN_WRITE);
	if (rc)
		return rc;
	rc = lc_pnl_conflict_declare(cat, argv[optind], argv[optind + 1],
				     reason, &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	printf("conflict declared: %s on %s\n", argv[optind],
	       argv[optind + 1]);
	return 0;
}

static const char *const cols[] = { "expert", "id", "origin", "reason" };
static const char *const heads[] = { "EXPERT", "ID", "ORIGIN", "REASON" };
static const char *const from[] = { "expert", "tech", "origin", "reason" };
static const int widths[] = { 8, 12, 8, 0 };

static int do_list(int argc, char **argv)
{
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	struct lc_pnl_out o = { stdout, LC_PNL_TABLE, 4, cols, heads, widths,
				0 };
	const char *bad;
	int rc;

	if (lc_pnl_fmt_args(argc, argv, &o.fmt, &bad) < 0)
		return cli_usage("conflicts", "list: bad argument '%s' "
				 "(--format table|csv|json)", bad);
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc)
		return rc;
	rc = lc_pnl_out_kind(cat, "conflict", from, &o, &err);
	lc_catalog_close(cat);
	return rc < 0 ? cli_fail(&err) : 0;
}

static int run(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("conflicts", "missing subcommand (add or "
				 "list)");
	if (!strcmp(argv[1], "add"))
		return do_add(argc - 1, argv + 1);
	if (!strcmp(argv[1], "list"))
		return do_list(argc - 1, argv + 1);
	return cli_usage("conflicts", "unknown subcommand '%s'", argv[1]);
}

const struct cli_cmd cli_cmd_conflicts = {
	"conflicts", "declare and list conflicts of interest",
	"usage: lowcarb conflicts add EXPERT ID --reason TEXT\n"
	"       lowcarb conflicts list [--format table|csv|json]\n"
	"\n"
	"An expert is conflicted on a dossier automatically when one of the\n"
	"expert's credit codes is the submitter's credit code or an owner's\n"
	"(an owner written with its 18-character code), or, where one side\n"
	"gives no code, when the normalised affiliation equals the\n"
	"normalised submitter or owner name. Normalisation: full-width\n"
	"characters to half-width, ASCII lower-cased, spaces and punctuation\n"
	"(ASCII and CJK) removed, trailing legal forms dropped (股份有限公司,\n"
	"有限责任公司, 有限公司, 公司, Co. Ltd, Limited, Ltd, Inc, Corp,\n"
	"Corporation, Company). Automatic conflicts are recomputed by\n"
	"'experts import' and 'assign'.\n"
	"\n"
	"add declares a conflict by hand (--reason is required); it is\n"
	"audited. A conflicted expert is never assigned, and scores from a\n"
	"conflicted expert are refused.\n"
	"list prints every conflict: expert, id, origin (auto or declared),\n"
	"reason; --format csv gives the header expert,id,origin,reason.\n",
	run
};
