/* mapping_xml.c - a mapping profile's file found (data/profiles/NAME.xml
 * or a path), read through the XML guard (no DTD, no entities, bounded
 * attributes) and validated against data/profiles/mapping.xsd; and
 * lc_mapping_load, which does that and builds the profile (mapping.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "importers/mapping.h"

/* The profile's file: a path as given, or profiles/NAME.xml. */
int map_find(const char *name_or_path, char *path, size_t n,
	     struct lc_error *err)
{
	size_t len = strlen(name_or_path);
	char rel[128];

	/* a path ("-": standard input) or a name of data/ */
	if (strchr(name_or_path, '/') || strcmp(name_or_path, "-") == 0 ||
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
	void *d = NULL;
	int rc = lc_data_path("profiles/mapping.xsd", xsd, sizeof xsd, err);

	/* guarded, validated, errors as file:line (catalog/xmldoc.c) */
	if (rc == 0)
		rc = lc_xml_load(path, xsd, "mapping profile", &d, err);
	*doc = d;
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
