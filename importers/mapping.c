/* mapping.c - a mapping profile from its XML tree (parsed and validated
 * by mapping_xml.c): what a schema cannot check is checked here (field
 * names, one way to give each field, values valid for their field,
 * patterns that compile, a way to make ids), every problem naming the
 * profile's file and line. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>
#include "importers/mapping.h"

static int is(const xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)node->name, name) == 0;
}

/* A copy of attribute name (NULL when absent or out of memory: *oom). */
static char *attr(xmlNode *node, const char *name, int *oom)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
	char *d;

	if (!v)
		return NULL;
	d = strdup((const char *)v);
	xmlFree(v);
	if (!d)
		*oom = 1;
	return d;
}

/* Loading state: the profile, its path for messages, the error. */
struct ld {
	struct lc_mapping *m;
	struct lc_error *err;
	int oom;
};

static int bad(struct ld *l, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int bad(struct ld *l, long line, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return lc_error_set(l->err, LC_EDATA, l->m->path, line, NULL, "%s",
			    msg);
}

static int nomem(struct ld *l)
{
	return lc_error_set(l->err, LC_ENOMEM, NULL, 0, NULL,
			    "out of memory");
}

/* The field named by attribute a of node, which must exist and be one a
 * profile may set (not id: <id>, not origin: the profile's name). */
static int field_attr(struct ld *l, xmlNode *node, const char *a, int *out)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)a);
	long line = xmlGetLineNo(node);
	int f;

	if (!v) {
		*out = -1;
		return 0;
	}
	f = lc_field_lookup((const char *)v);
	if (f < 0 || f == LC_F_ORIGIN) {
		int rc = bad(l, line, "%s: '%s' is not a field a profile "
			     "can set", a, (const char *)v);
		xmlFree(v);
		return rc;
	}
	xmlFree(v);
	*out = f;
	return 0;
}

static int compile(struct ld *l, const char *pattern, long line,
		   pcre2_code **out)
{
	int ec;
	PCRE2_SIZE off;

	*out = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
			     PCRE2_UTF, &ec, &off, NULL);
	if (!*out) {
		PCRE2_UCHAR msg[160];

		pcre2_get_error_message(ec, msg, sizeof msg);
		return bad(l, line, "bad pattern '%s' at offset %zu: %s",
			   pattern, (size_t)off, (char *)msg);
	}
	/* JIT is an optimisation: without it matching still works */
	(void)pcre2_jit_compile(*out, PCRE2_JIT_COMPLETE);
	return 0;
}

/* Says that field f is given by way g; a field given two ways, or twice
 * by a column or constant, is an error (rules may be many). */
static int give(struct ld *l, int f, int g, long line)
{
	static const char *const how[] = { "", "a column", "a constant",
					   "rules" };
	int was = l->m->given[f];

	if (was == MAP_NONE || (was == MAP_RULES && g == MAP_RULES)) {
		l->m->given[f] = g;
		return 0;
	}
	return bad(l, line, "field '%s' is given by %s already%s",
		   lc_field_name(f), how[was], was == g ? "" : ": one way "
		   "per field");
}

/* Checks a value the profile writes for field f (placeholders are
 * checked when the edition is known). */
static int check_value(struct ld *l, int f, const char *v, long line)
{
	struct lc_tech *t;
	struct lc_error e;
	int rc;

	if (strchr(v, '{'))
		return 0;
	if (lc_field_type(f) == LC_FT_NUM) {
		double d;

		if (lc_quantity_parse(f, v, NULL, &d, &e) != 0)
			return bad(l, line, "%s: %s", lc_field_name(f), e.msg);
		return 0;
	}
	if (f == LC_F_PROJECTS)
		return 0;
	t = lc_tech_new();
	if (!t)
		return nomem(l);
	rc = lc_tech_set(t, f, v, &e);
	lc_tech_free(t);
	if (rc == LC_ENOMEM)
		return nomem(l);
	if (rc)
		return bad(l, line, "%s: %s", lc_field_name(f), e.msg);
	if (f == LC_F_TRL && lc_rules_check("trl", v, &e) != 0)
		return bad(l, line, "trl: %s", e.msg);
	return 0;
}

/* The <match> children of node into *out (nm). */
static int matches(struct ld *l, xmlNode *node, struct map_match **out,
		   size_t *nm)
{
	size_t cap = 0;

	*out = NULL;
	*nm = 0;
	for (xmlNode *c = node->children; c; c = c->next) {
		struct map_match *x;
		long line = xmlGetLineNo(c);
		int rc;

		if (!is(c, "match"))
			continue;
		x = lc_grow(*out, &cap, *nm, sizeof **out);
		if (!x)
			return nomem(l);
		*out = x;
		x = &(*out)[(*nm)++];
		memset(x, 0, sizeof *x);
		x->line = line;
		x->column = attr(c, "column", &l->oom);
		x->pattern = attr(c, "pattern", &l->oom);
		rc = field_attr(l, c, "field", &x->field);
		if (rc)
			return rc;
		if (l->oom)
			return nomem(l);
		if ((x->column != NULL) == (x->field >= 0))
			return bad(l, line, "a match tests a column or a "
				   "field: one of them");
		/* {edition} in a pattern (a sector model's year column):
		 * checked here as for a year, compiled for each edition
		 * the rows have (read_mapped.c) */
		if (x->pattern && strstr(x->pattern, "{edition")) {
			char buf[1100], why[200];

			if (map_expand(x->pattern, "2000", buf, sizeof buf,
				       why, sizeof why) != 0)
				return bad(l, line, "%s", why);
			x->per_edition = 1;
			rc = compile(l, buf, line, &x->re);
		} else {
			rc = compile(l, x->pattern, line, &x->re);
		}
		if (rc)
			return rc;
	}
	return 0;
}

#define ADD(l, arr, n, cap) \
	(((arr) = lc_grow((arr), &(cap), (n), sizeof *(arr))) ? \
	 memset(&(arr)[(n)], 0, sizeof *(arr)), &(arr)[(n)++] : NULL)

static int load_column(struct ld *l, xmlNode *c, size_t *cap)
{
	struct lc_mapping *m = l->m;
	struct map_column *x;
	long line = xmlGetLineNo(c);
	char *s;
	int rc;

	x = ADD(l, m->col, m->ncol, *cap);
	if (!x)
		return nomem(l);
	x->line = line;
	x->name = attr(c, "name", &l->oom);
	x->unit = attr(c, "unit", &l->oom);
	rc = field_attr(l, c, "field", &x->field);
	if (rc)
		return rc;
	s = attr(c, "range", &l->oom);
	x->range = !s ? MAP_RANGE_NONE : !strcmp(s, "lower") ?
		MAP_RANGE_LOWER : !strcmp(s, "upper") ? MAP_RANGE_UPPER :
		MAP_RANGE_MID;
	free(s);
	s = attr(c, "scale", &l->oom);
	x->scale_given = s != NULL;
	x->scale11 = s && !strcmp(s, "1-11");
	free(s);
	s = attr(c, "optional", &l->oom);
	x->optional = s && (!strcmp(s, "true") || !strcmp(s, "1"));
	free(s);
	if (l->oom)
		return nomem(l);
	if (x->field == LC_F_ID && m->id_kind != MAP_ID_NONE)
		return bad(l, line, "ids are made by <id> already");
	if (x->field == LC_F_ID)
		m->id_kind = MAP_ID_COLUMN;
	if (x->unit) {
		struct lc_error e;
		double d;

		if (lc_field_type(x->field) != LC_FT_NUM)
			return bad(l, line, "unit: '%s' is not a quantity",
				   lc_field_name(x->field));
		if (lc_quantity_parse(x->field, "1", x->unit, &d, &e) != 0)
			return bad(l, line, "unit: %s", e.msg);
	}
	if (x->range && x->field != LC_F_TRL &&
	    lc_field_type(x->field) != LC_FT_NUM)
		return bad(l, line, "range: '%s' is neither a quantity nor "
			   "the TRL", lc_field_name(x->field));
	if (x->scale_given && x->field != LC_F_TRL)
		return bad(l, line, "scale: only a TRL column has one");
	rc = give(l, x->field, MAP_COLUMN, line);
	/* a TRL column also gives the TRL as given, and its scale */
	if (rc == 0 && x->field == LC_F_TRL)
		rc = give(l, LC_F_TRL_SOURCE, MAP_COLUMN, line);
	if (rc == 0 && x->field == LC_F_TRL && x->scale_given)
		rc = give(l, LC_F_TRL_SCALE, MAP_COLUMN, line);
	return rc;
}

static int load_value(struct ld *l, xmlNode *c, struct map_value **arr,
		      size_t *n, size_t *cap, int constant)
{
	struct map_value *x = ADD(l, *arr, *n, *cap);
	long line = xmlGetLineNo(c);
	int rc;

	if (!x)
		return nomem(l);
	x->line = line;
	x->value = attr(c, "value", &l->oom);
	x->note = attr(c, "note", &l->oom);
	if (l->oom)
		return nomem(l);
	rc = field_attr(l, c, "field", &x->field);
	if (rc == 0)
		rc = field_attr(l, c, "when", &x->when);
	if (rc)
		return rc;
	if (x->field == LC_F_ID)
		return bad(l, line, "an id is not a constant: use <id>");
	rc = give(l, x->field, constant ? MAP_CONSTANT : MAP_RULES, line);
	return rc ? rc : check_value(l, x->field, x->value, line);
}

static int load_rule(struct ld *l, xmlNode *c, size_t *cap)
{
	struct lc_mapping *m = l->m;
	struct map_rule *x = ADD(l, m->rule, m->nrule, *cap);
	long line = xmlGetLineNo(c);
	int rc;

	if (!x)
		return nomem(l);
	x->line = line;
	x->value = attr(c, "value", &l->oom);
	if (l->oom)
		return nomem(l);
	rc = field_attr(l, c, "field", &x->field);
	if (rc == 0 && x->field == LC_F_ID)
		rc = bad(l, line, "an id is not made by rules: use <id>");
	if (rc == 0)
		rc = give(l, x->field, MAP_RULES, line);
	if (rc == 0)
		rc = check_value(l, x->field, x->value, line);
	return rc ? rc : matches(l, c, &x->m, &x->nm);
}

static int load_skip(struct ld *l, xmlNode *c, size_t *cap)
{
	struct lc_mapping *m = l->m;
	struct map_skip *x = ADD(l, m->skip, m->nskip, *cap);
	long line = xmlGetLineNo(c);
	int rc;

	if (!x)
		return nomem(l);
	x->line = line;
	x->reason = attr(c, "reason", &l->oom);
	if (l->oom)
		return nomem(l);
	rc = field_attr(l, c, "unless", &x->unless);
	if (rc == 0)
		rc = matches(l, c, &x->m, &x->nm);
	if (rc == 0 && (x->unless >= 0) == (x->nm > 0))
		rc = bad(l, line, "a skip names a field (unless) or has "
			 "matches: one of them");
	return rc;
}

static int load_ignore(struct ld *l, xmlNode *c, size_t *cap)
{
	struct lc_mapping *m = l->m;
	struct map_ignore *x = ADD(l, m->ign, m->nign, *cap);
	long line = xmlGetLineNo(c);

	if (!x)
		return nomem(l);
	x->line = line;
	x->column = attr(c, "column", &l->oom);
	x->pattern = attr(c, "pattern", &l->oom);
	x->note = attr(c, "note", &l->oom);
	if (l->oom)
		return nomem(l);
	if ((x->column != NULL) == (x->pattern != NULL))
		return bad(l, line, "an ignore names a column or a pattern: "
			   "one of them");
	return x->pattern ? compile(l, x->pattern, line, &x->re) : 0;
}

static int load_id(struct ld *l, xmlNode *c)
{
	struct lc_mapping *m = l->m;
	long line = xmlGetLineNo(c);
	int rc;

	if (m->id_kind != MAP_ID_NONE)
		return bad(l, line, "ids are made one way only");
	m->id_column = attr(c, "sequence-column", &l->oom);
	if (l->oom)
		return nomem(l);
	rc = field_attr(l, c, "hash", &m->id_field);
	if (rc)
		return rc;
	if ((m->id_column != NULL) == (m->id_field >= 0))
		return bad(l, line, "an id comes from a sequence column or "
			   "a hash of a field: one of them");
	m->id_kind = m->id_column ? MAP_ID_SEQUENCE : MAP_ID_HASH;
	return 0;
}

/* Checks of the whole profile once every element is read. */
static int check_whole(struct ld *l, xmlNode *root)
{
	struct lc_mapping *m = l->m;
	long line = xmlGetLineNo(root);

	if (m->id_kind == MAP_ID_NONE)
		return bad(l, line, "the profile says nothing of ids: a "
			   "column for id, or <id sequence-column> or "
			   "<id hash>");
	if (m->id_kind == MAP_ID_HASH && m->given[m->id_field] == MAP_NONE)
		return bad(l, line, "id: hash of '%s', which nothing gives",
			   lc_field_name(m->id_field));
	for (size_t i = 0; i < m->ncst; i++)
		if (m->cst[i].field == LC_F_EDITION)
			return 0;
	for (size_t i = 0; i < m->ncol; i++)
		if (m->col[i].field == LC_F_EDITION)
			return 0;
	m->needs_edition = 1;
	return 0;
}

static int load_tree(struct ld *l, xmlNode *root)
{
	struct lc_mapping *m = l->m;
	size_t ccap = 0, kcap = 0, dcap = 0, rcap = 0, scap = 0, icap = 0;
	xmlChar *name = xmlGetProp(root, (const xmlChar *)"name");
	int rc = 0;

	snprintf(m->name, sizeof m->name, "%s", name ? (char *)name : "");
	xmlFree(name);
	m->id_field = -1;
	for (xmlNode *c = root->children; rc == 0 && c; c = c->next) {
		if (is(c, "title")) {
			xmlChar *t = xmlNodeGetContent(c);

			free(m->title);
			m->title = t ? strdup((const char *)t) : NULL;
			xmlFree(t);
		} else if (is(c, "column")) {
			rc = load_column(l, c, &ccap);
		} else if (is(c, "constant")) {
			rc = load_value(l, c, &m->cst, &m->ncst, &kcap, 1);
		} else if (is(c, "default")) {
			rc = load_value(l, c, &m->dflt, &m->ndflt, &dcap, 0);
		} else if (is(c, "rule")) {
			rc = load_rule(l, c, &rcap);
		} else if (is(c, "skip")) {
			rc = load_skip(l, c, &scap);
		} else if (is(c, "ignore")) {
			rc = load_ignore(l, c, &icap);
		} else if (is(c, "id")) {
			rc = load_id(l, c);
		}
	}
	if (rc == 0 && l->oom)
		rc = nomem(l);
	return rc ? rc : check_whole(l, root);
}

int map_build(struct lc_mapping *m, struct _xmlNode *root,
	      struct lc_error *err)
{
	struct ld l = { m, err, 0 };

	return load_tree(&l, root);
}
