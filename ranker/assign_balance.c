/* assign_balance.c - the load balancing of reviewer assignment: single
 * moves from the most to the least loaded experts (repair), then chains
 * of moves when no single one helps; every move keeps every rule
 * (conflicts, pins, sectors). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/assign_int.h"

/* Moves dossier d's review from expert x (in out's slot) to w; xk is
 * d's place in x's list, or SIZE_MAX when the caller does not know it. */
static int move_review(struct solver *s, struct lc_assign_out *out,
		       size_t x, size_t w, size_t d, size_t xk)
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
	for (size_t k = xk != SIZE_MAX ? xk : 0; k < s->nedoss[x]; k++)
		if (s->edoss[x][k] == d) {
			s->edoss[x][k] = s->edoss[x][--s->nedoss[x]];
			break;
		}
	if (lc_rk_edoss_add(s, w, d) < 0)
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
static size_t best_swap(const struct solver *s, size_t u, size_t d,
			long *scanned)
{
	size_t best = s->in->ne;
	int sec = s->in->dsec[d], own = in_sector(s, u, d);
	const size_t *pool = NULL;
	size_t np = s->in->ne;

	if (own && sec >= 0 && sec < LC_SECTOR__COUNT) {
		pool = s->bysec[sec];
		np = s->nbysec[sec];
	}
	*scanned += (long)np;
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

/* The least load in each pool (a sector's: 0 .. LC_SECTOR__COUNT - 1;
 * everyone's: LC_SECTOR__COUNT), kept exact as reviews move: how many of
 * the pool's experts carry each load, and the least load carried. Loads
 * never pass the greatest at the start (a review only moves to an expert
 * loaded 2 less than the giver). */
struct minload {
	size_t *count[LC_SECTOR__COUNT + 1];  /* (max + 2) per pool */
	size_t min[LC_SECTOR__COUNT + 1];
};

static int in_pool(const struct solver *s, size_t e, int p)
{
	return p == LC_SECTOR__COUNT || (p < 32 && (s->in->esec[e] >> p) & 1u);
}

static int minload_init(struct minload *ml, const struct solver *s)
{
	size_t max = 0, ne = s->in->ne;

	for (size_t e = 0; e < ne; e++)
		if (s->load[e] > max)
			max = s->load[e];
	for (int p = 0; p <= LC_SECTOR__COUNT; p++) {
		ml->count[p] = calloc(max + 2, sizeof *ml->count[p]);
		ml->min[p] = (size_t)-1;
		if (!ml->count[p])
			return LC_ENOMEM;
		for (size_t e = 0; e < ne; e++) {
			if (!in_pool(s, e, p))
				continue;
			ml->count[p][s->load[e]]++;
			if (s->load[e] < ml->min[p])
				ml->min[p] = s->load[e];
		}
	}
	return 0;
}

static void minload_free(struct minload *ml)
{
	for (int p = 0; p <= LC_SECTOR__COUNT; p++)
		free(ml->count[p]);
}

/* Expert e's load went from was to was + delta (delta is 1 or -1). */
static void minload_move(struct minload *ml, const struct solver *s,
			 size_t e, size_t was, int delta)
{
	size_t now = delta > 0 ? was + 1 : was - 1;

	for (int p = 0; p <= LC_SECTOR__COUNT; p++) {
		if (!in_pool(s, e, p))
			continue;
		ml->count[p][was]--;
		ml->count[p][now]++;
		if (now < ml->min[p])
			ml->min[p] = now;
		while (!ml->count[p][ml->min[p]])
			ml->min[p]++;
	}
}

/* Repair: passes over the experts, most loaded first, moving each of
 * their dossiers to the least-loaded expert that may take it while that
 * lowers the spread (loads differ by 2 or more); until a pass moves
 * nothing. Each move lowers the sum of squared loads, so it ends. A
 * search is skipped when no expert of its pool is loaded 2 less than u
 * (the pools' least loads are exact: a bound taken at the start of the
 * pass went stale as moves loaded the light experts, and the searches it
 * let through made repair quadratic in each expert's load). */
int lc_rk_assign_repair(struct solver *s, struct lc_assign_out *out,
			const unsigned char *pinned_slot)
{
	size_t ne = s->in->ne, *ord = malloc(ne * sizeof *ord);
	struct minload ml = { 0 };
	int moved = 1, rc = ord ? minload_init(&ml, s) : LC_ENOMEM;

	while (rc == 0 && moved) {
		size_t minload = ml.min[LC_SECTOR__COUNT];

		moved = 0;
		for (size_t i = 0; i < ne; i++)
			ord[i] = i;
		qsort_r(ord, ne, sizeof *ord, load_desc, s->load);
		for (size_t oi = 0; rc == 0 && oi < ne; oi++) {
			size_t u = ord[oi];

			if (s->load[u] < minload + 2)
				break;
			for (size_t k = 0; k < s->nedoss[u] &&
			     s->load[u] >= minload + 2; k++) {
				size_t d = s->edoss[u][k], slot = 0, v;
				int sec = s->in->dsec[d];
				int p = in_sector(s, u, d) && sec >= 0 &&
					sec < LC_SECTOR__COUNT ? sec :
					LC_SECTOR__COUNT;

				/* no expert light enough to take it */
				if (ml.min[p] + 2 > s->load[u])
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
				v = best_swap(s, u, d, &out->scanned);
				if (v == ne || s->load[v] + 2 > s->load[u])
					continue;
				minload_move(&ml, s, u, s->load[u], -1);
				minload_move(&ml, s, v, s->load[v], 1);
				if (move_review(s, out, u, v, d, k) < 0) {
					rc = LC_ENOMEM;
					break;
				}
				k--;    /* edoss[u][k] now holds another */
				moved = 1;
			}
		}
	}
	minload_free(&ml);
	free(ord);
	return rc;
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
								via[w],
								SIZE_MAX) < 0)
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

int lc_rk_assign_chains(struct solver *s, struct lc_assign_out *out,
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

