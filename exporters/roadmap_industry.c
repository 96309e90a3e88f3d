/* roadmap_industry.c - what the roadmap of one industry (`export roadmap
 * --sector S`) has of its own: its title, its key findings, a note on
 * the Top N chapter (the industry's share of the edition's list) and the
 * chapter on where its emissions are and which way its technologies cut
 * them. roadmap.c loads only the industry's dossiers, so the chapters
 * shared with the edition's roadmap (pathway by horizon with its MACC,
 * milestones, changes since the previous edition) are the industry's. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

/* key filled with names[k] = vals[k] as a paragraph (item 0) or bullet
 * item (item 1). */
static int say(struct rm *m, int item, const char *key,
	       const char *const *names, const char *const *vals, size_t n)
{
	char buf[2048];

	lc_words_fill(m->w, key, names, vals, n, buf, sizeof buf);
	return item ? lc_doc_item(m->d, buf) : lc_doc_para(m->d, buf);
}

static const char *sector_label(const struct rm *m)
{
	return rm_sector_label(m, m->o->sector);
}

int rm_industry_title(struct rm *m)
{
	const char *names[] = { "edition", "sector" };
	const char *vals[2];
	char t[256];

	vals[0] = m->o->edition;
	vals[1] = sector_label(m);
	return lc_doc_title(m->d, lc_words_fill(m->w, "rs.title", names,
						vals, 2, t, sizeof t),
			    W(m, "rs.subtitle"));
}

/* The dossier on the printed list at position i counts (a withdrawn one
 * is not on a published list). */
static int listed(const struct rm *m, size_t i)
{
	return !(m->list_withdrawn[i] && m->list_kind == RM_LIST_PUBLISHED);
}

int rm_industry_findings(struct rm *m)
{
	const char *names[] = { "edition", "sector", "n", "potential",
				"share", "costed", "now", "demo", "research",
				"price", "available", "names" };
	const char *vals[12];
	char nb[24], pb[64], sb[48], cb[64], h[3][24], pr[48], ab[64];
	char names_buf[1024], parts[800];
	double total = 0, costed = 0, negative = 0, lpot = 0, av = 0;
	long byh[3] = { 0 }, nl = 0;
	size_t top[3] = { 0 }, ntop = 0, off = 0;
	int rc;

	for (size_t i = 0; i < m->cur.n; i++) {
		const struct tinfo *ti = &m->cur.v[i];

		if (ti->horizon >= 0)
			byh[ti->horizon]++;
		if (!(ti->pot > 0))
			continue;
		total += ti->pot;
		if (ti->costsrc) {
			costed += ti->pot;
			negative += ti->cost < 0 ? ti->pot : 0;
			if (isfinite(m->o->carbon_price) &&
			    ti->cost <= m->o->carbon_price)
				av += ti->pot;
		}
		rm_top3(m, top, &ntop, i);
	}
	for (size_t i = 0; i < m->nlist; i++) {
		long k = rm_tech_index(m, m->list[i]);

		if (!listed(m, i))
			continue;
		nl++;
		if (k >= 0 && m->cur.v[k].pot > 0)
			lpot += m->cur.v[k].pot;
	}
	for (size_t k = 0; k < 12; k++)
		vals[k] = "";
	rc = lc_doc_section(m->d, 1, W(m, "rs.findings"));
	vals[0] = m->o->edition;
	vals[1] = sector_label(m);
	snprintf(nb, sizeof nb, "%zu", m->cur.n);
	vals[2] = nb;
	vals[3] = rm_co2(m, total, pb);
	if (rc == 0)
		rc = say(m, 1, "rs.findings.count", names, vals, 4);
	snprintf(nb, sizeof nb, "%ld", nl);
	vals[3] = rm_co2(m, lpot, pb);
	if (rc == 0)
		rc = say(m, 1, m->nlist ? "rs.findings.list" :
			 "rs.findings.no-list", names, vals, 4);
	vals[4] = rm_num(costed > 0 ? 100 * negative / costed : 0, 1, sb);
	vals[5] = rm_co2(m, costed, cb);
	if (rc == 0)
		rc = say(m, 1, "rs.findings.cost", names, vals, 6);
	/* the horizons that have technologies, as the edition's findings
	 * say them */
	parts[0] = '\0';
	for (int k = 0, len = 0; k < 3; k++) {
		static const char *const hk[3] = { "findings.h0",
						   "findings.h1",
						   "findings.h2" };
		const char *pn[] = { "n" };
		const char *pv[1];
		char part[256];

		if (!byh[k] || len >= (int)sizeof parts)
			continue;
		snprintf(h[k], sizeof h[k], "%ld", byh[k]);
		pv[0] = h[k];
		lc_words_fill(m->w, hk[k], pn, pv, 1, part, sizeof part);
		len += snprintf(parts + len, sizeof parts - (size_t)len,
				"%s%s", len ? W(m, "findings.sep2") : "",
				part);
	}
	if (rc == 0 && parts[0]) {
		const char *pn[] = { "parts" };
		const char *pv[] = { parts };

		rc = say(m, 1, "findings.horizons", pn, pv, 1);
	}
	names_buf[0] = '\0';
	for (size_t k = 0; k < ntop && off < sizeof names_buf; k++) {
		char a[64];

		off += (size_t)snprintf(names_buf + off, sizeof names_buf - off,
					"%s%s%s%s%s", k ? W(m, "list.sep") : "",
					lc_tech_name(m->cur.v[top[k]].t,
						     m->lang),
					W(m, "rs.paren.open"),
					rm_co2(m, m->cur.v[top[k]].pot, a),
					W(m, "rs.paren.close"));
	}
	vals[11] = names_buf;
	if (rc == 0 && ntop)
		rc = say(m, 1, "rs.findings.largest", names, vals, 12);
	if (rc == 0 && isfinite(m->o->carbon_price)) {
		vals[9] = rm_num(m->o->carbon_price, 0, pr);
		vals[10] = rm_co2(m, av, ab);
		rc = say(m, 1, "rs.findings.price", names, vals, 11);
	}
	return rc;
}

int rm_industry_top_note(struct rm *m, size_t total)
{
	const char *names[] = { "sector", "n", "total" };
	const char *vals[3];
	char nb[24], tb[24];
	size_t n = 0;

	for (size_t i = 0; i < m->nlist; i++)
		n += listed(m, i) != 0;
	if (!m->rank && !m->nlist)
		return 0;
	snprintf(nb, sizeof nb, "%zu", n);
	snprintf(tb, sizeof tb, "%zu", total);
	vals[0] = sector_label(m);
	vals[1] = nb;
	vals[2] = tb;
	return say(m, 0, "rs.top.note", names, vals, 3);
}

/* The baseline emissions of a product (tCO2e/a) from the list of
 * products (data/products.xml, as `lowcarb products` shows it), NaN
 * when the list or the product is unknown or its figure is not given;
 * its name in the document's language into *name (NULL: the code). */
static double product_baseline(const struct lc_products *ps,
			       const char *product, int en,
			       const char **name)
{
	int k = ps ? lc_products_find(ps, product) : -1;
	const struct lc_product *pr;

	*name = NULL;
	if (k < 0)
		return NAN;
	pr = lc_products_get(ps, (size_t)k);
	*name = en ? pr->name_en : pr->name_zh;
	if (!*name || !**name)
		*name = en ? pr->name_zh : pr->name_en;
	return pr->emissions > 0 ? pr->emissions : NAN;
}

/* A group of the industry's dossiers: a product, or a category for
 * those that name none. */
struct group {
	const char *key;    /* the product's code or the category's label */
	const char *label;  /* as printed */
	long n, byh[3];
	double pot, baseline;
	int product;        /* 1: a product's code, 0: a category's label */
};

static int by_potential(const void *va, const void *vb)
{
	const struct group *a = va, *b = vb;

	if (a->pot != b->pot)
		return a->pot > b->pot ? -1 : 1;
	return strcmp(a->label, b->label);
}

/* Adds the pathway rows of the dossiers whose product is product (NULL:
 * those that name none) under label: one row a dossier, by horizon; the
 * product's and the horizon's cells only on the first row of each. */
static int pathway_rows(struct rm *m, const char *product, const char *label)
{
	const char *row[4];
	int rc = 0, first = 1;

	for (int h = 0; rc == 0 && h < 3; h++) {
		int hfirst = 1;

		for (size_t i = 0; rc == 0 && i < m->cur.n; i++) {
			const struct tinfo *ti = &m->cur.v[i];
			const char *p = lc_tech_get(ti->t, LC_F_PRODUCT);
			int has = p && *p;

			if (ti->horizon != h || has != (product != NULL) ||
			    (product && strcmp(p, product)))
				continue;
			row[0] = first ? label : "";
			row[1] = hfirst ? rm_horizon_label(m, h) : "";
			row[2] = lc_tech_get(ti->t, LC_F_ID);
			row[3] = lc_tech_name(ti->t, m->lang);
			first = hfirst = 0;
			rc = lc_doc_row(m->d, row);
		}
	}
	return rc;
}

/* The technology pathway by product and horizon (promote now,
 * demonstrate by 2030, research for 2060): the products in the order of
 * the table before (g), then the dossiers that name no product. */
static int pathway(struct rm *m, const struct group *g, size_t ng)
{
	const char *head[4];
	long none = 0;
	int rc;

	for (size_t i = 0; i < m->cur.n; i++) {
		const char *p = lc_tech_get(m->cur.v[i].t, LC_F_PRODUCT);

		none += !(p && *p) && m->cur.v[i].horizon >= 0;
	}
	rc = lc_doc_section(m->d, 2, W(m, "rs.path"));
	if (rc == 0)
		rc = lc_doc_para(m->d, W(m, "rs.path.intro"));
	head[0] = W(m, "rs.path.col.product");
	head[1] = W(m, "rs.path.col.horizon");
	head[2] = W(m, "col.id");
	head[3] = W(m, "col.name");
	if (rc == 0)
		rc = lc_doc_table(m->d, NULL, 4, head, "llil");
	for (size_t k = 0; rc == 0 && k < ng; k++)
		if (g[k].product)
			rc = pathway_rows(m, g[k].key, g[k].label);
	if (rc == 0 && none)
		rc = pathway_rows(m, NULL, W(m, "rs.path.no-product"));
	return rc;
}

int rm_industry_emissions(struct rm *m)
{
	struct group *g = calloc(m->cur.n + 1, sizeof *g);
	struct lc_products *ps = NULL;
	const char *head[8], *row[8];
	size_t ng = 0;
	double total = 0;
	int rc, baselines = 0, nc;

	if (!g)
		return LC_ENOMEM;
	/* no list of products: every baseline unknown, and the chapter
	 * says so */
	(void)lc_products_load(NULL, &ps, NULL);
	for (size_t i = 0; i < m->cur.n; i++) {
		const struct tinfo *ti = &m->cur.v[i];
		const char *p = lc_tech_get(ti->t, LC_F_PRODUCT);
		const char *label = p && *p ? p :
			lc_category_label(lc_tech_category(ti->t), m->lang);
		size_t k;

		if (!label)
			label = "—";
		for (k = 0; k < ng && strcmp(g[k].key, label); k++)
			;
		if (k == ng) {
			const char *pname = NULL;

			g[ng].key = g[ng].label = label;
			g[ng].product = p && *p;
			g[ng].baseline = p && *p ?
				product_baseline(ps, p, m->en, &pname) : NAN;
			if (pname)
				g[ng].label = pname;
			baselines |= isfinite(g[ng].baseline);
			ng++;
		}
		g[k].n++;
		if (ti->horizon >= 0)
			g[k].byh[ti->horizon]++;
		if (ti->pot > 0) {
			g[k].pot += ti->pot;
			total += ti->pot;
		}
	}
	qsort(g, ng, sizeof *g, by_potential);
	rc = lc_doc_section(m->d, 1, W(m, "rs.emissions"));
	if (rc == 0)
		rc = lc_doc_para(m->d, W(m, baselines ? "rs.emissions.intro" :
					 "rs.emissions.no-baseline"));
	head[0] = W(m, "rs.col.group");
	head[1] = W(m, "rs.col.n");
	head[2] = W(m, "rs.col.potential");
	head[3] = W(m, "rs.col.share");
	nc = 4;
	if (baselines)
		head[nc++] = W(m, "rs.col.baseline-share");
	for (int h = 0; h < 3; h++)
		head[nc++] = rm_horizon_label(m, h);
	if (rc == 0)
		rc = lc_doc_table(m->d, NULL, (size_t)nc, head,
				  baselines ? "lrrrrrrr" : "lrrrrrr");
	for (size_t k = 0; rc == 0 && k < ng; k++) {
		char c[7][48];
		int j = 0;

		snprintf(c[j++], sizeof c[0], "%ld", g[k].n);
		rm_num(g[k].pot, 0, c[j++]);
		rm_num(total > 0 ? 100 * g[k].pot / total : NAN, 1, c[j++]);
		/* the share of the product's baseline its routes claim
		 * (competing routes summed as stated: the MACC counts them
		 * once) */
		if (baselines)
			rm_num(100 * g[k].pot / g[k].baseline, 1, c[j++]);
		for (int h = 0; h < 3; h++)
			snprintf(c[j++], sizeof c[0], "%ld", g[k].byh[h]);
		row[0] = g[k].label;
		for (int i = 0; i < j; i++)
			row[1 + i] = c[i];
		rc = lc_doc_row(m->d, row);
	}
	if (rc == 0)
		rc = pathway(m, g, ng);
	lc_products_free(ps);
	free(g);
	return rc;
}
