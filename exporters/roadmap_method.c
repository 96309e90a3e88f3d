/* roadmap_method.c - the annex's statement of the method, from the
 * profile actually used, so that a reader can check the selection:
 * eligibility, criteria and weights, normalisation and score, how the
 * panel's scores are aggregated and how many there are, quotas, the
 * tie-break chain, the SHA-256 of the inputs. Every sentence from the
 * text catalogue (keys method.*). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

enum { NV = 12 };
static const char *const names[NV] = {
	"profile", "method", "norm", "agg", "n", "min", "max", "sector",
	"experts", "criterion", "hash", "rate"
};

/* Fills key with vals (NV of them, unused NULL) and adds it as a
 * paragraph (item 0) or a bullet item (item 1). */
static int say(struct rm *m, int item, const char *key,
	       const char *const *vals)
{
	char buf[1024];

	lc_words_fill(m->w, key, names, vals, NV, buf, sizeof buf);
	return item ? lc_doc_item(m->d, buf) : lc_doc_para(m->d, buf);
}

/* Where criterion j's values come from, for a reader: the dossier
 * field's label in the document's language, not its name in the data
 * model. */
static const char *source(const struct rm *m, const struct lc_profile *p,
			  size_t j, char *buf, size_t n)
{
	const char *src = lc_profile_source(p, j);
	int f = src ? lc_field_lookup(src) : -1;
	const char *lab = f >= 0 ? lc_field_label(f, m->lang) : NULL;
	const char *kn[] = { "field" };
	const char *vl[] = { lab };

	if (!lab)
		return W(m, "method.dossier");
	return lc_words_fill(m->w, "method.from-field", kn, vl, 1, buf, n);
}

static int criteria_table(struct rm *m, const struct lc_profile *p)
{
	const char *head[4], *row[4];
	char w[48], src[256];
	int rc;

	head[0] = W(m, "method.col.criterion");
	head[1] = W(m, "method.col.source");
	head[2] = W(m, "method.col.direction");
	head[3] = W(m, "method.col.weight");
	rc = lc_doc_table(m->d, W(m, "method.table"), 4, head, "lllr");
	for (size_t j = 0; rc == 0 && j < lc_profile_count(p); j++) {
		row[0] = lc_profile_label(p, j, m->lang);
		row[1] = lc_profile_is_panel(p, j) ? W(m, "method.panel") :
			 source(m, p, j, src, sizeof src);
		row[2] = lc_profile_is_cost(p, j) ? W(m, "method.lower") :
			 W(m, "method.higher");
		row[3] = rm_num(lc_profile_weight(p, j), 3, w);
		rc = lc_doc_row(m->d, row);
	}
	return rc;
}

/* The panel: its size, the scores each dossier received (the least and
 * the most over the ranked dossiers and panel criteria), the aggregation
 * and the least number of scores counted. */
static int panel(struct rm *m, const struct lc_profile *p,
		 const char **vals)
{
	const struct lc_rank_info *ri = m->rank ? lc_ranking_info(m->rank)
						: NULL;
	int lo = -1, hi = -1, npanel = 0;
	char a[24], b[24], e[24], k[24], key[48];
	int rc = 0;

	for (size_t j = 0; j < lc_profile_count(p); j++)
		npanel += lc_profile_is_panel(p, j) != 0;
	if (!npanel)
		return 0;
	for (size_t i = 0; ri && i < ri->count; i++) {
		const struct lc_rank_entry *en = lc_ranking_entry(m->rank, i);

		for (size_t j = 0; en->eligible && j < ri->ncrit; j++) {
			if (!lc_profile_is_panel(p, j))
				continue;
			if (lo < 0 || en->nscores[j] < lo)
				lo = en->nscores[j];
			if (en->nscores[j] > hi)
				hi = en->nscores[j];
		}
	}
	snprintf(key, sizeof key, "method.agg.%s",
		 lc_profile_aggregation(p));
	rc = say(m, 0, lc_words_get(m->w, key) ? key : "method.agg.other",
		 vals);
	snprintf(e, sizeof e, "%ld", m->nexperts);
	snprintf(a, sizeof a, "%d", lo);
	snprintf(b, sizeof b, "%d", hi);
	snprintf(k, sizeof k, "%d", lc_profile_min_scores(p));
	vals[8] = e;
	vals[5] = a;
	vals[6] = b;
	vals[4] = k;
	if (rc == 0 && m->nexperts > 0)
		rc = say(m, 0, "method.experts", vals);
	if (rc == 0 && hi > 0)
		rc = say(m, 0, lo == hi ? "method.scores.same" :
			 "method.scores.range", vals);
	if (rc == 0 && lc_profile_min_scores(p) > 0)
		rc = say(m, 0, "method.min-scores", vals);
	return rc;
}

static int quotas(struct rm *m, const struct lc_profile *p,
		  const char **vals)
{
	char a[24], b[24];
	int any = 0, rc = 0;

	for (int s = 0; s < LC_SECTOR__COUNT; s++) {
		int lo, hi;

		lc_profile_quota(p, s, &lo, &hi);
		any |= lo > 0 || hi >= 0;
	}
	if (!any)
		return 0;
	rc = say(m, 0, "method.quotas", vals);
	for (int s = 0; rc == 0 && s < LC_SECTOR__COUNT; s++) {
		int lo, hi;

		lc_profile_quota(p, s, &lo, &hi);
		if (lo <= 0 && hi < 0)
			continue;
		snprintf(a, sizeof a, "%d", lo);
		snprintf(b, sizeof b, "%d", hi);
		vals[5] = a;
		vals[6] = b;
		vals[7] = rm_sector_label(m, s);
		rc = say(m, 1, hi < 0 ? "method.quota.min" :
			 lo <= 0 ? "method.quota.max" : "method.quota", vals);
	}
	return rc;
}

static int tiebreak(struct rm *m, const struct lc_profile *p,
		    const char **vals)
{
	static const char *const key[] = {
		"method.tie.criterion", "method.tie.top",
		"method.tie.disagreement", "method.tie.id"
	};
	int rc;

	if (!lc_profile_tiebreak_count(p))
		return 0;
	rc = say(m, 0, "method.tiebreak", vals);
	for (size_t k = 0; rc == 0 && k < lc_profile_tiebreak_count(p); k++) {
		size_t j = 0;
		int t = lc_profile_tiebreak(p, k, &j);

		if (t < 0)
			continue;
		vals[9] = t == LC_TIEBREAK_CRITERION ?
			  lc_profile_label(p, j, m->lang) : "";
		rc = say(m, 1, t == LC_TIEBREAK_CRITERION &&
			 lc_profile_is_cost(p, j) ? "method.tie.criterion-low"
			 : key[t], vals);
	}
	return rc;
}

int rm_method(struct rm *m)
{
	const char *vals[NV] = { 0 };
	char n[24], rate[48], key[48];
	int rc = 0;

	lc_doc_section(m->d, 2, W(m, "method.title"));
	vals[11] = rm_num(m->o->discount_rate * 100, 1, rate);
	if (!m->prof) {
		vals[0] = m->rank_error;
		rc = say(m, 0, "method.unavailable", vals);
	} else {
		const struct lc_profile *p = m->prof;

		snprintf(n, sizeof n, "%d", lc_profile_select(p));
		vals[0] = lc_profile_name(p);
		vals[1] = rm_method_label(m, lc_profile_method(p));
		vals[2] = rm_method_label(m, lc_profile_normalization(p));
		vals[3] = rm_method_label(m, lc_profile_aggregation(p));
		vals[4] = n;
		rc = say(m, 0, "method.intro", vals);
		if (rc == 0 && lc_profile_rule_count(p))
			rc = say(m, 0, "method.eligibility", vals);
		for (size_t i = 0; rc == 0 && i < lc_profile_rule_count(p);
		     i++)
			rc = lc_doc_item(m->d, lc_profile_rule_label(p, i,
								     m->lang));
		if (rc == 0)
			rc = criteria_table(m, p);
		snprintf(key, sizeof key, "method.norm.%s",
			 lc_profile_normalization(p));
		if (rc == 0 && lc_words_get(m->w, key))
			rc = say(m, 0, key, vals);
		snprintf(key, sizeof key, "method.score.%s",
			 lc_profile_method(p));
		if (rc == 0 && lc_words_get(m->w, key))
			rc = say(m, 0, key, vals);
		if (rc == 0)
			rc = panel(m, p, vals);
		vals[4] = n;
		if (rc == 0)
			rc = quotas(m, p, vals);
		if (rc == 0)
			rc = tiebreak(m, p, vals);
	}
	vals[10] = m->list_hash;
	if (rc == 0 && m->list_hash[0])
		rc = say(m, 0, "method.hash", vals);
	if (rc == 0)
		rc = say(m, 0, "method.crf", vals);
	if (rc == 0 && m->o->assumptions) {
		const char *const nm[] = { "path", "sha256" };
		const char *const va[] = {
			lc_assumptions_path(m->o->assumptions),
			lc_assumptions_sha256(m->o->assumptions) };
		char s[800];

		rc = lc_doc_para(m->d, lc_words_fill(m->w,
				 "method.assumptions", nm, va, 2, s,
				 sizeof s));
	}
	return rc;
}
