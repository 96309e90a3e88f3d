/* cmd-publish.c - `lowcarb publish`: fixes the final list of an edition
 * after its public notice. */
#include <getopt.h>
#include "cli/cli.h"
#include "ranker/ranker.h"

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "edition", required_argument, NULL, 0 },
		{ NULL, 0, NULL, 0 }
	};
	const char *v[1] = { NULL };
	struct lc_error err = { 0 };
	struct lc_catalog *cat = NULL;
	size_t pub, wd;
	long year;
	int first, rc;

	rc = cli_options("publish", argc, argv, "", opts, v, 0, &first);
	if (rc)
		return rc;
	if (!v[0] || cli_int(v[0], 1900, 9999, &year))
		return cli_usage("publish", "--edition YEAR is required");
	rc = cli_open(&cat, LC_OPEN_WRITE);
	if (rc)
		return rc;
	rc = lc_publish(cat, v[0], &pub, &wd, &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	printf(_("edition %s published: %zu dossier(s) on the final list, "
		 "%zu withdrawn\n"), v[0], pub, wd);
	return 0;
}

const struct cli_cmd cli_cmd_publish = {
	"publish", N_("fix the final list after the public notice"),
	N_("usage: lowcarb publish --edition YEAR\n"
	"\n"
	"Fixes the final list of an edition under notice: every dossier on\n"
	"the proposed list that was not withdrawn becomes 'published'. It is\n"
	"refused while an objection is open (resolve it first) and when the\n"
	"edition was never put under notice or is published already. The\n"
	"step is audited; from then on 'export roadmap' prints the published\n"
	"list and says so.\n"),
	run, NULL
};
