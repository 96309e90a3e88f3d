/* xmldoc.c - reads a small data file of the project (products, GWP
 * values) as an XML tree checked against its schema: through the input
 * guard of xmlin.c, the first libxml2 error kept with its line. */
#include <libintl.h>
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include "catalog/catalog.h"

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

int lc_xml_load(const char *path, const char *xsd, const char *what,
		void **out, struct lc_error *err)
{
	struct xerr xe = { 0 };
	xmlParserCtxtPtr pc = NULL;
	xmlDocPtr doc = NULL;
	struct lc_xml_in *in = NULL;
	xmlSchemaParserCtxtPtr spc = NULL;
	xmlSchemaPtr schema = NULL;
	xmlSchemaValidCtxtPtr vc = NULL;
	int rc;

	*out = NULL;
	xmlSetGenericErrorFunc(NULL, quiet);
	pc = xmlNewParserCtxt();
	if (!pc)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	rc = lc_xml_in_open(&in, path, err);
	if (rc)
		goto out;
	doc = xmlCtxtReadIO(pc, lc_xml_in_read, lc_xml_in_close, in, path,
			    NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
			    XML_PARSE_NOWARNING);
	if (!doc) {
		if (lc_xml_in_refused(in, err)) {
			rc = err ? err->status : LC_EDATA;
			goto out;
		}
		on_error(&xe, xmlCtxtGetLastError(pc));
		rc = lc_error_set(err, LC_EDATA, path, xe.line, NULL,
				  "not well-formed XML: %s", xe.set ? xe.msg :
				  "parse error");
		goto out;
	}
	spc = xmlSchemaNewParserCtxt(xsd);
	if (spc) {
		xmlSchemaSetParserStructuredErrors(spc, on_error, &xe);
		schema = xmlSchemaParse(spc);
	}
	if (!schema) {
		if (what)
			rc = lc_error_set(err, LC_EIO, xsd, xe.line, NULL,
					  "cannot load the %s schema: %s",
					  dgettext("lowcarb", what),
					  xe.set ? xe.msg : "?");
		else
			rc = lc_error_set(err, LC_EIO, xsd, xe.line, NULL,
					  "cannot load the schema: %s",
					  xe.set ? xe.msg : "?");
		goto out;
	}
	vc = xmlSchemaNewValidCtxt(schema);
	if (!vc) {
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
		goto out;
	}
	xmlSchemaSetValidStructuredErrors(vc, on_error, &xe);
	if (xmlSchemaValidateDoc(vc, doc) != 0) {
		const char *msg = xe.set ? xe.msg :
				  dgettext("lowcarb",
					   "does not match the schema");

		if (what)
			rc = lc_error_set(err, LC_EDATA, path, xe.line, NULL,
					  "invalid %s: %s",
					  dgettext("lowcarb", what), msg);
		else
			rc = lc_error_set(err, LC_EDATA, path, xe.line, NULL,
					  "%s", msg);
		goto out;
	}
	*out = doc;
	doc = NULL;
out:
	lc_xml_in_free(in);
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(spc);
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(pc);
	return rc;
}

void lc_xml_doc_free(void *doc)
{
	xmlFreeDoc(doc);
}
