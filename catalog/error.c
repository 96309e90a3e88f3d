/* error.c - the error value every fallible function fills, exit codes,
 * and finding data/. */
#include <errno.h>
#include <float.h>
#include <libintl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "catalog/catalog.h"

#ifndef LC_DATADIR
#define LC_DATADIR "/usr/local/share/lowcarb"
#endif

int lc_error_set(struct lc_error *err, int status, const char *file,
		 long line, const char *field, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return status;
	err->status = status;
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	err->line = line;
	snprintf(err->field, sizeof err->field, "%s", field ? field : "");
	/* in the language of the front end's messages, when it set one
	 * (text domain "lowcarb"; without setlocale: as written) */
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, dgettext("lowcarb", fmt), ap);
	va_end(ap);
	return status;
}

char *lc_error_format(const struct lc_error *err, char *buf, size_t n)
{
	size_t k = 0;

	buf[0] = '\0';
	if (err->file[0] && err->line > 0)
		k = (size_t)snprintf(buf, n, "%s:%ld: ", err->file, err->line);
	else if (err->file[0])
		k = (size_t)snprintf(buf, n, "%s: ", err->file);
	if (k < n && err->field[0])
		k += (size_t)snprintf(buf + k, n - k, "%s: ", err->field);
	if (k < n)
		snprintf(buf + k, n - k, "%s", err->msg);
	return buf;
}

int lc_exit_code(int status)
{
	switch (status) {
	case LC_OK:
		return 0;
	case LC_EDATA:
		return 1;
	case LC_EUSAGE:
		return 2;
	default:
		return 3;
	}
}

static int try_path(char *buf, size_t n, const char *dir, const char *rel)
{
	struct stat st;

	if ((size_t)snprintf(buf, n, "%s/%s", dir, rel) >= n)
		return 0;
	return stat(buf, &st) == 0;
}

int lc_exe_dir(char *buf, size_t n)
{
	ssize_t k = n > 1 ? readlink("/proc/self/exe", buf, n - 1) : -1;
	char *slash;

	if (k <= 0)
		return -1;
	buf[k] = '\0';
	slash = strrchr(buf, '/');
	if (slash)
		*slash = '\0';
	return 0;
}

int lc_data_path(const char *rel, char *buf, size_t n, struct lc_error *err)
{
	const char *env = getenv("LOWCARB_DATA");
	char exe[4096], dir[4200];

	if (env && *env) {
		if (try_path(buf, n, env, rel))
			return 0;
		return lc_error_set(err, LC_EIO, NULL, 0, NULL,
				    "no data file '%s' under '%s'", rel, env);
	}
	if (lc_exe_dir(exe, sizeof exe) == 0) {
		snprintf(dir, sizeof dir, "%s/data", exe);
		if (try_path(buf, n, dir, rel))
			return 0;
		snprintf(dir, sizeof dir, "%s/../share/lowcarb", exe);
		if (try_path(buf, n, dir, rel))
			return 0;
	}
	if (try_path(buf, n, LC_DATADIR, rel))
		return 0;
	return lc_error_set(err, LC_EIO, NULL, 0, NULL,
			    "no data file '%s' (set LOWCARB_DATA)", rel);
}

int lc_error_crit(struct lc_error *err, int status, size_t j,
		  const char *what)
{
	char f[32];

	snprintf(f, sizeof f, "criterion %zu", j + 1);
	return lc_error_set(err, status, NULL, 0, f, "%s", what);
}

long lc_error_crit_of(const struct lc_error *err, size_t n)
{
	unsigned long j;

	if (!err || sscanf(err->field, "criterion %lu", &j) != 1 || j < 1 ||
	    j > n)
		return -1;
	return (long)j - 1;
}
