/* assign_int.h - ranker/ private: the reviewer-assignment solver's
 * state, shared by the greedy pass (assign.c) and the load balancing
 * (assign_balance.c). */
#ifndef LC_RANKER_ASSIGN_INT_H
#define LC_RANKER_ASSIGN_INT_H

#include <stddef.h>
#include <stdlib.h>
#include "ranker/ranker.h"

/* Compressed lists of pairs grouped by dossier. */
struct csr {
	size_t *start;   /* nd + 1 */
	size_t *e;       /* experts */
};

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

static inline int in_sector(const struct solver *s, size_t e, size_t d)
{
	int sec = s->in->dsec[d];

	return sec >= 0 && sec < 32 && (s->in->esec[e] >> sec) & 1u;
}

/* Marks the experts excluded from d (conflicted or pinned on it). */
static inline void mark_dossier(struct solver *s, size_t d)
{
	s->stamp++;
	for (size_t i = s->conf.start[d]; i < s->conf.start[d + 1]; i++)
		s->mark[s->conf.e[i]] = s->stamp;
	for (size_t i = s->pin.start[d]; i < s->pin.start[d + 1]; i++)
		s->mark[s->pin.e[i]] = s->stamp;
}

/* Adds dossier d to expert e's list; 0 or LC_ENOMEM. */
static inline int lc_rk_edoss_add(struct solver *s, size_t e, size_t d)
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
/* Moves single reviews from the most to the least loaded experts while
 * one helps; 0 or LC_ENOMEM. */
int lc_rk_assign_repair(struct solver *s, struct lc_assign_out *out,
			const unsigned char *pinned_slot);
/* Chains of moves when no single one helps; 0 or LC_ENOMEM. */
int lc_rk_assign_chains(struct solver *s, struct lc_assign_out *out,
			const unsigned char *pinned_slot);

#endif
