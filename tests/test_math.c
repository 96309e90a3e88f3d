/* test_math.c - the formula notation of the text catalogues
 * (exporters/math.h): what it parses into (as MathML and as Unicode
 * text), what it refuses and why, and a catalogue with a bad formula
 * refused at load with its file, line and key. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "exporters/exporters.h"
#include "exporters/math.h"

/* The MathML of src (inline) into buf. */
static const char *mathml(const char *src, char *buf, size_t n)
{
	struct exp_math *m = NULL;
	char why[160];
	FILE *fp = fmemopen(buf, n, "w");

	assert_non_null(fp);
	if (exp_math_parse(src, strlen(src), &m, why, sizeof why) < 0)
		fail_msg("%s: %s", src, why);
	exp_math_mathml(fp, m, 0);
	fclose(fp);
	exp_math_free(m);
	return buf;
}

static const char *text(const char *src, char *buf, size_t n)
{
	struct exp_math *m = NULL;
	char why[160];

	buf[0] = '\0';
	if (exp_math_parse(src, strlen(src), &m, why, sizeof why) < 0)
		fail_msg("%s: %s", src, why);
	exp_math_text(m, buf, n);
	exp_math_free(m);
	return buf;
}

/* The message for a notation that must be refused. */
static const char *refused(const char *src, char *why, size_t n)
{
	struct exp_math *m = (struct exp_math *)1;

	assert_int_equal(exp_math_parse(src, strlen(src), &m, why, n), -1);
	assert_null(m);
	return why;
}

static void test_parse(void **state)
{
	char b[2048];

	(void)state;
	assert_string_equal(mathml("x_{ij}^2", b, sizeof b),
			    "<math><msubsup><mi>x</mi><mrow><mi>i</mi>"
			    "<mi>j</mi></mrow><mn>2</mn></msubsup></math>");
	assert_string_equal(mathml("\\frac{a - 1}{b}", b, sizeof b),
			    "<math><mfrac><mrow><mi>a</mi><mo>−</mo><mn>1</mn>"
			    "</mrow><mi>b</mi></mfrac></math>");
	assert_string_equal(mathml("\\sqrt{\\sum_i^n x_i}", b, sizeof b),
			    "<math><msqrt><munderover><mo>∑</mo><mi>i</mi>"
			    "<mi>n</mi></munderover><msub><mi>x</mi><mi>i</mi>"
			    "</msub></msqrt></math>");
	assert_string_equal(mathml("\"CRF\" = (1 + r)^n", b, sizeof b),
			    "<math><mi>CRF</mi><mo>=</mo><msup><mrow><mo>(</mo>"
			    "<mn>1</mn><mo>+</mo><mi>r</mi><mo>)</mo></mrow>"
			    "<mi>n</mi></msup></math>");
	/* a quoted text that is not one short name is set as words, and
	 * escaped */
	assert_string_equal(mathml("\"a < b\" \\times α", b, sizeof b),
			    "<math><mtext>a &lt; b</mtext><mo>×</mo>"
			    "<mi>α</mi></math>");
	/* the readable text of the formats without formulas */
	assert_string_equal(text("\"CRF\" = \\frac{r(1 + r)^n}{(1 + r)^n - 1}",
				 b, sizeof b),
			    "CRF = r(1 + r)ⁿ ÷ ((1 + r)ⁿ − 1)");
	assert_string_equal(text("S_i = \\sum_j w_j r_{ij}", b, sizeof b),
			    "Sᵢ = Σⱼ wⱼ rᵢⱼ");
	assert_string_equal(text("r_{ij} = \\frac{x_{ij}}{\\sqrt{\\sum_i "
				 "x_{ij}^2}}", b, sizeof b),
			    "rᵢⱼ = xᵢⱼ ÷ √(Σᵢ xᵢⱼ²)");
	/* a script without a Unicode form stays readable */
	assert_string_equal(text("x_{b} + -y", b, sizeof b),
			    "x_(b) + −y");
	/* a buffer too small: cut, never overrun */
	assert_string_equal(text("\"CRF\" = r", b, 4), "CRF");
}

static void test_refused(void **state)
{
	char why[160];

	(void)state;
	assert_string_equal(refused("\\frac{a}{b", why, sizeof why),
			    "formula, column 9: '{' is never closed");
	assert_string_equal(refused("x_{ij}}", why, sizeof why),
			    "formula, column 7: '}' closes nothing");
	assert_string_equal(refused("(a + b", why, sizeof why),
			    "formula, column 1: '(' is never closed");
	assert_string_equal(refused("a/b", why, sizeof why),
			    "formula, column 2: write a fraction as "
			    "\\frac{a}{b}, not with '/'");
	assert_string_equal(refused("\\int x", why, sizeof why),
			    "formula, column 1: unknown command '\\int'");
	assert_string_equal(refused("^2", why, sizeof why),
			    "formula, column 1: '^' has nothing before it");
	assert_string_equal(refused("x_", why, sizeof why),
			    "formula, column 3: something expected here");
	assert_string_equal(refused("\\frac{a}", why, sizeof why),
			    "formula, column 1: \\frac needs two {groups}");
	assert_string_equal(refused("  ", why, sizeof why),
			    "formula, column 1: an empty formula");
	assert_non_null(strstr(refused("((((((((((((((((((((((((((((((((((x",
				       why, sizeof why), "nested deeper"));
	assert_string_equal(exp_math_span_end("{math:x_{ij}} rest") ?
			    exp_math_span_end("{math:x_{ij}} rest") : "",
			    "} rest");
	assert_null(exp_math_span_end("{math:x_{ij} rest"));
}

/* A catalogue whose formula's braces do not pair is refused at load,
 * with the file, the line and the key; a good one fills its formulas
 * between markers, and a value can never open one. */
static void test_catalogue(void **state)
{
	char dir[] = "/tmp/lc-math-XXXXXX", path[256], buf[512];
	char *old = strdup(getenv("LOWCARB_DATA") ? getenv("LOWCARB_DATA")
			   : "data");
	struct lc_error err = { 0 };
	struct lc_words *w = (struct lc_words *)1;
	const char *names[] = { "rate" };
	const char *vals[] = { "8\001x\002" };
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/text", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/text/en.txt", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("# a catalogue\na = the rate {rate}\n"
	      "b = CRF {math:\\frac{r}{(1 + r)^{n} - 1} with r = {rate}\n", fp);
	fclose(fp);
	setenv("LOWCARB_DATA", dir, 1);
	assert_int_equal(lc_words_load("en", &w, &err), LC_EDATA);
	assert_null(w);
	assert_string_equal(err.file, path);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.field, "b");
	assert_non_null(strstr(err.msg, "never closed"));
	/* a formula the parser refuses, with its column */
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("a = the rate {rate}\nb = {math:x/y}\n", fp);
	fclose(fp);
	assert_int_equal(lc_words_load("en", &w, &err), LC_EDATA);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.msg, "formula, column 2: write a fraction "
			    "as \\frac{a}{b}, not with '/'");
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("a = the rate {rate} and {math:r_{n}}, r = {rate}\n", fp);
	fclose(fp);
	assert_int_equal(lc_words_load("en", &w, &err), 0);
	assert_string_equal(lc_words_fill(w, "a", names, vals, 1, buf,
					  sizeof buf),
			    "the rate 8x and \001r_{n}\002, r = 8x");
	/* too small a buffer for the formula: left out, not cut */
	assert_string_equal(lc_words_fill(w, "a", names, vals, 1, buf, 20),
			    "the rate 8x and ");
	lc_words_free(w);
	setenv("LOWCARB_DATA", old, 1);
	free(old);
	remove(path);
	snprintf(path, sizeof path, "%s/text", dir);
	rmdir(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_catalogue),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
