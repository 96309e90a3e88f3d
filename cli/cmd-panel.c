/* cmd-panel.c - `lowcarb panel status`: scoring progress per expert and
 * per dossier, and the dossiers with too few scores to rank. */
#include <getopt.h>
#include <string.h>
#include "cli/cli.h"
#include "exporters/exporters.h"
#include "ranker/panel.h"

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

static void row(const struct lc_pnl_status_row *r, int dossier)
{
	char a[32], b[32], c[32];

	snprintf(a, sizeof a, "%ld", r->assigned);
	snprintf(b, sizeof b, "%ld", r->complete);
	snprintf(c, sizeof c, "%ld", r->partial);
	cells(r->id, a, b, c, dossier && r->too_few ? "too few" : "",
	      r->missing, dossier);
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "edition", required_argument, NULL, 'e' },
		{ "profile", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	struct lc_pnl_criteria crit;
	struct lc_pnl_status s;
	const char *edition = NULL, *profile = "top20";
	int c, rc;

	if (argc < 2 || strcmp(argv[1], "status") != 0)
		return cli_usage("panel", "missing subcommand 'status'");
	argc--;
	argv++;
	optind = 0;
	for (;;) {
		c = getopt_long(argc, argv, "", opts, NULL);
		if (c == -1)
			break;
		if (c == 'e')
			edition = optarg;
		else if (c == 'p')
			profile = optarg;
		else
			return cli_usage("panel", "bad option");
	}
	if (optind != argc)
		return cli_usage("panel", "unexpected argument '%s'",
				 argv[optind]);
	rc = lc_pnl_criteria_load(profile, &crit, &err);
	if (rc < 0)
		return cli_fail(&err);
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc)
		return rc;
	rc = lc_pnl_status_get(cat, &crit, edition, &s, &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	printf("experts (%zu criteria per review):\n", crit.n);
	cells("EXPERT", "ASSIGNED", "SCORED", "PARTIAL", "", "MISSING", 0);
	for (size_t i = 0; i < s.nexperts; i++)
		row(&s.experts[i], 0);
	printf("\ndossiers (%d complete review(s) needed to rank):\n",
	       s.min_scores);
	cells("ID", "REVIEWERS", "SCORED", "PARTIAL", "", "MISSING", 1);
	for (size_t i = 0; i < s.ndossiers; i++)
		row(&s.dossiers[i], 1);
	printf("\n%ld of %zu dossier(s) have too few scores to rank",
	       s.too_few, s.ndossiers);
	if (s.too_few) {
		const char *sep = ": ";

		for (size_t i = 0; i < s.ndossiers; i++)
			if (s.dossiers[i].too_few) {
				printf("%s%s", sep, s.dossiers[i].id);
				sep = ", ";
			}
	}
	putchar('\n');
	lc_pnl_status_release(&s);
	return 0;
}

const struct cli_cmd cli_cmd_panel = {
	"panel", "show the panel's scoring progress",
	"usage: lowcarb panel status [--edition Y] [--profile NAME]\n"
	"\n"
	"Per expert: dossiers assigned, reviews scored on every criterion,\n"
	"reviews partly scored, and the dossiers still missing a complete\n"
	"review. Per dossier: reviewers assigned, complete and partial\n"
	"reviews, the experts still missing, and 'too few' when it has fewer\n"
	"complete reviews than the profile's minimum (default profile top20)\n"
	"and so cannot be ranked on panel scores. A summary line lists those\n"
	"dossiers.\n",
	run
};
