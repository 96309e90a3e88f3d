/* roadmap_entries.c - the entry of every technology on the printed list,
 * as a national key low-carbon technology promotion catalog prints it:
 * applicable scope, main technical content, key technical indicators,
 * typical projects, penetration now and expected, investment, abatement
 * and energy-saving capability, abatement cost. A row only for what the
 * dossier gives; labels and units from the text catalogue (entry.*). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

/* Adds the row label | value when value is non-empty. */
static int row2(struct rm *m, const char *key, const char *value)
{
	const char *row[2];

	if (!value || !*value)
		return 0;
	row[0] = W(m, key);
	row[1] = value;
	return lc_doc_row(m->d, row);
}

/* Fills key's {v} (and {year}) into buf. */
static const char *fill(const struct rm *m, const char *key, const char *v,
			const char *year, char *buf, size_t n)
{
	static const char *const names[] = { "v", "year" };
	const char *vals[2] = { v, year };

	return lc_words_fill(m->w, key, names, vals, 2, buf, n);
}

/* The number of field f in unit scaled by div into buf with key's
 * wording; "" when the dossier lacks it. */
static const char *quantity(const struct rm *m, const struct lc_tech *t,
			    int f, double div, int dec, const char *key,
			    char *buf, size_t n)
{
	double v;
	char num[48];

	buf[0] = '\0';
	if (lc_tech_num(t, f, &v) && isfinite(v))
		fill(m, key, lc_num_human(v / div, dec, num, sizeof num), NULL,
		     buf, n);
	return buf;
}

/* The divisor the catalogue gives under key (its unit in base units);
 * 1 when it gives none or nonsense. */
static double divisor(const struct rm *m, const char *key)
{
	const char *s = lc_words_get(m->w, key);
	double v;

	return s && lc_num_parse(s, &v) == 0 && v > 0 ? v : 1;
}

/* One project as a phrase: site, enterprise, year, capacity, measured
 * abatement, each only when given. */
static const char *project(const struct rm *m, const struct lc_demo *d,
			   int eq, char *buf, size_t n)
{
	const char *sep = W(m, "entry.p.sep");
	const char *site = lc_demo_text(d, LC_DC_SITE, m->lang);
	const char *ent = lc_demo_text(d, LC_DC_ENTERPRISE, m->lang);
	const char *cap = lc_demo_text(d, LC_DC_CAPACITY, m->lang);
	char part[256], y[16], co2[64];
	size_t len = 0;

	buf[0] = '\0';
	for (int k = 0; k < 5; k++) {
		part[0] = '\0';
		if (k == 0 && site)
			snprintf(part, sizeof part, "%s", site);
		else if (k == 1 && ent)
			snprintf(part, sizeof part, "%s", ent);
		else if (k == 2 && d->year > 0) {
			snprintf(y, sizeof y, "%d", d->year);
			fill(m, "entry.p.year", y, NULL, part, sizeof part);
		} else if (k == 3 && cap && *cap)
			fill(m, "entry.p.capacity", cap, NULL, part,
			     sizeof part);
		else if (k == 4 && isfinite(d->abatement))
			fill(m, "entry.p.abatement",
			     rm_co2e(m, d->abatement, eq, co2), NULL, part,
			     sizeof part);
		if (!part[0] || len >= n)
			continue;
		len += (size_t)snprintf(buf + len, n - len, "%s%s",
					len ? sep : "", part);
	}
	return buf;
}

static int entry(struct rm *m, size_t no, const struct tinfo *ti)
{
	const struct lc_tech *t = ti->t;
	const char *head[2] = { W(m, "entry.col.item"),
				W(m, "entry.col.content") };
	char title[512], a[256], b[64], c[64];
	double v;
	int rc, eq = lc_tech_not_co2(t);   /* figures in CO2e */

	snprintf(title, sizeof title, "%zu. %s", no,
		 lc_tech_name(t, m->lang));
	lc_doc_section(m->d, 3, title);
	rc = lc_doc_table(m->d, NULL, 2, head, "ll");
	if (rc == 0)   /* an entry is read whole: never split */
		lc_doc_keep(m->d);
	if (rc == 0)
		rc = row2(m, "entry.id", lc_tech_get(t, LC_F_ID));
	if (rc == 0)
		rc = row2(m, "entry.sector", rm_sector_label(m, ti->sector));
	if (rc == 0)
		rc = row2(m, "entry.scope", lc_tech_text(t, LC_F_SCOPE,
							 m->lang));
	if (rc == 0)
		rc = row2(m, "entry.summary", lc_tech_text(t, LC_F_SUMMARY,
							   m->lang));
	if (rc == 0)
		rc = row2(m, "entry.indicators",
			  lc_tech_text(t, LC_F_KEY_INDICATORS, m->lang));
	for (size_t i = 0; rc == 0 && i < lc_tech_demo_count(t); i++) {
		const char *row[2];

		row[0] = i ? "" : W(m, "entry.projects");
		row[1] = project(m, lc_tech_demo(t, i), eq, a, sizeof a);
		if (row[1][0])
			rc = lc_doc_row(m->d, row);
	}
	if (rc == 0)
		rc = row2(m, "entry.pen-now", quantity(m, t,
			  LC_F_PENETRATION_NOW, 1, 1, "entry.pct", a,
			  sizeof a));
	if (rc == 0 && lc_tech_num(t, LC_F_PENETRATION_TARGET, &v) &&
	    isfinite(v)) {
		const char *year = lc_tech_get(t, LC_F_PENETRATION_TARGET_YEAR);

		lc_num_human(v, 1, b, sizeof b);
		fill(m, year && *year ? "entry.pct-year" : "entry.pct", b,
		     year, a, sizeof a);
		rc = row2(m, "entry.pen-target", a);
	}
	if (rc == 0)
		rc = row2(m, "entry.investment", quantity(m, t,
			  LC_F_INVESTMENT, divisor(m, "entry.money.div"), 1, "entry.money", a,
			  sizeof a));
	if (rc == 0 && lc_tech_num(t, LC_F_ABATEMENT, &v) && isfinite(v))
		rc = row2(m, "entry.abatement", rm_co2e(m, v, eq, c));
	if (rc == 0 && isfinite(ti->pot))
		rc = row2(m, "entry.potential", rm_co2e(m, ti->pot, eq, c));
	if (rc == 0)
		rc = row2(m, "entry.energy", quantity(m, t, LC_F_ENERGY_SAVING,
			  divisor(m, "entry.tce.div"), 2, "entry.tce", a, sizeof a));
	if (rc == 0 && ti->costsrc) {
		fill(m, ti->costsrc == 2 ? "entry.cost-computed" :
		     "entry.cost-value", rm_num(ti->cost, 0, b), NULL, a,
		     sizeof a);
		rc = row2(m, "entry.cost", a);
	}
	if (rc == 0)
		rc = row2(m, "entry.payback", quantity(m, t, LC_F_PAYBACK, 1,
			  1, "entry.years", a, sizeof a));
	return rc;
}

int rm_entries(struct rm *m)
{
	size_t no = 0;
	int rc = 0;

	if (!m->nlist)
		return 0;
	lc_doc_section(m->d, 2, W(m, "entry.title"));
	rc = lc_doc_para(m->d, W(m, "entry.intro"));
	for (size_t i = 0; rc == 0 && i < m->nlist; i++) {
		long k = rm_tech_index(m, m->list[i]);

		if (k < 0 || m->list_withdrawn[i])
			continue;
		rc = entry(m, ++no, &m->cur.v[k]);
	}
	return rc;
}
