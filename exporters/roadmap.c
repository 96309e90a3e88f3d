/* roadmap.c - builds the annual roadmap's document model from the
 * catalog: title page, key findings, the Top N from the ranker, one
 * chapter per sector by horizon with its MACC, milestones and the annex. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/internal.h"
#include "ranker/ranker.h"

/* One dossier of the edition with what the roadmap derives from it. */
struct tinfo {
	struct lc_tech *t;
	double cost;      /* CNY/tCO2, NaN when unknown */
	int costsrc;      /* 0 none, 1 declared, 2 computed */
	double pot;       /* tCO2/a, NaN when absent */
	int sector, trl, horizon;
};

struct techs {
	struct tinfo *v;
	size_t n, cap;
	int oom;
};

/* Everything the chapters share. */
struct rm {
	struct lc_doc *d;
	const struct lc_roadmap_opts *o;
	int en;
	const char *lang;
	struct techs cur, prev;
	char prev_edition[24];
	struct lc_profile *prof;
	struct lc_ranking *rank;
	char rank_error[600];
	char vintage[32];
};

static const char *L(const struct rm *m, const char *zh, const char *en)
{
	return m->en ? en : zh;
}

void lc_roadmap_opts_init(struct lc_roadmap_opts *o)
{
	memset(o, 0, sizeof *o);
	o->lang = "zh";
	o->carbon_price = NAN;
	o->discount_rate = 0.08;
	o->profile = "top20";
}

static int collect(const struct lc_tech *t, void *ctx)
{
	struct techs *ts = ctx;
	struct tinfo *ti;

	if (ts->n == ts->cap) {
		size_t cap = ts->cap ? ts->cap * 2 : 256;
		struct tinfo *nv = realloc(ts->v, cap * sizeof *nv);

		if (!nv) {
			ts->oom = 1;
			return 1;
		}
		ts->v = nv;
		ts->cap = cap;
	}
	ti = &ts->v[ts->n];
	ti->t = lc_tech_dup(t);
	if (!ti->t) {
		ts->oom = 1;
		return 1;
	}
	ti->sector = lc_tech_sector(t);
	ti->trl = lc_tech_trl(t);
	ti->horizon = lc_horizon(ti->trl);
	if (!lc_tech_num(t, LC_F_POTENTIAL, &ti->pot))
		ti->pot = NAN;
	ts->n++;
	return 0;
}

static void techs_free(struct techs *ts)
{
	for (size_t i = 0; i < ts->n; i++)
		lc_tech_free(ts->v[i].t);
	free(ts->v);
}

static int load_edition(struct lc_catalog *cat, const char *edition,
			double rate, struct techs *ts, struct lc_error *err)
{
	struct lc_filter f;
	int rc;

	lc_filter_init(&f);
	f.edition = edition;
	rc = lc_catalog_each_tech(cat, &f, collect, ts, err);
	if (ts->oom)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < ts->n; i++) {
		struct tinfo *ti = &ts->v[i];

		ti->costsrc = lc_abatement_cost(ti->t, rate, &ti->cost);
		if (!ti->costsrc)
			ti->cost = NAN;
	}
	return 0;
}

/* The data vintage: the latest time a dossier of the edition was
 * written, read from the catalog's own records (same catalog, same
 * text). */
static int vintage_fn(const char *key, const struct lc_rec *r, void *ctx)
{
	char *v = ctx;
	const char *w = lc_rec_get(r, "_when");

	(void)key;
	if (w && strcmp(w, v) > 0)
		snprintf(v, 32, "%.10s", w);
	return 0;
}

/* ---- formatting ------------------------------------------------------ */

static const char *num(double v, int dec, char *buf)
{
	return lc_num_human(v, dec, buf, 48);
}

static const char *sector_label(const struct rm *m, int s)
{
	const char *l = lc_sector_label(s, m->lang);

	return l ? l : "—";
}

static const char *status_label(const struct rm *m, int st)
{
	static const char *const zh[LC_ST__COUNT] = { "已申报", "合格",
						      "未通过", "入选" };
	static const char *const en[LC_ST__COUNT] = { "submitted",
						      "eligible", "rejected",
						      "selected" };

	return st < 0 || st >= LC_ST__COUNT ? "—" : m->en ? en[st] : zh[st];
}

static const char *horizon_label(const struct rm *m, int h)
{
	static const char *const zh[3] = { "近期推广（TRL 8-9）",
					   "2030年前示范（TRL 6-7）",
					   "面向2060年研发（TRL 1-5）" };
	static const char *const en[3] = { "Promote now (TRL 8-9)",
					   "Demonstrate by 2030 (TRL 6-7)",
					   "Research for 2060 (TRL 1-5)" };

	return h < 0 || h > 2 ? "—" : m->en ? en[h] : zh[h];
}

/* Adds a formatted paragraph (item 0) or bullet item (item 1). */
static int add_f(struct rm *m, int item, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int add_f(struct rm *m, int item, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return item ? lc_doc_item(m->d, buf) : lc_doc_para(m->d, buf);
}

#define para_f(m, ...) add_f(m, 0, __VA_ARGS__)
#define item_f(m, ...) add_f(m, 1, __VA_ARGS__)

/* ---- MACC figure -------------------------------------------------------- */

/* Adds the MACC of the dossiers of sector (-1: all) as a figure with its
 * data table; nothing when none has a cost. */
static int macc_figure(struct rm *m, int sector, const char *title)
{
	struct lc_macc_item *it = malloc((m->cur.n + 1) * sizeof *it);
	struct lc_macc_bar *b = NULL;
	size_t k = 0;
	char *desc = NULL, *svg = NULL, c1[48], c2[48], c3[48], c4[48];
	char key[16];
	int rc;
	const char *head[6];

	if (!it)
		return LC_ENOMEM;
	for (size_t i = 0; i < m->cur.n; i++) {
		const struct tinfo *ti = &m->cur.v[i];

		if ((sector >= 0 && ti->sector != sector) || !ti->costsrc)
			continue;
		it[k].id = lc_tech_get(ti->t, LC_F_ID);
		it[k].name = lc_tech_name(ti->t, m->lang);
		it[k].cost = ti->cost;
		it[k].potential = ti->pot;
		k++;
	}
	if (k == 0) {
		free(it);
		return 0;
	}
	rc = lc_macc_layout(it, k, &b, NULL);
	free(it);
	if (rc < 0)
		return rc;
	desc = lc_macc_describe(b, k, m->o->carbon_price, m->lang);
	if (desc)
		svg = lc_svg_macc(b, k, m->o->carbon_price, title, desc,
				  m->lang);
	head[0] = L(m, "标号", "Key");
	head[1] = L(m, "编号", "ID");
	head[2] = L(m, "技术名称", "Technology");
	head[3] = L(m, "减排成本（元/吨CO2）", "Cost (CNY/tCO2)");
	head[4] = L(m, "减排潜力（吨CO2/年）", "Potential (tCO2/a)");
	head[5] = L(m, "累计区间（吨CO2/年）", "Cumulative span (tCO2/a)");
	rc = svg && desc ? lc_doc_figure(m->d, title, desc, svg, 6, head,
					 "rilrrr") : LC_ENOMEM;
	for (size_t i = 0; rc == 0 && i < k; i++) {
		char span[100];
		const char *row[6];

		snprintf(key, sizeof key, "%d", b[i].key);
		snprintf(span, sizeof span, "%s – %s", num(b[i].xmin, 0, c3),
			 num(b[i].xmax, 0, c4));
		row[0] = b[i].drawn ? key : L(m, "未绘出", "not drawn");
		row[1] = b[i].id;
		row[2] = b[i].name;
		row[3] = num(b[i].cost, 0, c1);
		row[4] = num(b[i].potential, 0, c2);
		row[5] = b[i].drawn ? span : "—";
		rc = lc_doc_row(m->d, row);
	}
	free(desc);
	free(svg);
	lc_macc_free(b, k);
	return rc;
}

/* ---- chapters ----------------------------------------------------------- */

static int title_page(struct rm *m)
{
	char t[256], line[256];

	snprintf(t, sizeof t, m->en ? "Low-Carbon Technology Roadmap for "
		 "Key Industrial Sectors, %s Edition" :
		 "%s年度工业重点行业低碳技术路线图", m->o->edition);
	lc_doc_title(m->d, t, m->en ? "Steel · Non-ferrous metals · "
		     "Petrochemicals · Chemicals · Building materials" :
		     "钢铁 · 有色金属 · 石化 · 化工 · 建材");
	snprintf(line, sizeof line, m->en ? "Edition: %s" : "年度：%s",
		 m->o->edition);
	lc_doc_title_line(m->d, line);
	if (m->en)
		snprintf(line, sizeof line, "Data vintage: %zu dossiers "
			 "submitted for the %s edition, catalog as of %s",
			 m->cur.n, m->o->edition, m->vintage);
	else
		snprintf(line, sizeof line, "数据版本：%s年度申报技术%zu项，"
			 "目录数据截至%s", m->o->edition, m->cur.n,
			 m->vintage);
	lc_doc_title_line(m->d, line);
	if (m->o->stamp) {
		char now[32];

		snprintf(line, sizeof line, m->en ? "Generated: %s" :
			 "生成时间：%s", lc_catalog_now(now, sizeof now));
		lc_doc_title_line(m->d, line);
	}
	return lc_doc_title_line(m->d, m->en ? "Generated by lowcarb" :
				 "由 lowcarb 生成");
}

/* An annual CO2 quantity for prose (see lc_co2_human). */
static const char *co2(const struct rm *m, double t, char *buf)
{
	return lc_co2_human(t, m->lang, buf, 64);
}

/* The method's name for a reader. */
static const char *method_label(const struct rm *m, const char *id)
{
	static const char *const tab[][3] = {
		{ "wsm", "加权求和法（WSM）", "weighted sum (WSM)" },
		{ "topsis", "逼近理想解排序法（TOPSIS）", "TOPSIS" },
		{ "vikor", "VIKOR法", "VIKOR" },
		{ "promethee2", "PROMETHEE II法", "PROMETHEE II" },
		{ "minmax", "极差", "min-max" },
		{ "max", "最大值", "max" },
		{ "sum", "总和", "sum" },
		{ "vector", "向量", "vector" },
		{ "mean", "算术平均", "the mean" },
		{ "median", "中位数", "the median" },
		{ "trimmed", "截尾平均", "the trimmed mean" },
		{ "trimmed-mean", "截尾平均", "the trimmed mean" },
		{ "zscore", "专家z分数标准化", "per-expert z-scores" },
		{ "z-score", "专家z分数标准化", "per-expert z-scores" },
	};

	for (size_t i = 0; id && i < sizeof tab / sizeof tab[0]; i++)
		if (strcmp(tab[i][0], id) == 0)
			return tab[i][m->en ? 2 : 1];
	return id ? id : "—";
}

/* Index of the dossier id in the edition, or -1. */
static long tech_index(const struct rm *m, const char *id)
{
	for (size_t k = 0; id && k < m->cur.n; k++)
		if (strcmp(lc_tech_get(m->cur.v[k].t, LC_F_ID), id) == 0)
			return (long)k;
	return -1;
}

static int findings(struct rm *m)
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
			 tech_index(m, lc_ranking_entry(m->rank, i)->id) : -1;

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
		       co2(m, total, a), num(total > 0 ? 100 * spot[best] /
					     total : 0, 0, c),
		       sector_label(m, best));
	else
		item_f(m, "合计减排潜力%s，其中%s行业%s，居各行业之首。",
		       co2(m, total, a), sector_label(m, best),
		       co2(m, spot[best], b));
	if (m->rank)
		item_f(m, m->en ? "%zu technologies were selected as the "
		       "edition's priority list (chapter 2), with a combined "
		       "potential of %s." : "遴选出重点推荐技术%zu项"
		       "（见第二章），合计减排潜力%s。", sel,
		       co2(m, selpot, d));
	else
		item_f(m, "%s", L(m, "重点推荐技术排名暂不可用（见第二章）。",
				  "The priority ranking is not available "
				  "(see chapter 2)."));
	if (m->en)
		item_f(m, "%s%% of the potential with a known cost (%s) comes "
		       "at negative cost, i.e. saves money while cutting "
		       "emissions.", num(costed > 0 ? 100 * negative / costed :
					 0, 1, b), co2(m, costed, c));
	else
		item_f(m, "在有成本数据的减排潜力（%s）中，%s%%为负成本，即在"
		       "减排的同时节约成本。", co2(m, costed, c),
		       num(costed > 0 ? 100 * negative / costed : 0, 1, b));
	if (ntop) {
		char line[1024];
		size_t off = (size_t)snprintf(line, sizeof line, "%s",
			L(m, "减排潜力最大的技术：", "Largest potentials: "));

		for (size_t k = 0; k < ntop && off < sizeof line; k++)
			off += (size_t)snprintf(line + off, sizeof line - off,
				m->en ? "%s%s (%s)" : "%s%s（%s）",
				k ? L(m, "、", "; ") : "",
				lc_tech_name(m->cur.v[top[k]].t, m->lang),
				co2(m, m->cur.v[top[k]].pot, a));
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
		       num(m->o->carbon_price, 0, a), co2(m, av, b));
	}
	return 0;
}

static int top_chapter(struct rm *m)
{
	size_t nc, ncol;
	const char **head;
	char *align, *used;
	int rc;

	lc_doc_section(m->d, 1, L(m, "二、重点推荐技术", "2 Priority "
				  "technologies"));
	if (!m->rank) {
		para_f(m, "%s%s", L(m, "排名不可用：",
				    "Ranking not available: "),
		       m->rank_error);
		return 0;
	}
	nc = lc_ranking_info(m->rank)->ncrit;
	para_f(m, m->en ? "Ranked with profile '%s' by the %s method; the "
	       "score (0 to 1) is the sum of the per-criterion "
	       "contributions (weight x normalised value) shown below." :
	       "按评价方案“%s”采用%s排序；综合得分（0～1）为下表各指标贡献"
	       "（权重 × 标准化值）之和。", lc_ranking_info(m->rank)->profile,
	       method_label(m, lc_ranking_info(m->rank)->method));
	if (*lc_ranking_info(m->rank)->notes)
		para_f(m, "%s%s", L(m, "排序说明（排序程序原文）：",
				    "Ranking notes: "),
		       lc_ranking_info(m->rank)->notes);
	/* Only the criteria that contributed to some selected entry: a
	 * panel criterion without scores would be a column of dashes. */
	used = calloc(nc + 1, sizeof *used);
	if (!used)
		return LC_ENOMEM;
	for (size_t i = 0; i < lc_ranking_info(m->rank)->count; i++)
		for (size_t j = 0; lc_ranking_entry(m->rank, i)->selected && j < nc;
		     j++)
			if (isfinite(lc_ranking_entry(m->rank, i)->contrib[j]))
				used[j] = 1;
	ncol = 5;
	for (size_t j = 0; j < nc; j++)
		ncol += used[j];
	head = calloc(ncol, sizeof *head);
	align = calloc(ncol + 1, 1);
	if (!head || !align) {
		free(head);
		free(align);
		free(used);
		return LC_ENOMEM;
	}
	head[0] = L(m, "排名", "Rank");
	head[1] = L(m, "编号", "ID");
	head[2] = L(m, "技术名称", "Technology");
	head[3] = L(m, "行业", "Sector");
	head[4] = L(m, "得分", "Score");
	memcpy(align, "rillr", 5);
	for (size_t j = 0, col = 5; j < nc; j++) {
		const char *cid = lc_ranking_info(m->rank)->crit[j];

		if (!used[j])
			continue;
		head[col] = cid;
		for (size_t k = 0; m->prof && k < lc_profile_count(m->prof);
		     k++)
			if (strcmp(lc_profile_id(m->prof, k), cid) == 0)
				head[col] = lc_profile_label(m->prof, k,
							     m->lang);
		align[col++] = 'r';
	}
	rc = lc_doc_table(m->d, L(m, "表 重点推荐技术及各指标得分贡献",
				  "Table: priority technologies with the "
				  "contribution of each criterion"), ncol,
			  head, align);
	for (size_t i = 0; rc == 0 && i < lc_ranking_info(m->rank)->count; i++) {
		const char **row = calloc(ncol, sizeof *row);
		char (*buf)[48] = calloc(ncol, sizeof *buf);
		long ti = -1;
		const char *id = lc_ranking_entry(m->rank, i)->id;

		if (!lc_ranking_entry(m->rank, i)->selected) {
			free(row);
			free(buf);
			continue;
		}
		if (!row || !buf) {
			free(row);
			free(buf);
			rc = LC_ENOMEM;
			break;
		}
		ti = tech_index(m, id);
		snprintf(buf[0], 48, "%d", lc_ranking_entry(m->rank, i)->rank);
		row[0] = buf[0];
		row[1] = id;
		row[2] = ti >= 0 ? lc_tech_name(m->cur.v[ti].t, m->lang) :
			 lc_ranking_entry(m->rank, i)->name;
		row[3] = sector_label(m, lc_ranking_entry(m->rank, i)->sector);
		row[4] = num(lc_ranking_entry(m->rank, i)->score, 3, buf[4]);
		for (size_t j = 0, col = 5; j < nc; j++)
			if (used[j]) {
				row[col] = num(lc_ranking_entry(m->rank, i)->contrib[j],
					       3, buf[col]);
				col++;
			}
		rc = lc_doc_row(m->d, row);
		free(row);
		free(buf);
	}
	free(head);
	free(align);
	free(used);
	return rc;
}

static int overview(struct rm *m)
{
	long counts[LC_SECTOR__COUNT * 9] = { 0 }, byh[3] = { 0 };
	const char *labels[LC_SECTOR__COUNT], *hl[3];
	static const int years[] = { 2025, 2030, 2035, 2060 };
	char *svg, desc[2048], t[64], cells[10][16];
	const char *head[10], *row[10];
	size_t off;
	int rc;

	lc_doc_section(m->d, 1, L(m, "三、技术全景", "3 Overview"));
	for (size_t i = 0; i < m->cur.n; i++) {
		const struct tinfo *ti = &m->cur.v[i];

		if (ti->sector >= 0 && ti->trl >= 1 && ti->trl <= 9)
			counts[ti->sector * 9 + ti->trl - 1]++;
		if (ti->horizon >= 0)
			byh[ti->horizon]++;
	}
	for (int s = 0; s < LC_SECTOR__COUNT; s++)
		labels[s] = sector_label(m, s);
	off = (size_t)snprintf(desc, sizeof desc, "%s", L(m,
		"各行业技术按成熟度分布：",
		"Technologies per sector by TRL: "));
	for (int s = 0; s < LC_SECTOR__COUNT && off < sizeof desc; s++) {
		long band[3] = { 0 };

		for (int j = 0; j < 9; j++)
			band[j < 5 ? 0 : j < 7 ? 1 : 2] += counts[s * 9 + j];
		off += (size_t)snprintf(desc + off, sizeof desc - off,
			m->en ? "%s%s: %ld at TRL 1-5, %ld at 6-7, %ld at 8-9" :
			"%s%s：TRL 1-5共%ld项，6-7共%ld项，8-9共%ld项",
			s ? L(m, "；", "; ") : "", labels[s], band[0],
			band[1], band[2]);
	}
	if (off < sizeof desc)
		snprintf(desc + off, sizeof desc - off, "%s", L(m, "。", "."));
	svg = lc_svg_trl(counts, LC_SECTOR__COUNT, labels,
			 L(m, "技术成熟度阶梯", "TRL ladder"), desc, m->lang);
	head[0] = L(m, "行业", "Sector");
	for (int j = 0; j < 9; j++) {
		snprintf(cells[j], sizeof cells[j], "TRL %d", j + 1);
		head[1 + j] = cells[j];
	}
	rc = svg ? lc_doc_figure(m->d, L(m, "技术成熟度阶梯", "TRL ladder"),
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
		hl[k] = horizon_label(m, k);
	snprintf(desc, sizeof desc, m->en ? "Timeline of the horizons: %ld "
		 "technologies to promote now, %ld to demonstrate by 2030, "
		 "%ld to research for 2060; milestones 2025, 2030, 2035 and "
		 "2060." : "时间路线：近期推广%ld项，2030年前示范%ld项，"
		 "面向2060年"
		 "研发%ld项；里程碑年份2025、2030、2035和2060年。", byh[0],
		 byh[1], byh[2]);
	svg = lc_svg_timeline(byh, hl, years, 4, L(m, "技术路线时间轴",
						  "Roadmap timeline"), desc,
			      m->lang);
	head[0] = L(m, "时间维度", "Horizon");
	head[1] = L(m, "技术数", "Technologies");
	head[2] = L(m, "里程碑", "Milestone");
	rc = svg ? lc_doc_figure(m->d, L(m, "技术路线时间轴",
					 "Roadmap timeline"), desc, svg, 3,
				 head, "lrl") : LC_ENOMEM;
	free(svg);
	for (int k = 0; rc == 0 && k < 3; k++) {
		static const char *const ms[2][3] = {
			{ "2025年起推广，2035年规模化", "2030年前完成示范",
			  "2035年前突破，2060年前应用" },
			{ "deploy from 2025, at scale by 2035",
			  "demonstrated by 2030",
			  "breakthrough by 2035, deployed by 2060" } };

		snprintf(t, sizeof t, "%ld", byh[k]);
		row[0] = hl[k];
		row[1] = t;
		row[2] = ms[m->en][k];
		rc = lc_doc_row(m->d, row);
	}
	if (rc)
		return rc;
	return macc_figure(m, -1, L(m, "全行业边际减排成本曲线",
				    "Marginal abatement cost curve, all "
				    "sectors"));
}

static int sector_chapter(struct rm *m, int s, int no)
{
	static const char *const cn_no[] = { "四", "五", "六", "七", "八" };
	char t[160], a[48], b[48], c[48], e[64], f[48], trl[16];
	const char *head[8], *row[8];
	long n = 0, nh[3] = { 0 };
	double pot = 0;
	int rc = 0;

	for (size_t i = 0; i < m->cur.n; i++)
		if (m->cur.v[i].sector == s) {
			n++;
			if (m->cur.v[i].horizon >= 0)
				nh[m->cur.v[i].horizon]++;
			if (m->cur.v[i].pot > 0)
				pot += m->cur.v[i].pot;
		}
	if (!n)
		return 0;
	if (m->en)
		snprintf(t, sizeof t, "%d %s", no, sector_label(m, s));
	else
		snprintf(t, sizeof t, "%s、%s行业", cn_no[no - 4],
			 sector_label(m, s));
	lc_doc_section(m->d, 1, t);
	para_f(m, m->en ? "%ld technologies with a combined abatement "
	       "potential of %s: %ld to promote now, %ld to "
	       "demonstrate by 2030, %ld to research for 2060." :
	       "本行业共%ld项技术，合计减排潜力%s：近期推广%ld项，"
	       "2030年前示范%ld项，面向2060年研发%ld项。", n, co2(m, pot, e),
	       nh[0], nh[1], nh[2]);
	head[0] = L(m, "编号", "ID");
	head[1] = L(m, "技术名称", "Technology");
	head[2] = L(m, "类别", "Category");
	head[3] = "TRL";
	head[4] = L(m, "减排潜力（吨CO2/年）", "Potential (tCO2/a)");
	head[5] = L(m, "减排成本（元/吨CO2）", "Cost (CNY/tCO2)");
	head[6] = L(m, "当前普及率（%）", "Penetration now (%)");
	head[7] = L(m, "目标普及率（%）", "Target penetration (%)");
	for (int h = 0; h < 3 && rc == 0; h++) {
		if (!nh[h])
			continue;
		lc_doc_section(m->d, 2, horizon_label(m, h));
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
			row[2] = cat ? cat : "—";
			row[3] = trl;
			row[4] = num(ti->pot, 0, a);
			row[5] = num(ti->cost, 0, b);
			if (ti->costsrc == 2) {
				snprintf(e, sizeof e, "%s*", b);
				row[5] = e;
			}
			row[6] = num(pn, 1, c);
			row[7] = num(pt, 1, f);
			rc = lc_doc_row(m->d, row);
		}
	}
	if (rc == 0)
		para_f(m, m->en ? "* cost computed from investment, lifetime "
		       "and operating cost at a %s%% discount rate." :
		       "* 标注星号的减排成本由投资、寿命和运行成本按%s%%折现率"
		       "计算。", num(m->o->discount_rate * 100, 1, a));
	if (rc == 0) {
		snprintf(t, sizeof t, m->en ? "Marginal abatement cost "
			 "curve, %s" : "%s行业边际减排成本曲线",
			 sector_label(m, s));
		rc = macc_figure(m, s, t);
	}
	return rc;
}

static int milestones(struct rm *m, int no)
{
	long byh[3] = { 0 };
	double poth[3] = { 0 };
	char t[64], a[64], b[64], c[64];

	for (size_t i = 0; i < m->cur.n; i++) {
		const struct tinfo *ti = &m->cur.v[i];

		if (ti->horizon < 0)
			continue;
		byh[ti->horizon]++;
		if (ti->pot > 0)
			poth[ti->horizon] += ti->pot;
	}
	if (m->en)
		snprintf(t, sizeof t, "%d Milestones", no);
	else
		snprintf(t, sizeof t, "%s、里程碑", no == 9 ? "九" : no == 8 ?
			 "八" : no == 7 ? "七" : no == 6 ? "六" : "五");
	lc_doc_section(m->d, 1, t);
	item_f(m, m->en ? "2025: start promoting the %ld mature technologies "
	       "(TRL 8-9), %s of potential." :
	       "2025年：启动%ld项成熟技术（TRL 8-9）的推广，对应减排潜力%s。",
	       byh[0], co2(m, poth[0], a));
	item_f(m, m->en ? "2030: complete the demonstration of the %ld "
	       "technologies at TRL 6-7 (%s)." :
	       "2030年：完成%ld项TRL 6-7技术的工程示范（减排潜力%s）。",
	       byh[1], co2(m, poth[1], b));
	item_f(m, "%s", L(m, "2035年：成熟技术规模化应用，示范技术进入推广，"
			  "研发技术取得突破。", "2035: mature technologies "
			  "at scale, demonstrated ones in deployment, "
			  "research ones through their breakthroughs."));
	item_f(m, m->en ? "2060: the %ld research-stage technologies "
	       "(TRL 1-5, %s) deployed in support of carbon "
	       "neutrality." : "2060年：%ld项研发阶段技术（TRL 1-5，"
	       "减排潜力%s）实现应用，支撑碳中和目标。", byh[2],
	       co2(m, poth[2], c));
	return 0;
}

/* Changes since the previous edition. Rule: a dossier of this edition
 * matches one of the previous edition with the same name_zh (exact
 * text); failing that, one with the same id sequence, i.e. the same id
 * after its first '-' (2024-ST-007 -> 2025-ST-007). Each previous dossier
 * matches at most once, taken in id order. Unmatched current dossiers
 * are new, unmatched previous ones dropped, matched ones whose TRL rose
 * have advanced. Lookups go through sorted keys, so that two editions of
 * 100,000 dossiers compare in n log n. */
struct pkey {
	const char *key;
	size_t idx;
};

static int cmp_pkey(const void *va, const void *vb)
{
	const struct pkey *a = va, *b = vb;
	int c = strcmp(a->key, b->key);

	return c ? c : a->idx < b->idx ? -1 : a->idx > b->idx;
}

static const char *id_seq(const struct lc_tech *t)
{
	const char *id = lc_tech_get(t, LC_F_ID);
	const char *seq = id ? strchr(id, '-') : NULL;

	return seq;
}

/* Builds the sorted keys of the previous edition (by name when by_name,
 * else by id sequence); *n receives how many. NULL when out of memory. */
static struct pkey *prev_keys(const struct rm *m, int by_name, size_t *n)
{
	struct pkey *k = malloc((m->prev.n + 1) * sizeof *k);

	*n = 0;
	if (!k)
		return NULL;
	for (size_t i = 0; i < m->prev.n; i++) {
		const struct lc_tech *t = m->prev.v[i].t;
		const char *key = by_name ? lc_tech_get(t, LC_F_NAME_ZH) :
				  id_seq(t);

		if (key) {
			k[*n].key = key;
			k[(*n)++].idx = i;
		}
	}
	qsort(k, *n, sizeof *k, cmp_pkey);
	return k;
}

/* The first unused previous dossier with key, or -1. */
static long find_key(const struct pkey *k, size_t n, const char *key,
		     const char *used)
{
	size_t lo = 0, hi = n;

	if (!key)
		return -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(k[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && strcmp(k[lo].key, key) == 0; lo++)
		if (!used[k[lo].idx])
			return (long)k[lo].idx;
	return -1;
}

static int changes(struct rm *m)
{
	char *used;
	long *match;
	struct pkey *byname, *byseq;
	size_t nname, nseq;
	const char *head[4], *row[4];
	char a[48], b[16];
	int rc;

	lc_doc_section(m->d, 2, L(m, "附录C 与上一年度相比的变化",
				  "Annex C Changes since the previous "
				  "edition"));
	if (!m->prev.n) {
		para_f(m, m->en ? "The catalog holds no %s edition to compare "
		       "with." : "目录中没有%s年度的数据，无法比较。",
		       m->prev_edition);
		return 0;
	}
	para_f(m, m->en ? "Compared with the %s edition (%zu dossiers). A "
	       "dossier is the same technology as one of the previous "
	       "edition with the same Chinese name, or else with the same id "
	       "sequence (the id after the year)." : "与%s年度（%zu项）比较。"
	       "技术名称（中文）相同者视为同一技术；其余按编号中年份之后的部分"
	       "匹配。", m->prev_edition, m->prev.n);
	used = calloc(m->prev.n, 1);
	match = calloc(m->cur.n + 1, sizeof *match);
	byname = prev_keys(m, 1, &nname);
	byseq = prev_keys(m, 0, &nseq);
	if (!used || !match || !byname || !byseq) {
		free(used);
		free(match);
		free(byname);
		free(byseq);
		return LC_ENOMEM;
	}
	/* Names first for every dossier, then sequences for the rest, so
	 * that a renamed dossier cannot take another's match. */
	for (size_t i = 0; i < m->cur.n; i++) {
		match[i] = find_key(byname, nname, lc_tech_get(m->cur.v[i].t,
							       LC_F_NAME_ZH),
				    used);
		if (match[i] >= 0)
			used[match[i]] = 1;
	}
	for (size_t i = 0; i < m->cur.n; i++) {
		if (match[i] >= 0)
			continue;
		match[i] = find_key(byseq, nseq, id_seq(m->cur.v[i].t), used);
		if (match[i] >= 0)
			used[match[i]] = 1;
	}
	free(byname);
	free(byseq);
	head[0] = L(m, "变化", "Change");
	head[1] = L(m, "编号", "ID");
	head[2] = L(m, "技术名称", "Technology");
	head[3] = "TRL";
	rc = lc_doc_table(m->d, NULL, 4, head, "lilr");
	for (size_t i = 0; rc == 0 && i < m->cur.n; i++) {
		const struct tinfo *ti = &m->cur.v[i];

		row[1] = lc_tech_get(ti->t, LC_F_ID);
		row[2] = lc_tech_name(ti->t, m->lang);
		if (match[i] < 0) {
			snprintf(a, sizeof a, "%d", ti->trl);
			row[0] = L(m, "新增", "new");
			row[3] = a;
		} else if (ti->trl > m->prev.v[match[i]].trl) {
			snprintf(a, sizeof a, "%d → %d",
				 m->prev.v[match[i]].trl, ti->trl);
			row[0] = L(m, "成熟度提升", "TRL advanced");
			row[3] = a;
		} else {
			continue;
		}
		rc = lc_doc_row(m->d, row);
	}
	for (size_t k = 0; rc == 0 && k < m->prev.n; k++) {
		if (used[k])
			continue;
		snprintf(b, sizeof b, "%d", m->prev.v[k].trl);
		row[0] = L(m, "未再入选", "dropped");
		row[1] = lc_tech_get(m->prev.v[k].t, LC_F_ID);
		row[2] = lc_tech_name(m->prev.v[k].t, m->lang);
		row[3] = b;
		rc = lc_doc_row(m->d, row);
	}
	free(used);
	free(match);
	return rc;
}

static int method(struct rm *m)
{
	const char *head[5], *row[5];
	char w[48], a[48];
	int rc = 0;

	lc_doc_section(m->d, 2, L(m, "附录B 评价方法", "Annex B Method"));
	if (!m->prof) {
		para_f(m, "%s%s", L(m, "评价方案不可用：",
				    "Criteria profile not available: "),
		       m->rank_error);
	} else {
		const struct lc_profile *p = m->prof;

		para_f(m, m->en ? "Profile '%s': method %s, normalisation "
		       "%s, panel scores aggregated by %s; the best %d "
		       "eligible technologies are selected, within sector "
		       "quotas." : "评价方案“%s”：%s，%s标准化，"
		       "专家评分按%s"
		       "汇总；在行业配额内选出得分最高的%d项合格技术。",
		       lc_profile_name(p),
		       method_label(m, lc_profile_method(p)),
		       method_label(m, lc_profile_normalization(p)),
		       method_label(m, lc_profile_aggregation(p)),
		       lc_profile_select(p));
		head[0] = L(m, "指标", "Criterion");
		head[1] = L(m, "来源", "Source");
		head[2] = L(m, "方向", "Direction");
		head[3] = L(m, "权重", "Weight");
		rc = lc_doc_table(m->d, L(m, "表 评价指标与权重",
					  "Table: criteria and weights"), 4,
				  head, "lllr");
		for (size_t j = 0; rc == 0 && j < lc_profile_count(p); j++) {
			row[0] = lc_profile_label(p, j, m->lang);
			row[1] = lc_profile_is_panel(p, j) ?
				 L(m, "专家评分", "expert panel") :
				 lc_profile_source(p, j);
			row[2] = lc_profile_is_cost(p, j) ?
				 L(m, "越低越好", "lower is better") :
				 L(m, "越高越好", "higher is better");
			row[3] = num(lc_profile_weight(p, j), 3, w);
			rc = lc_doc_row(m->d, row);
		}
	}
	if (rc == 0)
		para_f(m, m->en ? "Abatement cost, where a dossier does not "
		       "state it: (CRF x investment + change in operating "
		       "cost) / annual abatement, with CRF = r(1+r)^n / "
		       "((1+r)^n - 1), discount rate r = %s%% and n the "
		       "lifetime." : "申报材料未给出减排成本时，按"
		       "（资本回收系数 × 投资额 + 运行成本变化）/ 年减排量"
		       "计算，资本回收系数 CRF = r(1+r)^n / ((1+r)^n - 1)，"
		       "折现率 r = %s%%，n 为使用寿命。",
		       num(m->o->discount_rate * 100, 1, a));
	return rc;
}

static int annex(struct rm *m, int no)
{
	const char *head[9], *row[9];
	char t[64], a[48], b[48], trl[8];
	int rc;

	if (m->en)
		snprintf(t, sizeof t, "%d Annex", no);
	else
		snprintf(t, sizeof t, "%s、附录", no == 10 ? "十" : no == 9 ?
			 "九" : no == 8 ? "八" : no == 7 ? "七" : "六");
	lc_doc_section(m->d, 1, t);
	lc_doc_section(m->d, 2, L(m, "附录A 技术目录", "Annex A Full "
				  "catalog"));
	head[0] = L(m, "编号", "ID");
	head[1] = L(m, "技术名称", "Technology");
	head[2] = L(m, "行业", "Sector");
	head[3] = L(m, "类别", "Category");
	head[4] = "TRL";
	head[5] = L(m, "状态", "Status");
	head[6] = L(m, "减排潜力（吨CO2/年）", "Potential (tCO2/a)");
	head[7] = L(m, "减排成本（元/吨CO2）", "Cost (CNY/tCO2)");
	head[8] = L(m, "申报单位", "Submitter");
	rc = lc_doc_table(m->d, NULL, 9, head, "illlrlrrl");
	for (size_t i = 0; rc == 0 && i < m->cur.n; i++) {
		const struct tinfo *ti = &m->cur.v[i];
		const char *cat = lc_category_label(lc_tech_category(ti->t),
						    m->lang);

		snprintf(trl, sizeof trl, "%d", ti->trl);
		row[0] = lc_tech_get(ti->t, LC_F_ID);
		row[1] = lc_tech_name(ti->t, m->lang);
		row[2] = sector_label(m, ti->sector);
		row[3] = cat ? cat : "—";
		row[4] = trl;
		row[5] = status_label(m, lc_tech_status(ti->t));
		row[6] = num(ti->pot, 0, a);
		row[7] = num(ti->cost, 0, b);
		row[8] = lc_tech_get(ti->t, LC_F_SUBMITTER);
		rc = lc_doc_row(m->d, row);
	}
	if (rc == 0)
		rc = method(m);
	if (rc == 0)
		rc = changes(m);
	return rc;
}

int lc_roadmap_build(struct lc_catalog *cat, const struct lc_roadmap_opts *o,
		     struct lc_doc **out, struct lc_error *err)
{
	struct rm m;
	struct lc_error e2 = { 0 };
	struct lc_rank_opts ro;
	char css_path[4096];
	long ed;
	int rc, no = 4;

	*out = NULL;
	memset(&m, 0, sizeof m);
	m.o = o;
	m.en = exp_is_en(o->lang);
	m.lang = m.en ? "en" : "zh";
	if (!o->edition || strlen(o->edition) != 4 ||
	    strspn(o->edition, "0123456789") != 4)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "edition",
				    "edition must be a year, not '%s'",
				    o->edition ? o->edition : "");
	ed = strtol(o->edition, NULL, 10);
	snprintf(m.prev_edition, sizeof m.prev_edition, "%ld", ed - 1);
	rc = load_edition(cat, o->edition, o->discount_rate, &m.cur, err);
	if (rc == 0 && m.cur.n == 0)
		rc = lc_error_set(err, LC_ENOTFOUND, NULL, 0, "edition",
				  "no dossier in edition %s", o->edition);
	if (rc == 0)
		rc = load_edition(cat, m.prev_edition, o->discount_rate,
				  &m.prev, err);
	if (rc < 0)
		goto out;
	(void)lc_catalog_rec_each(cat, "tech", "edition", o->edition,
				  vintage_fn, m.vintage, NULL);
	if (!m.vintage[0])
		snprintf(m.vintage, sizeof m.vintage, "—");
	/* The Top N comes from the ranker; a failure there is said in the
	 * document rather than losing the whole roadmap. */
	if (lc_profile_load(o->profile ? o->profile : "top20", &m.prof,
			    &e2) < 0 ||
	    (lc_rank_opts_init(&ro),
	     lc_rank_edition(cat, o->edition, m.prof, &ro, &m.rank, &e2)) < 0)
		lc_error_format(&e2, m.rank_error, sizeof m.rank_error);
	m.d = lc_doc_new(m.lang);
	if (!m.d) {
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
		goto out;
	}
	if (lc_data_path("templates/roadmap-style.css", css_path,
			 sizeof css_path, NULL) == 0) {
		FILE *fp = fopen(css_path, "r");
		char *css = NULL;
		size_t len = 0;

		if (fp && getdelim(&css, &len, '\0', fp) >= 0)
			lc_doc_css(m.d, css);
		free(css);
		if (fp)
			fclose(fp);
	}
	rc = title_page(&m);
	if (rc == 0)
		rc = findings(&m);
	if (rc == 0)
		rc = top_chapter(&m);
	if (rc == 0)
		rc = overview(&m);
	for (int s = 0; rc == 0 && s < LC_SECTOR__COUNT; s++) {
		long n = 0;

		for (size_t i = 0; i < m.cur.n; i++)
			n += m.cur.v[i].sector == s;
		if (n)
			rc = sector_chapter(&m, s, no++);
	}
	if (rc == 0)
		rc = milestones(&m, no++);
	if (rc == 0)
		rc = annex(&m, no);
	if (rc == 0 && m.d->broken)
		rc = LC_ENOMEM;
	if (rc < 0) {
		lc_error_set(err, rc, NULL, 0, NULL, "out of memory");
		lc_doc_free(m.d);
	} else {
		*out = m.d;
	}
out:
	techs_free(&m.cur);
	techs_free(&m.prev);
	lc_ranking_free(m.rank);
	lc_profile_free(m.prof);
	return rc;
}
