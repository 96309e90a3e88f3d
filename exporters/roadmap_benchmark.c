/* roadmap_benchmark.c - the chapter "finding gaps by benchmarking": the
 * edition against an international reference catalog (ranker's
 * lc_bench_run): per sector how many dossiers lead, match or lag the
 * reference's maturity; the lags and leads pair by pair; the reference
 * technologies no dossier corresponds to, the most mature first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

const char *rm_numeral(int no)
{
	static const char *const n[] = { "", "一", "二", "三", "四", "五",
		"六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
		"十五", "十六", "十七", "十八", "十九" };

	return no >= 1 && no < 20 ? n[no] : "";
}

/* Rows of b that are domestic pairs with a gap of sign sign, worst
 * first (lags: the largest lag first; leads: the largest lead). */
static int pairs_table(struct rm *m, const struct lc_bench *b, int sign)
{
	const char *head[7], *row[7];
	const struct lc_bench_row **v = malloc((b->n + 1) * sizeof *v);
	size_t n = 0;
	int rc;

	if (!v)
		return LC_ENOMEM;
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i].dom && b->v[i].ref && b->v[i].has_gap &&
		    (sign < 0 ? b->v[i].gap < 0 : b->v[i].gap > 0))
			v[n++] = &b->v[i];
	/* by gap (stable: sector then id order kept within a gap) */
	for (size_t i = 1; i < n; i++) {
		const struct lc_bench_row *x = v[i];
		size_t j = i;

		while (j > 0 && (sign < 0 ? v[j - 1]->gap > x->gap :
				 v[j - 1]->gap < x->gap)) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
	if (!n) {
		free(v);
		return para_f(m, "%s", sign < 0 ? L(m, "无。", "None.") :
			      L(m, "无。", "None."));
	}
	head[0] = L(m, "行业", "Sector");
	head[1] = L(m, "编号", "ID");
	head[2] = L(m, "技术名称", "Technology");
	head[3] = "TRL";
	head[4] = L(m, "对标技术", "Reference technology");
	head[5] = L(m, "对标TRL", "Reference TRL");
	head[6] = L(m, "差距", "Gap");
	rc = lc_doc_table(m->d, NULL, 7, head, "lilrlrr");
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char a[16], c[16], g[16];

		snprintf(g, sizeof g, "%+d", v[i]->gap);
		row[0] = rm_sector_label(m, v[i]->sector);
		row[1] = lc_tech_get(v[i]->dom, LC_F_ID);
		row[2] = lc_tech_name(v[i]->dom, m->lang);
		row[3] = lc_tech_trl_text(v[i]->dom, a, sizeof a);
		row[4] = lc_tech_name(v[i]->ref, "en");
		row[5] = lc_tech_trl_text(v[i]->ref, c, sizeof c);
		row[6] = g;
		rc = lc_doc_row(m->d, row);
	}
	free(v);
	return rc;
}

/* The reference technologies without a domestic counterpart, by sector,
 * the most mature first. */
static int gaps_table(struct rm *m, const struct lc_bench *b)
{
	const char *head[3], *row[3];
	int rc;

	head[0] = L(m, "行业", "Sector");
	head[1] = L(m, "对标技术", "Reference technology");
	head[2] = L(m, "对标TRL", "Reference TRL");
	rc = lc_doc_table(m->d, NULL, 3, head, "llr");
	for (int s = 0; rc == 0 && s < LC_SECTOR__COUNT; s++)
		for (int trl = 9; rc == 0 && trl >= 0; trl--)
			for (size_t i = 0; rc == 0 && i < b->n; i++) {
				const struct lc_bench_row *r = &b->v[i];
				char c[16];

				if (r->dom || r->sector != s ||
				    lc_tech_trl(r->ref) != trl)
					continue;
				row[0] = rm_sector_label(m, s);
				row[1] = lc_tech_name(r->ref, "en");
				row[2] = lc_tech_trl_text(r->ref, c, sizeof c);
				rc = lc_doc_row(m->d, row);
			}
	return rc;
}

int rm_benchmark(struct rm *m, int no)
{
	const struct lc_bench *b = m->bench;
	const char *head[8], *row[8];
	char t[96], cell[7][24];
	const char *who = NULL;
	long paired = 0, manual = 0;
	int rc;

	if (m->en)
		snprintf(t, sizeof t, "%d Finding gaps by benchmarking", no);
	else
		snprintf(t, sizeof t, "%s、对标国际找差距", rm_numeral(no));
	lc_doc_section(m->d, 1, t);
	for (size_t i = 0; i < b->n; i++) {
		if (!who && b->v[i].ref)
			who = lc_tech_get(b->v[i].ref, LC_F_SUBMITTER);
		paired += b->v[i].dom && b->v[i].ref;
		manual += b->v[i].match == LC_MATCH_MANUAL;
	}
	para_f(m, m->en ? "The %s edition's dossiers are set against the "
	       "technologies of an international reference (%s, its %s "
	       "edition), each paired with the closest reference technology "
	       "of its industry by English name, scope and category (%ld "
	       "pairs, %ld of them fixed by hand). The gap is the domestic "
	       "TRL minus the reference's on the 1-9 scale (levels 10 and 11 "
	       "of the IEA's scale count 9); TRL as each source gives it." :
	       "将%s年度技术与国际对标目录（%s，%s年版）逐项比对：按英文名称、"
	       "适用范围和类别为每项技术找出同一行业中最接近的对标技术（共%ld对，"
	       "其中人工指定%ld对）。差距为国内技术成熟度减对标技术成熟度（按"
	       "1-9级，IEA 1-11级中的10、11级按9级计）；成熟度按各来源表述。",
	       m->o->edition, who ? who : "—", b->ref_edition, paired,
	       manual);
	head[0] = L(m, "行业", "Sector");
	head[1] = L(m, "国内技术", "Dossiers");
	head[2] = L(m, "对标技术", "Reference");
	head[3] = L(m, "领先", "Lead");
	head[4] = L(m, "持平", "Level");
	head[5] = L(m, "落后", "Lag");
	head[6] = L(m, "未配对", "Unpaired");
	head[7] = L(m, "国内空白", "Reference only");
	rc = lc_doc_table(m->d, NULL, 8, head, "lrrrrrrr");
	for (int s = 0; rc == 0 && s < LC_SECTOR__COUNT; s++) {
		const struct lc_bench_sector *x = &b->s[s];
		const long v[7] = { x->domestic, x->reference, x->leads,
				    x->level, x->lags, x->unpaired, x->gaps };

		if (!x->domestic && !x->reference)
			continue;
		row[0] = rm_sector_label(m, s);
		for (int k = 0; k < 7; k++) {
			snprintf(cell[k], sizeof cell[k], "%ld", v[k]);
			row[k + 1] = cell[k];
		}
		rc = lc_doc_row(m->d, row);
	}
	if (rc == 0)
		rc = lc_doc_section(m->d, 2, L(m, "落后于对标的技术",
					       "Behind the reference"));
	if (rc == 0)
		rc = pairs_table(m, b, -1);
	if (rc == 0)
		rc = lc_doc_section(m->d, 2, L(m, "领先于对标的技术",
					       "Ahead of the reference"));
	if (rc == 0)
		rc = pairs_table(m, b, 1);
	if (rc == 0)
		rc = lc_doc_section(m->d, 2, L(m, "国内尚无对应的对标技术",
					       "Reference technologies with "
					       "no domestic counterpart"));
	if (rc == 0)
		rc = para_f(m, "%s", L(m, "按行业列出，成熟度高者在前：可优先"
				       "引进、示范或组织攻关。", "By sector, "
				       "the most mature first: candidates to "
				       "bring in, demonstrate or research."));
	if (rc == 0)
		rc = gaps_table(m, b);
	return rc;
}
