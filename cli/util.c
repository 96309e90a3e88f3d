/* util.c - what every command shares: the catalog choice, opening it,
 * printing errors, subcommands, the option loop and reading integer and
 * format arguments. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "ranker/ranker.h"
#include "exporters/exporters.h"

static const char *catalog_path;

const char *cli_catalog(void)
{
	return lc_catalog_default_path(catalog_path);
}

void cli_set_catalog(const char *path)
{
	catalog_path = path;
}

int cli_open(struct lc_catalog **cat, int mode)
{
	struct lc_error err = { 0 };
	int rc = lc_catalog_open(cat, cli_catalog(), mode, &err);

	return rc < 0 ? cli_fail(&err) : 0;
}

int cli_fail(const struct lc_error *err)
{
	char buf[1024];

	fprintf(stderr, _("lowcarb: %s\n"), lc_error_format(err, buf, sizeof buf));
	return lc_exit_code(err->status ? err->status : LC_EIO);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, _("lowcarb: %s: "), cmd);
	va_start(ap, fmt);
	vfprintf(stderr, _(fmt), ap);
	va_end(ap);
	fprintf(stderr, _("\ntry 'lowcarb help %s'\n"), cmd);
	return 2;
}

int cli_int(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	if (!s || !*s)
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end || errno || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

int cli_filter_opt(const char *cmd, int c, const char *arg,
		      struct lc_filter *f)
{
	long v;

	switch (c) {
	case 'e':
		f->edition = arg;
		return 1;
	case 's':
		f->sector = lc_sector_from_name(arg);
		return f->sector < 0 ?
			cli_usage(cmd, "unknown sector '%s'", arg) : 1;
	case 'c':
		f->category = lc_category_from_name(arg);
		return f->category < 0 ?
			cli_usage(cmd, "unknown category '%s'", arg) : 1;
	case 'm':
	case 'M':
		if (cli_int(arg, 1, 9, &v) < 0)
			return cli_usage(cmd, "TRL must be 1 to 9, not '%s'",
					 arg);
		if (c == 'm')
			f->min_trl = (int)v;
		else
			f->max_trl = (int)v;
		return 1;
	case 't':
		f->status = lc_status_from_name(arg);
		return f->status < 0 ?
			cli_usage(cmd, "unknown status '%s'", arg) : 1;
	case 'x':
		f->match = arg;
		return 1;
	case 'o':
		f->sort = arg;
		return 1;
	}
	return 0;
}

void cli_problem(const struct lc_error *e, void *ctx)
{
	(void)ctx;
	cli_fail(e);
}

int cli_subcommand(const char *cmd, const char *sub, int *argc,
		   char ***argv)
{
	if (*argc < 2 || strcmp((*argv)[1], sub) != 0)
		return cli_usage(cmd, "missing subcommand '%s'", sub);
	(*argc)--;
	(*argv)++;
	return 0;
}

int cli_options(const char *cmd, int argc, char **argv,
		const char *shortopts, const struct option *opts,
		const char **val, int maxargs, int *first)
{
	optind = 0;
	for (;;) {
		int c = getopt_long(argc, argv, shortopts, opts, NULL);
		size_t i;

		if (c == -1)
			break;
		for (i = 0; opts[i].name && opts[i].val != c; i++)
			;
		if (!opts[i].name)
			return cli_usage(cmd, "bad option");
		val[i] = opts[i].has_arg != no_argument && optarg ? optarg :
			"";
	}
	if (maxargs >= 0 && argc - optind > maxargs)
		return cli_usage(cmd, "unexpected argument '%s'",
				 argv[optind + maxargs]);
	*first = optind;
	return 0;
}

/* Index of name in the comma-separated list, or -1. */
static int list_index(const char *list, const char *name)
{
	size_t n = strlen(name);
	int k = 0;

	for (const char *p = list;; k++) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		if (len == n && !strncmp(p, name, n))
			return k;
		if (!e)
			return -1;
		p = e + 1;
	}
}

int cli_format(const char *cmd, const char *name, const char *allowed,
	       const char *hint, int *out)
{
	int k = list_index(allowed, name);

	if (k < 0)
		return hint ? cli_usage(cmd, "unknown format '%s' (%s)", name,
					hint) :
			cli_usage(cmd, "unknown format '%s'", name);
	*out = k;
	return 0;
}

int cli_list_format(const char *cmd, int argc, char **argv,
		    const char *allowed, int *fmt)
{
	char bars[64];

	for (int i = 1; i < argc; i++) {
		const char *name = NULL, *bad = argv[i];

		if (!strncmp(argv[i], "--format=", 9))
			name = argv[i] + 9;
		else if (!strcmp(argv[i], "--format") && i + 1 < argc)
			name = argv[++i];
		if (!name || list_index(allowed, name) < 0) {
			snprintf(bars, sizeof bars, "%s", allowed);
			for (char *p = strchr(bars, ','); p;
			     p = strchr(p, ','))
				*p = '|';
			return cli_usage(cmd, "list: bad argument '%s' "
					 "(--format %s)", bad, bars);
		}
		*fmt = list_index(allowed, name);
	}
	return 0;
}

int cli_dispatch(const char *cmd, int argc, char **argv,
		 const struct cli_sub *subs)
{
	char names[256];
	size_t n = 0, len = 0;

	for (size_t i = 0; argc >= 2 && subs[i].name; i++)
		if (!strcmp(argv[1], subs[i].name))
			return subs[i].run(argc - 1, argv + 1);
	if (argc >= 2)
		return cli_usage(cmd, "unknown subcommand '%s'", argv[1]);
	while (subs[n].name)
		n++;
	names[0] = '\0';
	for (size_t i = 0; i < n && len < sizeof names; i++) {
		int w = snprintf(names + len, sizeof names - len, "%s%s",
				 i == 0 ? "" : i + 1 == n ? " or " : ", ",
				 subs[i].name);

		if (w < 0)
			break;
		len += (size_t)w;
	}
	return cli_usage(cmd, "missing subcommand (%s)", names);
}

int cli_list_kind(const char *cmd, int argc, char **argv, const char *kind,
		  const char *const *from, struct lc_rows *o,
		  size_t csv_ncol)
{
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	int rc = cli_list_format(cmd, argc, argv, "table,csv,json", &o->fmt);

	if (rc == 0)
		rc = cli_open(&cat, LC_OPEN_READ);
	if (rc)
		return rc;
	if (o->fmt == LC_ROWS_CSV && csv_ncol)
		o->ncol = csv_ncol;
	rc = lc_rows_kind(cat, kind, from, o, &err);
	lc_catalog_close(cat);
	return rc < 0 ? cli_fail(&err) : 0;
}
