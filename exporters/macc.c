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
	char *buf = NULL, tot[64], neg[64], lo[64], hi[64], av[64], pr[64];
	size_t len = 0, drawn = 0, gases = 0;
	double total = 0, negative = 0, cmin = INFINITY, cmax = -INFINITY;
	FILE *fp = open_memstream(&buf, &len);
	int en = exp_is_en(lang);

	if (!fp)
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
	/* the bars left out are named only when there are some */
	if (en) {
		fprintf(fp, "Marginal abatement cost curve of %zu "
			"technologies", drawn);
		if (n > drawn)
			fprintf(fp, " (%zu without potential not drawn)",
				n - drawn);
		fprintf(fp, ": total potential %s, costs from %s to %s "
			"CNY/tCO2%s, %s%% of the potential at negative cost.",
			tot, drawn ? lo : "—", drawn ? hi : "—",
			gases ? "e" : "", neg);
		if (gases)
			fprintf(fp, " %zu of them abate another greenhouse "
				"gas than CO2: the curve is in CO2 equivalent "
				"(GWP100).", gases);
	} else {
		fprintf(fp, "%zu项技术的边际减排成本曲线", drawn);
		if (n > drawn)
			fprintf(fp, "（另有%zu项无减排潜力，未绘出）",
				n - drawn);
		fprintf(fp, "：总减排潜力%s，减排成本%s至%s"
			"元/吨CO2%s，负成本部分占潜力的%s%%。",
			tot, drawn ? lo : "—", drawn ? hi : "—",
			gases ? "e" : "", neg);
		if (gases)
			fprintf(fp, "其中%zu项技术减排的是二氧化碳以外的温室"
				"气体，曲线按CO2当量（GWP100）计。", gases);
	}
	if (isfinite(price)) {
		lc_co2e_human(lc_macc_available(b, n, price), lang,
			      gases > 0, av, sizeof av);
		lc_num_human(price, 0, pr, sizeof pr);
		if (en)
			fprintf(fp, " At a carbon price of %s CNY/tCO2, %s "
				"is available at or below it.", pr,
				av);
		else
			fprintf(fp, "在碳价%s元/吨CO2下，成本不高于碳价的减排"
				"潜力为%s。", pr, av);
	}
	if (fclose(fp) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}
