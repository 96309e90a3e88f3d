/* cmd-audit.c - `lowcarb audit [--verify]`: the panel's audit trail of
 * changes to scores, assignments and conflicts, and its hash-chain
 * check. */
#include <getopt.h>
#include "cli/cli.h"
#include "ranker/ranker.h"
#include "exporters/exporters.h"

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "verify", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	const char *verify = NULL;
	int first, rc;
	long n = 0;

	rc = cli_options("audit", argc, argv, "", opts, &verify, 0, &first);
	if (rc == 0)
		rc = cli_open(&cat, LC_OPEN_READ);
	if (rc)
		return rc;
	if (verify)
		rc = lc_audit_verify(cat, &n, &err);
	else
		rc = lc_audit_write(stdout, cat, &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	if (verify)
		printf(ngettext("audit: %ld entry, chain intact\n",
				"audit: %ld entries, chain intact\n",
				(unsigned long)n), n);
	return 0;
}

const struct cli_cmd cli_cmd_audit = {
	"audit", N_("print or verify the panel's audit trail"),
	N_("usage: lowcarb audit [--verify]\n"
	"\n"
	"Every change to scores, assignments and conflicts is appended to a\n"
	"log in the catalog: sequence number, when, who (LOWCARB_USER or\n"
	"USER), action and what changed, and the file it came from:\n"
	"  score            one review's scores: EXPERT ID: crit=v crit a->b\n"
	"  assign           one dossier's reviewers: ID +EXPERT -EXPERT\n"
	"  assign.add, assign.remove   manual changes: EXPERT ID manual\n"
	"  conflict.add, conflict.remove, conflict.declare\n"
	"Each entry holds the SHA-256 of the previous\n"
	"one and its own, so that an edited, removed or reordered entry\n"
	"breaks the chain.\n"
	"\n"
	"Without options the log is printed oldest first, one entry a line.\n"
	"--verify recomputes the chain; exit 1 naming the first bad entry\n"
	"when it is broken.\n"),
	run, NULL
};
