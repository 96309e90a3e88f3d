/* dupes.c - near-duplicate technology names: UTF-8 character trigrams
 * (case, spaces and punctuation folded), an inverted index to find the
 * candidates and the Dice coefficient to score them. Bounded: at most
 * DUP_MAX names are indexed, and very common trigrams are not used to
 * find candidates (they still count in the score). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "importers/dupes.h"

#define DUP_MAX 20000
#define STOP_LEN 512

struct grams {
	uint32_t *g;
	size_t n;
};

struct entry {
	char *id, *edition, *who, *name;
	uint64_t ed_h, who_h;     /* hashes of edition and who, compared */
	struct grams zh, en;
};

static uint64_t hash_s(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (s = s ? s : ""; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

struct posting {
	uint32_t key;
	uint32_t n, cap;
	uint32_t *ids;
};

/* An edition with indexed names: the first submitter seen, and whether
 * another one has names too (editions are years: a short list). */
struct edition_seen {
	uint64_t ed_h, who_h;
	int several;
};

struct imp_dupes {
	struct edition_seen *eds;
	size_t neds, capeds;
	struct entry *e;
	size_t n, cap;
	struct posting *tab;      /* open addressing, power of two */
	size_t tcap, tn;
	uint32_t *hits;           /* per entry counter for a query */
	uint32_t *touched;
	size_t ntouched;
};

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

static struct edition_seen *edition_find(const struct imp_dupes *d,
					  uint64_t ed_h)
{
	for (size_t i = 0; i < d->neds; i++)
		if (d->eds[i].ed_h == ed_h)
			return &d->eds[i];
	return NULL;
}

/* Notes that who has names in edition ed_h; 0 or -1 out of memory. */
static int edition_note(struct imp_dupes *d, uint64_t ed_h, uint64_t who_h)
{
	struct edition_seen *e = edition_find(d, ed_h);

	if (e) {
		e->several |= e->who_h != who_h;
		return 0;
	}
	if (d->neds == d->capeds) {
		size_t cap = d->capeds ? 2 * d->capeds : 8;
		struct edition_seen *n = realloc(d->eds, cap * sizeof *n);

		if (!n)
			return -1;
		d->eds = n;
		d->capeds = cap;
	}
	d->eds[d->neds++] = (struct edition_seen){ ed_h, who_h, 0 };
	return 0;
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
static int grams_of(const char *s, struct grams *g)
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

static double dice(const struct grams *a, const struct grams *b)
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
	struct grams x, y;
	double d;
	if (grams_of(a, &x) || grams_of(b, &y)) {
		free(x.g);
		return 0;
	}
	d = dice(&x, &y);
	free(x.g);
	free(y.g);
	return d;
}

struct imp_dupes *imp_dupes_new(void)
{
	return calloc(1, sizeof(struct imp_dupes));
}

/* Frees what entry e owns. */
static void entry_clear(struct entry *e)
{
	free(e->id);
	free(e->edition);
	free(e->who);
	free(e->name);
	free(e->zh.g);
	free(e->en.g);
}

void imp_dupes_free(struct imp_dupes *d)
{
	size_t i;
	if (!d)
		return;
	for (i = 0; i < d->n; i++)
		entry_clear(&d->e[i]);
	for (i = 0; i < d->tcap; i++)
		free(d->tab[i].ids);
	free(d->tab);
	free(d->e);
	free(d->eds);
	free(d->hits);
	free(d->touched);
	free(d);
}

static struct posting *slot(struct imp_dupes *d, uint32_t key, int add)
{
	size_t m, i;
	if (add && (d->tn + 1) * 2 > d->tcap) {
		size_t ncap = d->tcap ? 2 * d->tcap : 1024, j;
		struct posting *nt = calloc(ncap, sizeof *nt);
		if (!nt)
			return NULL;
		for (j = 0; j < d->tcap; j++) {
			if (!d->tab[j].ids)
				continue;
			i = d->tab[j].key & (ncap - 1);
			while (nt[i].ids)
				i = (i + 1) & (ncap - 1);
			nt[i] = d->tab[j];
		}
		free(d->tab);
		d->tab = nt;
		d->tcap = ncap;
	}
	if (!d->tcap)
		return NULL;
	m = d->tcap - 1;
	for (i = key & m; d->tab[i].ids; i = (i + 1) & m)
		if (d->tab[i].key == key)
			return &d->tab[i];
	if (!add)
		return NULL;
	d->tab[i].key = key;
	d->tab[i].cap = 4;
	d->tab[i].n = 0;
	d->tab[i].ids = malloc(4 * sizeof(uint32_t));
	if (!d->tab[i].ids)
		return NULL;
	d->tn++;
	return &d->tab[i];
}

static int post(struct imp_dupes *d, const struct grams *g, uint32_t id)
{
	size_t i;
	for (i = 0; i < g->n; i++) {
		struct posting *p = slot(d, g->g[i], 1);
		if (!p)
			return -1;
		if (p->n && p->ids[p->n - 1] == id)
			continue;
		if (p->n == p->cap) {
			uint32_t *ni = realloc(p->ids,
					       2 * p->cap * sizeof *ni);
			if (!ni)
				return -1;
			p->ids = ni;
			p->cap *= 2;
		}
		p->ids[p->n++] = id;
	}
	return 0;
}

static char *dup_s(const char *s)
{
	return strdup(s ? s : "");
}

int imp_dupes_add(struct imp_dupes *d, const char *id, const char *edition,
		  const char *who, const char *zh, const char *en)
{
	struct entry *e;
	if (d->n >= DUP_MAX)
		return 0;
	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 256;
		struct entry *ne = realloc(d->e, cap * sizeof *ne);
		uint32_t *nh = realloc(d->hits, cap * sizeof *nh);
		uint32_t *nt;
		if (ne)
			d->e = ne;
		if (nh)
			d->hits = nh;
		nt = realloc(d->touched, cap * sizeof *nt);
		if (nt)
			d->touched = nt;
		if (!ne || !nh || !nt)
			return LC_ENOMEM;
		memset(d->hits + d->cap, 0, (cap - d->cap) * sizeof *nh);
		d->cap = cap;
	}
	e = &d->e[d->n];
	memset(e, 0, sizeof *e);
	e->id = dup_s(id);
	e->edition = dup_s(edition);
	e->who = dup_s(who);
	e->name = dup_s(zh && *zh ? zh : en);
	e->ed_h = hash_s(edition);
	e->who_h = hash_s(who);
	if (!e->id || !e->edition || !e->who || !e->name ||
	    grams_of(zh, &e->zh) || grams_of(en, &e->en) ||
	    edition_note(d, e->ed_h, e->who_h)) {
		entry_clear(e);
		return LC_ENOMEM;
	}
	d->n++;
	if (post(d, &e->zh, (uint32_t)(d->n - 1)) ||
	    post(d, &e->en, (uint32_t)(d->n - 1)))
		return LC_ENOMEM;
	return 0;
}

int imp_dupes_full(const struct imp_dupes *d)
{
	return d->n >= DUP_MAX;
}

static void count(struct imp_dupes *d, const struct grams *g)
{
	size_t i, j;
	for (i = 0; i < g->n; i++) {
		struct posting *p = slot(d, g->g[i], 0);
		if (!p || p->n > STOP_LEN)
			continue;
		for (j = 0; j < p->n; j++) {
			if (d->hits[p->ids[j]]++ == 0)
				d->touched[d->ntouched++] = p->ids[j];
		}
	}
}

int imp_dupes_find(struct imp_dupes *d, const char *edition, const char *who,
		   const char *zh, const char *en, double threshold,
		   const char **id, const char **name, const char **other,
		   double *score)
{
	struct grams a, b;
	size_t i;
	double best = 0;
	long bi = -1;
	uint64_t ed_h = hash_s(edition), who_h = hash_s(who);
	const struct edition_seen *seen = edition_find(d, ed_h);
	/* Only names of the same edition from another submitter count:
	 * none indexed, nothing to look for. */
	if (!seen || (!seen->several && seen->who_h == who_h))
		return 0;
	if (grams_of(zh, &a))
		return 0;
	if (grams_of(en, &b)) {
		free(a.g);
		return 0;
	}
	d->ntouched = 0;
	count(d, &a);
	count(d, &b);
	for (i = 0; i < d->ntouched; i++) {
		uint32_t k = d->touched[i];
		struct entry *e = &d->e[k];
		double s1, s2;
		d->hits[k] = 0;
		if (e->ed_h != ed_h || e->who_h == who_h)
			continue;
		s1 = dice(&a, &e->zh);
		s2 = dice(&b, &e->en);
		if (s2 > s1)
			s1 = s2;
		if (s1 > best || (s1 == best && bi >= 0 &&
				  strcmp(e->id, d->e[bi].id) < 0)) {
			best = s1;
			bi = (long)k;
		}
	}
	d->ntouched = 0;
	free(a.g);
	free(b.g);
	if (bi < 0 || best < threshold)
		return 0;
	*id = d->e[bi].id;
	*name = d->e[bi].name;
	*other = d->e[bi].who;
	*score = best;
	return 1;
}
