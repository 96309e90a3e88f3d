/* tech.c - struct lc_tech, one technology dossier in memory: every field
 * as text (numbers canonical, in base units), what the submitter wrote,
 * demonstration projects and status. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/codec.h"

/* Invariants: val[f] is NULL or a heap string; for LC_FT_INT/LC_FT_NUM
 * fields has_num[f] == (val[f] != NULL) and val[f] is lc_num_format(num[f]);
 * demos[i] strings are heap copies owned here. */
struct lc_tech {
	char *val[LC_F__COUNT];         /* stored text; NULL when absent */
	char *src[LC_F__COUNT];         /* quantity as written, or NULL */
	double num[LC_F__COUNT];        /* the number, when has_num */
	unsigned char has_num[LC_F__COUNT];
	int status;                     /* enum lc_tech_status */
	char *reason;                   /* why rejected, or NULL */
	struct lc_demo *demos;          /* ndemo projects */
	size_t ndemo, cap;              /* used and allocated */
};

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

struct lc_tech *lc_tech_new(void)
{
	struct lc_tech *t = calloc(1, sizeof *t);

	if (t)
		t->status = LC_ST_SUBMITTED;
	return t;
}

static void demo_release(struct lc_demo *d)
{
	free((char *)d->site);
	free((char *)d->enterprise);
	free((char *)d->capacity);
	free((char *)d->site_en);
	free((char *)d->enterprise_en);
	free((char *)d->capacity_en);
}

void lc_tech_free(struct lc_tech *t)
{
	if (!t)
		return;
	for (int f = 0; f < LC_F__COUNT; f++) {
		free(t->val[f]);
		free(t->src[f]);
	}
	free(t->reason);
	for (size_t i = 0; i < t->ndemo; i++)
		demo_release(&t->demos[i]);
	free(t->demos);
	free(t);
}

struct lc_tech *lc_tech_dup(const struct lc_tech *t)
{
	struct lc_tech *c = lc_tech_new();

	if (!c)
		return NULL;
	for (int f = 0; f < LC_F__COUNT; f++) {
		c->val[f] = dup_or_null(t->val[f]);
		c->src[f] = dup_or_null(t->src[f]);
		c->num[f] = t->num[f];
		c->has_num[f] = t->has_num[f];
		if ((t->val[f] && !c->val[f]) || (t->src[f] && !c->src[f]))
			goto fail;
	}
	if (lc_tech_set_status(c, t->status, t->reason) < 0)
		goto fail;
	for (size_t i = 0; i < t->ndemo; i++)
		if (lc_tech_add_demo(c, &t->demos[i]) < 0)
			goto fail;
	return c;
fail:
	lc_tech_free(c);
	return NULL;
}

const char *lc_tech_get(const struct lc_tech *t, int f)
{
	return f >= 0 && f < LC_F__COUNT ? t->val[f] : NULL;
}

static void clear_field(struct lc_tech *t, int f)
{
	free(t->val[f]);
	free(t->src[f]);
	t->val[f] = t->src[f] = NULL;
	t->has_num[f] = 0;
}

int lc_tech_set(struct lc_tech *t, int f, const char *value,
		struct lc_error *err)
{
	const char *name = lc_field_name(f);
	double v;

	if (!name || f == LC_F_PROJECTS)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, NULL,
				    "no field number %d (projects are set "
				    "with lc_tech_add_demo)", f);
	if (!value || !*value) {
		clear_field(t, f);
		return 0;
	}
	switch (lc_field_type(f)) {
	case LC_FT_ENUM:
		if ((f == LC_F_SECTOR && lc_sector_from_name(value) < 0) ||
		    (f == LC_F_CATEGORY && lc_category_from_name(value) < 0) ||
		    (f == LC_F_GAS && lc_gas_from_name(value) < 0))
			return lc_error_set(err, LC_EDATA, NULL, 0, name,
					    "unknown %s '%s'", name, value);
		break;
	case LC_FT_INT:
		if (lc_num_parse(value, &v) < 0 || v != floor(v) ||
		    fabs(v) > INT_MAX)
			return lc_error_set(err, LC_EDATA, NULL, 0, name,
					    "not a whole number: '%s'",
					    value);
		return lc_tech_set_num(t, f, v, NULL) < 0 ?
			lc_error_set(err, LC_ENOMEM, NULL, 0, name,
				     "out of memory") : 0;
	case LC_FT_NUM:
		if (lc_num_parse(value, &v) < 0)
			return lc_error_set(err, LC_EDATA, NULL, 0, name,
					    "not a number: '%s'", value);
		return lc_tech_set_num(t, f, v, NULL) < 0 ?
			lc_error_set(err, LC_ENOMEM, NULL, 0, name,
				     "out of memory") : 0;
	case LC_FT_TEXT:
		break;
	}
	{
		char *copy = strdup(value);

		if (!copy)
			return lc_error_set(err, LC_ENOMEM, NULL, 0, name,
					    "out of memory");
		clear_field(t, f);
		t->val[f] = copy;
	}
	return 0;
}

int lc_tech_set_num(struct lc_tech *t, int f, double v, const char *src)
{
	char buf[40], *val, *s = NULL;
	enum lc_field_type ty = lc_field_type(f);

	if (f < 0 || f >= LC_F__COUNT || (ty != LC_FT_NUM && ty != LC_FT_INT))
		return LC_EUSAGE;
	/* A whole-number field never holds a fraction: it would not read
	 * back. */
	if (ty == LC_FT_INT && (v != floor(v) || fabs(v) > INT_MAX))
		return LC_EDATA;
	if (!lc_num_format(v, buf, sizeof buf))
		return LC_EDATA;
	val = strdup(buf);
	if (src && strcmp(src, buf) != 0)
		s = strdup(src);
	if (!val || (src && strcmp(src, buf) != 0 && !s)) {
		free(val);
		free(s);
		return LC_ENOMEM;
	}
	clear_field(t, f);
	t->val[f] = val;
	t->src[f] = s;
	t->num[f] = v;
	t->has_num[f] = 1;
	return 0;
}

int lc_tech_set_canonical(struct lc_tech *t, int f, const char *text)
{
	double v;
	char *copy;

	if (lc_num_parse(text, &v) < 0)
		return LC_EIO;
	copy = strdup(text);
	if (!copy)
		return LC_ENOMEM;
	clear_field(t, f);
	t->val[f] = copy;
	t->num[f] = v;
	t->has_num[f] = 1;
	return 0;
}

int lc_tech_num(const struct lc_tech *t, int f, double *out)
{
	if (f < 0 || f >= LC_F__COUNT || !t->has_num[f])
		return 0;
	*out = t->num[f];
	return 1;
}

const char *lc_tech_src(const struct lc_tech *t, int f)
{
	return f >= 0 && f < LC_F__COUNT ? t->src[f] : NULL;
}

int lc_tech_sector(const struct lc_tech *t)
{
	return lc_sector_from_name(t->val[LC_F_SECTOR]);
}

int lc_tech_category(const struct lc_tech *t)
{
	return lc_category_from_name(t->val[LC_F_CATEGORY]);
}

int lc_tech_trl(const struct lc_tech *t)
{
	return t->has_num[LC_F_TRL] ? (int)t->num[LC_F_TRL] : 0;
}

int lc_tech_status(const struct lc_tech *t)
{
	return t->status;
}

int lc_tech_set_status(struct lc_tech *t, int status, const char *reason)
{
	char *r = NULL;

	if (!lc_status_name(status))
		return LC_EUSAGE;
	if (reason && *reason) {
		r = strdup(reason);
		if (!r)
			return LC_ENOMEM;
	}
	free(t->reason);
	t->reason = r;
	t->status = status;
	return 0;
}

const char *lc_tech_status_reason(const struct lc_tech *t)
{
	return t->reason;
}

size_t lc_tech_demo_count(const struct lc_tech *t)
{
	return t->ndemo;
}

const struct lc_demo *lc_tech_demo(const struct lc_tech *t, size_t i)
{
	return i < t->ndemo ? &t->demos[i] : NULL;
}

int lc_tech_add_demo(struct lc_tech *t, const struct lc_demo *d)
{
	struct lc_demo c;

	if (t->ndemo == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 4;
		struct lc_demo *p = realloc(t->demos, cap * sizeof *p);

		if (!p)
			return LC_ENOMEM;
		t->demos = p;
		t->cap = cap;
	}
	c.site = dup_or_null(d->site);
	c.enterprise = dup_or_null(d->enterprise);
	c.capacity = dup_or_null(d->capacity);
	c.site_en = dup_or_null(d->site_en);
	c.enterprise_en = dup_or_null(d->enterprise_en);
	c.capacity_en = dup_or_null(d->capacity_en);
	c.year = d->year;
	c.abatement = d->abatement;
	if ((d->site && !c.site) || (d->enterprise && !c.enterprise) ||
	    (d->capacity && !c.capacity) || (d->site_en && !c.site_en) ||
	    (d->enterprise_en && !c.enterprise_en) ||
	    (d->capacity_en && !c.capacity_en)) {
		demo_release(&c);
		return LC_ENOMEM;
	}
	t->demos[t->ndemo++] = c;
	return 0;
}

static int str_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static int num_eq(double a, double b)
{
	return a == b || (isnan(a) && isnan(b));
}

static int demos_eq(const struct lc_tech *a, const struct lc_tech *b)
{
	if (a->ndemo != b->ndemo)
		return 0;
	for (size_t i = 0; i < a->ndemo; i++) {
		const struct lc_demo *x = &a->demos[i], *y = &b->demos[i];

		if (!str_eq(x->site, y->site) ||
		    !str_eq(x->enterprise, y->enterprise) ||
		    !str_eq(x->capacity, y->capacity) || x->year != y->year ||
		    !str_eq(x->site_en, y->site_en) ||
		    !str_eq(x->enterprise_en, y->enterprise_en) ||
		    !str_eq(x->capacity_en, y->capacity_en) ||
		    !num_eq(x->abatement, y->abatement))
			return 0;
	}
	return 1;
}

static void add_name(char *buf, size_t n, size_t *k, const char *name)
{
	int w;

	if (!buf || *k >= n)
		return;
	w = snprintf(buf + *k, n - *k, "%s%s", *k ? "," : "", name);
	if (w > 0)
		*k += (size_t)w;
}

int lc_tech_diff(const struct lc_tech *a, const struct lc_tech *b,
		 char *buf, size_t n)
{
	size_t k = 0;
	int count = 0;

	if (buf && n)
		buf[0] = '\0';
	for (int f = 0; f < LC_F__COUNT; f++)
		if (!str_eq(a->val[f], b->val[f])) {
			add_name(buf, n, &k, lc_field_name(f));
			count++;
		}
	if (!demos_eq(a, b)) {
		add_name(buf, n, &k, "projects");
		count++;
	}
	if (a->status != b->status || !str_eq(a->reason, b->reason)) {
		add_name(buf, n, &k, "status");
		count++;
	}
	return count;
}

int lc_tech_not_co2(const struct lc_tech *t)
{
	const char *g = lc_tech_get(t, LC_F_GAS);

	return g && *g && strcmp(g, "CO2") != 0;
}
