/* fuzz_quantity.c - quantities as submitters write them, for every
 * quantity field, with and without a unit attribute: first byte picks the
 * field, the rest is "text" or "text\0unit". */
#include <string.h>
#include "tests/fuzz/fuzz.h"
#include "importers/importers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, *unit;
	struct lc_error err;
	double v;
	int f;

	if (size < 1)
		return 0;
	f = data[0] % LC_F__COUNT;
	text = malloc(size);
	if (!text)
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	unit = strlen(text) + 1 < size - 1 ? text + strlen(text) + 1 : NULL;
	if (lc_field_type(f) == LC_FT_NUM &&
	    lc_quantity_parse(f, text, unit, &v, &err) == 0 && v != v)
		abort();   /* never NaN */
	free(text);
	return 0;
}
