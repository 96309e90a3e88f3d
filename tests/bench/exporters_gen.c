/* exporters_gen.c - writes a synthetic edition of N dossiers into a
 * catalog through the catalog API, for bench-exporters.sh.
 * Usage: exporters_gen CATALOG N [EDITION] */
#include <stdio.h>
#include <stdlib.h>
#include "catalog/catalog.h"

static int gen(struct lc_catalog *cat, long n, const char *ed)
{
	static const char *const sectors[] = { "steel", "nonferrous",
		"petrochemical", "chemical", "building-materials" };
	static const char *const codes[] = { "ST", "NF", "PC", "CH", "BM" };
	struct lc_error err = { 0 };
	char id[32], name[64], trl[8], buf[512];

	for (long i = 0; i < n; i++) {
		struct lc_tech *t = lc_tech_new();
		int s = (int)(i % 5);
		unsigned long h = (unsigned long)i * 2654435761UL;

		if (!t)
			return -1;
		snprintf(id, sizeof id, "%s-%s-%06ld", ed, codes[s], i);
		snprintf(name, sizeof name, "合成技术%ld号", i);
		snprintf(trl, sizeof trl, "%lu", 1 + h % 9);
		lc_tech_set(t, LC_F_ID, id, NULL);
		lc_tech_set(t, LC_F_EDITION, ed, NULL);
		lc_tech_set(t, LC_F_NAME_ZH, name, NULL);
		lc_tech_set(t, LC_F_SECTOR, sectors[s], NULL);
		lc_tech_set(t, LC_F_CATEGORY, "process", NULL);
		lc_tech_set(t, LC_F_TRL, trl, NULL);
		lc_tech_set(t, LC_F_SUBMITTER, "合成协会", NULL);
		lc_tech_set(t, LC_F_CREDIT_CODE, "91310000132200821H", NULL);
		lc_tech_set(t, LC_F_SUMMARY, "synthetic", NULL);
		lc_tech_set_num(t, LC_F_POTENTIAL,
				(double)(1000 + h % 100000), NULL);
		lc_tech_set_num(t, LC_F_ABATEMENT_COST,
				(double)((long)(h % 1200) - 300), NULL);
		lc_tech_set_num(t, LC_F_PENETRATION_NOW,
				(double)(h % 50), NULL);
		lc_tech_set_num(t, LC_F_PENETRATION_TARGET,
				(double)(50 + h % 50), NULL);
		if (lc_catalog_put_tech(cat, t, NULL, NULL, 0, &err) < 0) {
			fprintf(stderr, "exporters_gen: %s\n",
				lc_error_format(&err, buf, sizeof buf));
			lc_tech_free(t);
			return -1;
		}
		lc_tech_free(t);
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct lc_catalog *cat;
	struct lc_error err = { 0 };
	char buf[512], *end;
	long n;

	if (argc < 3) {
		fprintf(stderr, "usage: exporters_gen CATALOG N [EDITION]\n");
		return 2;
	}
	n = strtol(argv[2], &end, 10);
	if (*end || n < 1) {
		fprintf(stderr, "exporters_gen: bad N '%s'\n", argv[2]);
		return 2;
	}
	if (lc_catalog_open(&cat, argv[1], LC_OPEN_CREATE, &err) < 0 ||
	    lc_catalog_begin(cat, &err) < 0) {
		fprintf(stderr, "exporters_gen: %s\n",
			lc_error_format(&err, buf, sizeof buf));
		return 3;
	}
	if (gen(cat, n, argc > 3 ? argv[3] : "2025") < 0 ||
	    lc_catalog_commit(cat, &err) < 0) {
		lc_catalog_close(cat);
		return 3;
	}
	lc_catalog_close(cat);
	return 0;
}
