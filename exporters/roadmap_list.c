/* roadmap_list.c - which list the roadmap prints: the published list
 * when the edition was published, the proposed list while it is under
 * public notice, the selection recorded by rank, or (none recorded) the
 * ranking computed now; and the sentence that says so. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

void rm_list_free(struct rm *m)
{
	for (size_t i = 0; i < m->nlist; i++)
		free(m->list[i]);
	free(m->list);
	free(m->list_withdrawn);
	m->list = NULL;
	m->list_withdrawn = NULL;
	m->nlist = 0;
}

/* Copies ids[0..n) into m's list. */
static int take(struct rm *m, char *const *ids, size_t n)
{
	m->list = calloc(n + 1, sizeof *m->list);
	m->list_withdrawn = calloc(n + 1, sizeof *m->list_withdrawn);
	if (!m->list || !m->list_withdrawn)
		return LC_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		m->list[i] = strdup(ids[i]);
		if (!m->list[i])
			return LC_ENOMEM;
		m->nlist++;
	}
	return 0;
}

static int count_fn(const char *key, const struct lc_rec *r, void *ctx)
{
	(void)key;
	(void)r;
	++*(long *)ctx;
	return 0;
}

int rm_load_list(struct lc_catalog *cat, struct rm *m, struct lc_error *err)
{
	struct lc_notice *no = NULL;
	struct lc_selection *sel = NULL;
	int rc;

	/* the panel's size, for the method annex */
	(void)lc_catalog_rec_each(cat, "expert", NULL, NULL, count_fn,
				  &m->nexperts, NULL);
	rc = lc_notice_get(cat, m->o->edition, &no, err);

	if (rc == 0) {
		m->list_kind = no->published ? RM_LIST_PUBLISHED :
			RM_LIST_NOTICE;
		snprintf(m->list_when, sizeof m->list_when, "%.10s",
			 no->published ? no->published : no->start);
		snprintf(m->list_hash, sizeof m->list_hash, "%s",
			 no->hash ? no->hash : "");
		rc = take(m, no->id, no->n);
		for (size_t i = 0; rc == 0 && i < m->nlist; i++) {
			long ti = rm_tech_index(m, m->list[i]);

			m->list_withdrawn[i] = ti >= 0 &&
				lc_tech_status(m->cur.v[ti].t) ==
				LC_ST_WITHDRAWN;
		}
		lc_notice_free(no);
		return rc == LC_ENOMEM ? lc_error_set(err, rc, NULL, 0, NULL,
						      "out of memory") : rc;
	}
	if (rc != LC_ENOTFOUND)
		return rc;
	rc = lc_selection_get(cat, m->o->edition, &sel, err);
	if (rc == 0) {
		m->list_kind = RM_LIST_SELECTION;
		snprintf(m->list_when, sizeof m->list_when, "%.10s",
			 sel->when);
		m->list_stale = m->rank &&
			strcmp(sel->hash, lc_ranking_info(m->rank)->hash) != 0;
		snprintf(m->list_hash, sizeof m->list_hash, "%s", sel->hash);
		rc = take(m, sel->id, sel->n);
		lc_selection_free(sel);
		return rc == LC_ENOMEM ? lc_error_set(err, rc, NULL, 0, NULL,
						      "out of memory") : rc;
	}
	if (rc != LC_ENOTFOUND)
		return rc;
	/* nothing recorded: the ranking of now */
	m->list_kind = RM_LIST_RANKING;
	if (!m->rank)
		return 0;
	{
		const struct lc_rank_info *ri = lc_ranking_info(m->rank);
		char **ids = calloc(ri->selected + 1, sizeof *ids);
		size_t n = 0;

		if (!ids)
			return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
					    "out of memory");
		for (size_t i = 0; i < ri->count && n < ri->selected; i++)
			if (lc_ranking_entry(m->rank, i)->selected)
				ids[n++] = (char *)lc_ranking_entry(m->rank,
								   i)->id;
		snprintf(m->list_hash, sizeof m->list_hash, "%s", ri->hash);
		rc = take(m, ids, n);
		free(ids);
	}
	return rc == LC_ENOMEM ? lc_error_set(err, rc, NULL, 0, NULL,
					      "out of memory") : rc;
}

const char *rm_list_sentence(const struct rm *m, char *buf, size_t n)
{
	static const char *const key[] = { "list.ranking", "list.selection",
					   "list.notice", "list.published" };
	const char *names[] = { "date", "n", "withdrawn" };
	const char *vals[3];
	char nb[24], wb[24];
	size_t wd = 0;
	size_t len;

	for (size_t i = 0; i < m->nlist; i++)
		wd += m->list_withdrawn[i] != 0;
	snprintf(nb, sizeof nb, "%zu", m->nlist - wd);
	snprintf(wb, sizeof wb, "%zu", wd);
	vals[0] = m->list_when;
	vals[1] = nb;
	vals[2] = wb;
	lc_words_fill(m->w, key[m->list_kind], names, vals, 3, buf, n);
	len = strlen(buf);
	if (wd && len < n)
		lc_words_fill(m->w, "list.withdrawn", names, vals, 3,
			      buf + len, n - len);
	len = strlen(buf);
	if (m->list_stale && len < n)
		lc_words_fill(m->w, "list.stale", names, vals, 3, buf + len,
			      n - len);
	return buf;
}

int rm_listed(const struct rm *m, const char *id)
{
	for (size_t i = 0; id && i < m->nlist; i++)
		if (!m->list_withdrawn[i] && strcmp(m->list[i], id) == 0)
			return 1;
	return 0;
}
