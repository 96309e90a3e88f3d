/* panel_gen.c - `make bench` helper for the panel's figures:
 *   panel_gen CAT N E DIR   a catalog CAT of N dossiers of edition 2025
 *                           (one transaction) and DIR/experts.csv with E
 *                           experts over the five sectors, about 1% of
 *                           them sharing an owner's name (conflicts). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"

static const char *const sectors[] = { "steel", "nonferrous",
	"petrochemical", "chemical", "building-materials" };
static const char *const codes[] = { "ST", "NF", "PC", "CH", "BM" };

static int fail(const struct lc_error *err)
{
	char buf[1024];

	fprintf(stderr, "panel_gen: %s\n", lc_error_format(err, buf,
							   sizeof buf));
	return 1;
}

int main(int argc, char **argv)
{
	struct lc_catalog *cat = NULL;
	struct lc_error err = { 0 };
	char buf[256];
	long n, ne;
	FILE *fp;

	if (argc != 5) {
		fprintf(stderr, "usage: panel_gen CAT N E DIR\n");
		return 2;
	}
	n = strtol(argv[2], NULL, 10);
	ne = strtol(argv[3], NULL, 10);
	if (lc_catalog_open(&cat, argv[1], LC_OPEN_CREATE, &err) < 0 ||
	    lc_catalog_begin(cat, &err) < 0)
		return fail(&err);
	for (long i = 0; i < n; i++) {
		struct lc_tech *t = lc_tech_new();
		int s = (int)(i % 5);

		snprintf(buf, sizeof buf, "2025-%s-%06ld", codes[s], i);
		lc_tech_set(t, LC_F_ID, buf, NULL);
		lc_tech_set(t, LC_F_EDITION, "2025", NULL);
		snprintf(buf, sizeof buf, "低碳技术 %ld", i);
		lc_tech_set(t, LC_F_NAME_ZH, buf, NULL);
		lc_tech_set(t, LC_F_SECTOR, sectors[s], NULL);
		lc_tech_set(t, LC_F_CATEGORY, "process", NULL);
		lc_tech_set(t, LC_F_TRL, "7", NULL);
		lc_tech_set(t, LC_F_SUBMITTER, "某行业协会", NULL);
		lc_tech_set(t, LC_F_CREDIT_CODE, "51100000500001836H", NULL);
		snprintf(buf, sizeof buf, "研究院%ld有限公司", (i * 7) % 2000);
		lc_tech_set(t, LC_F_OWNERS, buf, NULL);
		lc_tech_set(t, LC_F_SUMMARY, "用于基准测试的技术摘要。", NULL);
		if (lc_catalog_put_tech(cat, t, NULL, NULL, 0, &err) < 0)
			return fail(&err);
		lc_tech_free(t);
	}
	if (lc_catalog_commit(cat, &err) < 0)
		return fail(&err);
	lc_catalog_close(cat);
	snprintf(buf, sizeof buf, "%s/experts.csv", argv[4]);
	fp = fopen(buf, "w");
	if (!fp)
		return 1;
	fputs("id,name,affiliation,credit_codes,sectors,email\n", fp);
	for (long e = 0; e < ne; e++)
		fprintf(fp, "X%05ld,专家%ld,研究院%ld,,%s%s%s,"
			"x%ld@example.cn\n", e, e, e * 4, sectors[e % 5],
			e % 7 ? "" : ";", e % 7 ? "" : sectors[(e + 1) % 5], e);
	return fclose(fp) != 0;
}
