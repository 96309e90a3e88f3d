/* roadmap_top.c - the Top N chapter: the selected technologies in one
 * table made for the A4 page (rank, id, name, sector, score and the
 * criteria that decided it), then each criterion's contribution in a
 * table of numbered columns with its key. Every word from the text
 * catalogue. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

/* The circled numbers that head the contribution columns: short enough
 * for any page, the same in both languages, explained by the key. */
static const char *const circled[] = {
	"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫",
	"⑬", "⑭", "⑮", "⑯", "⑰", "⑱", "⑲", "⑳"
};
#define NCIRCLED (sizeof circled / sizeof circled[0])

/* The label of criterion j of the ranking in the document's language. */
static const char *crit_label(const struct rm *m, size_t j)
{
	const char *cid = lc_ranking_info(m->rank)->crit[j];

	for (size_t k = 0; m->prof && k < lc_profile_count(m->prof); k++)
		if (strcmp(lc_profile_id(m->prof, k), cid) == 0)
			return lc_profile_label(m->prof, k, m->lang);
	return cid;
}

/* The labels of the (up to) two criteria that contributed most to entry
 * e, into buf: names only, the numbers are in the contribution table
 * (a number inside running text may break across lines). */
static void decisive(const struct rm *m, const struct lc_rank_entry *e,
		     size_t nc, char *buf, size_t n)
{
	int done[64] = { 0 };
	size_t len = 0;

	buf[0] = '\0';
	for (int k = 0; k < 2; k++) {
		long best = -1;

		for (size_t j = 0; j < nc && j < 64; j++)
			if (!done[j] && isfinite(e->contrib[j]) &&
			    e->contrib[j] > 0 &&
			    (best < 0 || e->contrib[j] > e->contrib[best]))
				best = (long)j;
		if (best < 0)
			break;
		done[best] = 1;
		len += (size_t)snprintf(buf + len, len < n ? n - len : 0,
					"%s%s", k ? W(m, "list.sep") : "",
					crit_label(m, (size_t)best));
		if (len >= n)
			break;
	}
}

static int top_table(struct rm *m, size_t nc)
{
	const char *head[6] = { W(m, "top.col.rank"), W(m, "top.col.id"),
				W(m, "top.col.name"), W(m, "top.col.sector"),
				W(m, "top.col.score"),
				W(m, "top.col.decisive") };
	int rc = lc_doc_table(m->d, W(m, "top.table"), 6, head, "rillrl");

	for (size_t i = 0, no = 0; rc == 0 && i < m->nlist; i++) {
		long k = lc_ranking_find(m->rank, m->list[i]);
		const struct lc_rank_entry *e = k >= 0 ?
			lc_ranking_entry(m->rank, (size_t)k) : NULL;
		char rank[24], score[48], dec[600], name[800];
		const char *row[6];
		long ti = rm_tech_index(m, m->list[i]);

		if (m->list_withdrawn[i] && m->list_kind == RM_LIST_PUBLISHED)
			continue;
		snprintf(rank, sizeof rank, "%zu", ++no);
		dec[0] = '\0';
		if (e)
			decisive(m, e, nc, dec, sizeof dec);
		snprintf(name, sizeof name, "%s%s", ti >= 0 ?
			 lc_tech_name(m->cur.v[ti].t, m->lang) : m->list[i],
			 m->list_withdrawn[i] ? W(m, "notice.withdrawn") : "");
		row[0] = rank;
		row[1] = m->list[i];
		row[2] = name;
		row[3] = rm_sector_label(m, ti >= 0 ? m->cur.v[ti].sector : -1);
		row[4] = e ? rm_num(e->score, 3, score) : "—";
		row[5] = dec;
		rc = lc_doc_row(m->d, row);
	}
	return rc;
}

/* The contributions of every criterion that contributed to a selected
 * entry, one numbered column each, after their key. */
static int contrib_table(struct rm *m, size_t nc)
{
	const struct lc_rank_info *ri = lc_ranking_info(m->rank);
	size_t used[NCIRCLED], nu = 0, ncol;
	const char *head[NCIRCLED + 3];
	char align[NCIRCLED + 4], buf[600], wb[48];
	int rc = 0;

	for (size_t j = 0; j < nc && nu < NCIRCLED; j++) {
		int any = 0;

		for (size_t i = 0; i < m->nlist && !any; i++) {
			long k = lc_ranking_find(m->rank, m->list[i]);

			any = k >= 0 && isfinite(lc_ranking_entry(m->rank,
					(size_t)k)->contrib[j]);
		}
		if (any)
			used[nu++] = j;
	}
	if (!nu)
		return 0;
	rc = lc_doc_para(m->d, W(m, "top.contrib.key"));
	for (size_t k = 0; rc == 0 && k < nu; k++) {
		const char *names[] = { "no", "criterion", "weight" };
		const char *vals[3];

		vals[0] = circled[k];
		vals[1] = crit_label(m, used[k]);
		vals[2] = rm_num(ri->weight[used[k]], 3, wb);
		rc = lc_doc_item(m->d, lc_words_fill(m->w, "top.contrib.item",
						     names, vals, 3, buf,
						     sizeof buf));
	}
	ncol = nu + 3;
	head[0] = W(m, "top.col.rank");
	head[1] = W(m, "top.col.id");
	memcpy(align, "ri", 2);
	for (size_t k = 0; k < nu; k++) {
		head[k + 2] = circled[k];
		align[k + 2] = 'r';
	}
	head[nu + 2] = W(m, "top.col.score");
	align[nu + 2] = 'r';
	align[nu + 3] = '\0';
	if (rc == 0)
		rc = lc_doc_table(m->d, W(m, "top.contrib.table"), ncol, head,
				  align);
	for (size_t i = 0, no = 0; rc == 0 && i < m->nlist; i++) {
		long k = lc_ranking_find(m->rank, m->list[i]);
		const struct lc_rank_entry *e = k >= 0 ?
			lc_ranking_entry(m->rank, (size_t)k) : NULL;
		char cells[NCIRCLED + 3][48];
		const char *row[NCIRCLED + 3];

		if (!e || (m->list_withdrawn[i] &&
			   m->list_kind == RM_LIST_PUBLISHED))
			continue;
		snprintf(cells[0], sizeof cells[0], "%zu", ++no);
		row[0] = cells[0];
		row[1] = e->id;
		for (size_t c = 0; c < nu; c++)
			row[c + 2] = rm_num(e->contrib[used[c]], 3,
					    cells[c + 2]);
		row[nu + 2] = rm_num(e->score, 3, cells[nu + 2]);
		rc = lc_doc_row(m->d, row);
	}
	return rc;
}

int rm_top_chapter(struct rm *m)
{
	const char *names[] = { "profile", "method", "n" };
	const char *vals[3];
	char buf[1200], n[24];
	size_t nc;
	int rc;

	lc_doc_section(m->d, 1, W(m, "top.title"));
	if (!m->rank) {
		const char *nm[] = { "reason" };
		const char *v[] = { m->rank_error };

		return lc_doc_para(m->d, lc_words_fill(m->w, "top.no-ranking",
						       nm, v, 1, buf,
						       sizeof buf));
	}
	nc = lc_ranking_info(m->rank)->ncrit;
	snprintf(n, sizeof n, "%zu", lc_ranking_info(m->rank)->selected);
	vals[0] = lc_ranking_info(m->rank)->profile;
	vals[1] = rm_method_label(m, lc_ranking_info(m->rank)->method);
	vals[2] = n;
	rc = lc_doc_para(m->d, rm_list_sentence(m, buf, sizeof buf));
	if (rc == 0)
		rc = lc_doc_para(m->d, lc_words_fill(m->w, "top.intro", names,
						     vals, 3, buf,
						     sizeof buf));
	if (rc == 0)
		rc = top_table(m, nc);
	if (rc == 0)
		rc = contrib_table(m, nc);
	return rc;
}
