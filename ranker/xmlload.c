/* xmlload.c - the ranker's data files (criteria profiles, assumptions)
 * read the same way: parsed without network or DTD, through the
 * catalog's guarded input, and validated against their published schema;
 * the first libxml2 error becomes "file:line: message". */
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

/* The first error libxml2 reports, kept for our own message. */
struct xerr {
	int set;
	long line;
	char msg[400];
};

static void on_xml_error(void *ctx, xmlErrorPtr e)
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

int lc_rk_xml_load(const char *path, const char *xsd_rel, const char *what,
		   struct _xmlDoc **out, struct lc_error *err)
{
	char xsd[512];
	struct xerr xe = { 0 };
	xmlParserCtxtPtr pc = NULL;
	xmlDocPtr doc = NULL;
	struct lc_xml_in *in = NULL;
	xmlSchemaParserCtxtPtr spc = NULL;
	xmlSchemaPtr schema = NULL;
	xmlSchemaValidCtxtPtr vc = NULL;
	int rc;

	*out = NULL;
	rc = lc_data_path(xsd_rel, xsd, sizeof xsd, err);
	if (rc)
		return rc;
	xmlSetGenericErrorFunc(NULL, quiet);
	pc = xmlNewParserCtxt();
	if (!pc)
		return lc_rk_oom(err);
	rc = lc_xml_in_open(&in, path, err);
	if (rc)
		goto out;
	doc = xmlCtxtReadIO(pc, lc_xml_in_read, lc_xml_in_close, in, path,
			    NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
			    XML_PARSE_NOWARNING);
	if (!doc) {
		xmlErrorPtr e = xmlCtxtGetLastError(pc);

		if (lc_xml_in_refused(in, err)) {
			rc = err ? err->status : LC_EDATA;
			goto out;
		}
		on_xml_error(&xe, e);
		rc = lc_error_set(err, LC_EDATA, path, xe.line, NULL,
				  "not well-formed XML: %s", xe.set ? xe.msg :
				  "parse error");
		goto out;
	}
	spc = xmlSchemaNewParserCtxt(xsd);
	if (spc) {
		xmlSchemaSetParserStructuredErrors(spc, on_xml_error, &xe);
		schema = xmlSchemaParse(spc);
	}
	if (!schema) {
		rc = lc_error_set(err, LC_EIO, xsd, xe.line, NULL,
				  "cannot load the %s schema: %s", what,
				  xe.set ? xe.msg : "?");
		goto out;
	}
	vc = xmlSchemaNewValidCtxt(schema);
	if (!vc) {
		rc = lc_rk_oom(err);
		goto out;
	}
	xmlSchemaSetValidStructuredErrors(vc, on_xml_error, &xe);
	if (xmlSchemaValidateDoc(vc, doc) != 0) {
		rc = lc_error_set(err, LC_EDATA, path, xe.line, NULL,
				  "invalid %s: %s", what, xe.set ? xe.msg :
				  "does not match the schema");
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
