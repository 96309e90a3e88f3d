/* publication.c - the selection's way to publication, as the ministry's
 * process has it: the proposed list put under public notice (公示) for a
 * period, objections recorded and resolved, then the final list
 * published. Records "notice:EDITION", "objection:EDITION:NNNN" and
 * "publication:EDITION"; statuses noticed, withdrawn, published; every
 * step audited. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

void lc_notice_free(struct lc_notice *n)
{
	if (!n)
		return;
	free(n->start);
	free(n->end);
	free(n->hash);
	free(n->who);
	free(n->idbuf);
	free(n->id);
	free(n->published);
	free(n);
}

/* Splits the comma-separated ids of idbuf (kept) into *id and *n. */
static int split_ids(char *idbuf, char ***id, size_t *n)
{
	size_t k = 1;

	*n = 0;
	*id = NULL;
	if (!*idbuf)
		return 0;
	for (const char *p = idbuf; *p; p++)
		k += *p == ',';
	*id = malloc(k * sizeof **id);
	if (!*id)
		return LC_ENOMEM;
	(*id)[(*n)++] = idbuf;
	for (char *p = idbuf; *p; p++)
		if (*p == ',') {
			*p = '\0';
			(*id)[(*n)++] = p + 1;
		}
	return 0;
}

int lc_notice_get(struct lc_catalog *cat, const char *edition,
		  struct lc_notice **out, struct lc_error *err)
{
	struct lc_rec *rec = NULL, *pub = NULL;
	struct lc_notice *n;
	char key[64];
	int rc;

	*out = NULL;
	snprintf(key, sizeof key, "notice:%s", edition);
	rc = lc_catalog_rec_get(cat, key, &rec, err);
	if (rc)
		return rc;
	snprintf(key, sizeof key, "publication:%s", edition);
	rc = lc_catalog_rec_get(cat, key, &pub, err);
	if (rc && rc != LC_ENOTFOUND) {
		lc_rec_free(rec);
		return rc;
	}
	n = calloc(1, sizeof *n);
	if (n) {
		n->start = lc_rk_strdup(lc_rec_get(rec, "start"));
		n->end = lc_rk_strdup(lc_rec_get(rec, "end"));
		n->hash = lc_rk_strdup(lc_rec_get(rec, "hash"));
		n->who = lc_rk_strdup(lc_rec_get(rec, "who"));
		n->idbuf = lc_rk_strdup(lc_rec_get(rec, "ids"));
		n->published = pub ? lc_rk_strdup(lc_rec_get(pub, "when"))
			: NULL;
	}
	lc_rec_free(rec);
	lc_rec_free(pub);
	if (!n || !n->start || !n->end || !n->hash || !n->who ||
	    !n->idbuf || (pub && !n->published) ||
	    split_ids(n->idbuf, &n->id, &n->n)) {
		lc_notice_free(n);
		return lc_rk_oom(err);
	}
	*out = n;
	return 0;
}

/* The date days after the UTC date of the timestamp when (YYYY-MM-DD...),
 * into buf (11 bytes). */
static void add_days(const char *when, long days, char *buf)
{
	struct tm tm = { 0 };
	time_t t;

	sscanf(when, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_hour = 12;
	t = timegm(&tm) + (time_t)days * 86400;
	gmtime_r(&t, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

int lc_notice_open(struct lc_catalog *cat, const char *edition, long days,
		   struct lc_error *err)
{
	struct lc_selection *sel = NULL;
	struct lc_notice *old = NULL;
	struct lc_audit *a = NULL;
	struct lc_rec *rec = NULL;
	char key[64], when[32], start[11], end[11], detail[200];
	int rc;

	if (days < 1 || days > 365)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "days",
				    "a notice lasts 1 to 365 days, not %ld",
				    days);
	rc = lc_selection_get(cat, edition, &sel, err);
	if (rc == LC_ENOTFOUND)
		return lc_error_set(err, LC_EDATA, NULL, 0, "edition",
				    "edition %s has no recorded selection: "
				    "run 'lowcarb rank --edition %s' first",
				    edition, edition);
	if (rc)
		return rc;
	rc = lc_notice_get(cat, edition, &old, err);
	if (rc == 0) {
		if (old->published)
			rc = lc_error_set(err, LC_EDATA, NULL, 0, "edition",
					  "edition %s is under notice since "
					  "%s and published", edition,
					  old->start);
		else
			rc = lc_error_set(err, LC_EDATA, NULL, 0, "edition",
					  "edition %s is under notice since "
					  "%s", edition, old->start);
		goto out;
	}
	if (rc != LC_ENOTFOUND)
		goto out;
	lc_catalog_now(when, sizeof when);
	snprintf(start, sizeof start, "%.10s", when);
	add_days(when, days, end);
	rec = lc_rec_new();
	rc = !rec || lc_rec_set(rec, "edition", edition) ||
		lc_rec_set(rec, "start", start) ||
		lc_rec_set(rec, "end", end) ||
		lc_rec_set(rec, "hash", sel->hash) ||
		lc_rec_set(rec, "ids", "") ||
		lc_rec_set(rec, "who", lc_catalog_who()) ||
		lc_rec_set(rec, "when", when) ? lc_rk_oom(err) : 0;
	/* the selection's ids in rank order, comma-separated */
	if (rc == 0 && sel->n) {
		size_t len = 0;
		char *ids;

		for (size_t i = 0; i < sel->n; i++)
			len += strlen(sel->id[i]) + 1;
		ids = malloc(len + 1);
		if (!ids) {
			rc = lc_rk_oom(err);
		} else {
			ids[0] = '\0';
			for (size_t i = 0; i < sel->n; i++) {
				if (i)
					strcat(ids, ",");
				strcat(ids, sel->id[i]);
			}
			rc = lc_rec_set(rec, "ids", ids) ? lc_rk_oom(err) : 0;
			free(ids);
		}
	}
	if (rc == 0)
		rc = lc_audit_tx_begin(cat, &a, err);
	snprintf(key, sizeof key, "notice:%s", edition);
	if (rc == 0)
		rc = lc_catalog_rec_put(cat, key, rec, err);
	for (size_t i = 0; rc == 0 && i < sel->n; i++)
		rc = lc_catalog_set_status(cat, sel->id[i], LC_ST_NOTICED,
					   NULL, "lowcarb notice", err);
	snprintf(detail, sizeof detail, "%s: %zu dossier(s) from %s to %s",
		 edition, sel->n, start, end);
	if (rc == 0)
		rc = lc_audit_add(a, "notice", detail, NULL, err);
	rc = lc_audit_tx_end(cat, a, rc, err);
out:
	lc_rec_free(rec);
	lc_notice_free(old);
	lc_selection_free(sel);
	return rc;
}
