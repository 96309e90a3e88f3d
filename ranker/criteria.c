/* panel_criteria.c - the criteria a panel scores, taken from the ranker's
 * criteria profile (data/criteria/NAME.xml): panel criteria only, with
 * their scales and the minimum number of reviews needed to rank. */
#include <string.h>
#include "ranker/ranker.h"

int lc_criteria_load(const char *profile, struct lc_criteria *c,
			 struct lc_error *err)
{
	struct lc_profile *p = NULL;
	int rc;

	memset(c, 0, sizeof *c);
	rc = lc_profile_load(profile ? profile : "top20", &p, err);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < lc_profile_count(p); i++) {
		if (!lc_profile_is_panel(p, i))
			continue;
		if (c->n == LC_MAX_CRIT) {
			lc_profile_free(p);
			return lc_error_set(err, LC_EDATA, profile, 0, NULL,
					    "more than %d panel criteria",
					    LC_MAX_CRIT);
		}
		snprintf(c->id[c->n], sizeof c->id[c->n], "%s",
			 lc_profile_id(p, i));
		c->lo[c->n] = lc_profile_scale_min(p, i);
		c->hi[c->n] = lc_profile_scale_max(p, i);
		c->n++;
	}
	c->min_scores = lc_profile_min_scores(p);
	lc_profile_free(p);
	return 0;
}

