/* cmd-sheets.c - `lowcarb sheets export`: an expert's score sheet (the
 * assigned dossiers with the criteria columns to fill in) as CSV or as
 * an .xlsx workbook. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "ranker/ranker.h"
#include "exporters/exporters.h"

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "expert", required_argument, NULL, 'e' },
		{ "output", required_argument, NULL, 'o' },
		{ "blind", no_argument, NULL, 'b' },
		{ "profile", required_argument, NULL, 'p' },
		{ "bom", no_argument, NULL, 'B' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_profile *prof = NULL;
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	struct lc_criteria crit;
	const char *v[6] = { NULL, NULL, NULL, "top20", NULL, "csv" };
	const char *expert, *path;
	int first, rc, xlsx;
	struct cli_out out;

	rc = cli_subcommand("sheets", "export", &argc, &argv);
	if (rc == 0)
		rc = cli_options("sheets", argc, argv, "o:", opts, v, 0,
				 &first);
	if (rc)
		return rc;
	expert = v[0];
	path = v[1];
	if (!expert || !path)
		return cli_usage("sheets", "--expert E and -o FILE are "
				 "required");
	if (strcmp(v[5], "csv") != 0 && strcmp(v[5], "xlsx") != 0)
		return cli_usage("sheets", "--format must be csv or xlsx");
	xlsx = v[5][0] == 'x';
	if (xlsx && v[4])
		return cli_usage("sheets", "--bom is for CSV (a workbook "
				 "needs none)");
	rc = lc_criteria_load(v[3], &crit, &err);
	/* the criteria's labels, for the workbook's header comments */
	if (rc == 0 && xlsx)
		rc = lc_profile_load(v[3], &prof, &err);
	if (rc < 0)
		return cli_fail(&err);
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc) {
		lc_profile_free(prof);
		return rc;
	}
	/* a temporary beside the file, renamed into place only when the
	 * whole sheet was written: a refused expert leaves it as it was */
	rc = cli_out_open(&out, path);
	if (rc) {
		lc_catalog_close(cat);
		lc_profile_free(prof);
		return rc;
	}
	/* Excel reads a CSV without a byte-order mark in the system's code
	 * page: garbled Chinese */
	if (v[4])
		fputs("\xEF\xBB\xBF", out.fp);
	if (xlsx)
		rc = lc_sheet_export_xlsx(cat, prof, &crit, expert,
					  v[2] != NULL, out.fp, &err);
	else
		rc = lc_sheet_export(cat, &crit, expert, v[2] != NULL,
				     out.fp, &err);
	lc_catalog_close(cat);
	lc_profile_free(prof);
	return cli_out_finish(&out, rc, &err);
}

const struct cli_cmd cli_cmd_sheets = {
	"sheets", N_("write an expert's score sheet to fill in"),
	N_("usage: lowcarb sheets export --expert E -o FILE [--format csv|xlsx]\n"
	"                             [--blind] [--bom] [--profile NAME]\n"
	"\n"
	"Writes the dossiers assigned to expert E (by id) as CSV with the\n"
	"header expert,id,name_zh,name_en,sector,trl,submitter,owners,\n"
	"summary, one column per panel criterion of the profile (default\n"
	"top20) and comment. The expert fills the criteria columns (a number\n"
	"on the criterion's scale; blank = not scored yet) and the comment,\n"
	"then the sheet goes back through 'lowcarb scores import'. Scores\n"
	"already stored are filled in. --blind leaves out the submitter and\n"
	"owners columns. --bom starts the file with a UTF-8 byte-order mark\n"
	"(for Excel). An expert with no assigned dossier is an error (exit\n"
	"1) and no file is written. -o - writes to standard output.\n"
	"\n"
	"--format xlsx writes the same columns and rows as an .xlsx workbook:\n"
	"the sheet 评分 with a frozen header, only the criteria and comment\n"
	"cells open to editing (the sheet is protected, without password),\n"
	"each criterion's cells accepting only a number on its scale, the\n"
	"criterion's name and scale as its header's comment; the sheet 声明\n"
	"holds the expert's declaration of no conflict of interest. The\n"
	"returned workbook goes back through 'lowcarb scores import' as is.\n"),
	run, NULL
};
