/* bench_match.c - how alike a domestic dossier and a reference
 * technology are, for benchmarking: their English names as weighted
 * words (rare words weigh more: inverse document frequency over both
 * sides; a word matches another that starts the same way, "reduced" and
 * "reduction"), the reference's scope (a foreign guide's hierarchy,
 * "Iron and steel,Production,Direct reduced iron") counting for the
 * words it shares, the names' character trigrams, and the category.
 * Candidates come from an index of word beginnings, so each dossier is
 * compared with the few references that share a rare word with it. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"
#include "ranker/bench.h"

#define PREFIX 4          /* index key: a word's first letters */
#define MAX_POSTING 64    /* beginnings more common than this find none */

static const char *const stop[] = {
	"a", "an", "and", "as", "at", "by", "for", "from", "in", "into",
	"of", "on", "or", "the", "to", "via", "with", "using", "its", "based",
	NULL
};

/* The abbreviations of the industries' technologies, written out so that
 * "(DRI)" meets "direct reduction". */
static const char *const abbrev[][2] = {
	{ "dri", "direct reduced iron" }, { "bf", "blast furnace" },
	{ "eaf", "electric arc furnace" }, { "bof", "basic oxygen furnace" },
	{ "ccus", "carbon capture utilisation storage" },
	{ "ccs", "carbon capture storage" }, { "cog", "coke oven gas" },
	{ "hvc", "high value chemicals" }, { "fcc", "fluid catalytic "
	  "cracking" }, { "btx", "benzene toluene xylenes" },
	{ "scm", "supplementary cementitious materials" },
	/* the hydrogen and ammonia routes of the sector models (the
	 * Mission Possible Partnership's ammonia model writes "Natural Gas
	 * SMR", "dedicated VRES"); "green" hydrogen is the electrolytic
	 * hydrogen of renewable power, in the domestic dossiers' English */
	{ "smr", "steam methane reforming" },
	{ "atr", "autothermal reforming" },
	{ "vres", "variable renewable electricity" },
	{ "green", "renewable electrolytic" },
	{ NULL, NULL }
};

static void put_word(struct bm_words *out, char *w);

/* Adds w, or what the abbreviation w stands for. */
static void put_words(struct bm_words *out, char *w)
{
	for (int i = 0; abbrev[i][0]; i++) {
		const char *p = abbrev[i][1];
		char one[24];

		if (strcmp(w, abbrev[i][0]))
			continue;
		while (*p) {
			size_t k = strcspn(p, " ");

			snprintf(one, sizeof one, "%.*s", (int)k, p);
			put_word(out, one);
			p += k + (p[k] == ' ');
		}
		return;
	}
	put_word(out, w);
}

static int is_stop(const char *w)
{
	for (int i = 0; stop[i]; i++)
		if (!strcmp(w, stop[i]))
			return 1;
	return 0;
}

/* w's stem in place: lower case already; a plural and the commonest
 * endings dropped ("reductions" "reduct", "reduced" "reduc"). */
static void stem(char *w)
{
	static const char *const end[] = { "ations", "ation", "ions", "ion",
		"ing", "ers", "er", "ed", "ic", "al", "es", "s", NULL };
	size_t n = strlen(w);

	for (int i = 0; end[i]; i++) {
		size_t k = strlen(end[i]);

		if (n > k + 3 && !strcmp(w + n - k, end[i])) {
			w[n - k] = '\0';
			return;
		}
	}
}

static void put_word(struct bm_words *out, char *w)
{
	if (out->n >= BM_WORDS)
		return;
	stem(w);
	snprintf(out->w[out->n++], sizeof out->w[0], "%.23s", w);
}

int bm_words(const char *s, struct bm_words *out)
{
	char w[64];
	size_t n = 0;

	memset(out, 0, sizeof *out);
	for (const char *p = s ? s : ""; ; p++) {
		int alnum = (*p >= 'a' && *p <= 'z') || (*p >= 'A' &&
			     *p <= 'Z') || (*p >= '0' && *p <= '9');

		if (alnum && n + 1 < sizeof w) {
			w[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' +
					'a' : *p);
			continue;
		}
		if (alnum)
			continue;
		w[n] = '\0';
		/* numbers tell no technology ("100%", "1500") */
		if (n >= 2 && strspn(w, "0123456789") < n && !is_stop(w))
			put_words(out, w);
		n = 0;
		if (!*p)
			break;
	}
	return 0;
}

/* 1 when two stems are the same word: one starts the other (and is at
 * least 4 letters), or they share their first 7. */
int bm_word_match(const char *a, const char *b)
{
	size_t p = 0, la = strlen(a), lb = strlen(b);

	while (a[p] && a[p] == b[p])
		p++;
	if (p >= 7)
		return 1;
	return (p == la || p == lb) && (la < lb ? la : lb) >= 4;
}

/* ---- document frequencies of word beginnings -------------------------- */

static uint64_t hkey(const char *w)
{
	return lc_hash_bytes(w, strnlen(w, PREFIX)) | 1;
}

struct slot {
	uint64_t key;
	long df;           /* dossiers of either side with this beginning */
	size_t *refs;      /* reference dossiers with it */
	size_t nrefs, cap;
};

struct bm_index {
	struct slot *t;
	size_t cap, n;
	long ndocs;
};

static struct slot *find(struct bm_index *x, uint64_t key, int add)
{
	size_t m, i;

	if (add && (x->n + 1) * 2 > x->cap) {
		size_t ncap = x->cap ? 2 * x->cap : 256;
		struct slot *nt = calloc(ncap, sizeof *nt);

		if (!nt)
			return NULL;
		for (size_t j = 0; j < x->cap; j++) {
			if (!x->t[j].key)
				continue;
			i = x->t[j].key & (ncap - 1);
			while (nt[i].key)
				i = (i + 1) & (ncap - 1);
			nt[i] = x->t[j];
		}
		free(x->t);
		x->t = nt;
		x->cap = ncap;
	}
	if (!x->cap)
		return NULL;
	m = x->cap - 1;
	for (i = key & m; x->t[i].key; i = (i + 1) & m)
		if (x->t[i].key == key)
			return &x->t[i];
	if (!add)
		return NULL;
	x->t[i].key = key;
	x->n++;
	return &x->t[i];
}

struct bm_index *bm_index_new(void)
{
	return calloc(1, sizeof(struct bm_index));
}

void bm_index_free(struct bm_index *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->cap; i++)
		free(x->t[i].refs);
	free(x->t);
	free(x);
}

int bm_index_add(struct bm_index *x, const struct bm_words *w, long ref)
{
	x->ndocs++;
	for (size_t i = 0; i < w->n; i++) {
		struct slot *s;
		int seen = 0;

		for (size_t j = 0; j < i; j++)
			seen |= hkey(w->w[j]) == hkey(w->w[i]);
		if (seen)
			continue;
		s = find(x, hkey(w->w[i]), 1);
		if (!s)
			return LC_ENOMEM;
		s->df++;
		if (ref < 0)
			continue;
		if (s->nrefs == s->cap) {
			size_t cap = s->cap ? 2 * s->cap : 4;
			size_t *nr = realloc(s->refs, cap * sizeof *nr);

			if (!nr)
				return LC_ENOMEM;
			s->refs = nr;
			s->cap = cap;
		}
		if (!s->nrefs || s->refs[s->nrefs - 1] != (size_t)ref)
			s->refs[s->nrefs++] = (size_t)ref;
	}
	return 0;
}

double bm_idf(const struct bm_index *x, const char *w)
{
	struct slot *s = find((struct bm_index *)x, hkey(w), 0);
	long df = s ? s->df : 0;

	return log(1.0 + (double)(x->ndocs + 1) / (double)(df + 1));
}

size_t bm_candidates(const struct bm_index *x, const char *w,
		     const size_t **refs)
{
	struct slot *s = find((struct bm_index *)x, hkey(w), 0);

	if (!s || s->nrefs > MAX_POSTING)
		return 0;
	*refs = s->refs;
	return s->nrefs;
}

/* Weighted share of a's words found among b's (and c's, when not NULL). */
static double share(const struct bm_index *x, const struct bm_words *a,
		    const struct bm_words *b, const struct bm_words *c)
{
	double all = 0, hit = 0;

	for (size_t i = 0; i < a->n; i++) {
		double w = bm_idf(x, a->w[i]);
		int found = 0;

		for (size_t j = 0; !found && j < b->n; j++)
			found = bm_word_match(a->w[i], b->w[j]);
		for (size_t j = 0; c && !found && j < c->n; j++)
			found = bm_word_match(a->w[i], c->w[j]);
		all += w;
		hit += found ? w : 0;
	}
	return all > 0 ? hit / all : 0;
}

double bm_score(const struct bm_index *x, const struct bm_side *d,
		const struct bm_side *r)
{
	double words, tri;

	if (!d->name.n || !r->name.n)
		return 0;
	/* the domestic name's words found in the reference's name or
	 * scope, and the reference name's words found in the domestic
	 * name: both must tell the same technology */
	words = (share(x, &d->name, &r->name, &r->scope) +
		 share(x, &r->name, &d->name, NULL)) / 2;
	tri = lc_name_similarity(d->en, r->en);
	return 0.65 * words + 0.35 * tri + (d->category >= 0 &&
					    d->category == r->category ?
					    0.1 : 0);
}
