/* test_mapping.c - mapping profiles (importers/mapping*.c, map_value.c):
 * what a foreign cell becomes (headers of any width, placeholders, TRL
 * levels and ranges on their scale, quantity ranges and unit hints,
 * sequence numbers, generated ids that never change), and the profiles
 * refused with the line at fault. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "importers/mapping.h"

static void test_header_norm(void **state)
{
	char a[128], b[128];

	(void)state;
	map_header_norm("减排能力（万tCO2/a）", a, sizeof a);
	map_header_norm("减排能力 (万tCO2/a)", b, sizeof b);
	assert_string_equal(a, b);
	assert_string_equal(a, "减排能力(万tCO2/a)");
	map_header_norm("\u3000trl2024\u00a0", a, sizeof a);
	assert_string_equal(a, "trl2024");
	map_header_norm("ＴＲＬ", a, sizeof a);
	assert_string_equal(a, "TRL");
}

static void test_expand(void **state)
{
	char buf[64], why[128];

	(void)state;
	assert_int_equal(map_expand("trl{edition}", "2024", buf, sizeof buf,
				    why, sizeof why), 0);
	assert_string_equal(buf, "trl2024");
	assert_int_equal(map_expand("{edition+5}", "2017", buf, sizeof buf,
				    why, sizeof why), 0);
	assert_string_equal(buf, "2022");
	assert_int_equal(map_expand("{edition-1}", "2017", buf, sizeof buf,
				    why, sizeof why), 0);
	assert_string_equal(buf, "2016");
	assert_int_equal(map_expand("plain", NULL, buf, sizeof buf, why,
				    sizeof why), 0);
	assert_string_equal(buf, "plain");
	assert_int_equal(map_expand("trl{edition}", NULL, buf, sizeof buf,
				    why, sizeof why), -1);
	assert_non_null(strstr(why, "--edition"));
	assert_int_equal(map_expand("{editionx}", "2017", buf, sizeof buf,
				    why, sizeof why), -1);
}

static void test_trl(void **state)
{
	struct map_column c = { 0 };
	char why[200];
	int t;

	(void)state;
	c.field = LC_F_TRL;
	c.scale11 = 1;
	c.range = MAP_RANGE_LOWER;
	assert_int_equal(map_trl(&c, "4-5", &t, why, sizeof why), 0);
	assert_int_equal(t, 4);
	assert_int_equal(map_trl(&c, " 10-11", &t, why, sizeof why), 0);
	assert_int_equal(t, 9);
	assert_int_equal(map_trl(&c, "7.0", &t, why, sizeof why), 0);
	assert_int_equal(t, 7);
	assert_int_equal(map_trl(&c, "11", &t, why, sizeof why), 0);
	assert_int_equal(t, 9);
	c.range = MAP_RANGE_UPPER;
	assert_int_equal(map_trl(&c, "6-9", &t, why, sizeof why), 0);
	assert_int_equal(t, 9);
	c.range = MAP_RANGE_MID;
	assert_int_equal(map_trl(&c, "6-9", &t, why, sizeof why), 0);
	assert_int_equal(t, 7);
	assert_int_equal(map_trl(&c, "3-5", &t, why, sizeof why), 0);
	assert_int_equal(t, 4);
	c.range = MAP_RANGE_NONE;
	assert_int_equal(map_trl(&c, "4-5", &t, why, sizeof why), -1);
	assert_non_null(strstr(why, "which end"));
	assert_int_equal(map_trl(&c, "7.5", &t, why, sizeof why), -1);
	assert_int_equal(map_trl(&c, "high", &t, why, sizeof why), -1);
	c.scale11 = 0;
	assert_int_equal(map_trl(&c, "10", &t, why, sizeof why), -1);
	assert_non_null(strstr(why, "1-9"));
}

static void test_quantity(void **state)
{
	struct map_column c = { 0 };
	const char *unit;
	char buf[64], why[200];

	(void)state;
	c.field = LC_F_PENETRATION_TARGET;
	c.unit = (char *)"%";
	assert_int_equal(map_quantity(&c, "35", buf, sizeof buf, &unit, why,
				      sizeof why), 0);
	assert_string_equal(buf, "35");
	assert_string_equal(unit, "%");
	assert_int_equal(map_quantity(&c, "35%", buf, sizeof buf, &unit, why,
				      sizeof why), 0);
	assert_null(unit);
	assert_int_equal(map_quantity(&c, "10%-20%", buf, sizeof buf, &unit,
				      why, sizeof why), -1);
	c.range = MAP_RANGE_LOWER;
	assert_int_equal(map_quantity(&c, "10%-20%", buf, sizeof buf, &unit,
				      why, sizeof why), 0);
	assert_string_equal(buf, "10%");
	assert_int_equal(map_quantity(&c, "10-20%", buf, sizeof buf, &unit,
				      why, sizeof why), 0);
	assert_string_equal(buf, "10%");
	c.range = MAP_RANGE_UPPER;
	assert_int_equal(map_quantity(&c, "10 ~ 20%", buf, sizeof buf, &unit,
				      why, sizeof why), 0);
	assert_string_equal(buf, "20%");
	c.range = MAP_RANGE_MID;
	assert_int_equal(map_quantity(&c, "50至70", buf, sizeof buf, &unit,
				      why, sizeof why), 0);
	assert_string_equal(buf, "60");
	assert_string_equal(unit, "%");
	/* a negative number is not a range */
	c.field = LC_F_ABATEMENT_COST;
	assert_int_equal(map_quantity(&c, "-30", buf, sizeof buf, &unit, why,
				      sizeof why), 0);
	assert_string_equal(buf, "-30");
	assert_true(map_bare_number("1,200.5"));
	assert_false(map_bare_number("1,200元"));
	assert_false(map_bare_number(",5"));
}

static void test_ids(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(map_sequence("7", buf, sizeof buf), 0);
	assert_string_equal(buf, "007");
	assert_int_equal(map_sequence("0012", buf, sizeof buf), 0);
	assert_string_equal(buf, "012");
	assert_int_equal(map_sequence("0", buf, sizeof buf), -1);
	assert_int_equal(map_sequence("12a", buf, sizeof buf), -1);
	assert_int_equal(map_sequence("12345678", buf, sizeof buf), -1);
	/* the same name, the same number on every run and machine: FNV-1a */
	assert_int_equal(map_hash_seq("Calcined clay"),
			 map_hash_seq("Calcined clay"));
	assert_true(map_hash_seq("Calcined clay") >= 10000);
	assert_true(map_hash_seq("Calcined clay") <= 99999);
	assert_int_equal(map_hash_seq(""), 10000 + 14695981039346656037ULL %
			 90000ULL);
	assert_int_not_equal(map_hash_seq("Calcined clay"),
			     map_hash_seq("Raw clay"));
}

/* Writes a profile with body inside <mapping name="t"> and loads it:
 * returns the status, the message in err. */
static int load_body(const char *body, struct lc_error *err)
{
	char path[] = "/tmp/lowcarb-map-XXXXXX.xml";
	struct lc_mapping *m = NULL;
	FILE *fp;
	int fd = mkstemps(path, 4), rc;

	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	fprintf(fp, "<?xml version=\"1.0\"?>\n<mapping xmlns=\"urn:lowcarb:"
		"mapping:1\" name=\"t\">\n%s\n</mapping>\n", body);
	fclose(fp);
	rc = lc_mapping_load(path, &m, err);
	lc_mapping_free(m);
	unlink(path);
	return rc;
}

static void test_profiles_refused(void **state)
{
	struct lc_error e;
	static const char *const id = "<id hash=\"name_en\"/>"
		"<column name=\"n\" field=\"name_en\"/>";
	char b[1024];

	(void)state;
	assert_int_equal(load_body(id, &e), 0);
	assert_int_equal(load_body("<column name=\"n\" field=\"name_en\"/>",
				   &e), LC_EDATA);
	assert_non_null(strstr(e.msg, "nothing of ids"));
	snprintf(b, sizeof b, "%s<column name=\"x\" field=\"colour\"/>", id);
	assert_int_equal(load_body(b, &e), LC_EDATA);
	assert_non_null(strstr(e.msg, "'colour' is not a field"));
	assert_int_equal(e.line, 3);
	snprintf(b, sizeof b, "%s<constant field=\"name_en\" value=\"x\" "
		 "note=\"n\"/>", id);
	assert_int_equal(load_body(b, &e), LC_EDATA);
	assert_non_null(strstr(e.msg, "given by a column already"));
	snprintf(b, sizeof b, "%s<rule field=\"sector\" value=\"steel\">"
		 "<match column=\"s\" pattern=\"(unclosed\"/></rule>", id);
	assert_int_equal(load_body(b, &e), LC_EDATA);
	assert_non_null(strstr(e.msg, "bad pattern"));
	snprintf(b, sizeof b, "%s<default field=\"sector\" value=\"textiles\""
		 " note=\"n\"/>", id);
	assert_int_equal(load_body(b, &e), LC_EDATA);
	assert_non_null(strstr(e.msg, "textiles"));
	snprintf(b, sizeof b, "%s<constant field=\"trl\" value=\"10\" "
		 "note=\"n\"/>", id);
	assert_int_equal(load_body(b, &e), LC_EDATA);
	/* a constant without a note: the schema says why it is there */
	snprintf(b, sizeof b, "%s<constant field=\"submitter\" value=\"x\"/>",
		 id);
	assert_int_equal(load_body(b, &e), LC_EDATA);
	assert_non_null(strstr(e.msg, "note"));
	snprintf(b, sizeof b, "%s<column name=\"u\" field=\"potential\" "
		 "unit=\"parsecs\"/>", id);
	assert_int_equal(load_body(b, &e), LC_EDATA);
	assert_non_null(strstr(e.msg, "unit"));
	snprintf(b, sizeof b, "%s<skip reason=\"r\"/>", id);
	assert_int_equal(load_body(b, &e), LC_EDATA);
	assert_int_equal(load_body("<!DOCTYPE x>", &e), LC_EDATA);
}

static void test_shipped(void **state)
{
	struct lc_mapping *m = NULL;
	struct lc_error e;

	(void)state;
	assert_int_equal(lc_mapping_load("iea-etp", &m, &e), 0);
	assert_string_equal(lc_mapping_name(m), "iea-etp");
	assert_true(lc_mapping_needs_edition(m));
	lc_mapping_free(m);
	assert_int_equal(lc_mapping_load("ndrc-catalog", &m, &e), 0);
	assert_true(lc_mapping_needs_edition(m));
	lc_mapping_free(m);
	assert_int_equal(lc_mapping_load("../etc/passwd", &m, &e), LC_EIO);
	assert_int_equal(lc_mapping_load("Bad Name", &m, &e), LC_EUSAGE);
	assert_int_equal(lc_mapping_load("nosuch", &m, &e), LC_EIO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_norm),
		cmocka_unit_test(test_expand),
		cmocka_unit_test(test_trl),
		cmocka_unit_test(test_quantity),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_profiles_refused),
		cmocka_unit_test(test_shipped),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	lc_rules_free();
	return rc;
}
