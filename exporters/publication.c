/* publication.c - the publisher's own details for the documents: the
 * publication file (data/templates/publication.xml, or --publication
 * FILE; validated against publication.xsd, read through the XML guard). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include "exporters/internal.h"

enum { P_TITLE, P_NOTICE, P_AUTHORITY, P_FOREWORD, P_CONTACT, P__TEXTS };
static const char *const elem[P__TEXTS] = {
	"title", "notice-title", "authority", "foreword", "contact"
};

struct lc_publication {
	char *text[P__TEXTS][2];   /* [element][zh, en]; NULL when absent */
	char *number, *date;
	char path[1024];
	char sha256[65];
};

void lc_publication_free(struct lc_publication *p)
{
	if (!p)
		return;
	for (int i = 0; i < P__TEXTS; i++) {
		free(p->text[i][0]);
		free(p->text[i][1]);
	}
	free(p->number);
	free(p->date);
	free(p);
}

/* Copies the document's texts into p. 0 or LC_ENOMEM. */
static int take(struct lc_publication *p, xmlNode *root)
{
	for (xmlNode *n = root->children; n; n = n->next) {
		xmlChar *v, *lang;
		char **slot = NULL;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		v = xmlNodeGetContent(n);
		lang = xmlGetProp(n, (const xmlChar *)"lang");
		for (int i = 0; i < P__TEXTS; i++)
			if (!strcmp((const char *)n->name, elem[i]))
				slot = &p->text[i][lang && !strcmp(
					(const char *)lang, "en")];
		if (!strcmp((const char *)n->name, "number"))
			slot = &p->number;
		else if (!strcmp((const char *)n->name, "date"))
			slot = &p->date;
		if (slot) {
			free(*slot);
			*slot = strdup(v ? (const char *)v : "");
		}
		xmlFree(v);
		xmlFree(lang);
		if (slot && !*slot)
			return LC_ENOMEM;
	}
	return 0;
}

int lc_publication_load(const char *path, struct lc_publication **out,
			struct lc_error *err)
{
	struct lc_publication *p;
	void *doc = NULL;
	char xsd[4096];
	int rc;

	*out = NULL;
	p = calloc(1, sizeof *p);
	if (!p)
		return lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				    "out of memory");
	rc = path ? 0 : lc_data_path("templates/publication.xml", p->path,
				     sizeof p->path, err);
	if (path)
		snprintf(p->path, sizeof p->path, "%s", path);
	if (rc == 0)
		rc = lc_data_path("templates/publication.xsd", xsd, sizeof xsd,
				  err);
	if (rc == 0)
		rc = lc_file_sha256(p->path, p->sha256, err);
	/* guarded, validated, errors as file:line (catalog/xmldoc.c) */
	if (rc == 0)
		rc = lc_xml_load(p->path, xsd, "publication file", &doc, err);
	if (rc)
		goto out;
	rc = take(p, xmlDocGetRootElement(doc)) ?
		lc_error_set(err, LC_ENOMEM, p->path, 0, NULL,
			     "out of memory") : 0;
out:
	lc_xml_doc_free(doc);
	if (rc) {
		lc_publication_free(p);
		return rc;
	}
	*out = p;
	return 0;
}

const char *lc_publication_get(const struct lc_publication *p,
			       const char *what, const char *lang)
{
	int en = exp_is_en(lang);

	if (!strcmp(what, "number"))
		return p->number;
	if (!strcmp(what, "date"))
		return p->date;
	if (!strcmp(what, "sha256"))
		return p->sha256;
	if (!strcmp(what, "path"))
		return p->path;
	for (int i = 0; i < P__TEXTS; i++)
		if (!strcmp(what, elem[i]))
			return p->text[i][en] ? p->text[i][en] :
				p->text[i][!en];
	return NULL;
}
