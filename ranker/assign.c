/* assign.c - reviewer assignment: a deterministic greedy (most
 * constrained dossier first, least-loaded expert of its sector) with a
 * load-balancing repair pass, and its storage as assign records. */
#include <stdlib.h>
#include <string.h>
#include "ranker/assign_int.h"

void lc_assign_release(struct lc_assign_out *out)
{
	free(out->start);
	free(out->who);
	free(out->fallback);
	free(out->bad);
	free(out->bad_free);
	memset(out, 0, sizeof *out);
}

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
			if (lc_rk_edoss_add(&s, s.pin.e[i], d) < 0)
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
			if (lc_rk_edoss_add(&s, best[i], d) < 0)
				goto oom;
		}
	}
	rc = lc_rk_assign_repair(&s, out, pinned_slot);
	if (rc == 0)
		rc = lc_rk_assign_chains(&s, out, pinned_slot);
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
