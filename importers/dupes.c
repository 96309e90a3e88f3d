/* dupes.c - near-duplicate technology names: UTF-8 character trigrams
 * (catalog/grams.c: case, spaces and punctuation folded), an inverted
 * index to find the candidates and the Dice coefficient to score them. Bounded: at most
 * DUP_MAX names are indexed, and very common trigrams are not used to
 * find candidates (they still count in the score). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"
#include "importers/dupes.h"

#define DUP_MAX 20000
#define STOP_LEN 512

struct entry {
	char *id, *edition, *who, *name;
	char *zh_s, *en_s;        /* the names as given, for exact matches */
	int sector;               /* enum lc_sector or -1 */
	long same_zh, same_en;    /* the previous entry of the same
				     submitter, sector and name, or -1 */
	uint64_t ed_h, who_h;     /* hashes of edition and who, compared */
	struct lc_grams zh, en;
};

static uint64_t hash_s(const char *s)
{
	return lc_hash_str(s ? s : "");
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
	char ed[16];          /* the edition, for "earlier than" */
};

/* What a query compares for every candidate it touches, kept apart
 * from the entries (16 KiB a thousand instead of 160): the loop over
 * thousands of candidates a row stays in the cache. */
struct brief {
	uint64_t ed_h, who_h;
	uint32_t zn, en;          /* trigram counts of the two names */
};

struct imp_dupes {
	struct edition_seen *eds;
	size_t neds, capeds;
	struct entry *e;
	struct brief *br;         /* n, parallel to e */
	size_t n, cap;
	struct posting *tab;      /* open addressing, power of two */
	size_t tcap, tn;
	uint32_t *hits;           /* per entry counter for a query */
	uint32_t *touched;
	size_t ntouched;
	struct lc_strmap *names;  /* "who\037sector\037z|e NAME" -> the last
				     entry of that name, + 1 */
};

static struct edition_seen *edition_find(const struct imp_dupes *d,
					  uint64_t ed_h)
{
	for (size_t i = 0; i < d->neds; i++)
		if (d->eds[i].ed_h == ed_h)
			return &d->eds[i];
	return NULL;
}

/* Notes that who has names in edition ed_h; 0 or -1 out of memory. */
static int edition_note(struct imp_dupes *d, uint64_t ed_h, uint64_t who_h,
			const char *ed)
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
	d->eds[d->neds] = (struct edition_seen){ ed_h, who_h, 0, "" };
	snprintf(d->eds[d->neds++].ed, sizeof d->eds[0].ed, "%s",
		 ed ? ed : "");
	return 0;
}

/* 1 when some edition before edition may hold a name of who's: one with
 * names from who or from several submitters (editions are few). */
static int earlier_names(const struct imp_dupes *d, const char *edition,
			 uint64_t who_h)
{
	for (size_t i = 0; i < d->neds; i++)
		if (strcmp(d->eds[i].ed, edition ? edition : "") < 0 &&
		    (d->eds[i].several || d->eds[i].who_h == who_h))
			return 1;
	return 0;
}

struct imp_dupes *imp_dupes_new(void)
{
	struct imp_dupes *d = calloc(1, sizeof *d);

	if (d && !(d->names = lc_strmap_new())) {
		free(d);
		return NULL;
	}
	return d;
}

/* The key of a name in the exact-name map. */
static void name_key(char *buf, size_t n, const char *who, int sector,
		     char lang, const char *name)
{
	snprintf(buf, n, "%s\037%d\037%c%s", who ? who : "", sector, lang,
		 name);
}

/* Links entry k into the chain of its name; *prev receives the entry
 * before it. 0 or -1 out of memory. */
static int link_name(struct imp_dupes *d, size_t k, char lang,
		     const char *name, long *prev)
{
	char key[2400];

	*prev = -1;
	if (!name || !*name)
		return 0;
	name_key(key, sizeof key, d->e[k].who, d->e[k].sector, lang, name);
	*prev = lc_strmap_get(d->names, key, 0) - 1;
	return lc_strmap_put(d->names, key, (long)k + 1) ? -1 : 0;
}

/* Frees what entry e owns. */
static void entry_clear(struct entry *e)
{
	free(e->id);
	free(e->edition);
	free(e->who);
	free(e->name);
	free(e->zh_s);
	free(e->en_s);
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
	free(d->br);
	free(d->eds);
	free(d->hits);
	free(d->touched);
	lc_strmap_free(d->names);
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

static int post(struct imp_dupes *d, const struct lc_grams *g, uint32_t id)
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
		  const char *who, int sector, const char *zh,
		  const char *en)
{
	struct entry *e;
	if (d->n >= DUP_MAX)
		return 0;
	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 256;
		struct entry *ne = realloc(d->e, cap * sizeof *ne);
		uint32_t *nh = realloc(d->hits, cap * sizeof *nh);
		uint32_t *nt;
		struct brief *nb;
		if (ne)
			d->e = ne;
		if (nh)
			d->hits = nh;
		nt = realloc(d->touched, cap * sizeof *nt);
		if (nt)
			d->touched = nt;
		nb = realloc(d->br, cap * sizeof *nb);
		if (nb)
			d->br = nb;
		if (!ne || !nh || !nt || !nb)
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
	e->sector = sector;
	e->zh_s = dup_s(zh);
	e->en_s = dup_s(en);
	e->ed_h = hash_s(edition);
	e->who_h = hash_s(who);
	if (!e->id || !e->edition || !e->who || !e->name || !e->zh_s ||
	    !e->en_s ||
	    lc_grams_of(zh, &e->zh) || lc_grams_of(en, &e->en) ||
	    edition_note(d, e->ed_h, e->who_h, edition)) {
		entry_clear(e);
		return LC_ENOMEM;
	}
	d->br[d->n] = (struct brief){ e->ed_h, e->who_h, (uint32_t)e->zh.n,
				      (uint32_t)e->en.n };
	d->n++;
	if (post(d, &e->zh, (uint32_t)(d->n - 1)) ||
	    post(d, &e->en, (uint32_t)(d->n - 1)) ||
	    link_name(d, d->n - 1, 'z', zh, &e->same_zh) ||
	    link_name(d, d->n - 1, 'e', en, &e->same_en))
		return LC_ENOMEM;
	return 0;
}

int imp_dupes_full(const struct imp_dupes *d)
{
	return d->n >= DUP_MAX;
}

/* Counts, per entry, the trigrams of g its names share, through the
 * postings; returns how many of g's trigrams were not counted (their
 * postings too long to walk), which any entry may share as well. */
static unsigned count(struct imp_dupes *d, const struct lc_grams *g)
{
	size_t i, j;
	unsigned stopped = 0;
	for (i = 0; i < g->n; i++) {
		struct posting *p = slot(d, g->g[i], 0);
		if (p && p->n > STOP_LEN)
			stopped++;
		if (!p || p->n > STOP_LEN)
			continue;
		for (j = 0; j < p->n; j++) {
			if (d->hits[p->ids[j]]++ == 0)
				d->touched[d->ntouched++] = p->ids[j];
		}
	}
	return stopped;
}

/* An upper bound of the Dice score of a name of n trigrams against one of
 * m that shares at most hits trigrams with it: pairs that cannot reach
 * the bar are not scored (most of those that share one common trigram). */
static double dice_bound(unsigned hits, size_t n, size_t m)
{
	return n + m ? 2.0 * (double)hits / (double)(n + m) : 0;
}

int imp_dupes_find(struct imp_dupes *d, const char *edition, const char *who,
		   const char *zh, const char *en, double threshold,
		   const char **id, const char **name, const char **other,
		   double *score)
{
	struct lc_grams a, b;
	size_t i;
	unsigned sa, sb;
	double best = 0;
	long bi = -1;
	uint64_t ed_h = hash_s(edition), who_h = hash_s(who);
	const struct edition_seen *seen = edition_find(d, ed_h);
	/* Only names of the same edition from another submitter count:
	 * none indexed, nothing to look for. */
	if (!seen || (!seen->several && seen->who_h == who_h))
		return 0;
	if (lc_grams_of(zh, &a))
		return 0;
	if (lc_grams_of(en, &b)) {
		free(a.g);
		return 0;
	}
	d->ntouched = 0;
	sa = count(d, &a);
	sb = count(d, &b);
	for (i = 0; i < d->ntouched; i++) {
		uint32_t k = d->touched[i];
		const struct brief *r = &d->br[k];
		struct entry *e;
		unsigned h = d->hits[k];
		double s1, s2, bar = best > threshold ? best : threshold;
		d->hits[k] = 0;
		if (r->ed_h != ed_h || r->who_h == who_h)
			continue;
		if (dice_bound(h + sa, a.n, r->zn) < bar &&
		    dice_bound(h + sb, b.n, r->en) < bar)
			continue;
		e = &d->e[k];
		s1 = lc_grams_dice(&a, &e->zh);
		s2 = lc_grams_dice(&b, &e->en);
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

/* 1 when a and b are the same name (NULL and "" are no name). */
static int same_name(const char *a, const char *b)
{
	return a && b && *a && *b && strcmp(a, b) == 0;
}

/* Whether e is a better earlier version than the best so far: exact
 * before near, then the higher score, then the later edition (the
 * nearest one), then the smaller id. */
static int better(const struct entry *e, int exact, double score,
		  const struct entry *best, int best_exact, double best_score)
{
	int c;

	if (!best)
		return 1;
	if (exact != best_exact)
		return exact;
	if (score != best_score)
		return score > best_score;
	c = strcmp(e->edition, best->edition);
	if (c)
		return c > 0;
	return strcmp(e->id, best->id) < 0;
}

int imp_dupes_lineage(struct imp_dupes *d, const char *edition,
		      const char *who, int sector, const char *zh,
		      const char *en,
		      double threshold,
		      int (*taken)(const char *id, void *ctx), void *ctx,
		      const char **id, const char **name, double *score,
		      int *exact)
{
	struct lc_grams a, b;
	unsigned sa, sb;
	const struct entry *best = NULL;
	double best_score = 0;
	int best_exact = 0;
	uint64_t who_h = hash_s(who);

	/* the same name: through the exact-name chains, without scoring
	 * every name that shares a trigram */
	for (int l = 0; l < 2; l++) {
		const char *nm = l ? en : zh;
		char key[2400];
		long k;

		if (!nm || !*nm)
			continue;
		name_key(key, sizeof key, who, sector, l ? 'e' : 'z', nm);
		for (k = lc_strmap_get(d->names, key, 0) - 1; k >= 0;
		     k = l ? d->e[k].same_en : d->e[k].same_zh) {
			const struct entry *e = &d->e[k];

			if (strcmp(e->edition, edition ? edition : "") >= 0 ||
			    (taken && taken(e->id, ctx)))
				continue;
			if (better(e, 1, 1, best, best_exact, best_score)) {
				best = e;
				best_exact = 1;
				best_score = 1;
			}
		}
	}
	if (best) {
		*id = best->id;
		*name = best->name;
		*score = 1;
		*exact = 1;
		return 1;
	}
	/* no earlier edition has a name of this submitter's: nothing to
	 * score (the first edition imported costs no trigram search) */
	if (!earlier_names(d, edition, who_h))
		return 0;
	if (lc_grams_of(zh, &a))
		return 0;
	if (lc_grams_of(en, &b)) {
		free(a.g);
		return 0;
	}
	d->ntouched = 0;
	sa = count(d, &a);
	sb = count(d, &b);
	for (size_t i = 0; i < d->ntouched; i++) {
		uint32_t k = d->touched[i];
		const struct entry *e = &d->e[k];
		unsigned h = d->hits[k];
		int ex;
		double s1, s2;

		d->hits[k] = 0;
		/* an exact name shares all its trigrams: its bound is 1 */
		if (dice_bound(h + sa, a.n, e->zh.n) < threshold &&
		    dice_bound(h + sb, b.n, e->en.n) < threshold)
			continue;
		/* the same submitter and sector, an earlier edition */
		if (e->who_h != who_h || e->sector != sector ||
		    strcmp(e->who, who ? who : "") ||
		    strcmp(e->edition, edition ? edition : "") >= 0)
			continue;
		ex = same_name(zh, e->zh_s) || same_name(en, e->en_s);
		s1 = lc_grams_dice(&a, &e->zh);
		s2 = lc_grams_dice(&b, &e->en);
		if (s2 > s1)
			s1 = s2;
		if (ex)
			s1 = 1;
		if (!ex && s1 < threshold)
			continue;
		if (taken && taken(e->id, ctx))
			continue;
		if (better(e, ex, s1, best, best_exact, best_score)) {
			best = e;
			best_exact = ex;
			best_score = s1;
		}
	}
	d->ntouched = 0;
	free(a.g);
	free(b.g);
	if (!best)
		return 0;
	*id = best->id;
	*name = best->name;
	*score = best_score;
	*exact = best_exact;
	return 1;
}
