/* roadmap_changes.c - the annex's changes since the previous edition. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

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

int rm_changes(struct rm *m)
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

