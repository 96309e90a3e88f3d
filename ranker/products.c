/* products.c - the closed list of products a dossier may decarbonise
 * (data/products.xml, checked by products.xsd), with the output and
 * baseline emissions competing routes share in the MACC. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>
#include "ranker/ranker.h"

struct lc_products {
	char path[512];
	struct lc_product *v;     /* n products, strings owned here */
	size_t n;
};

static char *prop(xmlNode *node, const char *name)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
	char *d = v ? strdup((const char *)v) : strdup("");

	xmlFree(v);
	return d;
}

void lc_products_free(struct lc_products *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++) {
		free((char *)p->v[i].code);
		free((char *)p->v[i].name_zh);
		free((char *)p->v[i].name_en);
		free((char *)p->v[i].output_unit);
		free((char *)p->v[i].source);
	}
	free(p->v);
	free(p);
}

static int load_tree(struct lc_products *p, xmlNode *root,
		     struct lc_error *err)
{
	size_t cap = 0;

	for (xmlNode *k = root->children; k; k = k->next) {
		struct lc_product *q;
		char *s;

		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (p->n == cap) {
			size_t nc = cap ? 2 * cap : 32;
			struct lc_product *v = realloc(p->v, nc * sizeof *v);

			if (!v)
				return lc_error_set(err, LC_ENOMEM, NULL, 0,
						    NULL, "out of memory");
			p->v = v;
			cap = nc;
		}
		q = &p->v[p->n];
		memset(q, 0, sizeof *q);
		p->n++;
		q->code = prop(k, "code");
		q->name_zh = prop(k, "name_zh");
		q->name_en = prop(k, "name_en");
		q->output_unit = prop(k, "output_unit");
		q->source = prop(k, "source");
		if (!q->code || !q->name_zh || !q->name_en ||
		    !q->output_unit || !q->source)
			return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
					    "out of memory");
		s = prop(k, "output");
		if (!s || lc_num_parse(s, &q->output))
			q->output = NAN;
		free(s);
		s = prop(k, "emissions");
		if (!s || lc_num_parse(s, &q->emissions))
			q->emissions = NAN;
		free(s);
		s = prop(k, "year");
		q->year = s ? atoi(s) : 0;
		free(s);
		if (!isfinite(q->output) || !isfinite(q->emissions))
			return lc_error_set(err, LC_EDATA, p->path,
					    xmlGetLineNo(k), "product",
					    "'%s': output and emissions must "
					    "be plain numbers", q->code);
		for (size_t i = 0; i + 1 < p->n; i++)
			if (!strcmp(p->v[i].code, q->code))
				return lc_error_set(err, LC_EDATA, p->path,
						    xmlGetLineNo(k),
						    "product",
						    "'%s' is listed twice",
						    q->code);
	}
	return 0;
}

int lc_products_load(const char *path, struct lc_products **out,
		     struct lc_error *err)
{
	char xsd[512];
	struct lc_products *p;
	void *doc = NULL;
	int rc;

	*out = NULL;
	p = calloc(1, sizeof *p);
	if (!p)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	if (path)
		snprintf(p->path, sizeof p->path, "%s", path);
	rc = path ? 0 : lc_data_path("products.xml", p->path,
				     sizeof p->path, err);
	if (!rc)
		rc = lc_data_path("products.xsd", xsd, sizeof xsd, err);
	if (!rc)
		rc = lc_xml_load(p->path, xsd, NULL, &doc, err);
	if (!rc)
		rc = load_tree(p, xmlDocGetRootElement(doc), err);
	lc_xml_doc_free(doc);
	if (rc) {
		lc_products_free(p);
		return rc;
	}
	*out = p;
	return 0;
}

size_t lc_products_count(const struct lc_products *p)
{
	return p ? p->n : 0;
}

const struct lc_product *lc_products_get(const struct lc_products *p,
					 size_t i)
{
	return p && i < p->n ? &p->v[i] : NULL;
}

int lc_products_find(const struct lc_products *p, const char *code)
{
	for (size_t i = 0; p && code && i < p->n; i++)
		if (!strcmp(p->v[i].code, code))
			return (int)i;
	return -1;
}

const char *lc_products_path(const struct lc_products *p)
{
	return p ? p->path : "";
}
