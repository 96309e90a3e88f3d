/* cmd-import.c - `lowcarb import FILE...`: validates submission files and
 * stores their dossiers in the catalog in one transaction; any invalid
 * dossier means nothing is stored unless --skip-invalid. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "importers/importers.h"

struct out {
	int tty;
	int shown;   /* a progress line is on the terminal */
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
	fprintf(stderr, "lowcarb: warning: %s\n",
		lc_error_format(e, buf, sizeof buf));
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
	if (total > 0)
		fprintf(stderr, "\r\033[Kimporting %s: %d%% (%ld dossiers)",
			file, (int)(100.0 * (double)done / (double)total), n);
	else
		fprintf(stderr, "\r\033[Kimporting %s: %ld dossiers", file,
			n);
	o->shown = 1;
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
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct out o = { 0, 0 };
	struct lc_import_opts opt;
	struct lc_import_report rep = { problem, warning, stored, progress,
					&o };
	struct lc_import_summary sum;
	struct lc_error err = { 0 };
	struct lc_catalog *cat = NULL;
	int c, rc, existed;

	lc_import_opts_init(&opt);
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "xml") == 0)
				opt.format = LC_FMT_XML;
			else if (strcmp(optarg, "csv") == 0)
				opt.format = LC_FMT_CSV;
			else
				return cli_usage("import", "unknown format "
						 "'%s' (xml or csv)", optarg);
			break;
		case 'e':
			opt.encoding = optarg;
			break;
		case 's':
			opt.skip_invalid = 1;
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
	o.tty = isatty(STDERR_FILENO);
	existed = access(cli_catalog(), F_OK) == 0;
	rc = cli_open(&cat, LC_OPEN_CREATE);
	if (rc)
		return rc;
	rc = lc_import_files(cat, argv + optind, (size_t)(argc - optind),
			     &opt, &rep, &sum, &err);
	clear_progress(&o);
	lc_catalog_close(cat);
	if (rc) {
		if (!existed)
			remove_new_catalog(cli_catalog());
		cli_fail(&err);
		return lc_exit_code(rc);
	}
	printf("%ld added, %ld updated, %ld unchanged, %ld rejected\n",
	       sum.added, sum.updated, sum.unchanged, sum.rejected);
	return 0;
}

const struct cli_cmd cli_cmd_import = {
	"import", "import submission files (XML or CSV) into the catalog",
	"usage: lowcarb import [--format xml|csv] [--encoding gb18030]\n"
	"                      [--skip-invalid] FILE...\n"
	"\n"
	"Validates the files like `lowcarb validate`, then stores their\n"
	"dossiers in the catalog (created if missing) in one transaction.\n"
	"When any dossier is invalid nothing is stored (exit 1), unless\n"
	"--skip-invalid is given: then the valid ones are stored and the\n"
	"invalid ones listed and counted as rejected. Re-importing a dossier\n"
	"stores a new revision only when something changed, and prints\n"
	"`updated ID: fields`. A dossier whose name is close to another\n"
	"submitter's in the same edition gets a warning naming both ids.\n"
	"Ends with `N added, N updated, N unchanged, N rejected`.\n"
	"\n"
	"  --format xml|csv     the files' format (default: from the content)\n"
	"  --encoding gb18030   CSV files are GB18030/GBK (default: UTF-8,\n"
	"                       or GB18030 when the bytes are not UTF-8)\n"
	"  --skip-invalid       import the valid dossiers of a bad run\n"
	"\n"
	"Inputs of some 20,000 dossiers or more (16 MiB of XML, 6 MiB of CSV;\n"
	"$LOWCARB_BULK_BYTES sets one threshold for both) are stored in a bulk\n"
	"transaction whose memory does not grow with the file: the catalog\n"
	"is written as a copy that replaces it at the commit.\n",
	run
};
