/* cmd-show.c - `lowcarb show ID`: every field of a dossier, for people
 * (labels, units, what the submitter wrote), or as JSON or XML. */
#include <getopt.h>
#include <math.h>
#include <string.h>
#include "cli/cli.h"
#include "exporters/exporters.h"

static void show_text(const struct lc_tech *t)
{
	char num[40];

	for (int f = 0; f < LC_F__COUNT; f++) {
		const char *v = lc_tech_get(t, f), *src = lc_tech_src(t, f);
		const char *unit = lc_field_unit(f), *gas;
		const char *co2 = strstr(unit, "CO2");
		char ue[48];

		if (!v)
			continue;
		/* a dossier abating another gas counts CO2-equivalent */
		gas = lc_tech_get(t, LC_F_GAS);
		if (co2 && gas && lc_gas_from_name(gas) > 0 &&
		    co2[3] != 'e') {
			snprintf(ue, sizeof ue, "%.*sCO2e%s", (int)(co2 - unit),
				 unit, co2 + 3);
			unit = ue;
		}
		printf("%-20s %s%s%s", lc_field_name(f), v, *unit ? " " : "",
		       unit);
		if (src)
			printf("  (as written: %s)", src);
		if (f == LC_F_TRL && lc_tech_get(t, LC_F_TRL_SOURCE))
			printf("  (as given: %s, scale %s)",
			       lc_tech_get(t, LC_F_TRL_SOURCE),
			       lc_tech_get(t, LC_F_TRL_SCALE) ?
			       lc_tech_get(t, LC_F_TRL_SCALE) : "1-9");
		putchar('\n');
	}
	printf("%-20s %s", "status", lc_status_name(lc_tech_status(t)));
	if (lc_tech_status_reason(t))
		printf(" (%s)", lc_tech_status_reason(t));
	putchar('\n');
	for (size_t i = 0; i < lc_tech_demo_count(t); i++) {
		const struct lc_demo *d = lc_tech_demo(t, i);

		printf("project %zu:\n", i + 1);
		if (d->site)
			printf("  %-18s %s\n", "site", d->site);
		if (d->enterprise)
			printf("  %-18s %s\n", "enterprise", d->enterprise);
		if (d->year)
			printf("  %-18s %d\n", "year", d->year);
		if (d->capacity)
			printf("  %-18s %s\n", "capacity", d->capacity);
		if (!isnan(d->abatement))
			printf("  %-18s %s tCO2/a\n", "abatement",
			       lc_num_format(d->abatement, num, sizeof num));
		if (d->site_en)
			printf("  %-18s %s\n", "site_en", d->site_en);
		if (d->enterprise_en)
			printf("  %-18s %s\n", "enterprise_en",
			       d->enterprise_en);
		if (d->capacity_en)
			printf("  %-18s %s\n", "capacity_en", d->capacity_en);
	}
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_error err = { 0 };
	struct lc_catalog *cat;
	struct lc_tech *t;
	const char *format[1] = { "text" };
	int first, rc, fmt = 0;   /* 0 text, 1 json, 2 xml */

	rc = cli_options("show", argc, argv, "", opts, format, -1, &first);
	if (rc == 0)
		rc = cli_format("show", format[0], "text,json,xml",
				"text, json or xml", &fmt);
	if (rc)
		return rc;
	if (first + 1 != argc)
		return cli_usage("show", "expects one dossier id");
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc)
		return rc;
	rc = lc_catalog_get_tech(cat, argv[first], &t, &err);
	lc_catalog_close(cat);
	if (rc == LC_ENOTFOUND)
		err.status = LC_EDATA;   /* a data error (exit 1), README */
	if (rc < 0)
		return cli_fail(&err);
	if (fmt == 1) {
		lc_tech_json(stdout, t, 2);
		putchar('\n');
	} else if (fmt == 2) {
		const struct lc_tech *one = t;

		rc = lc_xml_write_submissions(stdout,
					      lc_tech_get(t, LC_F_EDITION),
					      &one, 1, &err);
	} else {
		show_text(t);
	}
	lc_tech_free(t);
	return rc < 0 ? cli_fail(&err) : 0;
}

const struct cli_cmd cli_cmd_show = {
	"show", N_("show every field of one dossier"),
	N_("usage: lowcarb show ID [--format text|json|xml]\n"
	"\n"
	"Prints every field of dossier ID. text (default): one field a line,\n"
	"quantities in base units with what the submitter wrote beside them,\n"
	"then status and demonstration projects. json: the CSV column names\n"
	"as keys, plus status, reason and projects. xml: the submission\n"
	"format (re-imports).\n"),
	run, NULL
};
