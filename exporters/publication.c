/* publication.c - the publisher's own details for the documents: the
 * publication file (data/templates/publication.xml, or --publication
 * FILE; validated against publication.xsd, read through the XML guard). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
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

struct xerr {
	int set;
	long line;
	char msg[400];
};

static void on_error(void *ctx, xmlErrorPtr e)
{
	struct xerr *x = ctx;
	size_t n;

	if (x->set || !e)
		return;
	x->set = 1;
	x->line = e->line;
	snprintf(x->msg, sizeof x->msg, "%s", e->message ? e->message : "?");
	n = strlen(x->msg);
	while (n > 0 && (x->msg[n - 1] == '\n' || x->msg[n - 1] == ' '))
		x->msg[--n] = '\0';
}

static void quiet(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
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
	struct lc_xml_in *in = NULL;
	struct xerr xe = { 0 };
	xmlParserCtxtPtr pc = NULL;
	xmlDocPtr doc = NULL;
	xmlSchemaParserCtxtPtr spc = NULL;
	xmlSchemaPtr schema = NULL;
	xmlSchemaValidCtxtPtr vc = NULL;
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
	if (rc == 0)
		rc = lc_xml_in_open(&in, p->path, err);
	if (rc)
		goto out;
	xmlSetGenericErrorFunc(NULL, quiet);
	pc = xmlNewParserCtxt();
	doc = pc ? xmlCtxtReadIO(pc, lc_xml_in_read, lc_xml_in_close, in,
				 p->path, NULL, XML_PARSE_NONET |
				 XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
		: NULL;
	if (!doc) {
		if (!lc_xml_in_refused(in, err)) {
			if (pc)
				on_error(&xe, xmlCtxtGetLastError(pc));
			lc_error_set(err, LC_EDATA, p->path, xe.line, NULL,
				     "not well-formed XML: %s", xe.set ?
				     xe.msg : "parse error");
		}
		rc = err ? err->status : LC_EDATA;
		goto out;
	}
	spc = xmlSchemaNewParserCtxt(xsd);
	schema = spc ? xmlSchemaParse(spc) : NULL;
	vc = schema ? xmlSchemaNewValidCtxt(schema) : NULL;
	if (!vc) {
		rc = lc_error_set(err, LC_EIO, xsd, 0, NULL,
				  "cannot load the publication schema");
		goto out;
	}
	xmlSchemaSetValidStructuredErrors(vc, on_error, &xe);
	if (xmlSchemaValidateDoc(vc, doc) != 0) {
		rc = lc_error_set(err, LC_EDATA, p->path, xe.line, NULL,
				  "invalid publication file: %s", xe.set ?
				  xe.msg : "does not match publication.xsd");
		goto out;
	}
	rc = take(p, xmlDocGetRootElement(doc)) ?
		lc_error_set(err, LC_ENOMEM, p->path, 0, NULL,
			     "out of memory") : 0;
out:
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(spc);
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(pc);
	lc_xml_in_free(in);
	xmlSetGenericErrorFunc(NULL, NULL);
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
