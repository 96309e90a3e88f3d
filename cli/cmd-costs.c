/* cmd-costs.c - `lowcarb costs`: every dossier of an edition with its
 * stated abatement cost, the one computed from its own inputs with the
 * published assumptions, their ratio and the cost check's flag. */
#include <getopt.h>
#include <math.h>
#include <string.h>
#include "cli/cli.h"
#include "ranker/ranker.h"

struct ctx {
	const struct lc_assumptions *a;
	int fmt;          /* 0 table, 1 csv, 2 json */
	long n;
};

static int one(const struct lc_tech *t, void *vc)
{
	struct ctx *c = vc;
	struct lc_cost_check k;
	char s[32], v[32], r[32];
	int round2 = c->fmt == 0;

	lc_cost_check(t, lc_assumptions_discount_rate(c->a),
		      lc_assumptions_tolerance(c->a), &k);
	cli_cost_num(k.stated, round2, s, sizeof s);
	cli_cost_num(k.computed, round2, v, sizeof v);
	cli_cost_num(k.ratio, round2, r, sizeof r);
	if (c->fmt == 1) {
		lc_csv_field(stdout, lc_tech_get(t, LC_F_ID), 1);
		printf(",%s,%s,%s,%s\n", s, v, r, lc_cost_flag_name(k.flag));
	} else if (c->fmt == 2) {
		fputs(c->n ? ",\n    {\"id\": " : "\n    {\"id\": ", stdout);
		lc_json_string(stdout, lc_tech_get(t, LC_F_ID));
		printf(", \"stated\": %s, \"computed\": %s, \"ratio\": %s, "
		       "\"flag\": \"%s\"}", *s ? s : "null", *v ? v : "null",
		       *r ? r : "null", lc_cost_flag_name(k.flag));
	} else {
		printf("%-16s %12s %12s %8s  %s\n", lc_tech_get(t, LC_F_ID),
		       s, v, r, lc_cost_flag_name(k.flag));
	}
	c->n++;
	return 0;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "edition", required_argument, NULL, 'e' },
		{ "format", required_argument, NULL, 'f' },
		{ "assumptions", required_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 }
	};
	const char *val[3] = { NULL, NULL, NULL };
	struct lc_error err = { 0 };
	struct lc_assumptions *a = NULL;
	struct lc_catalog *cat;
	struct lc_filter f;
	struct ctx c = { NULL, 0, 0 };
	int first, rc;
	char rb[32], tb[32];

	rc = cli_options("costs", argc, argv, "", opts, val, 0, &first);
	if (rc)
		return rc;
	if (!val[0])
		return cli_usage("costs", "--edition YEAR is required");
	if (val[1] && cli_format("costs", val[1], "table,csv,json", NULL,
				 &c.fmt))
		return 2;
	rc = cli_assumptions(val[2], &a);
	if (rc)
		return rc;
	c.a = a;
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc) {
		lc_assumptions_free(a);
		return rc;
	}
	lc_filter_init(&f);
	f.edition = val[0];
	cli_cost_num(lc_assumptions_discount_rate(a) * 100, 0, rb, sizeof rb);
	cli_cost_num(lc_assumptions_tolerance(a) * 100, 0, tb, sizeof tb);
	if (c.fmt == 1) {
		fputs("id,stated,computed,ratio,flag\n", stdout);
	} else if (c.fmt == 2) {
		fputs("{\n  ", stdout);
		cli_assumptions_json(stdout, a);
		printf(",\n  \"discount_rate\": %s,\n  \"tolerance\": %s,\n"
		       "  \"dossiers\": [", rb, tb);
	} else {
		printf("assumptions: %s (sha256 %s)\ndiscount rate %s%%, "
		       "tolerance %s%%; CNY/tCO2\n%-16s %12s %12s %8s  %s\n",
		       lc_assumptions_path(a), lc_assumptions_sha256(a), rb,
		       tb, "id", "stated", "computed", "ratio", "flag");
	}
	rc = lc_catalog_each_tech(cat, &f, one, &c, &err);
	lc_catalog_close(cat);
	lc_assumptions_free(a);
	if (c.fmt == 2)
		fputs(c.n ? "\n  ]\n}\n" : "]\n}\n", stdout);
	if (rc < 0)
		return cli_fail(&err);
	if (c.n == 0) {
		lc_error_set(&err, LC_ENOTFOUND, NULL, 0, "edition",
			     "no dossier in edition %s", val[0]);
		return cli_fail(&err);
	}
	return 0;
}

const struct cli_cmd cli_cmd_costs = {
	"costs", N_("check stated abatement costs against their inputs"),
	N_("usage: lowcarb costs --edition YEAR [--format table|csv|json]\n"
	"                     [--assumptions FILE]\n"
	"\n"
	"Every dossier of the edition (by id) with its stated abatement\n"
	"cost, the cost computed from its own inputs,\n"
	"  (CRF x investment + opex_change) / abatement,\n"
	"  CRF = r (1+r)^n / ((1+r)^n - 1), n = lifetime, r = discount rate\n"
	"(opex_change absent counts as 0), their ratio stated / computed\n"
	"and a flag: ok (within the tolerance), diverges (|stated -\n"
	"computed| > tolerance x |computed|), sign (opposite signs),\n"
	"stated-only (investment, lifetime or abatement missing),\n"
	"computed-only (no stated cost) or none. CNY/tCO2. CSV header:\n"
	"id,stated,computed,ratio,flag (shortest round-trip numbers); the\n"
	"table rounds to 2 decimals; JSON names the assumptions file and its\n"
	"SHA-256.\n"
	"\n"
	"  --edition YEAR       the edition\n"
	"  --format F           table (default), csv or json\n"
	"  --assumptions FILE   published assumptions: discount rate and\n"
	"                       tolerance (default\n"
	"                       data/assumptions/default.xml)\n"),
	run, NULL
};
