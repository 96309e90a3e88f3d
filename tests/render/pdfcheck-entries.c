/* pdfcheck-entries.c - the checks of the catalog's entries (a heading
 * followed by a table kept whole: a selected technology's entry): each
 * on one page, from its heading to its last line, where it fits on a
 * page; and no page left mostly empty before an entry that would have
 * fitted under its text. The entries are found in the printed words by
 * their heading's text; an entry ends with its table's last row (its
 * last cell printed after its first), or where the next heading of the
 * source starts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdfcheck.h"

/* An entry that would fit on a page: at most this part of its height. */
#define FITS 0.8
/* A page is mostly empty when its text ends above this part of it. */
#define HALF 0.5

/* The printed text, the words' texts one after the other without
 * spaces (the page numbers at the feet left out), and for each byte the
 * word it belongs to. */
static char *text;
static size_t *owner;
static size_t ntext;

static int is_foot(const struct word *w)
{
	return w->page < PC_MAX_PAGES && w->y0 >= 0.9 * page_h[w->page];
}

static void build_text(void)
{
	size_t cap = 1;

	for (size_t i = 0; i < nwords; i++)
		cap += strlen(words[i].text);
	text = xrealloc(NULL, cap);
	owner = xrealloc(NULL, cap * sizeof *owner);
	for (size_t i = 0; i < nwords; i++) {
		size_t n = strlen(words[i].text);

		if (is_foot(&words[i]))
			continue;
		memcpy(text + ntext, words[i].text, n);
		for (size_t k = 0; k < n; k++)
			owner[ntext + k] = i;
		ntext += n;
	}
	text[ntext] = '\0';
}

/* The offset of s in the printed text at or after from; ntext when it is
 * not there. */
static size_t find(const char *s, size_t from)
{
	const char *p;

	if (!*s || from >= ntext)
		return ntext;
	p = strstr(text + from, s);
	return p ? (size_t)(p - text) : ntext;
}

/* The bottom of the text of page p above its foot; 0 when it has none. */
static double text_low(int p)
{
	size_t a, b;
	double low = 0;

	page_words(p, &a, &b);
	for (size_t i = a; i < b; i++)
		if (!is_foot(&words[i]) && words[i].y1 > low)
			low = words[i].y1;
	return low;
}

/* The top of the text of page p; 0 when it has none. */
static double text_top(int p)
{
	size_t a, b;
	double top = 0;

	page_words(p, &a, &b);
	for (size_t i = a; i < b; i++)
		if (!is_foot(&words[i]) && (top == 0 || words[i].y0 < top))
			top = words[i].y0;
	return top;
}

/* The height the words [a, b] take, page after page: from the first
 * word's top to the bottom of the page's text, whole pages, the last
 * page's text down to the last word. */
static double height(size_t a, size_t b)
{
	double h = 0, top = words[a].y0, low = 0;
	int p = words[a].page;

	for (size_t i = a; i <= b; i++) {
		if (is_foot(&words[i]))
			continue;
		if (words[i].page != p) {
			h += low - top;
			p = words[i].page;
			top = text_top(p);
			low = 0;
		}
		if (words[i].y1 > low)
			low = words[i].y1;
		if (words[i].y0 < top)
			top = words[i].y0;
	}
	return h + low - top;
}

int check_entries(int pages)
{
	size_t at = 0;
	int n = 0;

	(void)pages;
	build_text();
	for (size_t k = 0; k < nallheads; k++) {
		size_t s, e, next, a, b, z;
		double h, tall, low;
		int p;

		s = find(allheads[k].text, at);
		/* every heading moves the search on: an entry's heading is
		 * not taken for a cell of an earlier table that says the
		 * same */
		if (!allheads[k].entry) {
			if (s < ntext)
				at = s + 1;
			continue;
		}
		n++;
		if (s == ntext) {
			report(PC_ENTRY, "entry '%s' not found in the print",
			       allheads[k].text);
			continue;
		}
		e = next = k + 1 < nallheads ?
			find(allheads[k + 1].text, s + 1) : ntext;
		at = s + 1;
		/* the entry ends with its table's last row: the first print
		 * of its last cell after its first cell, else the last print
		 * of its last cell before the next heading */
		if (allheads[k].last && *allheads[k].last) {
			size_t c = s, end = ntext;
			const char *f = allheads[k].first;

			if (f && *f && (c = find(f, s + 1)) < e &&
			    (c = find(allheads[k].last, c + strlen(f))) < e)
				end = c + strlen(allheads[k].last);
			for (c = s; end == ntext &&
			     (c = find(allheads[k].last, c + 1)) < e;)
				end = c + strlen(allheads[k].last);
			if (end < ntext)
				e = end;
		}
		a = owner[s];
		b = owner[e > 0 ? e - 1 : 0];
		if (b < a)
			b = a;
		p = words[a].page;
		tall = page_h[p];
		h = height(a, b);
		if (words[b].page != p && h < FITS * tall)
			report(PC_ENTRY, "entry '%s' (%.0f%% of a page) split: "
			       "its heading " BOX " on page %d, its last line "
			       BOX " on page %d", allheads[k].text,
			       100 * h / tall, BOXARG(&words[a]), p,
			       BOXARG(&words[b]), words[b].page);
		/* the entry starts its page: the page before mostly empty
		 * when the entry would have fitted under its text (unless
		 * the entry opens a chapter, which starts a page) */
		if (p < 2 || fabs(words[a].y0 - text_top(p)) > 1.0 ||
		    allheads[k].page_break)
			continue;
		/* its height to the bottom of its last row: the row's
		 * last cell prints on its first line, a longer cell of the
		 * row runs below it; up to the last word before the next
		 * heading on that page (text after the table counts too:
		 * the entry is taken for taller, never for shorter) */
		z = b;
		while (next < ntext && z + 1 < owner[next] &&
		       words[z + 1].page == words[b].page)
			z++;
		while (next == ntext && z + 1 < nwords &&
		       words[z + 1].page == words[b].page &&
		       !is_foot(&words[z + 1]))
			z++;
		h = height(a, z);
		low = text_low(p - 1);
		if (low > 0 && low < HALF * page_h[p - 1] &&
		    low + h < 0.9 * page_h[p - 1])
			report(PC_EMPTY, "page %d: text ends at %.0f%% of the "
			       "page, the entry '%s' (%.0f%% of a page) "
			       "starts page %d", p - 1,
			       100 * low / page_h[p - 1], allheads[k].text,
			       100 * h / tall, p);
	}
	return n;
}
