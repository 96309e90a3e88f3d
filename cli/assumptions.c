/* assumptions.c - what the commands that compute share about the
 * published assumptions: loading --assumptions FILE, naming the file and
 * its SHA-256 in JSON, and the cost check's warning of validate and
 * import. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "ranker/ranker.h"

int cli_assumptions(const char *path, struct lc_assumptions **out)
{
	struct lc_error err = { 0 };

	if (lc_assumptions_load(path, out, &err) < 0)
		return cli_fail(&err);
	/* quantities of another gas become CO2e by the published set */
	lc_gwp_select(lc_assumptions_gwp_set(*out));
	return 0;
}

void cli_assumptions_json(FILE *fp, const struct lc_assumptions *a)
{
	fputs("\"assumptions\": {\"path\": ", fp);
	lc_json_string(fp, lc_assumptions_path(a));
	fputs(", \"sha256\": ", fp);
	lc_json_string(fp, lc_assumptions_sha256(a));
	fputc('}', fp);
}

char *cli_cost_num(double v, int round2, char *buf, size_t n)
{
	if (!isfinite(v)) {
		snprintf(buf, n, "%s", "");
		return buf;
	}
	/* 2 decimals for a reader, shortest round trip for a machine */
	if (round2)
		v = round(v * 100) / 100;
	if (v == 0)
		v = 0;   /* no "-0" */
	return lc_num_format(v, buf, n) ? buf : strcpy(buf, "");
}

int cli_cost_warning(const struct lc_tech *t, const char *file, long line,
		     const struct lc_assumptions *a, struct lc_error *e)
{
	struct lc_cost_check c;
	char s[32], k[32], inv[32], op[32], life[32], ab[32], r[32], tol[32];
	char why[48];
	double rate = a ? lc_assumptions_discount_rate(a)
			: LC_DEFAULT_DISCOUNT_RATE;
	double tl = a ? lc_assumptions_tolerance(a)
		      : LC_DEFAULT_COST_TOLERANCE;
	int f = lc_cost_check(t, rate, tl, &c);

	if (f != LC_COST_DIVERGES && f != LC_COST_SIGN)
		return 0;
	cli_cost_num(c.stated, 0, s, sizeof s);
	cli_cost_num(c.computed, 1, k, sizeof k);
	cli_cost_num(c.investment, 0, inv, sizeof inv);
	cli_cost_num(c.opex, 0, op, sizeof op);
	cli_cost_num(c.lifetime, 0, life, sizeof life);
	cli_cost_num(c.abatement, 0, ab, sizeof ab);
	cli_cost_num(rate * 100, 0, r, sizeof r);
	cli_cost_num(tl * 100, 0, tol, sizeof tol);
	if (f == LC_COST_SIGN)
		snprintf(why, sizeof why, "opposite signs");
	else
		snprintf(why, sizeof why, "by more than %s%%", tol);
	lc_error_set(e, LC_EDATA, file, line, "abatement_cost",
		     "stated %s differs from computed %s (%s; investment "
		     "%s CNY, opex_change %s%s CNY/a, lifetime %s a, "
		     "abatement %s tCO2/a, discount rate %s%%)", s, k, why,
		     inv, op, c.opex_given ? "" : " (absent)", life, ab, r);
	return 1;
}
