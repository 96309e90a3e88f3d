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

/* Whether n score rows are a large write, stored in a bulk transaction
 * whose memory does not grow with them (an ordinary one kept every page
 * it changed: 1.4 GiB of heap for 1,500,000 scores): some 100,000 rows,
 * 6 MiB as a CSV sheet at about 64 bytes a row, as for dossiers;
 * $LOWCARB_BULK_BYTES sets the threshold in those bytes. */
static int large_write(size_t n)
{
	const char *env = getenv("LOWCARB_BULK_BYTES");
	double limit = 6.0 * 1024 * 1024, v;

	if (env && lc_num_parse(env, &v) == 0 && v >= 0)
		limit = v;
	return n > 0 && (double)n * 64 >= limit;
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
	im.text = lc_textpool_new();
	if (!im.assigned || !im.text) {
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
	rc = large_write(im.np) ? lc_audit_tx_begin_bulk(cat, &a, err)
				: lc_audit_tx_begin(cat, &a, err);
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
	free(im.p);
	lc_textpool_free(im.text);
	lc_strmap_free(im.assigned);
	free(im.seen);
	return rc;
}
