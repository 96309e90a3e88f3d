/* test_promotion.c - the numbers of the promotion catalog: a figure in
 * base units printed in the catalogs' magnitudes (万, 亿) exactly, so
 * that the CSV re-imports to the same number; the derived national
 * figures; a gas other than CO2. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/promotion.h"

static void test_exact(void **state)
{
	static const struct { double v; int p10; const char *want; } c[] = {
		{ 355000, 4, "35.5" }, { 100000000, 4, "10000" },
		{ 123, 4, "0.0123" }, { 0.5, 4, "0.00005" },
		{ -7.5, 0, "-7.5" }, { -50000, 4, "-5" }, { 0, 4, "0" },
		{ 12345678.9, 8, "0.123456789" }, { 20, 0, "20" },
		{ 12.5, 0, "12.5" }, { 1234.5, 4, "0.12345" },
		{ 650000000, 8, "6.5" }, { 1e15, 8, "10000000" },
		{ 103700, 4, "10.37" }
	};
	char buf[64];

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		double back;

		assert_string_equal(promo_exact(c[i].v, c[i].p10, buf,
						sizeof buf), c[i].want);
		/* reads back to the same number once scaled up again */
		assert_int_equal(lc_num_parse(buf, &back), 0);
		assert_true(fabs(back * pow(10, c[i].p10) - c[i].v) <=
			    1e-9 * fabs(c[i].v));
	}
	assert_string_equal(promo_exact(NAN, 4, buf, sizeof buf), "");
}

static void test_round(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(promo_round(1114285714.2857, 8, buf, sizeof buf),
			    "11.14");
	assert_string_equal(promo_round(6e10, 8, buf, sizeof buf), "600");
	/* no "-0" */
	assert_string_equal(promo_round(-1, 8, buf, sizeof buf), "0");
	assert_string_equal(promo_round(NAN, 8, buf, sizeof buf), "");
}

static void test_national(void **state)
{
	struct lc_tech *t = lc_tech_new();

	(void)state;
	assert_non_null(t);
	assert_true(isnan(promo_national(t, LC_F_INVESTMENT)));
	lc_tech_set_num(t, LC_F_INVESTMENT, 3e7, NULL);
	lc_tech_set_num(t, LC_F_POTENTIAL, 1e8, NULL);
	assert_true(isnan(promo_national(t, LC_F_INVESTMENT)));
	lc_tech_set_num(t, LC_F_ABATEMENT, 5e4, NULL);
	/* 2,000 installations of 3,000万元 */
	assert_true(promo_national(t, LC_F_INVESTMENT) == 6e10);
	assert_true(isnan(promo_national(t, LC_F_ENERGY_SAVING)));
	lc_tech_set_num(t, LC_F_ABATEMENT, 0, NULL);
	assert_true(isnan(promo_national(t, LC_F_INVESTMENT)));
	assert_int_equal(lc_tech_not_co2(t), 0);
	assert_int_equal(lc_tech_set(t, LC_F_GAS, "CO2", NULL), 0);
	assert_int_equal(lc_tech_not_co2(t), 0);
	assert_int_equal(lc_tech_set(t, LC_F_GAS, "N2O", NULL), 0);
	assert_int_equal(lc_tech_not_co2(t), 1);
	lc_tech_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact),
		cmocka_unit_test(test_round),
		cmocka_unit_test(test_national),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
