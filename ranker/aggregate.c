/* aggregate.c - aggregation of panel scores per dossier and criterion: mean,
 * median, trimmed mean, per-expert z-scores, and the spread that flags
 * disagreement. No I/O. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

static const char *const agg_names[LC_AGG__COUNT] = {
	"mean", "median", "trimmed", "zscore"
};

int lc_agg_from_name(const char *name)
{
	for (int i = 0; name && i < LC_AGG__COUNT; i++)
		if (strcmp(name, agg_names[i]) == 0)
			return i;
	return -1;
}

const char *lc_agg_name(int agg)
{
	if (agg < 0 || agg >= LC_AGG__COUNT)
		return NULL;
	return agg_names[agg];
}

static int cmp_dbl(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double mean_of(const double *s, size_t k)
{
	double t = 0;

	for (size_t i = 0; i < k; i++)
		t += s[i];
	return t / (double)k;
}

double lc_panel_aggregate(double *s, size_t k, int agg)
{
	if (k == 0)
		return 0;
	switch (agg) {
	case LC_AGG_MEDIAN:
		qsort(s, k, sizeof *s, cmp_dbl);
		return k % 2 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
	case LC_AGG_TRIMMED:
		if (k < 4)
			return mean_of(s, k);
		qsort(s, k, sizeof *s, cmp_dbl);
		return mean_of(s + 1, k - 2);
	default:
		return mean_of(s, k);
	}
}

int lc_panel_zscore(struct lc_panel_score *s, size_t k, double lo,
		    double hi, struct lc_error *err)
{
	char *done = calloc(k ? k : 1, 1);
	double *z = malloc((k ? k : 1) * sizeof *z);

	if (!done || !z) {
		free(done);
		free(z);
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	}
	if (!(hi > lo)) {
		free(done);
		free(z);
		return lc_error_set(err, LC_EDATA, NULL, 0, "scale",
				    "scale maximum must exceed its minimum");
	}
	for (size_t i = 0; i < k; i++) {
		double sum = 0, q = 0, mu, sd;
		size_t c = 0;

		if (done[i])
			continue;
		for (size_t t = i; t < k; t++)
			if (strcmp(s[t].expert, s[i].expert) == 0) {
				sum += s[t].score;
				c++;
			}
		mu = sum / (double)c;
		for (size_t t = i; t < k; t++)
			if (strcmp(s[t].expert, s[i].expert) == 0)
				q += (s[t].score - mu) * (s[t].score - mu);
		sd = sqrt(q / (double)c);
		for (size_t t = i; t < k; t++)
			if (strcmp(s[t].expert, s[i].expert) == 0) {
				z[t] = sd > 0 ? (s[t].score - mu) / sd : 0;
				done[t] = 1;
			}
	}
	for (size_t i = 0; i < k; i++) {
		double v = lo + (hi - lo) * (z[i] + 3) / 6;

		s[i].score = v < lo ? lo : v > hi ? hi : v;
	}
	free(done);
	free(z);
	return 0;
}

double lc_panel_spread(const double *s, size_t k, double lo, double hi)
{
	double a, b;

	if (k < 2 || !(hi > lo))
		return 0;
	a = b = s[0];
	for (size_t i = 1; i < k; i++) {
		a = s[i] < a ? s[i] : a;
		b = s[i] > b ? s[i] : b;
	}
	return (b - a) / (hi - lo);
}

/* Room for 2k doubles in s->buf; 0 or -1. */
static int buf_room(struct lc_rk_scores *s, size_t k)
{
	double *nb;

	if (2 * k <= s->bufcap)
		return 0;
	nb = realloc(s->buf, 2 * k * sizeof *nb);
	if (!nb)
		return -1;
	s->buf = nb;
	s->bufcap = 2 * k;
	return 0;
}

int lc_rk_agg_entry(struct lc_rk_scores *s, size_t i,
		    const struct lc_rk_srow *row, size_t k)
{
	const struct lc_profile *p = s->p;
	struct lc_rk_entry *e = &s->r->e[i];
	/* raw: one criterion's scores as the experts gave them, for the
	 * disagreement (a panel discusses its own scores, whatever the
	 * aggregation does with them); buf: the same, to aggregate */
	double *raw, *buf;

	if (k == 0)
		return 0;
	if (buf_room(s, k))
		return LC_ENOMEM;
	raw = s->buf;
	buf = s->buf + k;
	/* top scores count on the scale as given, before any z-scores */
	for (size_t t = 0; t < k; t++)
		if (row[t].score >= p->crit[row[t].crit].hi)
			e->top++;
	if (p->agg == LC_AGG_ZSCORE) {
		if (s->nz + k > s->zcap) {
			size_t nc = s->zcap ? 2 * s->zcap : 1024;
			struct lc_rk_zrow *nz;

			while (nc < s->nz + k)
				nc *= 2;
			nz = realloc(s->z, nc * sizeof *nz);
			if (!nz)
				return LC_ENOMEM;
			s->z = nz;
			s->zcap = nc;
		}
		for (size_t t = 0; t < k; t++)
			s->z[s->nz++] = (struct lc_rk_zrow){ row[t].expert,
				row[t].score, (uint32_t)i, row[t].crit };
	}
	for (size_t j = 0; j < p->ncrit; j++) {
		size_t c = 0;
		double sp;

		if (!p->crit[j].panel)
			continue;
		for (size_t t = 0; t < k; t++)
			if (row[t].crit == (int)j)
				raw[c++] = row[t].score;
		e->nsc[j] = (int)c;
		if (c == 0)
			continue;
		sp = lc_panel_spread(raw, c, p->crit[j].lo, p->crit[j].hi);
		e->flag[j] = sp > p->disagreement;
		e->spread = sp > e->spread ? sp : e->spread;
		s->kmax = (long)c > s->kmax ? (long)c : s->kmax;
		if (p->agg == LC_AGG_ZSCORE)
			continue;     /* lc_rk_agg_finish */
		memcpy(buf, raw, c * sizeof *buf);
		e->x[j] = lc_panel_aggregate(buf, c, p->agg);
		s->plain += p->agg == LC_AGG_TRIMMED && c < 4;
	}
	return 0;
}

/* The z-scores of every kept row, criterion by criterion over the whole
 * edition, then each entry's mean of them. */
static int zscores(struct lc_ranking *r, const struct lc_profile *p,
		   struct lc_rk_scores *s, struct lc_error *err)
{
	struct lc_panel_score *ps = malloc((s->nz ? s->nz : 1) * sizeof *ps);

	if (!ps)
		return lc_rk_oom(err);
	for (size_t j = 0; j < p->ncrit; j++) {
		size_t k = 0;

		if (!p->crit[j].panel)
			continue;
		for (size_t t = 0; t < s->nz; t++)
			if (s->z[t].crit == (int)j) {
				ps[k].tech = r->e[s->z[t].entry].id;
				ps[k].expert = s->z[t].expert;
				ps[k].score = s->z[t].score;
				k++;
			}
		if (lc_panel_zscore(ps, k, p->crit[j].lo, p->crit[j].hi,
				    err)) {
			free(ps);
			return err ? err->status : LC_EDATA;
		}
		k = 0;
		for (size_t t = 0; t < s->nz; t++)
			if (s->z[t].crit == (int)j)
				s->z[t].score = ps[k++].score;
	}
	free(ps);
	/* rows were kept entry by entry, so each entry's are adjacent */
	for (size_t t = 0; t < s->nz;) {
		size_t i = s->z[t].entry, start = t;
		struct lc_rk_entry *e = &r->e[i];

		while (t < s->nz && s->z[t].entry == i)
			t++;
		for (size_t j = 0; j < p->ncrit; j++) {
			double sum = 0;
			size_t k = 0;

			if (!p->crit[j].panel)
				continue;
			for (size_t q = start; q < t; q++)
				if (s->z[q].crit == (int)j) {
					sum += s->z[q].score;
					k++;
				}
			if (k)
				e->x[j] = sum / (double)k;
		}
	}
	return 0;
}

int lc_rk_agg_finish(struct lc_ranking *r, const struct lc_profile *p,
		     struct lc_rk_scores *s, struct lc_error *err)
{
	if (p->agg == LC_AGG_ZSCORE) {
		int rc = zscores(r, p, s, err);

		if (rc)
			return rc;
	}
	/* a trimmed mean of fewer than 4 scores drops nothing: say so, or
	 * a reader believes outliers were trimmed */
	if (s->plain && s->kmax < 4)
		lc_rk_note(r, "panel: the trimmed mean trimmed nothing: every "
			   "dossier has fewer than 4 scores on a criterion "
			   "(at most %ld), so each aggregate is the plain "
			   "mean", s->kmax);
	else if (s->plain)
		lc_rk_note(r, "panel: the trimmed mean trimmed nothing in %ld "
			   "aggregate(s) of fewer than 4 scores (plain means)",
			   s->plain);
	return 0;
}
