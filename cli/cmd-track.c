/* cmd-track.c - `lowcarb track ID|KEY`: one technology across editions,
 * followed through its lineage. */
#include "cli/cli.h"
#include "ranker/ranker.h"
#include "exporters/exporters.h"

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	const char *format[1] = { "table" };
	struct lc_error err = { 0 };
	struct lc_catalog *cat;
	struct lc_track *k = NULL;
	int first, fmt = LC_ROWS_TABLE, rc;

	rc = cli_options("track", argc, argv, "", opts, format, 1, &first);
	if (rc == 0)
		rc = cli_format("track", format[0], "table,csv,json", NULL,
				&fmt);
	if (rc)
		return rc;
	if (first >= argc)
		return cli_usage("track", "expects a dossier id or a key");
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc)
		return rc;
	rc = lc_track_build(cat, argv[first], &k, &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	lc_track_write(stdout, k, fmt);
	lc_track_free(k);
	return 0;
}

const struct cli_cmd cli_cmd_track = {
	"track", N_("follow one technology across editions"),
	N_("usage: lowcarb track ID|KEY [--format table|csv|json]\n"
	"\n"
	"Shows one technology in every edition of the catalog, found through\n"
	"its lineage (the id of the same technology in an earlier edition,\n"
	"given in the submission or found by `import`): its key (the id at\n"
	"the top of its lineage, which stays when a new edition gives it a\n"
	"new id) and, per edition, the TRL as the source gives it,\n"
	"penetration now and targeted (with the year), national potential,\n"
	"declared abatement cost, status and whether it was in the Top N.\n"
	"Where an earlier edition forecast a target penetration for a year a\n"
	"later edition reports, the forecast is set against the outcome.\n"
	"ID is any of its dossiers' ids, or its key.\n"
	"\n"
	"  --format F    table (80 columns), csv (header edition,id,name_zh,\n"
	"                name_en,trl,trl_scale,penetration_now,\n"
	"                penetration_target,penetration_target_year,potential,\n"
	"                abatement_cost,status,selected,forecast,forecast_from)\n"
	"                or json (key, editions, forecasts)\n"),
	run, NULL
};
