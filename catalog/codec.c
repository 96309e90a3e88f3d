/* codec.c - a dossier to and from the columns it is stored as: one column
 * per field (numbers canonical), "FIELD@src" for what the submitter wrote,
 * "projects" for demonstration projects, status and reason. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/codec.h"

/* A growing string; failed is set (and the text dropped) when memory
 * runs out. */
struct sbuf {
	char *p;
	size_t len, cap;
	int failed;
};

static void put(struct sbuf *b, char c)
{
	if (b->failed)
		return;
	if (b->len == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 256;
		char *p = realloc(b->p, cap);

		if (!p) {
			b->failed = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	b->p[b->len++] = c;
}

/* Projects are lines of five tab-separated cells, or eight when a project
 * has English text (site_en, enterprise_en, capacity_en follow); tab,
 * newline and
 * backslash inside a cell are escaped as \t \n \\. Appends s escaped,
 * then sep. */
static void put_cell(struct sbuf *b, const char *s, char sep)
{
	for (; s && *s; s++) {
		char e = *s == '\t' ? 't' : *s == '\n' ? 'n' :
			 *s == '\\' ? '\\' : 0;

		if (e) {
			put(b, '\\');
			put(b, e);
		} else {
			put(b, *s);
		}
	}
	put(b, sep);
}

/* Returns the projects of t encoded (caller frees), or NULL when out of
 * memory. */
static char *encode_projects(const struct lc_tech *t)
{
	struct sbuf b = { NULL, 0, 0, 0 };
	char num[40];
	int en;   /* the project has English text: eight cells, not five */

	for (size_t i = 0; i < lc_tech_demo_count(t); i++) {
		const struct lc_demo *d = lc_tech_demo(t, i);

		put_cell(&b, d->site, '\t');
		put_cell(&b, d->enterprise, '\t');
		if (d->year)
			snprintf(num, sizeof num, "%d", d->year);
		else
			num[0] = '\0';
		put_cell(&b, num, '\t');
		put_cell(&b, d->capacity, '\t');
		en = d->site_en || d->enterprise_en || d->capacity_en;
		put_cell(&b, lc_num_format(d->abatement, num, sizeof num),
			 en ? '\t' : '\n');
		if (!en)
			continue;
		put_cell(&b, d->site_en, '\t');
		put_cell(&b, d->enterprise_en, '\t');
		put_cell(&b, d->capacity_en, '\n');
	}
	put(&b, '\0');
	if (b.failed) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

/* Splits one project line in place into 5 or 8 unescaped cells (the
 * last three "" when there are 5). */
static int split_line(char *line, char *cell[8])
{
	int k = 0;
	char *w = line;

	cell[0] = line;
	for (char *r = line; *r; r++) {
		if (*r == '\\' && r[1]) {
			r++;
			*w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r;
		} else if (*r == '\t') {
			*w++ = '\0';
			if (++k >= 8)
				return -1;
			cell[k] = w;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	for (int i = k + 1; i < 8; i++)
		cell[i] = w;
	return k == 4 || k == 7 ? 0 : -1;
}

static int decode_projects(struct lc_tech *t, const char *s)
{
	char *copy = strdup(s), *line, *save = NULL;
	int rc = 0;

	if (!copy)
		return LC_ENOMEM;
	for (line = strtok_r(copy, "\n", &save); line && rc == 0;
	     line = strtok_r(NULL, "\n", &save)) {
		char *cell[8];
		struct lc_demo d = { 0 };
		double v;

		if (split_line(line, cell) < 0) {
			rc = LC_EIO;
			break;
		}
		d.site = *cell[0] ? cell[0] : NULL;
		d.enterprise = *cell[1] ? cell[1] : NULL;
		d.year = *cell[2] ? atoi(cell[2]) : 0;
		d.capacity = *cell[3] ? cell[3] : NULL;
		d.abatement = lc_num_parse(cell[4], &v) == 0 ? v : NAN;
		d.site_en = *cell[5] ? cell[5] : NULL;
		d.enterprise_en = *cell[6] ? cell[6] : NULL;
		d.capacity_en = *cell[7] ? cell[7] : NULL;
		rc = lc_tech_add_demo(t, &d);
	}
	free(copy);
	return rc;
}

int lc_codec_to_rec(const struct lc_tech *t, struct lc_rec *r)
{
	char name[80];
	char *projects;
	int rc = 0;

	for (int f = 0; f < LC_F__COUNT && rc == 0; f++) {
		const char *v = lc_tech_get(t, f), *src = lc_tech_src(t, f);

		if (!v)
			continue;
		rc = lc_rec_set(r, lc_field_name(f), v);
		if (rc == 0 && src) {
			/* written for every such field of every dossier:
			 * no snprintf */
			const char *fn = lc_field_name(f);
			size_t k = strlen(fn);

			if (k + sizeof "@src" > sizeof name)
				return LC_EUSAGE;
			memcpy(name, fn, k);
			memcpy(name + k, "@src", sizeof "@src");
			rc = lc_rec_set(r, name, src);
		}
	}
	if (rc == 0)
		rc = lc_rec_set(r, "status",
				lc_status_name(lc_tech_status(t)));
	if (rc == 0 && lc_tech_status_reason(t))
		rc = lc_rec_set(r, "reason", lc_tech_status_reason(t));
	if (rc == 0 && lc_tech_demo_count(t)) {
		projects = encode_projects(t);
		rc = projects ? lc_rec_set(r, "projects", projects) :
			LC_ENOMEM;
		free(projects);
	}
	return rc;
}

/* The column name prefix + field + suffix in buf (COL_MAX bytes; the
 * names are short and fixed); returns buf. Read for every field of every
 * dossier, hence no snprintf. */
#define COL_MAX 80
static const char *col(char *buf, const char *prefix, size_t plen,
		       const char *field, const char *suffix)
{
	size_t f = strlen(field), x = strlen(suffix);

	if (plen + f + x + 1 > COL_MAX)
		return "";
	if (plen)
		memcpy(buf, prefix, plen);
	memcpy(buf + plen, field, f);
	memcpy(buf + plen + f, suffix, x + 1);
	return buf;
}

int lc_codec_from_rec(const struct lc_rec *r, const char *prefix,
		      struct lc_tech **out)
{
	struct lc_tech *t = lc_tech_new();
	size_t plen = prefix ? strlen(prefix) : 0;
	char name[COL_MAX];
	const char *v;
	int rc = 0;

	*out = NULL;
	if (!t)
		return LC_ENOMEM;
	for (int f = 0; f < LC_F__COUNT && rc == 0; f++) {
		if (f == LC_F_PROJECTS)
			continue;   /* the "projects" column is read below */
		v = lc_rec_get(r, col(name, prefix, plen, lc_field_name(f),
				      ""));
		if (!v)
			continue;
		if (lc_field_type(f) == LC_FT_NUM ||
		    lc_field_type(f) == LC_FT_INT)
			rc = lc_tech_set_canonical(t, f, v);
		else
			rc = lc_tech_set(t, f, v, NULL);
		if (rc == 0 && lc_field_type(f) == LC_FT_NUM) {
			double d;

			const char *src = lc_rec_get(r, col(name, prefix,
				plen, lc_field_name(f), "@src"));

			if (src && lc_tech_num(t, f, &d))
				rc = lc_tech_set_num(t, f, d, src);
		}
	}
	v = lc_rec_get(r, col(name, prefix, plen, "status", ""));
	if (rc == 0 && v) {
		const char *reason;

		reason = lc_rec_get(r, col(name, prefix, plen, "reason", ""));
		rc = lc_status_from_name(v) < 0 ? LC_EIO :
			lc_tech_set_status(t, lc_status_from_name(v), reason);
	}
	v = lc_rec_get(r, col(name, prefix, plen, "projects", ""));
	if (rc == 0 && v)
		rc = decode_projects(t, v);
	if (rc < 0) {
		lc_tech_free(t);
		return rc;
	}
	*out = t;
	return 0;
}
