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
		/* The three largest potentials, ties by catalog order. */
		for (size_t k = 0; k < 3; k++)
			if (k == ntop || ti->pot > m->cur.v[top[k]].pot) {
				memmove(top + k + 1, top + k,
					(2 - k) * sizeof *top);
				top[k] = i;
				if (ntop < 3)
					ntop++;
				break;
			}
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
	lc_doc_section(m->d, 1, L(m, "一、关键结论", "1 Key findings"));
	if (best < 0)
		best = 0;
	if (m->en)
		item_f(m, "%zu technology dossiers were received for the %s "
		       "edition: steel %ld, non-ferrous metals %ld, "
		       "petrochemicals %ld, chemicals %ld, building materials "
		       "%ld.", m->cur.n, m->o->edition, bys[0], bys[1], bys[2],
		       bys[3], bys[4]);
	else
		item_f(m, "%s年度共征集技术%zu项，其中钢铁%ld项、"
		       "有色金属%ld项、石化%ld项、化工%ld项、建材%ld项。",
		       m->o->edition,
		       m->cur.n, bys[0], bys[1], bys[2], bys[3], bys[4]);
	if (m->en)
		item_f(m, "Their combined abatement potential is %s, %s%% of "
		       "it in the %s sector, the largest share.",
		       rm_co2(m, total, a), rm_num(total > 0 ? 100 * spot[best] /
					     total : 0, 0, c),
		       rm_sector_label(m, best));
	else
		item_f(m, "合计减排潜力%s，其中%s行业%s，居各行业之首。",
		       rm_co2(m, total, a), rm_sector_label(m, best),
		       rm_co2(m, spot[best], b));
	if (m->rank)
		item_f(m, m->en ? "%zu technologies were selected as the "
		       "edition's priority list (chapter 2), with a combined "
		       "potential of %s." : "遴选出重点推荐技术%zu项"
		       "（见第二章），合计减排潜力%s。", sel,
		       rm_co2(m, selpot, d));
	else
		item_f(m, "%s", L(m, "重点推荐技术排名暂不可用（见第二章）。",
				  "The priority ranking is not available "
				  "(see chapter 2)."));
	if (m->en)
		item_f(m, "%s%% of the potential with a known cost (%s) comes "
		       "at negative cost, i.e. saves money while cutting "
		       "emissions.", rm_num(costed > 0 ? 100 * negative / costed :
					 0, 1, b), rm_co2(m, costed, c));
	else
		item_f(m, "在有成本数据的减排潜力（%s）中，%s%%为负成本，即在"
		       "减排的同时节约成本。", rm_co2(m, costed, c),
		       rm_num(costed > 0 ? 100 * negative / costed : 0, 1, b));
	if (ntop) {
		char line[1024];
		size_t off = (size_t)snprintf(line, sizeof line, "%s",
			L(m, "减排潜力最大的技术：", "Largest potentials: "));

		for (size_t k = 0; k < ntop && off < sizeof line; k++)
			off += (size_t)snprintf(line + off, sizeof line - off,
				m->en ? "%s%s (%s)" : "%s%s（%s）",
				k ? L(m, "、", "; ") : "",
				lc_tech_name(m->cur.v[top[k]].t, m->lang),
				rm_co2(m, m->cur.v[top[k]].pot, a));
		if (off < sizeof line)
			snprintf(line + off, sizeof line - off, "%s",
				 L(m, "。", "."));
		lc_doc_item(m->d, line);
	}
	item_f(m, m->en ? "By horizon: %ld to promote now (TRL 8-9), %ld to "
	       "demonstrate by 2030 (TRL 6-7), %ld to research for 2060 "
	       "(TRL 1-5)." :
	       "按时间维度：近期推广（TRL 8-9）%ld项，2030年前示范（TRL 6-7）"
	       "%ld项，面向2060年研发（TRL 1-5）%ld项。", byh[0], byh[1],
	       byh[2]);
	if (isfinite(m->o->carbon_price)) {
		double av = 0;

		for (size_t i = 0; i < m->cur.n; i++)
			if (m->cur.v[i].costsrc && m->cur.v[i].pot > 0 &&
			    m->cur.v[i].cost <= m->o->carbon_price)
				av += m->cur.v[i].pot;
		item_f(m, m->en ? "At a carbon price of %s CNY/tCO2, %s "
		       "of abatement costs no more than the price." :
		       "在碳价%s元/吨CO2下，成本不高于碳价的减排潜力为%s。",
		       rm_num(m->o->carbon_price, 0, a), rm_co2(m, av, b));
	}
	return 0;
}

