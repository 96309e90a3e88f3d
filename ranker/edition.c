/* edition.c - an edition as the ranking reads it from the catalog: every
 * dossier with its indicator values and the eligibility rule it fails,
 * read in one scan (its panel scores are read by scores.c). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"
#include <nettle/sha2.h>
#include "ranker/internal.h"

struct collect {
	struct lc_ranking *r;
	const struct lc_profile *p;
	size_t cap;
	int failed;
	struct sha256_ctx data;   /* every field of every dossier */
};

/* Hashes what a dossier is, whatever profile reads it: every field
 * given, and a rejection that is not rank's own output. */
static void hash_fields(struct sha256_ctx *h, const struct lc_tech *t)
{
	int st = lc_tech_status(t);
	char tag[16];

	for (int f = 0; f < LC_F__COUNT; f++) {
		const char *v = lc_tech_get(t, f);

		if (!v || !*v)
			continue;
		snprintf(tag, sizeof tag, "\n%d|", f);
		sha256_update(h, strlen(tag), (const uint8_t *)tag);
		sha256_update(h, strlen(v) + 1, (const uint8_t *)v);
	}
	/* submitted, eligible, selected or rejected by rank are all the
	 * same to the next rank; a rejection from outside is not */
	if (st == LC_ST_REJECTED && !lc_rk_rank_rejected(t)) {
		snprintf(tag, sizeof tag, "\nstatus|%d", st);
		sha256_update(h, strlen(tag), (const uint8_t *)tag);
	}
}

/* The value of a dossier field as the ranking reads it: the abatement
 * cost by the profile's cost basis (stated, or computed from the
 * dossier's inputs with the assumptions' discount rate), the number of
 * demonstration projects when not given as a field. */
static double tech_value(const struct lc_ranking *r, const struct lc_tech *t,
			 int field)
{
	double v;

	if (field == LC_F_ABATEMENT_COST)
		return lc_cost_value(t, r->cost_basis, r->rate, &v) ? v : NAN;
	if (lc_tech_num(t, field, &v))
		return v;
	if (field == LC_F_DEMONSTRATIONS && lc_tech_demo_count(t) > 0)
		return (double)lc_tech_demo_count(t);
	return NAN;
}

/* What makes t incomplete, in buf ("lifetime is missing"), or NULL
 * when it is complete. */
static const char *incomplete(const struct lc_ranking *r,
			      const struct lc_tech *t,
			      const struct lc_profile *p, char *buf, size_t n)
{
	for (int f = 0; f < LC_F__COUNT; f++)
		if (lc_field_required(f) && !lc_tech_get(t, f)) {
			snprintf(buf, n, "%s is missing", lc_field_name(f));
			return buf;
		}
	for (size_t j = 0; j < p->ncrit; j++) {
		int f = p->crit[j].field;
		const char *why;

		if (p->crit[j].panel || !isnan(tech_value(r, t, f)))
			continue;
		why = f == LC_F_ABATEMENT_COST ?
		      lc_cost_missing(t, r->cost_basis) : NULL;
		if (why && strcmp(why, lc_field_name(f)))
			snprintf(buf, n, "%s is missing and cannot be "
				 "computed: %s is missing", lc_field_name(f),
				 why);
		else
			snprintf(buf, n, "%s is missing", lc_field_name(f));
		return buf;
	}
	return NULL;
}

int lc_rk_rank_rejected(const struct lc_tech *t)
{
	const char *why = lc_tech_status_reason(t);

	return lc_tech_status(t) == LC_ST_REJECTED && why &&
	       !strncmp(why, LC_RANK_REASON, strlen(LC_RANK_REASON));
}

static const char *op_text(int op)
{
	static const char *const t[] = { ">=", ">", "<=", "<", "=", "!=" };

	return op >= 0 && op < 6 ? t[op] : "?";
}

/* Returns a new string naming the failed rule, or NULL when t passes. */
static char *check_rules(const struct lc_ranking *r, const struct lc_tech *t,
			 const struct lc_profile *p)
{
	char buf[256], why[160];

	for (size_t k = 0; k < p->nrule; k++) {
		const struct lc_rk_rule *u = &p->rule[k];
		const char *label = u->label_en ? u->label_en : u->id;
		int ok;

		if (!strcmp(u->field, "complete")) {
			if (!incomplete(r, t, p, why, sizeof why))
				continue;
			snprintf(buf, sizeof buf, "%s: %s (%s)", u->id, label,
				 why);
			return lc_rk_strdup(buf);
		}
		if (!strcmp(u->field, "status")) {
			/* a rejection made by rank is its output, not an
			 * input: the dossier is judged afresh */
			int st = lc_rk_rank_rejected(t) ? LC_ST_SUBMITTED :
				lc_tech_status(t);
			int want = lc_status_from_name(u->value);

			ok = u->op == LC_RK_EQ ? st == want : st != want;
			if (ok)
				continue;
			snprintf(buf, sizeof buf, "%s: %s (status is %s)",
				 u->id, label, lc_status_name(st));
			return lc_rk_strdup(buf);
		}
		{
			double lim;
			double v = tech_value(r, t,
					      lc_field_lookup(u->field));
			char vb[32];

			lc_num_parse(u->value, &lim);
			switch (u->op) {
			case LC_RK_GT: ok = v > lim; break;
			case LC_RK_LE: ok = v <= lim; break;
			case LC_RK_LT: ok = v < lim; break;
			case LC_RK_EQ: ok = v == lim; break;
			case LC_RK_NE: ok = v != lim; break;
			default: ok = v >= lim; break;
			}
			if (ok && !isnan(v))
				continue;
			snprintf(buf, sizeof buf, "%s: %s (%s %s %s; it is %s)",
				 u->id, label, u->field, op_text(u->op),
				 u->value, isnan(v) ? "missing" :
				 lc_num_format(v, vb, sizeof vb));
			return lc_rk_strdup(buf);
		}
	}
	return NULL;
}

static int collect_tech(const struct lc_tech *t, void *ctx)
{
	struct collect *c = ctx;
	struct lc_ranking *r = c->r;
	struct lc_rk_entry *e;
	size_t nc = c->p->ncrit;

	if (r->n == c->cap) {
		size_t ncap = c->cap ? 2 * c->cap : 64;
		struct lc_rk_entry *ne = realloc(r->e, ncap * sizeof *ne);

		if (!ne) {
			c->failed = 1;
			return 1;
		}
		r->e = ne;
		c->cap = ncap;
	}
	e = &r->e[r->n];
	memset(e, 0, sizeof *e);
	e->id = lc_rk_strdup(lc_tech_get(t, LC_F_ID));
	e->name = lc_rk_strdup(lc_tech_get(t, LC_F_NAME_ZH));
	e->x = calloc(nc, sizeof *e->x);
	e->nsc = calloc(nc, sizeof *e->nsc);
	e->flag = calloc(nc, sizeof *e->flag);
	e->contrib = calloc(nc, sizeof *e->contrib);
	r->n++;    /* counted now so that free releases what was made */
	if (!e->id || !e->name || !e->x || !e->nsc || !e->flag ||
	    !e->contrib) {
		c->failed = 1;
		return 1;
	}
	e->sector = lc_tech_sector(t);
	e->status = lc_tech_status(t);
	e->rank_rejected = lc_rk_rank_rejected(t);
	hash_fields(&c->data, t);
	e->row = -1;
	e->score = NAN;
	for (size_t j = 0; j < nc; j++)
		e->contrib[j] = NAN;
	for (size_t j = 0; j < nc; j++)
		e->x[j] = c->p->crit[j].panel ? NAN
			: tech_value(r, t, c->p->crit[j].field);
	e->excluded = check_rules(r, t, c->p);
	return 0;
}

int lc_rk_read_edition(struct lc_catalog *cat, struct lc_ranking *r,
		       const struct lc_profile *p, struct lc_error *err)
{
	struct collect c = { .r = r, .p = p };
	struct lc_filter f;
	uint8_t dig[SHA256_DIGEST_SIZE];
	int rc;

	lc_filter_init(&f);
	f.edition = r->edition;
	f.sort = "id";
	sha256_init(&c.data);
	rc = lc_catalog_each_tech(cat, &f, collect_tech, &c, err);
	if (!rc && c.failed)
		rc = lc_rk_oom(err);
	/* the digest of the fields for now; rank adds the scores */
	sha256_digest(&c.data, sizeof dig, dig);
	for (size_t i = 0; i < sizeof dig; i++)
		snprintf(r->data_hash + 2 * i, 3, "%02x", dig[i]);
	return rc;
}
