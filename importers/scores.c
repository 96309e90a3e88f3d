/* scores.c - reading filled score sheets (as `sheets export` writes
 * them, CSV here, .xlsx through scores_xlsx.c) and long score files
 * (expert,id,criterion,score,comment), every score checked in full
 * before anything is stored, with the history of replaced scores and an
 * audit entry per review changed. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "importers/scores_int.h"

/* Info columns of a sheet: read by people, ignored on import. */
static const char *const info_cols[] = {
	"name_zh", "name_en", "sector", "trl", "submitter", "owners",
	"summary", NULL
};

struct pending {
	char *tech, *expert, *crit, *score, *comment, *source;
};

struct sc_imp {
	struct lc_catalog *cat;
	const struct lc_criteria *c;
	const struct lc_experts *x;
	const struct lc_dossiers *d;
	struct lc_strmap *assigned, *seen;
	const struct lc_strmap *conf;
	struct pending *p;
	size_t np, capp;
	lc_problem_fn fn;
	void *pctx;
	long problems;
	struct lc_error *err;
};

struct lc_error *sc_err(struct sc_imp *im)
{
	return im->err;
}

struct lc_catalog *sc_cat(struct sc_imp *im)
{
	return im->cat;
}

void sc_problem(struct sc_imp *im, const struct sc_where *w, long col,
		const char *field, const char *fmt, ...)
{
	struct lc_error e;
	char msg[512], cell[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (w->b) {
		imp_xlsx_where(w->b, w->sheet, col < 0 ? (size_t)-1 :
			       (size_t)col, w->line, cell, sizeof cell);
		lc_error_set(&e, LC_EDATA, cell, 0, field, "%s", msg);
	} else {
		lc_error_set(&e, LC_EDATA, w->path, w->line, field, "%s",
			     msg);
	}
	im->problems++;
	if (im->fn)
		im->fn(&e, im->pctx);
}

static int assign_one(const char *key, const struct lc_rec *r, void *vc)
{
	struct sc_imp *im = vc;
	const char *ex = lc_rec_get(r, "expert"), *t = lc_rec_get(r, "tech");
	char pk[300];

	(void)key;
	if (!ex || !t)
		return 0;
	return lc_strmap_put(im->assigned,
			      lc_pair_key(ex, t, pk, sizeof pk), 1) < 0;
}

/* Checks one score and queues it. */
static int take(struct sc_imp *im, const struct sc_where *w,
		const struct sc_head *h, const char *expert, const char *tech,
		const char *crit, const char *text, const char *comment,
		const char *field, int sc)
{
	const char *file = w->path;
	long line = w->line;
	char pk[300], num[40];
	long j;
	double v;
	int bad = 0;
	struct pending *p;
	char why[160];

	if (!*expert) {
		sc_problem(im, w, h->ce, "expert", "expert is required");
		return 0;
	}
	if (lc_text_check(comment, 1, 32768, why, sizeof why) < 0) {
		sc_problem(im, w, h->cm, "comment", "%s", why);
		return 0;
	}
	if (!*tech) {
		sc_problem(im, w, h->ci, "id", "id is required");
		return 0;
	}
	if (lc_experts_find(im->x, expert) < 0) {
		sc_problem(im, w, h->ce, "expert", "unknown expert '%s'",
			expert);
		bad = 1;
	}
	if (lc_dossiers_find(im->d, tech) < 0) {
		sc_problem(im, w, h->ci, "id", "unknown dossier '%s'", tech);
		bad = 1;
	}
	lc_pair_key(expert, tech, pk, sizeof pk);
	if (!bad && lc_strmap_get(im->conf, pk, 0)) {
		sc_problem(im, w, h->ce, "expert", "expert %s is conflicted "
			"on %s: score refused", expert, tech);
		bad = 1;
	} else if (!bad && !lc_strmap_get(im->assigned, pk, 0)) {
		sc_problem(im, w, h->ce, "expert", "expert %s is not "
			"assigned to %s: score refused", expert, tech);
		bad = 1;
	}
	j = lc_criteria_find(im->c, crit);
	if (j < 0) {
		sc_problem(im, w, h->cc, "criterion", "unknown criterion '%s'",
			crit);
		return 0;
	}
	if (lc_num_parse(text, &v) < 0 || !isfinite(v)) {
		sc_problem(im, w, sc, field, "malformed number '%s'", text);
		return 0;
	}
	if (v < im->c->lo[j] || v > im->c->hi[j]) {
		char lo[40], hi[40];

		lc_num_format(im->c->lo[j], lo, sizeof lo);
		lc_num_format(im->c->hi[j], hi, sizeof hi);
		sc_problem(im, w, sc, field, "score %s outside the scale "
			"%s-%s of criterion %s", text, lo, hi, crit);
		return 0;
	}
	if (bad)
		return 0;
	snprintf(pk, sizeof pk, "%s\037%s\037%s", tech, expert, crit);
	if (lc_strmap_get(im->seen, pk, 0)) {
		sc_problem(im, w, sc, field, "score of %s on %s for %s "
			"given twice (first at %s %ld)", expert, tech, crit,
			w->b ? "row" : "line", lc_strmap_get(im->seen, pk, 0));
		return 0;
	}
	if (lc_strmap_put(im->seen, pk, line) < 0)
		return LC_ENOMEM;
	p = lc_grow(im->p, &im->capp, im->np, sizeof *p);
	if (!p)
		return LC_ENOMEM;
	im->p = p;
	lc_num_format(v, num, sizeof num);
	p = &im->p[im->np++];
	p->tech = strdup(tech);
	p->expert = strdup(expert);
	p->crit = strdup(crit);
	p->score = strdup(num);
	p->comment = strdup(comment);
	p->source = strdup(file);
	if (!p->tech || !p->expert || !p->crit || !p->score || !p->comment ||
	    !p->source)
		return LC_ENOMEM;
	return 0;
}

int sc_header(struct sc_imp *im, const struct sc_where *w,
	      const char *const *cells, size_t n, struct sc_head *h)
{
	long before = im->problems;

	memset(h, 0, sizeof *h);
	h->ce = h->ci = h->cc = h->cs = h->cm = -1;
	if (n > SC_MAXCOL) {
		sc_problem(im, w, -1, NULL, "more than %d columns", SC_MAXCOL);
		return 1;
	}
	h->ncol = n;
	for (size_t i = 0; i < n; i++) {
		snprintf(h->head[i], sizeof h->head[i], "%s", cells[i]);
		if (!strcmp(h->head[i], "criterion"))
			h->longfmt = 1;
	}
	for (size_t i = 0; i < n; i++) {
		const char *c = h->head[i];
		int *slot = !strcmp(c, "expert") ? &h->ce : !strcmp(c, "id") ?
			&h->ci : !strcmp(c, "comment") ? &h->cm : h->longfmt &&
			!strcmp(c, "criterion") ? &h->cc : h->longfmt &&
			!strcmp(c, "score") ? &h->cs : NULL;
		int info = 0;

		h->crit_of[i] = -1;
		for (size_t k = 0; info_cols[k]; k++)
			info |= !strcmp(info_cols[k], c);
		if (slot) {
			if (*slot >= 0)
				sc_problem(im, w, (long)i, c, "repeated column "
					   "'%s'", c);
			*slot = (int)i;
		} else if (!h->longfmt && !info) {
			h->crit_of[i] = (int)lc_criteria_find(im->c, c);
			if (h->crit_of[i] < 0)
				sc_problem(im, w, (long)i, c, "unknown "
					   "criterion '%s'", c);
			for (size_t k = 0; k < i; k++)
				if (!strcmp(h->head[k], c))
					sc_problem(im, w, (long)i, c,
						   "repeated column '%s'", c);
		} else if (h->longfmt && !info) {
			sc_problem(im, w, (long)i, c, "unknown column '%s' "
				   "(long format: expert,id,criterion,score,"
				   "comment)", c);
		}
	}
	if (h->ce < 0)
		sc_problem(im, w, -1, "expert", "missing column 'expert'");
	if (h->ci < 0)
		sc_problem(im, w, -1, "id", "missing column 'id'");
	if (h->longfmt && h->cs < 0)
		sc_problem(im, w, -1, "score", "missing column 'score'");
	return im->problems > before;
}

/* Cell i of a row of n cells ("" past its end). */
static const char *cell(const char *const *cells, size_t n, int i)
{
	return i >= 0 && (size_t)i < n ? cells[i] : "";
}

int sc_row(struct sc_imp *im, const struct sc_where *w,
	   const struct sc_head *h, const char *const *cells, size_t n)
{
	const char *ex = cell(cells, n, h->ce), *id = cell(cells, n, h->ci);
	const char *cmt = cell(cells, n, h->cm);
	int rc = 0;

	if (h->longfmt) {
		const char *s = cell(cells, n, h->cs);

		if (!*s) {
			sc_problem(im, w, h->cs, "score", "score is required");
			return 0;
		}
		rc = take(im, w, h, ex, id, cell(cells, n, h->cc), s, cmt,
			  "score", h->cs);
	} else {
		for (size_t i = 0; rc >= 0 && i < h->ncol && i < n; i++) {
			if (h->crit_of[i] < 0 || !*cells[i])
				continue;
			rc = take(im, w, h, ex, id, h->head[i], cells[i], cmt,
				  h->head[i], (int)i);
		}
	}
	if (rc < 0)
		return lc_error_set(im->err, LC_ENOMEM, w->b ? NULL : w->path,
				    w->line, NULL, "out of memory");
	return 0;
}

static int read_csv(struct sc_imp *im, const char *path, long *rows)
{
	struct lc_csv *csv = NULL;
	struct sc_head h;
	struct sc_where w = { path, 1, NULL, 0 };
	const char *cells[SC_MAXCOL];
	size_t nf;
	int rc;

	rc = lc_csv_open(&csv, path, NULL, LC_CSV_TRIM | LC_CSV_SKIP_BLANK,
			 im->err);
	if (rc < 0)
		return rc;
	rc = lc_csv_next(csv, &nf, &w.line, im->err);
	if (rc == 0) {
		w.line = 1;
		sc_problem(im, &w, -1, NULL, "empty file: expected a header");
		goto out;
	}
	if (rc < 0)
		goto out;
	for (size_t i = 0; i < nf && i < SC_MAXCOL; i++)
		cells[i] = lc_csv_get(csv, i);
	rc = sc_header(im, &w, cells, nf, &h);
	if (rc != 0)
		goto out;
	for (;;) {
		rc = lc_csv_next(csv, &nf, &w.line, im->err);
		if (rc != 1)
			break;
		(*rows)++;
		if (nf > h.ncol) {
			sc_problem(im, &w, -1, NULL, "%zu fields where the "
				   "header has %zu", nf, h.ncol);
			continue;
		}
		for (size_t i = 0; i < nf; i++)
			cells[i] = lc_csv_get(csv, i);
		rc = sc_row(im, &w, &h, cells, nf);
		if (rc < 0)
			goto out;
	}
out:
	lc_csv_close(csv);
	return rc < 0 ? rc : 0;
}

/* A workbook (a zip, whatever its name) or CSV, from the first bytes. */
static int read_file(struct sc_imp *im, const char *path, long *rows)
{
	unsigned char head[8];
	size_t n;
	FILE *fp = lc_file_open(path, NULL, im->err);

	if (!fp)
		return im->err ? im->err->status : LC_EIO;
	n = fread(head, 1, sizeof head, fp);
	fclose(fp);
	if (imp_xlsx_sniff(head, n))
		return sc_read_xlsx(im, path, rows);
	return read_csv(im, path, rows);
}

/* Next free history number of score key (score:...). */
static int hist_key(struct lc_catalog *cat, const char *skey, char *buf,
		    size_t n, struct lc_error *err)
{
	for (long i = 1;; i++) {
		struct lc_rec *r = NULL;
		int rc;

		snprintf(buf, n, "scorehist:%.400s:%ld", skey + 6, i);
		rc = lc_catalog_rec_get(cat, buf, &r, err);
		lc_rec_free(r);
		if (rc == LC_ENOTFOUND)
			return 0;
		if (rc < 0)
			return rc;
	}
}

/* Stores p; a change is appended to *note (" crit=v" or " crit a->b")
 * for the audit entry of its review. */
static int store(struct sc_imp *im, const struct pending *p,
		 struct lc_scores_sum *sum, char **note)
{
	struct lc_rec *old = NULL, *r = NULL;
	char key[400], hkey[448], detail[300], when[32];
	const char *os = NULL, *oc = NULL;
	int rc;

	snprintf(key, sizeof key, "score:%s:%s:%s", p->tech, p->expert,
		 p->crit);
	rc = lc_catalog_rec_get(im->cat, key, &old, im->err);
	if (rc < 0 && rc != LC_ENOTFOUND)
		return rc;
	if (old) {
		os = lc_rec_get(old, "score");
		oc = lc_rec_get(old, "comment");
		if (os && !strcmp(os, p->score) &&
		    !strcmp(oc ? oc : "", p->comment)) {
			lc_rec_free(old);
			sum->unchanged++;
			return 0;
		}
		rc = hist_key(im->cat, key, hkey, sizeof hkey, im->err);
		if (rc == 0 && lc_rec_set(old, "replaced",
					  lc_catalog_now(when, sizeof when)))
			rc = LC_ENOMEM;
		if (rc == 0)
			rc = lc_catalog_rec_put(im->cat, hkey, old, im->err);
		if (rc < 0)
			goto out;
	}
	r = lc_rec_new();
	if (!r || lc_rec_set(r, "tech", p->tech) < 0 ||
	    lc_rec_set(r, "expert", p->expert) < 0 ||
	    lc_rec_set(r, "criterion", p->crit) < 0 ||
	    lc_rec_set(r, "score", p->score) < 0 ||
	    lc_rec_set(r, "comment", p->comment) < 0 ||
	    lc_rec_set(r, "source", p->source) < 0) {
		rc = lc_error_set(im->err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
		goto out;
	}
	rc = lc_catalog_rec_put(im->cat, key, r, im->err);
	if (old)
		snprintf(detail, sizeof detail, " %s %s->%s", p->crit,
			 os ? os : "", p->score);
	else
		snprintf(detail, sizeof detail, " %s=%s", p->crit, p->score);
	if (rc == 0) {
		size_t a = *note ? strlen(*note) : 0, b = strlen(detail);
		char *n = realloc(*note, a + b + 1);

		if (!n)
			rc = LC_ENOMEM;
		else {
			memcpy(n + a, detail, b + 1);
			*note = n;
		}
	}
	if (rc == 0 && old)
		sum->changed++;
	else if (rc == 0)
		sum->added++;
out:
	if (rc == LC_ENOMEM && im->err && !im->err->msg[0])
		lc_error_set(im->err, LC_ENOMEM, NULL, 0, NULL,
			     "out of memory");
	lc_rec_free(old);
	lc_rec_free(r);
	return rc;
}

int lc_scores_import(struct lc_catalog *cat, const struct lc_criteria *c,
		     const struct lc_experts *x, const struct lc_dossiers *d,
		     const struct lc_strmap *conflicted,
		     char *const *paths, size_t npaths,
			 lc_problem_fn fn, void *pctx,
			 struct lc_scores_sum *sum, struct lc_error *err)
{
	struct sc_imp im;
	struct lc_audit *a = NULL;
	char *note = NULL;
	int rc;

	memset(&im, 0, sizeof im);
	memset(sum, 0, sizeof *sum);
	im.cat = cat;
	im.c = c;
	im.fn = fn;
	im.pctx = pctx;
	im.err = err;
	im.conf = conflicted;
	im.x = x;
	im.d = d;
	im.assigned = lc_strmap_new();
	im.seen = lc_strmap_new();
	if (!im.assigned || !im.seen) {
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
		goto out;
	}
	rc = lc_catalog_rec_each(cat, "assign", NULL, NULL,
					 assign_one, &im, err);
	if (rc > 0)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
	for (size_t i = 0; rc == 0 && i < npaths; i++)
		rc = read_file(&im, paths[i], &sum->rows);
	if (rc < 0)
		goto out;
	if (im.problems) {
		rc = lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				  "%ld problem(s): no score imported",
				  im.problems);
		goto out;
	}
	rc = lc_audit_tx_begin(cat, &a, err);
	/* One audit entry per review (expert, dossier, file) changed. */
	for (size_t i = 0; rc == 0 && i < im.np; i++) {
		const struct pending *p = &im.p[i];
		const struct pending *q = i + 1 < im.np ? p + 1 : NULL;

		rc = store(&im, p, sum, &note);
		if (q && !strcmp(p->tech, q->tech) &&
		    !strcmp(p->expert, q->expert) &&
		    !strcmp(p->source, q->source))
			continue;
		if (rc == 0 && note) {
			char *detail = malloc(strlen(note) + 300);

			if (!detail) {
				rc = lc_error_set(err, LC_ENOMEM, NULL, 0,
						  NULL, "out of memory");
				break;
			}
			snprintf(detail, strlen(note) + 300, "%s %s:%s",
				 p->expert, p->tech, note);
			rc = lc_audit_add(a, "score", detail, p->source,
					      err);
			free(detail);
		}
		free(note);
		note = NULL;
	}
	free(note);
	rc = lc_audit_tx_end(cat, a, rc, err);
out:
	for (size_t i = 0; i < im.np; i++) {
		free(im.p[i].tech);
		free(im.p[i].expert);
		free(im.p[i].crit);
		free(im.p[i].score);
		free(im.p[i].comment);
		free(im.p[i].source);
	}
	free(im.p);
	lc_strmap_free(im.assigned);
	lc_strmap_free(im.seen);
	return rc;
}
