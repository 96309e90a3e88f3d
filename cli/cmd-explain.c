/* cmd-explain.c - `lowcarb explain ID`: why a dossier is (not) in the Top
 * N: its rank, score, per-criterion contributions, the gap to the
 * cut-off and what would have to change; for an excluded one, the rule. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "exporters/exporters.h"
#include "ranker/ranker.h"

static const char *fmtv(double v, char *b)
{
	if (isnan(v))
		return "-";
	if (!lc_num_format(v, b, 32))
		return "-";
	return b;
}

/* Six significant digits for the table (JSON keeps full precision). */
static const char *short_v(double v, char *b)
{
	if (isnan(v))
		return "-";
	snprintf(b, 32, "%.6g", v);
	return b;
}

/* A criterion's value as a reader writes it: the dossier field's unit,
 * large magnitudes in 万 (1e4) and 亿 (1e8) as the submissions give them
 * ("1,340.1万 tCO2/a", "1.98 a"), three significant decimals at most;
 * a panel score as it is. */
static const char *qty(const struct lc_profile *p, size_t j, double v,
		       char *b, size_t n)
{
	const char *src = lc_profile_is_panel(p, j) ? NULL :
			  lc_profile_source(p, j);
	int f = src ? lc_field_lookup(src) : -1;
	const char *unit = f >= 0 ? lc_field_unit(f) : "";
	double a = fabs(v);
	char num[48];

	if (isnan(v) || !unit || !*unit)
		return isnan(v) ? "-" : (snprintf(b, n, "%.6g", v), b);
	if (a >= 1e8)
		snprintf(b, n, "%s亿 %s", lc_num_human(v / 1e8, 2, num,
						       sizeof num), unit);
	else if (a >= 1e4)
		snprintf(b, n, "%s万 %s", lc_num_human(v / 1e4, a >= 1e7 ? 0 :
						       1, num, sizeof num),
			 unit);
	else
		snprintf(b, n, "%s %s", lc_num_human(v, a >= 100 ? 0 : a >= 10 ?
						     1 : 2, num, sizeof num),
			 unit);
	return b;
}

/* Whether entry i stays out because its sector's maximum is reached:
 * 1 with the maximum and the sector's selected count. */
static int at_max(const struct lc_ranking *r, const struct lc_profile *p,
		  size_t i, int *max, int *count)
{
	const struct lc_rank_entry *e = lc_ranking_entry(r, i);
	int min;

	*count = 0;
	*max = -1;
	if (!e->eligible || e->selected || e->sector < 0)
		return 0;
	lc_profile_quota(p, e->sector, &min, max);
	for (size_t k = 0; k < lc_ranking_info(r)->count; k++)
		*count += lc_ranking_entry(r, k)->selected &&
			lc_ranking_entry(r, k)->sector == e->sector;
	return *max >= 0 && *count >= *max;
}

static void explain_table(const struct lc_ranking *r,
			  const struct lc_profile *p, size_t i)
{
	int qmax, qn;
	size_t nc = lc_ranking_info(r)->ncrit, elig = 0;
	/* the gap is score - threshold: one search, not two */
	double thr = lc_ranking_threshold(r, i);
	double gap = lc_ranking_entry(r, i)->score - thr;
	char b1[32], b2[32], b3[32];
	int sel = lc_ranking_entry(r, i)->selected;

	for (size_t k = 0; k < lc_ranking_info(r)->count; k++)
		elig += lc_ranking_entry(r, k)->eligible;
	printf("%s  %s\n", lc_ranking_entry(r, i)->id, lc_ranking_entry(r, i)->name);
	printf("edition %s, profile %s, method %s (%s)\n",
	       lc_ranking_info(r)->edition, lc_ranking_info(r)->profile,
	       lc_ranking_info(r)->method, lc_ranking_info(r)->params);
	if (!lc_ranking_entry(r, i)->eligible) {
		printf("not ranked: excluded by %s\n",
		       lc_ranking_entry(r, i)->excluded);
		return;
	}
	printf("rank %d of %zu eligible, score %s, %s\n",
	       lc_ranking_entry(r, i)->rank, elig,
	       short_v(lc_ranking_entry(r, i)->score, b1),
	       sel ? "selected" : "not selected");
	if (lc_ranking_entry(r, i)->tiebreak)
		printf("tie: %s\n", lc_ranking_entry(r, i)->tiebreak);
	if (lc_ranking_entry(r, i)->quota)
		printf("quota: %s\n", lc_ranking_entry(r, i)->quota);
	if (at_max(r, p, i, &qmax, &qn))
		printf("quota: %s is at its maximum of %d (%d selected): to "
		       "enter it must displace one of them\n",
		       lc_sector_label(lc_ranking_entry(r, i)->sector, "en"),
		       qmax, qn);
	printf("cut-off score (last selected on merit): %s\n",
	       short_v(lc_ranking_info(r)->cutoff, b1));
	if (isinf(thr))
		printf("%s\n", sel ? "stays in at any score: a minimum quota "
		       "holds it" : "cannot enter at any score: its sector's "
		       "maximum is reached by entries it cannot displace");
	else if (!isnan(thr))
		printf("%s (ties and quotas applied): %s\n%s: %s\n",
		       sel ? "lowest score that stays in"
			   : "score needed to enter", short_v(thr, b1),
		       sel ? "margin" : "gap", short_v(gap, b2));
	printf("\n%-16s %8s %20s %14s  %s\n", "CRITERION", "WEIGHT", "VALUE",
	       "CONTRIBUTION", sel ? "STAYS IN WHILE" : "NEEDED ALONE");
	for (size_t j = 0; j < nc; j++) {
		double need;
		int reach = 0;
		char nb[96], vb[64];

		snprintf(nb, sizeof nb, "-");
		if (lc_ranking_info(r)->weight[j] > 0 &&
		    lc_ranking_explain(r, i, j, &need, &reach, NULL) == 0) {
			/* six digits may not show that a value must move
			 * past the current one: say so */
			int same = reach && !strcmp(short_v(need, b3),
				short_v(lc_ranking_entry(r, i)->value[j], b1));
			int up = lc_ranking_info(r)->cost[j] == sel;

			if (reach) {
				char qb[64];

				snprintf(nb, sizeof nb, "%s %s", sel ?
					 (up ? "<=" : ">=") :
					 (up ? (same ? ">" : ">=")
					     : (same ? "<" : "<=")),
					 same ? short_v(need, b3) :
					 qty(p, j, need, qb, sizeof qb));
			}
			else
				snprintf(nb, sizeof nb, sel ? "any value" :
					 "not enough alone");
		}
		printf("%-16s %8.4f ", lc_ranking_info(r)->crit[j],
		       lc_ranking_info(r)->weight[j]);
		/* right-aligned in 20 columns, 万 and 亿 counting two */
		lc_text_cell(stdout, qty(p, j, lc_ranking_entry(r, i)->value[j],
					 vb, sizeof vb), 20, 1);
		printf(" %14s  %s%s\n",
		       short_v(lc_ranking_entry(r, i)->contrib[j], b2), nb,
		       lc_ranking_entry(r, i)->disagree[j] ?
		       "  (panel disagrees)" : "");
	}
	printf("\ncontributions are w * normalised value (the weighted-sum "
	       "view);\nthe last column re-runs %s with only that criterion "
	       "changed.\n", lc_ranking_info(r)->method);
}

static void explain_json(const struct lc_ranking *r,
			 const struct lc_profile *p, size_t i,
			 const struct lc_assumptions *a)
{
	int qmax, qn;
	size_t nc = lc_ranking_info(r)->ncrit;
	char b[32];
	int el = lc_ranking_entry(r, i)->eligible;

	printf("{\"id\": ");
	lc_json_string(stdout, lc_ranking_entry(r, i)->id);
	fputs(", ", stdout);
	cli_assumptions_json(stdout, a);
	printf(", \"edition\": ");
	lc_json_string(stdout, lc_ranking_info(r)->edition);
	printf(", \"method\": ");
	lc_json_string(stdout, lc_ranking_info(r)->method);
	printf(", \"eligible\": %s", el ? "true" : "false");
	if (!el) {
		printf(", \"excluded\": ");
		lc_json_string(stdout, lc_ranking_entry(r, i)->excluded);
		printf("}\n");
		return;
	}
	printf(", \"rank\": %d, \"score\": %s, \"selected\": %s",
	       lc_ranking_entry(r, i)->rank, fmtv(lc_ranking_entry(r, i)->score, b),
	       lc_ranking_entry(r, i)->selected ? "true" : "false");
	printf(", \"cutoff\": %s", isnan(lc_ranking_info(r)->cutoff) ? "null" :
	       fmtv(lc_ranking_info(r)->cutoff, b));
	{
		double thr = lc_ranking_threshold(r, i);
		double gap = lc_ranking_entry(r, i)->score - thr;

		/* infinite: no score would change it (null) */
		printf(", \"threshold\": %s", !isfinite(thr) ? "null" :
		       fmtv(thr, b));
		printf(", \"gap\": %s", !isfinite(gap) ? "null" :
		       fmtv(gap, b));
	}
	printf(", \"quota\": ");
	if (at_max(r, p, i, &qmax, &qn)) {
		printf("{\"sector\": ");
		lc_json_string(stdout,
			       lc_sector_name(lc_ranking_entry(r, i)->sector));
		printf(", \"bound\": \"max\", \"limit\": %d, \"count\": %d}",
		       qmax, qn);
	} else if (lc_ranking_entry(r, i)->quota) {
		lc_json_string(stdout, lc_ranking_entry(r, i)->quota);
	} else {
		printf("null");
	}
	printf(", \"tiebreak\": ");
	if (lc_ranking_entry(r, i)->tiebreak)
		lc_json_string(stdout, lc_ranking_entry(r, i)->tiebreak);
	else
		printf("null");
	printf(", \"criteria\": [");
	for (size_t j = 0; j < nc; j++) {
		double need = NAN, v;
		int reach = 0;

		if (lc_ranking_info(r)->weight[j] > 0)
			lc_ranking_explain(r, i, j, &need, &reach, NULL);
		printf("%s{\"criterion\": ", j ? ", " : "");
		lc_json_string(stdout, lc_ranking_info(r)->crit[j]);
		printf(", \"weight\": %s",
		       fmtv(lc_ranking_info(r)->weight[j], b));
		v = lc_ranking_entry(r, i)->value[j];
		printf(", \"value\": %s", isnan(v) ? "null" : fmtv(v, b));
		v = lc_ranking_entry(r, i)->contrib[j];
		printf(", \"contribution\": %s",
		       isnan(v) ? "null" : fmtv(v, b));
		printf(", \"threshold\": %s}",
		       reach ? fmtv(need, b) : "null");
	}
	printf("]}\n");
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "edition", required_argument, NULL, 'e' },
		{ "profile", required_argument, NULL, 'p' },
		{ "method", required_argument, NULL, 'm' },
		{ "indicators-only", no_argument, NULL, 'i' },
		{ "format", required_argument, NULL, 'f' },
		{ "assumptions", required_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *profile = "top20", *fmt = "table", *id, *apath = NULL;
	struct lc_assumptions *a = NULL;
	char edition[16] = "";
	struct lc_rank_opts o;
	struct lc_error err = { 0 };
	struct lc_profile *p = NULL;
	struct lc_catalog *cat = NULL;
	struct lc_ranking *r = NULL;
	int c, code;
	long i;

	lc_rank_opts_init(&o);
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'e':
			snprintf(edition, sizeof edition, "%s", optarg);
			break;
		case 'p': profile = optarg; break;
		case 'm': o.method = optarg; break;
		case 'i': o.indicators_only = 1; break;
		case 'f': fmt = optarg; break;
		case 'A': apath = optarg; break;
		case 'h':
			fputs(cli_cmd_explain.help, stdout);
			return 0;
		default:
			return cli_usage("explain", "bad option");
		}
	}
	if (optind + 1 != argc)
		return cli_usage("explain", "one dossier ID expected");
	id = argv[optind];
	if (strcmp(fmt, "table") && strcmp(fmt, "json"))
		return cli_usage("explain", "unknown format '%s'", fmt);
	if (!*edition) {
		/* the edition is the ID's year: YYYY-SS-NNN */
		if (strlen(id) < 5 || id[4] != '-')
			return cli_usage("explain", "give --edition: '%s' "
					 "does not start with a year", id);
		memcpy(edition, id, 4);
		edition[4] = '\0';
	}
	if (lc_profile_load(profile, &p, &err))
		return cli_fail(&err);
	code = cli_assumptions(apath, &a);
	if (code == 0) {
		o.assumptions = a;
		code = cli_open(&cat, LC_OPEN_READ);
	}
	if (code) {
		lc_profile_free(p);
		lc_assumptions_free(a);
		return code;
	}
	if (lc_rank_edition(cat, edition, p, &o, &r, &err))
		goto fail;
	i = lc_ranking_find(r, id);
	if (i < 0) {
		lc_error_set(&err, LC_ENOTFOUND, NULL, 0, "id",
			     "no dossier '%s' in edition %s", id, edition);
		goto fail;
	}
	if (!strcmp(fmt, "json"))
		explain_json(r, p, (size_t)i, a);
	else
		explain_table(r, p, (size_t)i);
	code = 0;
	goto done;
fail:
	code = cli_fail(&err);
done:
	lc_ranking_free(r);
	lc_catalog_close(cat);
	lc_profile_free(p);
	lc_assumptions_free(a);
	return code;
}

const struct cli_cmd cli_cmd_explain = {
	"explain", N_("why a dossier is or is not in the Top N"),
	N_("usage: lowcarb explain ID [--edition YEAR] [--profile NAME|FILE]\n"
	"                       [--method M] [--indicators-only]\n"
	"                       [--format table|json] [--assumptions FILE]\n"
	"\n"
	"Ranks the dossier's edition again (read-only, same rules as\n"
	"`lowcarb rank`) and shows its rank, score, each criterion's value\n"
	"and contribution (weight times normalised value), the cut-off\n"
	"score (last entry selected on merit), the score this dossier needs\n"
	"to enter (or the lowest that keeps it in) under the whole rule,\n"
	"ties and sector quotas included, and the gap to it; and for each\n"
	"criterion the value it would need alone, all else equal, to enter\n"
	"the Top N (for a selected dossier: how far it could fall and stay\n"
	"in), each try re-running the method and the selection. A panel\n"
	"criterion is searched over its scale, an indicator beyond the\n"
	"values seen. For an excluded dossier, the rule that excluded it.\n"
	"When its sector's maximum quota keeps it out, it says so ('quota:\n"
	"Building materials is at its maximum of 6').\n"
	"JSON keys: id, edition, method, eligible, excluded, rank, score,\n"
	"selected, cutoff, threshold, gap, quota, tiebreak, criteria\n"
	"(criterion, weight, value, contribution, threshold); quota is\n"
	"{sector, bound: max, limit, count} when the sector's maximum keeps\n"
	"it out, the note of a quota that moved it, else null.\n"
	"  --edition YEAR   default: the year the ID starts with\n"
	"  --profile, --method, --indicators-only   as for `lowcarb rank`\n"
	"  --format F       table (default) or json (names the assumptions\n"
	"                   file and its SHA-256)\n"
	"  --assumptions FILE  published assumptions: the discount rate of\n"
	"                   computed abatement costs (default\n"
	"                   data/assumptions/default.xml)\n"),
	run, NULL
};
