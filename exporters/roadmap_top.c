/* roadmap_top.c - the Top N chapter: the selection from the ranker. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

int rm_top_chapter(struct rm *m)
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
	       rm_method_label(m, lc_ranking_info(m->rank)->method));
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
		ti = rm_tech_index(m, id);
		snprintf(buf[0], 48, "%d", lc_ranking_entry(m->rank, i)->rank);
		row[0] = buf[0];
		row[1] = id;
		row[2] = ti >= 0 ? lc_tech_name(m->cur.v[ti].t, m->lang) :
			 lc_ranking_entry(m->rank, i)->name;
		row[3] = rm_sector_label(m, lc_ranking_entry(m->rank, i)->sector);
		row[4] = rm_num(lc_ranking_entry(m->rank, i)->score, 3, buf[4]);
		for (size_t j = 0, col = 5; j < nc; j++)
			if (used[j]) {
				row[col] = rm_num(lc_ranking_entry(m->rank, i)->contrib[j],
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

