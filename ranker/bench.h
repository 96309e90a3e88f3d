/* bench.h - ranker/ private: the pieces of benchmarking (bench_match.c)
 * that benchmark.c puts together: a name's words, an index of their
 * beginnings over both sides, and the score of a pair. */
#ifndef LC_RANKER_BENCH_H
#define LC_RANKER_BENCH_H

#include "ranker/ranker.h"

#define BM_WORDS 16

/* A text's words: lower case, stemmed, without the commonest function
 * words; at most BM_WORDS of at most 23 letters. */
struct bm_words {
	char w[BM_WORDS][24];
	size_t n;
};
/* One side of a pair as the score sees it. */
struct bm_side {
	const char *en;         /* English name, or NULL */
	struct bm_words name;   /* its words */
	struct bm_words scope;  /* the reference's scope's words (domestic:
				   none) */
	int category;           /* enum lc_category or -1 */
};

int bm_words(const char *s, struct bm_words *out);
/* 1 when two stems are the same word. */
int bm_word_match(const char *a, const char *b);

/* Word beginnings over both sides: how many dossiers have each (for the
 * weights) and which reference dossiers (for the candidates). */
struct bm_index;
struct bm_index *bm_index_new(void);    /* NULL when out of memory */
void bm_index_free(struct bm_index *x);
/* Counts a dossier's words; ref >= 0 also lists reference dossier ref
 * under them. 0 or LC_ENOMEM. */
int bm_index_add(struct bm_index *x, const struct bm_words *w, long ref);
/* The weight of word w: log(1 + (N + 1) / (df + 1)). */
double bm_idf(const struct bm_index *x, const char *w);
/* The reference dossiers listed under w's beginning (*refs belongs to
 * x), none when the beginning is too common to tell anything. */
size_t bm_candidates(const struct bm_index *x, const char *w,
		     const size_t **refs);
/* How alike d and r are, about 0 to 1.1: weighted words of the names
 * (the reference's scope counting for the domestic name's), trigrams of
 * the names, and 0.1 for the same category. */
double bm_score(const struct bm_index *x, const struct bm_side *d,
		const struct bm_side *r);

#endif
