/* cmd-assign.c - `lowcarb assign`: reviewers for every dossier of an
 * edition, manual additions and removals, and the assignment listing. */
#include <getopt.h>
#include <string.h>
#include "cli/cli.h"
#include "exporters/exporters.h"
#include "ranker/panel.h"

static void on_fallback(const char *tech, const char *sector, size_t n,
			size_t k, void *ctx)
{
	(void)ctx;
	(void)k;
	printf("%s: %zu reviewer(s) from other sectors (too few %s experts "
	       "free of conflict)\n", tech, n, sector);
}

static void on_bad(const char *tech, const char *sector, size_t n,
		   size_t k, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "lowcarb: assign: %s (%s): cannot be covered: only "
		"%zu expert(s) free of conflict, %zu needed\n", tech, sector,
		n, k);
}

static int do_solve(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "edition", required_argument, NULL, 'e' },
		{ "per-dossier", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	struct lc_pnl_assign_sum sum;
	const char *edition = NULL;
	long k = 0;
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'e')
			edition = optarg;
		else if (c == 'k' && cli_int(optarg, 1, 1000, &k) == 0)
			;
		else if (c == 'k')
			return cli_usage("assign", "--per-dossier must be an "
					 "integer from 1 to 1000");
		else
			return cli_usage("assign", "bad option");
	}
	if (optind != argc)
		return cli_usage("assign", "unexpected argument '%s'",
				 argv[optind]);
	if (!edition || !k)
		return cli_usage("assign", "--edition Y and --per-dossier K "
				 "are required");
	rc = cli_open(&cat, LC_OPEN_WRITE);
	if (rc)
		return rc;
	rc = lc_pnl_assign_edition(cat, edition, (size_t)k, on_fallback,
				   on_bad, NULL, &sum, &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	printf("assigned %ld reviewer(s) to each of %ld dossier(s) from %ld "
	       "expert(s): %ld added, %ld removed, %ld kept (%ld manual)\n",
	       k, sum.dossiers, sum.experts, sum.added, sum.removed,
	       sum.kept, sum.pinned);
	printf("loads: min %ld, max %ld (%ld repair move(s))\n",
	       sum.min_load, sum.max_load, sum.moves);
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
	rc = add ? lc_pnl_assign_add(cat, argv[1], argv[2], &err) :
		lc_pnl_assign_remove(cat, argv[1], argv[2], &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	printf("%s %s %s %s\n", add ? "assigned" : "removed", argv[1],
	       add ? "to" : "from", argv[2]);
	return 0;
}

struct lister {
	const char *fmt;
	long n;
};

static int list_one(const char *key, const struct lc_rec *r, void *vc)
{
	struct lister *l = vc;
	const char *ex = lc_rec_get(r, "expert"), *t = lc_rec_get(r, "tech");
	const char *o = lc_rec_get(r, "origin");

	(void)key;
	if (!ex || !t)
		return 0;
	if (!strcmp(l->fmt, "csv")) {
		lc_csv_field(stdout, ex, 1);
		putchar(',');
		lc_csv_field(stdout, t, 1);
		putchar('\n');
	} else if (!strcmp(l->fmt, "json")) {
		printf("%s\n  {\"expert\": ", l->n ? "," : "");
		lc_json_string(stdout, ex);
		fputs(", \"id\": ", stdout);
		lc_json_string(stdout, t);
		fputs(", \"origin\": ", stdout);
		lc_json_string(stdout, o ? o : "auto");
		putchar('}');
	} else {
		lc_text_cell(stdout, ex, 10, 0);
		putchar(' ');
		lc_text_cell(stdout, t, 14, 0);
		printf(" %s\n", o ? o : "auto");
	}
	l->n++;
	return 0;
}

static int do_list(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	struct lister l = { "table", 0 };
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'f')
			return cli_usage("assign", "bad option");
		l.fmt = optarg;
	}
	if (strcmp(l.fmt, "table") && strcmp(l.fmt, "csv") &&
	    strcmp(l.fmt, "json"))
		return cli_usage("assign", "unknown format '%s' (table, csv "
				 "or json)", l.fmt);
	if (optind != argc)
		return cli_usage("assign", "list takes no argument");
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc)
		return rc;
	if (!strcmp(l.fmt, "csv"))
		puts("expert,id");
	else if (!strcmp(l.fmt, "json"))
		fputs("[", stdout);
	else
		puts("EXPERT     ID             ORIGIN");
	/* Keys are assign:<id>:<expert>: listed by dossier, then expert. */
	rc = lc_catalog_rec_each(cat, "assign", NULL, NULL, list_one, &l,
				 &err);
	lc_catalog_close(cat);
	if (!strcmp(l.fmt, "json"))
		puts(l.n ? "\n]" : "]");
	return rc < 0 ? cli_fail(&err) : 0;
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
	"assign", "assign reviewers to the dossiers of an edition",
	"usage: lowcarb assign --edition Y --per-dossier K\n"
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
	"swaps an expert of the sector for one of another sector). Loads\n"
	"end within 1 of each other where sectors and conflicts allow. The\n"
	"same input always gives the same assignment. Manual assignments are\n"
	"kept; automatic ones are replaced; only changes are written, each\n"
	"one audited. When some dossier has fewer than K experts free of\n"
	"conflict, every such dossier is named and nothing is stored\n"
	"(exit 1). Automatic conflicts are recomputed first.\n"
	"\n"
	"add assigns EXPERT to dossier ID by hand (refused when conflicted\n"
	"or already assigned); remove takes an assignment away. A later\n"
	"'assign --edition' keeps manual additions but may assign a removed\n"
	"automatic pair again.\n"
	"list prints the assignment by dossier; --format csv gives exactly\n"
	"the columns expert,id; json gives objects with expert, id, origin.\n",
	run
};
