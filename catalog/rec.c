/* rec.c - struct lc_rec, a small ordered column map: the shape in which
 * the catalog stores every kind of record. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"

/* Invariants: names are unique; col[i] points at the name, a NUL, the
 * value and a NUL, bytes held by one of the record's chunks; val[i]
 * points at the value there; hash[i] is the hash of the name (lookups
 * compare it before the bytes); n <= cap. Chunks are never moved or
 * freed before the record: a replaced or removed column's bytes stay
 * until lc_rec_free (records are short-lived), and every pointer handed
 * out stays valid as long as the record. One allocation for a record's
 * columns instead of one each: the catalog writes a record per dossier. */
struct chunk {
	struct chunk *next;
	size_t used, cap;
	char data[];
};

/* The first chunk is small (many records are a few short columns, and
 * some callers hold thousands), each next one twice the last, up to
 * CHUNK_MAX; a value larger than that gets a chunk of its own. */
#define CHUNK_FIRST 240
#define CHUNK_MAX 4000

struct lc_rec {
	char **col;
	const char **val;
	uint32_t *hash;
	size_t n, cap;
	struct chunk *chunks;     /* newest first */
};

struct lc_rec *lc_rec_new(void)
{
	return calloc(1, sizeof(struct lc_rec));
}

void lc_rec_free(struct lc_rec *r)
{
	if (!r)
		return;
	while (r->chunks) {
		struct chunk *next = r->chunks->next;

		free(r->chunks);
		r->chunks = next;
	}
	free(r->col);
	free(r->val);
	free(r->hash);
	free(r);
}

/* size bytes from the record's chunks, or NULL out of memory. */
static char *take(struct lc_rec *r, size_t size)
{
	struct chunk *c = r->chunks;

	if (!c || c->cap - c->used < size) {
		size_t cap = !c ? CHUNK_FIRST :
			c->cap >= CHUNK_MAX / 2 ? CHUNK_MAX : 2 * c->cap;

		if (size > cap)
			cap = size;

		if (cap > SIZE_MAX - sizeof *c)
			return NULL;
		c = malloc(sizeof *c + cap);
		if (!c)
			return NULL;
		c->used = 0;
		c->cap = cap;
		/* a large value gets a chunk of its own, kept behind the
		 * current one so that its free space is still used */
		if (size > CHUNK_MAX && r->chunks) {
			c->next = r->chunks->next;
			r->chunks->next = c;
		} else {
			c->next = r->chunks;
			r->chunks = c;
		}
	}
	c->used += size;
	return c->data + c->used - size;
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
	if (vlen > SIZE_MAX - nlen - 2)
		return LC_ENOMEM;
	c = take(r, nlen + vlen + 2);
	if (!c)
		return LC_ENOMEM;
	memcpy(c, name, nlen + 1);
	memcpy(c + nlen + 1, val, vlen + 1);
	if (i < 0) {
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
