/* colwidth.c - the widths of a table's columns on the A4 page, shared by
 * the HTML and ODF writers: an identifier or a number is never broken
 * (its column is at least as wide as its widest cell), no word of a
 * heading or a text cell is broken letter by letter (a column is at
 * least as wide as its longest word), and the room left goes where the
 * text needs it: narrow columns get their natural width, wide ones share
 * the rest at a common cap (water filling). */
#include <math.h>
#include <string.h>
#include "exporters/internal.h"

/* Size of one display column of 9 pt table text and a cell's padding
 * and borders, in cm (the HTML prints 8.5 pt with 1.6 mm padding, the
 * ODF 9 pt with 0.6 mm: the larger of each). */
#define UNIT_CM 0.17
#define PAD_CM 0.36
/* Digits and capitals of ids and numbers are wider than the average
 * column: '2025-BM-001' takes 2.0 cm of 8.5 pt text in Chromium's
 * English document (the layout tests measure it). */
#define WHOLE_UNIT_CM 0.19

/* Display width of the UTF-8 character at s, its length into *len. */
static size_t char_width(const char *s, size_t *len)
{
	unsigned char c = (unsigned char)*s;
	char buf[8];
	size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

	for (size_t i = 1; i < n; i++)
		if (!s[i]) {
			n = i;
			break;
		}
	memcpy(buf, s, n);
	buf[n] = '\0';
	*len = n;
	return lc_text_width(buf);
}

/* The width of the longest run of s that a renderer will not break: a
 * word between spaces, cut after a hyphen that does not start a number,
 * and around every wide (CJK) character, which may break on either
 * side. */
static size_t longest_word(const char *s)
{
	size_t best = 0, run = 0, len;

	for (const char *p = s ? s : ""; *p; p += len) {
		size_t w = char_width(p, &len);

		if (*p == ' ' || *p == '\t' || *p == '\n') {
			run = 0;
			continue;
		}
		if (w >= 2) {
			run = 0;
			if (w > best)
				best = w;
			continue;
		}
		run += w;
		if (run > best)
			best = run;
		if (*p == '-' && run > 1 && !(p[1] >= '0' && p[1] <= '9'))
			run = 0;
	}
	return best;
}

/* The type scale of the table being measured (1, or EXP_DENSE), and
 * whether its words did not fit at that scale. */
static double scale = 1.0;
static int dense_needed;

static double cm_of(size_t w, int whole)
{
	return scale * (double)w * (whole ? WHOLE_UNIT_CM : UNIT_CM) +
	       (scale < 1 ? 0.25 : PAD_CM);
}

/* The widths at cap level: each column its natural width up to level,
 * never below its minimum. Returns their sum. */
static double at_level(const double *nat, const double *min, size_t n,
		       double level, double *out)
{
	double s = 0;

	for (size_t c = 0; c < n; c++) {
		double w = fmax(min[c], fmin(nat[c], level));

		if (out)
			out[c] = w;
		s += w;
	}
	return s;
}

static void widths(const struct doc_table *t, double page, double *cm);

int exp_col_widths(const struct doc_table *t, double page, double *cm)
{
	/* the normal type when its words fit, else the dense type */
	scale = 1.0;
	widths(t, page, cm);
	if (dense_needed) {
		scale = EXP_DENSE;
		widths(t, page, cm);
		scale = 1.0;
		return 1;
	}
	return 0;
}

static void widths(const struct doc_table *t, double page, double *cm)
{
	double nat[64], min[64], sum_nat = 0, sum_min = 0, lo, hi;
	size_t n = t->ncols < 64 ? t->ncols : 64;

	for (size_t c = 0; c < n; c++) {
		int whole = t->align[c] == 'r' || t->align[c] == 'i';
		/* a bold heading is some 10 % wider than its width says */
		size_t hw = lc_text_width(t->head[c]) * 11 / 10;
		size_t hmin = longest_word(t->head[c]) * 11 / 10 + 1;
		size_t cw = 0, cmin = 0;

		for (size_t r = 0; r < t->nrows; r++) {
			const char *s = t->cells[r * t->ncols + c];
			size_t w = lc_text_width(s ? s : "");

			if (w > cw)
				cw = w;
			w = whole ? w : longest_word(s);
			if (w > cmin)
				cmin = w;
		}
		/* text columns: no narrower than two CJK characters; a long
		 * text wraps at about 40 columns when there is room */
		if (!whole && cmin < 4)
			cmin = 4;
		if (!whole && cw > 40 && cmin <= 40)
			cw = 40;
		nat[c] = fmax(cm_of(cw, whole), cm_of(hw, 0));
		min[c] = fmax(cm_of(cmin, whole), cm_of(hmin, 0));
		if (nat[c] < min[c])
			nat[c] = min[c];
		sum_nat += nat[c];
		sum_min += min[c];
	}
	dense_needed = sum_min >= page;
	if (sum_min >= page) {
		/* the table cannot hold its words on the page: the builder
		 * must split it (the layout tests say so) */
		double whole = 0;

		/* ids and numbers keep their width (a broken id or number
		 * misleads); the text columns share the rest */
		for (size_t c = 0; c < n; c++)
			if (t->align[c] != 'l')
				whole += min[c];
		for (size_t c = 0; c < n; c++)
			cm[c] = whole < page * 0.8 ? (t->align[c] != 'l' ?
				min[c] : min[c] * (page - whole) /
				(sum_min - whole)) : min[c] * page / sum_min;
		return;
	}
	if (sum_nat <= page) {
		/* room to spare: to the text columns, else to all */
		double text = 0;

		for (size_t c = 0; c < n; c++)
			if (t->align[c] == 'l')
				text += nat[c];
		for (size_t c = 0; c < n; c++)
			cm[c] = text > 0 ? (t->align[c] == 'l' ?
					    nat[c] * (1 + (page - sum_nat) /
						      text) : nat[c])
				: nat[c] * page / sum_nat;
		return;
	}
	/* water filling: the level at which the widths fill the page */
	lo = 0;
	hi = page;
	for (int i = 0; i < 60; i++) {
		double mid = (lo + hi) / 2;

		if (at_level(nat, min, n, mid, NULL) > page)
			hi = mid;
		else
			lo = mid;
	}
	at_level(nat, min, n, lo, cm);
	/* what the bisection leaves (a hair) goes to the widest column */
	{
		double s = at_level(nat, min, n, lo, NULL);
		size_t wide = 0;

		for (size_t c = 1; c < n; c++)
			if (cm[c] > cm[wide])
				wide = c;
		cm[wide] += page - s;
	}
}
