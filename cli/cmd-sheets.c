/* cmd-sheets.c - `lowcarb sheets export`: an expert's score sheet (the
 * assigned dossiers with the criteria columns to fill in) as CSV or as
 * an .xlsx workbook; with --all, one per expert into a folder. */
#include <getopt.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "ranker/ranker.h"
#include "exporters/exporters.h"

/* What one export needs: the criteria (and their profile for a
 * workbook's header comments), the format, the options. */
struct job {
	struct lc_catalog *cat;
	const struct lc_profile *prof;
	const struct lc_criteria *crit;
	struct lc_sheet_opts o;
	int xlsx, bom;
};

/* Writes expert's sheet to path through a temporary renamed into place
 * only when the whole sheet was written: a refused expert leaves the
 * file as it was. Returns the exit code (errors printed). */
static int write_one(const struct job *j, const char *expert,
		     const char *path)
{
	struct lc_error err = { 0 };
	struct cli_out out;
	int rc = cli_out_open(&out, path);

	if (rc)
		return rc;
	/* Excel reads a CSV without a byte-order mark in the system's code
	 * page: garbled Chinese */
	if (j->bom)
		fputs("\xEF\xBB\xBF", out.fp);
	if (j->xlsx)
		rc = lc_sheet_export_xlsx(j->cat, j->prof, j->crit, expert,
					  &j->o, out.fp, &err);
	else
		rc = lc_sheet_export(j->cat, j->crit, expert, &j->o, out.fp,
				     &err);
	return cli_out_finish(&out, rc, &err);
}

/* --all: DIR/ID.EXT for every expert with dossiers of the edition; the
 * others named on stderr. */
static int write_all(const struct job *j, const char *dir)
{
	struct lc_experts x;
	struct lc_error err = { 0 };
	struct stat st;
	size_t written = 0;
	int rc;

	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "lowcarb: sheets: %s: no such folder (--all "
			"writes one sheet per expert into an existing "
			"folder: create it first)\n", dir);
		return 1;
	}
	rc = lc_experts_load(j->cat, &x, &err);
	if (rc < 0)
		return cli_fail(&err);
	/* an id that cannot name a file in dir: refused before any is
	 * written */
	for (size_t i = 0; i < x.n; i++) {
		const char *id = x.v[i].id;

		if (strchr(id, '/') || !strcmp(id, ".") || !strcmp(id, "..") ||
		    strlen(id) > 200) {
			fprintf(stderr, "lowcarb: sheets: expert '%s': the id "
				"cannot name a file; use --expert with -o "
				"FILE\n", id);
			lc_experts_release(&x);
			return 1;
		}
	}
	for (size_t i = 0; rc == 0 && i < x.n; i++) {
		char path[4400];
		size_t n = 0;

		rc = lc_sheet_count(j->cat, x.v[i].id, j->o.edition, &n, &err);
		if (rc < 0) {
			rc = cli_fail(&err);
			break;
		}
		if (n == 0) {
			fprintf(stderr, "sheets: skipped expert %s: no dossier "
				"of edition %s assigned\n", x.v[i].id,
				j->o.edition);
			continue;
		}
		snprintf(path, sizeof path, "%s%s%s.%s", dir,
			 dir[strlen(dir) - 1] == '/' ? "" : "/", x.v[i].id,
			 j->xlsx ? "xlsx" : "csv");
		rc = write_one(j, x.v[i].id, path);
		written += rc == 0;
	}
	lc_experts_release(&x);
	if (rc == 0 && written == 0) {
		fprintf(stderr, "lowcarb: sheets: no expert has a dossier of "
			"edition %s assigned: run 'lowcarb assign' first\n",
			j->o.edition);
		rc = 1;
	}
	return rc;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "expert", required_argument, NULL, 'e' },
		{ "output", required_argument, NULL, 'o' },
		{ "blind", no_argument, NULL, 'b' },
		{ "profile", required_argument, NULL, 'p' },
		{ "bom", no_argument, NULL, 'B' },
		{ "format", required_argument, NULL, 'f' },
		{ "all", no_argument, NULL, 'a' },
		{ "edition", required_argument, NULL, 'E' },
		{ "assumptions", required_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_profile *prof = NULL;
	struct lc_assumptions *a = NULL;
	struct lc_error err = { 0 };
	struct lc_criteria crit;
	const char *v[9] = { NULL, NULL, NULL, "top20", NULL, "csv", NULL,
		NULL, NULL };
	struct job j;
	int first, rc;

	rc = cli_subcommand("sheets", "export", &argc, &argv);
	if (rc == 0)
		rc = cli_options("sheets", argc, argv, "o:", opts, v, 0,
				 &first);
	if (rc)
		return rc;
	if (v[6] && v[0])
		return cli_usage("sheets", "--all and --expert exclude each "
				 "other");
	if (v[6] && (!v[7] || !v[1]))
		return cli_usage("sheets", "--all needs --edition Y and -o "
				 "DIR");
	if (!v[6] && (!v[0] || !v[1]))
		return cli_usage("sheets", "--expert E (or --all) and -o FILE "
				 "are required");
	if (v[7] && (strlen(v[7]) != 4 || strspn(v[7], "0123456789") != 4))
		return cli_usage("sheets", "--edition must be a year");
	if (strcmp(v[5], "csv") != 0 && strcmp(v[5], "xlsx") != 0)
		return cli_usage("sheets", "--format must be csv or xlsx");
	memset(&j, 0, sizeof j);
	j.xlsx = v[5][0] == 'x';
	j.bom = v[4] != NULL;
	if (j.xlsx && j.bom)
		return cli_usage("sheets", "--bom is for CSV (a workbook "
				 "needs none)");
	j.o.blind = v[2] != NULL;
	j.o.edition = v[7];
	rc = lc_criteria_load(v[3], &crit, &err);
	/* the criteria's labels, for the workbook's header comments */
	if (rc == 0 && j.xlsx)
		rc = lc_profile_load(v[3], &prof, &err);
	if (rc < 0)
		return cli_fail(&err);
	/* the computed cost at the published discount rate */
	rc = cli_assumptions(v[8], &a);
	if (rc == 0) {
		j.o.rate = lc_assumptions_discount_rate(a);
		rc = cli_open(&j.cat, LC_OPEN_READ);
	}
	if (rc == 0) {
		j.prof = prof;
		j.crit = &crit;
		rc = v[6] ? write_all(&j, v[1]) : write_one(&j, v[0], v[1]);
		lc_catalog_close(j.cat);
	}
	lc_assumptions_free(a);
	lc_profile_free(prof);
	return rc;
}

const struct cli_cmd cli_cmd_sheets = {
	"sheets", N_("write experts' score sheets to fill in"),
	N_("usage: lowcarb sheets export --expert E -o FILE [--format csv|xlsx]\n"
	"                             [--edition Y] [--blind] [--bom]\n"
	"                             [--profile NAME] [--assumptions FILE]\n"
	"       lowcarb sheets export --all --edition Y -o DIR [same options]\n"
	"\n"
	"Writes the dossiers assigned to expert E (by id; --edition Y: only\n"
	"those of edition Y) as CSV with the header expert,id,name_zh,\n"
	"name_en,sector,trl,submitter,owners,scope,abatement,potential,\n"
	"abatement_cost,abatement_cost_computed,investment,payback,\n"
	"demonstrations,projects,summary, one column per panel criterion of\n"
	"the profile (default top20) and comment. Quantities are in base\n"
	"units: abatement and potential tCO2/a, costs CNY/tCO2, investment\n"
	"CNY, payback years. abatement_cost is the cost the submitter stated,\n"
	"abatement_cost_computed the one computed from the dossier's own\n"
	"inputs at the published discount rate (as 'lowcarb costs' does;\n"
	"--assumptions FILE for another set), rounded to 2 decimals.\n"
	"The expert fills the criteria columns (a number on the criterion's\n"
	"scale; blank = not scored yet) and the comment, then the sheet goes\n"
	"back through 'lowcarb scores import'. Scores already stored are\n"
	"filled in. --blind leaves out the submitter and owners columns.\n"
	"--bom starts the file with a UTF-8 byte-order mark (for Excel). An\n"
	"expert with no assigned dossier is an error (exit 1) and no file is\n"
	"written. -o FILE may be written --output FILE; -o - writes to\n"
	"standard output.\n"
	"\n"
	"--all writes one sheet per expert who has dossiers of edition Y\n"
	"assigned, into the existing folder DIR, named by the expert's id\n"
	"(DIR/E01.csv, or DIR/E01.xlsx with --format xlsx), each file through\n"
	"a temporary renamed into place when it is whole; experts with none\n"
	"are named on stderr as skipped. A DIR that does not exist is an\n"
	"error; so is an edition no expert has a dossier of.\n"
	"\n"
	"--format xlsx writes the same columns and rows as an .xlsx workbook:\n"
	"the sheet 评分 with a frozen header (a quantity's unit above its\n"
	"column's name), quantities as numbers, only the criteria and comment\n"
	"cells open to editing (the sheet is protected, without password),\n"
	"each criterion's cells accepting only a number on its scale, the\n"
	"criterion's name and scale as its header's comment; the sheet 声明\n"
	"holds the expert's declaration of no conflict of interest. The\n"
	"returned workbook goes back through 'lowcarb scores import' as is.\n"),
	run, NULL
};
