/* trl.c - technology readiness levels as sources give them: a number
 * ("7", "7.0") or a range ("4-5", " 10-11"), on the 1-9 scale or the
 * IEA's 1-11, read into bounds and brought to the 1-9 scale that ranks. */
#include <stdio.h>
#include <string.h>
#include "catalog/catalog.h"

/* Reads a whole level at *p ("7" or "7.0", "7.00"): 0 and *out, -1. */
static int level(const char **p, int *out)
{
	const char *s = *p;
	int v = 0, n = 0;

	while (*s >= '0' && *s <= '9' && n < 3) {
		v = v * 10 + (*s++ - '0');
		n++;
	}
	if (n == 0 || (*s >= '0' && *s <= '9'))
		return -1;
	if (*s == '.') {
		s++;
		if (*s != '0')
			return -1;
		while (*s == '0')
			s++;
	}
	*p = s;
	*out = v;
	return 0;
}

static const char *skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

int lc_trl_range(const char *s, int *lo, int *hi)
{
	static const char *const dash[] = { "-", "\u2013", "\u2014", "~",
					    "\uff5e", "\u81f3", NULL };
	int a, b;

	if (!s)
		return -1;
	s = skip_space(s);
	if (level(&s, &a))
		return -1;
	s = skip_space(s);
	b = a;
	if (*s) {
		size_t k;
		int i;

		for (i = 0; dash[i]; i++) {
			k = strlen(dash[i]);
			if (strncmp(s, dash[i], k) == 0)
				break;
		}
		if (!dash[i])
			return -1;
		s = skip_space(s + k);
		if (level(&s, &b))
			return -1;
		s = skip_space(s);
		if (*s)
			return -1;
	}
	if (a < 1 || b > 11 || b < a)
		return -1;
	*lo = a;
	*hi = b;
	return 0;
}

int lc_trl_rank(int level_)
{
	return level_ > 9 ? 9 : level_;
}

const char *lc_tech_trl_text(const struct lc_tech *t, char *buf, size_t n)
{
	const char *src = lc_tech_get(t, LC_F_TRL_SOURCE);
	const char *trl = lc_tech_get(t, LC_F_TRL);

	snprintf(buf, n, "%s", src ? src : trl ? trl : "");
	return buf;
}
