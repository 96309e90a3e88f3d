/* cmd-assign.c - `lowcarb assign`: reviewers for every dossier of an
 * edition, manual additions and removals, and the assignment listing. */
#include <getopt.h>
#include <string.h>
#include "cli/cli.h"
#include "ranker/ranker.h"
#include "exporters/exporters.h"

static void on_fallback(const char *tech, const char *sector, size_t n,
			size_t k, void *ctx)
{
	(void)ctx;
	(void)k;
	printf(_("%s: %zu reviewer(s) from other sectors (too few %s experts "
	       "free of conflict)\n"), tech, n, sector);
}

static void on_bad(const char *tech, const char *sector, size_t n,
		   size_t k, void *ctx)
{
	(void)ctx;
	fprintf(stderr, _("lowcarb: assign: %s (%s): cannot be covered: only "
		"%zu expert(s) free of conflict, %zu needed\n"), tech, sector,
		n, k);
}

/* The changes are kept aside: printed on a dry run and on a
 * re-assignment, not for a first one (every dossier would be listed). */
static FILE *changes;

static void on_change(const char *detail, void *ctx)
{
	(void)ctx;
	if (changes)
		fprintf(changes, "%s\n", detail);
}

static int do_solve(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "edition", required_argument, NULL, 'e' },
		{ "per-dossier", required_argument, NULL, 'k' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_assign_opts ao = { 0, on_change };
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	struct lc_assign_sum sum;
	const char *v[3] = { NULL, NULL, NULL }, *edition;
	long k = 0;
	int first, rc;

	rc = cli_options("assign", argc, argv, "", opts, v, 0, &first);
	if (rc)
		return rc;
	edition = v[0];
	if (v[1] && cli_int(v[1], 1, 1000, &k) < 0)
		return cli_usage("assign", "--per-dossier must be an "
				 "integer from 1 to 1000");
	if (!edition || !k)
		return cli_usage("assign", "--edition Y and --per-dossier K "
				 "are required");
	ao.dry = v[2] != NULL;
	rc = cli_open(&cat, LC_OPEN_WRITE);
	if (rc)
		return rc;
	changes = tmpfile();
	rc = lc_assign_edition(cat, edition, (size_t)k, on_fallback,
				   on_bad, NULL, &ao, &sum, &err);
	lc_catalog_close(cat);
	if (rc >= 0 && changes && (ao.dry || sum.kept || sum.removed)) {
		int ch;

		rewind(changes);
		while ((ch = getc(changes)) != EOF)
			putchar(ch);
	}
	if (changes)
		fclose(changes);
	changes = NULL;
	if (rc < 0)
		return cli_fail(&err);
	printf(ao.dry ? _("dry run: would assign %ld reviewer(s) to each of "
			  "%ld dossier(s) from %ld expert(s): %ld added, %ld "
			  "removed, %ld kept (%ld scored, %ld manual)\n") :
	       _("assigned %ld reviewer(s) to each of %ld dossier(s) from "
		 "%ld expert(s): %ld added, %ld removed, %ld kept (%ld "
		 "scored, %ld manual)\n"), k, sum.dossiers, sum.experts, sum.added,
	       sum.removed, sum.kept, sum.scored, sum.pinned);
	if (sum.scored)
		printf(_("kept: %ld pair(s) with scores (a review begun is "
			 "never moved)\n"), sum.scored);
	if (sum.dropped_scored)
		printf(_("removed: %ld pair(s) with scores whose expert is "
			 "now conflicted (their scores do not count)\n"),
		       sum.dropped_scored);
	printf(_("loads: min %ld, max %ld (%ld repair move(s))\n"),
	       sum.min_load, sum.max_load, sum.moves);
	if (ao.dry)
		fputs(_("dry run: nothing stored\n"), stdout);
	return 0;
}

static int do_pair(int argc, char **argv, int add)
{
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	int rc;

	if (argc != 3)
		return cli_usage("assign", "%s takes EXPERT ID",
				 add ? "add" : "remove");
	rc = cli_open(&cat, LC_OPEN_WRITE);
	if (rc)
		return rc;
	rc = add ? lc_assign_add(cat, argv[1], argv[2], &err) :
		lc_assign_remove(cat, argv[1], argv[2], &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	printf(add ? _("assigned %s to %s\n") : _("removed %s from %s\n"),
	       argv[1], argv[2]);
	return 0;
}

static const char *const cols[] = { "expert", "id", "origin" };
static const char *const heads[] = { "EXPERT", "ID", "ORIGIN" };
static const char *const from[] = { "expert", "tech", "origin" };
static const int widths[] = { 10, 14, 0 };

static int do_list(int argc, char **argv)
{
	struct lc_rows o = { stdout, LC_ROWS_TABLE, 3, cols, heads, widths,
				0 };

	/* Keys are assign:<id>:<expert>: listed by dossier, then expert;
	 * CSV has exactly expert,id. */
	return cli_list_kind("assign", argc, argv, "assign", from, &o, 2);
}

static int run(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "add"))
		return do_pair(argc - 1, argv + 1, 1);
	if (argc >= 2 && !strcmp(argv[1], "remove"))
		return do_pair(argc - 1, argv + 1, 0);
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return do_list(argc - 1, argv + 1);
	return do_solve(argc, argv);
}

const struct cli_cmd cli_cmd_assign = {
	"assign", N_("assign reviewers to the dossiers of an edition"),
	N_("usage: lowcarb assign --edition Y --per-dossier K [--dry-run]\n"
	"       lowcarb assign add|remove EXPERT ID\n"
	"       lowcarb assign list [--format table|csv|json]\n"
	"\n"
	"Gives every dossier of edition Y K reviewers from the experts of\n"
	"its sector, completed from other sectors' experts (said so in the\n"
	"output) when its sector has too few, never a conflicted expert.\n"
	"Method: dossiers are taken most constrained first (fewest experts\n"
	"of their sector free of conflict, then id); each gets the least-\n"
	"loaded eligible experts (ties by expert id); a repair pass then\n"
	"moves reviews from the most to the least loaded experts while\n"
	"loads differ by 2 or more and a move keeps every rule (it never\n"
	"swaps an expert of the sector for one of another sector), then\n"
	"looks for chains of such moves (A gives a review to B, B one to C)\n"
	"by breadth-first search. Loads end within 1 of each other where\n"
	"sectors and conflicts allow. The\n"
	"same input always gives the same assignment. Manual assignments and\n"
	"every pair that has scores are kept (a review begun is never moved;\n"
	"the output says how many, 'N kept (S scored, M manual)'), unless\n"
	"the expert is now conflicted or gone; other automatic ones may be\n"
	"replaced; only changes are written, each one audited, and on a\n"
	"re-assignment printed as 'ID +E01 -E05'. --dry-run prints the\n"
	"changes and the summary, and stores nothing.\n"
	"When some dossier has fewer than K experts free of\n"
	"conflict, every such dossier is named and nothing is stored\n"
	"(exit 1). Automatic conflicts are recomputed first.\n"
	"\n"
	"add assigns EXPERT to dossier ID by hand (refused when conflicted\n"
	"or already assigned); remove takes an assignment away. A later\n"
	"'assign --edition' keeps manual additions but may assign a removed\n"
	"automatic pair again.\n"
	"list prints the assignment by dossier; --format csv gives exactly\n"
	"the columns expert,id; json gives objects with expert, id, origin.\n"),
	run, NULL
};
