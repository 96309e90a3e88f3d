/* gwp.c - the GWP100 table (data/assumptions/gwp.xml): tonnes of a gas
 * to tonnes of CO2-equivalent, by the IPCC's AR5 or AR6 values. Read
 * once per process. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <libxml/tree.h>
#include "catalog/catalog.h"

enum { NSETS = 4 };
static struct {
	char name[16];
	double v[LC_GAS__COUNT];
} sets[NSETS];
static int nsets, loaded;      /* loaded: 1 read, -1 unreadable */
static char current[16] = "ar5";   /* the set of lc_gwp(NULL, ...) */

static void load(void)
{
	char path[512], xsd[512];
	void *doc = NULL;
	xmlNode *root;

	loaded = -1;
	if (lc_data_path("assumptions/gwp.xml", path, sizeof path, NULL) ||
	    lc_data_path("assumptions/gwp.xsd", xsd, sizeof xsd, NULL) ||
	    lc_xml_load(path, xsd, NULL, &doc, NULL))
		return;
	root = xmlDocGetRootElement(doc);
	for (xmlNode *s = root ? root->children : NULL; s && nsets < NSETS;
	     s = s->next) {
		xmlChar *n;

		if (s->type != XML_ELEMENT_NODE)
			continue;
		n = xmlGetProp(s, (const xmlChar *)"name");
		snprintf(sets[nsets].name, sizeof sets[nsets].name, "%s",
			 n ? (const char *)n : "");
		xmlFree(n);
		for (int g = 0; g < LC_GAS__COUNT; g++)
			sets[nsets].v[g] = NAN;
		for (xmlNode *k = s->children; k; k = k->next) {
			xmlChar *gn, *gv;
			double v;
			int g;

			if (k->type != XML_ELEMENT_NODE)
				continue;
			gn = xmlGetProp(k, (const xmlChar *)"name");
			gv = xmlGetProp(k, (const xmlChar *)"value");
			g = lc_gas_from_name((const char *)gn);
			if (g >= 0 && gv &&
			    lc_num_parse((const char *)gv, &v) == 0)
				sets[nsets].v[g] = v;
			xmlFree(gn);
			xmlFree(gv);
		}
		nsets++;
	}
	lc_xml_doc_free(doc);
	loaded = 1;
}

double lc_gwp(const char *set, int gas)
{
	if (gas == LC_GAS_CO2)
		return 1;
	if (!loaded)
		load();
	for (int i = 0; loaded > 0 && i < nsets; i++)
		if (!strcmp(sets[i].name, set ? set : current) && gas >= 0 &&
		    gas < LC_GAS__COUNT)
			return sets[i].v[gas];
	return NAN;
}

void lc_gwp_select(const char *set)
{
	if (set && *set)
		snprintf(current, sizeof current, "%s", set);
}
