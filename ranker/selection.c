/* selection.c - the selection of an edition recorded in the catalog
 * ("selection:EDITION", statuses set) and read back. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

int lc_ranking_record(struct lc_catalog *cat, const struct lc_ranking *r,
		      struct lc_error *err)
{
	struct lc_rec *rec = lc_rec_new();
	char key[64], when[32], num[32], *ids = NULL;
	size_t len = 0;
	int rc;

	if (!rec)
		return lc_rk_oom(err);
	for (size_t i = 0; i < r->n; i++)
		if (r->e[i].selected)
			len += strlen(r->e[i].id) + 1;
	ids = calloc(len + 1, 1);
	if (!ids) {
		lc_rec_free(rec);
		return lc_rk_oom(err);
	}
	len = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->e[i].selected) {
			size_t l = strlen(r->e[i].id);

			if (len)
				ids[len++] = ',';
			memcpy(ids + len, r->e[i].id, l);
			len += l;
		}
	ids[len] = '\0';
	snprintf(key, sizeof key, "selection:%s", r->edition);
	snprintf(num, sizeof num, "%zu", r->nsel);
	rc = lc_rec_set(rec, "edition", r->edition);
	rc = rc ? rc : lc_rec_set(rec, "hash", r->hash);
	rc = rc ? rc : lc_rec_set(rec, "profile", r->profile);
	rc = rc ? rc : lc_rec_set(rec, "profile_sha256", r->profile_hash);
	rc = rc ? rc : lc_rec_set(rec, "method", r->method);
	rc = rc ? rc : lc_rec_set(rec, "params", r->params);
	rc = rc ? rc : lc_rec_set(rec, "n", num);
	rc = rc ? rc : lc_rec_set(rec, "ids", ids);
	rc = rc ? rc : lc_rec_set(rec, "who", lc_catalog_who());
	rc = rc ? rc : lc_rec_set(rec, "when",
				  lc_catalog_now(when, sizeof when));
	if (rc) {
		rc = lc_rk_oom(err);
		goto out;
	}
	rc = lc_catalog_begin(cat, err);
	if (rc)
		goto out;
	rc = lc_catalog_rec_put(cat, key, rec, err);
	for (size_t i = 0; !rc && i < r->n; i++) {
		const struct lc_rk_entry *e = &r->e[i];
		int want = e->status;

		if (e->selected)
			want = LC_ST_SELECTED;
		else if (e->status == LC_ST_SELECTED)
			want = e->excluded ? LC_ST_SUBMITTED : LC_ST_ELIGIBLE;
		if (want != e->status)
			rc = lc_catalog_set_status(cat, e->id, want, NULL,
						   "lowcarb rank", err);
	}
	if (rc)
		lc_catalog_abort(cat);
	else
		rc = lc_catalog_commit(cat, err);
out:
	free(ids);
	lc_rec_free(rec);
	return rc;
}

void lc_selection_free(struct lc_selection *s)
{
	if (!s)
		return;
	free(s->hash);
	free(s->profile);
	free(s->profile_hash);
	free(s->method);
	free(s->params);
	free(s->when);
	free(s->idbuf);
	free(s->id);
	free(s);
}

int lc_selection_get(struct lc_catalog *cat, const char *edition,
		     struct lc_selection **out, struct lc_error *err)
{
	struct lc_rec *rec = NULL;
	struct lc_selection *s;
	char key[64];
	int rc;

	*out = NULL;
	snprintf(key, sizeof key, "selection:%s", edition);
	rc = lc_catalog_rec_get(cat, key, &rec, err);
	if (rc)
		return rc;
	s = calloc(1, sizeof *s);
	if (!s) {
		lc_rec_free(rec);
		return lc_rk_oom(err);
	}
	s->hash = lc_rk_strdup(lc_rec_get(rec, "hash"));
	s->profile = lc_rk_strdup(lc_rec_get(rec, "profile"));
	s->profile_hash = lc_rk_strdup(lc_rec_get(rec, "profile_sha256"));
	s->method = lc_rk_strdup(lc_rec_get(rec, "method"));
	s->params = lc_rk_strdup(lc_rec_get(rec, "params"));
	s->when = lc_rk_strdup(lc_rec_get(rec, "when"));
	s->idbuf = lc_rk_strdup(lc_rec_get(rec, "ids"));
	lc_rec_free(rec);
	if (!s->hash || !s->profile || !s->profile_hash || !s->method ||
	    !s->params || !s->when || !s->idbuf) {
		lc_selection_free(s);
		return lc_rk_oom(err);
	}
	if (*s->idbuf) {
		size_t n = 1;

		for (char *p = s->idbuf; *p; p++)
			n += *p == ',';
		s->id = malloc(n * sizeof *s->id);
		if (!s->id) {
			lc_selection_free(s);
			return lc_rk_oom(err);
		}
		s->id[s->n++] = s->idbuf;
		for (char *p = s->idbuf; *p; p++)
			if (*p == ',') {
				*p = '\0';
				s->id[s->n++] = p + 1;
			}
	}
	*out = s;
	return 0;
}
