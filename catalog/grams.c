/* grams.c - how alike two names are, in any script: UTF-8 character
 * trigrams (case, white space and punctuation folded, full-width Latin
 * letters as half-width) compared by their Dice coefficient. The
 * importers' near-duplicate and lineage index and the benchmark's
 * pairing both use it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"

/* Next code point of s at *i (folded), 0 at end; skips what is folded
 * away (white space, punctuation). */
static uint32_t next_cp(const unsigned char *s, size_t *i)
{
	for (;;) {
		uint32_t c = s[*i];
		size_t k = 0;
		if (c == 0)
			return 0;
		if (c < 0x80) {
			(*i)++;
			if (c >= 'A' && c <= 'Z')
				return c - 'A' + 'a';
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				return c;
			continue;   /* space, punctuation */
		}
		if ((c & 0xE0) == 0xC0) {
			c &= 0x1F;
			k = 1;
		} else if ((c & 0xF0) == 0xE0) {
			c &= 0x0F;
			k = 2;
		} else if ((c & 0xF8) == 0xF0) {
			c &= 0x07;
			k = 3;
		}
		(*i)++;
		while (k-- && (s[*i] & 0xC0) == 0x80)
			c = (c << 6) | (s[(*i)++] & 0x3F);
		/* CJK punctuation and full-width forms of punctuation */
		if ((c >= 0x3000 && c <= 0x303F) || c == 0xFF08 ||
		    c == 0xFF09 || c == 0xFF0C || c == 0xFF1B || c == 0xFF1A)
			continue;
		if (c >= 0xFF21 && c <= 0xFF3A)
			c = c - 0xFF21 + 'a';
		return c;
	}
}

static uint32_t mix(uint32_t a, uint32_t b, uint32_t c)
{
	uint64_t h = 1469598103934665603ULL;
	h = (h ^ a) * 1099511628211ULL;
	h = (h ^ b) * 1099511628211ULL;
	h = (h ^ c) * 1099511628211ULL;
	return (uint32_t)(h ^ (h >> 32));
}

/* Sorted distinct trigram hashes of s; g->g NULL for an empty name.
 * Names are short: code points on the stack up to NAME_CPS, sorting by
 * insertion. */
#define NAME_CPS 256
int lc_grams_of(const char *s, struct lc_grams *g)
{
	size_t i = 0, n = 0, cap = NAME_CPS, k;
	uint32_t stack[NAME_CPS], *cps = stack, c;
	g->g = NULL;
	g->n = 0;
	if (!s)
		return 0;
	while ((c = next_cp((const unsigned char *)s, &i)) != 0) {
		if (n == cap) {
			uint32_t *p = malloc(2 * cap * sizeof *p);
			if (!p) {
				if (cps != stack)
					free(cps);
				return -1;
			}
			memcpy(p, cps, n * sizeof *p);
			if (cps != stack)
				free(cps);
			cps = p;
			cap *= 2;
		}
		cps[n++] = c;
	}
	if (n == 0)
		return 0;
	g->g = malloc((n < 3 ? 1 : n - 2) * sizeof *g->g);
	if (!g->g) {
		if (cps != stack)
			free(cps);
		return -1;
	}
	if (n < 3) {
		g->g[0] = mix(cps[0], n > 1 ? cps[1] : 0, 0);
		g->n = 1;
	} else {
		for (k = 0; k + 2 < n; k++) {
			uint32_t v = mix(cps[k], cps[k + 1], cps[k + 2]);
			size_t j = k;
			while (j > 0 && g->g[j - 1] > v) {
				g->g[j] = g->g[j - 1];
				j--;
			}
			g->g[j] = v;
		}
		g->n = n - 2;
		for (i = 1, k = 1; i < g->n; i++)
			if (g->g[i] != g->g[k - 1])
				g->g[k++] = g->g[i];
		g->n = k;
	}
	if (cps != stack)
		free(cps);
	return 0;
}

double lc_grams_dice(const struct lc_grams *a, const struct lc_grams *b)
{
	size_t i = 0, j = 0, common = 0;
	if (a->n == 0 || b->n == 0)
		return 0;
	while (i < a->n && j < b->n) {
		if (a->g[i] == b->g[j]) {
			common++;
			i++;
			j++;
		} else if (a->g[i] < b->g[j]) {
			i++;
		} else {
			j++;
		}
	}
	return 2.0 * (double)common / (double)(a->n + b->n);
}

double lc_name_similarity(const char *a, const char *b)
{
	struct lc_grams x, y;
	double d;
	if (lc_grams_of(a, &x) || lc_grams_of(b, &y)) {
		free(x.g);
		return 0;
	}
	d = lc_grams_dice(&x, &y);
	free(x.g);
	free(y.g);
	return d;
}

