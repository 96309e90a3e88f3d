/* test_importers.c - unit tests of importers/: quantities and units, every
 * field rule (credit codes on real published codes), name similarity, the
 * CSV reader's edge cases and encodings, XML reading and the XML writer's
 * lossless round trip. Needs LOWCARB_DATA (make check sets it). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <iconv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "importers/importers.h"
#include "importers/dupes.h"
#include "importers/idset.h"
#include "exporters/exporters.h"

/* ---- quantities ---------------------------------------------------------
 */
struct qcase {
	int f;
	const char *text, *unit;
	double want;
};

static void test_quantities(void **state)
{
	static const struct qcase ok[] = {
		{ LC_F_POTENTIAL, "350000", NULL, 350000 },
		{ LC_F_POTENTIAL, "350,000", NULL, 350000 },
		{ LC_F_POTENTIAL, "1,234,567.5", NULL, 1234567.5 },
		{ LC_F_POTENTIAL, "3.5万", NULL, 35000 },
		{ LC_F_POTENTIAL, "1.2亿", NULL, 120000000 },
		{ LC_F_POTENTIAL, "35 kt", NULL, 35000 },
		{ LC_F_POTENTIAL, "0.35 Mt", NULL, 350000 },
		{ LC_F_POTENTIAL, "350000 t", NULL, 350000 },
		{ LC_F_POTENTIAL, "35万tCO2/a", NULL, 350000 },
		{ LC_F_POTENTIAL, "35 万tCO₂/a", NULL, 350000 },
		{ LC_F_POTENTIAL, "35万吨/年", NULL, 350000 },
		{ LC_F_POTENTIAL, "2 MtCO2e/a", NULL, 2000000 },
		{ LC_F_POTENTIAL, "35", "万tCO2/a", 350000 },
		{ LC_F_POTENTIAL, "1e6", NULL, 1000000 },
		{ LC_F_ABATEMENT, "45 ktCO2/a", NULL, 45000 },
		{ LC_F_INVESTMENT, "2,400万元", NULL, 24000000 },
		{ LC_F_INVESTMENT, "1.5亿元", NULL, 150000000 },
		{ LC_F_INVESTMENT, "3000000 CNY", NULL, 3000000 },
		{ LC_F_INVESTMENT, "12", "亿元", 1200000000 },
		{ LC_F_OPEX_CHANGE, "-1,200万元/a", NULL, -12000000 },
		{ LC_F_OPEX_CHANGE, "\u2212300万元/年", NULL, -3000000 },
		{ LC_F_ENERGY_SAVING, "1.5万tce/a", NULL, 15000 },
		{ LC_F_INVESTMENT, "5万亿元", NULL, 5e12 },
		{ LC_F_INVESTMENT, "3千万元", NULL, 3e7 },
		{ LC_F_POTENTIAL, "2百万tCO2/a", NULL, 2e6 },
		{ LC_F_ENERGY_SAVING, "8000 tce/a", NULL, 8000 },
		{ LC_F_ENERGY_SAVING, "2万吨标煤/年", NULL, 20000 },
		{ LC_F_CO2_PER_UNIT, "1.2 tCO2/t", NULL, 1.2 },
		{ LC_F_CO2_PER_UNIT, "850 kgCO2/t", NULL, 0.85 },
		{ LC_F_ABATEMENT_COST, "-60 元/tCO2", NULL, -60 },
		{ LC_F_ABATEMENT_COST, "420", NULL, 420 },
		{ LC_F_LIFETIME, "25年", NULL, 25 },
		{ LC_F_PAYBACK, "18 months", NULL, 1.5 },
		{ LC_F_PENETRATION_NOW, "35%", NULL, 35 },
		{ LC_F_PENETRATION_TARGET, "60", "%", 60 },
	};
	static const struct qcase bad[] = {
		{ LC_F_POTENTIAL, "", NULL, 0 },
		{ LC_F_POTENTIAL, "abc", NULL, 0 },
		{ LC_F_POTENTIAL, "3.5 kWh", NULL, 0 },
		{ LC_F_POTENTIAL, "1,5", NULL, 0 },
		{ LC_F_POTENTIAL, "12,34,567", NULL, 0 },
		{ LC_F_POTENTIAL, "35 tce", NULL, 0 },
		{ LC_F_POTENTIAL, "35 kt/t", NULL, 0 },
		{ LC_F_POTENTIAL, "35 kt", "Mt", 0 },
		{ LC_F_INVESTMENT, "5 元/a", NULL, 0 },
		{ LC_F_LIFETIME, "20 t", NULL, 0 },
		{ LC_F_POTENTIAL, "1e999", NULL, 0 },
		/* one magnitude: 1亿, not 1万万 */
		{ LC_F_POTENTIAL, "1万万tCO2/a", NULL, 0 },
		{ LC_F_INVESTMENT, "5万亿亿元", NULL, 0 },
		{ LC_F_INVESTMENT, "5亿万元", NULL, 0 },
		{ LC_F_POTENTIAL, "5万 万tCO2/a", NULL, 0 },
		/* a rate needs its time, unless the unit is a bare mass */
		{ LC_F_POTENTIAL, "5 ktCO2", NULL, 0 },
		{ LC_F_ENERGY_SAVING, "1.5万tce", NULL, 0 },
		{ LC_F_OPEX_CHANGE, "500万元", NULL, 0 },
		{ LC_F_CO2_PER_UNIT, "1.2 tCO2", NULL, 0 },
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		struct lc_error e;
		double v = -1;
		int rc = lc_quantity_parse(ok[i].f, ok[i].text, ok[i].unit,
					   &v, &e);
		if (rc != 0 || fabs(v - ok[i].want) >
		    1e-9 * fabs(ok[i].want))
			fail_msg("'%s' -> %g (rc %d: %s), want %g",
				 ok[i].text, v, rc, rc ? e.msg : "",
				 ok[i].want);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct lc_error e;
		double v = 12345;
		int rc = lc_quantity_parse(bad[i].f, bad[i].text, bad[i].unit,
					   &v, &e);
		if (rc != LC_EDATA)
			fail_msg("'%s' accepted as %g", bad[i].text, v);
		assert_string_equal(e.field, lc_field_name(bad[i].f));
		assert_true(v == 12345);   /* never a silent zero */
	}
}

/* Scaling by units and multipliers is done on the decimal text, so the
 * result is the double nearest the written quantity: exactly 103700,
 * not 10.37 * 10000 = 103699.99999999999. */
static void test_quantity_exact(void **state)
{
	static const struct qcase exact[] = {
		{ LC_F_POTENTIAL, "10.37万tCO2/a", NULL, 103700 },
		{ LC_F_POTENTIAL, "0.35 Mt", NULL, 350000 },
		{ LC_F_INVESTMENT, "1.1亿元", NULL, 110000000 },
		{ LC_F_INVESTMENT, "0.07万元", NULL, 700 },
		{ LC_F_ENERGY_SAVING, "2.3万tce/a", NULL, 23000 },
		{ LC_F_CO2_PER_UNIT, "1.7e2 kgCO2/t", NULL, 0.17 },
		{ LC_F_POTENTIAL, "4.1e-1 ktCO2/a", NULL, 410 },
	};
	char b[40];
	(void)state;
	for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++) {
		struct lc_error e;
		double v = -1;

		assert_int_equal(lc_quantity_parse(exact[i].f, exact[i].text,
						   exact[i].unit, &v, &e), 0);
		if (v != exact[i].want)
			fail_msg("'%s' -> %s, want exactly %.17g",
				 exact[i].text, lc_num_format(v, b, sizeof b),
				 exact[i].want);
	}
}

static void test_quantity_messages(void **state)
{
	struct lc_error e;
	double v;
	(void)state;
	assert_int_equal(lc_quantity_parse(LC_F_POTENTIAL, "3.5 kWh", NULL,
					   &v, &e), LC_EDATA);
	assert_string_equal(e.msg, "unknown unit 'kWh'");
	assert_int_equal(lc_quantity_parse(LC_F_INVESTMENT, "many", NULL,
					   &v, &e), LC_EDATA);
	assert_string_equal(e.field, "investment");
	assert_string_equal(e.msg, "'many' is not a number");
}

/* ---- rules --------------------------------------------------------------
 */
static void test_credit_code(void **state)
{
	/* Real codes as published by their holders:
	 * 9132059455117770X5 and 91110108MA005BCA25 - 天聚地合（苏州）数据
	 *   股份有限公司 and its Beijing branch, in the juhe.cn enterprise
	 *   API documentation (www.juhe.cn/docs/api/id/192 example output);
	 * 91110112MAKCMPQ75F - 未登峰（北京）科技有限公司, the company data
	 *   in a public deployment guide on GitHub;
	 * 91110102689248179K - the footer of secoo.com (寺库). */
	static const char *const valid[] = {
		"9132059455117770X5", "91110108MA005BCA25",
		"91110112MAKCMPQ75F", "91110102689248179K",
	};
	struct lc_error e;
	size_t i;
	(void)state;
	for (i = 0; i < sizeof valid / sizeof valid[0]; i++) {
		assert_int_equal(lc_credit_code_check_char(valid[i]),
				 valid[i][17]);
		if (lc_rules_check("credit_code", valid[i], &e) != 0)
			fail_msg("%s: %s", valid[i], e.msg);
	}
	assert_int_equal(lc_rules_check("credit_code", "91320594551177705X",
					&e), LC_EDATA);
	assert_int_equal(lc_rules_check("credit_code", "9132059455117770X6",
					&e), LC_EDATA);
	assert_string_equal(e.msg, "credit code '9132059455117770X6' fails "
			    "its check: the last character should be '5'");
	/* I, O, Z, S, V are not in the character set */
	assert_int_equal(lc_rules_check("credit_code", "9132059455117770I5",
					&e), LC_EDATA);
	assert_int_equal(lc_rules_check("credit_code", "9132059455117770X",
					&e), LC_EDATA);
	assert_int_equal(lc_credit_code_check_char("91320594551177O0X"), 0);
}

struct rcase {
	const char *rule, *value;
	int ok;
};

static void test_rules(void **state)
{
	static const struct rcase cases[] = {
		{ "email", "zhang.san@cisa.org.cn", 1 },
		{ "email", "a+b@example.com", 1 },
		{ "email", "zhang@", 0 },
		{ "email", "zhang@@x.cn", 0 },
		{ "email", "zhang@x", 0 },
		{ "email", "张三@x.cn", 0 },
		{ "phone", "13812345678", 1 },
		{ "phone", "138 1234 5678", 1 },
		{ "phone", "+86 138-1234-5678", 1 },
		{ "phone", "010-68512345", 1 },
		{ "phone", "010-6851 2345", 1 },
		{ "phone", "(0311)8765432", 1 },
		{ "phone", "0755-26881234-806", 1 },
		{ "phone", "400-810-8888", 1 },
		{ "phone", "12812345678", 0 },
		{ "phone", "1381234567", 0 },
		{ "phone", "010-1234567", 0 },
		{ "phone", "phone", 0 },
		{ "trl", "1", 1 }, { "trl", "9", 1 }, { "trl", "0", 0 },
		{ "trl", "10", 0 }, { "trl", "6.5", 0 }, { "trl", "", 0 },
		{ "year", "2023", 1 }, { "year", "1980", 1 },
		{ "year", "1979", 0 }, { "year", "2101", 0 },
		{ "year", "23", 0 },
		{ "percent", "0", 1 }, { "percent", "100", 1 },
		{ "percent", "35.5", 1 }, { "percent", "-1", 0 },
		{ "percent", "100.1", 0 },
		{ "edition", "2025", 1 }, { "edition", "1999", 0 },
		{ "id", "2025-ST-001", 1 }, { "id", "2025-BM-0123", 1 },
		{ "id", "2025-st-001", 0 }, { "id", "25-ST-001", 0 },
		{ "id", "2025-ST-01", 0 },
		{ "count", "0", 1 }, { "count", "12", 1 }, { "count", "-1", 0 },
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct lc_error e;
		int rc = lc_rules_check(cases[i].rule, cases[i].value, &e);
		if ((rc == 0) != cases[i].ok)
			fail_msg("%s '%s': rc %d", cases[i].rule,
				 cases[i].value, rc);
		if (rc)
			assert_string_equal(e.field, cases[i].rule);
	}
}

static void test_similarity(void **state)
{
	(void)state;
	assert_true(lc_name_similarity("氢基竖炉直接还原炼铁技术",
				       "氢基竖炉直接还原炼铁技术") == 1.0);
	assert_true(lc_name_similarity("氢基竖炉直接还原炼铁技术",
				       "氢基竖炉直接还原技术") > 0.6);
	assert_true(lc_name_similarity("Hydrogen shaft furnace",
				       "hydrogen  SHAFT-furnace") == 1.0);
	assert_true(lc_name_similarity("水泥窑纯低温余热发电技术",
				       "惰性阳极铝电解技术") < 0.2);
	assert_true(lc_name_similarity("", "x") == 0);
}

/* The name index answers only for the same edition and another
 * submitter, and finds the closest such name among many. */
static void test_dupes_index(void **state)
{
	struct imp_dupes *d = imp_dupes_new();
	const char *id, *name, *other;
	double score;
	char nid[32], nm[64];
	(void)state;
	assert_non_null(d);
	for (int i = 0; i < 3000; i++) {
		snprintf(nid, sizeof nid, "2025-ST-%04d", i);
		snprintf(nm, sizeof nm, "工艺%d号钢铁余热回收", i);
		assert_int_equal(imp_dupes_add(d, nid, "2025", "A", 0, nm,
					       NULL), 0);
	}
	assert_int_equal(imp_dupes_add(d, "2025-ST-9999", "2025", "A", 0,
				       "氢基竖炉直接还原炼铁技术", NULL), 0);
	/* same submitter: never */
	assert_int_equal(imp_dupes_find(d, "2025", "A", "氢基竖炉直接还原炼铁工艺",
					NULL, 0.6, &id, &name, &other, &score),
			 0);
	/* another edition: never */
	assert_int_equal(imp_dupes_find(d, "2026", "B", "氢基竖炉直接还原炼铁工艺",
					NULL, 0.6, &id, &name, &other, &score),
			 0);
	/* another submitter, same edition: the close one */
	assert_int_equal(imp_dupes_find(d, "2025", "B", "氢基竖炉直接还原炼铁工艺",
					NULL, 0.6, &id, &name, &other, &score),
			 1);
	assert_string_equal(id, "2025-ST-9999");
	assert_string_equal(other, "A");
	assert_true(score > 0.6 && score < 1);
	/* nothing close enough */
	assert_int_equal(imp_dupes_find(d, "2025", "B", "惰性阳极铝电解技术",
					NULL, 0.6, &id, &name, &other, &score),
			 0);
	imp_dupes_free(d);
}

/* ---- readers ------------------------------------------------------------
 */
struct got {
	int n, valid;
	char ids[8][32];
	char names[8][128];
	char summary[256];
	long lines[8];
	double potential;
};

static int collect(const struct lc_tech *t, long line, int valid, void *ctx)
{
	struct got *g = ctx;
	if (g->n < 8) {
		const char *id = lc_tech_get(t, LC_F_ID);
		const char *nm = lc_tech_get(t, LC_F_NAME_ZH);
		const char *su = lc_tech_get(t, LC_F_SUMMARY);
		snprintf(g->ids[g->n], sizeof g->ids[0], "%s", id ? id : "");
		snprintf(g->names[g->n], sizeof g->names[0], "%s",
			 nm ? nm : "");
		if (g->n == 0 && su)
			snprintf(g->summary, sizeof g->summary, "%s", su);
		g->lines[g->n] = line;
		if (g->n == 0 && !lc_tech_num(t, LC_F_POTENTIAL,
					      &g->potential))
			g->potential = -1;
	}
	g->n++;
	g->valid += valid;
	return 0;
}

struct probs {
	int n;
	char first[600];
};

static void on_problem(const struct lc_error *e, void *ctx)
{
	struct probs *p = ctx;
	if (p->n++ == 0)
		lc_error_format(e, p->first, sizeof p->first);
}

static char tmpdir[64];

static const char *tmp(const char *name, const char *content, size_t n)
{
	static char path[128];
	FILE *fp;
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(content, 1, n, fp), n);
	fclose(fp);
	return path;
}

#define HEADER "id,edition,name_zh,sector,category,trl,submitter," \
	"credit_code,summary,potential\r\n"
#define ORG ",中国钢铁工业协会,9132059455117770X5,"

static int read_file(const char *path, const char *enc, struct got *g,
		     struct probs *p)
{
	struct lc_import_opts o;
	struct lc_import_report rep = { on_problem, NULL, NULL, NULL, p,
					 NULL, NULL, NULL };
	struct lc_error e;
	lc_import_opts_init(&o);
	o.encoding = enc;
	memset(g, 0, sizeof *g);
	memset(p, 0, sizeof *p);
	rep.ctx = p;
	return lc_import_read(path, &o, &rep, collect, g, &e);
}

static int taken_one(const char *id, void *ctx)
{
	return strcmp(id, ctx) == 0;
}

/* The same technology in an earlier edition: the same submitter and
 * sector, earlier editions only, the same name before a similar one, the
 * nearest edition first, never one that has a descendant already. */
/* The run's id set: the same answers in memory, after it moved to its
 * temporary file (spill 10), and when no file can be made there. */
static void idset_run(const char *dir, size_t spill, int want_disk)
{
	static const char fa[] = "a.csv", fb[] = "b.xml";
	struct imp_idset *z;
	const char *ff;
	long fl;
	char id[32];

	setenv("TMPDIR", dir, 1);
	z = imp_idset_new(spill);
	assert_non_null(z);
	for (int i = 0; i < 100; i++) {
		snprintf(id, sizeof id, "2025-ST-%04d", i);
		assert_int_equal(imp_idset_add(z, id, i < 50 ? fa : fb,
					       i + 2, &ff, &fl), 0);
	}
	assert_int_equal(imp_idset_on_disk(z), want_disk);
	/* a repeat of an id seen before and after the move */
	assert_int_equal(imp_idset_add(z, "2025-ST-0003", fb, 500, &ff, &fl),
			 1);
	assert_ptr_equal(ff, fa);
	assert_int_equal(fl, 5);
	assert_int_equal(imp_idset_add(z, "2025-ST-0077", fb, 501, &ff, &fl),
			 1);
	assert_ptr_equal(ff, fb);
	assert_int_equal(fl, 79);
	/* a prefix or an extension of a known id is another id */
	assert_int_equal(imp_idset_add(z, "2025-ST-007", fb, 502, &ff, &fl),
			 0);
	assert_int_equal(imp_idset_add(z, "2025-ST-00777", fb, 503, &ff,
				       &fl), 0);
	assert_int_equal(imp_idset_add(z, "2025-ST-007", fa, 504, &ff, &fl),
			 1);
	assert_int_equal(fl, 502);
	imp_idset_free(z);
	unsetenv("TMPDIR");
}

static void test_idset(void **state)
{
	char dir[] = "/tmp/lowcarb-idset.XXXXXX";

	(void)state;
	assert_non_null(mkdtemp(dir));
	idset_run(dir, 0, 0);                 /* 100 ids stay in memory */
	idset_run(dir, 10, 1);                /* moved to the file */
	/* the file is unlinked at once: nothing is left in the directory */
	assert_int_equal(rmdir(dir), 0);
	idset_run("/nonexistent-dir", 10, 0); /* no file: memory */
}

static void test_dupes_lineage(void **state)
{
	struct imp_dupes *d = imp_dupes_new();
	const char *id, *name;
	double score;
	int exact;

	(void)state;
	assert_int_equal(imp_dupes_add(d, "2022-ST-001", "2022", "A", 0,
				       NULL, "Hydrogen shaft furnace"), 0);
	assert_int_equal(imp_dupes_add(d, "2023-ST-001", "2023", "A", 0,
				       NULL, "Hydrogen shaft furnace"), 0);
	assert_int_equal(imp_dupes_add(d, "2023-ST-002", "2023", "A", 0,
				       "富氢碳循环高炉", "Carbon recycling BF"),
			 0);
	assert_int_equal(imp_dupes_add(d, "2023-NF-001", "2023", "A", 1,
				       NULL, "Hydrogen shaft furnaces"), 0);
	assert_int_equal(imp_dupes_add(d, "2023-ST-003", "2023", "B", 0,
				       NULL, "Hydrogen shaft furnace"), 0);
	/* the same name: the nearest earlier edition, exact */
	assert_int_equal(imp_dupes_lineage(d, "2024", "A", 0, NULL,
					   "Hydrogen shaft furnace", 0.5, NULL,
					   NULL, &id, &name, &score, &exact),
			 1);
	assert_string_equal(id, "2023-ST-001");
	assert_true(exact);
	/* ... unless it has a descendant already: then the one before */
	assert_int_equal(imp_dupes_lineage(d, "2024", "A", 0, NULL,
					   "Hydrogen shaft furnace", 0.5,
					   taken_one, (void *)"2023-ST-001",
					   &id, &name, &score, &exact), 1);
	assert_string_equal(id, "2022-ST-001");
	/* the Chinese name counts as much as the English one */
	assert_int_equal(imp_dupes_lineage(d, "2024", "A", 0, "富氢碳循环高炉",
					   "Top gas recycling", 0.5, NULL,
					   NULL, &id, &name, &score, &exact),
			 1);
	assert_string_equal(id, "2023-ST-002");
	assert_true(exact);
	/* a similar name: found, not exact (the caller only proposes it) */
	assert_int_equal(imp_dupes_lineage(d, "2024", "A", 0, NULL,
					   "Hydrogen shaft furnace (pilot)",
					   0.5, NULL, NULL, &id, &name, &score,
					   &exact), 1);
	assert_false(exact);
	assert_true(score >= 0.5 && score < 1);
	/* not the same edition, not a later one, not another submitter's
	 * or sector's */
	assert_int_equal(imp_dupes_lineage(d, "2022", "A", 0, NULL,
					   "Hydrogen shaft furnace", 0.5, NULL,
					   NULL, &id, &name, &score, &exact),
			 0);
	assert_int_equal(imp_dupes_lineage(d, "2024", "C", 0, NULL,
					   "Hydrogen shaft furnace", 0.5, NULL,
					   NULL, &id, &name, &score, &exact),
			 0);
	assert_int_equal(imp_dupes_lineage(d, "2024", "A", 4, NULL,
					   "Hydrogen shaft furnace", 0.5, NULL,
					   NULL, &id, &name, &score, &exact),
			 0);
	assert_int_equal(imp_dupes_lineage(d, "2024", "A", 0, NULL,
					   "Molten oxide electrolysis", 0.5,
					   NULL, NULL, &id, &name, &score,
					   &exact), 0);
	imp_dupes_free(d);
}

static void test_csv_edges(void **state)
{
	static const char csv[] =
		"\xEF\xBB\xBF" HEADER
		"2025-ST-001,2025,\"氢基竖炉, 直接还原\",steel,"
		"hydrogen-metallurgy,7" ORG
		"\"第一行\r\n第二行 \"\"引号\"\"\",35万tCO2/a\r\n"
		"\r\n"
		"2025-ST-002,2025,电炉,steel,circular,9" ORG "s,\"1,200\"\r\n";
	struct got g;
	struct probs p;
	const char *path = tmp("edges.csv", csv, sizeof csv - 1);
	(void)state;
	assert_int_equal(read_file(path, NULL, &g, &p), 0);
	if (p.n)
		fail_msg("%s", p.first);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.valid, 2);
	assert_string_equal(g.ids[0], "2025-ST-001");
	assert_string_equal(g.names[0], "氢基竖炉, 直接还原");
	assert_string_equal(g.summary, "第一行\n第二行 \"引号\"");
	assert_true(g.potential == 350000);
	assert_int_equal(g.lines[0], 2);
	assert_int_equal(g.lines[1], 5);   /* physical lines */
}

static void test_csv_errors(void **state)
{
	struct got g;
	struct probs p;
	const char *path;
	(void)state;
	{
		static const char h[] = "id,edition,name_zh,sector,category,"
			"trl,submitter,credit_code,summary,colour,trl\n";
		path = tmp("h.csv", h, sizeof h - 1);
	}
	assert_int_equal(read_file(path, NULL, &g, &p), LC_EDATA);
	assert_int_equal(p.n, 2);
	assert_non_null(strstr(p.first, "h.csv:1: colour: unknown column "
			       "'colour'"));
	path = tmp("m.csv", "id,edition\n", 11);
	assert_int_equal(read_file(path, NULL, &g, &p), LC_EDATA);
	assert_non_null(strstr(p.first, "name_zh: required column "
			       "'name_zh' is missing"));
	{
		static const char q[] = HEADER
			"2025-ST-001,2025,\"x,steel,process,7" ORG "s,1\n";
		path = tmp("q.csv", q, sizeof q - 1);
	}
	assert_int_equal(read_file(path, NULL, &g, &p), LC_EDATA);
	assert_non_null(strstr(p.first, "q.csv:2: quoted field never "
			       "closed (opening quote on line 2)"));
	{
		static const char r[] = HEADER
			"2025-ST-001,2025,x,steel,process,7" ORG "s\n"
			"2025-NF-001,2024,x,steel,process,0" ORG "s,kg\n";
		path = tmp("r.csv", r, sizeof r - 1);
	}
	assert_int_equal(read_file(path, NULL, &g, &p), 0);
	assert_int_equal(g.n, 1);   /* the short row is not a dossier */
	assert_int_equal(g.valid, 0);
	assert_non_null(strstr(p.first, "r.csv:2: row has 9 fields, the "
			       "header has 10"));
	assert_int_equal(p.n, 5);   /* trl, potential, 2x id, short row */
}

/* Converts UTF-8 to GB18030 with iconv. */
/* The public reader (lc_csv_*) the panel and the ranker use: BOM, CRLF,
 * quoted fields with commas, quotes and newlines, physical lines, blank
 * lines skipped, blanks trimmed outside quotes only, GB18030 sniffed. */
static void test_lc_csv(void **state)
{
	static const char a[] = "\xef\xbb\xbf" "a,b,c\r\n1,\"x, \"\"y\"\"\n"
		"z\",3\n\n4, 5 ,\" 6 \" \n";
	static const char g[] = "id,\xc3\xfb\n1,\xd7\xa8\xbc\xd2\n";
	struct lc_csv *c = NULL;
	struct lc_error err;
	const char *p;
	size_t nf;
	long line;

	(void)state;
	p = tmp("lc.csv", a, sizeof a - 1);
	assert_int_equal(lc_csv_open(&c, p, NULL, LC_CSV_TRIM |
				     LC_CSV_SKIP_BLANK, &err), 0);
	assert_int_equal(lc_csv_next(c, &nf, &line, &err), 1);
	assert_int_equal(nf, 3);
	assert_int_equal(line, 1);
	assert_string_equal(lc_csv_get(c, 0), "a");
	assert_int_equal(lc_csv_next(c, &nf, &line, &err), 1);
	assert_int_equal(line, 2);
	assert_string_equal(lc_csv_get(c, 1), "x, \"y\"\nz");
	assert_int_equal(lc_csv_get_line(c, 2), 3);
	assert_int_equal(lc_csv_next(c, &nf, &line, &err), 1);
	assert_int_equal(line, 5);
	assert_string_equal(lc_csv_get(c, 1), "5");
	assert_string_equal(lc_csv_get(c, 2), " 6 ");
	assert_string_equal(lc_csv_get(c, 7), "");
	assert_int_equal(lc_csv_next(c, &nf, &line, &err), 0);
	lc_csv_close(c);
	/* without flags (RFC 4180 as the importer reads it): the blank line
	 * is a record, and a blank after a closing quote is an error */
	assert_int_equal(lc_csv_open(&c, p, "utf-8", 0, &err), 0);
	assert_int_equal(lc_csv_next(c, &nf, &line, &err), 1);
	assert_int_equal(lc_csv_next(c, &nf, &line, &err), 1);
	assert_int_equal(lc_csv_next(c, &nf, &line, &err), 1);
	assert_int_equal(nf, 1);
	assert_int_equal(line, 4);
	assert_int_equal(lc_csv_next(c, &nf, &line, &err), LC_EDATA);
	assert_int_equal(err.line, 5);
	lc_csv_close(c);
	p = tmp("lcp.csv", "a, 5 \n", 6);
	assert_int_equal(lc_csv_open(&c, p, NULL, 0, &err), 0);
	assert_int_equal(lc_csv_next(c, &nf, &line, &err), 1);
	assert_string_equal(lc_csv_get(c, 1), " 5 ");
	lc_csv_close(c);
	/* GB18030 (as Excel saves it): "id,名\n1,专家\n" */
	p = tmp("lcg.csv", g, sizeof g - 1);
	assert_int_equal(lc_csv_open(&c, p, NULL, 0, &err), 0);
	assert_int_equal(lc_csv_next(c, &nf, &line, &err), 1);
	assert_string_equal(lc_csv_get(c, 1), "名");
	assert_int_equal(lc_csv_next(c, &nf, &line, &err), 1);
	assert_string_equal(lc_csv_get(c, 1), "专家");
	lc_csv_close(c);
	/* an unterminated quote: LC_EDATA naming the file and its line */
	p = tmp("lcb.csv", "a\n\"open\n", 8);
	assert_int_equal(lc_csv_open(&c, p, NULL, LC_CSV_TRIM, &err), 0);
	assert_int_equal(lc_csv_next(c, &nf, &line, &err), 1);
	assert_int_equal(lc_csv_next(c, &nf, &line, &err), LC_EDATA);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.file, p);
	lc_csv_close(c);
	/* text after a closing quote, even past blanks */
	p = tmp("lcq.csv", "\"a\" \"b\"\n", 8);
	assert_int_equal(lc_csv_open(&c, p, NULL, LC_CSV_TRIM, &err), 0);
	assert_int_equal(lc_csv_next(c, &nf, &line, &err), LC_EDATA);
	lc_csv_close(c);
	assert_int_equal(lc_csv_open(&c, "/nonexistent/x.csv", NULL, 0,
				     &err), LC_EIO);
	assert_null(c);
	assert_int_equal(lc_csv_open(&c, p, "latin1", 0, &err), LC_EUSAGE);
	lc_csv_close(NULL);
}

static size_t to_gb(const char *in, char *out, size_t n)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	char *ip = (char *)in, *op = out;
	size_t il = strlen(in), ol = n;
	assert_true(cd != (iconv_t)-1);
	assert_true(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
	iconv_close(cd);
	return n - ol;
}

static void test_gb18030(void **state)
{
	static const char csv[] = HEADER
		"2025-ST-001,2025,烧结烟气循环技术,steel,energy-efficiency,9"
		ORG "将部分烧结烟气返回料面循环利用,800万tCO2/a\r\n";
	char gb[1024];
	size_t n = to_gb(csv, gb, sizeof gb);
	struct got g;
	struct probs p;
	const char *path = tmp("gb.csv", gb, n);
	(void)state;
	assert_true(n != sizeof csv - 1);   /* really converted */
	/* detected: the bytes are not UTF-8 */
	assert_int_equal(read_file(path, NULL, &g, &p), 0);
	assert_int_equal(g.valid, 1);
	assert_string_equal(g.names[0], "烧结烟气循环技术");
	/* or named */
	assert_int_equal(read_file(path, "gb18030", &g, &p), 0);
	assert_string_equal(g.names[0], "烧结烟气循环技术");
	/* a UTF-8 file read as UTF-8 */
	path = tmp("u8.csv", csv, sizeof csv - 1);
	assert_int_equal(read_file(path, "utf-8", &g, &p), 0);
	assert_string_equal(g.names[0], "烧结烟气循环技术");
}

static const char xml_doc[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<submissions xmlns=\"urn:lowcarb:submission:1\" edition=\"2025\">\n"
	"  <submitter>\n"
	"    <organisation>中国钢铁工业协会</organisation>\n"
	"    <credit_code>9132059455117770X5</credit_code>\n"
	"    <email>a@b.cn</email>\n"
	"  </submitter>\n"
	"  <technology id=\"2025-ST-001\">\n"
	"    <name_zh>氢基竖炉 &lt;test&gt; ]]&gt;</name_zh>\n"
	"    <sector>steel</sector>\n"
	"    <category>hydrogen-metallurgy</category>\n"
	"    <trl>7</trl>\n"
	"    <owners><owner>河钢</owner><owner>宝武</owner></owners>\n"
	"    <summary>以氢代碳</summary>\n"
	"    <potential unit=\"万tCO2/a\">3,500</potential>\n"
	"    <investment>15亿元</investment>\n"
	"    <penetration_now>0.5</penetration_now>\n"
	"    <demonstrations><project><site>张家口</site><year>2022</year>"
	"<abatement unit=\"万tCO2/a\">45</abatement></project>"
	"</demonstrations>\n"
	"    <status reason=\"top\">selected</status>\n"
	"  </technology>\n"
	"  <technology id=\"2025-ST-002\">\n"
	"    <name_zh>第二</name_zh>\n"
	"    <sector>steel</sector>\n"
	"    <category>process</category>\n"
	"    <trl>11</trl>\n"
	"    <summary>s</summary>\n"
	"  </technology>\n"
	"</submissions>\n";

struct keep {
	struct lc_tech *t[4];
	int n;
};

static int keep(const struct lc_tech *t, long line, int valid, void *ctx)
{
	struct keep *k = ctx;
	(void)line;
	(void)valid;
	if (k->n < 4)
		k->t[k->n++] = lc_tech_dup(t);
	return 0;
}

static void test_xml_roundtrip(void **state)
{
	struct keep a = { { NULL }, 0 }, b = { { NULL }, 0 };
	struct probs p = { 0, "" };
	struct lc_import_report rep = { on_problem, NULL, NULL, NULL, &p,
					 NULL, NULL, NULL };
	struct lc_error e;
	const char *path = tmp("a.xml", xml_doc, sizeof xml_doc - 1);
	char out[128], diff[256];
	const struct lc_tech *list[1];
	double v;
	FILE *fp;
	int i;
	(void)state;
	assert_int_equal(lc_import_read(path, NULL, &rep, keep, &a, &e), 0);
	assert_int_equal(a.n, 2);
	assert_int_equal(p.n, 1);
	if (!strstr(p.first, "a.xml:25: trl: TRL '11'"))
		fail_msg("%s", p.first);
	assert_string_equal(lc_tech_get(a.t[0], LC_F_OWNERS), "河钢;宝武");
	assert_true(lc_tech_num(a.t[0], LC_F_POTENTIAL, &v) && v == 35e6);
	assert_string_equal(lc_tech_src(a.t[0], LC_F_POTENTIAL),
			    "3,500 万tCO2/a");
	assert_string_equal(lc_tech_get(a.t[0], LC_F_DEMONSTRATIONS), "1");
	assert_true(lc_tech_demo(a.t[0], 0)->abatement == 450000);
	assert_int_equal(lc_tech_status(a.t[0]), LC_ST_SELECTED);
	/* write, read back: the same dossier */
	snprintf(out, sizeof out, "%s/out.xml", tmpdir);
	fp = fopen(out, "w");
	assert_non_null(fp);
	list[0] = a.t[0];
	assert_int_equal(lc_xml_write_submissions(fp, NULL, list, 1, &e), 0);
	fclose(fp);
	p.n = 0;
	assert_int_equal(lc_import_read(out, NULL, &rep, keep, &b, &e), 0);
	if (p.n)
		fail_msg("%s", p.first);
	assert_int_equal(b.n, 1);
	assert_int_equal(lc_tech_diff(a.t[0], b.t[0], diff, sizeof diff), 0);
	assert_string_equal(lc_tech_src(b.t[0], LC_F_POTENTIAL),
			    "3,500 万tCO2/a");
	for (i = 0; i < a.n; i++)
		lc_tech_free(a.t[i]);
	for (i = 0; i < b.n; i++)
		lc_tech_free(b.t[i]);
}

static void test_xml_refused(void **state)
{
	static const char xxe[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE submissions [<!ENTITY x SYSTEM "
		"\"file:///etc/passwd\">]>\n"
		"<submissions xmlns=\"urn:lowcarb:submission:1\" "
		"edition=\"2025\">&x;</submissions>\n";
	struct got g;
	struct probs p;
	const char *path = tmp("xxe.xml", xxe, sizeof xxe - 1);
	(void)state;
	assert_int_equal(read_file(path, NULL, &g, &p), LC_EDATA);
	assert_int_equal(g.n, 0);
	assert_non_null(strstr(p.first, "DOCTYPE"));
	{
		static const char nwf[] = "<submissions>\n<a>\n</submissions>\n";
		path = tmp("nwf.xml", nwf, sizeof nwf - 1);
	}
	assert_int_equal(read_file(path, NULL, &g, &p), LC_EDATA);
	if (!strstr(p.first, "nwf.xml:3: not well-formed XML"))
		fail_msg("%s", p.first);
}

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/lc-imp-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];
	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	lc_rules_free();
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quantities),
		cmocka_unit_test(test_quantity_messages),
		cmocka_unit_test(test_quantity_exact),
		cmocka_unit_test(test_credit_code),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_similarity),
		cmocka_unit_test(test_dupes_index),
		cmocka_unit_test(test_csv_edges),
		cmocka_unit_test(test_csv_errors),
		cmocka_unit_test(test_dupes_lineage),
		cmocka_unit_test(test_idset),
		cmocka_unit_test(test_gb18030),
		cmocka_unit_test(test_lc_csv),
		cmocka_unit_test(test_xml_roundtrip),
		cmocka_unit_test(test_xml_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
