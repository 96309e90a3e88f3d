/* lineage.c - technologies across editions: every dossier's lineage (the
 * id of the same technology in an earlier edition) read from the catalog
 * into a graph whose roots are the technologies' stable keys. A key is
 * the id at the top of a dossier's lineage, so it survives every new
 * edition's new id; a dossier without lineage is its own key. */
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"

struct node {
	char *id, *edition, *lineage;   /* lineage NULL when none */
	long up;                         /* index of lineage, or -1 */
	const char *key;                 /* computed */
};

struct lc_lineage {
	struct node *v;     /* sorted by id */
	size_t n, cap;
	long *by_key;       /* node indexes sorted by key, then edition, id */
	int oom;
};

static int collect(const char *k, const struct lc_rec *r, void *ctx)
{
	struct lc_lineage *g = ctx;
	struct node *v = lc_grow(g->v, &g->cap, g->n, sizeof *g->v);
	const char *id = lc_rec_get(r, "id"), *ed = lc_rec_get(r, "edition");
	const char *lin = lc_rec_get(r, "lineage");

	(void)k;
	if (!v) {
		g->oom = 1;
		return 1;
	}
	g->v = v;
	v = &g->v[g->n];
	memset(v, 0, sizeof *v);
	v->id = strdup(id ? id : "");
	v->edition = strdup(ed ? ed : "");
	v->lineage = lin && *lin ? strdup(lin) : NULL;
	g->n++;
	if (!v->id || !v->edition || (lin && *lin && !v->lineage)) {
		g->oom = 1;
		return 1;
	}
	return 0;
}

static int cmp_node(const void *a, const void *b)
{
	return strcmp(((const struct node *)a)->id,
		      ((const struct node *)b)->id);
}

static const struct lc_lineage *sort_g;

static int cmp_key(const void *a, const void *b)
{
	const struct node *x = &sort_g->v[*(const long *)a];
	const struct node *y = &sort_g->v[*(const long *)b];
	int c = strcmp(x->key, y->key);

	if (!c)
		c = strcmp(x->edition, y->edition);
	return c ? c : strcmp(x->id, y->id);
}

void lc_lineage_free(struct lc_lineage *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->n; i++) {
		free(g->v[i].id);
		free(g->v[i].edition);
		free(g->v[i].lineage);
	}
	free(g->v);
	free(g->by_key);
	free(g);
}

/* The key of node i: up the lineage as far as it goes (to an id that is
 * not stored, when a lineage names one), each node's key kept. A lineage
 * always names an earlier edition, so there is no circle; a damaged one
 * is cut after n steps. */
static const char *key_of(struct lc_lineage *g, size_t i)
{
	size_t steps = 0;
	long j = (long)i;
	const char *key;

	while (!g->v[j].key && g->v[j].up >= 0 && steps++ < g->n)
		j = g->v[j].up;
	key = g->v[j].key ? g->v[j].key : g->v[j].lineage ?
		g->v[j].lineage : g->v[j].id;
	g->v[j].key = key;
	steps = 0;
	for (long k = (long)i; k != j && k >= 0 && steps++ < g->n;
	     k = g->v[k].up)
		g->v[k].key = key;
	return key;
}

int lc_lineage_load(struct lc_catalog *cat, struct lc_lineage **out,
		    struct lc_error *err)
{
	struct lc_lineage *g = calloc(1, sizeof *g);
	int rc;

	*out = NULL;
	if (!g)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	rc = lc_catalog_rec_each(cat, "tech", NULL, NULL, collect, g, err);
	if (rc == 0 && g->oom)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
	if (rc < 0) {
		lc_lineage_free(g);
		return rc;
	}
	qsort(g->v, g->n, sizeof *g->v, cmp_node);
	for (size_t i = 0; i < g->n; i++)
		g->v[i].up = g->v[i].lineage ?
			lc_find_id(g->v, g->n, sizeof *g->v,
				   g->v[i].lineage) : -1;
	g->by_key = malloc((g->n + 1) * sizeof *g->by_key);
	if (!g->by_key) {
		lc_lineage_free(g);
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	}
	for (size_t i = 0; i < g->n; i++) {
		key_of(g, i);
		g->by_key[i] = (long)i;
	}
	sort_g = g;
	qsort(g->by_key, g->n, sizeof *g->by_key, cmp_key);
	sort_g = NULL;
	*out = g;
	return 0;
}

const char *lc_lineage_key(const struct lc_lineage *g, const char *id)
{
	long i = id ? lc_find_id(g->v, g->n, sizeof *g->v, id) : -1;

	return i < 0 ? NULL : g->v[i].key;
}

size_t lc_lineage_members(const struct lc_lineage *g, const char *key,
			  const char **ids, size_t max)
{
	size_t lo = 0, hi = g->n, n = 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(g->v[g->by_key[mid]].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < g->n && !strcmp(g->v[g->by_key[lo]].key, key); lo++) {
		if (n < max)
			ids[n] = g->v[g->by_key[lo]].id;
		n++;
	}
	return n;
}
