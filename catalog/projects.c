/* projects.c - a dossier's demonstration projects written as text, so
 * that a CSV row carries them and a person can read and write them: one
 * project a line, "site | enterprise | year | capacity | abatement",
 * then, when the project has English text, " | site_en | enterprise_en |
 * capacity_en"; '|' and '\' inside a field escaped with '\', abatement
 * in tCO2/a. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"

/* Appends s escaped to buf (len, cap); -1 when out of memory. */
static int put(char **buf, size_t *len, size_t *cap, const char *s,
	       int escape)
{
	for (; s && *s; s++) {
		if (*len + 3 > *cap) {
			size_t nc = *cap ? 2 * *cap : 128;
			char *b = realloc(*buf, nc);

			if (!b)
				return -1;
			*buf = b;
			*cap = nc;
		}
		if (escape && (*s == '|' || *s == '\\'))
			(*buf)[(*len)++] = '\\';
		(*buf)[(*len)++] = *s;
	}
	return 0;
}

char *lc_projects_text(const struct lc_tech *t)
{
	size_t n = lc_tech_demo_count(t), len = 0, cap = 0;
	char *buf = NULL;

	if (n == 0)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const struct lc_demo *d = lc_tech_demo(t, i);
		char year[16] = "", ab[40] = "";

		if (d->year)
			snprintf(year, sizeof year, "%d", d->year);
		if (d->abatement == d->abatement)
			lc_num_format(d->abatement, ab, sizeof ab);
		if ((i && put(&buf, &len, &cap, "\n", 0)) ||
		    put(&buf, &len, &cap, d->site, 1) ||
		    put(&buf, &len, &cap, " | ", 0) ||
		    put(&buf, &len, &cap, d->enterprise, 1) ||
		    put(&buf, &len, &cap, " | ", 0) ||
		    put(&buf, &len, &cap, year, 0) ||
		    put(&buf, &len, &cap, " | ", 0) ||
		    put(&buf, &len, &cap, d->capacity, 1) ||
		    put(&buf, &len, &cap, " | ", 0) ||
		    put(&buf, &len, &cap, ab, 0)) {
			free(buf);
			return NULL;
		}
		if (!d->site_en && !d->enterprise_en && !d->capacity_en)
			continue;
		if (put(&buf, &len, &cap, " | ", 0) ||
		    put(&buf, &len, &cap, d->site_en, 1) ||
		    put(&buf, &len, &cap, " | ", 0) ||
		    put(&buf, &len, &cap, d->enterprise_en, 1) ||
		    put(&buf, &len, &cap, " | ", 0) ||
		    put(&buf, &len, &cap, d->capacity_en, 1)) {
			free(buf);
			return NULL;
		}
	}
	if (put(&buf, &len, &cap, " ", 0)) {   /* room for the NUL */
		free(buf);
		return NULL;
	}
	buf[len - 1] = '\0';
	return buf;
}

/* Trims spaces and tabs around s[0..n) in place; returns the start. */
static char *trim(char *s, size_t *n)
{
	while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t'))
		(*n)--;
	while (*n && (*s == ' ' || *s == '\t')) {
		s++;
		(*n)--;
	}
	s[*n] = '\0';
	return s;
}

int lc_projects_parse(const char *text,
		      int (*fn)(char *const f[LC_PROJECT_FIELDS], long line,
				void *ctx),
		      void *ctx, long *line, char *why, size_t n)
{
	char *copy = strdup(text ? text : ""), *p = copy;
	int rc = 0;

	*line = 0;
	if (!copy) {
		snprintf(why, n, "out of memory");
		return -1;
	}
	while (*p && rc == 0) {
		char none[LC_PROJECT_FIELDS] = { 0 }, *end = strchr(p, '\n');
		char *f[LC_PROJECT_FIELDS];
		char *w = p, *start = p;
		int k = 0;

		for (int i = 0; i < LC_PROJECT_FIELDS; i++)
			f[i] = none + i;
		++*line;
		if (end)
			*end = '\0';
		/* unescape in place, splitting at the bare '|' */
		for (char *r = p;; r++) {
			if (*r == '\\' && (r[1] == '|' || r[1] == '\\')) {
				*w++ = *++r;
				continue;
			}
			if (*r == '|' || *r == '\0') {
				size_t len = (size_t)(w - start);
				int last = *r == '\0';

				if (k == LC_PROJECT_FIELDS) {
					snprintf(why, n, "more than 8 fields "
						 "(site | enterprise | year | "
						 "capacity | abatement | "
						 "site_en | enterprise_en | "
						 "capacity_en)");
					rc = -1;
					break;
				}
				f[k++] = trim(start, &len);
				start = w = r + 1;
				if (last)
					break;
				continue;
			}
			*w++ = *r;
		}
		if (rc == 0 && (k > 1 || *f[0]))
			rc = fn(f, *line, ctx);
		p = end ? end + 1 : p + strlen(p);
	}
	free(copy);
	return rc;
}
