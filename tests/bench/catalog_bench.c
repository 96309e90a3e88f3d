/* catalog_bench.c - `make bench` helper for the store's figures:
 *   catalog_bench tsv N FILE   the N records as TSV for tctmgr importtsv
 *   catalog_bench write N CAT  the same N records through the catalog API
 *                              (one transaction, the catalog's indexes)
 *   catalog_bench bulk N CAT   the same in one bulk transaction
 *   catalog_bench read CAT     every dossier read back through the API
 *   catalog_bench hint CAT     the index plan of list --sector steel */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"

static const char *const sectors[] = { "steel", "nonferrous",
	"petrochemical", "chemical", "building-materials" };
static const char *const codes[] = { "ST", "NF", "PC", "CH", "BM" };

/* Record i as the columns the catalog stores. */
static struct lc_tech *make(long i)
{
	struct lc_tech *t = lc_tech_new();
	char buf[64];
	int s = (int)(i % 5);

	snprintf(buf, sizeof buf, "2025-%s-%07ld", codes[s], i);
	lc_tech_set(t, LC_F_ID, buf, NULL);
	lc_tech_set(t, LC_F_EDITION, "2025", NULL);
	snprintf(buf, sizeof buf, "低碳技术 %ld", i);
	lc_tech_set(t, LC_F_NAME_ZH, buf, NULL);
	lc_tech_set(t, LC_F_SECTOR, sectors[s], NULL);
	lc_tech_set(t, LC_F_CATEGORY, "process", NULL);
	snprintf(buf, sizeof buf, "%ld", 1 + i % 9);
	lc_tech_set(t, LC_F_TRL, buf, NULL);
	lc_tech_set(t, LC_F_SUBMITTER, "中国钢铁工业协会", NULL);
	lc_tech_set(t, LC_F_CREDIT_CODE, "51100000500000866Y", NULL);
	lc_tech_set(t, LC_F_SUMMARY, "benchmark dossier", NULL);
	lc_tech_set_num(t, LC_F_POTENTIAL, 1000.0 * (double)(i % 977), NULL);
	lc_tech_set_num(t, LC_F_ABATEMENT_COST, (double)(i % 400) - 100,
			NULL);
	lc_tech_set_num(t, LC_F_INVESTMENT, 1e6 * (double)(i % 50), NULL);
	return t;
}

static int tsv(long n, const char *path)
{
	FILE *fp = fopen(path, "w");

	if (!fp)
		return 1;
	for (long i = 0; i < n; i++) {
		struct lc_tech *t = make(i);

		fprintf(fp, "tech:%s\tkind\ttech", lc_tech_get(t, LC_F_ID));
		for (int f = 0; f < LC_F__COUNT; f++)
			if (lc_tech_get(t, f))
				fprintf(fp, "\t%s\t%s", lc_field_name(f),
					lc_tech_get(t, f));
		fprintf(fp, "\tstatus\tsubmitted\t_rev\t1\n");
		lc_tech_free(t);
	}
	return fclose(fp) != 0;
}

static int fail(const struct lc_error *err)
{
	char buf[1024];

	fprintf(stderr, "catalog_bench: %s\n",
		lc_error_format(err, buf, sizeof buf));
	return 1;
}

static int write_all(long n, const char *path, int bulk)
{
	struct lc_catalog *cat;
	struct lc_error err;

	if (lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err) < 0 ||
	    (bulk ? lc_catalog_begin_bulk(cat, &err) :
		    lc_catalog_begin(cat, &err)) < 0)
		return fail(&err);
	for (long i = 0; i < n; i++) {
		struct lc_tech *t = make(i);
		int rc = lc_catalog_put_tech(cat, t, "bench", NULL, 0, &err);

		lc_tech_free(t);
		if (rc < 0)
			return fail(&err);
	}
	if (lc_catalog_commit(cat, &err) < 0)
		return fail(&err);
	lc_catalog_close(cat);
	return 0;
}

static int count(const struct lc_tech *t, void *vn)
{
	(void)t;
	(*(long *)vn)++;
	return 0;
}

static int read_all(const char *path, int hint)
{
	struct lc_catalog *cat;
	struct lc_error err;
	struct lc_filter f;
	long n = 0;
	char buf[2048];

	if (lc_catalog_open(&cat, path, LC_OPEN_READ, &err) < 0)
		return fail(&err);
	lc_filter_init(&f);
	if (hint) {
		f.sector = LC_SECTOR_STEEL;
		if (lc_catalog_query_hint(cat, &f, buf, sizeof buf, &err) < 0)
			return fail(&err);
		fputs(buf, stdout);
	} else {
		/* Read in storage order, like tctmgr list, not sorted. */
		if (lc_catalog_each_tech(cat, &f, count, &n, &err) < 0)
			return fail(&err);
		printf("%ld\n", n);
	}
	lc_catalog_close(cat);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "tsv") == 0)
		return tsv(atol(argv[2]), argv[3]);
	if (argc == 4 && strcmp(argv[1], "write") == 0)
		return write_all(atol(argv[2]), argv[3], 0);
	if (argc == 4 && strcmp(argv[1], "bulk") == 0)
		return write_all(atol(argv[2]), argv[3], 1);
	if (argc == 3 && strcmp(argv[1], "read") == 0)
		return read_all(argv[2], 0);
	if (argc == 3 && strcmp(argv[1], "hint") == 0)
		return read_all(argv[2], 1);
	fprintf(stderr, "usage: catalog_bench tsv|write|bulk N FILE | "
		"read|hint CAT\n");
	return 2;
}
