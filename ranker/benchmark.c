/* benchmark.c - an edition's dossiers against an international
 * reference catalog (the IEA guide imported with its mapping profile):
 * each domestic dossier paired with the closest reference technology of
 * its sector (bench_match.c), or as a pairs file says; per sector, where
 * domestic maturity leads or lags and which reference technologies have
 * no domestic counterpart. */
#include <stdlib.h>
#include <string.h>
#include "ranker/bench.h"

/* Below this score no pair is made on its own. */
#define THRESHOLD 0.4

struct side_set {
	struct lc_tech **t;
	struct bm_side *s;
	size_t n, cap;
	int oom;
};

static int collect(const struct lc_tech *t, void *ctx)
{
	struct side_set *x = ctx;
	struct lc_tech **nt = lc_grow(x->t, &x->cap, x->n, sizeof *x->t);

	if (!nt) {
		x->oom = 1;
		return 1;
	}
	x->t = nt;
	x->t[x->n] = lc_tech_dup(t);
	if (!x->t[x->n]) {
		x->oom = 1;
		return 1;
	}
	x->n++;
	return 0;
}

static void set_free(struct side_set *x)
{
	for (size_t i = 0; i < x->n; i++)
		lc_tech_free(x->t[i]);
	free(x->t);
	free(x->s);
}

static int load(struct lc_catalog *cat, const char *edition, int ref,
		struct side_set *x, struct lc_error *err)
{
	struct lc_filter f;
	int rc;

	lc_filter_init(&f);
	f.edition = edition;
	rc = lc_catalog_each_tech(cat, &f, collect, x, err);
	if (rc == 0 && x->oom)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
	if (rc)
		return rc < 0 ? rc : LC_ENOMEM;
	x->s = calloc(x->n + 1, sizeof *x->s);
	if (!x->s)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	for (size_t i = 0; i < x->n; i++) {
		struct bm_side *s = &x->s[i];

		s->en = lc_tech_get(x->t[i], LC_F_NAME_EN);
		s->category = lc_tech_category(x->t[i]);
		bm_words(s->en, &s->name);
		if (ref)
			bm_words(lc_tech_get(x->t[i], LC_F_SCOPE), &s->scope);
	}
	return 0;
}

/* The reference edition: the one asked for, else the latest not after
 * the domestic edition, else the latest. */
struct pick {
	const char *limit;
	char best[8], any[8];
};

static int pick_fn(const char *key, const struct lc_rec *r, void *ctx)
{
	struct pick *p = ctx;
	const char *e = lc_rec_get(r, "edition");

	(void)key;
	if (!e || strlen(e) >= sizeof p->best)
		return 0;
	if (strcmp(e, p->any) > 0)
		snprintf(p->any, sizeof p->any, "%s", e);
	if (strcmp(e, p->limit) <= 0 && strcmp(e, p->best) > 0)
		snprintf(p->best, sizeof p->best, "%s", e);
	return 0;
}

/* 1 when a dossier of sector a may pair with a reference one of b: the
 * same sector, or petrochemicals and chemicals (one industry in China's
 * statistics, split otherwise by sources). */
static int compatible(int a, int b)
{
	if (a == b)
		return a >= 0;
	return (a == LC_SECTOR_PETROCHEMICAL || a == LC_SECTOR_CHEMICAL) &&
	       (b == LC_SECTOR_PETROCHEMICAL || b == LC_SECTOR_CHEMICAL);
}

/* Index of id among x's dossiers (in id order, as the catalog lists
 * them), or -1. */
static long find_tech(const struct side_set *x, const char *id)
{
	size_t lo = 0, hi = x->n;

	while (id && lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(lc_tech_get(x->t[mid], LC_F_ID), id);

		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The hand-made pairs: pair[i] is domestic i's reference (>= 0), -2
 * when the file forbids one, -1 when it says nothing. Problems reported;
 * returns their count. */
static long manual(const struct lc_bench_opts *o, const struct side_set *d,
		   const struct side_set *r, long *pair)
{
	long bad = 0;

	for (size_t k = 0; k < o->npairs; k++) {
		long i = find_tech(d, o->pair_id[k]), j = -2;
		struct lc_error e;

		if (i < 0) {
			lc_error_set(&e, LC_EDATA, o->pairs_file,
				     o->pair_line ? o->pair_line[k] : 0, "id",
				     "no dossier '%s' in edition %s",
				     o->pair_id[k], o->edition);
			bad++;
		} else if (o->pair_ref[k] && *o->pair_ref[k] &&
			   (j = find_tech(r, o->pair_ref[k])) < 0) {
			lc_error_set(&e, LC_EDATA, o->pairs_file,
				     o->pair_line ? o->pair_line[k] : 0,
				     "ref_id", "no technology '%s' in the "
				     "reference edition", o->pair_ref[k]);
			bad++;
		} else if (pair[i] != -1) {
			lc_error_set(&e, LC_EDATA, o->pairs_file,
				     o->pair_line ? o->pair_line[k] : 0, "id",
				     "'%s' is paired twice", o->pair_id[k]);
			bad++;
		} else {
			pair[i] = j;
			continue;
		}
		if (o->problem)
			o->problem(&e, o->pctx);
	}
	return bad;
}

/* The best reference for domestic i among the candidates its words
 * find; -1 when none reaches the threshold. */
static long best_ref(const struct bm_index *x, const struct side_set *d,
		     size_t i, const struct side_set *r, unsigned *stamp,
		     unsigned mark, double threshold, double *score)
{
	const struct bm_side *s = &d->s[i];
	int sec = lc_tech_sector(d->t[i]);
	long best = -1;

	*score = 0;
	for (size_t w = 0; w < s->name.n; w++) {
		const size_t *c;
		size_t n = bm_candidates(x, s->name.w[w], &c);

		for (size_t k = 0; k < n; k++) {
			double v;

			if (stamp[c[k]] == mark ||
			    !compatible(sec, lc_tech_sector(r->t[c[k]])))
				continue;
			stamp[c[k]] = mark;
			v = bm_score(x, s, &r->s[c[k]]);
			if (v > *score || (v == *score && best >= 0 &&
					   c[k] < (size_t)best)) {
				*score = v;
				best = (long)c[k];
			}
		}
	}
	return *score >= threshold ? best : -1;
}

static int add_row(struct lc_bench *b, size_t *cap, int sector,
		   const struct lc_tech *dom, const struct lc_tech *ref,
		   int match, double score)
{
	struct lc_bench_row *v = lc_grow(b->v, cap, b->n, sizeof *b->v);

	if (!v)
		return LC_ENOMEM;
	b->v = v;
	v = &b->v[b->n];
	memset(v, 0, sizeof *v);
	v->sector = sector;
	v->match = match;
	v->score = score;
	v->dom = dom ? lc_tech_dup(dom) : NULL;
	v->ref = ref ? lc_tech_dup(ref) : NULL;
	b->n++;
	if ((dom && !v->dom) || (ref && !v->ref))
		return LC_ENOMEM;
	if (dom && ref) {
		v->has_gap = lc_tech_trl(dom) > 0 && lc_tech_trl(ref) > 0;
		v->gap = lc_tech_trl(dom) - lc_tech_trl(ref);
	}
	return 0;
}

/* The rows, sector by sector: the domestic dossiers (id order), then the
 * reference technologies nothing domestic pairs with. */
static int rows(struct lc_bench *b, const struct side_set *d,
		const struct side_set *r, const long *pair,
		const int *match, const double *score)
{
	char *used = calloc(r->n + 1, 1);
	size_t cap = 0;
	int rc = used ? 0 : LC_ENOMEM;

	for (size_t i = 0; used && i < d->n; i++)
		if (pair[i] >= 0)
			used[pair[i]] = 1;
	for (int s = 0; rc == 0 && s < LC_SECTOR__COUNT; s++) {
		struct lc_bench_sector *t = &b->s[s];

		for (size_t i = 0; rc == 0 && i < d->n; i++) {
			if (lc_tech_sector(d->t[i]) != s)
				continue;
			rc = add_row(b, &cap, s, d->t[i], pair[i] >= 0 ?
				     r->t[pair[i]] : NULL, match[i],
				     score[i]);
			if (rc)
				break;
			t->domestic++;
			if (pair[i] < 0)
				t->unpaired++;
			else if (b->v[b->n - 1].has_gap)
				t->leads += b->v[b->n - 1].gap > 0,
				t->lags += b->v[b->n - 1].gap < 0,
				t->level += b->v[b->n - 1].gap == 0;
		}
		for (size_t j = 0; rc == 0 && j < r->n; j++) {
			if (lc_tech_sector(r->t[j]) != s)
				continue;
			t->reference++;
			if (used[j])
				continue;
			rc = add_row(b, &cap, s, NULL, r->t[j], LC_MATCH_NONE,
				     0);
			t->gaps++;
		}
	}
	free(used);
	return rc;
}

void lc_bench_free(struct lc_bench *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n; i++) {
		lc_tech_free(b->v[i].dom);
		lc_tech_free(b->v[i].ref);
	}
	free(b->v);
	free(b);
}

int lc_bench_run(struct lc_catalog *dom, struct lc_catalog *ref,
		 const struct lc_bench_opts *o, struct lc_bench **out,
		 struct lc_error *err)
{
	struct side_set d = { 0 }, r = { 0 };
	struct pick p;
	struct bm_index *x = NULL;
	struct lc_bench *b = NULL;
	long *pair = NULL;
	int *match = NULL;
	double *score = NULL;
	unsigned *stamp = NULL;
	int rc;

	*out = NULL;
	memset(&p, 0, sizeof p);
	p.limit = o->edition;
	rc = load(dom, o->edition, 0, &d, err);
	if (rc == 0 && d.n == 0)
		rc = lc_error_set(err, LC_ENOTFOUND, NULL, 0, "edition",
				  "no dossier in edition %s", o->edition);
	if (rc == 0 && !o->ref_edition)
		rc = lc_catalog_rec_each(ref, "tech", NULL, NULL, pick_fn, &p,
					 err);
	if (rc == 0) {
		b = calloc(1, sizeof *b);
		if (!b)
			rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
					  "out of memory");
	}
	if (rc == 0)
		snprintf(b->ref_edition, sizeof b->ref_edition, "%s",
			 o->ref_edition ? o->ref_edition : p.best[0] ?
			 p.best : p.any);
	if (rc == 0)
		rc = load(ref, b->ref_edition, 1, &r, err);
	if (rc == 0 && r.n == 0 && b->ref_edition[0])
		rc = lc_error_set(err, LC_ENOTFOUND, NULL, 0, "reference",
				  "the reference catalog holds no "
				  "technology in edition %s", b->ref_edition);
	else if (rc == 0 && r.n == 0)
		rc = lc_error_set(err, LC_ENOTFOUND, NULL, 0, "reference",
				  "the reference catalog holds no "
				  "technology");
	if (rc)
		goto out;
	x = bm_index_new();
	pair = malloc((d.n + 1) * sizeof *pair);
	match = calloc(d.n + 1, sizeof *match);
	score = calloc(d.n + 1, sizeof *score);
	stamp = calloc(r.n + 1, sizeof *stamp);
	if (!x || !pair || !match || !score || !stamp) {
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
		goto out;
	}
	for (size_t i = 0; rc == 0 && i < d.n; i++)
		rc = bm_index_add(x, &d.s[i].name, -1);
	for (size_t j = 0; rc == 0 && j < r.n; j++) {
		rc = bm_index_add(x, &r.s[j].name, (long)j);
		if (rc == 0)
			rc = bm_index_add(x, &r.s[j].scope, (long)j);
	}
	if (rc) {
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
		goto out;
	}
	for (size_t i = 0; i < d.n; i++)
		pair[i] = -1;
	if (manual(o, &d, &r, pair)) {
		rc = lc_error_set(err, LC_EDATA, o->pairs_file, 0, NULL,
				  "the pairs file names what is not there");
		goto out;
	}
	for (size_t i = 0; i < d.n; i++) {
		if (pair[i] != -1) {
			match[i] = pair[i] >= 0 ? LC_MATCH_MANUAL :
				LC_MATCH_NONE;
			continue;
		}
		pair[i] = best_ref(x, &d, i, &r, stamp, (unsigned)i + 1,
				   o->threshold > 0 ? o->threshold :
				   THRESHOLD, &score[i]);
		match[i] = pair[i] >= 0 ? LC_MATCH_AUTO : LC_MATCH_NONE;
	}
	rc = rows(b, &d, &r, pair, match, score);
	if (rc)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
out:
	bm_index_free(x);
	free(pair);
	free(match);
	free(score);
	free(stamp);
	set_free(&d);
	set_free(&r);
	if (rc) {
		lc_bench_free(b);
		return rc;
	}
	*out = b;
	return 0;
}
