/* test_words.c - the text catalogues of the documents (data/text) and
 * the publication file: both languages name the same keys with the same
 * placeholders, lc_words fills them, a bad catalogue or publication file
 * is refused with its file and line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/exporters.h"

#define MAXKEY 4096

struct cat {
	size_t n;
	char *key[MAXKEY], *ph[MAXKEY];   /* ph: the placeholders, sorted */
};

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The placeholders of text, sorted, "|"-joined, as a new string. */
static char *placeholders(const char *text)
{
	char *name[64], buf[2048] = "";
	size_t n = 0;

	for (const char *p = text; (p = strchr(p, '{')) && n < 64; p++) {
		const char *e = strchr(p, '}');

		/* a formula's braces group; its words may differ by
		 * language (the loader checks formulas) */
		if (!strncmp(p, "{math:", 6) ||
		    !strncmp(p, "{display:", 9)) {
			int level = 0;

			for (; *p; p++)
				if (*p == '{')
					level++;
				else if (*p == '}' && --level == 0)
					break;
			if (!*p)
				break;
			continue;
		}

		if (!e)
			break;
		name[n] = strndup(p + 1, (size_t)(e - p - 1));
		assert_non_null(name[n]);
		n++;
	}
	qsort(name, n, sizeof *name, cmp);
	for (size_t i = 0; i < n; i++) {
		strcat(buf, name[i]);
		strcat(buf, "|");
		free(name[i]);
	}
	return strdup(buf);
}

static void load(const char *lang, struct cat *c)
{
	char path[512], line[8192];
	const char *dir = getenv("LOWCARB_DATA");
	FILE *fp;

	snprintf(path, sizeof path, "%s/text/%s.txt", dir ? dir : "data",
		 lang);
	fp = fopen(path, "r");
	assert_non_null(fp);
	c->n = 0;
	while (fgets(line, sizeof line, fp)) {
		char *eq = strstr(line, " = ");

		if (line[0] == '#' || line[0] == '\n')
			continue;
		assert_non_null(eq);
		assert_true(c->n < MAXKEY);
		*eq = '\0';
		c->key[c->n] = strdup(line);
		c->ph[c->n] = placeholders(eq + 3);
		c->n++;
	}
	fclose(fp);
}

static void test_same_keys(void **state)
{
	static struct cat zh, en;

	(void)state;
	load("zh", &zh);
	load("en", &en);
	assert_true(zh.n > 10);
	/* every key of one is in the other, with the same placeholders */
	for (size_t i = 0; i < zh.n; i++) {
		size_t k;

		for (k = 0; k < en.n && strcmp(zh.key[i], en.key[k]); k++)
			;
		if (k == en.n)
			fail_msg("en.txt lacks %s", zh.key[i]);
		if (strcmp(zh.ph[i], en.ph[k]))
			fail_msg("%s: placeholders %s (zh) and %s (en)",
				 zh.key[i], zh.ph[i], en.ph[k]);
	}
	assert_int_equal(zh.n, en.n);
	for (size_t i = 0; i < zh.n; i++) {
		free(zh.key[i]);
		free(zh.ph[i]);
		free(en.key[i]);
		free(en.ph[i]);
	}
}

static void test_fill(void **state)
{
	struct lc_error err = { 0 };
	struct lc_words *w = NULL;
	const char *names[] = { "start", "end" };
	const char *vals[] = { "2026-01-01", "2026-01-11" };
	char buf[256];

	(void)state;
	assert_int_equal(lc_words_load("en", &w, &err), 0);
	assert_string_equal(lc_words_fill(w, "notice.period", names, vals, 2,
					  buf, sizeof buf),
			    "Notice period: 2026-01-01 to 2026-01-11.");
	/* a key the catalogue lacks shows as such, never as nothing */
	assert_string_equal(lc_words_fill(w, "no.such.key", names, vals, 2,
					  buf, sizeof buf), "[no.such.key]");
	assert_null(lc_words_get(w, "no.such.key"));
	lc_words_free(w);
	/* a data folder without the catalogue */
	{
		char *old = strdup(getenv("LOWCARB_DATA") ?
				   getenv("LOWCARB_DATA") : "data");

		setenv("LOWCARB_DATA", "/nonexistent", 1);
		assert_int_equal(lc_words_load("en", &w, &err), LC_EIO);
		assert_null(w);
		setenv("LOWCARB_DATA", old, 1);
		free(old);
	}
}

static void test_publication(void **state)
{
	struct lc_error err = { 0 };
	struct lc_publication *p = NULL;
	char path[] = "/tmp/lc-pub-XXXXXX";
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");

	(void)state;
	assert_int_equal(lc_publication_load(NULL, &p, &err), 0);
	assert_non_null(strstr(lc_publication_get(p, "title", "en"),
			       "{edition}"));
	/* a language the file lacks falls back to the other */
	assert_non_null(lc_publication_get(p, "authority", "zh"));
	assert_int_equal(strlen(lc_publication_get(p, "sha256", "zh")), 64);
	lc_publication_free(p);
	p = NULL;
	fputs("<?xml version=\"1.0\"?>\n<publication>\n"
	      "  <title lang=\"zh\">x</title>\n  <colour>red</colour>\n"
	      "</publication>\n", fp);
	fclose(fp);
	assert_int_equal(lc_publication_load(path, &p, &err), LC_EDATA);
	assert_null(p);
	assert_string_equal(err.file, path);
	assert_int_equal(err.line, 4);
	remove(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_keys),
		cmocka_unit_test(test_fill),
		cmocka_unit_test(test_publication),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
