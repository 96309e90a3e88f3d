/* error.c - the error value every fallible function fills, exit codes,
 * locale-independent number formatting and parsing, and finding data/. */
#include <errno.h>
#include <float.h>
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
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
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

/* Digits of the integer k (|k| < 2^53) into buf. */
static char *int_text(long long k, char *buf)
{
	char tmp[24];
	size_t i = 0, j = 0;
	unsigned long long u = k < 0 ? (unsigned long long)-k :
		(unsigned long long)k;

	do {
		tmp[i++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (k < 0)
		buf[j++] = '-';
	while (i)
		buf[j++] = tmp[--i];
	buf[j] = '\0';
	return buf;
}

char *lc_num_format(double v, char *buf, size_t n)
{
	if (!isfinite(v) || n < 32)
		return NULL;
	/* Most quantities are whole numbers: their digits are the answer. */
	if (v == trunc(v) && fabs(v) < 9007199254740992.0)
		return int_text((long long)v, buf);
	/* The shortest precision that reads back exactly. If any precision
	 * of 15 digits or fewer does, %.15g prints that shortest decimal
	 * (a double is closer to it than half a unit of the 15th digit, and
	 * %g drops the trailing zeros); otherwise 16, else 17. Subnormals
	 * have fewer bits than that argument needs: search them from 1. */
	for (int p = fabs(v) < DBL_MIN ? 1 : 15; p <= 17; p++) {
		snprintf(buf, n, "%.*g", p, v);
		if (strtod(buf, NULL) == v || p == 17) {
			/* Plain digits rather than an exponent for the
			 * magnitudes quantities have (0.000035, not 3.5e-05). */
			char *e = strchr(buf, 'e');
			int x = e ? atoi(e + 1) : 0, sig = 0;

			for (const char *c = buf; e && c < e; c++)
				sig += *c >= '0' && *c <= '9';
			if (e && x >= -5 && x < 16)
				snprintf(buf, n, "%.*f", sig - 1 - x > 0 ?
					 sig - 1 - x : 0, v);
			break;
		}
	}
	return buf;
}

int lc_num_parse(const char *s, double *out)
{
	char *end;
	double v;

	if (!s || !*s || strchr(" \t\n", *s))
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (*end || errno == ERANGE || !isfinite(v))
		return -1;
	/* strtod takes hex and "inf"; a submission never means those. */
	if (strpbrk(s, "xXnN"))
		return -1;
	*out = v;
	return 0;
}

static int try_path(char *buf, size_t n, const char *dir, const char *rel)
{
	struct stat st;

	if ((size_t)snprintf(buf, n, "%s/%s", dir, rel) >= n)
		return 0;
	return stat(buf, &st) == 0;
}

int lc_data_path(const char *rel, char *buf, size_t n, struct lc_error *err)
{
	const char *env = getenv("LOWCARB_DATA");
	char exe[4096], dir[4200];
	ssize_t k;

	if (env && *env) {
		if (try_path(buf, n, env, rel))
			return 0;
		return lc_error_set(err, LC_EIO, NULL, 0, NULL,
				    "no data file '%s' under '%s'", rel, env);
	}
	k = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (k > 0) {
		char *slash;

		exe[k] = '\0';
		slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
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
