/* test_catalog.c - the data model and the store: every field round-trips,
 * revisions, transactions that abort leave nothing, filters and the index
 * plan, wrong-version and corrupt catalogs refused, generic records. */
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
#include "catalog/catalog.h"

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
			     "100万t/a", 5e5 };
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
	assert_int_equal(LC_F__COUNT, 28);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields),
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
