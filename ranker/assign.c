/* panel_assign.c - reviewer assignment: a deterministic greedy (most
 * constrained dossier first, least-loaded expert of its sector) with a
 * load-balancing repair pass, and its storage as assign records. */
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"

void lc_assign_release(struct lc_assign_out *out)
{
	free(out->start);
	free(out->who);
	free(out->fallback);
	free(out->bad);
	free(out->bad_free);
	memset(out, 0, sizeof *out);
}

/* Compressed lists of pairs grouped by dossier. */
struct csr {
	size_t *start;   /* nd + 1 */
	size_t *e;       /* experts */
};

static int csr_build(const size_t *pairs, size_t np, size_t nd,
		     struct csr *c)
{
	size_t *fill;

	c->start = calloc(nd + 1, sizeof *c->start);
	c->e = malloc((np ? np : 1) * sizeof *c->e);
	fill = calloc(nd + 1, sizeof *fill);
	if (!c->start || !c->e || !fill) {
		free(fill);
		return LC_ENOMEM;
	}
	for (size_t i = 0; i < np; i++)
		c->start[pairs[2 * i + 1] + 1]++;
	for (size_t d = 0; d < nd; d++)
		c->start[d + 1] += c->start[d];
	for (size_t i = 0; i < np; i++) {
		size_t d = pairs[2 * i + 1];

		c->e[c->start[d] + fill[d]++] = pairs[2 * i];
	}
	free(fill);
	return 0;
}

static void csr_free(struct csr *c)
{
	free(c->start);
	free(c->e);
}

struct solver {
	const struct lc_assign_in *in;
	struct csr conf, pin;
	size_t *load;
	size_t *mark;          /* mark[e] == stamp: excluded for dossier */
	size_t stamp;
	size_t **bysec;        /* experts of each sector, by index */
	size_t nbysec[LC_SECTOR__COUNT];
	/* Per-expert dossier lists for the repair pass. */
	size_t **edoss;
	size_t *nedoss, *capedoss;
};

static int in_sector(const struct solver *s, size_t e, size_t d)
{
	int sec = s->in->dsec[d];

	return sec >= 0 && sec < 32 && (s->in->esec[e] >> sec) & 1u;
}

/* Marks the experts excluded from d (conflicted or pinned on it). */
static void mark_dossier(struct solver *s, size_t d)
{
	s->stamp++;
	for (size_t i = s->conf.start[d]; i < s->conf.start[d + 1]; i++)
		s->mark[s->conf.e[i]] = s->stamp;
	for (size_t i = s->pin.start[d]; i < s->pin.start[d + 1]; i++)
		s->mark[s->pin.e[i]] = s->stamp;
}

/* Inserts e into best[0..*nb) kept sorted by (load, index), at most
 * want entries. */
static void consider(const struct solver *s, size_t *best, size_t *nb,
		     size_t want, size_t e)
{
	size_t j = *nb;

	if (j == want) {
		size_t w = best[j - 1];

		if (s->load[w] < s->load[e] ||
		    (s->load[w] == s->load[e] && w < e))
			return;
		j--;
	} else {
		(*nb)++;
	}
	for (; j > 0; j--) {
		size_t b = best[j - 1];

		if (s->load[b] < s->load[e] ||
		    (s->load[b] == s->load[e] && b < e))
			break;
		best[j] = b;
	}
	best[j] = e;
}

static int edoss_add(struct solver *s, size_t e, size_t d)
{
	if (s->nedoss[e] == s->capedoss[e]) {
		size_t ncap = s->capedoss[e] ? s->capedoss[e] * 2 : 8;
		size_t *nv = realloc(s->edoss[e], ncap * sizeof *nv);

		if (!nv)
			return LC_ENOMEM;
		s->edoss[e] = nv;
		s->capedoss[e] = ncap;
	}
	s->edoss[e][s->nedoss[e]++] = d;
	return 0;
}

static size_t free_count(struct solver *s, size_t d, size_t *in_sec)
{
	size_t conf_in = 0, conf_all = 0;
	int sec = s->in->dsec[d];

	s->stamp++;
	for (size_t i = s->conf.start[d]; i < s->conf.start[d + 1]; i++) {
		size_t e = s->conf.e[i];

		if (s->mark[e] == s->stamp)
			continue;
		s->mark[e] = s->stamp;
		conf_all++;
		if (in_sector(s, e, d))
			conf_in++;
	}
	*in_sec = (sec >= 0 && sec < LC_SECTOR__COUNT ?
		   s->nbysec[sec] : 0) - conf_in;
	return s->in->ne - conf_all;
}

struct order {
	size_t d, key;
};

static int order_cmp(const void *a, const void *b)
{
	const struct order *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->d > y->d) - (x->d < y->d);
}

static int idx_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/* Moves dossier d's review from expert x (in out's slot) to w. */
static int move_review(struct solver *s, struct lc_assign_out *out,
		       size_t x, size_t w, size_t d)
{
	for (size_t j = out->start[d]; j < out->start[d + 1]; j++)
		if (out->who[j] == x) {
			out->who[j] = w;
			break;
		}
	if (!in_sector(s, w, d) && in_sector(s, x, d))
		out->fallback[d]++;
	else if (in_sector(s, w, d) && !in_sector(s, x, d))
		out->fallback[d]--;
	for (size_t k = 0; k < s->nedoss[x]; k++)
		if (s->edoss[x][k] == d) {
			s->edoss[x][k] = s->edoss[x][--s->nedoss[x]];
			break;
		}
	if (edoss_add(s, w, d) < 0)
		return LC_ENOMEM;
	s->load[x]--;
	s->load[w]++;
	out->moves++;
	return 0;
}

/* The least-loaded expert (ties by index) that could take u's place on
 * d: free of conflict, not already on d, of d's sector unless u is not;
 * ne when none. The caller has marked d's conflicted and current experts
 * with s->stamp. */
static size_t best_swap(const struct solver *s, size_t u, size_t d)
{
	size_t best = s->in->ne;
	int sec = s->in->dsec[d], own = in_sector(s, u, d);
	const size_t *pool = NULL;
	size_t np = s->in->ne;

	if (own && sec >= 0 && sec < LC_SECTOR__COUNT) {
		pool = s->bysec[sec];
		np = s->nbysec[sec];
	}
	for (size_t i = 0; i < np; i++) {
		size_t v = pool ? pool[i] : i;

		if (s->mark[v] == s->stamp)
			continue;
		if (best == s->in->ne || s->load[v] < s->load[best])
			best = v;
	}
	return best;
}

static int load_desc(const void *a, const void *b, void *ctx)
{
	const size_t *load = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (load[x] != load[y])
		return load[x] > load[y] ? -1 : 1;
	return (x > y) - (x < y);
}

/* Repair: passes over the experts, most loaded first, moving each of
 * their dossiers to the least-loaded expert that may take it while that
 * lowers the spread (loads differ by 2 or more); until a pass moves
 * nothing. Each move lowers the sum of squared loads, so it ends. */
static int repair(struct solver *s, struct lc_assign_out *out,
		  const unsigned char *pinned_slot)
{
	size_t ne = s->in->ne, *ord = malloc(ne * sizeof *ord);
	int moved = 1;

	if (!ord)
		return LC_ENOMEM;
	while (moved) {
		size_t minload = (size_t)-1, secmin[LC_SECTOR__COUNT];

		moved = 0;
		for (size_t i = 0; i < ne; i++) {
			ord[i] = i;
			if (s->load[i] < minload)
				minload = s->load[i];
		}
		/* the least load of each sector's pool: a lower bound of
		 * what best_swap can find there (loads only rise but for
		 * the expert giving a review, lowered below on each move) */
		for (int sec = 0; sec < LC_SECTOR__COUNT; sec++) {
			secmin[sec] = (size_t)-1;
			for (size_t i = 0; i < s->nbysec[sec]; i++)
				if (s->load[s->bysec[sec][i]] < secmin[sec])
					secmin[sec] = s->load[s->bysec[sec][i]];
		}
		qsort_r(ord, ne, sizeof *ord, load_desc, s->load);
		for (size_t oi = 0; oi < ne; oi++) {
			size_t u = ord[oi];

			if (s->load[u] < minload + 2)
				break;
			for (size_t k = 0; k < s->nedoss[u] &&
			     s->load[u] >= minload + 2; k++) {
				size_t d = s->edoss[u][k], slot = 0, v;
				int sec = s->in->dsec[d];

				/* no expert light enough to take it: skip
				 * the search (it made repair quadratic) */
				if ((in_sector(s, u, d) &&
				     sec < LC_SECTOR__COUNT ? secmin[sec] :
				     minload) + 2 > s->load[u])
					continue;
				mark_dossier(s, d);
				for (size_t j = out->start[d];
				     j < out->start[d + 1]; j++) {
					s->mark[out->who[j]] = s->stamp;
					if (out->who[j] == u)
						slot = j;
				}
				if (pinned_slot[slot])
					continue;
				v = best_swap(s, u, d);
				if (v == ne || s->load[v] + 2 > s->load[u])
					continue;
				if (move_review(s, out, u, v, d) < 0) {
					free(ord);
					return LC_ENOMEM;
				}
				for (int sc = 0; sc < LC_SECTOR__COUNT; sc++)
					if ((s->in->esec[u] >> sc) & 1u &&
					    s->load[u] < secmin[sc])
						secmin[sc] = s->load[u];
				k--;    /* edoss[u][k] now holds another */
				moved = 1;
			}
		}
	}
	free(ord);
	return 0;
}

/* The experts of each pool (a sector's, and everyone: pool
 * LC_SECTOR__COUNT) not yet seen by the current search, in index order:
 * a list through nx (positions in the pool), so that a search looks at
 * each expert once however many reviews lead to it. */
struct unseen {
	size_t *nx[LC_SECTOR__COUNT + 1];
	size_t head[LC_SECTOR__COUNT + 1];
};

static void unseen_reset(struct unseen *un, const struct solver *s)
{
	for (int p = 0; p <= LC_SECTOR__COUNT; p++) {
		size_t n = p < LC_SECTOR__COUNT ? s->nbysec[p] : s->in->ne;

		for (size_t i = 0; i < n; i++)
			un->nx[p][i] = i + 1;
		un->head[p] = 0;
	}
}

/* Chains: when no single move helps, a most-loaded expert u passes a
 * review to w1, w1 one of its own to w2, ... up to an expert loaded 2
 * less than u (breadth-first search over "x may take one of y's
 * reviews", each step keeping every rule); only u and the last change
 * load. Returns 1 when a chain was applied, 0 when none exists. */
static int chain(struct solver *s, struct lc_assign_out *out,
		 const unsigned char *pinned_slot, size_t u, size_t *from,
		 size_t *via, size_t *queue, size_t *seen, size_t seen_stamp,
		 struct unseen *un)
{
	size_t head = 0, tail = 0, maxl = s->load[u];

	unseen_reset(un, s);
	queue[tail++] = u;
	seen[u] = seen_stamp;
	while (head < tail) {
		size_t x = queue[head++];

		for (size_t k = 0; k < s->nedoss[x]; k++) {
			size_t d = s->edoss[x][k], slot = 0, np = s->in->ne;
			size_t *prev, pos;
			int sec = s->in->dsec[d], p = LC_SECTOR__COUNT;
			const size_t *pool = NULL;

			mark_dossier(s, d);
			for (size_t j = out->start[d];
			     j < out->start[d + 1]; j++) {
				s->mark[out->who[j]] = s->stamp;
				if (out->who[j] == x)
					slot = j;
			}
			if (pinned_slot[slot])
				continue;
			if (in_sector(s, x, d) && sec >= 0 &&
			    sec < LC_SECTOR__COUNT) {
				pool = s->bysec[sec];
				np = s->nbysec[sec];
				p = sec;
			}
			/* the pool's unseen experts in index order, as a
			 * scan of the whole pool would meet them; the seen
			 * ones leave the list */
			prev = &un->head[p];
			while ((pos = *prev) < np) {
				size_t w = pool ? pool[pos] : pos;

				if (seen[w] == seen_stamp) {
					*prev = un->nx[p][pos];
					continue;
				}
				if (s->mark[w] == s->stamp) {
					prev = &un->nx[p][pos];
					continue;
				}
				*prev = un->nx[p][pos];
				seen[w] = seen_stamp;
				from[w] = x;
				via[w] = d;
				if (s->load[w] + 2 <= maxl) {
					while (w != u) {
						size_t q = from[w];

						if (move_review(s, out, q, w,
								via[w]) < 0)
							return LC_ENOMEM;
						w = q;
					}
					return 1;
				}
				queue[tail++] = w;
			}
		}
	}
	return 0;
}

static int chains(struct solver *s, struct lc_assign_out *out,
		  const unsigned char *pinned_slot)
{
	size_t ne = s->in->ne, stamp = 0;
	size_t *from = malloc(ne * sizeof *from), *via = malloc(ne *
							sizeof *via);
	size_t *queue = malloc(ne * sizeof *queue);
	size_t *seen = calloc(ne, sizeof *seen);
	struct unseen un;
	int rc = 0, progress = 1;

	for (int p = 0; p <= LC_SECTOR__COUNT; p++) {
		size_t n = p < LC_SECTOR__COUNT ? s->nbysec[p] : ne;

		un.nx[p] = malloc((n ? n : 1) * sizeof *un.nx[p]);
		if (!un.nx[p])
			rc = LC_ENOMEM;
	}
	if (!from || !via || !queue || !seen)
		rc = LC_ENOMEM;
	while (rc == 0 && progress) {
		size_t lo = (size_t)-1, hi = 0;

		progress = 0;
		for (size_t e = 0; e < ne; e++) {
			if (s->load[e] < lo)
				lo = s->load[e];
			if (s->load[e] > hi)
				hi = s->load[e];
		}
		if (hi < lo + 2)
			break;
		for (size_t u = 0; rc == 0 && u < ne; u++) {
			if (s->load[u] != hi)
				continue;
			rc = chain(s, out, pinned_slot, u, from, via, queue,
				   seen, ++stamp, &un);
			if (rc == 1) {
				progress = 1;
				rc = 0;
			}
		}
	}
	for (int p = 0; p <= LC_SECTOR__COUNT; p++)
		free(un.nx[p]);
	free(from);
	free(via);
	free(queue);
	free(seen);
	return rc;
}

int lc_assign_solve(const struct lc_assign_in *in,
			struct lc_assign_out *out, struct lc_error *err)
{
	struct solver s;
	struct order *ord = NULL;
	unsigned char *pinned_slot = NULL;
	size_t *best = NULL, total = 0;
	int rc = 0;

	memset(out, 0, sizeof *out);
	memset(&s, 0, sizeof s);
	if (in->k == 0 || in->ne == 0)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, NULL,
				    in->k ? "no experts to assign" :
				    "reviewers per dossier must be at "
				    "least 1");
	s.in = in;
	s.load = calloc(in->ne, sizeof *s.load);
	s.mark = calloc(in->ne, sizeof *s.mark);
	s.edoss = calloc(in->ne, sizeof *s.edoss);
	s.nedoss = calloc(in->ne, sizeof *s.nedoss);
	s.capedoss = calloc(in->ne, sizeof *s.capedoss);
	s.bysec = calloc(LC_SECTOR__COUNT, sizeof *s.bysec);
	ord = malloc((in->nd ? in->nd : 1) * sizeof *ord);
	best = malloc((in->k + 1) * sizeof *best);
	out->start = calloc(in->nd + 1, sizeof *out->start);
	out->fallback = calloc(in->nd + 1, sizeof *out->fallback);
	if (!s.load || !s.mark || !s.edoss || !s.nedoss || !s.capedoss ||
	    !s.bysec || !ord || !best || !out->start || !out->fallback)
		goto oom;
	if (csr_build(in->conf, in->nconf, in->nd, &s.conf) < 0 ||
	    csr_build(in->pin, in->npin, in->nd, &s.pin) < 0)
		goto oom;
	for (int sec = 0; sec < LC_SECTOR__COUNT; sec++) {
		s.bysec[sec] = malloc(in->ne * sizeof **s.bysec);
		if (!s.bysec[sec])
			goto oom;
		for (size_t e = 0; e < in->ne; e++)
			if ((in->esec[e] >> sec) & 1u)
				s.bysec[sec][s.nbysec[sec]++] = e;
	}
	/* Feasibility, and the order: most constrained first. */
	for (size_t d = 0; d < in->nd; d++) {
		size_t insec;
		size_t nfree = free_count(&s, d, &insec);

		if (nfree < in->k) {
			if (!out->bad) {
				out->bad = malloc(in->nd * sizeof *out->bad);
				out->bad_free = malloc(in->nd *
						       sizeof *out->bad_free);
				if (!out->bad || !out->bad_free)
					goto oom;
			}
			out->bad[out->nbad] = d;
			out->bad_free[out->nbad++] = nfree;
		}
		ord[d] = (struct order){ d, insec };
	}
	if (out->nbad) {
		rc = lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				  "%zu dossier(s) cannot get %zu reviewers "
				  "free of conflict", out->nbad, in->k);
		goto done;
	}
	if (in->nd)
		qsort(ord, in->nd, sizeof *ord, order_cmp);
	for (size_t d = 0; d < in->nd; d++) {
		size_t np = s.pin.start[d + 1] - s.pin.start[d];

		out->start[d + 1] = out->start[d] + (np > in->k ? np : in->k);
	}
	total = out->start[in->nd];
	out->who = malloc((total ? total : 1) * sizeof *out->who);
	pinned_slot = calloc(total ? total : 1, 1);
	if (!out->who || !pinned_slot)
		goto oom;
	for (size_t i = 0; i < in->npin; i++)
		s.load[in->pin[2 * i]]++;
	for (size_t oi = 0; oi < in->nd; oi++) {
		size_t d = ord[oi].d, at = out->start[d], nb = 0, want;
		size_t np = s.pin.start[d + 1] - s.pin.start[d];
		int sec = in->dsec[d];

		for (size_t i = s.pin.start[d]; i < s.pin.start[d + 1]; i++) {
			pinned_slot[at] = 1;
			out->who[at++] = s.pin.e[i];
			if (edoss_add(&s, s.pin.e[i], d) < 0)
				goto oom;
		}
		if (np >= in->k)
			continue;
		want = in->k - np;
		mark_dossier(&s, d);
		if (sec >= 0 && sec < LC_SECTOR__COUNT)
			for (size_t i = 0; i < s.nbysec[sec]; i++) {
				size_t e = s.bysec[sec][i];

				if (s.mark[e] != s.stamp)
					consider(&s, best, &nb, want, e);
			}
		for (size_t i = 0; i < nb; i++)
			s.mark[best[i]] = s.stamp;
		if (nb < want) {
			size_t have = nb, nb2 = 0;

			for (size_t e = 0; e < in->ne; e++)
				if (s.mark[e] != s.stamp &&
				    !in_sector(&s, e, d))
					consider(&s, best + have, &nb2,
						 want - have, e);
			out->fallback[d] = nb2;
			nb += nb2;
		}
		for (size_t i = 0; i < nb; i++) {
			out->who[at++] = best[i];
			s.load[best[i]]++;
			if (edoss_add(&s, best[i], d) < 0)
				goto oom;
		}
	}
	rc = repair(&s, out, pinned_slot);
	if (rc == 0)
		rc = chains(&s, out, pinned_slot);
	if (rc < 0)
		goto oom;
	for (size_t d = 0; d < in->nd; d++) {
		size_t n = out->start[d + 1] - out->start[d];

		if (n > 1)
			qsort(out->who + out->start[d], n, sizeof *out->who,
			      idx_cmp);
	}
	goto done;
oom:
	rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL, "out of memory");
done:
	if (rc < 0 && rc != LC_EDATA)
		lc_assign_release(out);
	if (rc == LC_EDATA) {
		free(out->start);
		free(out->fallback);
		free(out->who);
		out->start = out->fallback = out->who = NULL;
	}
	csr_free(&s.conf);
	csr_free(&s.pin);
	if (s.edoss)
		for (size_t e = 0; e < in->ne; e++)
			free(s.edoss[e]);
	if (s.bysec)
		for (int sec = 0; sec < LC_SECTOR__COUNT; sec++)
			free(s.bysec[sec]);
	free(s.bysec);
	free(s.edoss);
	free(s.nedoss);
	free(s.capedoss);
	free(s.load);
	free(s.mark);
	free(ord);
	free(best);
	free(pinned_slot);
	return rc;
}
