/* assumptions.c - the published assumptions (data/assumptions/NAME.xml,
 * validated against assumptions.xsd): discount rate, price basis, GWP100
 * set, tolerance of the cost check; with the file's path and SHA-256, so
 * that every computed number can say what produced it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

/* Invariants once loaded: 0 <= rate < 1, tolerance >= 0, gwp "ar5" or
 * "ar6", currency three capitals (the schema's ranges). */
struct lc_assumptions {
	char path[512];      /* the file as given, or
				data/assumptions/default.xml */
	char sha256[65];     /* hex SHA-256 of its bytes */
	double rate;         /* discount rate, a fraction */
	int price_year;
	char currency[8];    /* ISO 4217 */
	char gwp[8];         /* "ar5", "ar6" */
	double tolerance;    /* of the cost check, relative */
};

/* A number the schema has checked, read with the catalog's codec. */
static int num(const char *path, xmlNode *node, const char *name,
	       const char *field, double *out, struct lc_error *err)
{
	char b[64];

	if (lc_num_parse(lc_rk_xml_attr(node, name, b, sizeof b), out) < 0 ||
	    !isfinite(*out))
		return lc_error_set(err, LC_EDATA, path,
				    xmlGetLineNo(node), field,
				    "'%s' is not a number", b);
	return 0;
}

static int load_tree(struct lc_assumptions *a, const char *path,
		     xmlNode *root, struct lc_error *err)
{
	double y;
	int rc = 0;

	for (xmlNode *n = root->children; n && !rc; n = n->next) {
		if (lc_rk_xml_is(n, "discount-rate")) {
			rc = num(path, n, "value", "discount-rate", &a->rate,
				 err);
		} else if (lc_rk_xml_is(n, "prices")) {
			rc = num(path, n, "year", "prices", &y, err);
			a->price_year = (int)y;
			lc_rk_xml_attr(n, "currency", a->currency,
				       sizeof a->currency);
		} else if (lc_rk_xml_is(n, "gwp")) {
			lc_rk_xml_attr(n, "set", a->gwp, sizeof a->gwp);
		} else if (lc_rk_xml_is(n, "cost-check")) {
			rc = num(path, n, "tolerance", "cost-check",
				 &a->tolerance, err);
		}
	}
	return rc;
}

int lc_assumptions_load(const char *path, struct lc_assumptions **out,
			struct lc_error *err)
{
	struct lc_assumptions *a;
	xmlDocPtr doc = NULL;
	char buf[512];
	const char *shown = path;
	int rc;

	*out = NULL;
	if (!path) {
		rc = lc_data_path("assumptions/default.xml", buf, sizeof buf,
				  err);
		if (rc)
			return rc;
		path = buf;
		/* said as the data folder's file, wherever it is installed:
		 * the SHA-256 tells the bytes */
		shown = "data/assumptions/default.xml";
	}
	a = calloc(1, sizeof *a);
	if (!a)
		return lc_rk_oom(err);
	snprintf(a->path, sizeof a->path, "%s", shown);
	a->rate = LC_DEFAULT_DISCOUNT_RATE;
	a->tolerance = LC_DEFAULT_COST_TOLERANCE;
	rc = lc_file_sha256(path, a->sha256, err);
	if (rc == 0)
		rc = lc_rk_xml_load(path, "assumptions/assumptions.xsd",
				    "assumptions", &doc, err);
	if (rc == 0)
		rc = load_tree(a, path, xmlDocGetRootElement(doc), err);
	xmlFreeDoc(doc);
	if (rc) {
		free(a);
		return rc;
	}
	*out = a;
	return 0;
}

void lc_assumptions_free(struct lc_assumptions *a)
{
	free(a);
}

const char *lc_assumptions_path(const struct lc_assumptions *a)
{
	return a->path;
}

const char *lc_assumptions_sha256(const struct lc_assumptions *a)
{
	return a->sha256;
}

double lc_assumptions_discount_rate(const struct lc_assumptions *a)
{
	return a->rate;
}

int lc_assumptions_price_year(const struct lc_assumptions *a)
{
	return a->price_year;
}

const char *lc_assumptions_currency(const struct lc_assumptions *a)
{
	return a->currency;
}

const char *lc_assumptions_gwp_set(const struct lc_assumptions *a)
{
	return a->gwp;
}

double lc_assumptions_tolerance(const struct lc_assumptions *a)
{
	return a->tolerance;
}
