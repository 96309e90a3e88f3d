/* strmap.c - small containers every module uses: a string -> long hash
 * map, array growth, and binary search by id in arrays of id-led records. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"

struct slot {
	char *key;     /* NULL: empty */
	long val;
};

/* Open addressing, linear probing, at most half full. */
struct lc_strmap {
	struct slot *s;
	size_t cap, count;
};

uint64_t lc_hash_bytes(const void *p, size_t n)
{
	const unsigned char *b = p;
	uint64_t h = 14695981039346656037ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ULL;
	return h;
}

uint64_t lc_hash_str(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (const unsigned char *b = (const unsigned char *)s; *b; b++)
		h = (h ^ *b) * 1099511628211ULL;
	return h;
}

struct lc_strmap *lc_strmap_new(void)
{
	struct lc_strmap *m = calloc(1, sizeof *m);

	if (!m)
		return NULL;
	m->cap = 64;
	m->s = calloc(m->cap, sizeof *m->s);
	if (!m->s) {
		free(m);
		return NULL;
	}
	return m;
}

void lc_strmap_free(struct lc_strmap *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->cap; i++)
		free(m->s[i].key);
	free(m->s);
	free(m);
}

static struct slot *find(const struct lc_strmap *m, const char *key)
{
	size_t i = (size_t)(lc_hash_str(key) & (m->cap - 1));

	while (m->s[i].key && strcmp(m->s[i].key, key) != 0)
		i = (i + 1) & (m->cap - 1);
	return &m->s[i];
}

static int grow(struct lc_strmap *m)
{
	struct lc_strmap n = { calloc(m->cap * 2, sizeof(struct slot)),
				m->cap * 2, m->count };

	if (!n.s)
		return LC_ENOMEM;
	for (size_t i = 0; i < m->cap; i++)
		if (m->s[i].key)
			*find(&n, m->s[i].key) = m->s[i];
	free(m->s);
	*m = n;
	return 0;
}

int lc_strmap_put(struct lc_strmap *m, const char *key, long val)
{
	struct slot *s;

	if ((m->count + 1) * 2 > m->cap && grow(m) < 0)
		return LC_ENOMEM;
	s = find(m, key);
	if (!s->key) {
		s->key = strdup(key);
		if (!s->key)
			return LC_ENOMEM;
		m->count++;
	}
	s->val = val;
	return 0;
}

long lc_strmap_get(const struct lc_strmap *m, const char *key, long dflt)
{
	const struct slot *s = find(m, key);

	return s->key ? s->val : dflt;
}

size_t lc_strmap_count(const struct lc_strmap *m)
{
	return m->count;
}

void *lc_grow(void *v, size_t *cap, size_t n, size_t size)
{
	size_t ncap;

	if (n < *cap)
		return v;
	ncap = *cap ? *cap * 2 : 32;
	v = realloc(v, ncap * size);
	if (v)
		*cap = ncap;
	return v;
}

long lc_find_id(const void *base, size_t n, size_t size, const char *id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *k = *(char *const *)(const void *)
			((const char *)base + mid * size);
		int c = strcmp(k, id);

		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}
