/* cmd-conflicts.c - `lowcarb conflicts add|clear|list`: conflicts of
 * interest between experts and dossiers, automatic, declared and cleared
 * by hand. */
#include <getopt.h>
#include "cli/cli.h"
#include "ranker/ranker.h"
#include "exporters/exporters.h"

/* add (clear 0) or clear (clear 1) EXPERT ID --reason TEXT */
static int by_hand(int argc, char **argv, int clear)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	const char *reason[1] = { NULL };
	char why[160];
	int first, rc;

	rc = cli_options("conflicts", argc, argv, "", opts, reason, -1,
			 &first);
	if (rc)
		return rc;
	if (argc - first != 2)
		return cli_usage("conflicts", "%s takes EXPERT ID",
				 clear ? "clear" : "add");
	if (!reason[0] || !*reason[0])
		return cli_usage("conflicts", "%s needs --reason TEXT",
				 clear ? "clear" : "add");
	/* stored and listed: text like any field of a file */
	if (lc_text_check(reason[0], 0, 2048, why, sizeof why) < 0)
		return cli_usage("conflicts", "--reason: %s", why);
	rc = cli_open(&cat, LC_OPEN_WRITE);
	if (rc)
		return rc;
	rc = (clear ? lc_conflict_clear : lc_conflict_declare)(cat,
		argv[first], argv[first + 1], reason[0], &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	printf(clear ? _("conflict cleared: %s on %s\n") :
	       _("conflict declared: %s on %s\n"), argv[first],
	       argv[first + 1]);
	return 0;
}

static int do_add(int argc, char **argv)
{
	return by_hand(argc, argv, 0);
}

static int do_clear(int argc, char **argv)
{
	return by_hand(argc, argv, 1);
}

static const char *const cols[] = { "expert", "id", "origin", "reason" };
static const char *const heads[] = { "EXPERT", "ID", "ORIGIN", "REASON" };
static const char *const from[] = { "expert", "tech", "origin", "reason" };
static const int widths[] = { 8, 12, 8, 0 };

static int do_list(int argc, char **argv)
{
	struct lc_rows o = { stdout, LC_ROWS_TABLE, 4, cols, heads, widths,
				0 };

	return cli_list_kind("conflicts", argc, argv, "conflict", from, &o,
			     0);
}

static int run(int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", do_add }, { "clear", do_clear }, { "list", do_list },
		{ NULL, NULL }
	};

	return cli_dispatch("conflicts", argc, argv, subs);
}

const struct cli_cmd cli_cmd_conflicts = {
	"conflicts", N_("declare and list conflicts of interest"),
	N_("usage: lowcarb conflicts add EXPERT ID --reason TEXT\n"
	"       lowcarb conflicts clear EXPERT ID --reason TEXT\n"
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
	"clear removes a conflict by hand, automatic or declared (--reason\n"
	"is required; audited with what it was): the panel's decision\n"
	"outranks the automatic rule, which does not add the pair back on\n"
	"'experts import' or 'assign'; declaring a conflict on the pair\n"
	"again undoes it.\n"
	"list prints every conflict: expert, id, origin (auto or declared),\n"
	"reason; --format csv gives the header expert,id,origin,reason.\n"),
	run, NULL
};
