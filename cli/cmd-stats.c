/* cmd-stats.c - `lowcarb stats`: dossiers and abatement potential per
 * sector and TRL band. */
#include <getopt.h>
#include "cli/cli.h"
#include "exporters/exporters.h"

static void row(const char *label, const long n[3], long total, double pot)
{
	lc_text_cell(stdout, label, 20, 0);
	printf("  %6ld  %6ld  %6ld  %6ld  %14.2f\n", n[0], n[1], n[2], total,
	       pot / 1e6);
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "edition", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_error err = { 0 };
	struct lc_catalog *cat;
	struct lc_stats s;
	const char *edition = NULL;
	long all[3] = { 0, 0, 0 }, sum = 0;
	double pot = 0;
	int first, rc;

	rc = cli_options("stats", argc, argv, "", opts, &edition, 0, &first);
	if (rc == 0)
		rc = cli_open(&cat, LC_OPEN_READ);
	if (rc)
		return rc;
	rc = lc_catalog_stats(cat, edition, &s, &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	printf("%-20s  %6s  %6s  %6s  %6s  %14s\n", "SECTOR", "TRL1-5",
	       "TRL6-7", "TRL8-9", "TOTAL", "POTENTIAL Mt/a");
	for (int i = 0; i < LC_SECTOR__COUNT; i++) {
		row(lc_sector_name(i), s.by_band[i], s.by_sector[i],
		    s.potential[i]);
		for (int b = 0; b < 3; b++)
			all[b] += s.by_band[i][b];
		sum += s.by_sector[i];
		pot += s.potential[i];
	}
	row("all", all, sum, pot);
	return 0;
}

const struct cli_cmd cli_cmd_stats = {
	"stats", N_("count dossiers and abatement per sector and TRL band"),
	N_("usage: lowcarb stats [--edition YEAR]\n"
	"\n"
	"Per sector: dossiers by TRL band (1-5 research, 6-7 demonstration,\n"
	"8-9 deployment), their total, and the summed national abatement\n"
	"potential in million tCO2 a year.\n"),
	run, NULL
};
