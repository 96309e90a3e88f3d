/* cmd-experts.c - `lowcarb experts import FILE` and `lowcarb experts list`:
 * the evaluation panel's experts, kept in the catalog. */
#include "cli/cli.h"
#include "importers/importers.h"
#include "ranker/ranker.h"
#include "exporters/exporters.h"

/* Reads and checks the file, then stores the experts and recomputes the
 * automatic conflicts in one audited transaction. */
static int do_import(int argc, char **argv)
{
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	struct lc_experts x = { NULL, 0 };
	struct lc_put_counts n = { 0, 0, 0 };
	struct lc_audit *a = NULL;
	long added = 0, removed = 0;
	size_t nread;
	int rc;

	if (argc != 2)
		return cli_usage("experts", "import takes one FILE");
	rc = cli_open(&cat, LC_OPEN_CREATE);
	if (rc)
		return rc;
	rc = lc_experts_read(argv[1], cli_problem, NULL, &x, &err);
	if (rc == 0) {
		rc = lc_audit_tx_begin(cat, &a, &err);
		if (rc == 0)
			rc = lc_experts_store(cat, &x, &n, &err);
		if (rc == 0)
			rc = lc_conflicts_refresh(cat, a, argv[1], &added,
						  &removed, &err);
		rc = lc_audit_tx_end(cat, a, rc, &err);
	}
	lc_catalog_close(cat);
	nread = x.n;
	lc_experts_release(&x);
	if (rc < 0)
		return cli_fail(&err);
	printf(_("experts: %zu read, %ld added, %ld updated, %ld unchanged\n"),
	       nread, n.added, n.updated, n.unchanged);
	printf(_("conflicts found automatically: %ld new, %ld no longer "
	       "apply\n"), added, removed);
	return 0;
}

static const char *const cols[] = {
	"id", "name", "affiliation", "credit_codes", "sectors", "email"
};
static const char *const heads[] = { "ID", "NAME", "AFFILIATION", "SECTORS" };
static const int widths[] = { 8, 11, 35, 0 };

static int do_list(int argc, char **argv)
{
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	struct lc_experts x;
	struct lc_rows o = { stdout, LC_ROWS_TABLE, 6, cols, heads, widths,
				0 };
	int rc = cli_list_format("experts", argc, argv, "table,csv,json",
				 &o.fmt);

	if (rc == 0)
		rc = cli_open(&cat, LC_OPEN_READ);
	if (rc)
		return rc;
	rc = lc_experts_load(cat, &x, &err);
	lc_catalog_close(cat);
	if (rc < 0)
		return cli_fail(&err);
	if (o.fmt == LC_ROWS_TABLE)
		o.ncol = 4;
	lc_rows_begin(&o);
	for (size_t i = 0; i < x.n; i++) {
		const struct lc_expert *e = &x.v[i];
		const char *all[6] = { e->id, e->name, e->affiliation,
				       e->credit_codes, e->sectors, e->email };
		const char *some[4] = { e->id, e->name, e->affiliation,
					e->sectors };

		lc_rows_row(&o, o.fmt == LC_ROWS_TABLE ? some : all);
	}
	lc_rows_end(&o);
	lc_experts_release(&x);
	return 0;
}

static int run(int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "import", do_import }, { "list", do_list }, { NULL, NULL }
	};

	return cli_dispatch("experts", argc, argv, subs);
}

const struct cli_cmd cli_cmd_experts = {
	"experts", N_("import and list the evaluation panel's experts"),
	N_("usage: lowcarb experts import FILE\n"
	"       lowcarb experts list [--format table|csv|json]\n"
	"\n"
	"import reads a CSV file with the header\n"
	"  id,name,affiliation,credit_codes,sectors,email\n"
	"(columns in any order; credit_codes and sectors are ';'-separated\n"
	"lists; sectors: steel, nonferrous, petrochemical, chemical,\n"
	"building-materials). Every problem is reported as file:line: field:\n"
	"message and nothing is stored when there is one. Re-importing an\n"
	"expert updates it. Conflicts of interest with the dossiers are\n"
	"then recomputed (see 'lowcarb help conflicts').\n"
	"\n"
	"list prints the experts by id: --format table (default), csv (the\n"
	"import header, re-importable) or json (an array of objects).\n"),
	run, NULL
};
