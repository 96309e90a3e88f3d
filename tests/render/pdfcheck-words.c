/* pdfcheck-words.c - the checks of the words of one page: two words that
 * overlap, an id or number of the source split across two lines, a Latin
 * word broken letter by letter down a narrow column. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdfcheck.h"

/* A character of an id or number. */
static int is_tok(int c)
{
	return isalnum(c) || c == '.' || c == ',' || c == '-' || c == '+';
}

static double overlap(double a0, double a1, double b0, double b1)
{
	double lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;

	return hi - lo;
}

/* The code point of the UTF-8 character at s. */
static unsigned cp_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x80)
		return u[0];
	if (u[0] < 0xE0 && u[1])
		return (u[0] & 0x1Fu) << 6 | (u[1] & 0x3Fu);
	if (u[0] < 0xF0 && u[1] && u[2])
		return (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 |
		       (u[2] & 0x3Fu);
	return 0;
}

/* The last character of s. */
static unsigned cp_last(const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
		n--;
	return n > 0 ? cp_at(s + n - 1) : 0;
}

/* CJK punctuation (、。，（）「」...): a print engine may set it on half
 * its em (CSS text-spacing-trim), the box keeps the whole em. */
static int cjk_punct(unsigned c)
{
	return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
	       (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
	       (c >= 0xFF5B && c <= 0xFF65) || c == 0x00B7 || c == 0x2014 ||
	       c == 0x201C || c == 0x201D;
}

/* Two words overlap when their boxes share more than a hair across and
 * most of the smaller height (boxes are taller than the line pitch: the
 * boxes of successive lines share a part of their height); half an em
 * of CJK punctuation does not count. */
void check_overlaps(size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		for (size_t j = i + 1; j < to; j++) {
			const struct word *a = &words[i], *b = &words[j];
			const struct word *l = a->x0 <= b->x0 ? a : b;
			const struct word *r = l == a ? b : a;
			double ha = a->y1 - a->y0, hb = b->y1 - b->y0;
			double h = ha < hb ? ha : hb;
			double ox = overlap(a->x0, a->x1, b->x0, b->x1);

			if (ox <= 1.0 ||
			    overlap(a->y0, a->y1, b->y0, b->y1) <= 0.7 * h)
				continue;
			if (ox <= 0.5 * h && (cjk_punct(cp_last(l->text)) ||
					      cjk_punct(cp_at(r->text))))
				continue;
			report(PC_OVERLAP, "page %d: words overlap: " BOX
			       " and " BOX, a->page, BOXARG(a), BOXARG(b));
		}
}

/* Is there a word on w's line whose edge is within a word space of x,
 * before it (side < 0) or after it (side > 0)? Then w is not where a
 * line (of a paragraph or of a table cell) starts or ends. */
static int neighbour(size_t from, size_t to, const struct word *w,
		     double x, int side)
{
	for (size_t k = from; k < to; k++) {
		const struct word *c = &words[k];

		if (c == w || fabs(c->y0 - w->y0) > 1.0)
			continue;
		if (side < 0 && c->x1 <= x + 0.5 && c->x1 > x - 3.0)
			return 1;
		if (side > 0 && c->x0 >= x - 0.5 && c->x0 < x + 3.0)
			return 1;
	}
	return 0;
}

/* Is b the start of the line after the one that a ends? Same type size,
 * one line pitch lower (boxes are taller than the pitch: 0.45 to 1.3 box
 * heights), starting left of a's end, in the same text flow: a chart's
 * labels, placed one by one, each make a flow of their own and never
 * wrap. */
static int next_line(const struct word *a, const struct word *b)
{
	double ha = a->y1 - a->y0, hb = b->y1 - b->y0;

	if (a->flow != b->flow)
		return 0;

	return fabs(ha - hb) <= 0.25 * (ha > hb ? ha : hb) &&
	       b->y0 >= a->y0 + 0.45 * ha && b->y0 <= a->y0 + 1.3 * ha &&
	       b->x0 <= a->x1 + 1.0;
}

/* A token of the source made of the tail of word a and the head of word
 * b on the next line. */
static void check_split(const struct word *a, const struct word *b)
{
	size_t la = strlen(a->text), r = la, s = 0, nc;
	char cat[256];

	while (r > 0 && is_tok((unsigned char)a->text[r - 1]))
		r--;
	while (is_tok((unsigned char)b->text[s]))
		s++;
	if (r == la || s == 0 || la - r + s >= sizeof cat ||
	    (is_label(a->text) && is_label(b->text)) ||
	    (is_cell(a->text) && is_cell(b->text)))
		return;
	nc = la - r;
	memcpy(cat, a->text + r, nc);
	memcpy(cat + nc, b->text, s);
	cat[nc + s] = '\0';
	for (size_t p = 0; p < nc; p++) {
		if (p > 0 && (isalnum((unsigned char)cat[p - 1]) ||
			      cat[p - 1] == '.' || cat[p - 1] == ','))
			continue;
		for (size_t e = nc + s; e > nc; e--) {
			char save = cat[e];

			/* the token ends where no digit follows, nor a
			 * point or comma before a digit */
			if (isdigit((unsigned char)save) ||
			    ((save == '.' || save == ',') &&
			     isdigit((unsigned char)cat[e + 1])))
				continue;
			cat[e] = '\0';
			if (is_token(cat + p)) {
				report(PC_SPLIT, "page %d: '%s' split across "
				       "lines: " BOX " / " BOX, a->page,
				       cat + p, BOXARG(a), BOXARG(b));
				cat[e] = save;
				return;
			}
			cat[e] = save;
		}
	}
}

/* One or two Latin letters, perhaps with a hyphen: a piece of a word. */
static int letters(const char *s)
{
	size_t n = 0;

	while (isalpha((unsigned char)s[n]))
		n++;
	if (s[n] == '-')
		n++;
	return n == strlen(s) && n >= 1 && n <= 3 &&
	       isalpha((unsigned char)s[0]) && (n < 3 || s[2] == '-');
}

/* A piece alone on its line of a column (no word a space before or
 * after it), upright (a rotated glyph's box is wider than tall). */

static int piece(size_t from, size_t to, const struct word *w)
{
	return letters(w->text) && w->y1 - w->y0 >= w->x1 - w->x0 &&
	       !neighbour(from, to, w, w->x0, -1) &&
	       !neighbour(from, to, w, w->x1, 1);
}

/* Three or more such pieces stacked at the same left edge, one a line. */
void check_letters(size_t from, size_t to)
{
	char *used = calloc(to - from + 1, 1);

	if (!used)
		return;
	for (size_t i = from; i < to; i++) {
		size_t chain[64], n = 1;
		char joined[256] = "";
		const struct word *w = &words[i];

		if (used[i - from] || !piece(from, to, w))
			continue;
		chain[0] = i;
		for (int more = 1; more && n < 64;) {
			const struct word *c = &words[chain[n - 1]];
			double h = c->y1 - c->y0;

			more = 0;
			for (size_t j = from; j < to; j++) {
				const struct word *d = &words[j];

				if (!used[j - from] && piece(from, to, d) &&
				    d->y0 > c->y0 + 0.5 * h &&
				    d->y0 < c->y0 + 1.3 * h &&
				    overlap(c->x0, c->x0, d->x0 - 3,
					    d->x0 + 3) >= 0) {
					chain[n++] = j;
					more = 1;
					break;
				}
			}
		}
		if (n < 3)
			continue;
		for (size_t k = 0; k < n; k++) {
			used[chain[k] - from] = 1;
			strncat(joined, words[chain[k]].text,
				sizeof joined - strlen(joined) - 1);
		}
		report(PC_LETTERS, "page %d: '%s' broken letter by letter "
		       "down %zu lines: " BOX " ... " BOX, w->page, joined, n,
		       BOXARG(w), BOXARG(&words[chain[n - 1]]));
	}
	free(used);
}

/* Each word that ends a line (no word a space after it) against each word
 * that begins the next line (no word a space before it): a token of the
 * source split between them. Nothing to do without the source's tokens. */
void check_splits(size_t from, size_t to)
{
	for (size_t a = from; ntokens && a < to; a++) {
		if (neighbour(from, to, &words[a], words[a].x1, 1))
			continue;
		for (size_t b = from; b < to; b++)
			if (b != a && next_line(&words[a], &words[b]) &&
			    !neighbour(from, to, &words[b], words[b].x0, -1))
				check_split(&words[a], &words[b]);
	}
}
