/* roadmap_sectors.c - the overview by sector and horizon, one chapter
 * per sector, and the MACC figures they hold. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

/* The MACC dossier i belongs to: its sector's (sector -1: any), with a
 * cost, and available at the horizon upto (TRL 8-9 now, 6-9 by 2030, any
 * by 2060; -1: any), as `export macc --horizon` draws it. */
static int in_macc(const struct tinfo *ti, int sector, int upto)
{
	static const int min_trl[3] = { 8, 6, 0 };

	if ((sector >= 0 && ti->sector != sector) || !ti->costsrc)
		return 0;
	return upto < 0 || upto > 2 || ti->trl >= min_trl[upto];
}

int rm_macc_figure(struct rm *m, int sector, int upto, const char *title,
		   const char *lead)
{
	struct lc_macc_item *it = calloc(m->cur.n + 1, sizeof *it);
	struct lc_macc_bar *b = NULL;
	size_t k = 0;
	char *desc = NULL, *svg = NULL, c1[48], c2[48], c3[48], c4[48];
	char key[32];
	struct lc_products *prods = NULL;
	int rc;
	const char *head[6];

	if (!it)
		return LC_ENOMEM;
	for (size_t i = 0; i < m->cur.n; i++) {
		const struct tinfo *ti = &m->cur.v[i];

		if (!in_macc(ti, sector, upto))
			continue;
		it[k].id = lc_tech_get(ti->t, LC_F_ID);
		it[k].name = lc_tech_name(ti->t, m->lang);
		it[k].cost = ti->cost;
		it[k].potential = ti->pot;
		it[k].product = lc_tech_get(ti->t, LC_F_PRODUCT);
		it[k].trl = lc_tech_trl(ti->t);
		it[k].co2e = lc_tech_not_co2(ti->t);
		k++;
	}
	if (k == 0) {
		free(it);
		return 0;
	}
	/* competing routes counted once (data/products.xml) */
	rc = lc_products_load(NULL, &prods, NULL);
	if (rc == 0)
		rc = lc_macc_layout_capped(it, k, prods, &b, NULL);
	lc_products_free(prods);
	free(it);
	if (rc < 0)
		return rc;
	desc = lc_macc_describe(b, k, m->o->carbon_price, m->lang);
	if (desc)
		svg = lc_svg_macc(b, k, m->o->carbon_price, title, desc,
				  m->lang);
	head[0] = W(m, "macc.col.key");
	head[1] = W(m, "col.id");
	head[2] = W(m, "col.name");
	head[3] = W(m, "col.cost");
	head[4] = W(m, "col.potential");
	head[5] = W(m, "macc.col.span");
	rc = svg && desc ? lc_doc_figure(m->d, title, desc, svg, 6, head,
					 "rilrrr") : LC_ENOMEM;
	for (size_t i = 0; rc == 0 && i < k; i++) {
		char span[100];
		const char *row[6];

		snprintf(key, sizeof key, "%d", b[i].key);
		snprintf(span, sizeof span, "%s – %s", rm_num(b[i].xmin, 0, c3),
			 rm_num(b[i].xmax, 0, c4));
		row[0] = b[i].drawn ? key : W(m, "macc.not-drawn");
		row[1] = b[i].id;
		row[2] = b[i].name;
		row[3] = rm_num(b[i].cost, 0, c1);
		row[4] = rm_num(b[i].potential, 0, c2);
		row[5] = b[i].drawn ? span : "—";
		rc = lc_doc_row(m->d, row);
	}
	if (rc == 0) {
		static const char *const names[4] = { "total", "without",
						      "share", "overlap" };
		double tot = 0, none = 0, over = 0;
		char v1[64], v2[64], v3[48], v4[64], sent[1024];
		char both[1536];
		const char *vals[4] = { v1, v2, v3, v4 };

		for (size_t i = 0; i < k; i++) {
			if (b[i].drawn)
				tot += b[i].potential;
			if (b[i].drawn && !*b[i].product)
				none += b[i].potential;
			over += b[i].overlap;
		}
		rm_co2(m, tot, v1);
		rm_co2(m, none, v2);
		rm_num(tot > 0 ? 100 * none / tot : 0, 0, v3);
		rm_co2(m, over, v4);
		/* the share on entries without a product only when some
		 * rest on such entries */
		snprintf(key, sizeof key, "%s%s", none > 0 ? "macc.counted" :
			 "macc.capped", over > 0 ? "" : ".no-overlap");
		lc_words_fill(m->w, key, names, vals, 4, sent, sizeof sent);
		snprintf(both, sizeof both, "%s%s", lead ? lead : "", sent);
		if (tot > 0)
			rc = lc_doc_para(m->d, both);
	}
	free(desc);
	free(svg);
	lc_macc_free(b, k);
	return rc;
}

int rm_macc_horizons(struct rm *m, int sector)
{
	static const char *const hk[3] = { "macc.h0", "macc.h1", "macc.h2" };
	static const char *const same[3] = { "", "macc.same.h1",
					     "macc.same.h2" };
	const char *names[] = { "sector", "n" };
	const char *vals[2];
	char title[512], lead[512], nb[24], key[32];
	long prev = 0;
	int rc = 0;

	vals[0] = sector >= 0 ? rm_sector_label(m, sector) : "";
	for (int h = 0; rc == 0 && h < 3; h++) {
		long n = 0;

		for (size_t i = 0; i < m->cur.n; i++)
			n += in_macc(&m->cur.v[i], sector, h);
		/* the curves are nested: the same count, the same curve */
		if (!n)
			continue;
		if (n == prev) {
			rc = lc_doc_para(m->d, W(m, same[h]));
			continue;
		}
		prev = n;
		snprintf(nb, sizeof nb, "%ld", n);
		vals[1] = nb;
		snprintf(key, sizeof key, "%s.macc.h%d",
			 sector >= 0 ? "sector" : "overview", h);
		lc_words_fill(m->w, key, names, vals, 2, title, sizeof title);
		lc_words_fill(m->w, hk[h], names, vals, 2, lead, sizeof lead);
		rc = rm_macc_figure(m, sector, h, title, lead);
	}
	return rc;
}

/* Joins the parts key_k (k < 3) whose count is non-zero, each with {n},
 * by sep into out. */
static void parts3(const struct rm *m, const char *const *key,
		   const long *count, const char *sep, char *out, size_t n)
{
	const char *names[] = { "n" };
	const char *vals[1];
	char nb[24], part[256];
	size_t len = 0;

	out[0] = '\0';
	for (int h = 0; h < 3; h++) {
		if (!count[h])
			continue;
		snprintf(nb, sizeof nb, "%ld", count[h]);
		vals[0] = nb;
		lc_words_fill(m->w, key[h], names, vals, 1, part, sizeof part);
		if (len < n)
			len += (size_t)snprintf(out + len, n - len, "%s%s",
						len ? sep : "", part);
	}
}

/* The TRL ladder's text alternative: per sector, the TRL bands it has. */
static void ladder_desc(const struct rm *m, const long *counts,
			const char *const *labels, char *desc, size_t n)
{
	static const char *const key[3] = { "overview.band0",
					     "overview.band1",
					     "overview.band2" };
	const char *names[] = { "sector", "parts", "list" };
	const char *vals[3];
	char parts[512], one[768], list[1536];
	size_t len = 0;

	list[0] = '\0';
	for (int s = 0; s < LC_SECTOR__COUNT; s++) {
		long band[3] = { 0 };

		for (int j = 0; j < 9; j++)
			band[j < 5 ? 0 : j < 7 ? 1 : 2] += counts[s * 9 + j];
		parts3(m, key, band, W(m, "overview.band-sep"), parts,
		       sizeof parts);
		if (!parts[0])
			continue;
		vals[0] = labels[s];
		vals[1] = parts;
		lc_words_fill(m->w, "overview.ladder-sector", names, vals, 2,
			      one, sizeof one);
		if (len < sizeof list)
			len += (size_t)snprintf(list + len, sizeof list - len,
						"%s%s", len ?
						W(m, "overview.sector-sep") : "",
						one);
	}
	vals[2] = list;
	lc_words_fill(m->w, "overview.ladder-desc", names, vals, 3, desc, n);
}

static void timeline_desc(const struct rm *m, const long *byh, char *desc,
			  size_t n)
{
	static const char *const key[3] = { "sector.h0", "sector.h1",
					     "sector.h2" };
	const char *names[] = { "parts" };
	const char *vals[1];
	char parts[512];

	parts3(m, key, byh, W(m, "sector.sep"), parts, sizeof parts);
	vals[0] = parts;
	lc_words_fill(m->w, "overview.timeline-desc", names, vals, 1, desc, n);
}

int rm_overview(struct rm *m)
{
	long counts[LC_SECTOR__COUNT * 9] = { 0 }, byh[3] = { 0 };
	const char *labels[LC_SECTOR__COUNT], *hl[3];
	static const int years[] = { 2025, 2030, 2035, 2060 };
	char *svg, desc[2048], t[64], cells[10][16];
	const char *head[10], *row[10];
	int rc;

	lc_doc_section(m->d, 1, W(m, "overview.title"));
	for (size_t i = 0; i < m->cur.n; i++) {
		const struct tinfo *ti = &m->cur.v[i];

		if (ti->sector >= 0 && ti->trl >= 1 && ti->trl <= 9)
			counts[ti->sector * 9 + ti->trl - 1]++;
		if (ti->horizon >= 0)
			byh[ti->horizon]++;
	}
	for (int s = 0; s < LC_SECTOR__COUNT; s++)
		labels[s] = rm_sector_label(m, s);
	ladder_desc(m, counts, labels, desc, sizeof desc);
	svg = lc_svg_trl(counts, LC_SECTOR__COUNT, labels,
			 W(m, "overview.ladder"), desc, m->lang);
	head[0] = W(m, "col.sector");
	for (int j = 0; j < 9; j++) {
		snprintf(cells[j], sizeof cells[j], "TRL %d", j + 1);
		head[1 + j] = cells[j];
	}
	rc = svg ? lc_doc_figure(m->d, W(m, "overview.ladder"),
				 desc, svg, 10, head, "lrrrrrrrrr") :
	     LC_ENOMEM;
	free(svg);
	for (int s = 0; rc == 0 && s < LC_SECTOR__COUNT; s++) {
		char nb[9][16];

		row[0] = labels[s];
		for (int j = 0; j < 9; j++) {
			snprintf(nb[j], sizeof nb[j], "%ld", counts[s * 9 + j]);
			row[1 + j] = nb[j];
		}
		rc = lc_doc_row(m->d, row);
	}
	if (rc)
		return rc;

	for (int k = 0; k < 3; k++)
		hl[k] = rm_horizon_label(m, k);
	timeline_desc(m, byh, desc, sizeof desc);
	svg = lc_svg_timeline(byh, hl, years, 4, W(m, "overview.timeline"),
			      desc, m->lang);
	head[0] = W(m, "overview.col.horizon");
	head[1] = W(m, "overview.col.count");
	head[2] = W(m, "overview.col.milestone");
	rc = svg ? lc_doc_figure(m->d, W(m, "overview.timeline"), desc, svg,
				 3, head, "lrl") : LC_ENOMEM;
	free(svg);
	for (int k = 0; rc == 0 && k < 3; k++) {
		static const char *const ms[3] = {
			"overview.milestone0", "overview.milestone1",
			"overview.milestone2"
		};

		snprintf(t, sizeof t, "%ld", byh[k]);
		row[0] = hl[k];
		row[1] = t;
		row[2] = W(m, ms[k]);
		rc = lc_doc_row(m->d, row);
	}
	if (rc)
		return rc;
	return rm_macc_horizons(m, -1);
}

/* "14 technologies, ...: 8 to promote now, 3 to demonstrate" - a part
 * for each horizon that has technologies. */
static int intro(struct rm *m, long n, const long *nh, const char *pot)
{
	static const char *const hk[3] = { "sector.h0", "sector.h1",
					   "sector.h2" };
	const char *names[] = { "n", "pot", "parts" };
	const char *vals[3];
	char nb[24], part[256], parts[768], buf[1024];
	size_t len = 0;

	parts[0] = '\0';
	for (int h = 0; h < 3; h++) {
		if (!nh[h])
			continue;
		snprintf(nb, sizeof nb, "%ld", nh[h]);
		vals[0] = nb;
		lc_words_fill(m->w, hk[h], names, vals, 1, part, sizeof part);
		if (len < sizeof parts)
			len += (size_t)snprintf(parts + len, sizeof parts - len,
						"%s%s", len ? W(m, "sector.sep")
						: "", part);
	}
	snprintf(nb, sizeof nb, "%ld", n);
	vals[0] = nb;
	vals[1] = pot;
	vals[2] = parts;
	return lc_doc_para(m->d, lc_words_fill(m->w, "sector.intro", names,
					       vals, 3, buf, sizeof buf));
}

int rm_sector_chapter(struct rm *m, int s, int no)
{
	char t[512], a[48], b[48], c[48], e[64], f[48], trl[16];
	const char *head[8], *row[8];
	long n = 0, nh[3] = { 0 }, computed = 0, listed = 0;
	char nm[512];
	double pot = 0;
	int rc = 0, eq = 0;   /* a figure of another gas: CO2e */

	for (size_t i = 0; i < m->cur.n; i++)
		if (m->cur.v[i].sector == s) {
			n++;
			if (m->cur.v[i].horizon >= 0)
				nh[m->cur.v[i].horizon]++;
			if (m->cur.v[i].pot > 0)
				pot += m->cur.v[i].pot;
			eq |= m->cur.v[i].pot > 0 &&
			      lc_tech_not_co2(m->cur.v[i].t);
			computed += m->cur.v[i].costsrc == 2;
			listed += rm_listed(m, lc_tech_get(m->cur.v[i].t,
							  LC_F_ID));
		}
	if (!n)
		return 0;
	lc_doc_section(m->d, 1, rm_chapter(m, no, "chapter.sector",
					   rm_sector_label(m, s), t, sizeof t));
	rc = intro(m, n, nh, rm_co2e(m, pot, eq, e));
	head[0] = W(m, "col.id");
	head[1] = W(m, "col.name");
	head[2] = W(m, "col.category");
	head[3] = W(m, "col.trl");
	head[4] = W(m, "col.potential");
	head[5] = W(m, "col.cost");
	head[6] = W(m, "col.pen-now");
	head[7] = W(m, "col.pen-target");
	for (int h = 0; h < 3 && rc == 0; h++) {
		if (!nh[h])
			continue;
		lc_doc_section(m->d, 2, rm_horizon_label(m, h));
		rc = lc_doc_table(m->d, NULL, 8, head, "illrrrrr");
		for (size_t i = 0; rc == 0 && i < m->cur.n; i++) {
			const struct tinfo *ti = &m->cur.v[i];
			double pn = NAN, pt = NAN;
			const char *cat;

			if (ti->sector != s || ti->horizon != h)
				continue;
			(void)lc_tech_num(ti->t, LC_F_PENETRATION_NOW, &pn);
			(void)lc_tech_num(ti->t, LC_F_PENETRATION_TARGET, &pt);
			cat = lc_category_label(lc_tech_category(ti->t),
						m->lang);
			snprintf(trl, sizeof trl, "%d", ti->trl);
			row[0] = lc_tech_get(ti->t, LC_F_ID);
			row[1] = lc_tech_name(ti->t, m->lang);
			if (rm_listed(m, row[0])) {
				snprintf(nm, sizeof nm, "%s%s", row[1],
					 W(m, "sector.mark"));
				row[1] = nm;
			}
			row[2] = cat ? cat : "—";
			row[3] = trl;
			row[4] = rm_num(ti->pot, 0, a);
			row[5] = rm_num(ti->cost, 0, b);
			if (ti->costsrc == 2) {
				snprintf(e, sizeof e, "%s*", b);
				row[5] = e;
			}
			row[6] = rm_num(pn, 1, c);
			row[7] = rm_num(pt, 1, f);
			rc = lc_doc_row(m->d, row);
		}
	}
	/* the key to the mark of the listed, when a row has it */
	if (rc == 0 && listed)
		rc = lc_doc_para(m->d, W(m, "sector.mark-key"));
	/* the key to the asterisk, only when a row has one */
	if (rc == 0 && computed) {
		const char *kn[] = { "rate" };
		const char *vl[] = { rm_num(m->o->discount_rate * 100, 1, a) };

		rc = lc_doc_para(m->d, lc_words_fill(m->w, "sector.computed",
						     kn, vl, 1, t, sizeof t));
	}
	/* the roadmap of one industry draws its MACC per horizon (the
	 * edition's roadmap does so in its overview, for all sectors) */
	if (rc == 0 && m->o->sector >= 0)
		return rm_macc_horizons(m, s);
	if (rc == 0) {
		const char *kn[] = { "sector" };
		const char *vl[] = { rm_sector_label(m, s) };

		lc_words_fill(m->w, "sector.macc", kn, vl, 1, t, sizeof t);
		rc = rm_macc_figure(m, s, -1, t, NULL);
	}
	return rc;
}

