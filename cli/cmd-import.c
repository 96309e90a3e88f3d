/* cmd-import.c - `lowcarb import FILE...`: validates submission files and
 * stores their dossiers in the catalog in one transaction; any invalid
 * dossier means nothing is stored unless --skip-invalid. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/cli.h"
#include "importers/importers.h"
#include "ranker/ranker.h"

struct out {
	int tty;
	int shown;   /* a progress line is on the terminal */
	struct cli_skips skips;
	char *linked;   /* "lineage ID: PREV ..." lines, said after the
			   commit (NULL when none or out of memory) */
	size_t nlinked;
	int oom;
};

static void clear_progress(struct out *o)
{
	if (o->shown) {
		fputs("\r\033[K", stderr);
		o->shown = 0;
	}
}

static void problem(const struct lc_error *e, void *ctx)
{
	clear_progress(ctx);
	cli_fail(e);
}

static void warning(const struct lc_error *e, void *ctx)
{
	char buf[1024];
	clear_progress(ctx);
	fprintf(stderr, _("lowcarb: warning: %s\n"),
		lc_error_format(e, buf, sizeof buf));
}

/* The cost check: counted, then said in one warning at the end (an
 * import of a whole edition would bury its other messages under one
 * line per dossier; `lowcarb validate` names each). */
static const struct lc_assumptions *assume;
static long cost_warnings;

static int check(const struct lc_tech *t, const char *file, long line,
		 void *ctx)
{
	struct lc_error e = { 0 };

	(void)ctx;
	if (!cli_cost_warning(t, file, line, assume, &e))
		return 0;
	cost_warnings++;
	return 1;
}

static void stored(const char *id, int result, const char *changed,
		   void *ctx)
{
	(void)ctx;
	if (result == LC_PUT_UPDATED)
		printf("updated %s: %s\n", id, changed);
}

static void progress(const char *file, long long done, long long total,
		     long n, void *ctx)
{
	struct out *o = ctx;
	if (!o->tty)
		return;
	fputs("\r\033[K", stderr);
	if (total > 0)
		fprintf(stderr, _("importing %s: %d%% (%ld dossiers)"),
			file, (int)(100.0 * (double)done / (double)total), n);
	else
		fprintf(stderr, _("importing %s: %ld dossiers"), file, n);
	o->shown = 1;
}

static void skipped(const char *file, long line, const char *reason,
		    void *ctx)
{
	struct out *o = ctx;

	(void)file;
	(void)line;
	cli_skips_add(&o->skips, reason);
}

static void lineage(const char *file, long line, const char *id,
		    const char *prev, const char *prev_name, double score,
		    int applied, void *ctx)
{
	struct out *o = ctx;
	char said[600];
	int n;

	clear_progress(ctx);
	if (applied) {
		if (score >= 1)
			n = snprintf(said, sizeof said, "lineage %s: %s (the "
				     "same name)\n", id, prev);
		else
			n = snprintf(said, sizeof said, "lineage %s: %s '%s' "
				     "(a similar name, %.2f: accepted)\n",
				     id, prev, prev_name, score);
		if (n > 0 && (size_t)n < sizeof said) {
			char *p = realloc(o->linked, o->nlinked + (size_t)n +
					  1);

			if (!p) {
				o->oom = 1;
				return;
			}
			memcpy(p + o->nlinked, said, (size_t)n + 1);
			o->linked = p;
			o->nlinked += (size_t)n;
		}
	} else {
		fprintf(stderr, _("lowcarb: warning: %s:%ld: lineage: %s may be "
			"%s '%s' of an earlier edition (a similar name, "
			"%.2f): give lineage in the file or import with "
			"--accept-lineage\n"), file, line, id, prev, prev_name,
			score);
	}
}

/* Reads every input that is a stream (standard input, a pipe, a FIFO)
 * before the catalog is locked: it is kept (catalog/files.c) for the
 * importer's own open. Otherwise `lowcarb list --format csv | lowcarb
 * import -` locks the catalog for writing while the listing waits for a
 * read lock to write what the import waits for. Returns 0 or the exit
 * code after printing why. */
static int read_streams(char **paths, int n)
{
	for (int i = 0; i < n; i++) {
		struct lc_error e = { 0 };
		struct stat sb;
		FILE *fp;

		if (strcmp(paths[i], "-") != 0 &&
		    (stat(paths[i], &sb) != 0 || S_ISREG(sb.st_mode) ||
		     S_ISDIR(sb.st_mode)))
			continue;
		fp = lc_file_open(paths[i], NULL, &e);
		if (!fp)
			return cli_fail(&e);
		fclose(fp);
	}
	return 0;
}

/* A failed import into a catalog that did not exist before leaves no
 * catalog behind: the file and the store's companions (its write-ahead
 * log, a bulk copy) are removed. */
static void remove_new_catalog(const char *path)
{
	static const char *const ext[] = { "", ".wal", ".bulk" };
	char p[4200];

	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		snprintf(p, sizeof p, "%s%s", path, ext[i]);
		unlink(p);
	}
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "skip-invalid", no_argument, NULL, 's' },
		{ "profile", required_argument, NULL, 'p' },
		{ "edition", required_argument, NULL, 'E' },
		{ "accept-lineage", no_argument, NULL, 'L' },
		{ "assumptions", required_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static struct out o;
	struct lc_import_opts opt;
	struct lc_import_report rep = { problem, warning, stored, progress,
					&o, skipped, lineage, check };
	struct lc_import_summary sum;
	struct lc_error err = { 0 };
	struct lc_catalog *cat = NULL;
	struct lc_mapping *map = NULL;
	const char *profile = NULL, *apath = NULL;
	struct lc_assumptions *a = NULL;
	int c, rc, existed;

	lc_import_opts_init(&opt);
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "xml") == 0)
				opt.format = LC_FMT_XML;
			else if (strcmp(optarg, "csv") == 0)
				opt.format = LC_FMT_CSV;
			else if (strcmp(optarg, "xlsx") == 0)
				opt.format = LC_FMT_XLSX;
			else
				return cli_usage("import", "unknown format "
						 "'%s' (xml, csv or xlsx)", optarg);
			break;
		case 'e':
			opt.encoding = optarg;
			break;
		case 's':
			opt.skip_invalid = 1;
			break;
		case 'p':
			profile = optarg;
			break;
		case 'E':
			opt.edition = optarg;
			break;
		case 'L':
			opt.accept_lineage = 1;
			break;
		case 'A':
			apath = optarg;
			break;
		case 'h':
			fputs(cli_cmd_import.help, stdout);
			return 0;
		default:
			return cli_usage("import", "bad option");
		}
	}
	if (optind >= argc)
		return cli_usage("import", "no FILE given");
	rc = cli_assumptions(apath, &a);
	if (rc)
		return rc;
	assume = a;
	rc = cli_mapping("import", profile, opt.edition, &map);
	if (rc == 0)
		rc = read_streams(argv + optind, argc - optind);
	if (rc) {
		lc_mapping_free(map);
		lc_assumptions_free(a);
		return rc;
	}
	opt.mapping = map;
	o.tty = isatty(STDERR_FILENO);
	existed = access(cli_catalog(), F_OK) == 0;
	rc = cli_open(&cat, LC_OPEN_CREATE);
	if (rc) {
		lc_mapping_free(map);
		lc_assumptions_free(a);
		return rc;
	}
	rc = lc_import_files(cat, argv + optind, (size_t)(argc - optind),
			     &opt, &rep, &sum, &err);
	clear_progress(&o);
	lc_catalog_close(cat);
	lc_mapping_free(map);
	lc_assumptions_free(a);
	if (rc == 0 && o.linked)
		fputs(o.linked, stdout);
	free(o.linked);
	cli_skips_print(&o.skips);
	if (cost_warnings)
		fprintf(stderr, ngettext("lowcarb: warning: %ld stated "
			"abatement cost differs from the one computed from "
			"its own inputs beyond the tolerance or in sign "
			"(`lowcarb validate` names them, `lowcarb costs` "
			"lists all)\n", "lowcarb: warning: %ld stated "
			"abatement costs differ from those computed from "
			"their own inputs beyond the tolerance or in sign "
			"(`lowcarb validate` names them, `lowcarb costs` "
			"lists all)\n", (unsigned long)cost_warnings),
			cost_warnings);
	/* the counts are said after a data error too: how many were
	 * rejected or skipped is what the user needs then */
	if (rc == 0 || rc == LC_EDATA)
		printf(_("%ld added, %ld updated, %ld unchanged, %ld rejected, "
		       "%ld skipped\n"), sum.added, sum.updated,
		       sum.unchanged, sum.rejected, sum.skipped);
	if (rc) {
		if (!existed)
			remove_new_catalog(cli_catalog());
		cli_fail(&err);
		return lc_exit_code(rc);
	}
	return 0;
}

const struct cli_cmd cli_cmd_import = {
	"import", N_("import submission files (XML, CSV or .xlsx) into the catalog"),
	N_("usage: lowcarb import [--format xml|csv|xlsx] [--encoding gb18030]\n"
	"                      [--skip-invalid] [--profile NAME|FILE\n"
	"                      [--edition YEAR]] [--accept-lineage]\n"
	"                      [--assumptions FILE] FILE...\n"
	"\n"
	"Validates the files like `lowcarb validate`, then stores their\n"
	"dossiers in the catalog (created if missing) in one transaction.\n"
	"When any dossier is invalid nothing is stored (exit 1), unless\n"
	"--skip-invalid is given: then the valid ones are stored and the\n"
	"invalid ones listed and counted as rejected. Re-importing a dossier\n"
	"stores a new revision only when something changed, and prints\n"
	"`updated ID: fields`. A dossier whose name is close to another\n"
	"submitter's in the same edition gets a warning naming both ids.\n"
	"A technology keeps its identity across editions (`lowcarb track`):\n"
	"a dossier's `lineage` is the id of the same technology in an\n"
	"earlier edition. When the file gives none (and the stored dossier\n"
	"has none), the earlier editions are searched for the same submitter:\n"
	"the same name, Chinese or English, is applied and reported\n"
	"(`lineage ID: PREV (the same name)`); a similar name is only\n"
	"proposed, as a warning, never applied unless confirmed: a lineage\n"
	"column in the file, or --accept-lineage.\n"
	"Ends with `N added, N updated, N unchanged, N rejected, N skipped`\n"
	"(skipped: rows a mapping profile leaves out, each with its reason).\n"
	"An import that stores nothing because no dossier is valid exits 1,\n"
	"with or without --skip-invalid; so does a file in a layout lowcarb\n"
	"does not know, whose rows are counted as rejected.\n"
	"\n"
	"  --format xml|csv|xlsx the files' format (default: from the content)\n"
	"  --encoding gb18030   CSV files are GB18030/GBK (default: UTF-8,\n"
	"                       or GB18030 when the bytes are not UTF-8)\n"
	"  --skip-invalid       import the valid dossiers of a bad run\n"
	"  --profile NAME|FILE  the files are a foreign catalog's CSV or\n"
	"                       .xlsx (its first sheet), read through this\n"
	"                       mapping profile (shipped: ndrc-catalog,\n"
	"                       iea-etp; see `lowcarb help profile`);\n"
	"                       problems name the file's line and column\n"
	"                       (a workbook's cell: file:sheet!K3), rows\n"
	"                       the profile skips are counted by reason\n"
	"                       (`skipped N rows: WHY`)\n"
	"  --edition YEAR       with --profile: the edition the rows are\n"
	"                       imported into (it picks iea-etp's trlYEAR)\n"
	"  --accept-lineage     apply the similar names found in earlier\n"
	"                       editions as lineage (reported as accepted)\n"
	"  --assumptions FILE   published assumptions of the cost check:\n"
	"                       one warning counts the stated abatement\n"
	"                       costs their inputs contradict (`lowcarb\n"
	"                       validate` names each; default\n"
	"                       data/assumptions/default.xml)\n"
	"\n"
	"Inputs of some 20,000 dossiers or more (16 MiB of XML, 6 MiB of CSV;\n"
	"$LOWCARB_BULK_BYTES sets one threshold for both) are stored in a bulk\n"
	"transaction whose memory does not grow with the file: the catalog\n"
	"is written as a copy that replaces it at the commit. The ids read\n"
	"(a repeated id names its first line) stay in memory up to 65,536,\n"
	"beyond in an unlinked temporary file in $TMPDIR.\n"),
	run, NULL
};
