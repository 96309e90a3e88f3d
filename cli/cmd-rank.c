/* cmd-rank.c - `lowcarb rank`: ranks an edition by a criteria profile,
 * selects the Top N under quotas with ties stated, records the selection
 * and, on request, tests its robustness to the weights. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "exporters/exporters.h"
#include "ranker/ranker.h"

static const char *num(double v, char *b)
{
	if (!lc_num_format(v, b, 32))
		memcpy(b, "", 1);
	return b;
}

/* The criteria on which the panel disagreed about entry i, joined by
 * sep, into buf; "" for none. */
static const char *flags(const struct lc_ranking *r, size_t i,
			 const char *sep, char *buf, size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t j = 0; j < lc_ranking_info(r)->ncrit && used < n; j++)
		if (lc_ranking_entry(r, i)->disagree[j])
			used += (size_t)snprintf(buf + used, n - used, "%s%s",
						 used ? sep : "",
						 lc_ranking_info(r)->crit[j]);
	return buf;
}

static void print_csv(const struct lc_ranking *r)
{
	size_t nc = lc_ranking_info(r)->ncrit;
	char b[32], fb[256];

	fputs("rank,id,sector,score,selected,eligible,excluded,tiebreak,"
	      "quota,disagreement", stdout);
	if (lc_ranking_info(r)->runs)
		fputs(",p_top,rank_min,rank_max", stdout);
	for (size_t j = 0; j < nc; j++)
		printf(",%s", lc_ranking_info(r)->crit[j]);
	putchar('\n');
	for (size_t i = 0; i < lc_ranking_info(r)->count; i++) {
		int el = lc_ranking_entry(r, i)->eligible;

		if (el)
			printf("%d", lc_ranking_entry(r, i)->rank);
		printf(",%s,%s,%s,%d,%d,", lc_ranking_entry(r, i)->id,
		       lc_sector_name(lc_ranking_entry(r, i)->sector) ?
		       lc_sector_name(lc_ranking_entry(r, i)->sector) : "",
		       el ? num(lc_ranking_entry(r, i)->score, b) : "",
		       lc_ranking_entry(r, i)->selected, el);
		lc_csv_field(stdout, lc_ranking_entry(r, i)->excluded, 0);
		putchar(',');
		lc_csv_field(stdout, lc_ranking_entry(r, i)->tiebreak, 0);
		putchar(',');
		lc_csv_field(stdout, lc_ranking_entry(r, i)->quota, 0);
		printf(",%s", flags(r, i, ";", fb, sizeof fb));
		if (lc_ranking_info(r)->runs) {
			int lo, hi;

			lo = lc_ranking_entry(r, i)->rank_lo;
			hi = lc_ranking_entry(r, i)->rank_hi;
			if (el)
				printf(",%s,%d,%d",
				       num(lc_ranking_entry(r, i)->prob_top, b), lo,
				       hi);
			else
				fputs(",,,", stdout);
		}
		for (size_t j = 0; j < nc; j++) {
			double v = lc_ranking_entry(r, i)->value[j];

			printf(",%s", isnan(v) ? "" : num(v, b));
		}
		putchar('\n');
	}
}

static void json_num(double v)
{
	char b[32];

	fputs(isnan(v) ? "null" : num(v, b), stdout);
}

static void print_json(const struct lc_ranking *r,
		       const struct lc_selection *prev,
		       const struct lc_assumptions *a)
{
	size_t nc = lc_ranking_info(r)->ncrit;

	printf("{\n  \"edition\": ");
	lc_json_string(stdout, lc_ranking_info(r)->edition);
	fputs(",\n  ", stdout);
	cli_assumptions_json(stdout, a);
	printf(",\n  \"profile\": ");
	lc_json_string(stdout, lc_ranking_info(r)->profile);
	printf(",\n  \"method\": ");
	lc_json_string(stdout, lc_ranking_info(r)->method);
	printf(",\n  \"parameters\": ");
	lc_json_string(stdout, lc_ranking_info(r)->params);
	printf(",\n  \"inputs_sha256\": ");
	lc_json_string(stdout, lc_ranking_info(r)->hash);
	printf(",\n  \"selected\": %zu,\n  \"cutoff\": ",
	       lc_ranking_info(r)->selected);
	json_num(lc_ranking_info(r)->cutoff);
	printf(",\n  \"previous_selection_same_inputs\": %s",
	       !prev ? "null" : strcmp(prev->hash,
				       lc_ranking_info(r)->hash) ? "false" : "true");
	if (prev) {
		static const char *const what[] = { "profile", "method",
						     "data", "unknown" };
		int ch = lc_selection_changes(prev, r), k = 0;

		printf(",\n  \"changed_since_previous\": [");
		for (int b = 0; b < 4; b++)
			if (ch & (1 << b))
				printf("%s\"%s\"", k++ ? ", " : "", what[b]);
		printf("]");
	}
	printf(",\n  \"weights\": {");
	for (size_t j = 0; j < nc; j++) {
		printf("%s", j ? ", " : "");
		lc_json_string(stdout, lc_ranking_info(r)->crit[j]);
		printf(": ");
		json_num(lc_ranking_info(r)->weight[j]);
	}
	printf("},\n  \"notes\": ");
	lc_json_string(stdout, lc_ranking_info(r)->notes);
	printf(",\n  \"entries\": [\n");
	for (size_t i = 0; i < lc_ranking_info(r)->count; i++) {
		int el = lc_ranking_entry(r, i)->eligible;

		printf("    {\"id\": ");
		lc_json_string(stdout, lc_ranking_entry(r, i)->id);
		printf(", \"sector\": ");
		lc_json_string(stdout, lc_sector_name(lc_ranking_entry(r, i)->sector));
		printf(", \"eligible\": %s", el ? "true" : "false");
		if (el) {
			printf(", \"rank\": %d, \"score\": ",
			       lc_ranking_entry(r, i)->rank);
			json_num(lc_ranking_entry(r, i)->score);
			printf(", \"selected\": %s",
			       lc_ranking_entry(r, i)->selected ? "true" : "false");
			printf(", \"tiebreak\": ");
			lc_json_string(stdout, lc_ranking_entry(r, i)->tiebreak);
			printf(", \"quota\": ");
			lc_json_string(stdout, lc_ranking_entry(r, i)->quota);
			printf(", \"disagreement\": [");
			for (size_t j = 0, k = 0; j < nc; j++)
				if (lc_ranking_entry(r, i)->disagree[j]) {
					printf("%s", k++ ? ", " : "");
					lc_json_string(stdout, lc_ranking_info(r)->crit[j]);
				}
			printf("]");
		} else {
			printf(", \"excluded\": ");
			lc_json_string(stdout, lc_ranking_entry(r, i)->excluded);
		}
		if (el && lc_ranking_info(r)->runs) {
			int lo, hi;

			lo = lc_ranking_entry(r, i)->rank_lo;
			hi = lc_ranking_entry(r, i)->rank_hi;
			printf(", \"p_top\": ");
			json_num(lc_ranking_entry(r, i)->prob_top);
			printf(", \"rank_min\": %d, \"rank_max\": %d", lo, hi);
		}
		printf(", \"values\": {");
		for (size_t j = 0; j < nc; j++) {
			printf("%s", j ? ", " : "");
			lc_json_string(stdout, lc_ranking_info(r)->crit[j]);
			printf(": ");
			json_num(lc_ranking_entry(r, i)->value[j]);
		}
		printf("}}%s\n", i + 1 < lc_ranking_info(r)->count ? "," : "");
	}
	printf("  ],\n  \"comparison\": [");
	for (size_t k = 0; k < lc_ranking_info(r)->ncompare; k++) {
		printf("%s{\"method\": ", k ? ", " : "");
		lc_json_string(stdout, lc_ranking_info(r)->compare_method[k]);
		printf(", \"spearman\": ");
		json_num(lc_ranking_info(r)->spearman[k]);
		printf(", \"kendall\": ");
		json_num(lc_ranking_info(r)->kendall[k]);
		for (int enter = 1; enter >= 0; enter--) {
			int any = 0;

			printf(", \"%s\": [", enter ? "enter" : "leave");
			for (size_t i = 0; i < lc_ranking_info(r)->count; i++) {
				int in = lc_ranking_compared(r, k, i, NULL);

				if (in < 0 || in != enter ||
				    lc_ranking_entry(r, i)->selected == enter)
					continue;
				printf("%s", any++ ? ", " : "");
				lc_json_string(stdout,
					       lc_ranking_entry(r, i)->id);
			}
			printf("]");
		}
		printf("}");
	}
	printf("]\n}\n");
}

/* Prints id after the label, wrapping at 78 columns; *col tracks the
 * current column (0: nothing printed yet). */
static void wrapped(const char *label, const char *id, int *col)
{
	int len = (int)strlen(id);

	if (*col == 0) {
		*col = printf("  %s %s", label, id);
	} else if (*col + 2 + len > 78) {
		*col = printf(",\n    %s", id) - 2;
	} else {
		*col += printf(", %s", id);
	}
}

/* Which dossiers entered and left the selection since prev. */
static void print_changes(const struct lc_ranking *r,
			  const struct lc_selection *prev)
{
	int col = 0;

	for (size_t i = 0; i < lc_ranking_info(r)->count; i++) {
		size_t k;

		if (!lc_ranking_entry(r, i)->selected)
			continue;
		for (k = 0; k < prev->n; k++)
			if (!strcmp(prev->id[k],
				    lc_ranking_entry(r, i)->id))
				break;
		if (k == prev->n)
			wrapped("entered:", lc_ranking_entry(r, i)->id, &col);
	}
	if (col)
		putchar('\n');
	col = 0;
	for (size_t k = 0; k < prev->n; k++) {
		long i = lc_ranking_find(r, prev->id[k]);

		if (i < 0 || !lc_ranking_entry(r, (size_t)i)->selected)
			wrapped("left:", prev->id[k], &col);
	}
	if (col)
		putchar('\n');
}

/* The columns of the terminal: $COLUMNS when it says (at least 60),
 * else 80, as `list` prints. */
static size_t columns(void)
{
	const char *c = getenv("COLUMNS");
	long v = c ? strtol(c, NULL, 10) : 0;

	return v >= 60 && v <= 1000 ? (size_t)v : 80;
}

/* A last column: name cut to w columns (with "…"), never padded. */
static void last_cell(const char *name, size_t w)
{
	if (!name)
		name = "";
	if (lc_text_width(name) <= w)
		fputs(name, stdout);
	else
		lc_text_cell(stdout, name, w, 0);
}

/* Under each compared method, the dossiers that would enter and leave
 * the Top N: the panel's question, beside the correlations. */
static void print_moves(const struct lc_ranking *r, size_t k)
{
	const char *m = lc_ranking_info(r)->method;

	for (int enter = 1; enter >= 0; enter--) {
		int any = 0;

		for (size_t i = 0; i < lc_ranking_info(r)->count; i++) {
			const struct lc_rank_entry *e = lc_ranking_entry(r, i);
			int rk, in = lc_ranking_compared(r, k, i, &rk);

			if (in < 0 || in != enter || e->selected == enter)
				continue;
			if (!any++)
				printf("              %s the Top %zu:\n",
				       enter ? "enter" : "leave",
				       lc_ranking_info(r)->selected);
			printf("                %-12s rank %d (%d under %s)  ",
			       e->id, rk, e->rank, m);
			last_cell(e->name, 30);
			putchar('\n');
		}
		if (!any)
			printf("              %s the Top %zu: none\n",
			       enter ? "enter" : "leave",
			       lc_ranking_info(r)->selected);
	}
}

static void print_table(const struct lc_ranking *r,
			const struct lc_selection *prev)
{
	size_t width = columns(), used;
	size_t n = lc_ranking_info(r)->count, elig = 0;
	long runs = lc_ranking_info(r)->runs;
	const char *notes = lc_ranking_info(r)->notes;
	char fb[256];

	for (size_t i = 0; i < n; i++)
		elig += lc_ranking_entry(r, i)->eligible;
	printf("edition %s, profile %s, method %s (%s)\n",
	       lc_ranking_info(r)->edition, lc_ranking_info(r)->profile,
	       lc_ranking_info(r)->method, lc_ranking_info(r)->params);
	printf("%zu dossiers, %zu eligible, %zu selected; inputs sha256 "
	       "%.16s\n", n, elig, lc_ranking_info(r)->selected,
	       lc_ranking_info(r)->hash);
	if (prev) {
		int ch = lc_selection_changes(prev, r), k = 0;

		printf("previous selection (%s): %s", prev->when,
		       ch ? "inputs changed since:" : "same inputs");
		if (ch & LC_CH_PROFILE)
			printf("%s the profile file", k++ ? "," : "");
		if (ch & LC_CH_METHOD)
			printf("%s the method (%s %s -> %s %s)", k++ ? "," : "",
			       prev->method, prev->params,
			       lc_ranking_info(r)->method,
			       lc_ranking_info(r)->params);
		if (ch & LC_CH_DATA)
			printf("%s the data (dossiers or scores)",
			       k++ ? "," : "");
		if (ch & LC_CH_UNKNOWN)
			printf("%s the inputs (recorded by an older lowcarb, "
			       "which kept no detail)", k++ ? "," : "");
		if (!(ch & (LC_CH_DATA | LC_CH_UNKNOWN)) && ch)
			printf("; the data is the same");
		putchar('\n');
		print_changes(r, prev);
	}
	printf("\n%4s  %-12s %-3s %12s  %-3s", "RANK", "ID", "SEC", "SCORE",
	       "TOP");
	used = 40;
	if (runs) {
		printf("  %6s  %-9s", "P(TOP)", "RANKS");
		used += 19;
	}
	printf("  NAME\n");
	for (size_t i = 0; i < n; i++) {
		const char *t, *q;

		if (!lc_ranking_entry(r, i)->eligible)
			continue;
		printf("%4d  %-12s %-3s %12.6f  %-3s", lc_ranking_entry(r, i)->rank,
		       lc_ranking_entry(r, i)->id,
		       lc_sector_code(lc_ranking_entry(r, i)->sector) ?
		       lc_sector_code(lc_ranking_entry(r, i)->sector) : "?",
		       lc_ranking_entry(r, i)->score,
		       lc_ranking_entry(r, i)->selected ? "*" : "");
		if (runs) {
			int lo, hi;
			char rb[24];

			lo = lc_ranking_entry(r, i)->rank_lo;
			hi = lc_ranking_entry(r, i)->rank_hi;
			snprintf(rb, sizeof rb, "%d-%d", lo, hi);
			printf("  %6.3f  %-9s", lc_ranking_entry(r, i)->prob_top, rb);
		}
		/* the name, cut to the terminal (CJK counts two columns) */
		fputs("  ", stdout);
		last_cell(lc_ranking_entry(r, i)->name,
			  width > used + 12 ? width - used - 2 : 10);
		putchar('\n');
		t = lc_ranking_entry(r, i)->tiebreak;
		q = lc_ranking_entry(r, i)->quota;
		if (t)
			printf("      tie: %s\n", t);
		if (q)
			printf("      quota: %s\n", q);
		if (*flags(r, i, ", ", fb, sizeof fb))
			printf("      panel disagrees on: %s\n", fb);
	}
	if (elig < n) {
		printf("\nexcluded:\n");
		for (size_t i = 0; i < n; i++)
			if (!lc_ranking_entry(r, i)->eligible)
				printf("  %-12s %s\n", lc_ranking_entry(r, i)->id,
				       lc_ranking_entry(r, i)->excluded);
	}
	if (lc_ranking_info(r)->ncompare) {
		printf("\nrank correlation with %s:\n", lc_ranking_info(r)->method);
		for (size_t k = 0; k < lc_ranking_info(r)->ncompare; k++)
		{
			printf("  %-11s spearman %7.4f  kendall %7.4f\n",
			       lc_ranking_info(r)->compare_method[k],
			       lc_ranking_info(r)->spearman[k],
			       lc_ranking_info(r)->kendall[k]);
			print_moves(r, k);
		}
	}
	if (*notes) {
		printf("\nnotes:\n");
		for (const char *p = notes; *p;) {
			const char *e = strchr(p, '\n');
			int len = e ? (int)(e - p) : (int)strlen(p);

			printf("  %.*s\n", len, p);
			p += len + (e ? 1 : 0);
		}
	}
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "edition", required_argument, NULL, 'e' },
		{ "profile", required_argument, NULL, 'p' },
		{ "method", required_argument, NULL, 'm' },
		{ "indicators-only", no_argument, NULL, 'i' },
		{ "sensitivity", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ "concentration", required_argument, NULL, 'c' },
		{ "compare", no_argument, NULL, 'C' },
		{ "dry-run", no_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "assumptions", required_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *edition = NULL, *profile = "top20", *fmt = "table";
	const char *apath = NULL;
	struct lc_assumptions *a = NULL;
	struct lc_rank_opts o;
	struct lc_error err = { 0 };
	struct lc_profile *p = NULL;
	struct lc_catalog *cat = NULL;
	struct lc_ranking *r = NULL;
	struct lc_selection *prev = NULL;
	int c, dry = 0, code;
	long v;

	lc_rank_opts_init(&o);
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'e': edition = optarg; break;
		case 'p': profile = optarg; break;
		case 'm': o.method = optarg; break;
		case 'i': o.indicators_only = 1; break;
		case 'n':
			if (cli_int(optarg, 1, 10000000, &v))
				return cli_usage("rank", "--sensitivity needs "
						 "a count from 1 to 10000000");
			o.sensitivity = v;
			break;
		case 's':
			if (cli_int(optarg, 0, 2147483647L, &v))
				return cli_usage("rank", "--seed needs an "
						 "integer from 0 to 2147483647");
			o.seed = (uint64_t)v;
			break;
		case 'c':
			if (lc_num_parse(optarg, &o.concentration) ||
			    !(o.concentration > 0))
				return cli_usage("rank", "--concentration "
						 "needs a positive number");
			break;
		case 'C': o.compare = 1; break;
		case 'd': dry = 1; break;
		case 'f': fmt = optarg; break;
		case 'A': apath = optarg; break;
		case 'h':
			fputs(cli_cmd_rank.help, stdout);
			return 0;
		default:
			return cli_usage("rank", "bad option");
		}
	}
	if (optind < argc)
		return cli_usage("rank", "unexpected argument '%s'",
				 argv[optind]);
	if (!edition)
		return cli_usage("rank", "--edition YEAR is required");
	if (strcmp(fmt, "table") && strcmp(fmt, "csv") && strcmp(fmt, "json"))
		return cli_usage("rank", "unknown format '%s'", fmt);
	if (o.method && strcmp(o.method, "wsm") && strcmp(o.method, "topsis")
	    && strcmp(o.method, "vikor") && strcmp(o.method, "promethee2"))
		return cli_usage("rank", "unknown method '%s'", o.method);
	if (lc_profile_load(profile, &p, &err))
		return cli_fail(&err);
	code = cli_assumptions(apath, &a);
	if (code) {
		lc_profile_free(p);
		return code;
	}
	o.assumptions = a;
	code = cli_open(&cat, dry ? LC_OPEN_READ : LC_OPEN_WRITE);
	if (code) {
		lc_profile_free(p);
		lc_assumptions_free(a);
		return code;
	}
	if (lc_rank_edition(cat, edition, p, &o, &r, &err))
		goto fail;
	{
		int src = lc_selection_get(cat, edition, &prev, &err);

		if (src && src != LC_ENOTFOUND)
			goto fail;
	}
	if (!dry && lc_ranking_record(cat, r, &err))
		goto fail;
	if (!strcmp(fmt, "csv"))
		print_csv(r);
	else if (!strcmp(fmt, "json"))
		print_json(r, prev, a);
	else
		print_table(r, prev);
	code = 0;
	goto done;
fail:
	code = cli_fail(&err);
done:
	lc_selection_free(prev);
	lc_ranking_free(r);
	lc_assumptions_free(a);
	lc_catalog_close(cat);
	lc_profile_free(p);
	return code;
}

const struct cli_cmd cli_cmd_rank = {
	"rank", N_("rank an edition by a criteria profile and select the Top N"),
	N_("usage: lowcarb rank --edition YEAR [options]\n"
	"\n"
	"Builds the decision matrix of the edition from the catalog (panel\n"
	"score aggregates and dossier indicators), applies the profile's\n"
	"eligibility rules (each excluded dossier is listed with the rule),\n"
	"runs the method, breaks ties by the profile's chain (printed),\n"
	"applies the sector quotas and selects the Top N. The selection is\n"
	"recorded (record selection:YEAR with the inputs' SHA-256, profile,\n"
	"method and parameters; selected dossiers get status selected), in\n"
	"one transaction. Same inputs give the same selection and hash.\n"
	"\n"
	"  --edition YEAR       edition to rank (required)\n"
	"  --profile NAME|FILE  criteria profile (default top20, i.e.\n"
	"                       data/criteria/top20.xml)\n"
	"  --method M           wsm, topsis, vikor or promethee2 (default:\n"
	"                       the profile's); SCORE is higher-is-better\n"
	"                       for every method (vikor: 1 - Q, as in mcda)\n"
	"  --indicators-only    leave the panel criteria out and renormalise\n"
	"                       the other weights; done anyway (with a note)\n"
	"                       when the edition has no panel score, unless\n"
	"                       the profile says without-scores=\"refuse\"\n"
	"  --sensitivity N      perturb the weights N times (Dirichlet around\n"
	"                       the profile weights) and report each\n"
	"                       dossier's probability of being selected and\n"
	"                       its rank interval\n"
	"  --seed S             seed of the perturbations (default 1)\n"
	"  --concentration C    Dirichlet concentration (default 100; lower\n"
	"                       perturbs more)\n"
	"  --compare            also rank by every other method and print\n"
	"                       Spearman and Kendall correlations and the\n"
	"                       dossiers that would enter or leave the Top N\n"
	"  --dry-run            do not record anything (opens read-only)\n"
	"  --format F           table (default), csv or json (names the\n"
	"                       assumptions file and its SHA-256)\n"
	"  --assumptions FILE   published assumptions: the discount rate of\n"
	"                       abatement costs computed from their inputs\n"
	"                       (default data/assumptions/default.xml; the\n"
	"                       profile's <costs basis> says which cost)\n"
	"\n"
	"Dossiers with fewer panel scores than the profile's minimum on a\n"
	"criterion are reported as excluded, not ranked. Scores of experts\n"
	"with a declared conflict are never counted.\n"),
	run, NULL
};
