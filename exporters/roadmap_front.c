/* roadmap_front.c - the title page and the key findings. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

/* A title-page line from the text catalogue, its placeholders filled. */
static int line_w(struct rm *m, const char *key, const char *const *names,
		  const char *const *vals, size_t nv)
{
	char buf[1024];

	return lc_doc_title_line(m->d, lc_words_fill(m->w, key, names, vals,
						     nv, buf, sizeof buf));
}

/* The title page in the publisher's words (the publication file): title,
 * issuing authority, document number, date, what the data are, contact;
 * then the foreword. */
int rm_title_page(struct rm *m)
{
	static const char *const names[] = { "edition", "n", "vintage",
					     "number", "date", "time" };
	const char *vals[6];
	const char *tmpl = lc_publication_get(m->pub, "title", m->lang);
	const char *p = strstr(tmpl ? tmpl : "", "{edition}");
	const char *pub_date = lc_publication_get(m->pub, "date", m->lang);
	const char *txt;
	char t[512], n[32], now[32];
	int rc = 0;

	if (!p)
		snprintf(t, sizeof t, "%s", tmpl ? tmpl : "");
	else
		snprintf(t, sizeof t, "%.*s%s%s", (int)(p - tmpl), tmpl,
			 m->o->edition, p + 9);
	snprintf(n, sizeof n, "%zu", m->cur.n);
	vals[0] = m->o->edition;
	vals[1] = n;
	vals[2] = m->vintage;
	vals[3] = lc_publication_get(m->pub, "number", m->lang);
	vals[4] = pub_date ? pub_date : "";
	vals[5] = m->o->stamp ? lc_catalog_now(now, sizeof now) : "";
	lc_doc_title(m->d, t, W(m, "front.sectors"));
	txt = lc_publication_get(m->pub, "authority", m->lang);
	if (txt)
		lc_doc_title_line(m->d, txt);
	if (vals[3])
		line_w(m, "doc.number", names, vals, 6);
	if (pub_date)
		line_w(m, "doc.date", names, vals, 6);
	line_w(m, "front.vintage", names, vals, 6);
	if (m->o->stamp)
		line_w(m, "front.generated", names, vals, 6);
	txt = lc_publication_get(m->pub, "contact", m->lang);
	if (txt)
		rc = lc_doc_title_line(m->d, txt);
	return rc;
}

/* The publisher's foreword, when the publication file has one. */
int rm_foreword(struct rm *m)
{
	const char *txt = lc_publication_get(m->pub, "foreword", m->lang);

	if (!txt)
		return 0;
	lc_doc_section(m->d, 1, W(m, "front.foreword"));
	return lc_doc_para(m->d, txt);
}

int rm_findings(struct rm *m)
{
	double total = 0, costed = 0, negative = 0, selpot = 0;
	double spot[LC_SECTOR__COUNT] = { 0 };
	long bys[LC_SECTOR__COUNT] = { 0 }, byh[3] = { 0 };
	char a[64], b[64], c[64], d[64];
	size_t sel = m->rank ? lc_ranking_info(m->rank)->selected : 0;
	size_t top[3] = { 0 }, ntop = 0;
	int best = -1;

	for (size_t i = 0; i < m->cur.n; i++) {
		const struct tinfo *ti = &m->cur.v[i];

		if (ti->sector >= 0)
			bys[ti->sector]++;
		if (ti->horizon >= 0)
			byh[ti->horizon]++;
		if (!(ti->pot > 0))
			continue;
		total += ti->pot;
		if (ti->sector >= 0)
			spot[ti->sector] += ti->pot;
		if (ti->costsrc) {
			costed += ti->pot;
			if (ti->cost < 0)
				negative += ti->pot;
		}
		rm_top3(m, top, &ntop, i);
	}
	for (int s = 0; s < LC_SECTOR__COUNT; s++)
		if (spot[s] > 0 && (best < 0 || spot[s] > spot[best]))
			best = s;
	for (size_t i = 0; m->rank && i < lc_ranking_info(m->rank)->count; i++) {
		long k = lc_ranking_entry(m->rank, i)->selected ?
			 rm_tech_index(m, lc_ranking_entry(m->rank, i)->id) : -1;

		if (k >= 0 && m->cur.v[k].pot > 0)
			selpot += m->cur.v[k].pot;
	}
	lc_doc_section(m->d, 1, W(m, "findings.title"));
	if (best < 0)
		best = 0;
	{
		static const char *const names[] = {
			"edition", "n", "parts", "pot", "sector", "spot",
			"share", "costed", "list", "price"
		};
		const char *vals[10];
		char n[24], parts[768], part[512], nb[24], sh[48], list[1600];
		size_t len = 0;

		snprintf(n, sizeof n, "%zu", m->cur.n);
		parts[0] = '\0';
		for (int s = 0; s < LC_SECTOR__COUNT; s++) {
			const char *pn[] = { "sector", "n" };
			const char *pv[2];

			if (!bys[s])
				continue;
			snprintf(nb, sizeof nb, "%ld", bys[s]);
			pv[0] = rm_sector_label(m, s);
			pv[1] = nb;
			lc_words_fill(m->w, "findings.sector", pn, pv, 2, part,
				      sizeof part);
			if (len < sizeof parts)
				len += (size_t)snprintf(parts + len,
					sizeof parts - len, "%s%s",
					len ? W(m, "list.sep") : "", part);
		}
		vals[0] = m->o->edition;
		vals[1] = n;
		vals[2] = parts;
		vals[3] = rm_co2(m, total, a);
		vals[4] = rm_sector_label(m, best);
		vals[5] = rm_co2(m, spot[best], b);
		vals[6] = rm_num(total > 0 ? 100 * spot[best] / total : 0, 0,
				 sh);
		vals[7] = "";
		vals[8] = "";
		vals[9] = "";
		rm_say(m, 1, "findings.received", names, vals, 10);
		if (total > 0)
			rm_say(m, 1, "findings.potential", names, vals, 10);
		if (m->rank && sel) {
			snprintf(n, sizeof n, "%zu", sel);
			vals[3] = rm_co2(m, selpot, d);
			rm_say(m, 1, "findings.selected", names, vals, 10);
		} else if (!m->rank) {
			rm_say(m, 1, "findings.no-ranking", names, vals, 10);
		}
		if (costed > 0) {
			vals[6] = rm_num(100 * negative / costed, 1, sh);
			vals[7] = rm_co2(m, costed, c);
			rm_say(m, 1, "findings.negative", names, vals, 10);
		}
		len = 0;
		list[0] = '\0';
		for (size_t k = 0; k < ntop && len < sizeof list; k++) {
			const char *pn[] = { "name", "pot" };
			const char *pv[2];

			pv[0] = lc_tech_name(m->cur.v[top[k]].t, m->lang);
			pv[1] = rm_co2(m, m->cur.v[top[k]].pot, a);
			lc_words_fill(m->w, "findings.top-one", pn, pv, 2, part,
				      sizeof part);
			len += (size_t)snprintf(list + len, sizeof list - len,
						"%s%s", k ? W(m, "findings.sep")
						: "", part);
		}
		vals[8] = list;
		if (ntop)
			rm_say(m, 1, "findings.top", names, vals, 10);
		len = 0;
		parts[0] = '\0';
		for (int h = 0; h < 3; h++) {
			static const char *const hk[3] = {
				"findings.h0", "findings.h1", "findings.h2"
			};
			const char *pn[] = { "n" };
			const char *pv[1];

			if (!byh[h])
				continue;
			snprintf(nb, sizeof nb, "%ld", byh[h]);
			pv[0] = nb;
			lc_words_fill(m->w, hk[h], pn, pv, 1, part,
				      sizeof part);
			if (len < sizeof parts)
				len += (size_t)snprintf(parts + len,
					sizeof parts - len, "%s%s",
					len ? W(m, "findings.sep2") : "",
					part);
		}
		vals[2] = parts;
		if (len)
			rm_say(m, 1, "findings.horizons", names, vals, 10);
		if (isfinite(m->o->carbon_price)) {
			double av = 0;

			for (size_t i = 0; i < m->cur.n; i++)
				if (m->cur.v[i].costsrc && m->cur.v[i].pot > 0 &&
				    m->cur.v[i].cost <= m->o->carbon_price)
					av += m->cur.v[i].pot;
			vals[9] = rm_num(m->o->carbon_price, 0, a);
			vals[3] = rm_co2(m, av, b);
			rm_say(m, 1, "findings.price", names, vals, 10);
		}
	}
	return 0;
}

