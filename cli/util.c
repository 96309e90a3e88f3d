/* util.c - what every command shares: the catalog choice, opening it,
 * printing errors and reading integer arguments. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include "cli/cli.h"

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

	fprintf(stderr, "lowcarb: %s\n", lc_error_format(err, buf, sizeof buf));
	return lc_exit_code(err->status ? err->status : LC_EIO);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "lowcarb: %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\ntry 'lowcarb help %s'\n", cmd);
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
