/* cmd-benchmark.c - `lowcarb benchmark`: an edition against an
 * international reference catalog: the pairs file read (importers), the
 * pairing computed (ranker), the result written (exporters). */
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "importers/importers.h"
#include "ranker/ranker.h"
#include "exporters/exporters.h"

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "edition", required_argument, NULL, 'e' },
		{ "reference", required_argument, NULL, 'r' },
		{ "reference-edition", required_argument, NULL, 'R' },
		{ "pairs", required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	const char *val[5] = { NULL, NULL, NULL, NULL, "table" };
	struct lc_error err = { 0 };
	struct lc_catalog *cat = NULL, *ref = NULL;
	struct lc_pairs pairs = { 0 };
	struct lc_bench_opts o;
	struct lc_bench *b = NULL;
	int first, fmt = LC_ROWS_TABLE, rc;
	long y;

	rc = cli_options("benchmark", argc, argv, "", opts, val, 0, &first);
	if (rc == 0)
		rc = cli_format("benchmark", val[4], "table,csv,json", NULL,
				&fmt);
	if (rc)
		return rc;
	if (!val[0] || cli_int(val[0], 2000, 2099, &y))
		return cli_usage("benchmark", "--edition YEAR is needed");
	if (!val[1])
		return cli_usage("benchmark", "--reference FILE.tct is needed");
	if (val[2] && cli_int(val[2], 2000, 2099, &y))
		return cli_usage("benchmark", "--reference-edition must be a "
				 "year, not '%s'", val[2]);
	memset(&o, 0, sizeof o);
	o.edition = val[0];
	o.ref_edition = val[2];
	if (val[3]) {
		rc = lc_pairs_read(val[3], &pairs, cli_problem, NULL, &err);
		if (rc)
			return cli_fail(&err);
		o.pair_id = (const char *const *)pairs.id;
		o.pair_ref = (const char *const *)pairs.ref;
		o.pair_line = pairs.line;
		o.npairs = pairs.n;
		o.pairs_file = val[3];
		o.problem = cli_problem;
	}
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc == 0 && lc_catalog_open(&ref, val[1], LC_OPEN_READ, &err)) {
		/* the reference is read, never created: not "lowcarb init" */
		if (access(val[1], F_OK) != 0)
			snprintf(err.msg, sizeof err.msg, "no such file (the "
				 "reference catalog: import the reference "
				 "into a catalog of its own first)");
		lc_catalog_close(cat);
		lc_pairs_release(&pairs);
		return cli_fail(&err);
	}
	if (rc) {
		lc_pairs_release(&pairs);
		return rc;
	}
	rc = lc_bench_run(cat, ref, &o, &b, &err);
	lc_catalog_close(ref);
	lc_catalog_close(cat);
	lc_pairs_release(&pairs);
	if (rc < 0)
		return cli_fail(&err);
	lc_bench_write(stdout, b, val[0], fmt);
	lc_bench_free(b);
	return 0;
}

const struct cli_cmd cli_cmd_benchmark = {
	"benchmark", N_("benchmark an edition against an international reference"),
	N_("usage: lowcarb benchmark --edition YEAR --reference FILE.tct\n"
	"                         [--reference-edition YEAR] [--pairs "
	"PAIRS.csv]\n"
	"                         [--format table|csv|json]\n"
	"\n"
	"Pairs each dossier of the edition with the closest technology of a\n"
	"reference catalog (another lowcarb catalog: the IEA ETP guide\n"
	"imported through the iea-etp mapping profile) in its sector\n"
	"(petrochemicals and chemicals count as one industry): English\n"
	"names and the reference's scope as weighted words (rare words weigh\n"
	"more) and character trigrams, and the category. A pair needs a\n"
	"score of 0.4. Then, per sector, where domestic maturity leads or\n"
	"lags the reference (the TRL gap on the 1-9 scale, 10 and 11 of the\n"
	"IEA's scale counting 9) and which reference technologies have no\n"
	"domestic counterpart: the gaps to look at.\n"
	"\n"
	"  --edition YEAR            the domestic edition\n"
	"  --reference FILE.tct      the reference catalog (read only)\n"
	"  --reference-edition YEAR  its edition (default: its latest not\n"
	"                            after YEAR, else its latest)\n"
	"  --pairs PAIRS.csv         pairs fixed by hand: header exactly\n"
	"                            id,ref_id; an empty ref_id forbids a pair\n"
	"  --format F                table, csv (header exactly sector,id,name,\n"
	"                            trl,ref_id,ref_name,ref_trl,trl_gap,match;\n"
	"                            TRL as each source gives it, trl_gap =\n"
	"                            trl - ref_trl on the 1-9 scale, match\n"
	"                            auto, manual or none, a reference\n"
	"                            technology without counterpart a row\n"
	"                            with an empty id) or json\n"),
	run, NULL
};
