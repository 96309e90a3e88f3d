/* profile.c - loads a criteria profile (data/criteria/NAME.xml), validates
 * it against data/criteria/profile.xsd with libxml2, checks what a schema
 * cannot (known fields, references, weights) and exposes it read-only. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

static char *xdup(const xmlChar *s)
{
	size_t n;
	char *d;

	if (!s)
		return NULL;
	n = strlen((const char *)s) + 1;
	d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

static void labels(xmlNode *node, char **zh, char **en)
{
	for (xmlNode *c = node->children; c; c = c->next) {
		char lang[8];
		xmlChar *t;

		if (!lc_rk_xml_is(c, "label"))
			continue;
		lc_rk_xml_attr(c, "lang", lang, sizeof lang);
		t = xmlNodeGetContent(c);
		if (!strcmp(lang, "zh") && !*zh)
			*zh = xdup(t);
		else if (!strcmp(lang, "en") && !*en)
			*en = xdup(t);
		xmlFree(t);
	}
}

static int num_attr(xmlNode *node, const char *name, double dflt,
		    double *out)
{
	char b[64];

	lc_rk_xml_attr(node, name, b, sizeof b);
	if (!*b) {
		*out = dflt;
		return 0;
	}
	return lc_num_parse(b, out) == 0 && isfinite(*out) ? 0 : -1;
}

void lc_profile_free(struct lc_profile *p)
{
	if (!p)
		return;
	free(p->label_zh);
	free(p->label_en);
	for (size_t i = 0; i < p->ncrit; i++) {
		free(p->crit[i].label_zh);
		free(p->crit[i].label_en);
	}
	for (size_t i = 0; i < p->nrule; i++) {
		free(p->rule[i].label_zh);
		free(p->rule[i].label_en);
	}
	free(p);
}


static int bad(struct lc_error *err, const char *path, xmlNode *node,
	       const char *field, const char *msg)
{
	char m[sizeof err->msg];

	/* msg may be err->msg itself: copy it before err is rewritten */
	snprintf(m, sizeof m, "%s", msg);
	return lc_error_set(err, LC_EDATA, path, node ? xmlGetLineNo(node) : 0,
			    field, "%s", m);
}

static int load_crit(struct lc_profile *p, xmlNode *node,
		     struct lc_error *err)
{
	struct lc_rk_crit *c = &p->crit[p->ncrit];
	char b[128];

	memset(c, 0, sizeof *c);
	lc_rk_xml_attr(node, "id", c->id, sizeof c->id);
	if (num_attr(node, "weight", 0, &c->weight))
		return bad(err, p->path, node, "weight", "bad weight");
	c->cost = !strcmp(lc_rk_xml_attr(node, "direction", b, sizeof b),
			  "cost");
	lc_rk_xml_attr(node, "normalization", b, sizeof b);
	c->scale = !strcmp(b, "log-minmax") ? LC_RK_SCALE_LOG :
		   !strcmp(b, "rank") ? LC_RK_SCALE_RANK : LC_RK_SCALE_LINEAR;
	c->norm = lc_norm_from_name(b);
	if (c->norm < 0)
		c->norm = LC_NORM_MINMAX;
	lc_rk_xml_attr(node, "preference", c->pref_text, sizeof c->pref_text);
	if (!*c->pref_text)
		snprintf(c->pref_text, sizeof c->pref_text, "usual");
	if (lc_pref_parse(c->pref_text, &c->pref, err))
		return bad(err, p->path, node, "preference", err ? err->msg :
			   "bad preference function");
	c->field = -1;
	for (xmlNode *k = node->children; k; k = k->next) {
		if (lc_rk_xml_is(k, "panel")) {
			c->panel = 1;
			if (num_attr(k, "min", 0, &c->lo) ||
			    num_attr(k, "max", 10, &c->hi) || !(c->hi > c->lo))
				return bad(err, p->path, k, "max",
					   "panel scale max must exceed min");
		} else if (lc_rk_xml_is(k, "indicator")) {
			lc_rk_xml_attr(k, "field", b, sizeof b);
			c->field = lc_field_lookup(b);
			if (c->field < 0 ||
			    (lc_field_type(c->field) != LC_FT_NUM &&
			     lc_field_type(c->field) != LC_FT_INT))
				return lc_error_set(err, LC_EDATA, p->path,
					xmlGetLineNo(k), "field",
					"'%s' is not a numeric dossier field",
					b);
		}
	}
	/* last: a criterion refused above leaves nothing to free */
	labels(node, &c->label_zh, &c->label_en);
	p->ncrit++;
	return 0;
}

static long crit_index(const struct lc_profile *p, const char *id)
{
	for (size_t i = 0; i < p->ncrit; i++)
		if (!strcmp(p->crit[i].id, id))
			return (long)i;
	return -1;
}

static int load_rule(struct lc_profile *p, xmlNode *node,
		     struct lc_error *err)
{
	static const char *const ops[] = { "ge", "gt", "le", "lt", "eq", "ne" };
	struct lc_rk_rule *r = &p->rule[p->nrule];
	char b[16];

	if (p->nrule >= LC_RK_MAXRULE)
		return bad(err, p->path, node, "rule", "too many rules");
	memset(r, 0, sizeof *r);
	lc_rk_xml_attr(node, "id", r->id, sizeof r->id);
	lc_rk_xml_attr(node, "field", r->field, sizeof r->field);
	lc_rk_xml_attr(node, "value", r->value, sizeof r->value);
	lc_rk_xml_attr(node, "op", b, sizeof b);
	r->op = LC_RK_GE;
	for (int i = 0; i < 6; i++)
		if (!strcmp(b, ops[i]))
			r->op = i;
	if (!strcmp(r->field, "complete")) {
		/* no value */
	} else if (!strcmp(r->field, "status")) {
		if (lc_status_from_name(r->value) < 0 ||
		    (r->op != LC_RK_EQ && r->op != LC_RK_NE))
			return bad(err, p->path, node, "value",
				   "a status rule needs op eq or ne and a "
				   "status name");
	} else {
		double v;
		int f = lc_field_lookup(r->field);

		if (f < 0 || (lc_field_type(f) != LC_FT_NUM &&
			      lc_field_type(f) != LC_FT_INT))
			return bad(err, p->path, node, "field",
				   "rule field must be numeric, 'status' or "
				   "'complete'");
		if (lc_num_parse(r->value, &v))
			return bad(err, p->path, node, "value",
				   "rule value must be a number");
	}
	labels(node, &r->label_zh, &r->label_en);
	p->nrule++;
	return 0;
}

static int load_tree(struct lc_profile *p, xmlNode *root,
		     struct lc_error *err)
{
	char b[64];
	double sum = 0;
	int rc;

	lc_rk_xml_attr(root, "name", p->name, sizeof p->name);
	labels(root, &p->label_zh, &p->label_en);
	for (int s = 0; s < LC_SECTOR__COUNT; s++)
		p->quota_max[s] = -1;
	for (xmlNode *n = root->children; n; n = n->next) {
		if (lc_rk_xml_is(n, "method")) {
			lc_rk_xml_attr(n, "name", p->method, sizeof p->method);
			p->topsis_norm = lc_norm_from_name(lc_rk_xml_attr(n,
				"normalization", b, sizeof b));
			if (p->topsis_norm < 0)
				p->topsis_norm = LC_NORM_VECTOR;
			if (num_attr(n, "v", 0.5, &p->v))
				return bad(err, p->path, n, "v", "bad v");
		} else if (lc_rk_xml_is(n, "panel")) {
			double ms;

			p->agg = lc_agg_from_name(lc_rk_xml_attr(n,
					"aggregation", b, sizeof b));
			if (p->agg < 0)
				p->agg = LC_AGG_TRIMMED;
			if (num_attr(n, "min-scores", 3, &ms) ||
			    num_attr(n, "disagreement", 0.4,
				     &p->disagreement))
				return bad(err, p->path, n, "panel",
					   "bad number");
			p->min_scores = (int)ms;
			p->refuse_without_scores = !strcmp(lc_rk_xml_attr(n,
				"without-scores", b, sizeof b), "refuse");
		} else if (lc_rk_xml_is(n, "select")) {
			double v;

			if (num_attr(n, "n", 20, &v) || v < 1 || v > 100000)
				return bad(err, p->path, n, "n", "bad n");
			p->select_n = (int)v;
		} else if (lc_rk_xml_is(n, "costs")) {
			p->cost_basis = lc_cost_basis_from_name(
				lc_rk_xml_attr(n, "basis", b, sizeof b));
			if (p->cost_basis < 0)
				p->cost_basis = LC_COST_STATED_ELSE_COMPUTED;
		} else if (lc_rk_xml_is(n, "criteria")) {
			for (xmlNode *c = n->children; c; c = c->next)
				if (lc_rk_xml_is(c, "criterion")) {
					if (p->ncrit >= LC_RK_MAXCRIT)
						return bad(err, p->path, c,
							"criterion",
							"too many criteria");
					rc = load_crit(p, c, err);
					if (rc)
						return rc;
				}
		} else if (lc_rk_xml_is(n, "eligibility")) {
			for (xmlNode *c = n->children; c; c = c->next)
				if (lc_rk_xml_is(c, "rule")) {
					rc = load_rule(p, c, err);
					if (rc)
						return rc;
				}
		} else if (lc_rk_xml_is(n, "quotas")) {
			unsigned seen = 0;

			for (xmlNode *c = n->children; c; c = c->next) {
				int s;
				double lo, hi;

				if (!lc_rk_xml_is(c, "quota"))
					continue;
				s = lc_sector_from_name(lc_rk_xml_attr(c,
						"sector", b, sizeof b));
				if (s < 0 || num_attr(c, "min", 0, &lo) ||
				    num_attr(c, "max", -1, &hi))
					return bad(err, p->path, c, "quota",
						   "bad quota");
				if (seen & 1u << s)
					return bad(err, p->path, c, "sector",
						   "a second quota for this "
						   "sector");
				seen |= 1u << s;
				p->quota_min[s] = (int)lo;
				p->quota_max[s] = (int)hi;
				if (hi >= 0 && hi < lo)
					return bad(err, p->path, c, "max",
						   "quota max below min");
			}
		} else if (lc_rk_xml_is(n, "tiebreak")) {
			for (xmlNode *c = n->children; c; c = c->next) {
				if (!lc_rk_xml_is(c, "key") ||
				    p->nkey >= LC_RK_MAXKEY)
					continue;
				lc_rk_xml_attr(c, "by", b, sizeof b);
				p->key_crit[p->nkey] = -1;
				if (!strcmp(b, "criterion")) {
					long k = crit_index(p,
						lc_rk_xml_attr(c, "ref", b,
							       sizeof b));

					if (k < 0)
						return bad(err, p->path, c,
							"ref", "tie-break key "
							"names no criterion");
					p->key[p->nkey] = LC_RK_KEY_CRIT;
					p->key_crit[p->nkey] = (int)k;
				} else if (!strcmp(b, "top-scores")) {
					p->key[p->nkey] = LC_RK_KEY_TOP;
				} else if (!strcmp(b, "disagreement")) {
					p->key[p->nkey] = LC_RK_KEY_DISAGREE;
				} else {
					p->key[p->nkey] = LC_RK_KEY_ID;
				}
				p->nkey++;
			}
		}
	}
	if (p->ncrit == 0)
		return bad(err, p->path, root, "criteria", "no criterion");
	for (size_t i = 0; i < p->ncrit; i++)
		sum += p->crit[i].weight;
	if (!(sum > 0))
		return bad(err, p->path, root, "weight",
			   "criterion weights sum to 0");
	/* weights are normalised to sum 1 whatever their given sum (the
	 * ranking notes it when that was not 1) */
	p->weight_sum = sum;
	for (size_t i = 0; i < p->ncrit; i++)
		p->crit[i].weight /= sum;
	{
		long total_min = 0;

		for (int s = 0; s < LC_SECTOR__COUNT; s++)
			total_min += p->quota_min[s];
		if (total_min > p->select_n)
			return bad(err, p->path, root, "quota",
				   "quota minimums exceed the number "
				   "selected");
	}
	return 0;
}

int lc_profile_load(const char *name_or_path, struct lc_profile **out,
		    struct lc_error *err)
{
	char path[512];
	struct lc_profile *p;
	xmlDocPtr doc = NULL;
	int rc = 0;
	size_t len = strlen(name_or_path);

	*out = NULL;
	/* a path ("-": standard input) or a name of data/ */
	if (strchr(name_or_path, '/') || strcmp(name_or_path, "-") == 0 ||
	    (len > 4 && !strcmp(name_or_path + len - 4, ".xml"))) {
		snprintf(path, sizeof path, "%s", name_or_path);
	} else {
		char rel[128];

		if (len == 0 || len > 64)
			return lc_error_set(err, LC_EUSAGE, NULL, 0, "profile",
					    "bad profile name");
		snprintf(rel, sizeof rel, "criteria/%s.xml", name_or_path);
		rc = lc_data_path(rel, path, sizeof path, err);
		if (rc)
			return rc;
	}
	p = calloc(1, sizeof *p);
	if (!p)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	snprintf(p->path, sizeof p->path, "%s", path);
	p->v = 0.5;
	p->select_n = 20;
	p->min_scores = 3;
	p->disagreement = 0.4;
	p->cost_basis = LC_COST_STATED_ELSE_COMPUTED;
	rc = lc_file_sha256(path, p->hash, err);
	if (rc == 0)
		rc = lc_rk_xml_load(path, "criteria/profile.xsd", "profile",
				    &doc, err);
	if (rc == 0)
		rc = load_tree(p, xmlDocGetRootElement(doc), err);
	xmlFreeDoc(doc);
	if (rc) {
		lc_profile_free(p);
		return rc;
	}
	*out = p;
	return 0;
}

const char *lc_profile_name(const struct lc_profile *p) { return p->name; }
size_t lc_profile_count(const struct lc_profile *p) { return p->ncrit; }

const char *lc_profile_id(const struct lc_profile *p, size_t i)
{
	return i < p->ncrit ? p->crit[i].id : NULL;
}

const char *lc_profile_label(const struct lc_profile *p, size_t i,
			     const char *lang)
{
	const struct lc_rk_crit *c;
	int en = lang && !strncmp(lang, "en", 2);

	if (i >= p->ncrit)
		return NULL;
	c = &p->crit[i];
	if (en && c->label_en)
		return c->label_en;
	if (!en && c->label_zh)
		return c->label_zh;
	if (c->label_en)
		return c->label_en;
	return c->label_zh ? c->label_zh : c->id;
}

int lc_profile_is_panel(const struct lc_profile *p, size_t i)
{
	return i < p->ncrit && p->crit[i].panel;
}

const char *lc_profile_source(const struct lc_profile *p, size_t i)
{
	if (i >= p->ncrit || p->crit[i].panel)
		return NULL;
	return lc_field_name(p->crit[i].field);
}

int lc_profile_is_cost(const struct lc_profile *p, size_t i)
{
	return i < p->ncrit && p->crit[i].cost;
}

double lc_profile_scale_min(const struct lc_profile *p, size_t i)
{
	return i < p->ncrit ? p->crit[i].lo : 0;
}

double lc_profile_scale_max(const struct lc_profile *p, size_t i)
{
	return i < p->ncrit ? p->crit[i].hi : 0;
}

double lc_profile_weight(const struct lc_profile *p, size_t i)
{
	return i < p->ncrit ? p->crit[i].weight : 0;
}

int lc_profile_min_scores(const struct lc_profile *p)
{
	return p->min_scores;
}

const char *lc_profile_method(const struct lc_profile *p)
{
	return p->method;
}

const char *lc_profile_normalization(const struct lc_profile *p)
{
	return lc_norm_name(p->topsis_norm);
}

const char *lc_profile_aggregation(const struct lc_profile *p)
{
	return lc_agg_name(p->agg);
}

double lc_profile_disagreement(const struct lc_profile *p)
{
	return p->disagreement;
}

int lc_profile_select(const struct lc_profile *p)
{
	return p->select_n;
}

void lc_profile_quota(const struct lc_profile *p, int sector, int *min,
		      int *max)
{
	*min = 0;
	*max = -1;
	if (sector >= 0 && sector < LC_SECTOR__COUNT) {
		*min = p->quota_min[sector];
		*max = p->quota_max[sector];
	}
}

int lc_profile_cost_basis(const struct lc_profile *p)
{
	return p->cost_basis;
}

const char *lc_profile_crit_normalization(const struct lc_profile *p,
					  size_t i)
{
	if (i >= p->ncrit)
		return NULL;
	if (p->crit[i].scale == LC_RK_SCALE_LOG)
		return "log-minmax";
	if (p->crit[i].scale == LC_RK_SCALE_RANK)
		return "rank";
	return lc_norm_name(p->crit[i].norm);
}

size_t lc_profile_rule_count(const struct lc_profile *p)
{
	return p->nrule;
}

const char *lc_profile_rule_label(const struct lc_profile *p, size_t i,
				  const char *lang)
{
	const struct lc_rk_rule *r;
	int en = lang && strcmp(lang, "en") == 0;

	if (i >= p->nrule)
		return NULL;
	r = &p->rule[i];
	if (en ? r->label_en : r->label_zh)
		return en ? r->label_en : r->label_zh;
	return r->label_zh ? r->label_zh : r->label_en ? r->label_en : r->id;
}

size_t lc_profile_tiebreak_count(const struct lc_profile *p)
{
	return p->nkey;
}

int lc_profile_tiebreak(const struct lc_profile *p, size_t k, size_t *crit)
{
	if (k >= p->nkey)
		return -1;
	if (crit)
		*crit = p->key[k] == LC_RK_KEY_CRIT ? (size_t)p->key_crit[k] : 0;
	switch (p->key[k]) {
	case LC_RK_KEY_CRIT:
		return LC_TIEBREAK_CRITERION;
	case LC_RK_KEY_TOP:
		return LC_TIEBREAK_TOP_SCORES;
	case LC_RK_KEY_DISAGREE:
		return LC_TIEBREAK_DISAGREEMENT;
	default:
		return LC_TIEBREAK_ID;
	}
}
