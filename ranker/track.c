/* track.c - one technology across editions: its dossiers found through
 * the lineage graph (lineage.c) from any of their ids or the key, in
 * edition order, with the penetration each edition forecast set against
 * what the edition of that year reports. */
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"

void lc_track_free(struct lc_track *k)
{
	if (!k)
		return;
	for (size_t i = 0; i < k->n; i++)
		lc_tech_free(k->v[i].t);
	free(k->v);
	free(k);
}

/* For each row, the latest earlier edition's forecast for its year. */
static void forecasts(struct lc_track *k)
{
	for (size_t j = 0; j < k->n; j++) {
		struct lc_track_row *r = &k->v[j];
		const char *ed = lc_tech_get(r->t, LC_F_EDITION);
		long year = ed ? strtol(ed, NULL, 10) : 0;

		for (size_t i = 0; i < j; i++) {
			double y, v;

			if (!lc_tech_num(k->v[i].t, LC_F_PENETRATION_TARGET_YEAR,
					 &y) || (long)y != year ||
			    !lc_tech_num(k->v[i].t, LC_F_PENETRATION_TARGET, &v))
				continue;
			r->has_forecast = 1;
			r->forecast = v;
			r->forecast_from = lc_tech_get(k->v[i].t,
						       LC_F_EDITION);
		}
	}
}

int lc_track_build(struct lc_catalog *cat, const char *id_or_key,
		   struct lc_track **out, struct lc_error *err)
{
	struct lc_lineage *g = NULL;
	struct lc_track *k;
	const char **ids = NULL;
	const char *key;
	size_t n;
	int rc;

	*out = NULL;
	rc = lc_lineage_load(cat, &g, err);
	if (rc)
		return rc;
	/* an id of the technology, or its key (which may be an id of an
	 * edition not in this catalog) */
	key = lc_lineage_key(g, id_or_key);
	if (!key)
		key = id_or_key;
	n = lc_lineage_members(g, key, NULL, 0);
	if (n == 0) {
		lc_lineage_free(g);
		return lc_error_set(err, LC_ENOTFOUND, NULL, 0, "id",
				    "no dossier '%s' in the catalog, nor a "
				    "technology of that key", id_or_key);
	}
	k = calloc(1, sizeof *k);
	ids = malloc(n * sizeof *ids);
	if (k)
		k->v = calloc(n, sizeof *k->v);
	if (!k || !ids || !k->v) {
		free(ids);
		lc_track_free(k);
		lc_lineage_free(g);
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	}
	snprintf(k->key, sizeof k->key, "%s", key);
	lc_lineage_members(g, key, ids, n);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct lc_tech *t = NULL;

		rc = lc_catalog_get_tech(cat, ids[i], &t, err);
		if (rc == 0) {
			k->v[k->n].t = t;
			k->v[k->n++].selected =
				lc_tech_status(t) == LC_ST_SELECTED;
		}
	}
	free(ids);
	lc_lineage_free(g);
	if (rc < 0) {
		lc_track_free(k);
		return rc;
	}
	forecasts(k);
	*out = k;
	return 0;
}
