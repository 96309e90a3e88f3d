/* cmd-objection.c - `lowcarb objection add|resolve|list`: objections to
 * a list under public notice and their outcome. */
#include <getopt.h>
#include <string.h>
#include "cli/cli.h"
#include "ranker/ranker.h"
#include "exporters/exporters.h"

/* The text of option name checked as any text from outside: 0, or 2
 * after the usage error. */
static int check(const char *name, const char *s, size_t max)
{
	char why[160];

	if (lc_text_check(s, 1, max, why, sizeof why) == 0)
		return 0;
	return cli_usage("objection", "--%s: %s", name, why);
}

static int do_add(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 0 },
		{ "text", required_argument, NULL, 1 },
		{ NULL, 0, NULL, 0 }
	};
	const char *v[2] = { NULL, NULL };
	struct lc_error err = { 0 };
	struct lc_catalog *cat = NULL;
	char seq[16];
	int first, rc;

	rc = cli_options("objection", argc, argv, "", opts, v, 1, &first);
	if (rc)
		return rc;
	if (argc - first != 1)
		return cli_usage("objection", "add takes a dossier ID");
	if (!v[0] || !*v[0] || !v[1] || !*v[1])
		return cli_usage("objection", "add needs --from WHO and "
				 "--text TEXT");
	if (check("from", v[0], 200) || check("text", v[1], 4000))
		return 2;
	rc = cli_open(&cat, LC_OPEN_WRITE);
	if (rc)
		return rc;
	rc = lc_objection_add(cat, argv[first], v[0], v[1], seq, sizeof seq,
			      &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	printf(_("objection %s recorded against %s\n"), seq, argv[first]);
	return 0;
}

static int do_resolve(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "edition", required_argument, NULL, 0 },
		{ "outcome", required_argument, NULL, 1 },
		{ "note", required_argument, NULL, 2 },
		{ NULL, 0, NULL, 0 }
	};
	const char *v[3] = { NULL, NULL, NULL };
	struct lc_error err = { 0 };
	struct lc_catalog *cat = NULL;
	long year, seq;
	char s[16];
	int first, rc, upheld;

	rc = cli_options("objection", argc, argv, "", opts, v, 1, &first);
	if (rc)
		return rc;
	if (argc - first != 1 || cli_int(argv[first], 1, 9999, &seq))
		return cli_usage("objection", "resolve takes the objection's "
				 "number (as 'objection list' shows it)");
	if (!v[0] || cli_int(v[0], 1900, 9999, &year))
		return cli_usage("objection", "resolve needs --edition YEAR");
	if (!v[1] || (strcmp(v[1], "upheld") && strcmp(v[1], "dismissed")))
		return cli_usage("objection", "resolve needs --outcome upheld "
				 "or --outcome dismissed");
	if (!v[2] || !*v[2])
		return cli_usage("objection", "resolve needs --note TEXT (why)");
	if (check("note", v[2], 4000))
		return 2;
	upheld = v[1][0] == 'u';
	snprintf(s, sizeof s, "%04ld", seq);
	rc = cli_open(&cat, LC_OPEN_WRITE);
	if (rc)
		return rc;
	rc = lc_objection_resolve(cat, v[0], s, upheld, v[2], &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	printf(upheld ? _("objection %s of %s %s: the dossier is withdrawn "
			  "from the list\n") : _("objection %s of %s %s\n"),
	       s, v[0], v[1]);
	return 0;
}

static const char *const cols[] = { "edition", "seq", "id", "from", "state",
				    "late", "when", "text", "note" };
static const char *const heads[] = { "EDITION", "NO", "ID", "FROM",
				     "STATE", "LATE", "WHEN", "TEXT",
				     "NOTE" };
static const char *const from[] = { "edition", "seq", "tech", "from",
				    "state", "late", "when", "text", "note" };
static const int widths[] = { 7, 4, 12, 12, 9, 4, 20, 24, 0 };

static int do_list(int argc, char **argv)
{
	struct lc_rows o = { stdout, LC_ROWS_TABLE, 9, cols, heads, widths,
				0 };

	return cli_list_kind("objection", argc, argv, "objection", from, &o,
			     0);
}

static int run(int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", do_add }, { "resolve", do_resolve },
		{ "list", do_list }, { NULL, NULL }
	};

	return cli_dispatch("objection", argc, argv, subs);
}

const struct cli_cmd cli_cmd_objection = {
	"objection", N_("record objections to a list under notice, and outcomes"),
	N_("usage: lowcarb objection add ID --from WHO --text TEXT\n"
	"       lowcarb objection resolve NO --edition YEAR\n"
	"                         --outcome upheld|dismissed --note TEXT\n"
	"       lowcarb objection list [--format table|csv|json]\n"
	"\n"
	"During the public notice ('lowcarb notice') anyone may object to a\n"
	"dossier on the proposed list. add records the objection against\n"
	"dossier ID (its edition under notice, not yet published), who\n"
	"raised it and what it says; it is numbered per edition (0001, ...)\n"
	"and one received after the period is recorded as late. resolve\n"
	"records the office's decision with its reason: upheld withdraws the\n"
	"dossier from the list (status withdrawn, marked in the notice and\n"
	"left out at publication), dismissed leaves it. Each step is\n"
	"audited like a score. 'lowcarb publish' is refused while an\n"
	"objection is open.\n"),
	run, NULL
};
