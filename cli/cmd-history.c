/* cmd-history.c - `lowcarb history ID`: every stored version of a
 * dossier, who wrote it, when, from which file and what changed. */
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"

/* The previous version's fields (owned, NULL when absent). */
struct prev {
	char *v[LC_F__COUNT];
};

static int print_rev(const struct lc_revision *r, void *ctx)
{
	struct prev *p = ctx;

	printf("rev %d  %s  %s  %s", r->rev, r->when, r->who,
	       r->rev == 1 ? "added" : "changed: ");
	if (r->rev > 1)
		fputs(*r->changed ? r->changed : "(nothing)", stdout);
	if (*r->source)
		printf("  [%s]", r->source);
	putchar('\n');
	/* each changed field with its old and new value */
	for (int f = 0; f < LC_F__COUNT; f++) {
		const char *now = lc_tech_get(r->tech, f);
		const char *old = p->v[f];

		if (r->rev > 1 && (old ? !now || strcmp(old, now) : !!now))
			printf("    %s: %s -> %s\n", lc_field_name(f),
			       old ? old : "(none)", now ? now : "(none)");
		free(p->v[f]);
		p->v[f] = now ? strdup(now) : NULL;
	}
	return 0;
}

static int run(int argc, char **argv)
{
	struct lc_error err = { 0 };
	struct lc_catalog *cat;
	struct prev p = { { NULL } };
	int rc;

	if (argc != 2)
		return cli_usage("history", "expects one dossier id");
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc)
		return rc;
	rc = lc_catalog_history(cat, argv[1], print_rev, &p, &err);
	lc_catalog_close(cat);
	for (int f = 0; f < LC_F__COUNT; f++)
		free(p.v[f]);
	return rc < 0 ? cli_fail(&err) : 0;
}

const struct cli_cmd cli_cmd_history = {
	"history", N_("show the revisions of a dossier"),
	N_("usage: lowcarb history ID\n"
	"\n"
	"Lists every version of dossier ID, oldest first: revision number,\n"
	"time (UTC), who wrote it ($LOWCARB_USER or $USER), what changed from\n"
	"the version before, and the file it came from; then each changed\n"
	"field on a line of its own with its old and new value\n"
	"('    trl: 7 -> 8'; '(none)' for a field not given).\n"),
	run, NULL
};
