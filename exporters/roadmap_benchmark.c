/* roadmap_benchmark.c - the chapter "finding gaps by benchmarking": the
 * edition against an international reference catalog (ranker's
 * lc_bench_run): per sector how many dossiers lead, match or lag the
 * reference's maturity; the lags and leads pair by pair; the reference
 * technologies no dossier corresponds to, the most mature first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

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
		return lc_doc_para(m->d, W(m, "bench.none"));
	}
	head[0] = W(m, "col.sector");
	head[1] = W(m, "col.id");
	head[2] = W(m, "col.name");
	head[3] = W(m, "col.trl");
	head[4] = W(m, "bench.col.reference");
	head[5] = W(m, "bench.col.reference-trl");
	head[6] = W(m, "bench.col.gap");
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

	head[0] = W(m, "col.sector");
	head[1] = W(m, "bench.col.reference");
	head[2] = W(m, "bench.col.reference-trl");
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

	lc_doc_section(m->d, 1, rm_chapter(m, no, "chapter.benchmark", "", t,
					   sizeof t));
	for (size_t i = 0; i < b->n; i++) {
		if (!who && b->v[i].ref)
			who = lc_tech_get(b->v[i].ref, LC_F_SUBMITTER);
		paired += b->v[i].dom && b->v[i].ref;
		manual += b->v[i].match == LC_MATCH_MANUAL;
	}
	{
		const char *names[] = { "edition", "reference",
					"reference_edition", "pairs",
					"manual" };
		const char *vals[5];
		char np[24], nm[24];

		snprintf(np, sizeof np, "%ld", paired);
		snprintf(nm, sizeof nm, "%ld", manual);
		vals[0] = m->o->edition;
		vals[1] = who ? who : "—";
		vals[2] = b->ref_edition[0] ? b->ref_edition : "—";
		vals[3] = np;
		vals[4] = nm;
		rm_say(m, 0, manual ? "bench.intro" : "bench.intro.auto",
		       names, vals, 5);
	}
	head[0] = W(m, "col.sector");
	head[1] = W(m, "bench.col.domestic");
	head[2] = W(m, "bench.col.reference-n");
	head[3] = W(m, "bench.col.lead");
	head[4] = W(m, "bench.col.level");
	head[5] = W(m, "bench.col.lag");
	head[6] = W(m, "bench.col.unpaired");
	head[7] = W(m, "bench.col.gaps");
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
		rc = lc_doc_section(m->d, 2, W(m, "bench.behind"));
	if (rc == 0)
		rc = pairs_table(m, b, -1);
	if (rc == 0)
		rc = lc_doc_section(m->d, 2, W(m, "bench.ahead"));
	if (rc == 0)
		rc = pairs_table(m, b, 1);
	if (rc == 0)
		rc = lc_doc_section(m->d, 2, W(m, "bench.only"));
	if (rc == 0)
		rc = lc_doc_para(m->d, W(m, "bench.only.intro"));
	if (rc == 0)
		rc = gaps_table(m, b);
	return rc;
}
