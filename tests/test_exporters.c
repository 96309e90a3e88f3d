/* test_exporters.c - the document model and its writers (HTML, FODT and
 * SVG checked well-formed with libxml2, Markdown escaping), the MACC
 * geometry on fixtures with ties and zero potentials, abatement costs,
 * escaping of hostile names, determinism, and a roadmap from a catalog. */
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
#include <dirent.h>
#include <sys/stat.h>
#include <libxml/parser.h>
#include "catalog/catalog.h"
#include "exporters/exporters.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/lc-exp-XXXXXX");
	assert_non_null(mkdtemp(dir));
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Whether s (len bytes) parses as well-formed XML. */
static int well_formed(const char *s, size_t len)
{
	xmlDocPtr doc = xmlReadMemory(s, (int)len, "mem.xml", NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR |
				      XML_PARSE_NOWARNING | XML_PARSE_HUGE);

	if (!doc)
		return 0;
	xmlFreeDoc(doc);
	return 1;
}

/* Runs a writer into memory; the caller frees. */
static char *write_of(const struct lc_doc *d, size_t *len,
		      int (*w)(const struct lc_doc *, FILE *,
			       struct lc_error *))
{
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, len);

	assert_non_null(fp);
	assert_int_equal(w(d, fp, NULL), 0);
	fclose(fp);
	return buf;
}

#define html_of(d, len) write_of(d, len, lc_doc_write_html)
#define fodt_of(d, len) write_of(d, len, lc_doc_write_fodt)

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

/* Asserts that s holds every string of the NULL-terminated list. */
static void has_all(const char *s, ...)
{
	va_list ap;
	const char *w;

	va_start(ap, s);
	for (w = va_arg(ap, const char *); w; w = va_arg(ap, const char *)) {
		if (!strstr(s, w))
			print_error("missing: %s\n", w);
		assert_non_null(strstr(s, w));
	}
	va_end(ap);
}

static const char *const hostile = "<script>alert(1)</script> ]]> & \"q\"";

/* A small document holding every kind of block and hostile text. */
static struct lc_doc *sample_doc(const char *lang)
{
	struct lc_doc *d = lc_doc_new(lang);
	const char *head[3] = { "编号", "名称", "潜力" };
	const char *row1[3] = { "2025-ST-001", hostile, "1,000" };
	const char *row2[3] = { "=cmd|'/c calc'!A1", "# heading * _x_ |",
				"-5" };
	struct lc_macc_item it[2] = { { "a", hostile, -10, 5, NULL, 0, 0 },
				      { "b", "乙", 20, 10, NULL, 0, 0 } };
	struct lc_macc_bar *b;
	char *svg;

	assert_non_null(d);
	assert_int_equal(lc_doc_title(d, "路线图 <b>", "副标题"), 0);
	assert_int_equal(lc_doc_title_line(d, "年度：2025"), 0);
	assert_int_equal(lc_doc_row(d, row1), LC_EUSAGE);
	assert_int_equal(lc_doc_section(d, 1, "一、关键结论"), 0);
	assert_int_equal(lc_doc_para(d, hostile), 0);
	assert_int_equal(lc_doc_item(d, "第一条"), 0);
	assert_int_equal(lc_doc_item(d, hostile), 0);
	assert_int_equal(lc_doc_section(d, 2, "表"), 0);
	assert_int_equal(lc_doc_table(d, "表1 ]]>", 3, head, "ilr"), 0);
	assert_int_equal(lc_doc_row(d, row1), 0);
	assert_int_equal(lc_doc_row(d, row2), 0);
	assert_int_equal(lc_macc_layout(it, 2, &b, NULL), 0);
	svg = lc_svg_macc(b, 2, 0, "MACC <t>", "desc & more", lang);
	assert_non_null(svg);
	assert_int_equal(lc_doc_figure(d, "图 ]]>", hostile, svg, 3, head,
				       "ilr"), 0);
	assert_int_equal(lc_doc_row(d, row1), 0);
	free(svg);
	lc_macc_free(b, 2);
	return d;
}

static void test_html(void **state)
{
	struct lc_doc *d = sample_doc("zh");
	size_t len, len2;
	char *h = html_of(d, &len), *h2 = html_of(d, &len2);

	(void)state;
	assert_true(well_formed(h, len));
	assert_non_null(strstr(h, "<html lang=\"zh-Hans\">"));
	assert_non_null(strstr(h, "@page"));
	assert_null(strstr(h, "<script"));
	assert_null(strstr(h, "]]>"));
	has_all(h,
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		"role=\"img\"",
		"viewBox=",
		"<desc id=\"fig1-d\">desc &amp; more</desc>",
		"aria-labelledby=\"fig1-t fig1-d\"",
		"<ul>\n<li>第一条</li>\n<li>",
		"<td class=\"num\">1,000</td>",
		NULL);
	assert_null(strstr(h, "http://") == NULL ? NULL :
		    strstr(h, "src=\"http"));
	/* Determinism: same document, same bytes. */
	assert_int_equal(len, len2);
	assert_memory_equal(h, h2, len);
	free(h);
	free(h2);
	lc_doc_free(d);
	d = sample_doc("en");
	h = html_of(d, &len);
	assert_non_null(strstr(h, "<html lang=\"en\">"));
	assert_non_null(strstr(h, "Figure 1. "));
	free(h);
	lc_doc_free(d);
}

static void test_fodt(void **state)
{
	struct lc_doc *d = sample_doc("zh");
	size_t len;
	char *f = fodt_of(d, &len);

	(void)state;
	assert_true(well_formed(f, len));
	has_all(f,
		"office:mimetype=\"application/"
		"vnd.oasis.opendocument.text\"",
		"<draw:image draw:mime-type="
		"\"image/svg+xml\"><office:binary-data>",
		"<svg:title>图 ]]&gt;</svg:title>",
		"<text:page-number",
		"fo:page-width=\"21cm\"",
		"style:family=\"table-column\"",
		"<table:table-column table:style-name=\"T1C0\"/>",
		NULL);
	assert_null(strstr(f, "number-columns-repeated"));
	assert_null(strstr(f, "<script"));
	free(f);
	lc_doc_free(d);
}

static void test_markdown(void **state)
{
	struct lc_doc *d = sample_doc("zh");
	char path[128], svgp[128];
	size_t len;
	char *m, *s;

	(void)state;
	snprintf(path, sizeof path, "%s/r.md", dir);
	assert_int_equal(lc_doc_write_md(d, path, NULL), 0);
	m = slurp(path, &len);
	snprintf(svgp, sizeof svgp, "%s/r-fig-1.svg", dir);
	s = slurp(svgp, &len);
	assert_true(well_formed(s, len));
	assert_non_null(strstr(m, "](<r-fig-1.svg>)"));
	assert_non_null(strstr(m, "# 路线图 &lt;b&gt;"));
	assert_null(strstr(m, "<script"));
	has_all(m,
		"&lt;script&gt;",
		"\\# heading \\* \\_x\\_ \\|",
		"| --- | --- | ---: |",
		NULL);
	free(m);
	free(s);
	lc_doc_free(d);
	snprintf(path, sizeof path, "%s/nodir/r.md", dir);
	d = sample_doc("zh");
	assert_int_equal(lc_doc_write_md(d, path, NULL), LC_EIO);
	lc_doc_free(d);
	/* A chart that cannot be put in place (a directory has its name):
	 * the export fails, the .md is not replaced, no temporary is left. */
	snprintf(path, sizeof path, "%s/a.md", dir);
	snprintf(svgp, sizeof svgp, "%s/a-fig-1.svg", dir);
	assert_int_equal(mkdir(svgp, 0700), 0);
	d = sample_doc("zh");
	assert_int_equal(lc_doc_write_md(d, path, NULL), LC_EIO);
	lc_doc_free(d);
	assert_int_equal(access(path, F_OK), -1);
	{
		DIR *dp = opendir(dir);
		struct dirent *e;

		assert_non_null(dp);
		while ((e = readdir(dp)) != NULL)
			assert_null(strstr(e->d_name, ".tmp"));
		closedir(dp);
	}
	rmdir(svgp);
}

static void test_escape(void **state)
{
	char *buf = NULL;
	size_t len;
	FILE *fp = open_memstream(&buf, &len);

	(void)state;
	lc_xml_text(fp, "<a href='x'>&\x01</a>");
	fputc('|', fp);
	lc_md_text(fp, "1. *b* <i>\n[x](y)");
	fputc('|', fp);
	/* a number is not a list item nor a heading: left as it is */
	lc_md_text(fp, "0.879");
	fputc('|', fp);
	lc_md_text(fp, "-1");
	fputc('|', fp);
	lc_md_text(fp, "- a");
	fputc('|', fp);
	lc_csv_field(fp, "=SUM(A1)", 1);
	fclose(fp);
	assert_string_equal(buf, "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;|"
			    "1\\. \\*b\\* &lt;i&gt; \\[x\\](y)|0.879|-1|\\- a|"
			    "\"'=SUM(A1)\"");
	free(buf);
}

static void test_numbers(void **state)
{
	char b[48];

	(void)state;
	assert_string_equal(lc_num_human(1234567.891, 1, b, sizeof b),
			    "1,234,567.9");
	assert_string_equal(lc_num_human(-1234, 0, b, sizeof b), "-1,234");
	assert_string_equal(lc_num_human(-0.01, 0, b, sizeof b), "0");
	assert_string_equal(lc_num_human(999, 0, b, sizeof b), "999");
	assert_string_equal(lc_num_human(NAN, 0, b, sizeof b), "—");
	/* CO2 quantities for prose, in the reader's units. */
	assert_string_equal(lc_co2_human(1407000000, "zh", b, sizeof b),
			    "14.07 亿吨 CO2/年");
	assert_string_equal(lc_co2_human(1407000000, "en", b, sizeof b),
			    "1.41 Gt CO2/a");
	assert_string_equal(lc_co2_human(2500000, "zh", b, sizeof b),
			    "250 万吨 CO2/年");
	assert_string_equal(lc_co2_human(2500000, "en", b, sizeof b),
			    "2.50 Mt CO2/a");
	assert_string_equal(lc_co2_human(35000, "zh", b, sizeof b),
			    "3.5 万吨 CO2/年");
	assert_string_equal(lc_co2_human(45000000, "en", b, sizeof b),
			    "45.0 Mt CO2/a");
	assert_string_equal(lc_co2_human(6, "en", b, sizeof b),
			    "6 t CO2/a");
	assert_string_equal(lc_co2_human(3000, "zh", b, sizeof b),
			    "3,000 吨 CO2/年");
	assert_string_equal(lc_co2_human(NAN, "zh", b, sizeof b), "—");
}

static void test_cost(void **state)
{
	struct lc_tech *t = lc_tech_new();
	double c, crf = lc_crf(0.08, 10);

	(void)state;
	assert_true(fabs(crf - 0.149029489) < 1e-8);
	assert_true(fabs(lc_crf(0, 4) - 0.25) < 1e-12);
	assert_true(isnan(lc_crf(0.08, 0)));
	assert_int_equal(lc_cost_value(t, LC_COST_STATED_ELSE_COMPUTED, 0.08, &c), 0);
	lc_tech_set_num(t, LC_F_ABATEMENT, 1000, NULL);
	lc_tech_set_num(t, LC_F_INVESTMENT, 1e6, NULL);
	assert_int_equal(lc_cost_value(t, LC_COST_STATED_ELSE_COMPUTED, 0.08, &c), 0);
	lc_tech_set_num(t, LC_F_LIFETIME, 10, NULL);
	assert_int_equal(lc_cost_value(t, LC_COST_STATED_ELSE_COMPUTED, 0.08, &c), 2);
	assert_true(fabs(c - crf * 1e6 / 1000) < 1e-9);
	lc_tech_set_num(t, LC_F_OPEX_CHANGE, -200000, NULL);
	assert_int_equal(lc_cost_value(t, LC_COST_STATED_ELSE_COMPUTED, 0.08, &c), 2);
	assert_true(fabs(c - (crf * 1e6 - 200000) / 1000) < 1e-9);
	lc_tech_set_num(t, LC_F_ABATEMENT_COST, -42, NULL);
	assert_int_equal(lc_cost_value(t, LC_COST_STATED_ELSE_COMPUTED, 0.08, &c), 1);
	assert_true(c == -42);
	lc_tech_free(t);
	assert_int_equal(lc_horizon(9), 0);
	assert_int_equal(lc_horizon(6), 1);
	assert_int_equal(lc_horizon(5), 2);
	assert_int_equal(lc_horizon(0), -1);
}

/* Ties on cost go by id whatever the input order; zero and missing
 * potentials stay in the list but take no width and get no key. */
static void test_macc_geometry(void **state)
{
	struct lc_macc_item it[] = {
		{ "C", "c", 50, 10, NULL, 0, 0 },
		{ "B", "b", -20, 5, NULL, 0, 0 },
		{ "Z", "zero", -30, 0, NULL, 0, 0 },
		{ "A", "a", 50, 20, NULL, 0, 0 },
		{ "N", "nan", 10, NAN, NULL, 0, 0 },
		{ "D", "d", -20, 1, NULL, 0, 0 },
	};
	static const char *const order[] = { "Z", "B", "D", "N", "A", "C" };
	static const double xmin[] = { 0, 0, 5, 6, 6, 26 };
	static const double xmax[] = { 0, 5, 6, 6, 26, 36 };
	static const int key[] = { 0, 1, 2, 0, 3, 4 };
	struct lc_macc_bar *b;
	struct lc_error err;
	char *desc;

	(void)state;
	assert_int_equal(lc_macc_layout(it, 6, &b, NULL), 0);
	for (int i = 0; i < 6; i++) {
		assert_string_equal(b[i].id, order[i]);
		assert_true(b[i].xmin == xmin[i]);
		assert_true(b[i].xmax == xmax[i]);
		assert_int_equal(b[i].key, key[i]);
		assert_int_equal(b[i].drawn, key[i] != 0);
	}
	assert_true(lc_macc_available(b, 6, 0) == 6);
	assert_true(lc_macc_available(b, 6, 50) == 36);
	assert_true(lc_macc_available(b, 6, -25) == 0);
	desc = lc_macc_describe(b, 6, 0, "en");
	has_all(desc,
		"4 technologies (2 without potential",
		"16.7% of the potential at negative",
		"6 t CO2/a is available",
		NULL);
	free(desc);
	lc_macc_free(b, 6);
	/* Reversed input, same layout. */
	{
		struct lc_macc_item rev[6];

		for (int i = 0; i < 6; i++)
			rev[i] = it[5 - i];
		assert_int_equal(lc_macc_layout(rev, 6, &b, NULL), 0);
		for (int i = 0; i < 6; i++)
			assert_string_equal(b[i].id, order[i]);
		lc_macc_free(b, 6);
	}
	it[0].cost = NAN;
	assert_int_equal(lc_macc_layout(it, 6, &b, &err), LC_EDATA);
	assert_null(b);
	assert_int_equal(lc_macc_layout(it, 0, &b, NULL), 0);
	lc_macc_free(b, 0);
}

static void test_charts(void **state)
{
	struct lc_macc_item it[40];
	struct lc_macc_bar *b;
	char ids[40][8], *svg;
	long counts[2 * 9] = { 1, 0, 0, 0, 3, 0, 2, 0, 7, 0, 0, 1 };
	const char *labels[2] = { "钢铁", "<x>" };
	const char *hl[3] = { "a", "b", "c" };
	long hc[3] = { 1, 2, 3 };
	static const int years[] = { 2025, 2030, 2035, 2060 };

	(void)state;
	for (int i = 0; i < 40; i++) {
		snprintf(ids[i], sizeof ids[i], "T%02d", i);
		it[i].id = ids[i];
		it[i].name = i == 3 ? "<script>" : "一个很长的技术名称用于测试";
		it[i].cost = (i - 10) * 10.0;
		it[i].potential = i == 0 ? 2e6 : 1e5;
		it[i].product = NULL;
		it[i].trl = 0;
	}
	assert_int_equal(lc_macc_layout(it, 40, &b, NULL), 0);
	svg = lc_svg_macc(b, 40, 120, "t", "d", "zh");
	assert_non_null(svg);
	assert_true(well_formed(svg, strlen(svg)));
	has_all(svg,
		"role=\"img\"",
		"<title id=\"t\">t</title>",
		"stroke-dasharray=\"6 4\"",
		"碳价 120 元/吨CO2",
		NULL);
	/* Narrow bars are numbered and keyed. */
	assert_non_null(strstr(svg, "2  一个很长的技术名称用于测试"));
	assert_null(strstr(svg, "<script"));
	free(svg);
	svg = lc_svg_macc(b, 0, NAN, "empty", "", "en");
	assert_true(well_formed(svg, strlen(svg)));
	free(svg);
	lc_macc_free(b, 40);
	svg = lc_svg_trl(counts, 2, labels, "TRL", "desc", "zh");
	assert_true(well_formed(svg, strlen(svg)));
	assert_non_null(strstr(svg, "&lt;x&gt;"));
	free(svg);
	svg = lc_svg_timeline(hc, hl, years, 4, "T", "D", "en");
	assert_true(well_formed(svg, strlen(svg)));
	assert_non_null(strstr(svg, ">2060</text>"));
	assert_non_null(strstr(svg, "3 technologies"));
	free(svg);
}

/* ---- a roadmap from a catalog ----------------------------------------- */

static void put_as(struct lc_catalog *cat, const char *id, const char *ed,
		   const char *name, const char *sector, int trl, double pot,
		   double cost, const char *lineage)
{
	struct lc_tech *t = lc_tech_new();
	char num[8];

	snprintf(num, sizeof num, "%d", trl);
	lc_tech_set(t, LC_F_ID, id, NULL);
	lc_tech_set(t, LC_F_EDITION, ed, NULL);
	lc_tech_set(t, LC_F_NAME_ZH, name, NULL);
	lc_tech_set(t, LC_F_SECTOR, sector, NULL);
	lc_tech_set(t, LC_F_CATEGORY, "process", NULL);
	lc_tech_set(t, LC_F_TRL, num, NULL);
	lc_tech_set(t, LC_F_SUBMITTER, "协会", NULL);
	lc_tech_set(t, LC_F_CREDIT_CODE, "91310000132200821H", NULL);
	lc_tech_set(t, LC_F_SUMMARY, "summary", NULL);
	lc_tech_set_num(t, LC_F_POTENTIAL, pot, NULL);
	if (isfinite(cost))
		lc_tech_set_num(t, LC_F_ABATEMENT_COST, cost, NULL);
	lc_tech_set(t, LC_F_LINEAGE, lineage, NULL);
	assert_true(lc_catalog_put_tech(cat, t, NULL, NULL, 0, NULL) > 0);
	lc_tech_free(t);
}

static void put(struct lc_catalog *cat, const char *id, const char *ed,
		const char *name, const char *sector, int trl, double pot,
		double cost)
{
	put_as(cat, id, ed, name, sector, trl, pot, cost, NULL);
}

static void test_roadmap(void **state)
{
	struct lc_catalog *cat;
	struct lc_roadmap_opts o;
	struct lc_doc *d;
	struct lc_error err;
	char path[128];
	size_t len, len2;
	char *h, *h2, *f;

	(void)state;
	snprintf(path, sizeof path, "%s/cat.tct", dir);
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, NULL), 0);
	assert_int_equal(lc_catalog_begin(cat, NULL), 0);
	put(cat, "2024-ST-001", "2024", "旧技术", "steel", 6, 1e5, 10);
	put(cat, "2024-ST-002", "2024", "<script>", "steel", 5, 1e5, 10);
	put(cat, "2024-NF-001", "2024", "已删除", "nonferrous", 9, 1e5, 10);
	/* the same technology by its lineage (the changes annex pairs by
	 * key, never by a name that merely looks alike) */
	put_as(cat, "2025-ST-001", "2025", "旧技术", "steel", 8, 2e5, -50,
	       "2024-ST-001");
	put(cat, "2025-ST-002", "2025", "<script>", "steel", 5, 0, 80);
	put(cat, "2025-ST-003", "2025", "]]>", "steel", 9, 1e5, NAN);
	put(cat, "2025-CH-001", "2025", "化工技术", "chemical", 7, 3e5, 120);
	assert_int_equal(lc_catalog_commit(cat, NULL), 0);
	lc_roadmap_opts_init(&o);
	o.edition = "2025";
	o.carbon_price = 100;
	assert_int_equal(lc_roadmap_build(cat, &o, &d, &err), 0);
	h = html_of(d, &len);
	assert_true(well_formed(h, len));
	/* one script, ours, that numbers the table of contents (the
	 * dossier named <script> comes out as text) */
	{
		const char *sc = strstr(h, "<script");

		assert_non_null(sc);
		assert_null(strstr(sc + 1, "<script"));
		assert_int_equal(strncmp(sc, "<script>\n(function () {", 22),
				 0);
		assert_non_null(strstr(h, "&lt;script&gt;"));
		assert_true(strstr(h, "<nav class=\"toc\">") < sc);
		assert_non_null(strstr(sc, "</script>\n</body>"));
	}
	assert_null(strstr(h, "]]>"));
	has_all(h,
		"2025年度工业重点行业低碳技术路线图",
		"2025年度共征集技术4项",
		"合计减排潜力60.0 万吨 CO2/年",
		"近期推广（TRL 8-9）",
		"成熟度提升",
		"6 → 8",
		"已删除",
		"新增",
		"未再列入",
		"碳价 100 元/吨CO2",
		NULL);
	f = fodt_of(d, &len2);
	assert_true(well_formed(f, len2));
	free(f);
	lc_doc_free(d);
	/* Byte-identical when built again. */
	assert_int_equal(lc_roadmap_build(cat, &o, &d, &err), 0);
	h2 = html_of(d, &len2);
	assert_int_equal(len, len2);
	assert_memory_equal(h, h2, len);
	free(h2);
	lc_doc_free(d);
	free(h);
	o.lang = "en";
	assert_int_equal(lc_roadmap_build(cat, &o, &d, &err), 0);
	h = html_of(d, &len);
	assert_non_null(strstr(h, "<html lang=\"en\">"));
	assert_non_null(strstr(h, "Promote now (TRL 8-9)"));
	assert_non_null(strstr(h, "TRL advanced"));
	assert_non_null(strstr(h, "gone"));
	assert_non_null(strstr(h, "600 kt CO2/a"));
	/* No English name: the Chinese one is shown. */
	assert_non_null(strstr(h, "化工技术"));
	free(h);
	lc_doc_free(d);
	o.edition = "2030";
	assert_int_equal(lc_roadmap_build(cat, &o, &d, &err), LC_ENOTFOUND);
	o.edition = "20x5";
	assert_int_equal(lc_roadmap_build(cat, &o, &d, &err), LC_EUSAGE);
	lc_catalog_close(cat);
}

/* Table cells fit terminal columns: CJK counts 2, cut text ends in one
 * ellipsis column, short text is padded. */
static void test_text_cells(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	(void)state;
	assert_int_equal(lc_text_width("abc"), 3);
	assert_int_equal(lc_text_width("氢基竖炉"), 8);
	assert_int_equal(lc_text_width("e\xcc\x81"), 1);   /* e + combining */
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	lc_text_cell(fp, "氢基竖炉直接还原", 7, 0);
	putc('|', fp);
	lc_text_cell(fp, "ab", 4, 0);
	putc('|', fp);
	lc_text_cell(fp, "7", 3, 1);
	putc('|', fp);
	fclose(fp);
	assert_string_equal(buf, "氢基竖…|ab  |  7|");
	free(buf);
}

/* A sentence filled into a buffer too small for a long name ends on a
 * whole character (it ended on half of one: invalid UTF-8 that no XML
 * reader would open). */
static void test_utf8_cut(void **state)
{
	char s[16], t[8];
	struct lc_words *w = NULL;
	const char *names[] = { "name", "pot" };
	const char *vals[] = { "氢基竖炉直接还原炼铁", "1" };
	char out[11];   /* room for three characters and a third of one */

	(void)state;
	memcpy(s, "ab氢基竖炉直", 15);   /* cut inside 直 */
	s[15] = '\0';
	assert_string_equal(lc_utf8_trim(s), "ab氢基竖炉");
	memcpy(t, "abc", 4);
	assert_string_equal(lc_utf8_trim(t), "abc");
	t[0] = '\0';
	assert_string_equal(lc_utf8_trim(t), "");
	memcpy(t, "a\xf0\x9f\x98", 5);   /* 3 of an emoji's 4 bytes */
	assert_string_equal(lc_utf8_trim(t), "a");
	assert_int_equal(lc_words_load("zh", &w, NULL), 0);
	lc_words_fill(w, "findings.top-one", names, vals, 2, out, sizeof out);
	assert_string_equal(out, "氢基竖");
	lc_words_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_text_cells),
		cmocka_unit_test(test_utf8_cut),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_cost),
		cmocka_unit_test(test_macc_geometry),
		cmocka_unit_test(test_charts),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_fodt),
		cmocka_unit_test_setup_teardown(test_markdown, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roadmap, setup, teardown),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	xmlCleanupParser();
	return rc;
}
