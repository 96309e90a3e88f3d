/* cmd-history.c - `lowcarb history ID`: every stored version of a
 * dossier, who wrote it, when, from which file and what changed. */
#include "cli/cli.h"

static int print_rev(const struct lc_revision *r, void *ctx)
{
	(void)ctx;
	printf("rev %d  %s  %s  %s", r->rev, r->when, r->who,
	       r->rev == 1 ? "added" : "changed: ");
	if (r->rev > 1)
		fputs(*r->changed ? r->changed : "(nothing)", stdout);
	if (*r->source)
		printf("  [%s]", r->source);
	putchar('\n');
	return 0;
}

static int run(int argc, char **argv)
{
	struct lc_error err = { 0 };
	struct lc_catalog *cat;
	int rc;

	if (argc != 2)
		return cli_usage("history", "expects one dossier id");
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc)
		return rc;
	rc = lc_catalog_history(cat, argv[1], print_rev, NULL, &err);
	lc_catalog_close(cat);
	return rc < 0 ? cli_fail(&err) : 0;
}

const struct cli_cmd cli_cmd_history = {
	"history", "show the revisions of a dossier",
	"usage: lowcarb history ID\n"
	"\n"
	"Lists every version of dossier ID, oldest first: revision number,\n"
	"time (UTC), who wrote it ($LOWCARB_USER or $USER), what changed from\n"
	"the version before, and the file it came from.\n",
	run, NULL
};
