/* mapping_xml.c - a mapping profile's file found (data/profiles/NAME.xml
 * or a path), read through the XML guard (no DTD, no entities, bounded
 * attributes) and validated against data/profiles/mapping.xsd; and
 * lc_mapping_load, which does that and builds the profile (mapping.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include "importers/mapping.h"

/* The first error libxml2 reports. */
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

/* The profile's file: a path as given, or profiles/NAME.xml. */
int map_find(const char *name_or_path, char *path, size_t n,
	     struct lc_error *err)
{
	size_t len = strlen(name_or_path);
	char rel[128];

	if (strchr(name_or_path, '/') ||
	    (len > 4 && !strcmp(name_or_path + len - 4, ".xml"))) {
		snprintf(path, n, "%s", name_or_path);
		return 0;
	}
	if (len == 0 || len > 48 ||
	    strspn(name_or_path, "abcdefghijklmnopqrstuvwxyz0123456789-") !=
	    len)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "profile",
				    "bad mapping profile name '%s' (a name "
				    "of data/profiles, or a file)",
				    name_or_path);
	snprintf(rel, sizeof rel, "profiles/%s.xml", name_or_path);
	return lc_data_path(rel, path, n, err);
}

int map_parse(const char *path, struct _xmlDoc **doc, struct lc_error *err)
{
	char xsd[512];
	struct xerr xe = { 0 };
	xmlParserCtxtPtr pc = NULL;
	struct lc_xml_in *in = NULL;
	xmlSchemaParserCtxtPtr spc = NULL;
	xmlSchemaPtr schema = NULL;
	xmlSchemaValidCtxtPtr vc = NULL;
	int rc;

	*doc = NULL;
	rc = lc_data_path("profiles/mapping.xsd", xsd, sizeof xsd, err);
	if (rc)
		return rc;
	xmlSetGenericErrorFunc(NULL, quiet);
	pc = xmlNewParserCtxt();
	if (!pc)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	rc = lc_xml_in_open(&in, path, err);
	if (rc)
		goto out;
	*doc = xmlCtxtReadIO(pc, lc_xml_in_read, lc_xml_in_close, in, path,
			     NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
			     XML_PARSE_NOWARNING);
	if (!*doc) {
		if (lc_xml_in_refused(in, err)) {
			rc = err ? err->status : LC_EDATA;
			goto out;
		}
		on_xml_error(&xe, xmlCtxtGetLastError(pc));
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
				  "cannot load the mapping schema: %s",
				  xe.set ? xe.msg : "?");
		goto out;
	}
	vc = xmlSchemaNewValidCtxt(schema);
	if (!vc) {
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
		goto out;
	}
	xmlSchemaSetValidStructuredErrors(vc, on_xml_error, &xe);
	if (xmlSchemaValidateDoc(vc, *doc) != 0)
		rc = lc_error_set(err, LC_EDATA, path, xe.line, NULL,
				  "invalid mapping profile: %s", xe.set ?
				  xe.msg : "does not match mapping.xsd");
out:
	lc_xml_in_free(in);
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(spc);
	xmlFreeParserCtxt(pc);
	if (rc) {
		xmlFreeDoc(*doc);
		*doc = NULL;
	}
	return rc;
}

/* Finds, parses and validates the profile, then builds it (mapping.c). */
int lc_mapping_load(const char *name_or_path, struct lc_mapping **out,
		    struct lc_error *err)
{
	struct lc_mapping *m;
	xmlDocPtr doc = NULL;
	int rc;

	*out = NULL;
	m = calloc(1, sizeof *m);
	if (!m)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	rc = map_find(name_or_path, m->path, sizeof m->path, err);
	if (rc == 0)
		rc = map_parse(m->path, &doc, err);
	if (rc == 0)
		rc = map_build(m, xmlDocGetRootElement(doc), err);
	if (rc == 0) {
		m->md = pcre2_match_data_create(4, NULL);
		if (!m->md)
			rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
					  "out of memory");
	}
	xmlFreeDoc(doc);
	if (rc) {
		lc_mapping_free(m);
		return rc;
	}
	*out = m;
	return 0;
}
