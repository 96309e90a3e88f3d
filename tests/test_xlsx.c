/* test_xlsx.c - the workbook reader's small parts: cell references, the
 * header cell's key, the zip sniff, and a file that is not a workbook. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "importers/xlsx.h"

static void test_ref(void **state)
{
	char b[32];
	(void)state;
	assert_string_equal(imp_xlsx_ref(0, 1, b, sizeof b), "A1");
	assert_string_equal(imp_xlsx_ref(8, 7, b, sizeof b), "I7");
	assert_string_equal(imp_xlsx_ref(25, 2, b, sizeof b), "Z2");
	assert_string_equal(imp_xlsx_ref(26, 2, b, sizeof b), "AA2");
	assert_string_equal(imp_xlsx_ref(16383, 9, b, sizeof b), "XFD9");
}

static void test_header_key(void **state)
{
	char b[64];
	(void)state;
	assert_string_equal(imp_xlsx_header_key("统一社会信用代码\nCredit code"
						"\ncredit_code ", b, sizeof b),
			    "credit_code");
	assert_string_equal(imp_xlsx_header_key(" id", b, sizeof b), "id");
	assert_string_equal(imp_xlsx_header_key("", b, sizeof b), "");
}

static void test_sniff(void **state)
{
	(void)state;
	assert_int_equal(imp_xlsx_sniff((const unsigned char *)"PK\3\4x", 5),
			 1);
	assert_int_equal(imp_xlsx_sniff((const unsigned char *)"PK", 2), 0);
	assert_int_equal(imp_xlsx_sniff((const unsigned char *)"id,ed", 5),
			 0);
}

static void test_not_a_workbook(void **state)
{
	char path[] = "/tmp/lc-xlsx-XXXXXX";
	struct imp_book *b = (void *)1;
	struct lc_error e;
	int fd = mkstemp(path);
	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "PK\3\4garbage", 11), 11);
	close(fd);
	assert_int_equal(imp_book_open(&b, path, &e), LC_EDATA);
	assert_null(b);
	assert_non_null(strstr(e.msg, "not a readable workbook"));
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ref),
		cmocka_unit_test(test_header_key),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_not_a_workbook),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
