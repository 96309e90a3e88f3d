/* textio.c - the small text conversions the ranker's commands share:
 * lists of directions and numbers given on the command line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"

/* Copies the k-th comma-separated item of list into buf; returns the
 * number of items in list. */
static size_t item(const char *list, size_t k, char *buf, size_t n)
{
	size_t count = 0;
	const char *p = list;

	buf[0] = '\0';
	for (;;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		if (count == k) {
			if (len >= n)
				len = n - 1;
			memcpy(buf, p, len);
			buf[len] = '\0';
		}
		count++;
		if (!e)
			return count;
		p = e + 1;
	}
}

int lc_mcda_parse_types(const char *list, size_t n, int *cost,
			struct lc_error *err)
{
	char b[32];
	size_t c = item(list, 0, b, sizeof b);

	if (c != n)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "types",
			"%zu types given for %zu criteria", c, n);
	for (size_t j = 0; j < n; j++) {
		item(list, j, b, sizeof b);
		if (!strcmp(b, "max") || !strcmp(b, "benefit"))
			cost[j] = 0;
		else if (!strcmp(b, "min") || !strcmp(b, "cost"))
			cost[j] = 1;
		else
			return lc_error_set(err, LC_EUSAGE, NULL, 0, "types",
				"'%s' is not max or min", b);
	}
	return 0;
}

int lc_mcda_parse_numbers(const char *list, size_t n, double *v,
			  const char *field, struct lc_error *err)
{
	char b[64];
	size_t c = item(list, 0, b, sizeof b);

	if (c != n)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, field,
			"%zu values given for %zu criteria", c, n);
	for (size_t j = 0; j < n; j++) {
		item(list, j, b, sizeof b);
		if (lc_num_parse(b, &v[j]))
			return lc_error_set(err, LC_EUSAGE, NULL, 0, field,
				"'%s' is not a number", b);
	}
	return 0;
}
