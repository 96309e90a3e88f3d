/* rank.c - the Top N selection of an edition, step by step: the edition
 * read from the catalog (edition.c), its panel scores streamed dossier by
 * dossier into the hash of the inputs and aggregated (scores.c,
 * aggregate.c), the weights in use, the method
 * (method.c), ties, quotas and the selection (select.c), sensitivity and
 * comparison (sensitivity.c); then the views the callers read. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <nettle/sha2.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

/* ---- the hash of the inputs ---------------------------------------------- */

static void hex(const uint8_t *d, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void hash_line(struct sha256_ctx *h, const char *s)
{
	sha256_update(h, strlen(s), (const uint8_t *)s);
}

/* ---- the main entry point -------------------------------------------- */

int lc_rank_edition(struct lc_catalog *cat, const char *edition,
		    const struct lc_profile *p,
		    const struct lc_rank_opts *opts,
		    struct lc_ranking **out, struct lc_error *err)
{
	struct lc_rank_opts dflt;
	struct lc_ranking *r;
	struct lc_rk_scores s = { 0 };
	struct sha256_ctx h, hd;
	int rc, method, npanel = 0;
	uint8_t dig[SHA256_DIGEST_SIZE];
	char line[512];

	*out = NULL;
	if (!opts) {
		lc_rank_opts_init(&dflt);
		opts = &dflt;
	}
	method = lc_rk_method_index(opts->method ? opts->method : p->method);
	if (method < 0)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "method",
				    "unknown method '%s' (wsm, topsis, vikor, "
				    "promethee2)", opts->method);
	r = calloc(1, sizeof *r);
	if (!r)
		return lc_rk_oom(err);
	snprintf(r->edition, sizeof r->edition, "%s", edition);
	snprintf(r->profile, sizeof r->profile, "%s", p->name);
	snprintf(r->profile_hash, sizeof r->profile_hash, "%s", p->hash);
	snprintf(r->method, sizeof r->method, "%s", lc_rk_methods[method]);
	r->ncrit = p->ncrit;
	memcpy(r->crit, p->crit, p->ncrit * sizeof p->crit[0]);
	r->select_n = p->select_n;
	r->topsis_norm = p->topsis_norm;
	r->v = p->v;
	memcpy(r->quota_min, p->quota_min, sizeof r->quota_min);
	memcpy(r->quota_max, p->quota_max, sizeof r->quota_max);
	r->nkey = p->nkey;
	memcpy(r->key, p->key, sizeof r->key);
	memcpy(r->key_crit, p->key_crit, sizeof r->key_crit);
	r->cut_row = r->out_row = -1;
	r->cutoff = NAN;
	r->cost_basis = p->cost_basis;
	r->rate = isfinite(opts->discount_rate) ? opts->discount_rate :
		  opts->assumptions ?
		  lc_assumptions_discount_rate(opts->assumptions) :
		  LC_DEFAULT_DISCOUNT_RATE;

	rc = lc_rk_read_edition(cat, r, p, err);
	if (rc)
		goto fail;
	if (r->n == 0) {
		rc = lc_error_set(err, LC_ENOTFOUND, NULL, 0, "edition",
				  "edition %s has no dossier", edition);
		goto fail;
	}
	sha256_init(&h);
	snprintf(line, sizeof line, "lowcarb-rank 1\nprofile|%s|%s\n"
		 "method|%s\nindicators-only|%d\nedition|%s\n", p->name,
		 p->hash, r->method, opts->indicators_only, edition);
	hash_line(&h, line);
	sha256_init(&hd);
	snprintf(line, sizeof line, "lowcarb-data 1\nedition|%s\nfields|%s\n",
		 edition, r->data_hash);
	hash_line(&hd, line);
	for (size_t j = 0; j < p->ncrit; j++)
		npanel += p->crit[j].panel;
	s.r = r;
	s.p = p;
	s.h = &h;
	s.hd = &hd;
	s.aggregate = npanel && !opts->indicators_only;
	/* each dossier's lines are hashed, and its scores aggregated, as
	 * the scan of the scores completes it */
	rc = lc_rk_read_scores(cat, &s, err);
	if (rc)
		goto fail;
	sha256_digest(&h, sizeof dig, dig);
	hex(dig, sizeof dig, r->hash);
	sha256_digest(&hd, sizeof dig, dig);
	hex(dig, sizeof dig, r->data_hash);
	for (size_t j = 0; j < p->ncrit; j++) {
		r->active[j] = 1;
		r->w[j] = p->crit[j].weight;
	}
	if (npanel && (opts->indicators_only || s.n == 0)) {
		double sum = 0;

		if (!opts->indicators_only && p->refuse_without_scores) {
			rc = lc_error_set(err, LC_EDATA, p->path, 0, "panel",
				"edition %s has no panel score and profile "
				"'%s' refuses to rank without them (use "
				"--indicators-only)", edition, p->name);
			goto fail;
		}
		for (size_t j = 0; j < p->ncrit; j++)
			if (p->crit[j].panel) {
				r->active[j] = 0;
				r->w[j] = 0;
			} else {
				sum += r->w[j];
			}
		if (!(sum > 0)) {
			rc = lc_error_set(err, LC_EDATA, p->path, 0, "panel",
				"without panel scores profile '%s' has no "
				"criterion with weight left", p->name);
			goto fail;
		}
		for (size_t j = 0; j < p->ncrit; j++)
			r->w[j] /= sum;
		lc_rk_note(r, "%s: panel criteria missing, left out;",
		     opts->indicators_only ? "--indicators-only"
		     : "no panel score in this edition");
		lc_rk_note(r, "the indicator weights were renormalised to sum 1");
	} else if (npanel) {
		rc = lc_rk_agg_finish(r, p, &s, err);
		if (rc)
			goto fail;
	}
	if (s.conflicted)
		lc_rk_note(r, "%ld score(s) of conflicted experts were not counted",
		     s.conflicted);
	if (s.unassigned)
		lc_rk_note(r, "%ld score(s) of experts no longer assigned were "
		     "not counted (see 'lowcarb panel status')", s.unassigned);
	if (s.bad || s.unknown)
		lc_rk_note(r, "%ld score record(s) ignored (unknown criterion or "
		     "out of scale)", s.bad + s.unknown);
	/* panel minimums and missing values come after the profile's rules */
	for (size_t i = 0; i < r->n; i++) {
		struct lc_rk_entry *e = &r->e[i];
		char buf[256];

		for (size_t j = 0; j < p->ncrit && !e->excluded; j++) {
			if (!r->active[j])
				continue;
			if (p->crit[j].panel && e->nsc[j] < p->min_scores) {
				snprintf(buf, sizeof buf, "min-scores: fewer "
					 "than %d panel scores on %s (%d)",
					 p->min_scores, p->crit[j].id,
					 e->nsc[j]);
				e->excluded = lc_rk_strdup(buf);
			} else if (isnan(e->x[j])) {
				snprintf(buf, sizeof buf, "missing: no value "
					 "for %s", p->crit[j].id);
				e->excluded = lc_rk_strdup(buf);
			}
		}
	}
	{
		char vb[32];
		size_t used;

		used = (size_t)snprintf(r->params, sizeof r->params,
			"n=%d", p->select_n);
		if (method == 1)
			used += (size_t)snprintf(r->params + used,
				sizeof r->params - used, ";normalization=%s",
				lc_norm_name(p->topsis_norm));
		if (method == 2 && used < sizeof r->params)
			snprintf(r->params + used, sizeof r->params - used,
				 ";v=%s", lc_num_format(p->v, vb, sizeof vb));
		if (method == 3 && used < sizeof r->params)
			snprintf(r->params + used, sizeof r->params - used,
				 ";preference=per-criterion");
		if (opts->indicators_only || (npanel && s.n == 0)) {
			used = strlen(r->params);
			if (used < sizeof r->params)
				snprintf(r->params + used,
					 sizeof r->params - used,
					 ";indicators-only");
		}
	}
	lc_rk_scores_free(&s);
	if (fabs(p->weight_sum - 1) > 1e-9)
		lc_rk_note(r, "weights: the profile's weights sum to %.10g; they "
		     "were divided by their sum", p->weight_sum);
	for (size_t j = 0; j < p->ncrit; j++) {
		char vb[32];

		if (p->crit[j].panel || p->crit[j].field != LC_F_ABATEMENT_COST
		    || !(r->w[j] > 0))
			continue;
		if (p->cost_basis == LC_COST_STATED)
			lc_rk_note(r, "%s: cost basis stated", p->crit[j].id);
		else
			lc_rk_note(r, "%s: cost basis %s (computed: (CRF x "
				   "investment + opex_change) / abatement, "
				   "discount rate %s%%)", p->crit[j].id,
				   lc_cost_basis_name(p->cost_basis),
				   lc_num_format(r->rate * 100, vb,
						 sizeof vb));
		break;
	}
	lc_rk_tiebreak_note(r);
	rc = lc_rk_finish(r, method, err);
	if (rc)
		goto fail;
	if (r->nsel < (size_t)r->select_n && r->m > r->nsel)
		lc_rk_note(r, "selection: %zu selected, fewer than %d: the sector "
		     "quotas' maximums leave no room for the other %zu "
		     "eligible", r->nsel, r->select_n, r->m - r->nsel);
	else if (r->m < (size_t)r->select_n)
		lc_rk_note(r, "selection: only %zu eligible, fewer than %d", r->m,
		     r->select_n);
	if (opts->sensitivity > 0 && r->m > 0) {
		rc = lc_rk_sensitivity(r, method, opts, err);
		if (rc)
			goto fail;
	}
	if (opts->compare && r->m >= 2) {
		rc = lc_rk_compare(r, method, err);
		if (rc)
			goto fail;
	}
	rc = lc_rk_views(r);
	if (rc) {
		rc = lc_rk_oom(err);
		goto fail;
	}
	*out = r;
	return 0;
fail:
	lc_rk_scores_free(&s);
	lc_ranking_free(r);
	return rc;
}
