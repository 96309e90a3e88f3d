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
#include <float.h>
#include <math.h>
#include <stdint.h>
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

/* The reference lc_num_format must agree with, printf and strtod: the
 * shortest precision from 15 that reads back, printed plain for the
 * magnitudes quantities have. */
static void reference(double v, char *buf, size_t n)
{
	if (v == trunc(v) && fabs(v) < 9007199254740992.0) {
		snprintf(buf, n, "%.0f", v);
		return;
	}
	for (int p = fabs(v) < DBL_MIN ? 1 : 15; p <= 17; p++) {
		snprintf(buf, n, "%.*g", p, v);
		if (p == 17 || strtod(buf, NULL) == v) {
			char *e = strchr(buf, 'e');
			int x = e ? atoi(e + 1) : 0, sig = 0;

			for (const char *c = buf; e && c < e; c++)
				sig += *c >= '0' && *c <= '9';
			if (e && x >= -5 && x < 16)
				snprintf(buf, n, "%.*f", sig - 1 - x > 0 ?
					 sig - 1 - x : 0, v);
			return;
		}
	}
}

/* lc_num_format's fast path (128-bit digits, no printf) gives the same
 * text as printf would, on values of every kind: random bits, shares in
 * [0, 1), decimals as people write them, neighbours of powers of ten. */
static void num_format(void **state)
{
	uint64_t r = 88172645463325252ULL;
	char got[64], want[64];
	long bad = 0;

	(void)state;
	for (long i = 0; i < 300000; i++) {
		double v;
		uint64_t b;

		r ^= r << 13;
		r ^= r >> 7;
		r ^= r << 17;
		b = r;
		switch (i % 4) {
		case 0:
			memcpy(&v, &b, sizeof v);
			break;
		case 1:
			v = (double)(b >> 11) / 9007199254740992.0;
			break;
		case 2:
			v = (double)(b % 10000000) / 1000.0;
			break;
		default:
			v = nextafter(pow(10, (double)(int)(b % 30) - 8),
				      b & 1 ? INFINITY : 0);
		}
		if (!isfinite(v))
			continue;
		if (b & 2)
			v = -v;
		assert_non_null(lc_num_format(v, got, sizeof got));
		reference(v, want, sizeof want);
		if (strcmp(got, want) && bad++ < 5)
			print_message("%.17g: got %s, want %s\n", v, got,
				      want);
	}
	assert_int_equal(bad, 0);
	assert_string_equal(lc_num_format(0.1, got, sizeof got), "0.1");
	assert_string_equal(lc_num_format(1e-5, got, sizeof got), "0.00001");
	assert_string_equal(lc_num_format(-0.29999999999999999, got,
					  sizeof got), "-0.3");
}

/* The text pool: copies that stay where they are while blocks are
 * added, one copy of a string kept once, strings longer than a block. */
static void text_pool(void **state)
{
	struct lc_textpool *p = lc_textpool_new();
	const char *first, *a, *b, *big;
	char buf[32], *huge = malloc(200000);

	(void)state;
	assert_non_null(p);
	assert_non_null(huge);
	memset(huge, 'x', 199999);
	huge[199999] = '\0';
	first = lc_textpool_add(p, "first");
	for (int i = 0; i < 20000; i++) {
		snprintf(buf, sizeof buf, "score %d", i % 7);
		a = lc_textpool_once(p, buf);
		b = lc_textpool_add(p, buf);
		assert_string_equal(a, buf);
		assert_string_equal(b, buf);
		assert_ptr_not_equal(a, b);
		assert_ptr_equal(a, lc_textpool_once(p, buf));
	}
	big = lc_textpool_add(p, huge);
	assert_non_null(big);
	assert_int_equal(strlen(big), 199999);
	assert_string_equal(first, "first");   /* never moved */
	assert_ptr_not_equal(lc_textpool_once(p, "score 1"),
			     lc_textpool_once(p, "score 2"));
	assert_string_equal(lc_textpool_once(p, ""), "");
	/* a prefix, ended; a cut character dropped as doc cells do */
	assert_string_equal(lc_textpool_addn(p, "abcdef", 3), "abc");
	assert_int_equal(lc_utf8_whole("\xe9\x92\xa2\xe9\x93", 5), 3);
	assert_int_equal(lc_utf8_whole("\xe9\x92\xa2\xe9\x93\x81", 6), 6);
	assert_int_equal(lc_utf8_whole("ab", 2), 2);
	assert_int_equal(lc_utf8_whole("", 0), 0);
	lc_textpool_free(p);
	lc_textpool_free(NULL);
	free(huge);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_check),
		cmocka_unit_test(bidi),
		cmocka_unit_test(xml_guard),
		cmocka_unit_test(input_limit),
		cmocka_unit_test(num_format),
		cmocka_unit_test(text_pool),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
