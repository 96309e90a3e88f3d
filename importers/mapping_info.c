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

static void match_free(struct map_match *x, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(x[i].column);
		free(x[i].pattern);
		pcre2_code_free(x[i].re);
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
