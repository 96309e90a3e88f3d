/* map_value.c - a foreign cell into a field's text, as its mapping
 * profile says: headers compared whatever their width, {edition}
 * placeholders, TRL levels and ranges on their scale, quantity ranges
 * and unit hints, sequence numbers and generated ids. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"
#include "importers/mapping.h"

void map_header_norm(const char *s, char *buf, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;

	while (*p && o + 4 < n) {
		/* U+FF01..U+FF5E: EF BC 81..EF BD 9E */
		if (p[0] == 0xEF && (p[1] == 0xBC || p[1] == 0xBD) && p[2]) {
			unsigned cp = ((unsigned)(p[1] & 0x3F) << 6) |
				      (p[2] & 0x3F);

			cp |= 0xF000;
			if (cp >= 0xFF01 && cp <= 0xFF5E) {
				buf[o++] = (char)(cp - 0xFF01 + 0x21);
				p += 3;
				continue;
			}
		}
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
			p++;
			continue;
		}
		if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
			p += 3;          /* U+3000 ideographic space */
			continue;
		}
		if (p[0] == 0xC2 && p[1] == 0xA0) {
			p += 2;          /* U+00A0 no-break space */
			continue;
		}
		buf[o++] = (char)*p++;
	}
	buf[o] = '\0';
}

int map_expand(const char *tmpl, const char *edition, char *buf, size_t n,
	       char *why, size_t nwhy)
{
	size_t o = 0;
	const char *p = tmpl;

	while (*p) {
		const char *e;
		long add = 0;
		int k;

		if (strncmp(p, "{edition", 8) != 0) {
			if (o + 1 >= n) {
				snprintf(why, nwhy, "'%s' is too long", tmpl);
				return -1;
			}
			buf[o++] = *p++;
			continue;
		}
		e = p + 8;
		if (*e == '+' || *e == '-') {
			char *end;

			add = strtol(e, &end, 10);
			e = end;
		}
		if (*e != '}') {
			snprintf(why, nwhy, "'%s': a placeholder is {edition} "
				 "or {edition+N}", tmpl);
			return -1;
		}
		if (!edition) {
			snprintf(why, nwhy, "'%s' needs the edition "
				 "(--edition)", tmpl);
			return -1;
		}
		k = snprintf(buf + o, n - o, "%ld", strtol(edition, NULL, 10) +
			     add);
		if (k < 0 || (size_t)k >= n - o) {
			snprintf(why, nwhy, "'%s' is too long", tmpl);
			return -1;
		}
		o += (size_t)k;
		p = e + 1;
	}
	buf[o] = '\0';
	return 0;
}

int map_trl(const struct map_column *c, const char *cell, int *trl,
	    char *why, size_t nwhy)
{
	int lo, hi, v;

	if (lc_trl_range(cell, &lo, &hi) != 0) {
		snprintf(why, nwhy, "TRL '%s' is neither a level (7, 7.0) nor "
			 "a range (4-5) of 1 to %d", cell, c->scale11 ? 11 : 9);
		return -1;
	}
	if (hi > (c->scale11 ? 11 : 9)) {
		snprintf(why, nwhy, "TRL '%s' is beyond the %s scale", cell,
			 c->scale11 ? "1-11" : "1-9");
		return -1;
	}
	if (lo != hi && c->range == MAP_RANGE_NONE) {
		snprintf(why, nwhy, "TRL '%s' is a range: the profile does "
			 "not say which end to take (range lower, upper or "
			 "midpoint)", cell);
		return -1;
	}
	v = c->range == MAP_RANGE_UPPER ? hi : c->range == MAP_RANGE_MID ?
		(lo + hi) / 2 : lo;
	*trl = lc_trl_rank(v);
	return 0;
}

int map_bare_number(const char *s)
{
	int digits = 0, dot = 0;

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (*s == '.' && !dot)
			dot = 1;
		else if (*s != ',' || !digits)
			return 0;
	}
	return digits > 0;
}

/* Length of the number at s ("1,200.5"), 0 when none. */
static size_t number_len(const char *s)
{
	size_t i = 0;
	int dot = 0;

	if (!(s[0] >= '0' && s[0] <= '9'))
		return 0;
	while ((s[i] >= '0' && s[i] <= '9') || s[i] == ',' ||
	       (s[i] == '.' && !dot)) {
		dot |= s[i] == '.';
		i++;
	}
	return i;
}

/* The range separators a cell may use. */
static size_t dash_len(const char *s)
{
	static const char *const dash[] = { "-", "\u2013", "\u2014", "~",
					    "\uff5e", "\u81f3", NULL };

	for (int i = 0; dash[i]; i++)
		if (strncmp(s, dash[i], strlen(dash[i])) == 0)
			return strlen(dash[i]);
	return 0;
}

static double plain(const char *s, size_t n)
{
	char b[64];
	size_t o = 0;
	double v = 0;

	for (size_t i = 0; i < n && o + 1 < sizeof b; i++)
		if (s[i] != ',')
			b[o++] = s[i];
	b[o] = '\0';
	(void)lc_num_parse(b, &v);
	return v;
}

int map_quantity(const struct map_column *c, const char *cell, char *buf,
		 size_t n, const char **unit_out, char *why, size_t nwhy)
{
	const char *a = cell, *p, *b, *rest;
	size_t na, nb, da, ua;

	*unit_out = NULL;
	na = number_len(a);
	p = a + na;
	/* a unit may follow the first number too: "10%-20%" */
	ua = 0;
	while (na && p[ua] && !dash_len(p + ua) && p[ua] != ' ' &&
	       !(p[ua] >= '0' && p[ua] <= '9'))
		ua++;
	p += ua;
	while (*p == ' ')
		p++;
	da = na ? dash_len(p) : 0;
	b = p + da;
	while (da && *b == ' ')
		b++;
	nb = da ? number_len(b) : 0;
	if (!nb) {
		snprintf(buf, n, "%s", cell);
	} else {
		rest = b + nb;
		if (c->range == MAP_RANGE_NONE) {
			snprintf(why, nwhy, "'%s' is a range: the profile does "
				 "not say which end to take (range lower, "
				 "upper or midpoint)", cell);
			return -1;
		}
		if (c->range == MAP_RANGE_LOWER && ua) {
			/* "10%-20%": the first number with its own unit */
			snprintf(buf, n, "%.*s", (int)(na + ua), a);
		} else if (c->range == MAP_RANGE_LOWER) {
			/* "10-20%": the unit written once, at the end */
			snprintf(buf, n, "%.*s%s", (int)na, a, rest);
		} else if (c->range == MAP_RANGE_UPPER) {
			snprintf(buf, n, "%s", b);
		} else {
			char num[40];

			if (!lc_num_format((plain(a, na) + plain(b, nb)) / 2,
					   num, sizeof num)) {
				snprintf(why, nwhy, "'%s': no midpoint", cell);
				return -1;
			}
			snprintf(buf, n, "%s%s", num, rest);
		}
	}
	if (c->unit && map_bare_number(buf))
		*unit_out = c->unit;
	return 0;
}

int map_sequence(const char *cell, char *buf, size_t n)
{
	size_t len = strlen(cell);

	if (len == 0 || len > 7 || strspn(cell, "0123456789") != len ||
	    strspn(cell, "0") == len)
		return -1;
	snprintf(buf, n, "%03ld", strtol(cell, NULL, 10));
	return 0;
}

unsigned long map_hash_seq(const char *key)
{
	return 10000UL + (unsigned long)(lc_hash_str(key) % 90000ULL);
}
