/* conflicts_clear.c - a panel's decision that an expert is not in
 * conflict on a dossier after all: a "clear:EXPERT:ID" record that the
 * automatic rule does not override (refresh does not add the pair back),
 * until someone declares a conflict on the pair again. */
#include <stdio.h>
#include <string.h>
#include "ranker/ranker.h"

static int cleared_one(const char *key, const struct lc_rec *r, void *vc)
{
	struct lc_strmap *m = vc;
	const char *ex = lc_rec_get(r, "expert"), *t = lc_rec_get(r, "tech");
	char pk[300];

	(void)key;
	if (!ex || !t)
		return 0;
	return lc_strmap_put(m, lc_pair_key(ex, t, pk, sizeof pk), 1) < 0;
}

int lc_conflicts_cleared(struct lc_catalog *cat, struct lc_strmap **out,
			 struct lc_error *err)
{
	struct lc_strmap *m = lc_strmap_new();
	int rc;

	*out = NULL;
	if (!m)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	rc = lc_catalog_rec_each(cat, "clear", NULL, NULL, cleared_one, m,
				 err);
	if (rc > 0)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
	if (rc < 0) {
		lc_strmap_free(m);
		return rc;
	}
	*out = m;
	return 0;
}

int lc_conflict_clear(struct lc_catalog *cat, const char *expert,
		      const char *tech, const char *reason,
		      struct lc_error *err)
{
	struct lc_rec *r = NULL, *old = NULL;
	struct lc_audit *a = NULL;
	char key[300], detail[600];
	const char *origin;
	int rc;

	if (!reason || !*reason)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "reason",
				    "a reason is required");
	snprintf(key, sizeof key, "conflict:%s:%s", expert, tech);
	rc = lc_catalog_rec_get(cat, key, &old, err);
	if (rc == LC_ENOTFOUND)
		return lc_error_set(err, LC_EDATA, NULL, 0, "expert",
				    "'%s' has no conflict on '%s' to clear "
				    "(see lowcarb conflicts list)", expert,
				    tech);
	if (rc < 0)
		return rc;
	origin = lc_rec_get(old, "origin");
	snprintf(detail, sizeof detail, "%s %s cleared (was %s): %s", expert,
		 tech, origin ? origin : "?", reason);
	lc_rec_free(old);
	r = lc_rec_new();
	if (!r || lc_rec_set(r, "expert", expert) < 0 ||
	    lc_rec_set(r, "tech", tech) < 0 ||
	    lc_rec_set(r, "reason", reason) < 0) {
		lc_rec_free(r);
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	}
	rc = lc_audit_tx_begin(cat, &a, err);
	if (rc == 0)
		rc = lc_catalog_rec_del(cat, key, err);
	snprintf(key, sizeof key, "clear:%s:%s", expert, tech);
	if (rc == 0)
		rc = lc_catalog_rec_put(cat, key, r, err);
	if (rc == 0)
		rc = lc_audit_add(a, "conflict.clear", detail, NULL, err);
	rc = lc_audit_tx_end(cat, a, rc, err);
	lc_rec_free(r);
	return rc;
}
