/* test_catalog.c - the data model and the store: every field round-trips,
 * revisions, transactions that abort leave nothing, filters and the index
 * plan, wrong-version, empty and corrupt catalogs refused, generic
 * records; the B+ tree store: queries equal to a scan, the check finding
 * damage, bulk transactions, the conversion of table catalogs, and a
 * failing store simulated with -Wl,--wrap (see GNUmakefile). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <tcbdb.h>
#include <tctdb.h>
#include "catalog/catalog.h"

/* ---- a failing store --------------------------------------------------
 * The test program is linked with -Wl,--wrap=tcbdbtrancommit
 * -Wl,--wrap=tcbdbput: the store's calls come here first. fail_commit
 * makes the next commit fail; fail_puts, when positive, counts puts down
 * and fails the one that reaches 0. */
static int fail_commit;
static long fail_puts;

bool __real_tcbdbtrancommit(TCBDB *bdb);
bool __wrap_tcbdbtrancommit(TCBDB *bdb);
bool __real_tcbdbput(TCBDB *bdb, const void *kbuf, int ksiz,
		     const void *vbuf, int vsiz);
bool __wrap_tcbdbput(TCBDB *bdb, const void *kbuf, int ksiz,
		     const void *vbuf, int vsiz);

bool __wrap_tcbdbtrancommit(TCBDB *bdb)
{
	if (fail_commit) {
		fail_commit = 0;
		return false;
	}
	return __real_tcbdbtrancommit(bdb);
}

bool __wrap_tcbdbput(TCBDB *bdb, const void *kbuf, int ksiz,
		     const void *vbuf, int vsiz)
{
	if (fail_puts > 0 && --fail_puts == 0)
		return false;
	return __real_tcbdbput(bdb, kbuf, ksiz, vbuf, vsiz);
}

static char dir[64];
static char path[128];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/lc-test-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/cat.tct", dir);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* A dossier with every field set. */
static struct lc_tech *full_tech(const char *id, const char *sector, int trl)
{
	struct lc_tech *t = lc_tech_new();
	struct lc_demo d = { "湛江", "宝钢湛江钢铁有限公司", 2023,
			     "100万t/a", 5e5, "Zhanjiang\tGuangdong",
			     "Baosteel \\ Zhanjiang", "1 Mt/a\nnew line" };
	char num[16];

	assert_non_null(t);
	snprintf(num, sizeof num, "%d", trl);
	assert_int_equal(lc_tech_set(t, LC_F_ID, id, NULL), 0);
	assert_int_equal(lc_tech_set(t, LC_F_EDITION, "2025", NULL), 0);
	assert_int_equal(lc_tech_set(t, LC_F_NAME_ZH, "氢基竖炉直接还原", NULL),
			 0);
	assert_int_equal(lc_tech_set(t, LC_F_NAME_EN,
				     "Hydrogen shaft furnace, \"DRI\"", NULL), 0);
	assert_int_equal(lc_tech_set(t, LC_F_SECTOR, sector, NULL), 0);
	assert_int_equal(lc_tech_set(t, LC_F_CATEGORY, "hydrogen-metallurgy",
				     NULL), 0);
	assert_int_equal(lc_tech_set(t, LC_F_TRL, num, NULL), 0);
	lc_tech_set(t, LC_F_SUBMITTER, "中国钢铁工业协会", NULL);
	lc_tech_set(t, LC_F_CREDIT_CODE, "91310000132200821H", NULL);
	lc_tech_set(t, LC_F_CONTACT, "张三", NULL);
	lc_tech_set(t, LC_F_EMAIL, "zhang@example.cn", NULL);
	lc_tech_set(t, LC_F_PHONE, "010-12345678", NULL);
	lc_tech_set(t, LC_F_OWNERS, "宝武;中冶", NULL);
	lc_tech_set(t, LC_F_SUMMARY, "line one\nline\ttwo", NULL);
	lc_tech_set(t, LC_F_SCOPE, "长流程钢厂", NULL);
	lc_tech_set(t, LC_F_SUMMARY_EN, "line one\nline\ttwo (en)", NULL);
	lc_tech_set(t, LC_F_SCOPE_EN, "Integrated steel plants", NULL);
	lc_tech_set(t, LC_F_KEY_INDICATORS_EN, "CO2 down >= 50%", NULL);
	for (int f = LC_F_CO2_PER_UNIT; f <= LC_F_PENETRATION_TARGET; f++)
		assert_int_equal(lc_tech_set_num(t, f, 0.1 * f + 1e-9 * f,
						 f == LC_F_POTENTIAL ?
						 "35万tCO2/a" : NULL), 0);
	lc_tech_set(t, LC_F_DEMONSTRATIONS, "1", NULL);
	lc_tech_set(t, LC_F_PATENTS, "12", NULL);
	assert_int_equal(lc_tech_add_demo(t, &d), 0);
	return t;
}

static void test_fields(void **state)
{
	(void)state;
	assert_int_equal(LC_F__COUNT, 41);
	assert_int_equal(lc_field_lookup("origin"), LC_F_ORIGIN);
	assert_string_equal(lc_field_name(LC_F_ID), "id");
	assert_string_equal(lc_field_name(LC_F_PATENTS), "patents");
	assert_int_equal(lc_field_lookup("abatement_cost"),
			 LC_F_ABATEMENT_COST);
	assert_int_equal(lc_field_lookup("nope"), -1);
	assert_true(lc_field_required(LC_F_CREDIT_CODE));
	assert_false(lc_field_required(LC_F_NAME_EN));
	assert_int_equal(lc_sector_from_name("building-materials"),
			 LC_SECTOR_BUILDING);
	assert_int_equal(lc_sector_from_code("NF"), LC_SECTOR_NONFERROUS);
	assert_int_equal(lc_category_from_name("ccus"), LC_CAT_CCUS);
	assert_int_equal(lc_category_from_name("magic"), -1);
}

/* TRL as sources give it: levels, ranges, the IEA's 1-11 scale. */
static void test_trl_source(void **state)
{
	struct lc_tech *t = lc_tech_new();
	char buf[16];
	int lo, hi;

	(void)state;
	assert_int_equal(lc_trl_range("7", &lo, &hi), 0);
	assert_int_equal(lo, 7);
	assert_int_equal(hi, 7);
	assert_int_equal(lc_trl_range("7.0", &lo, &hi), 0);
	assert_int_equal(lo, 7);
	assert_int_equal(lc_trl_range(" 10-11", &lo, &hi), 0);
	assert_int_equal(lo, 10);
	assert_int_equal(hi, 11);
	assert_int_equal(lc_trl_range("4\u20135", &lo, &hi), 0);
	assert_int_equal(hi, 5);
	assert_int_equal(lc_trl_range("4 ~ 5", &lo, &hi), 0);
	assert_int_equal(lc_trl_range("7.5", &lo, &hi), -1);
	assert_int_equal(lc_trl_range("5-4", &lo, &hi), -1);
	assert_int_equal(lc_trl_range("0", &lo, &hi), -1);
	assert_int_equal(lc_trl_range("12", &lo, &hi), -1);
	assert_int_equal(lc_trl_range("4-", &lo, &hi), -1);
	assert_int_equal(lc_trl_range("high", &lo, &hi), -1);
	assert_int_equal(lc_trl_range("", &lo, &hi), -1);
	assert_int_equal(lc_trl_rank(11), 9);
	assert_int_equal(lc_trl_rank(10), 9);
	assert_int_equal(lc_trl_rank(7), 7);
	assert_string_equal(lc_tech_trl_text(t, buf, sizeof buf), "");
	assert_int_equal(lc_tech_set(t, LC_F_TRL, "9", NULL), 0);
	assert_string_equal(lc_tech_trl_text(t, buf, sizeof buf), "9");
	assert_int_equal(lc_tech_set(t, LC_F_TRL_SOURCE, "10-11", NULL), 0);
	assert_string_equal(lc_tech_trl_text(t, buf, sizeof buf), "10-11");
	lc_tech_free(t);
}

static void test_tech_types(void **state)
{
	struct lc_tech *t = lc_tech_new();
	struct lc_error err;
	double v;

	(void)state;
	assert_int_equal(lc_tech_set(t, LC_F_TRL, "7.5", &err), LC_EDATA);
	assert_string_equal(err.field, "trl");
	assert_int_equal(lc_tech_set(t, LC_F_SECTOR, "textiles", &err),
			 LC_EDATA);
	assert_int_equal(lc_tech_set(t, LC_F_POTENTIAL, "1e6", &err), 0);
	assert_true(lc_tech_num(t, LC_F_POTENTIAL, &v));
	assert_true(v == 1e6);
	assert_string_equal(lc_tech_get(t, LC_F_POTENTIAL), "1000000");
	assert_int_equal(lc_tech_set_num(t, LC_F_PATENTS, 2.5, NULL), LC_EDATA);
	assert_int_equal(lc_tech_set_num(t, LC_F_PATENTS, 3, NULL), 0);
	assert_int_equal(lc_tech_set_num(t, LC_F_NAME_ZH, 3, NULL), LC_EUSAGE);
	assert_int_equal(lc_tech_set(t, LC_F_POTENTIAL, "nan", &err),
			 LC_EDATA);
	assert_int_equal(lc_tech_set(t, LC_F_POTENTIAL, "", &err), 0);
	assert_false(lc_tech_num(t, LC_F_POTENTIAL, &v));
	/* every numeric field keeps its number and what was written, apart
	 * from the others (tech.c gives them slots of their own) */
	for (int f = 0; f < LC_F__COUNT; f++) {
		enum lc_field_type ty = lc_field_type(f);

		if (ty != LC_FT_NUM && ty != LC_FT_INT)
			continue;
		assert_int_equal(lc_tech_set_num(t, f, 1000 + f, "written"),
				 0);
	}
	for (int f = 0; f < LC_F__COUNT; f++) {
		enum lc_field_type ty = lc_field_type(f);

		if (ty != LC_FT_NUM && ty != LC_FT_INT) {
			assert_false(lc_tech_num(t, f, &v));
			assert_null(lc_tech_src(t, f));
			continue;
		}
		assert_true(lc_tech_num(t, f, &v));
		assert_true(v == 1000 + f);
		assert_string_equal(lc_tech_src(t, f), "written");
	}
	lc_tech_free(t);
}

static void test_num_format(void **state)
{
	char b[40];

	(void)state;
	assert_string_equal(lc_num_format(0.1, b, sizeof b), "0.1");
	assert_string_equal(lc_num_format(-2.5e-7, b, sizeof b), "-2.5e-07");
	assert_string_equal(lc_num_format(350000, b, sizeof b), "350000");
	assert_null(lc_num_format(NAN, b, sizeof b));
	assert_true(strtod(lc_num_format(1.0 / 3, b, sizeof b), NULL) ==
		    1.0 / 3);
}

static void test_round_trip(void **state)
{
	struct lc_catalog *cat;
	struct lc_tech *t = full_tech("2025-ST-001", "steel", 8), *u;
	struct lc_error err;
	char diff[512];

	(void)state;
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err), 0);
	assert_int_equal(lc_catalog_begin(cat, &err), 0);
	assert_int_equal(lc_catalog_put_tech(cat, t, "a.xml", NULL, 0, &err),
			 LC_PUT_ADDED);
	assert_int_equal(lc_catalog_commit(cat, &err), 0);
	lc_catalog_close(cat);

	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_READ, &err), 0);
	assert_int_equal(lc_catalog_get_tech(cat, "2025-ST-001", &u, &err), 0);
	assert_int_equal(lc_tech_diff(t, u, diff, sizeof diff), 0);
	assert_string_equal(lc_tech_src(u, LC_F_POTENTIAL), "35万tCO2/a");
	assert_int_equal(lc_tech_demo_count(u), 1);
	assert_string_equal(lc_tech_demo(u, 0)->capacity, "100万t/a");
	assert_true(lc_tech_demo(u, 0)->abatement == 5e5);
	assert_string_equal(lc_tech_get(u, LC_F_SUMMARY), "line one\nline\ttwo");
	/* the English text, escapes and all (tab, backslash, newline) */
	assert_string_equal(lc_tech_demo(u, 0)->site_en, "Zhanjiang\tGuangdong");
	assert_string_equal(lc_tech_demo(u, 0)->enterprise_en,
			    "Baosteel \\ Zhanjiang");
	assert_string_equal(lc_tech_demo(u, 0)->capacity_en,
			    "1 Mt/a\nnew line");
	assert_string_equal(lc_tech_get(u, LC_F_SUMMARY_EN),
			    "line one\nline\ttwo (en)");
	lc_tech_free(u);
	assert_int_equal(lc_catalog_get_tech(cat, "2025-ST-999", &u, &err) ==
			 LC_ENOTFOUND, 1);
	lc_catalog_close(cat);
	lc_tech_free(t);
}

struct hist {
	int n;
	char changed[8][256];
};

static int collect(const struct lc_revision *r, void *vh)
{
	struct hist *h = vh;

	assert_int_equal(r->rev, h->n + 1);
	snprintf(h->changed[h->n++], sizeof h->changed[0], "%s", r->changed);
	return 0;
}

static void test_revisions(void **state)
{
	struct lc_catalog *cat;
	struct lc_tech *t = full_tech("2025-ST-002", "steel", 6);
	struct lc_error err;
	struct hist h = { 0 };
	char changed[256];

	(void)state;
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err), 0);
	assert_int_equal(lc_catalog_begin(cat, &err), 0);
	assert_int_equal(lc_catalog_put_tech(cat, t, "a", NULL, 0, &err),
			 LC_PUT_ADDED);
	assert_int_equal(lc_catalog_put_tech(cat, t, "a", changed,
					     sizeof changed, &err),
			 LC_PUT_UNCHANGED);
	lc_tech_set(t, LC_F_TRL, "7", NULL);
	lc_tech_set_num(t, LC_F_POTENTIAL, 2e6, "200万t");
	assert_int_equal(lc_catalog_put_tech(cat, t, "b", changed,
					     sizeof changed, &err),
			 LC_PUT_UPDATED);
	assert_string_equal(changed, "trl,potential");
	assert_int_equal(lc_catalog_set_status(cat, "2025-ST-002",
					       LC_ST_REJECTED, "no demo",
					       "c", &err), 0);
	assert_int_equal(lc_catalog_commit(cat, &err), 0);
	assert_int_equal(lc_catalog_history(cat, "2025-ST-002", collect, &h,
					    &err), 0);
	assert_int_equal(h.n, 3);
	assert_string_equal(h.changed[1], "trl,potential");
	assert_string_equal(h.changed[2], "status");
	lc_catalog_close(cat);
	lc_tech_free(t);
}

static void test_abort_leaves_nothing(void **state)
{
	struct lc_catalog *cat;
	struct lc_tech *t = full_tech("2025-NF-001", "nonferrous", 9), *u;
	struct lc_error err;
	struct stat before, after;

	(void)state;
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err), 0);
	lc_catalog_close(cat);
	assert_int_equal(stat(path, &before), 0);
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_WRITE, &err), 0);
	assert_int_equal(lc_catalog_begin(cat, &err), 0);
	assert_int_equal(lc_catalog_put_tech(cat, t, NULL, NULL, 0, &err),
			 LC_PUT_ADDED);
	lc_catalog_abort(cat);
	assert_int_equal(lc_catalog_get_tech(cat, "2025-NF-001", &u, &err),
			 LC_ENOTFOUND);
	/* Writing outside a transaction is refused. */
	assert_int_equal(lc_catalog_put_tech(cat, t, NULL, NULL, 0, &err),
			 LC_EUSAGE);
	/* Closing with an open transaction rolls it back. */
	assert_int_equal(lc_catalog_begin(cat, &err), 0);
	assert_int_equal(lc_catalog_put_tech(cat, t, NULL, NULL, 0, &err),
			 LC_PUT_ADDED);
	lc_catalog_close(cat);
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_READ, &err), 0);
	assert_int_equal(lc_catalog_get_tech(cat, "2025-NF-001", &u, &err),
			 LC_ENOTFOUND);
	lc_catalog_close(cat);
	assert_int_equal(stat(path, &after), 0);
	assert_int_equal(before.st_size, after.st_size);
	lc_tech_free(t);
}

struct ids {
	int n;
	char id[16][16];
};

static int collect_id(const struct lc_tech *t, void *vi)
{
	struct ids *ids = vi;

	if (ids->n < 16)
		snprintf(ids->id[ids->n], 16, "%s", lc_tech_get(t, LC_F_ID));
	ids->n++;
	return 0;
}

static void test_filters(void **state)
{
	static const struct { const char *id, *sector; int trl; } rows[] = {
		{ "2025-ST-001", "steel", 8 }, { "2025-ST-002", "steel", 5 },
		{ "2025-NF-001", "nonferrous", 9 },
		{ "2025-BM-001", "building-materials", 6 },
	};
	struct lc_catalog *cat;
	struct lc_error err;
	struct lc_filter f;
	struct ids ids = { 0 };
	char hint[2048];

	(void)state;
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err), 0);
	assert_int_equal(lc_catalog_begin(cat, &err), 0);
	for (size_t i = 0; i < 4; i++) {
		struct lc_tech *t = full_tech(rows[i].id, rows[i].sector,
					      rows[i].trl);

		if (i == 3)
			lc_tech_set(t, LC_F_NAME_ZH, "水泥熟料替代", NULL);
		assert_true(lc_catalog_put_tech(cat, t, NULL, NULL, 0, &err) >
			    0);
		lc_tech_free(t);
	}
	assert_int_equal(lc_catalog_commit(cat, &err), 0);

	lc_filter_init(&f);
	assert_int_equal(lc_catalog_each_tech(cat, &f, collect_id, &ids, &err),
			 0);
	assert_int_equal(ids.n, 4);
	assert_string_equal(ids.id[0], "2025-BM-001");

	memset(&ids, 0, sizeof ids);
	f.sector = LC_SECTOR_STEEL;
	f.min_trl = 6;
	assert_int_equal(lc_catalog_each_tech(cat, &f, collect_id, &ids, &err),
			 0);
	assert_int_equal(ids.n, 1);
	assert_string_equal(ids.id[0], "2025-ST-001");
	assert_int_equal(lc_catalog_query_hint(cat, &f, hint, sizeof hint,
					       &err), 0);
	assert_non_null(strstr(hint, "using an index: \"sector\""));

	memset(&ids, 0, sizeof ids);
	lc_filter_init(&f);
	f.match = "熟料";
	assert_int_equal(lc_catalog_each_tech(cat, &f, collect_id, &ids, &err),
			 0);
	assert_int_equal(ids.n, 1);
	assert_string_equal(ids.id[0], "2025-BM-001");

	memset(&ids, 0, sizeof ids);
	lc_filter_init(&f);
	f.sort = "-trl";
	assert_int_equal(lc_catalog_each_tech(cat, &f, collect_id, &ids, &err),
			 0);
	assert_string_equal(ids.id[0], "2025-NF-001");
	assert_string_equal(ids.id[3], "2025-ST-002");

	f.match = "(unclosed";
	assert_int_equal(lc_catalog_each_tech(cat, &f, collect_id, &ids, &err),
			 LC_EUSAGE);
	f.match = NULL;
	f.sort = "colour";
	assert_int_equal(lc_catalog_each_tech(cat, &f, collect_id, &ids, &err),
			 LC_EUSAGE);
	lc_catalog_close(cat);
}

static void test_bad_files(void **state)
{
	struct lc_catalog *cat;
	struct lc_error err;
	struct lc_rec *r = lc_rec_new();
	FILE *fp;
	char other[160];

	(void)state;
	/* Missing. */
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_READ, &err),
			 LC_EIO);
	assert_non_null(strstr(err.msg, "lowcarb init"));
	/* Not a database at all. */
	snprintf(other, sizeof other, "%s/junk.tct", dir);
	fp = fopen(other, "w");
	assert_non_null(fp);
	fputs("this is not a catalog\n", fp);
	fclose(fp);
	assert_int_equal(lc_catalog_open(&cat, other, LC_OPEN_READ, &err),
			 LC_EIO);
	assert_non_null(strstr(err.msg, "unable to open catalog"));
	/* A catalog of another schema version. */
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err), 0);
	assert_int_equal(lc_catalog_begin(cat, &err), 0);
	lc_rec_set(r, "version", "99");
	/* meta: is the catalog's own kind: refused through the generic API */
	assert_int_equal(lc_catalog_rec_put(cat, "meta:schema", r, &err),
			 LC_EUSAGE);
	lc_catalog_abort(cat);
	lc_catalog_close(cat);
	lc_rec_free(r);
}

static int count_rec(const char *key, const struct lc_rec *r, void *vn)
{
	(void)key;
	(void)r;
	(*(int *)vn)++;
	return 0;
}

static void test_records(void **state)
{
	struct lc_catalog *cat;
	struct lc_error err;
	struct lc_rec *r = lc_rec_new(), *g;
	int n = 0;

	(void)state;
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err), 0);
	assert_int_equal(lc_catalog_begin(cat, &err), 0);
	lc_rec_set(r, "tech", "2025-ST-001");
	lc_rec_set(r, "expert", "E01");
	lc_rec_set(r, "score", "8.5");
	assert_int_equal(lc_catalog_rec_put(cat, "score:2025-ST-001:E01:c", r,
					    &err), 0);
	lc_rec_set(r, "expert", "E02");
	assert_int_equal(lc_catalog_rec_put(cat, "score:2025-ST-001:E02:c", r,
					    &err), 0);
	assert_int_equal(lc_catalog_rec_put(cat, "tech:x", r, &err), LC_EUSAGE);
	assert_int_equal(lc_catalog_rec_put(cat, "nokind", r, &err),
			 LC_EUSAGE);
	assert_int_equal(lc_catalog_commit(cat, &err), 0);
	assert_int_equal(lc_catalog_rec_get(cat, "score:2025-ST-001:E01:c", &g,
					    &err), 0);
	assert_string_equal(lc_rec_get(g, "score"), "8.5");
	assert_string_equal(lc_rec_get(g, "kind"), "score");
	lc_rec_free(g);
	assert_int_equal(lc_catalog_rec_each(cat, "score", "expert", "E02",
					     count_rec, &n, &err), 0);
	assert_int_equal(n, 1);
	n = 0;
	assert_int_equal(lc_catalog_rec_each(cat, "score", NULL, NULL,
					     count_rec, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(lc_catalog_begin(cat, &err), 0);
	assert_int_equal(lc_catalog_rec_del(cat, "score:2025-ST-001:E01:c",
					    &err), 0);
	assert_int_equal(lc_catalog_rec_del(cat, "score:2025-ST-001:E01:c",
					    &err), LC_ENOTFOUND);
	assert_int_equal(lc_catalog_commit(cat, &err), 0);
	lc_catalog_close(cat);
	lc_rec_free(r);
}

/* A writer in another process holds the catalog: opening waits the
 * bounded time, then says "catalog busy". */
static void test_busy(void **state)
{
	struct lc_catalog *a;
	struct lc_error err;
	int up[2], down[2], status;
	char c;
	pid_t pid;

	(void)state;
	assert_int_equal(lc_catalog_open(&a, path, LC_OPEN_CREATE, &err), 0);
	lc_catalog_close(a);
	assert_int_equal(pipe(up), 0);
	assert_int_equal(pipe(down), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct lc_catalog *w;

		if (lc_catalog_open(&w, path, LC_OPEN_WRITE, &err) < 0)
			_exit(1);
		(void)!write(up[1], "x", 1);
		(void)!read(down[0], &c, 1);   /* until the parent is done */
		lc_catalog_close(w);
		_exit(0);
	}
	assert_int_equal(read(up[0], &c, 1), 1);
	setenv("LOWCARB_BUSY_TIMEOUT", "0.2", 1);
	assert_int_equal(lc_catalog_open(&a, path, LC_OPEN_READ, &err),
			 LC_EBUSY);
	assert_non_null(strstr(err.msg, "catalog busy"));
	unsetenv("LOWCARB_BUSY_TIMEOUT");
	assert_int_equal(write(down[1], "x", 1), 1);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(WEXITSTATUS(status), 0);
	close(up[0]);
	close(up[1]);
	close(down[0]);
	close(down[1]);
	/* Free again: opens at once. */
	assert_int_equal(lc_catalog_open(&a, path, LC_OPEN_READ, &err), 0);
	lc_catalog_close(a);
}

/* A catalog deleted without its index files, then created again at the
 * same path, must not inherit the old index entries. */
static void test_recreate_ignores_leftovers(void **state)
{
	struct lc_catalog *cat;
	struct lc_tech *t = full_tech("2025-ST-001", "steel", 8);
	struct lc_error err;
	struct lc_filter f;
	struct ids ids = { 0 };

	(void)state;
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err), 0);
	assert_int_equal(lc_catalog_begin(cat, &err), 0);
	assert_true(lc_catalog_put_tech(cat, t, NULL, NULL, 0, &err) > 0);
	assert_int_equal(lc_catalog_commit(cat, &err), 0);
	lc_catalog_close(cat);
	assert_int_equal(remove(path), 0);
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err), 0);
	assert_int_equal(lc_catalog_begin(cat, &err), 0);
	assert_true(lc_catalog_put_tech(cat, t, NULL, NULL, 0, &err) > 0);
	assert_int_equal(lc_catalog_commit(cat, &err), 0);
	lc_filter_init(&f);
	f.sector = LC_SECTOR_STEEL;
	assert_int_equal(lc_catalog_each_tech(cat, &f, collect_id, &ids, &err),
			 0);
	assert_int_equal(ids.n, 1);
	lc_catalog_close(cat);
	lc_tech_free(t);
}

/* A bulk transaction: same result as an ordinary one, indexes rebuilt at
 * commit and at abort; an interrupted one is repaired by the next open,
 * read-only included. */
static void test_bulk(void **state)
{
	struct lc_catalog *cat;
	struct lc_tech *t = full_tech("2025-ST-001", "steel", 8), *u;
	struct lc_error err;
	struct lc_filter f;
	struct ids ids = { 0 };
	char hint[2048];
	int status;
	pid_t pid;

	(void)state;
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err), 0);
	assert_int_equal(lc_catalog_begin_bulk(cat, &err), 0);
	assert_int_equal(lc_catalog_put_tech(cat, t, NULL, NULL, 0, &err),
			 LC_PUT_ADDED);
	assert_int_equal(lc_catalog_commit(cat, &err), 0);
	lc_filter_init(&f);
	f.sector = LC_SECTOR_STEEL;
	assert_int_equal(lc_catalog_each_tech(cat, &f, collect_id, &ids, &err),
			 0);
	assert_int_equal(ids.n, 1);
	assert_int_equal(lc_catalog_query_hint(cat, &f, hint, sizeof hint,
					       &err), 0);
	assert_non_null(strstr(hint, "using an index: \"sector\""));

	/* Abort: nothing of the bulk write stays, indexes are back. */
	lc_tech_set(t, LC_F_ID, "2025-ST-002", NULL);
	assert_int_equal(lc_catalog_begin_bulk(cat, &err), 0);
	assert_int_equal(lc_catalog_put_tech(cat, t, NULL, NULL, 0, &err),
			 LC_PUT_ADDED);
	lc_catalog_abort(cat);
	assert_int_equal(lc_catalog_get_tech(cat, "2025-ST-002", &u, &err),
			 LC_ENOTFOUND);
	memset(&ids, 0, sizeof ids);
	assert_int_equal(lc_catalog_each_tech(cat, &f, collect_id, &ids, &err),
			 0);
	assert_int_equal(ids.n, 1);
	lc_catalog_close(cat);

	/* A process that dies inside a bulk transaction. */
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct lc_catalog *w;

		if (lc_catalog_open(&w, path, LC_OPEN_WRITE, &err) < 0 ||
		    lc_catalog_begin_bulk(w, &err) < 0 ||
		    lc_catalog_put_tech(w, t, NULL, NULL, 0, &err) < 0)
			_exit(1);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(WEXITSTATUS(status), 0);
	/* The next open, read-only too, rebuilds the indexes. */
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_READ, &err), 0);
	assert_int_equal(lc_catalog_get_tech(cat, "2025-ST-002", &u, &err),
			 LC_ENOTFOUND);
	memset(&ids, 0, sizeof ids);
	assert_int_equal(lc_catalog_each_tech(cat, &f, collect_id, &ids, &err),
			 0);
	assert_int_equal(ids.n, 1);
	assert_int_equal(lc_catalog_query_hint(cat, &f, hint, sizeof hint,
					       &err), 0);
	assert_non_null(strstr(hint, "using an index: \"sector\""));
	lc_catalog_close(cat);
	lc_tech_free(t);
}

/* The whole file at p in a new buffer; *n its size. */
static char *slurp(const char *p, size_t *n)
{
	FILE *fp = fopen(p, "rb");
	char *buf;
	long sz;

	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	sz = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)sz + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)sz, fp), (size_t)sz);
	fclose(fp);
	*n = (size_t)sz;
	return buf;
}

static int file_exists(const char *p)
{
	struct stat sb;

	return stat(p, &sb) == 0;
}

/* Puts dossier id of sector (name) and trl in an open transaction. */
static void put_one(struct lc_catalog *cat, const char *id,
		    const char *sector, int trl)
{
	struct lc_tech *t = full_tech(id, sector, trl);
	struct lc_error err;

	assert_true(lc_catalog_put_tech(cat, t, NULL, NULL, 0, &err) > 0);
	lc_tech_free(t);
}

static long count_techs(const char *p)
{
	struct lc_catalog *cat;
	struct lc_filter f;
	struct ids ids = { 0 };
	struct lc_error err;

	assert_int_equal(lc_catalog_open(&cat, p, LC_OPEN_READ, &err), 0);
	lc_filter_init(&f);
	assert_int_equal(lc_catalog_each_tech(cat, &f, collect_id, &ids, &err),
			 0);
	lc_catalog_close(cat);
	return ids.n;
}

/* A failed command changes nothing, byte for byte: an aborted bulk
 * transaction leaves the file as it was and no copy beside it. */
static void test_abort_byte_identical(void **state)
{
	struct lc_catalog *cat;
	struct lc_error err;
	char bulk[160];
	char *before, *after;
	size_t nb, na;

	(void)state;
	snprintf(bulk, sizeof bulk, "%s.bulk", path);
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err), 0);
	assert_int_equal(lc_catalog_begin(cat, &err), 0);
	put_one(cat, "2025-ST-001", "steel", 8);
	put_one(cat, "2025-NF-001", "nonferrous", 5);
	assert_int_equal(lc_catalog_commit(cat, &err), 0);
	lc_catalog_close(cat);
	before = slurp(path, &nb);
	for (int bulk_tx = 0; bulk_tx < 2; bulk_tx++) {
		assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_WRITE,
						 &err), 0);
		assert_int_equal(bulk_tx ? lc_catalog_begin_bulk(cat, &err) :
				 lc_catalog_begin(cat, &err), 0);
		put_one(cat, "2025-ST-002", "steel", 9);
		lc_catalog_abort(cat);
		lc_catalog_close(cat);
		after = slurp(path, &na);
		assert_int_equal(na, nb);
		assert_memory_equal(after, before, nb);
		free(after);
		assert_false(file_exists(bulk));
	}
	free(before);
}

/* A 0-byte file is not made a database by any open. */
static void test_empty_file(void **state)
{
	static const int modes[] = { LC_OPEN_READ, LC_OPEN_WRITE,
				     LC_OPEN_CREATE };
	struct lc_catalog *cat;
	struct lc_error err;
	struct stat sb;
	FILE *fp = fopen(path, "w");

	(void)state;
	assert_non_null(fp);
	fclose(fp);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(lc_catalog_open(&cat, path, modes[i], &err),
				 LC_EIO);
		assert_non_null(strstr(err.msg, "empty file"));
	}
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_size, 0);
}

static void test_busy_timeout_env(void **state)
{
	struct lc_catalog *cat;
	struct lc_error err;

	(void)state;
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err), 0);
	lc_catalog_close(cat);
	setenv("LOWCARB_BUSY_TIMEOUT", "abc", 1);
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_READ, &err),
			 LC_EUSAGE);
	assert_non_null(strstr(err.msg, "LOWCARB_BUSY_TIMEOUT"));
	assert_non_null(strstr(err.msg, "'abc'"));
	setenv("LOWCARB_BUSY_TIMEOUT", "-1", 1);
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_READ, &err),
			 LC_EUSAGE);
	setenv("LOWCARB_BUSY_TIMEOUT", "0.5", 1);
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_READ, &err), 0);
	lc_catalog_close(cat);
	unsetenv("LOWCARB_BUSY_TIMEOUT");
}

/* ---- queries answer as a scan would ---------------------------------- */

#define NQ 240

struct qrow {
	char id[16];
	int sector, trl, status, edition, has_pot;
	double pot;
};

static struct qrow qrows[NQ];

struct idlist {
	int n;
	char id[NQ][16];
};

static int collect_all(const struct lc_tech *t, void *vl)
{
	struct idlist *l = vl;

	assert_true(l->n < NQ);
	snprintf(l->id[l->n++], 16, "%.15s", lc_tech_get(t, LC_F_ID));
	return 0;
}

static const struct lc_filter *want_f;

static int want_cmp(const void *va, const void *vb)
{
	const struct qrow *a = va, *b = vb;

	if (want_f->sort && strcmp(want_f->sort, "-potential") == 0 &&
	    (a->has_pot != b->has_pot || (a->has_pot && a->pot != b->pot)))
		return a->has_pot != b->has_pot ? b->has_pot - a->has_pot :
			(a->pot < b->pot) - (a->pot > b->pot);
	if (want_f->sort && strcmp(want_f->sort, "trl") == 0 &&
	    a->trl != b->trl)
		return a->trl - b->trl;
	return strcmp(a->id, b->id);
}

/* TRL bounds as Tokyo Cabinet's table store read them, which the store
 * keeps: a range given upside down is turned round. */
static int in_trl(const struct lc_filter *f, int trl)
{
	int lo = f->min_trl, hi = f->max_trl ? f->max_trl : 99;

	if (!f->min_trl && !f->max_trl)
		return 1;
	return lo <= hi ? trl >= lo && trl <= hi : trl >= hi && trl <= lo;
}

/* What a scan says filter f selects, in its order (ties by id). */
static void expected(const struct lc_filter *f, struct idlist *l)
{
	struct qrow sel[NQ];
	int n = 0;

	for (int i = 0; i < NQ; i++) {
		const struct qrow *r = &qrows[i];
		char ed[8];

		snprintf(ed, sizeof ed, "%d", r->edition);
		if ((f->sector < 0 || f->sector == r->sector) &&
		    (f->status < 0 || f->status == r->status) &&
		    (!f->edition || strcmp(f->edition, ed) == 0) &&
		    in_trl(f, r->trl))
			sel[n++] = *r;
	}
	want_f = f;
	qsort(sel, (size_t)n, sizeof *sel, want_cmp);
	l->n = n;
	for (int i = 0; i < n; i++)
		snprintf(l->id[i], 16, "%.15s", sel[i].id);
}

/* Every combination of filters, through whichever index or key range
 * answers it, gives what a scan gives, in the same order; sorting puts
 * records without the column last and ties in id order. */
static void test_queries_equal_scan(void **state)
{
	static const char *const sorts[] = { NULL, "-potential", "trl" };
	static const char *const eds[] = { NULL, "2024", "2025" };
	struct lc_catalog *cat;
	struct lc_error err;
	struct lc_filter f;
	static struct idlist got, want;

	(void)state;
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err), 0);
	assert_int_equal(lc_catalog_begin(cat, &err), 0);
	for (int i = 0; i < NQ; i++) {
		struct qrow *r = &qrows[i];
		struct lc_tech *t;
		char ed[8];

		r->sector = (i * 7) % LC_SECTOR__COUNT;
		r->trl = 1 + (i * 5) % 9;
		r->status = i % LC_ST__COUNT;
		r->edition = i % 3 ? 2025 : 2024;
		r->has_pot = i % 7 != 0;
		r->pot = (double)((i * 37) % 11) * 1000;
		snprintf(r->id, sizeof r->id, "%d-%s-%03d", r->edition,
			 lc_sector_code(r->sector), i);
		snprintf(ed, sizeof ed, "%d", r->edition);
		t = full_tech(r->id, lc_sector_name(r->sector), r->trl);
		lc_tech_set(t, LC_F_EDITION, ed, NULL);
		lc_tech_set_num(t, LC_F_POTENTIAL, r->pot, NULL);
		if (!r->has_pot)
			lc_tech_set(t, LC_F_POTENTIAL, NULL, NULL);
		lc_tech_set_status(t, r->status, NULL);
		assert_int_equal(lc_catalog_put_tech(cat, t, NULL, NULL, 0,
						     &err), LC_PUT_ADDED);
		lc_tech_free(t);
	}
	assert_int_equal(lc_catalog_commit(cat, &err), 0);
	for (int sec = -1; sec < LC_SECTOR__COUNT; sec++)
	for (int lo = 0; lo <= 7; lo += 7)
	for (int hi = 0; hi <= 5; hi += 5)
	for (int stt = -1; stt < 2; stt += 2)
	for (size_t e = 0; e < 3; e++)
	for (size_t so = 0; so < 3; so++) {
		lc_filter_init(&f);
		f.sector = sec;
		f.min_trl = lo;
		f.max_trl = hi;
		f.status = stt;
		f.edition = eds[e];
		f.sort = sorts[so];
		got.n = 0;
		assert_int_equal(lc_catalog_each_tech(cat, &f, collect_all,
						      &got, &err), 0);
		expected(&f, &want);
		assert_int_equal(got.n, want.n);
		for (int i = 0; i < got.n; i++)
			assert_string_equal(got.id[i], want.id[i]);
	}
	lc_catalog_close(cat);
}

/* list --explain says which index or key range answers. */
static void test_hints(void **state)
{
	struct lc_catalog *cat;
	struct lc_error err;
	struct lc_filter f;
	char hint[2048];

	(void)state;
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err), 0);
	lc_filter_init(&f);
	f.sector = LC_SECTOR_STEEL;
	f.edition = "2025";
	assert_int_equal(lc_catalog_query_hint(cat, &f, hint, sizeof hint,
					       &err), 0);
	assert_non_null(strstr(hint, "using an index: \"sector\" asc "
			       "(STREQ)\n"));
	assert_non_null(strstr(hint, "edition STREQ 2025"));
	lc_filter_init(&f);
	f.min_trl = 6;
	f.sort = "-potential";
	assert_int_equal(lc_catalog_query_hint(cat, &f, hint, sizeof hint,
					       &err), 0);
	assert_non_null(strstr(hint, "using an index: \"trl\" asc (NUMBT)"));
	assert_non_null(strstr(hint, "\"potential\" numeric descending"));
	lc_filter_init(&f);
	assert_int_equal(lc_catalog_query_hint(cat, &f, hint, sizeof hint,
					       &err), 0);
	assert_non_null(strstr(hint, "key range of kind \"tech\""));
	lc_catalog_close(cat);
}

/* ---- the check finds damage -------------------------------------------- */

struct problems {
	int n;
	char what[8][512];
};

static void note(const char *what, void *vp)
{
	struct problems *p = vp;

	if (p->n < 8)
		snprintf(p->what[p->n], sizeof p->what[0], "%s", what);
	p->n++;
}

/* Runs the check; returns its status, problems in *p. */
static int run_check(struct problems *p)
{
	struct lc_catalog *cat;
	struct lc_error err;
	long nrec;
	int rc;

	memset(p, 0, sizeof *p);
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_READ, &err), 0);
	rc = lc_catalog_check(cat, note, p, &nrec, &err);
	lc_catalog_close(cat);
	return rc;
}

/* Writes (val non-NULL) or removes key a NUL b straight into the B+ tree
 * file, behind the store's back. */
static void raw(const char *a, const char *b, const char *val)
{
	TCBDB *db = tcbdbnew();
	char key[256];
	int n = snprintf(key, sizeof key, "%s", a) + 1;

	if (b)
		n += snprintf(key + n, sizeof key - (size_t)n, "%s", b);
	else
		n--;
	assert_true(tcbdbopen(db, path, BDBOWRITER));
	if (val)
		assert_true(tcbdbput(db, key, n, val, (int)strlen(val)));
	else
		assert_true(tcbdbout(db, key, n));
	assert_true(tcbdbclose(db));
	tcbdbdel(db);
}

static int said(const struct problems *p, const char *text)
{
	for (int i = 0; i < p->n && i < 8; i++)
		if (strstr(p->what[i], text))
			return 1;
	return 0;
}

static void test_check_finds_damage(void **state)
{
	struct lc_catalog *cat;
	struct lc_error err;
	struct problems p;

	(void)state;
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err), 0);
	assert_int_equal(lc_catalog_begin(cat, &err), 0);
	put_one(cat, "2025-ST-001", "steel", 8);
	put_one(cat, "2025-NF-001", "nonferrous", 5);
	assert_int_equal(lc_catalog_commit(cat, &err), 0);
	lc_catalog_close(cat);
	assert_int_equal(run_check(&p), 0);
	assert_int_equal(p.n, 0);

	raw("i/sector/steel", "tech:2025-ST-001", NULL);
	assert_int_equal(run_check(&p), LC_EDATA);
	assert_int_equal(p.n, 1);
	assert_true(said(&p, "index 'sector' misses record "
			 "'tech:2025-ST-001' (sector = steel)"));
	raw("i/sector/steel", "tech:2025-ST-001", "");

	raw("i/sector/chemical", "tech:2025-ST-001", "");
	assert_int_equal(run_check(&p), LC_EDATA);
	assert_true(said(&p, "index 'sector' answers 'tech:2025-ST-001' for "
			 "sector = chemical, but its record has steel"));
	raw("i/sector/chemical", "tech:2025-ST-001", NULL);

	raw("i/edition/2025", "tech:2025-ST-404", "");
	assert_int_equal(run_check(&p), LC_EDATA);
	assert_true(said(&p, "index 'edition' has an entry for "
			 "'tech:2025-ST-404', which no record has"));
	raw("i/edition/2025", "tech:2025-ST-404", NULL);

	raw("r/tech:2025-ST-009", NULL, "no pairs here");
	assert_int_equal(run_check(&p), LC_EDATA);
	assert_true(said(&p, "record 'tech:2025-ST-009' is damaged"));
	raw("r/tech:2025-ST-009", NULL, NULL);
	assert_int_equal(run_check(&p), 0);
}

/* ---- walking while writing ---------------------------------------------- */

struct rewrite {
	struct lc_catalog *cat;
	int n;
	char seen[64][32];
};

/* Moves each score it visits to a note: the walk must go on past the
 * records it changes, visiting each once. */
static int move_one(const char *key, const struct lc_rec *r, void *vw)
{
	struct rewrite *w = vw;
	struct lc_error err;
	char note_key[64];

	assert_true(w->n < 64);
	for (int i = 0; i < w->n; i++)
		assert_string_not_equal(w->seen[i], key);
	snprintf(w->seen[w->n++], 32, "%s", key);
	snprintf(note_key, sizeof note_key, "note:%s", key + 6);
	assert_int_equal(lc_catalog_rec_put(w->cat, note_key, r, &err), 0);
	assert_int_equal(lc_catalog_rec_del(w->cat, key, &err), 0);
	return 0;
}

static void test_write_while_walking(void **state)
{
	struct rewrite w = { NULL, 0, { { 0 } } };
	struct lc_error err;
	struct lc_rec *r = lc_rec_new();
	struct problems p;
	char key[64], e[8];
	int n = 0;

	(void)state;
	assert_int_equal(lc_catalog_open(&w.cat, path, LC_OPEN_CREATE, &err),
			 0);
	assert_int_equal(lc_catalog_begin(w.cat, &err), 0);
	for (int i = 0; i < 40; i++) {
		snprintf(e, sizeof e, "E%02d", i % 9);
		snprintf(key, sizeof key, "score:2025-ST-%03d:%s:c", i, e);
		lc_rec_set(r, "tech", "2025-ST-001");
		lc_rec_set(r, "expert", e);
		assert_int_equal(lc_catalog_rec_put(w.cat, key, r, &err), 0);
	}
	assert_int_equal(lc_catalog_commit(w.cat, &err), 0);
	assert_int_equal(lc_catalog_begin(w.cat, &err), 0);
	assert_int_equal(lc_catalog_rec_each(w.cat, "score", NULL, NULL,
					     move_one, &w, &err), 0);
	assert_int_equal(w.n, 40);
	/* And through an index: every score of expert E03 */
	assert_int_equal(lc_catalog_rec_each(w.cat, "note", "expert", "E03",
					     count_rec, &n, &err), 0);
	assert_int_equal(n, 5);
	assert_int_equal(lc_catalog_commit(w.cat, &err), 0);
	n = 0;
	assert_int_equal(lc_catalog_rec_each(w.cat, "score", NULL, NULL,
					     count_rec, &n, &err), 0);
	assert_int_equal(n, 0);
	lc_catalog_close(w.cat);
	lc_rec_free(r);
	assert_int_equal(run_check(&p), 0);
}

/* ---- the conversion of table catalogs -------------------------------- */

/* Writes every record of the B+ tree catalog at from as a Tokyo Cabinet
 * table at to, as lowcarb's table store kept them, with its indexes and
 * the mark an interrupted bulk import of that store left. */
static void make_table(const char *from, const char *to, const char *version)
{
	TCBDB *db = tcbdbnew();
	TCTDB *tdb = tctdbnew();
	BDBCUR *cur;
	const char *k;
	int ksz;

	assert_true(tcbdbopen(db, from, BDBOREADER));
	assert_true(tctdbopen(tdb, to, TDBOWRITER | TDBOCREAT));
	cur = tcbdbcurnew(db);
	tcbdbcurfirst(cur);
	while ((k = tcbdbcurkey3(cur, &ksz)) != NULL) {
		if (strncmp(k, "r/", 2) == 0) {
			int vsz;
			const char *v = tcbdbcurval3(cur, &vsz), *end = v + vsz;
			TCMAP *m = tcmapnew();
			char *key = strndup(k + 2, (size_t)ksz - 2);

			while (v < end) {
				const char *val = v + strlen(v) + 1;

				tcmapput2(m, v, strcmp(k, "r/meta:schema") ||
					  strcmp(v, "version") ? val :
					  version);
				v = val + strlen(val) + 1;
			}
			assert_true(tctdbput(tdb, key, (int)strlen(key), m));
			free(key);
			tcmapdel(m);
		}
		tcbdbcurnext(cur);
	}
	tcbdbcurdel(cur);
	tcbdbdel(db);
	assert_true(tctdbsetindex(tdb, "kind", TDBITLEXICAL));
	assert_true(tctdbsetindex(tdb, "sector", TDBITLEXICAL));
	assert_true(tctdbsetindex(tdb, "trl", TDBITDECIMAL));
	{
		TCMAP *m = tcmapnew();

		tcmapput2(m, "kind", "meta");
		tcmapput2(m, "state", "rebuilding");
		assert_true(tctdbput(tdb, "meta:indexes", 12, m));
		tcmapdel(m);
	}
	tctdbdel(tdb);
}

static int count_hist(const struct lc_revision *rv, void *vn)
{
	(void)rv;
	(*(int *)vn)++;
	return 0;
}

static int file_type(const char *p)
{
	unsigned char head[64];
	FILE *fp = fopen(p, "rb");

	assert_non_null(fp);
	assert_int_equal(fread(head, 1, sizeof head, fp), sizeof head);
	fclose(fp);
	return head[32];
}

static void test_convert_table(void **state)
{
	struct lc_catalog *cat, *old;
	struct lc_tech *t = full_tech("2025-ST-001", "steel", 8), *u, *v;
	struct lc_rec *r = lc_rec_new(), *g;
	struct lc_error err;
	char table[160], idx[200];
	int hist = 0;

	(void)state;
	assert_int_equal(lc_catalog_open(&old, path, LC_OPEN_CREATE, &err), 0);
	assert_int_equal(lc_catalog_begin(old, &err), 0);
	put_one(old, "2025-NF-001", "nonferrous", 5);
	assert_true(lc_catalog_put_tech(old, t, "a.xml", NULL, 0, &err) > 0);
	lc_tech_set(t, LC_F_TRL, "9", NULL);
	assert_int_equal(lc_catalog_put_tech(old, t, "b.xml", NULL, 0, &err),
			 LC_PUT_UPDATED);
	lc_rec_set(r, "tech", "2025-ST-001");
	lc_rec_set(r, "expert", "E01");
	lc_rec_set(r, "score", "8");
	assert_int_equal(lc_catalog_rec_put(old, "score:2025-ST-001:E01:c", r,
					    &err), 0);
	assert_int_equal(lc_catalog_commit(old, &err), 0);
	/* Tokyo Cabinet opens a file once in a process. */
	lc_catalog_close(old);
	snprintf(table, sizeof table, "%s/old.tct", dir);
	make_table(path, table, "1");
	assert_int_equal(lc_catalog_open(&old, path, LC_OPEN_READ, &err), 0);
	assert_int_equal(file_type(table), TCDBTTABLE);
	/* Converted by its first open, a read-only one included. */
	assert_int_equal(lc_catalog_open(&cat, table, LC_OPEN_READ, &err), 0);
	assert_int_equal(file_type(table), TCDBTBTREE);
	snprintf(idx, sizeof idx, "%s.idx.kind.lex", table);
	assert_false(file_exists(idx));
	snprintf(idx, sizeof idx, "%s.convert", table);
	assert_false(file_exists(idx));
	assert_int_equal(lc_catalog_get_tech(cat, "2025-ST-001", &u, &err), 0);
	assert_int_equal(lc_catalog_get_tech(old, "2025-ST-001", &v, &err), 0);
	assert_int_equal(lc_tech_diff(u, v, NULL, 0), 0);
	lc_tech_free(u);
	lc_tech_free(v);
	assert_int_equal(lc_catalog_history(cat, "2025-ST-001", count_hist,
					    &hist, &err), 0);
	assert_int_equal(hist, 2);
	assert_int_equal(lc_catalog_rec_get(cat, "score:2025-ST-001:E01:c",
					    &g, &err), 0);
	assert_string_equal(lc_rec_get(g, "score"), "8");
	lc_rec_free(g);
	assert_int_equal(lc_catalog_rec_get(cat, "meta:indexes", &g, &err),
			 LC_ENOTFOUND);
	lc_catalog_close(cat);
	lc_catalog_close(old);
	assert_int_equal(count_techs(table), 2);

	/* Another version is refused and left a table. */
	snprintf(table, sizeof table, "%s/v9.tct", dir);
	make_table(path, table, "9");
	assert_int_equal(lc_catalog_open(&cat, table, LC_OPEN_READ, &err),
			 LC_EIO);
	assert_string_equal(err.msg, "catalog schema version '9' is unknown "
			    "to this lowcarb (it reads version 1)");
	assert_int_equal(file_type(table), TCDBTTABLE);
	lc_tech_free(t);
	lc_rec_free(r);
}

/* ---- a failing store ------------------------------------------------- */

static void test_failing_store(void **state)
{
	struct lc_catalog *cat;
	struct lc_tech *u;
	struct lc_error err;
	struct problems p;
	char bulk[160], id[16];
	char *before, *after;
	size_t nb, na;

	(void)state;
	snprintf(bulk, sizeof bulk, "%s.bulk", path);
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err), 0);
	assert_int_equal(lc_catalog_begin(cat, &err), 0);
	put_one(cat, "2025-ST-001", "steel", 8);
	assert_int_equal(lc_catalog_commit(cat, &err), 0);
	lc_catalog_close(cat);
	before = slurp(path, &nb);

	/* A commit that fails changes nothing. */
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_WRITE, &err), 0);
	assert_int_equal(lc_catalog_begin(cat, &err), 0);
	put_one(cat, "2025-ST-002", "steel", 9);
	fail_commit = 1;
	assert_int_equal(lc_catalog_commit(cat, &err), LC_EIO);
	assert_non_null(strstr(err.msg, "unable to commit"));
	assert_int_equal(lc_catalog_get_tech(cat, "2025-ST-002", &u, &err),
			 LC_ENOTFOUND);
	/* A write that fails is reported; the caller aborts. */
	assert_int_equal(lc_catalog_begin(cat, &err), 0);
	fail_puts = 1;
	assert_int_equal(lc_catalog_put_tech(cat, u = full_tech("2025-ST-003",
		"steel", 7), NULL, NULL, 0, &err), LC_EIO);
	lc_tech_free(u);
	lc_catalog_abort(cat);
	/* A bulk commit whose writing fails leaves the catalog as it was
	 * and no copy. */
	assert_int_equal(lc_catalog_begin_bulk(cat, &err), 0);
	for (int i = 0; i < 20; i++) {
		snprintf(id, sizeof id, "2025-NF-%03d", i);
		put_one(cat, id, "nonferrous", 6);
	}
	fail_puts = 30;
	assert_int_equal(lc_catalog_commit(cat, &err), LC_EIO);
	fail_puts = 0;
	assert_false(file_exists(bulk));
	lc_catalog_close(cat);
	after = slurp(path, &na);
	assert_int_equal(na, nb);
	assert_memory_equal(after, before, nb);
	free(before);
	free(after);
	assert_int_equal(count_techs(path), 1);
	assert_int_equal(run_check(&p), 0);
}

/* A reader waiting while a bulk commit renames its copy over the
 * catalog reads the new file, not the old one it first found. */
static void test_reader_during_bulk(void **state)
{
	struct lc_catalog *cat;
	struct lc_error err;
	int go[2], status;
	char c;
	pid_t pid;

	(void)state;
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err), 0);
	lc_catalog_close(cat);
	/* Before this process opens the file: a child inherits the list of
	 * files Tokyo Cabinet has open. */
	assert_int_equal(pipe(go), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		(void)!read(go[0], &c, 1);
		_exit((int)count_techs(path));
	}
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_WRITE, &err), 0);
	assert_int_equal(lc_catalog_begin_bulk(cat, &err), 0);
	put_one(cat, "2025-ST-001", "steel", 8);
	assert_int_equal(write(go[1], "x", 1), 1);
	usleep(200 * 1000);
	assert_int_equal(lc_catalog_commit(cat, &err), 0);
	lc_catalog_close(cat);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 1);
	close(go[0]);
	close(go[1]);
}

static void test_error_format(void **state)
{
	struct lc_error err;
	char buf[600];

	(void)state;
	lc_error_set(&err, LC_EDATA, "a.csv", 12, "trl", "must be %d to %d",
		     1, 9);
	assert_string_equal(lc_error_format(&err, buf, sizeof buf),
			    "a.csv:12: trl: must be 1 to 9");
	lc_error_set(&err, LC_EIO, "cat.tct", 0, NULL, "busy");
	assert_string_equal(lc_error_format(&err, buf, sizeof buf),
			    "cat.tct: busy");
	assert_int_equal(lc_exit_code(LC_EDATA), 1);
	assert_int_equal(lc_exit_code(LC_EUSAGE), 2);
	assert_int_equal(lc_exit_code(LC_EBUSY), 3);
}

/* The shared hash is FNV-1a 64 (the published test vectors), and the
 * byte and string forms agree, bytes after a NUL counted by the first. */
static void test_hash(void **state)
{
	(void)state;
	assert_true(lc_hash_str("") == 0xcbf29ce484222325ULL);
	assert_true(lc_hash_str("a") == 0xaf63dc4c8601ec8cULL);
	assert_true(lc_hash_str("foobar") == 0x85944171f73967e8ULL);
	assert_true(lc_hash_bytes("foobar", 6) == lc_hash_str("foobar"));
	assert_true(lc_hash_bytes("foobar", 3) == lc_hash_str("foo"));
	assert_true(lc_hash_bytes("a\0b", 3) != lc_hash_str("a"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_trl_source),
		cmocka_unit_test(test_tech_types),
		cmocka_unit_test(test_num_format),
		cmocka_unit_test(test_error_format),
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_revisions, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_abort_leaves_nothing,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_files, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_records, setup, teardown),
		cmocka_unit_test_setup_teardown(test_busy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_recreate_ignores_leftovers,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_bulk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_abort_byte_identical,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_file, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_busy_timeout_env, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_queries_equal_scan, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_hints, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_finds_damage, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_write_while_walking,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_convert_table, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_failing_store, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_reader_during_bulk, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
