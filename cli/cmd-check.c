/* cmd-check.c - `lowcarb check`: verifies that every index of the
 * catalog answers as a full scan would and that every record decodes,
 * the test the crash tests run after each kill. */
#include "cli/cli.h"

static void problem(const char *what, void *ctx)
{
	fprintf(stderr, _("lowcarb: %s: %s\n"), (const char *)ctx, what);
}

static int run(int argc, char **argv)
{
	struct lc_catalog *cat;
	struct lc_error err = { 0 };
	long nrec = 0;
	int rc;

	if (argc > 1)
		return cli_usage("check", "unexpected argument '%s'",
				 argv[1]);
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc)
		return rc;
	rc = lc_catalog_check(cat, problem, (void *)cli_catalog(), &nrec,
			      &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	printf(_("catalog '%s' is consistent: %ld records, every index "
		 "answers as a full scan\n"), cli_catalog(), nrec);
	return 0;
}

const struct cli_cmd cli_cmd_check = {
	"check", N_("verify the catalog's indexes and records"),
	N_("usage: lowcarb [--catalog FILE] check\n"
	"\n"
	"Reads the whole catalog and verifies that every index answers as a\n"
	"full scan of the records would (no entry missing, extra or stale)\n"
	"and that every dossier and revision decodes. Exit 0 when the\n"
	"catalog is consistent; exit 1 naming each problem found (the first\n"
	"20) otherwise. Read-only: it repairs nothing.\n"),
	run, NULL
};
