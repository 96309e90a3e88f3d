/* cmd-scores.c - `lowcarb scores import FILE...`: filled score sheets and
 * long score files into the catalog, all checked before anything is
 * stored. */
#include <getopt.h>
#include "cli/cli.h"
#include "importers/importers.h"
#include "ranker/ranker.h"
#include "exporters/exporters.h"

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	struct lc_criteria crit;
	struct lc_scores_sum sum;
	struct lc_experts x = { NULL, 0 };
	struct lc_dossiers d = { NULL, 0 };
	struct lc_strmap *conf = NULL;
	const char *profile[1] = { "top20" };
	int first, rc;

	rc = cli_subcommand("scores", "import", &argc, &argv);
	if (rc == 0)
		rc = cli_options("scores", argc, argv, "", opts, profile, -1,
				 &first);
	if (rc)
		return rc;
	if (first >= argc)
		return cli_usage("scores", "import needs at least one FILE");
	rc = lc_criteria_load(profile[0], &crit, &err);
	if (rc < 0)
		return cli_fail(&err);
	rc = cli_open(&cat, LC_OPEN_WRITE);
	if (rc)
		return rc;
	/* the panel as it stands: the scores are checked against it */
	rc = lc_experts_load(cat, &x, &err);
	if (rc == 0)
		rc = lc_dossiers_load(cat, NULL, &d, &err);
	if (rc == 0)
		rc = lc_conflicts_set(cat, &x, &d, &conf, &err);
	if (rc == 0)
		rc = lc_scores_import(cat, &crit, &x, &d, conf, argv + first,
				      (size_t)(argc - first), cli_problem,
				      NULL, &sum, &err);
	lc_catalog_close(cat);
	lc_strmap_free(conf);
	lc_experts_release(&x);
	lc_dossiers_release(&d);
	if (rc < 0)
		return cli_fail(&err);
	printf(_("scores: %ld row(s) read, %ld added, %ld changed (old "
	       "values kept in the history), %ld unchanged\n"), sum.rows,
	       sum.added, sum.changed, sum.unchanged);
	return 0;
}

const struct cli_cmd cli_cmd_scores = {
	"scores", N_("import filled score sheets"),
	N_("usage: lowcarb scores import [--profile NAME] FILE...\n"
	"\n"
	"Reads filled score sheets (as written by 'lowcarb sheets export',\n"
	"CSV or .xlsx: a workbook is known by its content; blank cells are\n"
	"skipped) and long score files with the header\n"
	"expert,id,criterion,score,comment, in one transaction. A score is\n"
	"refused, with file:line: field: message (file:sheet!cell: in a\n"
	"workbook), when its expert or dossier is unknown, the expert is not\n"
	"assigned to the dossier or is conflicted on it, the criterion is not\n"
	"a panel criterion of the profile (default top20), the number is\n"
	"malformed or outside the criterion's scale, the cell holds a formula\n"
	"or a locked cell was changed (a workbook), or the same score appears\n"
	"twice; with any problem nothing is stored (exit 1). A changed score\n"
	"replaces the stored one, which is kept in the history; every change\n"
	"is audited with the file it came from. Some 100,000 score rows or\n"
	"more ($LOWCARB_BULK_BYTES, at 64 bytes a row) are stored in a bulk\n"
	"transaction, as large imports are.\n"),
	run, NULL
};
