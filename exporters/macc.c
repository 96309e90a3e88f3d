/* macc.c - marginal abatement cost curve geometry: bars sorted by cost
 * (ties by id, stable), cumulative potential spans, key numbers, and the
 * curve's text alternative. Drawing is in svg.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/internal.h"

struct order {
	const struct lc_macc_item *it;
	size_t pos;               /* input position: makes the sort stable */
};

static int cmp_order(const void *va, const void *vb)
{
	const struct order *a = va, *b = vb;
	int c;

	if (a->it->cost < b->it->cost)
		return -1;
	if (a->it->cost > b->it->cost)
		return 1;
	c = strcmp(a->it->id ? a->it->id : "", b->it->id ? b->it->id : "");
	if (c)
		return c;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

void lc_macc_free(struct lc_macc_bar *bars, size_t n)
{
	for (size_t i = 0; bars && i < n; i++) {
		free(bars[i].id);
		free(bars[i].name);
		free(bars[i].product);
	}
	free(bars);
}

int lc_macc_layout(const struct lc_macc_item *items, size_t n,
		   struct lc_macc_bar **out, struct lc_error *err)
{
	return lc_macc_layout_capped(items, n, NULL, out, err);
}

int lc_macc_layout_capped(const struct lc_macc_item *items, size_t n,
			  const struct lc_products *prods,
			  struct lc_macc_bar **out, struct lc_error *err)
{
	struct order *o;
	struct lc_macc_bar *b;
	struct lc_cap_route *r;
	double *budget;
	size_t np = lc_products_count(prods);
	int key = 0, rc;

	*out = NULL;
	for (size_t i = 0; i < n; i++)
		if (!isfinite(items[i].cost))
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    "abatement_cost", "'%s': cost is "
					    "not a finite number",
					    items[i].id ? items[i].id : "");
	o = malloc((n ? n : 1) * sizeof *o);
	b = calloc(n ? n : 1, sizeof *b);
	r = calloc(n ? n : 1, sizeof *r);
	budget = malloc((np ? np : 1) * sizeof *budget);
	if (!o || !b || !r || !budget) {
		free(o);
		free(b);
		free(r);
		free(budget);
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		o[i].it = &items[i];
		o[i].pos = i;
	}
	qsort(o, n, sizeof *o, cmp_order);
	for (size_t k = 0; k < np; k++)
		budget[k] = lc_products_get(prods, k)->emissions;
	for (size_t i = 0; i < n; i++) {
		r[i].claimed = o[i].it->potential;
		r[i].product = lc_products_find(prods, o[i].it->product);
	}
	rc = lc_macc_cap(r, n, budget, np, err);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		const struct lc_macc_item *it = o[i].it;
		double p = it->potential;

		b[i].id = strdup(it->id ? it->id : "");
		b[i].name = strdup(it->name ? it->name : "");
		b[i].product = strdup(it->product ? it->product : "");
		if (!b[i].id || !b[i].name || !b[i].product) {
			rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
					  "out of memory");
			break;
		}
		b[i].cost = it->cost;
		b[i].co2e = it->co2e;
		b[i].claimed = isfinite(p) ? p : NAN;
		b[i].potential = isfinite(p) ? r[i].counted : NAN;
		b[i].overlap = r[i].overlap;
		b[i].xmin = r[i].xmin;
		b[i].xmax = r[i].xmax;
		b[i].drawn = b[i].potential > 0;
		if (b[i].drawn)
			b[i].key = ++key;
	}
	free(o);
	free(r);
	free(budget);
	if (rc) {
		lc_macc_free(b, n);
		return rc;
	}
	*out = b;
	return 0;
}

double lc_macc_available(const struct lc_macc_bar *b, size_t n,
			 double price)
{
	double s = 0;

	for (size_t i = 0; i < n; i++)
		if (b[i].drawn && b[i].cost <= price)
			s += b[i].potential;
	return s;
}

char *lc_macc_describe(const struct lc_macc_bar *b, size_t n, double price,
		       const char *lang)
{
	static const char *const names[] = { "drawn", "left", "total", "lo",
					     "hi", "co2", "neg", "n", "price",
					     "available" };
	char tot[64], neg[64], lo[64], hi[64], av[64], pr[64], nd[24], nl[24];
	char ng[24], left[256], one[1024], out[4096];
	const char *vals[10];
	size_t drawn = 0, gases = 0, len;
	double total = 0, negative = 0, cmin = INFINITY, cmax = -INFINITY;
	struct lc_words *w = NULL;

	/* the sentences of the document's language (data/text) */
	if (lc_words_load(lang, &w, NULL) < 0)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (!b[i].drawn)
			continue;
		drawn++;
		gases += b[i].co2e != 0;
		total += b[i].potential;
		if (b[i].cost < 0)
			negative += b[i].potential;
		cmin = fmin(cmin, b[i].cost);
		cmax = fmax(cmax, b[i].cost);
	}
	lc_co2e_human(total, lang, gases > 0, tot, sizeof tot);
	lc_num_human(total > 0 ? 100 * negative / total : 0, 1, neg,
		     sizeof neg);
	lc_num_human(cmin, 0, lo, sizeof lo);
	lc_num_human(cmax, 0, hi, sizeof hi);
	snprintf(nd, sizeof nd, "%zu", drawn);
	snprintf(nl, sizeof nl, "%zu", n - drawn);
	snprintf(ng, sizeof ng, "%zu", gases);
	vals[0] = nd;
	vals[1] = left;
	vals[2] = tot;
	vals[3] = drawn ? lo : "—";
	vals[4] = drawn ? hi : "—";
	vals[5] = gases ? "CO2e" : "CO2";
	vals[6] = neg;
	vals[7] = nl;
	vals[8] = "";
	vals[9] = "";
	/* the bars left out are named only when there are some */
	left[0] = '\0';
	if (n > drawn)
		lc_words_fill(w, "macc.desc.left", names, vals, 10, left,
			      sizeof left);
	lc_words_fill(w, "macc.desc", names, vals, 10, out, sizeof out);
	vals[7] = ng;
	if (gases) {
		lc_words_fill(w, "macc.desc.gases", names, vals, 10, one,
			      sizeof one);
		len = strlen(out);
		snprintf(out + len, sizeof out - len, "%s", one);
	}
	if (isfinite(price)) {
		lc_co2e_human(lc_macc_available(b, n, price), lang,
			      gases > 0, av, sizeof av);
		lc_num_human(price, 0, pr, sizeof pr);
		vals[8] = pr;
		vals[9] = av;
		lc_words_fill(w, "macc.desc.price", names, vals, 10, one,
			      sizeof one);
		len = strlen(out);
		snprintf(out + len, sizeof out - len, "%s", one);
	}
	lc_words_free(w);
	return strdup(out);
}
