/* selection.c - the selection of an edition as recorded in the catalog
 * ("selection:EDITION", written by record.c) read back, and what changed
 * between two of them. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

void lc_selection_free(struct lc_selection *s)
{
	if (!s)
		return;
	free(s->hash);
	free(s->profile);
	free(s->profile_hash);
	free(s->data_hash);
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
	s->data_hash = lc_rk_strdup(lc_rec_get(rec, "data_sha256"));
	s->method = lc_rk_strdup(lc_rec_get(rec, "method"));
	s->params = lc_rk_strdup(lc_rec_get(rec, "params"));
	s->when = lc_rk_strdup(lc_rec_get(rec, "when"));
	s->idbuf = lc_rk_strdup(lc_rec_get(rec, "ids"));
	lc_rec_free(rec);
	if (!s->hash || !s->profile || !s->profile_hash || !s->data_hash ||
	    !s->method ||
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

int lc_selection_changes(const struct lc_selection *prev,
			 const struct lc_ranking *r)
{
	int ch = 0;

	if (!strcmp(prev->hash, r->hash))
		return 0;
	if (*prev->profile_hash && strcmp(prev->profile_hash,
					  r->profile_hash))
		ch |= LC_CH_PROFILE;
	if (strcmp(prev->method, r->method) || strcmp(prev->params,
						      r->params))
		ch |= LC_CH_METHOD;
	if (*prev->data_hash && strcmp(prev->data_hash, r->data_hash))
		ch |= LC_CH_DATA;
	/* recorded before the data had a hash of its own (or by another
	 * profile name): the inputs differ, the reason cannot be told */
	if (!ch || (!*prev->data_hash && !(ch & LC_CH_PROFILE)))
		ch |= LC_CH_UNKNOWN;
	return ch;
}
