/* cmd-panel.c - `lowcarb panel status`: scoring progress per expert and
 * per dossier, and the dossiers with too few scores to rank. */
#include <getopt.h>
#include "cli/cli.h"
#include "ranker/ranker.h"
#include "exporters/exporters.h"

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
	lc_panel_status_write(stdout, &crit, &s, fmt);
	lc_panel_status_release(&s);
	return 0;
}

const struct cli_cmd cli_cmd_panel = {
	"panel", N_("show the panel's scoring progress"),
	N_("usage: lowcarb panel status [--edition Y] [--profile NAME]\n"
	"                            [--format table|csv|json]\n"
	"\n"
	"Per expert: dossiers assigned, reviews scored on every criterion,\n"
	"reviews partly scored, and the dossiers still missing a complete\n"
	"review. Per dossier: reviewers assigned, complete and partial\n"
	"reviews, the experts still missing, and 'too few' when it has fewer\n"
	"complete reviews than the profile's minimum (default profile top20)\n"
	"and so cannot be ranked on panel scores (column STATUS). A summary\n"
	"line lists those dossiers, and another the reviews scored by experts\n"
	"no longer assigned (taken off the dossier): those do not count, here\n"
	"or in rank.\n"
	"\n"
	"--format table (default) prints the two tables above. csv prints\n"
	"one row per expert, then one per dossier, with the header\n"
	"  kind,id,assigned,complete,partial,too_few,missing,unassigned\n"
	"kind: expert or dossier; assigned: dossiers assigned to the expert,\n"
	"or reviewers assigned to the dossier; complete, partial: reviews\n"
	"scored on every criterion, on some; too_few: 1 or 0 (dossiers\n"
	"only, empty for experts); missing: the dossier ids (for an expert)\n"
	"or expert ids (for a dossier) still missing a complete review,\n"
	"';'-separated; unassigned: the ids whose scores no longer count,\n"
	"';'-separated. json prints one object: criteria (criteria per\n"
	"review), min_scores (complete reviews needed to rank), experts and\n"
	"dossiers (arrays of objects with the keys id, assigned, complete,\n"
	"partial as numbers, missing and unassigned as arrays of ids, and\n"
	"on dossiers too_few as a boolean), too_few (the\n"
	"ids of the dossiers that cannot be ranked) and unassigned (the\n"
	"number of reviews not counted).\n"),
	run, NULL
};
