/* pdfcheck-pages.c - the checks of the page breaks: a page left half
 * empty before a page that starts with a figure, or before a chapter's
 * page whose text would have fitted under its own. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pdfcheck.h"

/* The top and bottom of the text of page p (the page number at its
 * foot left out), 0 and 0 when it has none. */
static void text_span(int p, double *top, double *low)
{
	size_t a, b;
	double h = page_h[p];

	page_words(p, &a, &b);
	*top = *low = 0;
	for (size_t i = a; i < b; i++) {
		if (words[i].y1 >= 0.9 * h)
			continue;
		if (*low == 0 || words[i].y0 < *top)
			*top = words[i].y0;
		if (words[i].y1 > *low)
			*low = words[i].y1;
	}
}

/* The first line of page p is a chapter heading of the source. */
static int starts_chapter(int p)
{
	size_t a, b, top, used = 0;
	char line[512];
	double x = -1;

	page_words(p, &a, &b);
	if (a == b || !nheads)
		return 0;
	top = a;
	for (size_t i = a; i < b; i++)
		if (words[i].y0 < words[top].y0)
			top = i;
	line[0] = '\0';
	/* the words of the top line, left to right */
	for (;;) {
		size_t next = b;

		for (size_t i = a; i < b; i++)
			if (fabs(words[i].y0 - words[top].y0) <= 1.0 &&
			    words[i].x0 > x && (next == b ||
						words[i].x0 < words[next].x0))
				next = i;
		if (next == b)
			break;
		used += (size_t)snprintf(line + used, used < sizeof line ?
					 sizeof line - used : 0, "%s%s",
					 used ? " " : "", words[next].text);
		if (used >= sizeof line)
			return 0;
		x = words[next].x0;
	}
	for (size_t k = 0; k < nheads; k++)
		if (strcmp(heads[k], line) == 0)
			return 1;
	return 0;
}

/* A page whose text ends in its upper half, followed by a page that
 * starts with a figure's caption ('图N' or 'Figure N'): the figure was
 * pushed over whole when a smaller layout would have filled the page;
 * or a page that holds a whole short chapter followed by another
 * chapter whose first page would have fitted under it (a page break
 * forced between two short parts: the foreword alone on its page before
 * the key findings). */
void check_empty(int pages)
{
	for (int p = 2; p < pages && p < PC_MAX_PAGES - 1; p++) {
		size_t a, b, c, d, top;
		double h = page_h[p], low = 0;
		const char *t;

		page_words(p, &a, &b);
		page_words(p + 1, &c, &d);
		if (a == b || c == d || !(h > 0))
			continue;
		for (size_t i = a; i < b; i++)
			if (words[i].y1 < 0.9 * h && words[i].y1 > low)
				low = words[i].y1;
		top = c;
		for (size_t i = c; i < d; i++)
			if (words[i].y0 < words[top].y0)
				top = i;
		t = words[top].text;
		if (low < 0.5 * h && ((strncmp(t, "图", 3) == 0 &&
				       isdigit((unsigned char)t[3])) ||
				      strcmp(t, "Figure") == 0)) {
			report(PC_EMPTY, "page %d: text ends at %.0f%% of the "
			       "page, the figure " BOX " starts page %d", p,
			       100 * low / h, BOXARG(&words[top]), p + 1);
			continue;
		}
		{
			double t0, l0, t1, l1;

			text_span(p, &t0, &l0);
			text_span(p + 1, &t1, &l1);
			if (starts_chapter(p) && starts_chapter(p + 1) &&
			    l0 > 0 && l1 > 0 &&
			    l0 < 0.5 * h && l0 + (l1 - t1) < 0.85 * h)
				report(PC_EMPTY, "page %d: text ends at "
				       "%.0f%% of the page, and page %d's "
				       "text (%.0f%% of a page) would fit "
				       "under it", p,
				       100 * l0 / h, p + 1,
				       100 * (l1 - t1) / h);
		}
	}
}
