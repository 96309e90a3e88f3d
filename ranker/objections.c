/* objections.c - objections raised during the public notice, and the
 * publication that fixes the final list: an objection is recorded
 * against a dossier under notice ("objection:EDITION:NNNN"), resolved as
 * upheld (the dossier is withdrawn) or dismissed; publication is refused
 * while one is open, then sets the list published ("publication:
 * EDITION"). Every step audited. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

struct count_ctx {
	long n, open;
	char open_ids[256];
};

static int count_one(const char *key, const struct lc_rec *r, void *vc)
{
	struct count_ctx *c = vc;
	const char *st = lc_rec_get(r, "state");

	(void)key;
	c->n++;
	if (st && !strcmp(st, "open")) {
		size_t l = strlen(c->open_ids);

		c->open++;
		if (l + 16 < sizeof c->open_ids)
			snprintf(c->open_ids + l, sizeof c->open_ids - l,
				 "%s%s", l ? ", " : "", lc_rec_get(r, "seq"));
	}
	return 0;
}

/* Counts the objections of edition (open ones listed). */
static int count(struct lc_catalog *cat, const char *edition,
		 struct count_ctx *c, struct lc_error *err)
{
	memset(c, 0, sizeof *c);
	return lc_catalog_rec_each(cat, "objection", "edition", edition,
				   count_one, c, err);
}

int lc_objection_add(struct lc_catalog *cat, const char *id,
		     const char *from, const char *text, char *seq,
		     size_t seqn, struct lc_error *err)
{
	struct lc_tech *t = NULL;
	struct lc_notice *n = NULL;
	struct count_ctx c;
	struct lc_audit *a = NULL;
	struct lc_rec *rec = NULL;
	char key[96], when[32], ed[8], detail[300];
	int rc = lc_catalog_get_tech(cat, id, &t, err);

	if (rc == LC_ENOTFOUND)
		return lc_error_set(err, LC_EDATA, NULL, 0, "id",
				    "no dossier '%s'", id);
	if (rc)
		return rc;
	snprintf(ed, sizeof ed, "%s", lc_tech_get(t, LC_F_EDITION));
	if (lc_tech_status(t) != LC_ST_NOTICED &&
	    lc_tech_status(t) != LC_ST_WITHDRAWN) {
		rc = lc_error_set(err, LC_EDATA, NULL, 0, "id",
				  "%s is not on a list under public notice "
				  "(status %s)", id,
				  lc_status_name(lc_tech_status(t)));
		goto out;
	}
	rc = lc_notice_get(cat, ed, &n, err);
	if (rc == 0 && n->published)
		rc = lc_error_set(err, LC_EDATA, NULL, 0, "edition",
				  "edition %s was published on %.10s: the "
				  "notice is closed", ed, n->published);
	if (rc == 0)
		rc = count(cat, ed, &c, err);
	if (rc)
		goto out;
	snprintf(seq, seqn, "%04ld", c.n + 1);
	snprintf(key, sizeof key, "objection:%s:%s", ed, seq);
	lc_catalog_now(when, sizeof when);
	rec = lc_rec_new();
	/* a late objection is recorded, and says so: the period is what
	 * the notice promised, the office decides */
	if (!rec || lc_rec_set(rec, "edition", ed) ||
	    lc_rec_set(rec, "seq", seq) || lc_rec_set(rec, "tech", id) ||
	    lc_rec_set(rec, "from", from) || lc_rec_set(rec, "text", text) ||
	    lc_rec_set(rec, "state", "open") || lc_rec_set(rec, "when", when) ||
	    lc_rec_set(rec, "who", lc_catalog_who()) ||
	    lc_rec_set(rec, "late", strncmp(when, n->end, 10) > 0 ? "yes" :
		       "no")) {
		rc = lc_rk_oom(err);
		goto out;
	}
	snprintf(detail, sizeof detail, "%s %s against %s from %s", ed, seq,
		 id, from);
	rc = lc_audit_tx_begin(cat, &a, err);
	if (rc == 0)
		rc = lc_catalog_rec_put(cat, key, rec, err);
	if (rc == 0)
		rc = lc_audit_add(a, "objection.add", detail, NULL, err);
	rc = lc_audit_tx_end(cat, a, rc, err);
out:
	lc_rec_free(rec);
	lc_notice_free(n);
	lc_tech_free(t);
	return rc;
}

int lc_objection_resolve(struct lc_catalog *cat, const char *edition,
			 const char *seq, int upheld, const char *note,
			 struct lc_error *err)
{
	struct lc_rec *rec = NULL;
	struct lc_audit *a = NULL;
	char key[96], when[32], detail[300];
	const char *st, *id;
	int rc;

	snprintf(key, sizeof key, "objection:%s:%s", edition, seq);
	rc = lc_catalog_rec_get(cat, key, &rec, err);
	if (rc == LC_ENOTFOUND)
		return lc_error_set(err, LC_EDATA, NULL, 0, "objection",
				    "no objection %s in edition %s", seq,
				    edition);
	if (rc)
		return rc;
	st = lc_rec_get(rec, "state");
	id = lc_rec_get(rec, "tech");
	if (!st || strcmp(st, "open") || !id) {
		rc = lc_error_set(err, LC_EDATA, NULL, 0, "objection",
				  "objection %s of %s is already %s", seq,
				  edition, st ? st : "closed");
		goto out;
	}
	lc_catalog_now(when, sizeof when);
	snprintf(detail, sizeof detail, "%s %s %s: %s", edition, seq,
		 upheld ? "upheld" : "dismissed", id);
	if (lc_rec_set(rec, "state", upheld ? "upheld" : "dismissed") ||
	    lc_rec_set(rec, "note", note ? note : "") ||
	    lc_rec_set(rec, "resolved", when) ||
	    lc_rec_set(rec, "resolved_by", lc_catalog_who())) {
		rc = lc_rk_oom(err);
		goto out;
	}
	rc = lc_audit_tx_begin(cat, &a, err);
	if (rc == 0)
		rc = lc_catalog_rec_put(cat, key, rec, err);
	/* upheld: the dossier leaves the list */
	if (rc == 0 && upheld)
		rc = lc_catalog_set_status(cat, id, LC_ST_WITHDRAWN, note,
					   "lowcarb objection", err);
	if (rc == 0)
		rc = lc_audit_add(a, "objection.resolve", detail, NULL, err);
	rc = lc_audit_tx_end(cat, a, rc, err);
out:
	lc_rec_free(rec);
	return rc;
}

int lc_publish(struct lc_catalog *cat, const char *edition,
	       size_t *published, size_t *withdrawn, struct lc_error *err)
{
	struct lc_notice *n = NULL;
	struct count_ctx c;
	struct lc_audit *a = NULL;
	struct lc_rec *rec = NULL;
	char key[64], when[32], detail[200], *ids = NULL;
	size_t len = 0, cap = 1;
	int rc = lc_notice_get(cat, edition, &n, err);

	*published = *withdrawn = 0;
	if (rc == LC_ENOTFOUND)
		return lc_error_set(err, LC_EDATA, NULL, 0, "edition",
				    "edition %s was never put under notice: "
				    "run 'lowcarb notice --edition %s' first",
				    edition, edition);
	if (rc)
		return rc;
	if (n->published)
		rc = lc_error_set(err, LC_EDATA, NULL, 0, "edition",
				  "edition %s was published on %.10s",
				  edition, n->published);
	if (rc == 0)
		rc = count(cat, edition, &c, err);
	if (rc == 0 && c.open)
		rc = lc_error_set(err, LC_EDATA, NULL, 0, "objection",
				  "%ld objection(s) still open (%s): resolve "
				  "them first", c.open, c.open_ids);
	if (rc)
		goto out;
	for (size_t i = 0; i < n->n; i++)
		cap += strlen(n->id[i]) + 1;
	ids = calloc(cap, 1);
	rec = lc_rec_new();
	if (!ids || !rec) {
		rc = lc_rk_oom(err);
		goto out;
	}
	rc = lc_audit_tx_begin(cat, &a, err);
	for (size_t i = 0; rc == 0 && i < n->n; i++) {
		struct lc_tech *t = NULL;

		rc = lc_catalog_get_tech(cat, n->id[i], &t, err);
		if (rc == 0 && lc_tech_status(t) == LC_ST_WITHDRAWN) {
			++*withdrawn;
		} else if (rc == 0) {
			rc = lc_catalog_set_status(cat, n->id[i],
						   LC_ST_PUBLISHED, NULL,
						   "lowcarb publish", err);
			len += (size_t)snprintf(ids + len, cap - len, "%s%s",
						len ? "," : "", n->id[i]);
			++*published;
		}
		lc_tech_free(t);
	}
	lc_catalog_now(when, sizeof when);
	snprintf(key, sizeof key, "publication:%s", edition);
	if (rc == 0 && (lc_rec_set(rec, "edition", edition) ||
			lc_rec_set(rec, "ids", ids) ||
			lc_rec_set(rec, "when", when) ||
			lc_rec_set(rec, "who", lc_catalog_who())))
		rc = lc_rk_oom(err);
	if (rc == 0)
		rc = lc_catalog_rec_put(cat, key, rec, err);
	snprintf(detail, sizeof detail, "%s: %zu published, %zu withdrawn",
		 edition, *published, *withdrawn);
	if (rc == 0)
		rc = lc_audit_add(a, "publish", detail, NULL, err);
	rc = lc_audit_tx_end(cat, a, rc, err);
out:
	free(ids);
	lc_rec_free(rec);
	lc_notice_free(n);
	return rc;
}
