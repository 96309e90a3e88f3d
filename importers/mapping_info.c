/* mapping_info.c - what a loaded mapping profile tells its users: its
 * name and file, whether it needs an edition, its entries one by one
 * (`profile check`), pattern matching with its match data; and its
 * release. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "importers/mapping.h"

int map_re_match(const struct lc_mapping *m, pcre2_code *re, const char *s)
{
	return pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, m->md,
			   NULL) >= 0;
}

const char *lc_mapping_name(const struct lc_mapping *m)
{
	return m->name;
}

const char *lc_mapping_path(const struct lc_mapping *m)
{
	return m->path;
}

int lc_mapping_needs_edition(const struct lc_mapping *m)
{
	return m->needs_edition;
}

static const char *fname(int f)
{
	return f >= 0 ? lc_field_name(f) : "";
}

void lc_mapping_each(const struct lc_mapping *m,
		     void (*fn)(const struct lc_mapping_entry *e, void *ctx),
		     void *ctx)
{
	struct lc_mapping_entry e;
	char buf[600];

	for (size_t i = 0; i < m->ncol; i++) {
		const struct map_column *c = &m->col[i];

		snprintf(buf, sizeof buf, "%s%s%s%s%s%s", c->name,
			 c->unit ? " unit " : "", c->unit ? c->unit : "",
			 c->range ? " range " : "", c->range ==
			 MAP_RANGE_LOWER ? "lower" : c->range ==
			 MAP_RANGE_UPPER ? "upper" : c->range ? "midpoint" :
			 "", c->scale11 ? " scale 1-11" : "");
		e = (struct lc_mapping_entry){ "column", fname(c->field), buf,
					       "", c->line };
		fn(&e, ctx);
	}
	for (size_t i = 0; i < m->ncst; i++) {
		e = (struct lc_mapping_entry){ "constant",
			fname(m->cst[i].field), m->cst[i].value,
			m->cst[i].note, m->cst[i].line };
		fn(&e, ctx);
	}
	for (size_t i = 0; i < m->nrule; i++) {
		const struct map_rule *r = &m->rule[i];

		snprintf(buf, sizeof buf, "%s if %s ~ %s%s", r->value,
			 r->m[0].column ? r->m[0].column :
			 fname(r->m[0].field), r->m[0].pattern,
			 r->nm > 1 ? " and ..." : "");
		e = (struct lc_mapping_entry){ "rule", fname(r->field), buf,
					       "", r->line };
		fn(&e, ctx);
	}
	for (size_t i = 0; i < m->ndflt; i++) {
		e = (struct lc_mapping_entry){ "default",
			fname(m->dflt[i].field), m->dflt[i].value,
			m->dflt[i].note, m->dflt[i].line };
		fn(&e, ctx);
	}
	if (m->id_kind == MAP_ID_SEQUENCE || m->id_kind == MAP_ID_HASH) {
		snprintf(buf, sizeof buf, "%s%s", m->id_kind ==
			 MAP_ID_SEQUENCE ? "sequence column " : "hash of ",
			 m->id_kind == MAP_ID_SEQUENCE ? m->id_column :
			 fname(m->id_field));
		e = (struct lc_mapping_entry){ "id", "id", buf, "", 0 };
		fn(&e, ctx);
	}
	for (size_t i = 0; i < m->nign; i++) {
		e = (struct lc_mapping_entry){ "ignore", "",
			m->ign[i].column ? m->ign[i].column :
			m->ign[i].pattern, m->ign[i].note ? m->ign[i].note :
			"", m->ign[i].line };
		fn(&e, ctx);
	}
	for (size_t i = 0; i < m->nskip; i++) {
		const struct map_skip *k = &m->skip[i];

		if (k->unless >= 0)
			snprintf(buf, sizeof buf, "unless %s",
				 fname(k->unless));
		else
			snprintf(buf, sizeof buf, "if %s ~ %s%s",
				 k->m[0].column ? k->m[0].column :
				 fname(k->m[0].field), k->m[0].pattern,
				 k->nm > 1 ? " and ..." : "");
		e = (struct lc_mapping_entry){ "skip", "", buf, k->reason,
					       k->line };
		fn(&e, ctx);
	}
}

const char *lc_mapping_title(const struct lc_mapping *m)
{
	return m->title ? m->title : m->name;
}

/* 1 when header name (as the profile writes it) was given to fn. */
static int listed(const struct lc_mapping *m, const char *name)
{
	char a[512], b[512];

	map_header_norm(name, a, sizeof a);
	if (m->id_kind == MAP_ID_SEQUENCE) {
		map_header_norm(m->id_column, b, sizeof b);
		if (strcmp(a, b) == 0)
			return 1;
	}
	for (size_t i = 0; i < m->ncol; i++) {
		map_header_norm(m->col[i].name, b, sizeof b);
		if (strcmp(a, b) == 0)
			return 1;
	}
	return 0;
}

/* The tested columns of matches x[0..n) not listed yet, each once. */
static int tested(const struct lc_mapping *m, const struct map_match *x,
		  size_t n, struct lc_strmap *seen,
		  int (*fn)(const struct lc_mapping_column *c, void *ctx),
		  void *ctx)
{
	for (size_t j = 0; j < n; j++) {
		struct lc_mapping_column c = { x[j].column, -1, NULL, 1, 1,
					       0 };
		int rc;

		if (!x[j].column || listed(m, x[j].column) ||
		    lc_strmap_get(seen, x[j].column, 0))
			continue;
		if (lc_strmap_put(seen, x[j].column, 1) < 0)
			return LC_ENOMEM;
		rc = fn(&c, ctx);
		if (rc)
			return rc;
	}
	return 0;
}

int lc_mapping_layout(const struct lc_mapping *m, const char *edition,
		      int (*fn)(const struct lc_mapping_column *c,
				void *ctx),
		      void *ctx, struct lc_error *err)
{
	struct lc_strmap *seen = lc_strmap_new();
	char name[512], why[200];
	int rc = seen ? 0 : LC_ENOMEM;

	if (rc == 0 && m->id_kind == MAP_ID_SEQUENCE) {
		/* the id's number: read into the id */
		struct lc_mapping_column c = { m->id_column, LC_F_ID, NULL, 1,
					       1, 0 };

		rc = fn(&c, ctx);
	}
	for (size_t i = 0; rc == 0 && i < m->ncol; i++) {
		const struct map_column *k = &m->col[i];
		int ty = lc_field_type(k->field);
		struct lc_mapping_column c = { name, k->field, k->unit,
			k->range != MAP_RANGE_NONE || (k->unit &&
			strchr(k->unit, '%')) || (ty != LC_FT_NUM &&
			ty != LC_FT_INT), !k->optional, k->scale11 };

		if (map_expand(k->name, edition, name, sizeof name, why,
			       sizeof why) != 0) {
			rc = lc_error_set(err, LC_EUSAGE, m->path, k->line,
					  k->name, "profile %s: %s", m->name,
					  why);
			break;
		}
		rc = fn(&c, ctx);
	}
	for (size_t i = 0; rc == 0 && i < m->nrule; i++)
		rc = tested(m, m->rule[i].m, m->rule[i].nm, seen, fn, ctx);
	for (size_t i = 0; rc == 0 && i < m->nskip; i++)
		rc = tested(m, m->skip[i].m, m->skip[i].nm, seen, fn, ctx);
	if (rc == LC_ENOMEM)
		lc_error_set(err, LC_ENOMEM, NULL, 0, NULL, "out of memory");
	lc_strmap_free(seen);
	return rc;
}

static void match_free(struct map_match *x, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(x[i].column);
		free(x[i].pattern);
		pcre2_code_free(x[i].re);
		pcre2_code_free(x[i].ed_re);
	}
	free(x);
}

void lc_mapping_free(struct lc_mapping *m)
{
	if (!m)
		return;
	free(m->title);
	for (size_t i = 0; i < m->ncol; i++) {
		free(m->col[i].name);
		free(m->col[i].unit);
	}
	free(m->col);
	for (size_t i = 0; i < m->ncst; i++) {
		free(m->cst[i].value);
		free(m->cst[i].note);
	}
	free(m->cst);
	for (size_t i = 0; i < m->ndflt; i++) {
		free(m->dflt[i].value);
		free(m->dflt[i].note);
	}
	free(m->dflt);
	for (size_t i = 0; i < m->nrule; i++) {
		free(m->rule[i].value);
		match_free(m->rule[i].m, m->rule[i].nm);
	}
	free(m->rule);
	for (size_t i = 0; i < m->nskip; i++) {
		free(m->skip[i].reason);
		match_free(m->skip[i].m, m->skip[i].nm);
	}
	free(m->skip);
	for (size_t i = 0; i < m->nign; i++) {
		free(m->ign[i].column);
		free(m->ign[i].pattern);
		free(m->ign[i].note);
		pcre2_code_free(m->ign[i].re);
	}
	free(m->ign);
	free(m->id_column);
	pcre2_match_data_free(m->md);
	free(m);
}
