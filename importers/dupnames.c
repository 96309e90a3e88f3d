/* dupnames.c - the first name that repeats an earlier one, among n names,
 * in time linear in their size and in passes over memory rather than
 * jumps: (32-bit hash, index) pairs radix-sorted in three passes of 11
 * bits, then each run of equal hashes compared by name (sorted, so that
 * names made to share a hash cost n log n, not n squared). A hash table
 * probed once a name took a cache miss a name; at millions of names it
 * grew faster than the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"
#include "importers/internal.h"

struct pair {
	uint32_t h, i;
};

static uint32_t hash_name(const char *s)
{
	uint64_t h = lc_hash_str(s);

	return (uint32_t)(h ^ (h >> 32));
}

/* For the sort of a run of equal hashes: by name, then by index. */
struct run_ctx {
	const char *names;
	const size_t *off;
};

static int cmp_pair(const void *a, const void *b, void *vc)
{
	const struct pair *x = a, *y = b;
	const struct run_ctx *c0 = vc;
	int c = strcmp(c0->names + c0->off[x->i], c0->names + c0->off[y->i]);

	return c ? c : (x->i > y->i) - (x->i < y->i);
}

int imp_first_duplicate(const char *names, const size_t *off, size_t n,
			size_t *dup)
{
	struct pair *a, *b, *t;
	size_t *count, best = SIZE_MAX;
	struct run_ctx ctx = { names, off };

	if (n > UINT32_MAX)
		return -1;
	a = malloc((n ? n : 1) * 2 * sizeof *a);
	count = malloc(2048 * sizeof *count);
	if (!a || !count) {
		free(a);
		free(count);
		return -1;
	}
	b = a + n;
	for (size_t i = 0; i < n; i++)
		a[i] = (struct pair){ hash_name(names + off[i]), (uint32_t)i };
	for (int shift = 0; shift < 32; shift += 11) {
		size_t sum = 0;

		memset(count, 0, 2048 * sizeof *count);
		for (size_t k = 0; k < n; k++)
			count[(a[k].h >> shift) & 2047]++;
		for (size_t d = 0; d < 2048; d++) {
			size_t c = count[d];

			count[d] = sum;
			sum += c;
		}
		for (size_t k = 0; k < n; k++)
			b[count[(a[k].h >> shift) & 2047]++] = a[k];
		t = a;
		a = b;
		b = t;
	}
	/* the earliest name that repeats one before it: in each run of
	 * equal names (sorted by index), the second */
	for (size_t k = 0; k < n;) {
		size_t e = k + 1;

		while (e < n && a[e].h == a[k].h)
			e++;
		if (e - k > 1) {
			qsort_r(a + k, e - k, sizeof *a, cmp_pair, &ctx);
			for (size_t q = k + 1; q < e; q++)
				if (a[q].i < best &&
				    !strcmp(names + off[a[q].i],
					    names + off[a[q - 1].i]))
					best = a[q].i;
		}
		k = e;
	}
	free(a < b ? a : b);
	free(count);
	if (best == SIZE_MAX)
		return 0;
	*dup = best;
	return 1;
}
