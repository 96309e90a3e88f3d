/* scores.c - the panel scores of an edition read as a stream: one scan of
 * the score records in key order ("score:TECH:EXPERT:CRITERION"), each
 * dossier's rows held only until the scan has passed its key range, then
 * hashed and aggregated (aggregate.c) in id order and dropped. Before,
 * every score of the edition was held (1,500,000 rows: some 150 MiB with
 * the copies made to sort them). The conflicted, unassigned and bad
 * scores are left out as they are met; the assignments are kept as a
 * list of pooled experts per dossier (a string map of 400,000 pair keys
 * took 33 MiB at 100,000 dossiers).
 *
 * Key order and id order differ when one id followed by ':' sorts
 * otherwise than the id alone ("2025-ST-0011:" before "2025-ST-001:"):
 * a dossier complete in key order waits for those before it in id order.
 * A record whose key does not begin with its own dossier's id, or a
 * dossier met again after the scan passed it, makes the scan start over
 * holding every row to the end (the old way), so that the result never
 * depends on how the records were keyed. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

/* The entry whose id is id, through the sorted index; -1 if none. The
 * rows come in key order, a dossier's together (fifteen scores each in
 * a bench edition): the entry found last is tried first, where a search
 * from the middle cost log2(n) string comparisons at a random place of
 * the entries each. */
static long find_entry(struct lc_rk_scores *s, const char *id)
{
	size_t lo = 0, hi = s->r->n;

	if (s->last >= 0 && !strcmp(s->r->e[s->last].id, id))
		return s->last;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->r->e[s->byid[mid]].id, id);

		if (c == 0)
			return s->last = (long)s->byid[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int cmp_byid(const void *a, const void *b, void *vr)
{
	const struct lc_ranking *r = vr;

	return strcmp(r->e[*(const size_t *)a].id,
		      r->e[*(const size_t *)b].id);
}

/* The order of the ids' key ranges: "ID:" compared byte by byte. */
static int cmp_bykey(const void *va, const void *vb, void *vr)
{
	const struct lc_ranking *r = vr;
	const unsigned char *a = (const unsigned char *)
		r->e[*(const size_t *)va].id;
	const unsigned char *b = (const unsigned char *)
		r->e[*(const size_t *)vb].id;

	for (;; a++, b++) {
		unsigned ca = *a ? *a : ':', cb = *b ? *b : ':';

		if (ca != cb)
			return ca < cb ? -1 : 1;
		if (!*a || !*b)   /* "A" against "A:B": met as an anomaly */
			return (*a != 0) - (*b != 0);
	}
}

/* Keeps "EXPERT:ID" of one conflict record (key "conflict:EXPERT:ID"). */
static int collect_conflict(const char *key, const struct lc_rec *rec,
			    void *ctx)
{
	struct lc_rk_scores *s = ctx;
	const char *k = strchr(key, ':');

	(void)rec;
	if (!k)
		return 0;
	if ((!s->conf && !(s->conf = lc_strmap_new())) ||
	    lc_strmap_put(s->conf, k + 1, 1)) {
		s->failed = 1;
		return 1;
	}
	return 0;
}

/* Keeps the expert of one assignment record, by entry. */
static int collect_assign(const char *key, const struct lc_rec *rec,
			  void *ctx)
{
	struct lc_rk_scores *s = ctx;
	const char *ex = lc_rec_get(rec, "expert");
	const char *tech = lc_rec_get(rec, "tech");
	long cur = tech ? find_entry(s, tech) : -1;

	(void)key;
	if (!ex || cur < 0)
		return 0;
	if (s->nasg == s->asgcap) {
		size_t nc = s->asgcap ? 2 * s->asgcap : 256;
		struct lc_rk_asg *na = realloc(s->asg, nc * sizeof *na);

		if (!na) {
			s->failed = 1;
			return 1;
		}
		s->asg = na;
		s->asgcap = nc;
	}
	if (!s->text && !(s->text = lc_textpool_new())) {
		s->failed = 1;
		return 1;
	}
	s->asg[s->nasg].expert = lc_textpool_once(s->text, ex);
	if (!s->asg[s->nasg].expert) {
		s->failed = 1;
		return 1;
	}
	s->asg[s->nasg++].entry = (uint32_t)cur;
	return 0;
}

/* The assignments entry by entry (a counting sort); 0 or -1. */
static int index_assign(struct lc_rk_scores *s)
{
	size_t n = s->r->n;
	struct lc_rk_asg *a2;

	s->astart = calloc(n + 1, sizeof *s->astart);
	a2 = malloc((s->nasg ? s->nasg : 1) * sizeof *a2);
	if (!s->astart || !a2) {
		free(a2);
		return -1;
	}
	for (size_t t = 0; t < s->nasg; t++)
		s->astart[s->asg[t].entry + 1]++;
	for (size_t i = 0; i < n; i++)
		s->astart[i + 1] += s->astart[i];
	for (size_t t = 0; t < s->nasg; t++)
		a2[s->astart[s->asg[t].entry]++] = s->asg[t];
	/* astart[i] is now where entry i + 1's begin: shift back */
	for (size_t i = n; i > 0; i--)
		s->astart[i] = s->astart[i - 1];
	s->astart[0] = 0;
	free(s->asg);
	s->asg = a2;
	return 0;
}

/* 1 when entry c is reviewed by assignment and ex is not among its
 * assigned experts; -1 out of memory. */
static int unassigned(struct lc_rk_scores *s, size_t c, const char *ex)
{
	const char *k;

	if (s->astart[c] == s->astart[c + 1])
		return 0;
	if (!(k = lc_textpool_once(s->text, ex)))
		return -1;
	for (uint32_t t = s->astart[c]; t < s->astart[c + 1]; t++)
		if (s->asg[t].expert == k)
			return 0;
	return 1;
}

/* 1 when ex declared a conflict with tech. */
static int conflicted(const struct lc_rk_scores *s, const char *ex,
		      const char *tech, int *failed)
{
	char buf[512], *ck = buf;
	size_t le = strlen(ex), lt = strlen(tech);
	int hit;

	if (le + lt + 2 > sizeof buf && !(ck = malloc(le + lt + 2))) {
		*failed = 1;
		return 0;
	}
	/* "EXPERT:ID" */
	memcpy(ck, ex, le);
	ck[le] = ':';
	memcpy(ck + le + 1, tech, lt + 1);
	hit = lc_strmap_get(s->conf, ck, 0) != 0;
	if (ck != buf)
		free(ck);
	return hit;
}

/* The lines of entry i into the hashes: the dossier, its indicator
 * values, then its scores (the same lines, in the same order, as when
 * each dossier's scores were read by a query of their own). */
static void hash_entry(struct lc_rk_scores *s, size_t i,
		       const struct lc_rk_srow *row, size_t k)
{
	const struct lc_profile *p = s->p;
	const struct lc_rk_entry *e = &s->r->e[i];
	char line[512], vb[32];

	/* the status itself is not an input (rank sets it); only what the
	 * rules made of it is */
	snprintf(line, sizeof line, "tech|%s|%d|%s\n", e->id, e->sector,
		 e->excluded ? e->excluded : "");
	sha256_update(s->h, strlen(line), (const uint8_t *)line);
	for (size_t j = 0; j < p->ncrit; j++) {
		if (p->crit[j].panel)
			continue;
		snprintf(line, sizeof line, "value|%s|%s|%s\n", e->id,
			 p->crit[j].id, isnan(e->x[j]) ? "NA" :
			 lc_num_format(e->x[j], vb, sizeof vb));
		sha256_update(s->h, strlen(line), (const uint8_t *)line);
	}
	for (size_t t = 0; t < k; t++) {
		snprintf(line, sizeof line, "score|%s|%s|%s|%s\n", e->id,
			 row[t].expert, p->crit[row[t].crit].id, row[t].val);
		sha256_update(s->h, strlen(line), (const uint8_t *)line);
		sha256_update(s->hd, strlen(line), (const uint8_t *)line);
	}
}

/* Entry i is done: hashed, aggregated, its rows no longer needed. */
static int flush_entry(struct lc_rk_scores *s, size_t i,
		       const struct lc_rk_srow *row, size_t k)
{
	hash_entry(s, i, row, k);
	s->n += k;
	return s->aggregate ? lc_rk_agg_entry(s, i, row, k) : 0;
}

/* Flushes, in id order, every entry whose key range the scan passed. */
static int advance(struct lc_rk_scores *s)
{
	while (s->next < s->r->n && s->kpos[s->next] < s->kp) {
		size_t i = s->next++;

		/* an entry with no row held has no start in pend (which
		 * may be NULL yet) */
		if (flush_entry(s, i, s->pcount[i] ? s->pend + s->pstart[i] :
				NULL, s->pcount[i])) {
			s->failed = 1;
			return 1;
		}
		if (s->pcount[i] && --s->nopen == 0)
			s->npend = 0;    /* every held row flushed */
	}
	return 0;
}

static int hold_row(struct lc_rk_scores *s, size_t cur, long j,
		    const char *ex, const char *val, double v)
{
	struct lc_rk_srow *w;

	if (s->npend == s->pendcap) {
		size_t nc = s->pendcap ? 2 * s->pendcap : 256;
		struct lc_rk_srow *nr = realloc(s->pend, nc * sizeof *nr);

		if (!nr)
			return -1;
		s->pend = nr;
		s->pendcap = nc;
	}
	if (!s->text && !(s->text = lc_textpool_new()))
		return -1;
	w = &s->pend[s->npend];
	/* an expert, a score value are met many times: kept once */
	w->val = lc_textpool_once(s->text, val);
	w->expert = lc_textpool_once(s->text, ex);
	if (!w->val || !w->expert)
		return -1;
	w->entry = cur;
	w->crit = (int)j;
	w->score = v;
	s->npend++;
	return 0;
}

static int collect_score(const char *key, const struct lc_rec *rec,
			 void *ctx)
{
	struct lc_rk_scores *s = ctx;
	const char *crit = lc_rec_get(rec, "criterion");
	const char *ex = lc_rec_get(rec, "expert");
	const char *val = lc_rec_get(rec, "score");
	const char *tech = lc_rec_get(rec, "tech");
	double v;
	long j = -1, cur;
	size_t c, len;

	cur = tech ? find_entry(s, tech) : -1;
	if (cur < 0)
		return 0;   /* another edition's dossier */
	if (!crit || !ex || !val) {
		s->bad++;
		return 0;
	}
	for (size_t k = 0; k < s->p->ncrit; k++)
		if (s->p->crit[k].panel && !strcmp(s->p->crit[k].id, crit))
			j = (long)k;
	if (j < 0) {
		s->unknown++;
		return 0;
	}
	if (lc_num_parse(val, &v) || !isfinite(v) ||
	    v < s->p->crit[j].lo || v > s->p->crit[j].hi) {
		s->bad++;
		return 0;
	}
	/* a conflicted expert's score never counts, whoever stored it */
	if (s->conf) {
		int hit = conflicted(s, ex, tech, &s->failed);

		if (s->failed)
			return 1;
		if (hit) {
			s->conflicted++;
			return 0;
		}
	}
	/* a dossier reviewed by assignment counts its assigned experts'
	 * scores only: one removed from it no longer speaks for it */
	c = (size_t)cur;
	if (s->nasg) {
		int u = unassigned(s, c, ex);

		if (u < 0) {
			s->failed = 1;
			return 1;
		}
		if (u) {
			s->unassigned++;
			return 0;
		}
	}
	if (!s->hold) {
		/* the key must lie in its dossier's range, and the range
		 * must not have been passed */
		len = strlen(tech);
		if (strncmp(key, "score:", 6) || strncmp(key + 6, tech, len) ||
		    key[6 + len] != ':' || s->kpos[c] < s->kp ||
		    (s->pcount[c] && s->pend[s->npend - 1].entry != c)) {
			s->restart = 1;
			return 1;
		}
		while (s->korder[s->kp] != c)
			s->kp++;
		/* the entries passed go first: their rows make room */
		if (advance(s))
			return 1;
		if (!s->pcount[c]) {
			s->pstart[c] = s->npend;
			s->nopen++;
		}
		s->pcount[c]++;
	}
	if (hold_row(s, c, j, ex, val, v)) {
		s->failed = 1;
		return 1;
	}
	return 0;
}

/* Back to the state before the scan (for a scan over). */
static void reset(struct lc_rk_scores *s, const struct sha256_ctx *h0,
		  const struct sha256_ctx *hd0)
{
	*s->h = *h0;
	*s->hd = *hd0;
	s->n = s->npend = s->nopen = s->next = s->kp = 0;
	s->conflicted = s->unknown = s->bad = s->unassigned = 0;
	s->plain = s->kmax = 0;
	s->nz = 0;
	memset(s->pcount, 0, s->r->n * sizeof *s->pcount);
	for (size_t i = 0; i < s->r->n; i++) {
		struct lc_rk_entry *e = &s->r->e[i];

		e->top = 0;
		e->spread = 0;
		for (size_t j = 0; j < s->p->ncrit; j++)
			if (s->p->crit[j].panel) {
				e->x[j] = NAN;
				e->nsc[j] = 0;
				e->flag[j] = 0;
			}
	}
}

/* The held rows entry by entry (a stable counting sort: each entry's
 * rows keep the key order of the records), every entry flushed. */
static int flush_held(struct lc_rk_scores *s)
{
	size_t n = s->r->n, *start = calloc(n + 1, sizeof *start);
	struct lc_rk_srow *row2 = malloc((s->npend ? s->npend : 1) *
					 sizeof *row2);
	int rc = 0;

	if (!start || !row2) {
		free(start);
		free(row2);
		return LC_ENOMEM;
	}
	for (size_t t = 0; t < s->npend; t++)
		start[s->pend[t].entry + 1]++;
	for (size_t i = 0; i < n; i++)
		start[i + 1] += start[i];
	for (size_t t = 0; t < s->npend; t++)
		row2[start[s->pend[t].entry]++] = s->pend[t];
	/* start[i] is now where entry i + 1's rows begin */
	for (size_t i = 0; !rc && i < n; i++) {
		size_t b = i ? start[i - 1] : 0;

		rc = flush_entry(s, i, row2 + b, start[i] - b);
	}
	free(start);
	free(row2);
	return rc ? LC_ENOMEM : 0;
}

int lc_rk_read_scores(struct lc_catalog *cat, struct lc_rk_scores *s,
		      struct lc_error *err)
{
	struct lc_ranking *r = s->r;
	size_t n = r->n ? r->n : 1;
	struct sha256_ctx h0 = *s->h, hd0 = *s->hd;
	int rc;

	s->byid = malloc(n * sizeof *s->byid);
	s->korder = malloc(n * sizeof *s->korder);
	s->kpos = malloc(n * sizeof *s->kpos);
	s->pstart = malloc(n * sizeof *s->pstart);
	s->pcount = calloc(n, sizeof *s->pcount);
	if (!s->byid || !s->korder || !s->kpos || !s->pstart || !s->pcount)
		return lc_rk_oom(err);
	s->last = -1;
	for (size_t i = 0; i < r->n; i++)
		s->byid[i] = s->korder[i] = i;
	if (r->n > 1) {
		qsort_r(s->byid, r->n, sizeof *s->byid, cmp_byid, r);
		qsort_r(s->korder, r->n, sizeof *s->korder, cmp_bykey, r);
	}
	for (size_t k = 0; k < r->n; k++)
		s->kpos[s->korder[k]] = k;
	rc = lc_catalog_rec_each(cat, "conflict", NULL, NULL,
				 collect_conflict, s, err);
	if (!rc && s->failed)
		rc = lc_rk_oom(err);
	if (rc)
		return rc;
	rc = lc_catalog_rec_each(cat, "assign", NULL, NULL, collect_assign,
				 s, err);
	if (rc == 0 && !s->failed && index_assign(s))
		s->failed = 1;
	if (rc == 0 && !s->failed)
		rc = lc_catalog_rec_each(cat, "score", NULL, NULL,
					 collect_score, s, err);
	if (rc == 1 && s->restart) {
		/* a record out of its dossier's key range: over again,
		 * every row held to the end */
		reset(s, &h0, &hd0);
		s->hold = 1;
		s->restart = 0;
		rc = lc_catalog_rec_each(cat, "score", NULL, NULL,
					 collect_score, s, err);
	}
	if (!rc && !s->failed) {
		if (s->hold) {
			if (flush_held(s))
				s->failed = 1;
		} else {
			s->kp = r->n;     /* the scan passed every range */
			advance(s);
		}
	}
	if (rc == 1 && s->failed)
		rc = 0;
	if (!rc && s->failed)
		rc = lc_rk_oom(err);
	return rc;
}

void lc_rk_scores_free(struct lc_rk_scores *s)
{
	lc_textpool_free(s->text);
	s->text = NULL;
	free(s->pend);
	s->pend = NULL;
	free(s->z);
	s->z = NULL;
	free(s->buf);
	s->buf = NULL;
	lc_strmap_free(s->conf);
	s->conf = NULL;
	free(s->byid);
	s->byid = NULL;
	free(s->korder);
	s->korder = NULL;
	free(s->kpos);
	s->kpos = NULL;
	free(s->pstart);
	s->pstart = NULL;
	free(s->pcount);
	s->pcount = NULL;
	free(s->asg);
	s->asg = NULL;
	free(s->astart);
	s->astart = NULL;
}
