/* products.c - whether a dossier's product is on the closed list
 * (data/products.xml): the importers read only its codes, the list's
 * figures are the ranker's (ranker/products.c). */
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>
#include "importers/internal.h"

static char **codes;      /* the list's codes, read once per process */
static size_t ncodes;
static int loaded;        /* 1 read, -1 unreadable: nothing checked */

static void load(void)
{
	char path[512], xsd[512];
	void *doc = NULL;
	xmlNode *root;
	size_t cap = 0;

	loaded = -1;
	if (lc_data_path("products.xml", path, sizeof path, NULL) ||
	    lc_data_path("products.xsd", xsd, sizeof xsd, NULL) ||
	    lc_xml_load(path, xsd, NULL, &doc, NULL))
		return;
	root = xmlDocGetRootElement(doc);
	for (xmlNode *k = root ? root->children : NULL; k; k = k->next) {
		xmlChar *c;

		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (ncodes == cap) {
			size_t nc = cap ? 2 * cap : 32;
			char **v = realloc(codes, nc * sizeof *v);

			if (!v)
				break;
			codes = v;
			cap = nc;
		}
		c = xmlGetProp(k, (const xmlChar *)"code");
		codes[ncodes] = c ? strdup((const char *)c) : NULL;
		xmlFree(c);
		if (codes[ncodes])
			ncodes++;
	}
	lc_xml_doc_free(doc);
	loaded = 1;
}

int imp_product_known(const char *code)
{
	if (!loaded)
		load();
	if (loaded < 0)
		return -1;
	for (size_t i = 0; i < ncodes; i++)
		if (!strcmp(codes[i], code))
			return 1;
	return 0;
}
