/* store_query.c - answering queries over the catalog's B+ tree: through
 * one index (an equality, or a range of numbers), through the key range
 * of one kind, or by reading every record; the plan in words for
 * `list --explain`. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/store_int.h"

static int oom(struct lc_store *st, struct lc_error *err)
{
	return lc_error_set(err, LC_ENOMEM, st->path, 0, NULL,
			    "out of memory");
}

/* How a query is answered: through one index (an equality or a numeric
 * range), one kind's key range, or every record. */
struct plan {
	enum { P_SCAN, P_KIND, P_EQ, P_RANGE } how;
	size_t ci;          /* the condition answered by the index/range */
	size_t ix;          /* the index */
	TCXSTR *from;       /* first key to read */
	int plen;           /* keys read start with from's first plen bytes */
	char hi[17];        /* P_RANGE: the last number's key */
};

/* lo, hi of a numeric condition; 0 when its value is not numeric. */
static int bounds(const struct lc_store_cond *c, double *lo, double *hi)
{
	char a[64], b[64];

	switch (c->op) {
	case LC_Q_NUMGE:
		*hi = INFINITY;
		return lc_st_num_of(c->val, lo);
	case LC_Q_NUMLE:
		*lo = -INFINITY;
		return lc_st_num_of(c->val, hi);
	case LC_Q_NUMBT:
		if (sscanf(c->val, "%63s %63s", a, b) != 2 || !lc_st_num_of(a, lo) ||
		    !lc_st_num_of(b, hi))
			return 0;
		if (*lo > *hi) {
			double t = *lo;

			*lo = *hi;
			*hi = t;
		}
		return 1;
	case LC_Q_STREQ:
		break;
	}
	return 0;
}

static int cond_match(const struct lc_store_cond *c, const char *v)
{
	double x, lo, hi;

	if (!v)
		return 0;
	if (c->op == LC_Q_STREQ)
		return strcmp(v, c->val) == 0;
	return lc_st_num_of(v, &x) && bounds(c, &lo, &hi) && x >= lo && x <= hi;
}

static int all_match(const struct lc_store_query *q, const struct lc_rec *r)
{
	for (size_t i = 0; i < q->ncond; i++)
		if (!cond_match(&q->cond[i], lc_rec_get(r, q->cond[i].col)))
			return 0;
	return 1;
}

static void choose(const struct lc_store_query *q, struct plan *p)
{
	char hex[17];
	double lo, hi;

	p->how = P_SCAN;
	p->from = tcxstrnew();
	for (size_t i = 0; i < q->ncond && p->how == P_SCAN; i++) {
		const struct lc_store_cond *c = &q->cond[i];
		int ix = lc_st_ix_of(c->col);

		if (ix < 0 || (c->op == LC_Q_STREQ) == lc_st_ix_numeric((size_t)ix) ||
		    (lc_st_ix_numeric((size_t)ix) && !bounds(c, &lo, &hi)))
			continue;
		p->ci = i;
		p->ix = (size_t)ix;
		tcxstrprintf(p->from, "i/%s/", c->col);
		if (lc_st_ix_numeric((size_t)ix)) {
			p->how = P_RANGE;
			p->plen = tcxstrsize(p->from);
			lc_st_num_key(lo, hex);
			tcxstrcat2(p->from, hex);
			lc_st_num_key(hi, p->hi);
		} else {
			p->how = P_EQ;
			tcxstrcat2(p->from, c->val);
			tcxstrcat(p->from, "", 1);
			p->plen = tcxstrsize(p->from);
		}
	}
	for (size_t i = 0; i < q->ncond && p->how == P_SCAN; i++)
		if (strcmp(q->cond[i].col, "kind") == 0 &&
		    q->cond[i].op == LC_Q_STREQ) {
			p->how = P_KIND;
			p->ci = i;
			tcxstrprintf(p->from, "r/%s:", q->cond[i].val);
		}
	if (p->how == P_SCAN)
		tcxstrcat2(p->from, "r/");
	if (p->how == P_SCAN || p->how == P_KIND)
		p->plen = tcxstrsize(p->from);
}

/* One result to sort: its key and the order column's value. */
struct cand {
	char *key;
	char *val;     /* NULL: the record has no such column (sorts last) */
	double num;
	int has_num;
};

/* The walk over the plan's keys: calls fn for each record that meets
 * every condition, or, with cands, collects them to sort. */
struct walk {
	struct lc_store *st;
	TCBDB *db;
	const struct lc_store_query *q;
	struct plan *p;
	int (*fn)(const char *key, const struct lc_rec *r, void *ctx);
	void *ctx;
	struct lc_error *err;
	struct cand *cands;   /* NULL: call fn in key order */
	size_t n, cap;
};

static int collect(struct walk *w, const char *key, const struct lc_rec *r)
{
	const char *v = w->q->order && *w->q->order ?
		lc_rec_get(r, w->q->order) : NULL;
	struct cand *c;

	if (w->n == w->cap) {
		size_t cap = w->cap ? 2 * w->cap : 256;
		struct cand *m = realloc(w->cands, cap * sizeof *m);

		if (!m)
			return oom(w->st, w->err);
		w->cands = m;
		w->cap = cap;
	}
	c = &w->cands[w->n];
	c->key = strdup(key);
	c->val = v ? strdup(v) : NULL;
	c->has_num = lc_st_num_of(v, &c->num);
	if (!c->key || (v && !c->val)) {
		free(c->key);
		free(c->val);
		return oom(w->st, w->err);
	}
	w->n++;
	return 0;
}

/* The record for key (raw bytes buf, n) through the conditions, then to
 * fn or the candidates. */
static int visit(struct walk *w, const char *key, const char *buf, int n)
{
	struct lc_rec *r;
	int bad, rc = 0;

	r = lc_st_decode(buf, n, &bad);
	if (!r)
		return bad ? lc_error_set(w->err, LC_EIO, w->st->path, 0, NULL,
					  "record '%s' is damaged", key) :
			oom(w->st, w->err);
	if (all_match(w->q, r))
		rc = w->cands ? collect(w, key, r) : w->fn(key, r, w->ctx);
	lc_rec_free(r);
	return rc;
}

/* Reads the plan's keys in order. A callback that writes moves the tree
 * under the cursor: the walk then jumps past the last key it read. */
static int walk(struct walk *w)
{
	struct plan *p = w->p;
	BDBCUR *cur = tcbdbcurnew(w->db);
	TCXSTR *last = tcxstrnew(), *rk = tcxstrnew();
	int rc = 0;

	tcbdbcurjump(cur, lc_st_xs(p->from), tcxstrsize(p->from));
	while (rc == 0) {
		int ksz, n;
		const char *k = tcbdbcurkey3(cur, &ksz), *key, *buf;
		unsigned long gen = w->st->gen;

		if (!k || ksz < p->plen || memcmp(k, lc_st_xs(p->from),
						  (size_t)p->plen) != 0)
			break;
		if (p->how == P_RANGE && (ksz < p->plen + 17 ||
			memcmp(k + p->plen, p->hi, 16) > 0))
			break;
		tcxstrclear(last);
		tcxstrcat(last, k, ksz);
		if (p->how == P_EQ || p->how == P_RANGE) {
			key = lc_st_xs(last) + strlen(lc_st_xs(last)) + 1;
			lc_st_rec_key(rk, key);
			buf = tcbdbget3(w->db, lc_st_xs(rk), tcxstrsize(rk),
					&n);
		} else {
			key = lc_st_xs(last) + 2;
			buf = tcbdbcurval3(cur, &n);
		}
		if (buf)
			rc = visit(w, key, buf, n);
		if (w->st->gen != gen) {
			tcxstrcat(last, "", 1);
			tcbdbcurjump(cur, lc_st_xs(last), tcxstrsize(last));
		} else {
			tcbdbcurnext(cur);
		}
	}
	tcbdbcurdel(cur);
	tcxstrdel(last);
	tcxstrdel(rk);
	return rc;
}

/* By the order column (numeric or text, descending if asked; records
 * without it last), ties by key. */
static int cand_cmp(const void *va, const void *vb, void *vq)
{
	const struct lc_store_query *sort_q = vq;
	const struct cand *a = va, *b = vb;
	int c = 0;

	if (!a->val || !b->val)
		c = !a->val - !b->val;
	else if (sort_q->numeric)
		c = (a->num > b->num) - (a->num < b->num);
	else
		c = strcmp(a->val, b->val);
	if (c && a->val && b->val && sort_q->desc)
		c = -c;
	return c ? c : strcmp(a->key, b->key);
}

int lc_store_query(struct lc_store *st, const struct lc_store_query *q,
		   int (*fn)(const char *key, const struct lc_rec *r,
			     void *ctx),
		   void *ctx, struct lc_error *err)
{
	struct plan p;
	struct walk w = { st, NULL, q, &p, fn, ctx, err, NULL, 0, 0 };
	int sorted = q->order && *q->order, rc;

	if (lc_st_db(st, &w.db, err) < 0 || lc_st_flush(st, err) < 0)
		return LC_EIO;
	choose(q, &p);
	/* Index entries of a range come by number, not by key. */
	if (sorted || p.how == P_RANGE) {
		w.cands = malloc(sizeof *w.cands);
		w.cap = 1;
		if (!w.cands) {
			tcxstrdel(p.from);
			return oom(st, err);
		}
	}
	rc = walk(&w);
	tcxstrdel(p.from);
	if (w.cands) {
		if (rc == 0)
			qsort_r(w.cands, w.n, sizeof *w.cands, cand_cmp,
				(void *)q);
		for (size_t i = 0; i < w.n; i++) {
			struct lc_rec *r = NULL;

			if (rc == 0) {
				rc = lc_store_get(st, w.cands[i].key, &r, err);
				if (rc == LC_ENOTFOUND)   /* fn deleted it */
					rc = 0;
				else if (rc == 0)
					rc = fn(w.cands[i].key, r, ctx);
				lc_rec_free(r);
			}
			free(w.cands[i].key);
			free(w.cands[i].val);
		}
		free(w.cands);
	}
	return rc;
}

int lc_store_scan(struct lc_store *st,
		  int (*fn)(const char *key, const struct lc_rec *r,
			    void *ctx),
		  void *ctx, struct lc_error *err)
{
	struct lc_store_query q = { NULL, 0, NULL, 0, 0 };

	return lc_store_query(st, &q, fn, ctx, err);
}

static const char *const op_name[] = { "STREQ", "NUMGE", "NUMLE", "NUMBT" };

int lc_store_hint(struct lc_store *st, const struct lc_store_query *q,
		  char *buf, size_t n, struct lc_error *err)
{
	TCXSTR *h = tcxstrnew();
	struct plan p;
	int others = 0;

	(void)st;
	(void)err;
	choose(q, &p);
	if (p.how == P_EQ || p.how == P_RANGE)
		tcxstrprintf(h, "using an index: \"%s\" asc (%s)\n"
			     "reading the index entries of %s %s %s\n",
			     q->cond[p.ci].col, op_name[q->cond[p.ci].op],
			     q->cond[p.ci].col, p.how == P_EQ ? "=" : "in",
			     q->cond[p.ci].val);
	else if (p.how == P_KIND)
		tcxstrprintf(h, "using the key range of kind \"%s\" "
			     "(no index)\n", q->cond[p.ci].val);
	else
		tcxstrprintf(h, "scanning every record\n");
	for (size_t i = 0; i < q->ncond; i++) {
		if (p.how != P_SCAN && i == p.ci)
			continue;
		tcxstrprintf(h, "%s %s %s %s", others++ ? "," :
			     "then checking on each record:",
			     q->cond[i].col, op_name[q->cond[i].op],
			     q->cond[i].val);
	}
	if (others)
		tcxstrcat2(h, "\n");
	if (q->order && *q->order)
		tcxstrprintf(h, "sorting the result set: \"%s\" %s %s, "
			     "ties by key\n", q->order,
			     q->numeric ? "numeric" : "text",
			     q->desc ? "descending" : "ascending");
	else
		tcxstrcat2(h, "in key order\n");
	snprintf(buf, n, "%s", lc_st_xs(h));
	tcxstrdel(h);
	tcxstrdel(p.from);
	return 0;
}
