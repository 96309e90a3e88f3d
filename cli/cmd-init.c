/* cmd-init.c - `lowcarb init`: creates an empty catalog. */
#include <sys/stat.h>
#include "cli/cli.h"

static int run(int argc, char **argv)
{
	struct lc_catalog *cat;
	struct stat sb;
	int rc, existed;

	if (argc > 1)
		return cli_usage("init", "unexpected argument '%s'", argv[1]);
	existed = stat(cli_catalog(), &sb) == 0;
	rc = cli_open(&cat, existed ? LC_OPEN_WRITE : LC_OPEN_CREATE);
	if (rc)
		return rc;
	lc_catalog_close(cat);
	printf(existed ? _("existing catalog '%s'\n") :
	       _("created catalog '%s'\n"), cli_catalog());
	return 0;
}

const struct cli_cmd cli_cmd_init = {
	"init", N_("create an empty catalog"),
	N_("usage: lowcarb [--catalog FILE] init\n"
	"\n"
	"Creates an empty catalog (one Tokyo Cabinet B+ tree file holding\n"
	"the records and their index entries). The catalog is --catalog\n"
	"FILE, else $LOWCARB_CATALOG, else\n"
	"lowcarb.tct in the working directory. An existing catalog is left\n"
	"as it is (its version is checked).\n"),
	run, NULL
};
