/* rec.c - struct lc_rec, a small ordered column map: the shape in which
 * the catalog stores every kind of record. */
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"

/* Invariants: names are unique; name[i] and val[i] are heap strings owned
 * here; n <= cap. Lookups are linear: records have a few dozen columns. */
struct lc_rec {
	char **name;
	char **val;
	size_t n, cap;
};

struct lc_rec *lc_rec_new(void)
{
	return calloc(1, sizeof(struct lc_rec));
}

void lc_rec_free(struct lc_rec *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free(r->name[i]);
		free(r->val[i]);
	}
	free(r->name);
	free(r->val);
	free(r);
}

static long find(const struct lc_rec *r, const char *name)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->name[i], name) == 0)
			return (long)i;
	return -1;
}

int lc_rec_set(struct lc_rec *r, const char *name, const char *val)
{
	long i = find(r, name);
	char *v;

	if (!val) {
		if (i >= 0) {
			free(r->name[i]);
			free(r->val[i]);
			memmove(r->name + i, r->name + i + 1,
				(r->n - (size_t)i - 1) * sizeof *r->name);
			memmove(r->val + i, r->val + i + 1,
				(r->n - (size_t)i - 1) * sizeof *r->val);
			r->n--;
		}
		return 0;
	}
	v = strdup(val);
	if (!v)
		return LC_ENOMEM;
	if (i >= 0) {
		free(r->val[i]);
		r->val[i] = v;
		return 0;
	}
	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 16;
		char **a = realloc(r->name, cap * sizeof *a);

		if (!a)
			goto fail;
		r->name = a;
		a = realloc(r->val, cap * sizeof *a);
		if (!a)
			goto fail;
		r->val = a;
		r->cap = cap;
	}
	r->name[r->n] = strdup(name);
	if (!r->name[r->n])
		goto fail;
	r->val[r->n++] = v;
	return 0;
fail:
	free(v);
	return LC_ENOMEM;
}

const char *lc_rec_get(const struct lc_rec *r, const char *name)
{
	long i = find(r, name);

	return i >= 0 ? r->val[i] : NULL;
}

size_t lc_rec_count(const struct lc_rec *r)
{
	return r->n;
}

void lc_rec_col(const struct lc_rec *r, size_t i, const char **name,
		const char **val)
{
	*name = i < r->n ? r->name[i] : NULL;
	*val = i < r->n ? r->val[i] : NULL;
}
