/* xmlload.c - the ranker's data files (criteria profiles, assumptions)
 * read the same way as the catalog's (lc_xml_load: no network or DTD,
 * the guarded input, validated against their published schema), with the
 * schema found under the data directory. */
#include <stdio.h>
#include <string.h>
#include <libxml/tree.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

int lc_rk_xml_load(const char *path, const char *xsd_rel, const char *what,
		   struct _xmlDoc **out, struct lc_error *err)
{
	char xsd[512];
	void *doc = NULL;
	int rc;

	*out = NULL;
	rc = lc_data_path(xsd_rel, xsd, sizeof xsd, err);
	if (rc == 0)
		rc = lc_xml_load(path, xsd, what, &doc, err);
	*out = doc;
	return rc;
}

int lc_rk_xml_is(xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)node->name, name) == 0;
}

const char *lc_rk_xml_attr(xmlNode *node, const char *name, char *buf,
			   size_t n)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);

	snprintf(buf, n, "%s", v ? (const char *)v : "");
	xmlFree(v);
	return buf;
}
