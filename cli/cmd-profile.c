/* cmd-profile.c - `lowcarb profile check NAME|FILE`: validates a mapping
 * profile and says what it does; and what `import --profile` and
 * `validate --profile` share: loading the profile with its edition, and
 * the rows skipped, counted by reason. */
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "importers/importers.h"

int cli_mapping(const char *cmd, const char *profile, const char *edition,
		struct lc_mapping **out)
{
	struct lc_error err = { 0 };
	long y;
	int rc;

	*out = NULL;
	if (!profile) {
		if (edition)
			return cli_usage(cmd, "--edition goes with --profile "
					 "(submissions carry their edition)");
		return 0;
	}
	if (edition && cli_int(edition, 2000, 2099, &y) != 0)
		return cli_usage(cmd, "edition must be a year 2000-2099, not "
				 "'%s'", edition);
	rc = lc_mapping_load(profile, out, &err);
	if (rc)
		return cli_fail(&err);
	if (!edition && lc_mapping_needs_edition(*out)) {
		lc_mapping_free(*out);
		*out = NULL;
		return cli_usage(cmd, "profile %s needs --edition YEAR",
				 profile);
	}
	return 0;
}

void cli_skips_add(struct cli_skips *k, const char *reason)
{
	size_t i;

	k->total++;
	for (i = 0; i < k->n; i++)
		if (strcmp(k->v[i].reason, reason) == 0) {
			k->v[i].count++;
			return;
		}
	if (k->n < sizeof k->v / sizeof k->v[0]) {
		snprintf(k->v[k->n].reason, sizeof k->v[k->n].reason, "%s",
			 reason);
		k->v[k->n++].count = 1;
	} else {
		k->other++;
	}
}

void cli_skips_print(const struct cli_skips *k)
{
	for (size_t i = 0; i < k->n; i++)
		printf(ngettext("skipped %ld row: %s\n",
				"skipped %ld rows: %s\n",
				(unsigned long)k->v[i].count),
		       k->v[i].count, k->v[i].reason);
	if (k->other)
		printf(_("skipped %ld rows for other reasons\n"), k->other);
}

static void entry(const struct lc_mapping_entry *e, void *ctx)
{
	(void)ctx;
	printf("  %-9s %-18s %s%s%s\n", e->kind, e->field, e->from,
	       *e->note ? "  -- " : "", e->note);
}

static int check(int argc, char **argv)
{
	struct lc_mapping *m = NULL;
	struct lc_error err = { 0 };
	int rc;

	if (argc != 2)
		return cli_usage("profile", "check takes one NAME or FILE");
	rc = lc_mapping_load(argv[1], &m, &err);
	if (rc)
		return cli_fail(&err);
	printf(_("profile %s (%s): valid\n"), lc_mapping_name(m),
	       lc_mapping_path(m));
	lc_mapping_each(m, entry, NULL);
	if (lc_mapping_needs_edition(m))
		fputs(_("the edition is given with --edition\n"), stdout);
	lc_mapping_free(m);
	return 0;
}

static int run(int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "check", check }, { NULL, NULL }
	};

	return cli_dispatch("profile", argc, argv, subs);
}

const struct cli_cmd cli_cmd_profile = {
	"profile", N_("check a mapping profile for foreign catalogs"),
	N_("usage: lowcarb profile check NAME|FILE\n"
	"\n"
	"A mapping profile (data/profiles/NAME.xml, schema\n"
	"data/profiles/mapping.xsd) says how a foreign layout (a CSV file,\n"
	"or the first sheet of an .xlsx workbook) maps onto the dossier\n"
	"fields, for `import --profile` and `validate --profile`:\n"
	"columns by header (Chinese headers included; full-width forms and\n"
	"spaces do not matter), constants the user chose with a note saying\n"
	"why, value rules with PCRE2 patterns (the first rule of a field\n"
	"whose matches all hold), defaults, unit hints for columns whose\n"
	"header carries the unit, ranges (4-5: lower, upper or midpoint;\n"
	"the TRL as given is kept in trl_source), ids from a sequence column\n"
	"or generated from a name (the same row, the same id, every run),\n"
	"columns ignored, and rows skipped with their reason. Headers,\n"
	"values, reasons and patterns may hold {edition} (or {edition+N}):\n"
	"the edition given with --edition.\n"
	"\n"
	"`profile check` validates NAME (a shipped profile: ndrc-catalog,\n"
	"iea-etp) or FILE against the schema and what a schema cannot check\n"
	"(fields, one way to give each, values, patterns, ids), then lists\n"
	"what it does. Exit 1 naming the profile's line when it is not\n"
	"valid.\n"),
	run, NULL
};
