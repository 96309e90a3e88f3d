/* panel_conflicts.c - conflicts of interest: automatic ones (an expert's
 * organisation is the submitter or an owner of a dossier, by credit code
 * or normalised name) and declared ones, stored as conflict records. */
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"

/* ---- automatic conflicts ------------------------------------------------ */

/* An organisation of a dossier: its code ("" when none) and normalised
 * name. */
struct org {
	char code[19];
	char norm[256];
	const char *role;     /* "submitter" or "owner" */
};

static int is_code_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

/* Finds an 18-character credit code inside s[0..len); copies it into
 * code and blanks it out of name (a copy of s). */
static void split_owner(const char *s, size_t len, struct org *o)
{
	char name[256];
	size_t i, run = 0;

	if (len >= sizeof name)
		len = sizeof name - 1;
	memcpy(name, s, len);
	name[len] = '\0';
	o->code[0] = '\0';
	for (i = 0; i <= len; i++) {
		if (i < len && is_code_char(name[i])) {
			run++;
			continue;
		}
		if (run == 18) {
			memcpy(o->code, name + i - 18, 18);
			o->code[18] = '\0';
			memset(name + i - 18, ' ', 18);
			break;
		}
		run = 0;
	}
	lc_org_norm(name, o->norm, sizeof o->norm);
	o->role = "owner";
}

/* Fills orgs (up to max) from d; returns how many. */
static size_t dossier_orgs(const struct lc_dossier *d, struct org *orgs,
			   size_t max)
{
	size_t n = 0;
	const char *p = d->owners;

	snprintf(orgs[0].code, sizeof orgs[0].code, "%s", d->credit_code);
	lc_org_norm(d->submitter, orgs[0].norm, sizeof orgs[0].norm);
	orgs[0].role = "submitter";
	n = 1;
	while (*p && n < max) {
		const char *e = strchr(p, ';');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		split_owner(p, len, &orgs[n]);
		if (orgs[n].norm[0] || orgs[n].code[0])
			n++;
		if (!e)
			break;
		p = e + 1;
	}
	return n;
}

/* 1 when code (18 chars) is among the ';'-separated list. */
static int has_code(const char *list, const char *code)
{
	size_t cl = strlen(code);
	const char *p = list;

	while (*p) {
		const char *e = strchr(p, ';');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		while (len && (*p == ' ' || *p == '\t')) {
			p++;
			len--;
		}
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len == cl && memcmp(p, code, cl) == 0)
			return 1;
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

static int has_any_code(const char *list)
{
	for (; *list; list++)
		if (is_code_char(*list))
			return 1;
	return 0;
}

/* 1 and the reason in buf when expert e, whose normalised affiliation is
 * naff, is one of the n organisations of a dossier. */
static int orgs_conflict(const struct lc_expert *e, const char *naff,
			 const struct org *orgs, size_t n, char *buf,
			 size_t bn)
{
	int ecodes = has_any_code(e->credit_codes);

	for (size_t i = 0; i < n; i++) {
		const struct org *o = &orgs[i];

		if (o->code[0] && ecodes) {
			if (has_code(e->credit_codes, o->code)) {
				snprintf(buf, bn, "credit code %s is the "
					 "%s's", o->code, o->role);
				return 1;
			}
			continue;
		}
		if (o->norm[0] && strcmp(o->norm, naff) == 0) {
			snprintf(buf, bn, "affiliation matches the %s's "
				 "name", o->role);
			return 1;
		}
	}
	return 0;
}

int lc_conflict_auto(const struct lc_expert *e,
			 const struct lc_dossier *d, char *buf, size_t n)
{
	struct org orgs[16];
	size_t k = dossier_orgs(d, orgs, 16);
	char naff[512];

	lc_org_norm(e->affiliation, naff, sizeof naff);
	return orgs_conflict(e, naff, orgs, k, buf, n);
}

/* An index from "c:<code>" and "n:<name>" to experts. */
struct ikey {
	char *key;
	size_t e;
};

static int ikey_cmp(const void *a, const void *b)
{
	const struct ikey *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->e > y->e) - (x->e < y->e);
}

static int index_add(struct ikey **v, size_t *n, size_t *cap,
		     const char *pfx, const char *s, size_t len, size_t e)
{
	struct ikey *nv = lc_grow(*v, cap, *n, sizeof *nv);
	char *k;

	if (!nv)
		return LC_ENOMEM;
	*v = nv;
	k = malloc(len + 3);
	if (!k)
		return LC_ENOMEM;
	memcpy(k, pfx, 2);
	memcpy(k + 2, s, len);
	k[len + 2] = '\0';
	(*v)[(*n)++] = (struct ikey){ k, e };
	return 0;
}

/* naff: the experts' normalised affiliations, NAFF bytes each. */
enum { NAFF = 512 };

static int build_index(const struct lc_experts *x, const char *naff,
		       struct ikey **out, size_t *nout)
{
	struct ikey *v = NULL;
	size_t n = 0, cap = 0;

	for (size_t e = 0; e < x->n; e++) {
		const char *p = x->v[e].credit_codes;
		const char *na = naff + e * NAFF;

		if (na[0] && index_add(&v, &n, &cap, "n:", na, strlen(na),
				       e) < 0)
			goto oom;
		while (*p) {
			const char *end = strchr(p, ';');
			size_t len = end ? (size_t)(end - p) : strlen(p);

			while (len && *p == ' ') {
				p++;
				len--;
			}
			while (len && p[len - 1] == ' ')
				len--;
			if (len && index_add(&v, &n, &cap, "c:", p, len, e) < 0)
				goto oom;
			if (!end)
				break;
			p = end + 1;
		}
	}
	if (n)
		qsort(v, n, sizeof *v, ikey_cmp);
	*out = v;
	*nout = n;
	return 0;
oom:
	for (size_t i = 0; i < n; i++)
		free(v[i].key);
	free(v);
	return LC_ENOMEM;
}

static void index_free(struct ikey *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].key);
	free(v);
}

/* First entry with key k, or n. */
static size_t index_lower(const struct ikey *v, size_t n, const char *k)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(v[mid].key, k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Calls fn for every automatically conflicted (expert, dossier) pair,
 * dossiers in order, experts in order per dossier (each once). */
typedef int (*pair_fn)(size_t e, size_t d, const char *reason, void *ctx);

static int auto_pairs(const struct lc_experts *x,
		      const struct lc_dossiers *ds, pair_fn fn,
		      void *ctx)
{
	struct ikey *ix = NULL;
	size_t nix = 0, *cand = NULL;
	unsigned char *mark = NULL;
	char *naff;
	int rc = 0;

	if (!x->n || !ds->n)
		return 0;
	naff = malloc(x->n * NAFF);
	if (!naff)
		return LC_ENOMEM;
	for (size_t e = 0; e < x->n; e++)
		lc_org_norm(x->v[e].affiliation, naff + e * NAFF, NAFF);
	if (build_index(x, naff, &ix, &nix) < 0) {
		free(naff);
		return LC_ENOMEM;
	}
	mark = calloc(x->n, 1);
	cand = malloc(x->n * sizeof *cand);
	if (!mark || !cand) {
		rc = LC_ENOMEM;
		goto out;
	}
	for (size_t d = 0; rc == 0 && d < ds->n; d++) {
		struct org orgs[16];
		size_t no = dossier_orgs(&ds->v[d], orgs, 16), nc = 0;

		for (size_t o = 0; o < no; o++) {
			char k[320];

			for (int pass = 0; pass < 2; pass++) {
				size_t i;

				if (pass == 0 && !orgs[o].code[0])
					continue;
				if (pass == 1 && !orgs[o].norm[0])
					continue;
				snprintf(k, sizeof k, "%s%.300s",
					 pass ? "n:" : "c:",
					 pass ? orgs[o].norm : orgs[o].code);
				i = index_lower(ix, nix, k);
				for (; i < nix && !strcmp(ix[i].key, k); i++) {
					if (mark[ix[i].e])
						continue;
					mark[ix[i].e] = 1;
					cand[nc++] = ix[i].e;
				}
			}
		}
		for (size_t i = 1; i < nc; i++) {   /* sort candidates */
			size_t v = cand[i], j = i;

			for (; j > 0 && cand[j - 1] > v; j--)
				cand[j] = cand[j - 1];
			cand[j] = v;
		}
		for (size_t i = 0; i < nc; i++) {
			char reason[200];

			mark[cand[i]] = 0;
			if (rc == 0 && orgs_conflict(&x->v[cand[i]],
						     naff + cand[i] * NAFF,
						     orgs, no, reason,
						     sizeof reason))
				rc = fn(cand[i], d, reason, ctx);
		}
	}
out:
	free(naff);
	free(mark);
	free(cand);
	index_free(ix, nix);
	return rc;
}


/* ---- stored conflicts ---------------------------------------------------- */

struct refresh {
	struct lc_catalog *cat;
	struct lc_audit *a;
	const struct lc_experts *x;
	const struct lc_dossiers *d;
	struct lc_strmap *stored;   /* pair -> 1 auto, 2 declared */
	struct lc_strmap *now;      /* pairs automatic now */
	struct lc_strmap *cleared;  /* pairs cleared by hand: not added */
	const char *source;
	long added, removed;
	struct lc_error *err;
};

static int stored_one(const char *key, const struct lc_rec *r, void *vc)
{
	struct refresh *f = vc;
	const char *o = lc_rec_get(r, "origin");
	char pk[300];

	(void)key;
	lc_pair_key(lc_rec_get(r, "expert") ? lc_rec_get(r, "expert") :
			"", lc_rec_get(r, "tech") ? lc_rec_get(r, "tech") :
			"", pk, sizeof pk);
	return lc_strmap_put(f->stored, pk,
			      o && !strcmp(o, "auto") ? 1 : 2) < 0;
}

static int refresh_pair(size_t e, size_t d, const char *reason, void *vc)
{
	struct refresh *f = vc;
	const char *ei = f->x->v[e].id, *di = f->d->v[d].id;
	char pk[300], key[300], detail[400];
	struct lc_rec *r;
	int rc;

	lc_pair_key(ei, di, pk, sizeof pk);
	if (lc_strmap_put(f->now, pk, 1) < 0)
		return LC_ENOMEM;
	if (lc_strmap_get(f->stored, pk, 0) ||
	    lc_strmap_get(f->cleared, pk, 0))
		return 0;
	r = lc_rec_new();
	if (!r)
		return LC_ENOMEM;
	rc = lc_rec_set(r, "expert", ei);
	rc = rc ? rc : lc_rec_set(r, "tech", di);
	rc = rc ? rc : lc_rec_set(r, "reason", reason);
	rc = rc ? rc : lc_rec_set(r, "origin", "auto");
	snprintf(key, sizeof key, "conflict:%s:%s", ei, di);
	if (rc == 0)
		rc = lc_catalog_rec_put(f->cat, key, r, f->err);
	lc_rec_free(r);
	snprintf(detail, sizeof detail, "%s %s auto: %s", ei, di, reason);
	if (rc == 0)
		rc = lc_audit_add(f->a, "conflict.add", detail, f->source,
				      f->err);
	if (rc == 0)
		f->added++;
	return rc;
}

static int stale_one(const char *key, const struct lc_rec *r, void *vc)
{
	struct refresh *f = vc;
	const char *ex = lc_rec_get(r, "expert"), *t = lc_rec_get(r, "tech");
	const char *o = lc_rec_get(r, "origin");
	char pk[300], detail[400];
	int rc;

	if (!o || strcmp(o, "auto") != 0 || !ex || !t)
		return 0;
	if (lc_strmap_get(f->now, lc_pair_key(ex, t, pk, sizeof pk), 0))
		return 0;
	/* A dossier or expert that is gone no longer conflicts. */
	rc = lc_catalog_rec_del(f->cat, key, f->err);
	snprintf(detail, sizeof detail, "%s %s auto: no longer applies", ex,
		 t);
	if (rc == 0)
		rc = lc_audit_add(f->a, "conflict.remove", detail,
				      f->source, f->err);
	if (rc == 0)
		f->removed++;
	return rc;
}

int lc_conflicts_refresh(struct lc_catalog *cat,
			     struct lc_audit *a, const char *source,
			     long *added, long *removed,
			     struct lc_error *err)
{
	struct lc_experts x = { 0 };
	struct lc_dossiers d = { 0 };
	struct refresh f = { cat, a, &x, &d, NULL, NULL, NULL, source, 0, 0,
			     err };
	int rc;

	rc = lc_experts_load(cat, &x, err);
	if (rc == 0)
		rc = lc_dossiers_load(cat, NULL, &d, err);
	if (rc < 0)
		goto out;
	rc = lc_conflicts_cleared(cat, &f.cleared, err);
	if (rc < 0)
		goto out;
	f.stored = lc_strmap_new();
	f.now = lc_strmap_new();
	if (!f.stored || !f.now)
		goto oom;
	rc = lc_catalog_rec_each(cat, "conflict", NULL, NULL, stored_one, &f,
				 err);
	if (rc > 0)
		goto oom;
	if (rc == 0)
		rc = auto_pairs(&x, &d, refresh_pair, &f);
	if (rc == LC_ENOMEM)
		goto oom;
	if (rc == 0) {
		/* Deleting while iterating is avoided: collect first. */
		rc = lc_catalog_rec_each(cat, "conflict", "origin", "auto",
					 stale_one, &f, err);
	}
	goto out;
oom:
	rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL, "out of memory");
out:
	if (added)
		*added = f.added;
	if (removed)
		*removed = f.removed;
	lc_strmap_free(f.stored);
	lc_strmap_free(f.now);
	lc_strmap_free(f.cleared);
	lc_experts_release(&x);
	lc_dossiers_release(&d);
	return rc;
}

int lc_conflict_declare(struct lc_catalog *cat, const char *expert,
			    const char *tech, const char *reason,
			    struct lc_error *err)
{
	struct lc_rec *r = NULL, *old = NULL;
	struct lc_tech *t = NULL;
	struct lc_audit *a = NULL;
	char key[300], detail[600];
	int rc;

	if (!reason || !*reason)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "reason",
				    "a reason is required");
	snprintf(key, sizeof key, "expert:%s", expert);
	rc = lc_catalog_rec_get(cat, key, &old, err);
	if (rc == LC_ENOTFOUND)
		return lc_error_set(err, LC_ENOTFOUND, NULL, 0, "expert",
				    "no expert '%s'", expert);
	lc_rec_free(old);
	old = NULL;
	if (rc < 0)
		return rc;
	rc = lc_catalog_get_tech(cat, tech, &t, err);
	lc_tech_free(t);
	if (rc < 0)
		return rc;
	r = lc_rec_new();
	if (!r || lc_rec_set(r, "expert", expert) < 0 ||
	    lc_rec_set(r, "tech", tech) < 0 ||
	    lc_rec_set(r, "reason", reason) < 0 ||
	    lc_rec_set(r, "origin", "declared") < 0) {
		lc_rec_free(r);
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	}
	snprintf(key, sizeof key, "conflict:%s:%s", expert, tech);
	snprintf(detail, sizeof detail, "%s %s declared: %s", expert, tech,
		 reason);
	rc = lc_audit_tx_begin(cat, &a, err);
	if (rc == 0)
		rc = lc_catalog_rec_put(cat, key, r, err);
	if (rc == 0)
		rc = lc_audit_add(a, "conflict.declare", detail, NULL,
				      err);
	/* a declaration outranks an earlier clearing of the pair */
	snprintf(key, sizeof key, "clear:%s:%s", expert, tech);
	if (rc == 0 && (rc = lc_catalog_rec_del(cat, key, err)) ==
	    LC_ENOTFOUND)
		rc = 0;
	/* A conflicted expert may not stay assigned. */
	snprintf(key, sizeof key, "assign:%s:%s", tech, expert);
	if (rc == 0) {
		rc = lc_catalog_rec_del(cat, key, err);
		snprintf(detail, sizeof detail, "%s %s now conflicted", expert,
			 tech);
		if (rc == 0)
			rc = lc_audit_add(a, "assign.remove", detail,
					      NULL, err);
		else if (rc == LC_ENOTFOUND)
			rc = 0;
	}
	rc = lc_audit_tx_end(cat, a, rc, err);
	lc_rec_free(r);
	return rc;
}

struct set_ctx {
	struct lc_strmap *m;
	struct lc_strmap *cleared;   /* pairs cleared by hand */
	const struct lc_experts *x;
	const struct lc_dossiers *d;
};

static int set_stored(const char *key, const struct lc_rec *r, void *vc)
{
	struct set_ctx *s = vc;
	const char *ex = lc_rec_get(r, "expert"), *t = lc_rec_get(r, "tech");
	char pk[300];

	(void)key;
	if (!ex || !t)
		return 0;
	return lc_strmap_put(s->m, lc_pair_key(ex, t, pk, sizeof pk),
			      1) < 0;
}

static int set_auto(size_t e, size_t d, const char *reason, void *vc)
{
	struct set_ctx *s = vc;
	char pk[300];

	(void)reason;
	lc_pair_key(s->x->v[e].id, s->d->v[d].id, pk, sizeof pk);
	if (lc_strmap_get(s->cleared, pk, 0))
		return 0;
	return lc_strmap_put(s->m, pk, 1) < 0 ? LC_ENOMEM : 0;
}

int lc_conflicts_set(struct lc_catalog *cat,
			 const struct lc_experts *x,
			 const struct lc_dossiers *d,
			 struct lc_strmap **out, struct lc_error *err)
{
	struct set_ctx s = { lc_strmap_new(), NULL, x, d };
	int rc;

	if (!s.m)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	rc = lc_conflicts_cleared(cat, &s.cleared, err);
	if (rc < 0) {
		lc_strmap_free(s.m);
		return rc;
	}
	rc = lc_catalog_rec_each(cat, "conflict", NULL, NULL, set_stored, &s,
				 err);
	if (rc > 0)
		rc = LC_ENOMEM;
	if (rc == 0 && x && d)
		rc = auto_pairs(x, d, set_auto, &s);
	if (rc == LC_ENOMEM)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
	lc_strmap_free(s.cleared);
	if (rc < 0) {
		lc_strmap_free(s.m);
		return rc;
	}
	*out = s.m;
	return 0;
}
