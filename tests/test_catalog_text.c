/* test_catalog_text.c - the ground floor's text codecs: what counts as
 * text (lc_text_check), bidirectional controls (lc_text_bidi), the XML
 * input guard (lc_xml_in) and the size limit of inputs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "catalog/catalog.h"

static void text_check(void **state)
{
	static const struct { const char *s; int multi; int ok; } t[] = {
		{ "氢基竖炉 DRI\tok", 0, 1 },
		{ "two\nlines", 1, 1 },
		{ "two\nlines", 0, 0 },
		{ "cr\rhere", 1, 0 },
		{ "esc\033", 0, 0 },
		{ "del\177", 0, 0 },
		{ "c1\302\205", 0, 0 },            /* U+0085 */
		{ "bom\357\273\277in", 0, 0 },     /* U+FEFF */
		{ "nc\357\277\276", 0, 0 },        /* U+FFFE */
		{ "nc\357\267\220", 0, 0 },        /* U+FDD0 */
		{ "nc\360\237\277\277", 0, 0 },    /* U+1FFFF */
		{ "bad\377utf8", 0, 0 },
		{ "long\360\237\230\200", 0, 1 },  /* U+1F600 */
		{ "rlo\342\200\256ok", 0, 1 },     /* U+202E is text */
	};
	char why[160];

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int rc = lc_text_check(t[i].s, t[i].multi, 100, why,
				       sizeof why);

		if ((rc == 0) != t[i].ok)
			fail_msg("case %zu: rc %d (%s)", i, rc, rc ? why : "");
	}
	assert_int_equal(lc_text_check("abcdef", 0, 5, why, sizeof why), -1);
	assert_non_null(strstr(why, "at most 5"));
	assert_int_equal(lc_text_check("a\033", 0, 5, why, sizeof why), -1);
	assert_string_equal(why, "control character U+001B at character 2 "
			    "is not text");
}

static void bidi(void **state)
{
	(void)state;
	assert_int_equal(lc_text_bidi("plain 文本"), 0);
	assert_int_equal(lc_text_bidi("x\342\200\256y"), 1);   /* RLO */
	assert_int_equal(lc_text_bidi("x\342\201\247y"), 1);   /* RLI */
	assert_int_equal(lc_text_bidi("x\342\200\224y"), 0);   /* dash */
}

/* Feeds s to the guard in chunks of n bytes; returns 1 when refused. */
static int guard(const char *s, int n, struct lc_error *e)
{
	char path[] = "/tmp/lc-xmlin-XXXXXX", buf[64];
	int fd = mkstemp(path), refused;
	struct lc_xml_in *in = NULL;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, s, strlen(s)), (long)strlen(s));
	close(fd);
	assert_int_equal(lc_xml_in_open(&in, path, e), 0);
	while (lc_xml_in_read(in, buf, n) > 0)
		;
	refused = lc_xml_in_refused(in, e);
	lc_xml_in_free(in);
	unlink(path);
	return refused;
}

static void xml_guard(void **state)
{
	struct lc_error e;
	char many[4096];
	size_t o;

	(void)state;
	/* comments, CDATA and instructions that mention markup are fine,
	 * whatever the chunks */
	for (int n = 1; n <= 7; n++)
		assert_int_equal(guard("<?xml version='1.0'?><!-- <!DOCTYPE "
				       "--><a b='>' c=\"<!\"><![CDATA[<!x]]>"
				       "</a>", n, &e), 0);
	assert_int_equal(guard("<?xml version='1.0'?>\n<!DOCTYPE a [\n]>\n"
			       "<a/>", 3, &e), 1);
	assert_int_equal(e.line, 2);
	assert_non_null(strstr(e.msg, "DOCTYPE"));
	assert_int_equal(guard("<a/>\n<!ENTITY x 'y'>", 64, &e), 1);
	assert_int_equal(guard("<a>\0</a>", 64, &e), 0);  /* strlen stops */
	o = (size_t)snprintf(many, sizeof many, "<a\n");
	for (int i = 0; i < 257; i++)
		o += (size_t)snprintf(many + o, sizeof many - o, " a%d='1'",
				      i);
	snprintf(many + o, sizeof many - o, "/>");
	assert_int_equal(guard(many, 10, &e), 1);
	assert_int_equal(e.line, 1);
	many[o - 9] = '\0';         /* drop ' a256=\'1\'': 256 left */
	strcat(many, "/>");
	assert_int_equal(guard(many, 10, &e), 0);
}

static void input_limit(void **state)
{
	struct lc_error e;
	long long v;

	(void)state;
	setenv("LOWCARB_MAX_INPUT", "12", 1);
	assert_int_equal(lc_input_limit(&v, &e), 0);
	assert_true(v == 12);
	setenv("LOWCARB_MAX_INPUT", "1.5", 1);
	assert_int_equal(lc_input_limit(&v, &e), LC_EUSAGE);
	setenv("LOWCARB_MAX_INPUT", "-3", 1);
	assert_int_equal(lc_input_limit(&v, &e), LC_EUSAGE);
	unsetenv("LOWCARB_MAX_INPUT");
	assert_int_equal(lc_input_limit(&v, &e), 0);
	assert_true(v == 4LL << 30);
	assert_null(lc_file_open("/", NULL, &e));
	assert_non_null(strstr(e.msg, "directory"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_check),
		cmocka_unit_test(bidi),
		cmocka_unit_test(xml_guard),
		cmocka_unit_test(input_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
