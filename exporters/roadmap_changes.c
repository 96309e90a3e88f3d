/* roadmap_changes.c - the annex's changes since the previous edition: a
 * dossier is the same technology as one of the previous edition when
 * both have the same key (the top of their lineage: given in the
 * submission, or found by import as the same submitter's same name).
 * Rises, falls and revisions of the TRL as given, entries new and
 * entries gone; nothing is paired by a name or an id that merely looks
 * alike. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

enum change { CH_UP, CH_DOWN, CH_REVISED, CH_SAME, CH_NEW, CH_GONE,
	      CH__COUNT };

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

static const char *key_of(const struct rm *m, const struct lc_tech *t)
{
	const char *id = lc_tech_get(t, LC_F_ID);
	const char *k = lc_lineage_key(m->lineage, id);

	return k ? k : id;
}

/* The previous edition's dossiers sorted by key; NULL out of memory. */
static struct pkey *prev_keys(const struct rm *m)
{
	struct pkey *k = malloc((m->prev.n + 1) * sizeof *k);

	if (!k)
		return NULL;
	for (size_t i = 0; i < m->prev.n; i++) {
		k[i].key = key_of(m, m->prev.v[i].t);
		k[i].idx = i;
	}
	qsort(k, m->prev.n, sizeof *k, cmp_pkey);
	return k;
}

/* The first unused previous dossier of key, or -1. */
static long find_key(const struct pkey *k, size_t n, const char *key,
		     const char *used)
{
	size_t lo = 0, hi = n;

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

static int kind(const struct rm *m, size_t i, long j)
{
	const struct tinfo *c = &m->cur.v[i], *p;
	char a[16], b[16];
	int alo, ahi, blo, bhi;

	if (j < 0)
		return CH_NEW;
	p = &m->prev.v[j];
	if (c->trl != p->trl)
		return c->trl > p->trl ? CH_UP : CH_DOWN;
	/* the same level written otherwise ("7" and "7.0") is no change; a
	 * range that narrows ("6-9", "6-7") is a revision */
	lc_tech_trl_text(c->t, a, sizeof a);
	lc_tech_trl_text(p->t, b, sizeof b);
	if (lc_trl_range(a, &alo, &ahi) == 0 &&
	    lc_trl_range(b, &blo, &bhi) == 0)
		return alo != blo || ahi != bhi ? CH_REVISED : CH_SAME;
	return strcmp(a, b) ? CH_REVISED : CH_SAME;
}

static const char *label(const struct rm *m, int k)
{
	static const char *const key[CH__COUNT] = { "changes.up",
		"changes.down", "changes.revised", "changes.same",
		"changes.new", "changes.gone" };

	return W(m, key[k]);
}

/* The table's rows, kind by kind, each in the edition's (id) order. */
static int rows(struct rm *m, const long *match, const char *used)
{
	const char *row[4];
	char a[48], b[16], c[16];
	int rc = 0;

	for (int k = 0; rc == 0 && k < CH__COUNT; k++) {
		if (k == CH_SAME)
			continue;
		if (k == CH_GONE) {
			for (size_t j = 0; rc == 0 && j < m->prev.n; j++) {
				const struct lc_tech *t = m->prev.v[j].t;

				if (used[j])
					continue;
				row[0] = label(m, k);
				row[1] = lc_tech_get(t, LC_F_ID);
				row[2] = lc_tech_name(t, m->lang);
				row[3] = lc_tech_trl_text(t, b, sizeof b);
				rc = lc_doc_row(m->d, row);
			}
			continue;
		}
		for (size_t i = 0; rc == 0 && i < m->cur.n; i++) {
			const struct lc_tech *t = m->cur.v[i].t;

			if (kind(m, i, match[i]) != k)
				continue;
			lc_tech_trl_text(t, b, sizeof b);
			if (match[i] >= 0) {
				lc_tech_trl_text(m->prev.v[match[i]].t, c,
						 sizeof c);
				snprintf(a, sizeof a, "%s → %s", c, b);
			} else {
				snprintf(a, sizeof a, "%s", b);
			}
			row[0] = label(m, k);
			row[1] = lc_tech_get(t, LC_F_ID);
			row[2] = lc_tech_name(t, m->lang);
			row[3] = a;
			rc = lc_doc_row(m->d, row);
		}
	}
	return rc;
}

int rm_changes(struct rm *m)
{
	char *used;
	long *match, count[CH__COUNT] = { 0 };
	struct pkey *keys;
	const char *head[4];
	int rc;

	lc_doc_section(m->d, 2, W(m, "changes.title"));
	if (!m->prev.n) {
		const char *kn[] = { "edition" };
		const char *vl[] = { m->prev_edition };

		rm_say(m, 0, "changes.none", kn, vl, 1);
		return 0;
	}
	used = calloc(m->prev.n, 1);
	match = calloc(m->cur.n + 1, sizeof *match);
	keys = prev_keys(m);
	if (!used || !match || !keys) {
		free(used);
		free(match);
		free(keys);
		return LC_ENOMEM;
	}
	for (size_t i = 0; i < m->cur.n; i++) {
		match[i] = find_key(keys, m->prev.n, key_of(m, m->cur.v[i].t),
				    used);
		if (match[i] >= 0)
			used[match[i]] = 1;
		count[kind(m, i, match[i])]++;
	}
	for (size_t j = 0; j < m->prev.n; j++)
		count[CH_GONE] += !used[j];
	free(keys);
	{
		static const char *const key[CH__COUNT] = { "changes.n-up",
			"changes.n-down", "changes.n-revised",
			"changes.n-same", "changes.n-new", "changes.n-gone" };
		const char *kn[] = { "edition", "n", "parts" };
		const char *vl[3];
		char nb[24], part[128], parts[768];
		size_t len = 0;

		snprintf(nb, sizeof nb, "%zu", m->prev.n);
		vl[0] = m->prev_edition;
		vl[1] = nb;
		rm_say(m, 0, "changes.intro", kn, vl, 2);
		parts[0] = '\0';
		for (int k = 0; k < CH__COUNT; k++) {
			if (!count[k])
				continue;
			snprintf(nb, sizeof nb, "%ld", count[k]);
			lc_words_fill(m->w, key[k], kn + 1, vl + 1, 1, part,
				      sizeof part);
			if (len < sizeof parts)
				len += (size_t)snprintf(parts + len,
					sizeof parts - len, "%s%s",
					len ? W(m, "changes.sep") : "", part);
		}
		vl[2] = parts;
		if (len)
			rm_say(m, 0, "changes.counts", kn, vl, 3);
	}
	head[0] = W(m, "changes.col.change");
	head[1] = W(m, "col.id");
	head[2] = W(m, "col.name");
	head[3] = W(m, "col.trl");
	rc = lc_doc_table(m->d, NULL, 4, head, "lilr");
	if (rc == 0)
		rc = rows(m, match, used);
	free(used);
	free(match);
	return rc;
}
