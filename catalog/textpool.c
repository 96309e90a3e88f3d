/* textpool.c - strings kept for the length of a command, without an
 * allocation each: copied into blocks of 64 KiB that never move and are
 * freed at once; a string met many times (an expert, a criterion, a
 * file) can be kept once, through a map of those kept so. A million
 * score rows held six allocations each (some 200 bytes of overhead a
 * row) before. */
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"

#define BLOCK 65536

struct block {
	struct block *next;
	size_t used, cap;
	char text[];
};

struct lc_textpool {
	struct block *head;
	struct lc_strmap *once;   /* string -> index in kept + 1 */
	const char **kept;        /* the strings kept once, in the blocks */
	size_t nkept, capkept;
};

struct lc_textpool *lc_textpool_new(void)
{
	return calloc(1, sizeof(struct lc_textpool));
}

void lc_textpool_free(struct lc_textpool *p)
{
	if (!p)
		return;
	while (p->head) {
		struct block *b = p->head;

		p->head = b->next;
		free(b);
	}
	lc_strmap_free(p->once);
	free(p->kept);
	free(p);
}

const char *lc_textpool_add(struct lc_textpool *p, const char *s)
{
	return lc_textpool_addn(p, s, strlen(s));
}

const char *lc_textpool_addn(struct lc_textpool *p, const char *s, size_t len)
{
	size_t n = len + 1;
	struct block *b = p->head;
	char *d;

	if (!b || b->cap - b->used < n) {
		size_t cap = n > BLOCK ? n : BLOCK;

		b = malloc(sizeof *b + cap);
		if (!b)
			return NULL;
		b->next = p->head;
		b->used = 0;
		b->cap = cap;
		p->head = b;
	}
	d = b->text + b->used;
	memcpy(d, s, len);
	d[len] = '\0';
	b->used += n;
	return d;
}

const char *lc_textpool_once(struct lc_textpool *p, const char *s)
{
	const char *d, **nk;
	long k;

	if (!p->once && !(p->once = lc_strmap_new()))
		return NULL;
	k = lc_strmap_get(p->once, s, 0);
	if (k)
		return p->kept[k - 1];
	nk = lc_grow(p->kept, &p->capkept, p->nkept, sizeof *nk);
	if (!nk)
		return NULL;
	p->kept = nk;
	d = lc_textpool_add(p, s);
	if (!d || lc_strmap_put(p->once, s, (long)p->nkept + 1) < 0)
		return NULL;
	p->kept[p->nkept++] = d;
	return d;
}
