/* test_macc.c - competing routes counted once in the MACC (ranker's
 * lc_macc_cap), on an example computed by hand, and the list of
 * products (data/products.xml; needs LOWCARB_DATA, make check sets it). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "ranker/ranker.h"
#include "exporters/exporters.h"

#define NEAR(a, b) assert_true(fabs((a) - (b)) <= 1e-6)

/* One product with a baseline of 100 Mt CO2/a; in cost order:
 *   A  -50 CNY/t  claims 40 Mt  of the product: counts 40, 60 left
 *   D   20 CNY/t  claims  5 Mt  no product:     counts  5 (uncapped)
 *   B  100 CNY/t  claims 50 Mt  of the product: counts 50, 10 left
 *   C  300 CNY/t  claims 30 Mt  of the product: counts 10, overlap 20
 *   E  400 CNY/t  claims  7 Mt  of the product: counts  0, overlap  7
 * x spans: A 0-40, D 40-45, B 45-95, C 95-105, E 105-105; the curve's
 * total is 105 Mt (100 of the product, at most its baseline, + 5), and
 * 27 Mt claimed are overlap, not added. */
static void three_routes_one_capped(void **state)
{
	const double M = 1e6, budget[1] = { 100 * M };
	struct lc_cap_route r[5] = {
		{ .claimed = 40 * M, .product = 0 },
		{ .claimed = 5 * M, .product = -1 },
		{ .claimed = 50 * M, .product = 0 },
		{ .claimed = 30 * M, .product = 0 },
		{ .claimed = 7 * M, .product = 0 },
	};
	const double counted[5] = { 40, 5, 50, 10, 0 };
	const double overlap[5] = { 0, 0, 0, 20, 7 };
	const double xmin[5] = { 0, 40, 45, 95, 105 };
	const double xmax[5] = { 40, 45, 95, 105, 105 };
	double product = 0;

	(void)state;
	assert_int_equal(lc_macc_cap(r, 5, budget, 1, NULL), 0);
	for (int i = 0; i < 5; i++) {
		NEAR(r[i].counted, counted[i] * M);
		NEAR(r[i].overlap, overlap[i] * M);
		NEAR(r[i].xmin, xmin[i] * M);
		NEAR(r[i].xmax, xmax[i] * M);
		if (r[i].product == 0)
			product += r[i].counted;
	}
	assert_true(product <= budget[0]);
}

/* No budget, a NaN claim, a product out of range: counted as claimed
 * (NaN and negatives count nothing), never NaN. */
static void uncapped_and_degenerate(void **state)
{
	struct lc_cap_route r[3] = {
		{ .claimed = NAN, .product = -1 },
		{ .claimed = -3, .product = 0 },
		{ .claimed = 8, .product = 7 },
	};

	(void)state;
	assert_int_equal(lc_macc_cap(r, 3, NULL, 0, NULL), 0);
	NEAR(r[0].counted, 0);
	NEAR(r[1].counted, 0);
	NEAR(r[2].counted, 8);
	NEAR(r[2].xmin, 0);
	NEAR(r[2].xmax, 8);
	NEAR(r[2].overlap, 0);
}

/* The shipped list: the four industries' products, each with output,
 * emissions, year and source. */
static void shipped_products(void **state)
{
	struct lc_products *p = NULL;
	struct lc_error err = { 0 };
	static const char *const need[] = {
		"crude-steel", "primary-aluminium", "copper", "zinc", "lead",
		"cement-clinker", "flat-glass", "lime", "ceramics", "ammonia",
		"methanol", "ethylene", "refinery-throughput", "soda-ash",
		"calcium-carbide", "caustic-soda", "ferroalloys", "nitric-acid"
	};

	(void)state;
	assert_int_equal(lc_products_load(NULL, &p, &err), 0);
	for (size_t i = 0; i < sizeof need / sizeof *need; i++) {
		int k = lc_products_find(p, need[i]);
		const struct lc_product *q;

		if (k < 0)
			fail_msg("no product '%s'", need[i]);
		q = lc_products_get(p, (size_t)k);
		assert_true(q->output > 0 && q->emissions > 0);
		assert_true(q->year >= 2019 && q->year <= 2025);
		assert_true(q->source && *q->source);
		assert_true(q->name_zh && *q->name_zh && q->name_en &&
			    *q->name_en);
	}
	assert_int_equal(lc_products_find(p, "unobtainium"), -1);
	lc_products_free(p);
}

/* A bad list: the error names the file and the line. */
static void bad_products(void **state)
{
	const char *path = "test_macc_products.xml";
	FILE *fp = fopen(path, "w");
	struct lc_products *p = NULL;
	struct lc_error err = { 0 };

	(void)state;
	assert_non_null(fp);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<products>\n"
	      "<product code=\"a\" name_zh=\"甲\" name_en=\"A\" output=\"1\" "
	      "output_unit=\"t/a\" emissions=\"1\" year=\"2023\" "
	      "source=\"s\"/>\n"
	      "<product code=\"a\" name_zh=\"甲\" name_en=\"A\" output=\"1\" "
	      "output_unit=\"t/a\" emissions=\"1\" year=\"2023\" "
	      "source=\"s\"/>\n</products>\n", fp);
	fclose(fp);
	assert_int_equal(lc_products_load(path, &p, &err), LC_EDATA);
	assert_null(p);
	assert_string_equal(err.file, path);
	assert_int_equal(err.line, 4);
	remove(path);
}

static size_t count(const char *s, const char *what)
{
	size_t n = 0;

	for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
		n++;
	return n;
}

/* 1 when what occurs in the tag from p to gt. */
static int in_tag(const char *p, const char *gt, const char *what)
{
	const char *q = strstr(p, what);

	return q && q < gt;
}

/* The x of an attribute after p ("x=\"12.5\""), NAN when absent. */
static double attr_num(const char *p, const char *name)
{
	char key[16];
	const char *q;

	snprintf(key, sizeof key, " %s=\"", name);
	q = strstr(p, key);
	return q ? strtod(q + strlen(key), NULL) : NAN;
}

/* Issue 13: every MACC bar identified, by its name on it when it fits,
 * else by a numbered key entry under the chart (none missing, however
 * narrow the bar or many the bars); no label or number runs over the
 * y axis (text widths estimated at 6.5 px a column, as the chart
 * does). */
static void every_bar_identified(void **state)
{
	struct lc_macc_item it[90];
	struct lc_macc_bar *b;
	char ids[90][8];
	const char *names[3] = { "短", "一个很长的技术名称用于测试标签",
				 "Top gas recycling blast furnace" };
	double axis = NAN;
	char *svg;

	(void)state;
	for (int i = 0; i < 90; i++) {
		snprintf(ids[i], sizeof ids[i], "T%02d", i);
		it[i].id = ids[i];
		it[i].name = names[i % 3];
		it[i].cost = (i - 30) * 7.0;
		it[i].potential = i % 10 == 0 ? 5e7 : i % 7 ? 1e5 : 3e6;
		it[i].product = NULL;
		it[i].trl = 0;
	}
	assert_int_equal(lc_macc_layout(it, 90, &b, NULL), 0);
	svg = lc_svg_macc(b, 90, 100, "t", "d", "zh");
	assert_non_null(svg);
	assert_int_equal(count(svg, "class=\"bar\""), 90);
	assert_int_equal(count(svg, "class=\"label\"") +
			 count(svg, "class=\"key\""), 90);
	assert_true(count(svg, "class=\"label\"") > 0);
	/* the y axis: the vertical black line */
	for (const char *p = strstr(svg, "<line"); p;
	     p = strstr(p + 1, "<line")) {
		double x1 = attr_num(p, "x1"), x2 = attr_num(p, "x2");
		const char *end = strchr(p, '>');

		if (x1 == x2 && end && strstr(p, "stroke=\"#000000\"") &&
		    strstr(p, "stroke=\"#000000\"") < end)
			axis = x1;
	}
	assert_false(isnan(axis));
	for (const char *p = strstr(svg, "<text"); p;
	     p = strstr(p + 1, "<text")) {
		const char *gt = strchr(p, '>'), *lt;
		char txt[256];
		double x, w;

		if (!gt || !(in_tag(p, gt, "class=\"label\"") ||
			     in_tag(p, gt, "class=\"num\"")))
			continue;
		lt = strchr(gt, '<');
		snprintf(txt, sizeof txt, "%.*s", (int)(lt - gt - 1), gt + 1);
		x = attr_num(p, "x");
		w = (double)lc_text_width(txt) * 6.5;
		if (x - w / 2 < axis)
			fail_msg("'%s' at %.1f (width %.1f) crosses the axis "
				 "at %.1f", txt, x, w, axis);
	}
	free(svg);
	lc_macc_free(b, 90);
}

/* The sentence under a curve names the entries left out only when
 * there are some ("另有0项无减排潜力" was printed under every chart). */
static void describe_leaves_out_only_what_is_left_out(void **state)
{
	char id1[] = "2025-ST-001", id2[] = "2025-ST-002", n1[] = "甲",
	     n2[] = "乙", none[] = "";
	struct lc_macc_bar b[2] = {
		{ id1, n1, -10, 100, 0, 100, 1, 1, none, 100, 0, 0 },
		{ id2, n2, 20, 0, 100, 100, 0, 0, none, 0, 0, 0 },
	};
	char *s;

	(void)state;
	s = lc_macc_describe(b, 1, NAN, "zh");
	assert_non_null(s);
	assert_null(strstr(s, "另有"));
	assert_non_null(strstr(s, "1项技术的边际减排成本曲线："));
	free(s);
	s = lc_macc_describe(b, 1, NAN, "en");
	assert_null(strstr(s, "not drawn"));
	free(s);
	s = lc_macc_describe(b, 2, NAN, "zh");
	assert_non_null(strstr(s, "（另有1项无减排潜力，未绘出）"));
	free(s);
	s = lc_macc_describe(b, 2, NAN, "en");
	assert_non_null(strstr(s, "(1 without potential not drawn)"));
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(three_routes_one_capped),
		cmocka_unit_test(uncapped_and_degenerate),
		cmocka_unit_test(shipped_products),
		cmocka_unit_test(bad_products),
		cmocka_unit_test(every_bar_identified),
		cmocka_unit_test(describe_leaves_out_only_what_is_left_out),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
