/* store_buf.c - the index entries of a database written without a log (a
 * bulk copy, a conversion), gathered and written to the tree in key order.
 *
 * In the order an import writes them (five places of the tree for each
 * dossier) every write would search the tree from its root; in key
 * order, consecutive keys fall in the leaf written last, which Tokyo
 * Cabinet finds without a search. Entries are grouped by what precedes
 * the record key ("i/sector/steel" NUL): some thirty groups for an
 * import, whose record keys mostly arrive in order already, so that a
 * group is sorted only when an entry came out of order, and the groups
 * by their prefix. A hash map and one sort of every entry, tried first,
 * cost more than the searches they saved. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/store_int.h"

/* The buffer is flushed when its text and items reach this size: some
 * 17,000 dossiers' entries. 8 MiB took no less time (user time of an
 * import of 100,000 and 300,000 dossiers the same within noise), but
 * filled only beyond 30,000 dossiers, so the heap grew from 32.9 MiB at
 * 30,000 to 44.0 at 300,000; with 4 MiB, 31.4 and 39.6. */
#define LC_ST_BUF_BYTES (4 << 20)

/* One write: the record key (suffix) in the arena, put or removal, and
 * its rank among the writes, so that the later of two writes of a key
 * is applied last. */
struct item {
	uint32_t off, len, seq;
	int put;
};

/* Invariant: items[0..n) are the writes of keys beginning with prefix
 * (arena text at poff, plen bytes, its NUL included); sorted is 1 while
 * they arrived in key order. */
struct group {
	uint32_t poff, plen;
	struct item *items;
	size_t n, cap;
	int sorted;
};

/* Invariant: groups[i] is found in byprefix under its prefix, value i;
 * every offset is into arena. */
struct lc_st_buf {
	TCXSTR *arena;
	TCMAP *byprefix;
	struct group *groups;
	size_t ngroups, cap;
	size_t bytes;      /* arena and items */
	uint32_t seq;
	TCXSTR *key;       /* scratch for a whole key */
};

static int oom(struct lc_store *st, struct lc_error *err)
{
	return lc_error_set(err, LC_ENOMEM, st->path, 0, NULL,
			    "out of memory");
}

int lc_st_buffer(struct lc_store *st, TCBDB *db, struct lc_error *err)
{
	struct lc_st_buf *b = calloc(1, sizeof *b);

	if (!b)
		return oom(st, err);
	b->arena = tcxstrnew3(1 << 20);
	b->byprefix = tcmapnew2(251);
	b->key = tcxstrnew();
	st->buf = b;
	st->bufdb = db;
	return 0;
}

static const char *text(const void *vb, uint32_t off)
{
	const struct lc_st_buf *b = vb;

	return lc_st_xs(b->arena) + off;
}

static int cmp_bytes(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	return c ? c : (an > bn) - (an < bn);
}

static int group_cmp(const void *va, const void *vb, void *vbuf)
{
	const struct group *a = va, *b = vb;

	return cmp_bytes(text(vbuf, a->poff), a->plen, text(vbuf, b->poff),
			 b->plen);
}

static int item_cmp(const void *va, const void *vb, void *vbuf)
{
	const struct item *a = va, *b = vb;
	int c = cmp_bytes(text(vbuf, a->off), a->len, text(vbuf, b->off),
			  b->len);

	return c ? c : (a->seq > b->seq) - (a->seq < b->seq);
}

static void clear(struct lc_st_buf *b)
{
	for (size_t i = 0; i < b->ngroups; i++)
		free(b->groups[i].items);
	b->ngroups = 0;
	b->bytes = 0;
	b->seq = 0;
	tcxstrclear(b->arena);
	tcmapclear(b->byprefix);
}

int lc_st_flush(struct lc_store *st, struct lc_error *err)
{
	struct lc_st_buf *b = st->buf;
	int rc = 0;

	if (!b || b->ngroups == 0)
		return 0;
	qsort_r(b->groups, b->ngroups, sizeof *b->groups, group_cmp, b);
	for (size_t g = 0; rc == 0 && g < b->ngroups; g++) {
		struct group *gr = &b->groups[g];

		if (!gr->sorted)
			qsort_r(gr->items, gr->n, sizeof *gr->items,
				item_cmp, b);
		for (size_t i = 0; rc == 0 && i < gr->n; i++) {
			const struct item *it = &gr->items[i];
			const char *k;
			int ksz;

			tcxstrclear(b->key);
			tcxstrcat(b->key, text(b, gr->poff), (int)gr->plen);
			tcxstrcat(b->key, text(b, it->off), (int)it->len);
			k = lc_st_xs(b->key);
			ksz = tcxstrsize(b->key);
			if (it->put ? !tcbdbput(st->bufdb, k, ksz, "", 0) :
			    !tcbdbout(st->bufdb, k, ksz) &&
			    tcbdbecode(st->bufdb) != TCENOREC)
				rc = lc_st_fail(st, st->bufdb, err,
						"unable to write the "
						"catalog: %s");
		}
	}
	clear(b);
	return rc;
}

int lc_st_unbuffer(struct lc_store *st, struct lc_error *err)
{
	struct lc_st_buf *b = st->buf;
	int rc = err ? lc_st_flush(st, err) : 0;

	if (b) {
		clear(b);
		free(b->groups);
		tcxstrdel(b->arena);
		tcmapdel(b->byprefix);
		tcxstrdel(b->key);
		free(b);
	}
	st->buf = NULL;
	st->bufdb = NULL;
	return rc;
}

/* The group of entries beginning with prefix (plen bytes), made when
 * new; NULL when out of memory. */
static struct group *group_of(struct lc_st_buf *b, const char *prefix,
			      int plen)
{
	int sz;
	const int *at = tcmapget(b->byprefix, prefix, plen, &sz);
	struct group *g;

	if (at)
		return &b->groups[*at];
	if (b->ngroups == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 64;
		struct group *m = realloc(b->groups, cap * sizeof *m);

		if (!m)
			return NULL;
		b->groups = m;
		b->cap = cap;
	}
	g = &b->groups[b->ngroups];
	memset(g, 0, sizeof *g);
	g->poff = (uint32_t)tcxstrsize(b->arena);
	g->plen = (uint32_t)plen;
	g->sorted = 1;
	tcxstrcat(b->arena, prefix, plen);
	sz = (int)b->ngroups++;
	tcmapput(b->byprefix, prefix, plen, &sz, sizeof sz);
	b->bytes += (size_t)plen + sizeof *g;
	return g;
}

int lc_st_buf_add(struct lc_store *st, const char *k, int ksz, int put,
		  struct lc_error *err)
{
	struct lc_st_buf *b = st->buf;
	const char *nul = memchr(k, '\0', (size_t)ksz);
	int plen = nul ? (int)(nul - k) + 1 : ksz;
	struct group *g = group_of(b, k, plen);
	struct item *it;

	if (!g)
		return oom(st, err);
	if (g->n == g->cap) {
		size_t cap = g->cap ? 2 * g->cap : 64;
		struct item *m = realloc(g->items, cap * sizeof *m);

		if (!m)
			return oom(st, err);
		g->items = m;
		g->cap = cap;
	}
	it = &g->items[g->n];
	it->off = (uint32_t)tcxstrsize(b->arena);
	it->len = (uint32_t)(ksz - plen);
	it->seq = b->seq++;
	it->put = put;
	tcxstrcat(b->arena, k + plen, ksz - plen);
	if (g->n > 0 && g->sorted) {
		const struct item *last = &g->items[g->n - 1];

		g->sorted = cmp_bytes(text(b, last->off), last->len,
				      text(b, it->off), it->len) < 0;
	}
	g->n++;
	b->bytes += (size_t)(ksz - plen) + sizeof *it;
	return b->bytes >= LC_ST_BUF_BYTES ? lc_st_flush(st, err) : 0;
}
