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

/* The panel criteria of every entry: each aggregated by the profile's
 * rule, with the disagreement flag and the count of top scores. */
int lc_rk_aggregate(struct lc_ranking *r, const struct lc_profile *p,
		     struct lc_rk_scores *s, struct lc_error *err)
{
	/* buf: one entry's scores on one criterion; raw: the scores as the
	 * experts gave them, for the disagreement (a panel discusses its
	 * own scores, whatever the aggregation does with them) */
	double *buf = malloc((s->n ? s->n : 1) * 2 * sizeof *buf);
	double *raw = buf + (s->n ? s->n : 1);
	struct lc_panel_score *ps = NULL;

	if (!buf)
		return lc_rk_oom(err);
	for (size_t t = 0; t < s->n; t++)
		raw[t] = s->row[t].score;
	/* top scores count on the scale as given, before any z-scores */
	for (size_t t = 0; t < s->n; t++)
		if (s->row[t].score >= p->crit[s->row[t].crit].hi)
			r->e[s->row[t].entry].top++;
	if (p->agg == LC_AGG_ZSCORE) {
		ps = malloc((s->n ? s->n : 1) * sizeof *ps);
		if (!ps) {
			free(buf);
			return lc_rk_oom(err);
		}
		for (size_t j = 0; j < p->ncrit; j++) {
			size_t k = 0;

			if (!p->crit[j].panel)
				continue;
			for (size_t t = 0; t < s->n; t++)
				if (s->row[t].crit == (int)j) {
					ps[k].tech = r->e[s->row[t].entry].id;
					ps[k].expert = s->row[t].expert;
					ps[k].score = s->row[t].score;
					k++;
				}
			if (lc_panel_zscore(ps, k, p->crit[j].lo,
					    p->crit[j].hi, err)) {
				free(ps);
				free(buf);
				return err ? err->status : LC_EDATA;
			}
			k = 0;
			for (size_t t = 0; t < s->n; t++)
				if (s->row[t].crit == (int)j)
					s->row[t].score = ps[k++].score;
		}
	}
	/* rows were collected entry by entry, so each entry's are adjacent */
	long plain = 0, kmax = 0;

	for (size_t i = 0, t = 0; i < r->n; i++) {
		struct lc_rk_entry *e = &r->e[i];
		size_t start = t;

		while (t < s->n && s->row[t].entry == i)
			t++;
		for (size_t j = 0; j < p->ncrit; j++) {
			size_t k = 0;
			double sp;

			if (!p->crit[j].panel)
				continue;
			for (size_t q = start; q < t; q++)
				if (s->row[q].crit == (int)j)
					buf[k++] = raw[q];
			e->nsc[j] = (int)k;
			if (k == 0)
				continue;
			sp = lc_panel_spread(buf, k, p->crit[j].lo,
					     p->crit[j].hi);
			e->flag[j] = sp > p->disagreement;
			e->spread = sp > e->spread ? sp : e->spread;
			k = 0;
			for (size_t q = start; q < t; q++)
				if (s->row[q].crit == (int)j)
					buf[k++] = s->row[q].score;
			e->x[j] = lc_panel_aggregate(buf, k, p->agg);
			plain += p->agg == LC_AGG_TRIMMED && k < 4;
			kmax = (long)k > kmax ? (long)k : kmax;
		}
	}
	/* a trimmed mean of fewer than 4 scores drops nothing: say so, or
	 * a reader believes outliers were trimmed */
	if (plain && kmax < 4)
		lc_rk_note(r, "panel: the trimmed mean trimmed nothing: every "
			   "dossier has fewer than 4 scores on a criterion "
			   "(at most %ld), so each aggregate is the plain "
			   "mean", kmax);
	else if (plain)
		lc_rk_note(r, "panel: the trimmed mean trimmed nothing in %ld "
			   "aggregate(s) of fewer than 4 scores (plain means)",
			   plain);
	free(ps);
	free(buf);
	return 0;
}
