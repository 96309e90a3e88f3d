/* rec.c - struct lc_rec, a small ordered column map: the shape in which
 * the catalog stores every kind of record. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"

/* Invariants: names are unique; col[i] is one heap block owned here
 * holding the name, a NUL, the value and a NUL; val[i] points at the
 * value inside it; hash[i] is the hash of the name (lookups compare it
 * before the bytes); n <= cap. */
struct lc_rec {
	char **col;
	const char **val;
	uint32_t *hash;
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
	for (size_t i = 0; i < r->n; i++)
		free(r->col[i]);
	free(r->col);
	free(r->val);
	free(r->hash);
	free(r);
}

static uint32_t name_hash(const char *s, size_t *len)
{
	uint32_t h = 2166136261u;
	const char *p = s;

	for (; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	*len = (size_t)(p - s);
	return h;
}

static long find(const struct lc_rec *r, const char *name, uint32_t h)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->hash[i] == h && strcmp(r->col[i], name) == 0)
			return (long)i;
	return -1;
}

static int grow(struct lc_rec *r)
{
	size_t cap = r->cap ? 2 * r->cap : 48;
	char **c = realloc(r->col, cap * sizeof *c);
	const char **v;
	uint32_t *h;

	if (!c)
		return LC_ENOMEM;
	r->col = c;
	v = realloc(r->val, cap * sizeof *v);
	if (!v)
		return LC_ENOMEM;
	r->val = v;
	h = realloc(r->hash, cap * sizeof *h);
	if (!h)
		return LC_ENOMEM;
	r->hash = h;
	r->cap = cap;
	return 0;
}

int lc_rec_set(struct lc_rec *r, const char *name, const char *val)
{
	size_t nlen, vlen;
	uint32_t h = name_hash(name, &nlen);
	long i = find(r, name, h);
	char *c;

	if (!val) {
		if (i >= 0) {
			size_t k = (size_t)i, rest = r->n - k - 1;

			free(r->col[k]);
			memmove(r->col + k, r->col + k + 1,
				rest * sizeof *r->col);
			memmove(r->val + k, r->val + k + 1,
				rest * sizeof *r->val);
			memmove(r->hash + k, r->hash + k + 1,
				rest * sizeof *r->hash);
			r->n--;
		}
		return 0;
	}
	if (i < 0 && r->n == r->cap && grow(r) != 0)
		return LC_ENOMEM;
	vlen = strlen(val);
	c = malloc(nlen + vlen + 2);
	if (!c)
		return LC_ENOMEM;
	memcpy(c, name, nlen + 1);
	memcpy(c + nlen + 1, val, vlen + 1);
	if (i >= 0) {
		free(r->col[i]);
	} else {
		i = (long)r->n++;
		r->hash[i] = h;
	}
	r->col[i] = c;
	r->val[i] = c + nlen + 1;
	return 0;
}

const char *lc_rec_get(const struct lc_rec *r, const char *name)
{
	size_t len;
	long i = find(r, name, name_hash(name, &len));

	return i >= 0 ? r->val[i] : NULL;
}

size_t lc_rec_count(const struct lc_rec *r)
{
	return r->n;
}

void lc_rec_col(const struct lc_rec *r, size_t i, const char **name,
		const char **val)
{
	*name = i < r->n ? r->col[i] : NULL;
	*val = i < r->n ? r->val[i] : NULL;
}
