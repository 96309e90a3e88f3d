/* scores_check.c - the checks of a score sheet's header and rows, shared
 * by the CSV reader (scores.c) and the workbook reader (scores_xlsx.c):
 * every score checked in full and queued, problems placed on the line
 * or the cell. */
#include <math.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "importers/scores_int.h"

/* Info columns of a sheet: read by people, ignored on import. */
static const char *const info_cols[] = {
	"name_zh", "name_en", "sector", "trl", "submitter", "owners",
	"scope", "abatement", "potential", "abatement_cost",
	"abatement_cost_computed", "investment", "payback", "demonstrations",
	"projects", "summary", NULL
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

/* The slot of the pending row of (t, e, c), kept-once copies compared
 * by address: its own, or the empty one where it goes. */
static size_t seen_slot(const struct sc_imp *im, const char *t,
			const char *e, const char *c)
{
	size_t mask = im->nseen_cap - 1;
	uint64_t h = ((uint64_t)(uintptr_t)t * 0x9E3779B97F4A7C15ULL) ^
		     ((uint64_t)(uintptr_t)e * 0xC2B2AE3D27D4EB4FULL) ^
		     ((uint64_t)(uintptr_t)c * 0x165667B19E3779F9ULL);
	size_t i = (size_t)(h ^ (h >> 31)) & mask;

	while (im->seen[i]) {
		const struct pending *p = &im->p[im->seen[i] - 1];

		if (p->tech == t && p->expert == e && p->crit == c)
			break;
		i = (i + 1) & mask;
	}
	return i;
}

/* Room for one more row in the seen table (doubled, half full at
 * most); 0 or LC_ENOMEM. */
static int seen_room(struct sc_imp *im)
{
	uint32_t *old = im->seen;
	size_t on = im->nseen_cap;

	if ((im->nseen + 1) * 2 <= im->nseen_cap)
		return 0;
	im->nseen_cap = on ? 2 * on : 1024;
	im->seen = calloc(im->nseen_cap, sizeof *im->seen);
	if (!im->seen) {
		im->seen = old;
		im->nseen_cap = on;
		return LC_ENOMEM;
	}
	for (size_t k = 0; k < on; k++) {
		if (old[k]) {
			const struct pending *p = &im->p[old[k] - 1];

			im->seen[seen_slot(im, p->tech, p->expert,
					   p->crit)] = old[k];
		}
	}
	free(old);
	return 0;
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
	const char *t, *e, *c;
	size_t slot;
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
	/* a dossier, an expert, a criterion, a file, a score value are
	 * met many times: kept once, and a repeat found by their copies */
	t = lc_textpool_once(im->text, tech);
	e = lc_textpool_once(im->text, expert);
	c = lc_textpool_once(im->text, crit);
	if (!t || !e || !c || seen_room(im))
		return LC_ENOMEM;
	slot = seen_slot(im, t, e, c);
	if (im->seen[slot]) {
		sc_problem(im, w, sc, field, "score of %s on %s for %s "
			"given twice (first at %s %ld)", expert, tech, crit,
			w->b ? "row" : "line",
			im->p[im->seen[slot] - 1].line);
		return 0;
	}
	p = lc_grow(im->p, &im->capp, im->np, sizeof *p);
	if (!p || im->np >= UINT32_MAX - 1)
		return LC_ENOMEM;
	im->p = p;
	lc_num_format(v, num, sizeof num);
	p = &im->p[im->np++];
	im->seen[slot] = (uint32_t)im->np;
	im->nseen++;
	p->tech = t;
	p->expert = e;
	p->crit = c;
	p->line = line;
	p->score = lc_textpool_once(im->text, num);
	p->comment = *comment ? lc_textpool_add(im->text, comment)
			      : lc_textpool_once(im->text, "");
	p->source = lc_textpool_once(im->text, file);
	if (!p->score || !p->comment || !p->source)
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
