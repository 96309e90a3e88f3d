/* catalog_export.c - machine-readable exports: the catalog as submission
 * XML (re-importable), CSV or JSON; the MACC data; a ranking with its
 * explanations. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/internal.h"
#include "ranker/ranker.h"

/* Every format streams: one dossier written as it is read, so memory
 * does not grow with the catalog. */
struct cat_out {
	FILE *fp;
	int format;
	long n;
	struct lc_xml_writer *x;    /* XML */
	struct lc_error *err;
	int failed;
};

static int cat_one(const struct lc_tech *t, void *ctx)
{
	struct cat_out *o = ctx;

	switch (o->format) {
	case LC_EXPORT_CSV:
		lc_tech_csv_row(o->fp, t, 1);
		break;
	case LC_EXPORT_JSON:
		fputs(o->n ? ",\n" : "\n", o->fp);
		lc_tech_json(o->fp, t, 0);
		break;
	default:
		if (lc_xml_writer_add(o->x, t, o->err) < 0) {
			o->failed = 1;
			return 1;
		}
	}
	o->n++;
	return 0;
}

static int write_check(FILE *fp, struct lc_error *err)
{
	if (fflush(fp) != 0 || ferror(fp))
		return lc_error_set(err, LC_EIO, NULL, 0, NULL,
				    "write error");
	return 0;
}

int lc_export_catalog(struct lc_catalog *cat, const struct lc_filter *f,
		      int format, int bom, FILE *fp, struct lc_error *err)
{
	struct cat_out o = { fp, format, 0, NULL, err, 0 };
	int rc;

	if (format == LC_EXPORT_XLSX)
		return exp_catalog_xlsx(cat, f, fp, err);
	if (format != LC_EXPORT_CSV && format != LC_EXPORT_JSON &&
	    format != LC_EXPORT_XML)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "format",
				    "unknown export format");
	if (bom && format == LC_EXPORT_CSV)
		fputs("\xEF\xBB\xBF", fp);
	if (format == LC_EXPORT_CSV)
		lc_tech_csv_header(fp);
	else if (format == LC_EXPORT_JSON)
		fputs("[", fp);
	else if ((rc = lc_xml_writer_begin(&o.x, fp, f ? f->edition : NULL,
					   err)) < 0)
		return rc;
	rc = lc_catalog_each_tech(cat, f, cat_one, &o, err);
	if (o.failed)
		rc = err ? err->status : LC_EIO;
	if (rc == 0 && format == LC_EXPORT_JSON)
		fputs(o.n ? "\n]\n" : "]\n", fp);
	if (format == LC_EXPORT_XML) {
		int rc2 = lc_xml_writer_end(o.x, err);

		rc = rc < 0 ? rc : rc2;
	}
	return rc < 0 ? rc : write_check(fp, err);
}

/* ---- MACC data ----------------------------------------------------- */

struct macc_ctx {
	struct lc_macc_item *it;
	char **strs;      /* owned copies of ids, names, products: 3 per
			     item */
	size_t n, cap, skipped;
	int sector, min_trl;
	double rate;
	int basis;        /* enum lc_cost_basis */
	const char *lang;
	int oom;
};

static int macc_one(const struct lc_tech *t, void *vc)
{
	struct macc_ctx *c = vc;
	const char *prod;
	double cost, pot;

	if (c->sector >= 0 && lc_tech_sector(t) != c->sector)
		return 0;
	if (c->min_trl > 0 && lc_tech_trl(t) < c->min_trl)
		return 0;
	if (!lc_cost_value(t, c->basis, c->rate, &cost)) {
		c->skipped++;
		return 0;
	}
	if (!lc_tech_num(t, LC_F_POTENTIAL, &pot))
		pot = NAN;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 256;
		struct lc_macc_item *ni = realloc(c->it, cap * sizeof *ni);
		char **ns;

		if (ni)
			c->it = ni;
		ns = ni ? realloc(c->strs, 3 * cap * sizeof *ns) : NULL;
		if (!ns) {
			c->oom = 1;
			return 1;
		}
		c->strs = ns;
		c->cap = cap;
	}
	prod = lc_tech_get(t, LC_F_PRODUCT);
	c->strs[3 * c->n] = strdup(lc_tech_get(t, LC_F_ID));
	c->strs[3 * c->n + 1] = strdup(lc_tech_name(t, c->lang));
	c->strs[3 * c->n + 2] = strdup(prod ? prod : "");
	if (!c->strs[3 * c->n] || !c->strs[3 * c->n + 1] ||
	    !c->strs[3 * c->n + 2]) {
		free(c->strs[3 * c->n]);
		free(c->strs[3 * c->n + 1]);
		free(c->strs[3 * c->n + 2]);
		c->oom = 1;
		return 1;
	}
	c->it[c->n].id = c->strs[3 * c->n];
	c->it[c->n].name = c->strs[3 * c->n + 1];
	c->it[c->n].product = c->strs[3 * c->n + 2];
	c->it[c->n].trl = lc_tech_trl(t);
	c->it[c->n].co2e = lc_tech_not_co2(t);
	c->it[c->n].cost = cost;
	c->it[c->n].potential = pot;
	c->n++;
	return 0;
}

int lc_macc_edition(struct lc_catalog *cat, const char *edition,
		    int sector, int min_trl, double rate, int basis,
		    const char *lang, struct lc_macc_bar **bars, size_t *n,
		    size_t *skipped, struct lc_error *err)
{
	struct macc_ctx c = { NULL, NULL, 0, 0, 0, sector, min_trl, rate,
			      basis, lang, 0 };
	struct lc_products *prods = NULL;
	struct lc_filter f;
	int rc;

	*bars = NULL;
	*n = 0;
	lc_filter_init(&f);
	f.edition = edition;
	rc = lc_catalog_each_tech(cat, &f, macc_one, &c, err);
	if (c.oom)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
	if (rc == 0 && c.n == 0 && c.skipped == 0 && sector >= 0)
		rc = lc_error_set(err, LC_ENOTFOUND, NULL, 0, "edition",
				  "no dossier in edition %s and sector %s",
				  edition ? edition : "",
				  lc_sector_name(sector));
	else if (rc == 0 && c.n == 0 && c.skipped == 0)
		rc = lc_error_set(err, LC_ENOTFOUND, NULL, 0, "edition",
				  "no dossier in edition %s",
				  edition ? edition : "");
	if (rc == 0)
		rc = lc_products_load(NULL, &prods, err);
	if (rc == 0)
		rc = lc_macc_layout_capped(c.it, c.n, prods, bars, err);
	lc_products_free(prods);
	if (rc == 0)
		*n = c.n;
	if (skipped)
		*skipped = c.skipped;
	for (size_t i = 0; i < 3 * c.n; i++)
		free(c.strs[i]);
	free(c.strs);
	free(c.it);
	return rc;
}

/* Shortest round-trip number, or none (NaN) written as none. */
static void num_or(FILE *fp, double v, const char *none)
{
	char b[48];

	fputs(lc_num_format(v, b, sizeof b) ? b : none, fp);
}

#define put_num(fp, v) num_or(fp, v, "")
#define json_num(fp, v) num_or(fp, v, "null")

/* The numbers of a bar, in the CSV column order. */
static const char *const bar_keys[4] = { "cost", "potential", "xmin",
					 "xmax" };

static double bar_num(const struct lc_macc_bar *b, int k)
{
	return k == 0 ? b->cost : k == 1 ? b->potential : k == 2 ? b->xmin :
	       b->xmax;
}

void lc_macc_write_csv(FILE *fp, const struct lc_macc_bar *b, size_t n)
{
	fputs("id,name,cost,potential,xmin,xmax,product,claimed\n", fp);
	for (size_t i = 0; i < n; i++) {
		lc_csv_field(fp, b[i].id, 1);
		putc(',', fp);
		lc_csv_field(fp, b[i].name, 1);
		for (int k = 0; k < 4; k++) {
			putc(',', fp);
			put_num(fp, bar_num(&b[i], k));
		}
		putc(',', fp);
		lc_csv_field(fp, b[i].product, 1);
		putc(',', fp);
		put_num(fp, b[i].claimed);
		putc('\n', fp);
	}
}

/* ", "assumptions": {"path": ..., "sha256": ...}" when a is not NULL. */
static void assumptions_json(FILE *fp, const struct lc_assumptions *a)
{
	if (!a)
		return;
	fputs(",\n \"assumptions\": {\"path\": ", fp);
	lc_json_string(fp, lc_assumptions_path(a));
	fputs(", \"sha256\": ", fp);
	lc_json_string(fp, lc_assumptions_sha256(a));
	fputc('}', fp);
}

void lc_macc_write_json(FILE *fp, const struct lc_macc_bar *b, size_t n,
			double price, const struct lc_assumptions *a)
{
	fputs("{\"unit_cost\": \"CNY/tCO2\", \"unit_potential\": "
	      "\"tCO2/a\"", fp);
	assumptions_json(fp, a);
	fputs(",\n \"carbon_price\": ", fp);
	json_num(fp, price);
	if (isfinite(price)) {
		fputs(", \"available_at_price\": ", fp);
		json_num(fp, lc_macc_available(b, n, price));
	}
	fputs(",\n \"bars\": [", fp);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ",\n  {\"id\": " : "\n  {\"id\": ", fp);
		lc_json_string(fp, b[i].id);
		fputs(", \"name\": ", fp);
		lc_json_string(fp, b[i].name);
		for (int k = 0; k < 4; k++) {
			fprintf(fp, ", \"%s\": ", bar_keys[k]);
			json_num(fp, bar_num(&b[i], k));
		}
		fprintf(fp, ", \"drawn\": %s}", b[i].drawn ? "true" : "false");
	}
	fputs(n ? "\n ]\n}\n" : "]\n}\n", fp);
}

/* ---- ranking ------------------------------------------------------------ */

static void rank_csv(FILE *fp, const struct lc_ranking *r)
{
	size_t nc = lc_ranking_info(r)->ncrit;

	fputs("rank,id,name,sector,score,selected,eligible,excluded", fp);
	for (size_t j = 0; j < nc; j++) {
		fputs(",", fp);
		lc_csv_field(fp, lc_ranking_info(r)->crit[j], 1);
		fputs("_value,", fp);
		lc_csv_field(fp, lc_ranking_info(r)->crit[j], 1);
		fputs("_contribution", fp);
	}
	fputs(",tiebreak,quota_note\n", fp);
	for (size_t i = 0; i < lc_ranking_info(r)->count; i++) {
		int rank = lc_ranking_entry(r, i)->rank;

		if (rank)
			fprintf(fp, "%d", rank);
		putc(',', fp);
		lc_csv_field(fp, lc_ranking_entry(r, i)->id, 1);
		putc(',', fp);
		lc_csv_field(fp, lc_ranking_entry(r, i)->name, 1);
		putc(',', fp);
		lc_csv_field(fp, lc_sector_name(lc_ranking_entry(r, i)->sector), 1);
		putc(',', fp);
		put_num(fp, lc_ranking_entry(r, i)->score);
		fprintf(fp, ",%d,%d,", lc_ranking_entry(r, i)->selected,
			lc_ranking_entry(r, i)->eligible);
		lc_csv_field(fp, lc_ranking_entry(r, i)->excluded, 1);
		for (size_t j = 0; j < nc; j++) {
			putc(',', fp);
			put_num(fp, lc_ranking_entry(r, i)->value[j]);
			putc(',', fp);
			put_num(fp, lc_ranking_entry(r, i)->contrib[j]);
		}
		putc(',', fp);
		lc_csv_field(fp, lc_ranking_entry(r, i)->tiebreak, 1);
		putc(',', fp);
		lc_csv_field(fp, lc_ranking_entry(r, i)->quota, 1);
		putc('\n', fp);
	}
}

static void rank_json(FILE *fp, const struct lc_ranking *r,
		      const struct lc_assumptions *a)
{
	size_t nc = lc_ranking_info(r)->ncrit;

	fputs("{\"edition\": ", fp);
	lc_json_string(fp, lc_ranking_info(r)->edition);
	fputs(", \"profile\": ", fp);
	lc_json_string(fp, lc_ranking_info(r)->profile);
	fputs(", \"method\": ", fp);
	lc_json_string(fp, lc_ranking_info(r)->method);
	fputs(", \"hash\": ", fp);
	lc_json_string(fp, lc_ranking_info(r)->hash);
	assumptions_json(fp, a);
	fputs(",\n \"notes\": ", fp);
	lc_json_string(fp, lc_ranking_info(r)->notes);
	fputs(",\n \"criteria\": [", fp);
	for (size_t j = 0; j < nc; j++) {
		fputs(j ? ", {\"id\": " : "{\"id\": ", fp);
		lc_json_string(fp, lc_ranking_info(r)->crit[j]);
		fputs(", \"weight\": ", fp);
		json_num(fp, lc_ranking_info(r)->weight[j]);
		putc('}', fp);
	}
	fputs("],\n \"entries\": [", fp);
	for (size_t i = 0; i < lc_ranking_info(r)->count; i++) {
		fputs(i ? ",\n  {\"rank\": " : "\n  {\"rank\": ", fp);
		if (lc_ranking_entry(r, i)->rank)
			fprintf(fp, "%d", lc_ranking_entry(r, i)->rank);
		else
			fputs("null", fp);
		fputs(", \"id\": ", fp);
		lc_json_string(fp, lc_ranking_entry(r, i)->id);
		fputs(", \"name\": ", fp);
		lc_json_string(fp, lc_ranking_entry(r, i)->name);
		fputs(", \"sector\": ", fp);
		lc_json_string(fp, lc_sector_name(lc_ranking_entry(r, i)->sector));
		fputs(", \"score\": ", fp);
		json_num(fp, lc_ranking_entry(r, i)->score);
		fprintf(fp, ", \"selected\": %s, \"eligible\": %s",
			lc_ranking_entry(r, i)->selected ? "true" : "false",
			lc_ranking_entry(r, i)->eligible ? "true" : "false");
		fputs(", \"excluded\": ", fp);
		lc_json_string(fp, lc_ranking_entry(r, i)->excluded);
		fputs(", \"tiebreak\": ", fp);
		lc_json_string(fp, lc_ranking_entry(r, i)->tiebreak);
		fputs(", \"quota_note\": ", fp);
		lc_json_string(fp, lc_ranking_entry(r, i)->quota);
		fputs(",\n   \"criteria\": {", fp);
		for (size_t j = 0; j < nc; j++) {
			fputs(j ? ", " : "", fp);
			lc_json_string(fp, lc_ranking_info(r)->crit[j]);
			fputs(": {\"value\": ", fp);
			json_num(fp, lc_ranking_entry(r, i)->value[j]);
			fputs(", \"contribution\": ", fp);
			json_num(fp, lc_ranking_entry(r, i)->contrib[j]);
			putc('}', fp);
		}
		fputs("}}", fp);
	}
	fputs("\n ]\n}\n", fp);
}

int lc_export_ranking(struct lc_catalog *cat, const char *edition,
		      const char *profile, const struct lc_assumptions *a,
		      int format, int bom, FILE *fp, struct lc_error *err)
{
	struct lc_profile *p = NULL;
	struct lc_ranking *r = NULL;
	struct lc_rank_opts ro;
	int rc;

	if (format != LC_EXPORT_CSV && format != LC_EXPORT_JSON &&
	    format != LC_EXPORT_XLSX)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "format",
				    "unknown export format");
	rc = lc_profile_load(profile ? profile : "top20", &p, err);
	if (rc == 0) {
		lc_rank_opts_init(&ro);
		ro.assumptions = a;
		rc = lc_rank_edition(cat, edition, p, &ro, &r, err);
	}
	if (rc == 0 && format == LC_EXPORT_XLSX) {
		rc = exp_ranking_xlsx(r, fp, err);
	} else if (rc == 0) {
		if (format == LC_EXPORT_CSV) {
			if (bom)
				fputs("\xEF\xBB\xBF", fp);
			rank_csv(fp, r);
		} else {
			rank_json(fp, r, a);
		}
		rc = write_check(fp, err);
	}
	lc_ranking_free(r);
	lc_profile_free(p);
	return rc;
}
