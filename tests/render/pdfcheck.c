/* pdfcheck.c - reads the word boxes of a printed document (the XHTML of
 * `pdftotext -bbox-layout`) and reports what a reader would see as broken
 * layout: two words that overlap, an identifier or number of the source
 * document split across two lines ('2025-B' / 'M-001', '0.8' / '79'), and
 * a Latin word broken letter by letter down a narrow column, a page left
 * half empty before a page that starts with a figure or before a page
 * whose text would have fitted under its own. Each message
 * names the page, the words and their boxes (x0,y0,x1,y1 in points).
 * Usage: pdfcheck [-s SOURCE] [-l LABEL] BBOX.html
 *   SOURCE: the document that was printed (HTML or .fodt, read as XML);
 *   its ids and numbers are the tokens that must never be split.
 * Exit status: 0 clean, 1 problems found, 2 usage or unreadable input. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/* One word box of a page, text owned. */
struct word {
	int page;		/* 1-based */
	int flow;		/* pdftotext's text flow, numbered through */
	double x0, y0, x1, y1;
	char *text;
};

static struct word *words;
static size_t nwords, capwords;

/* The labels of the source's charts (each <text> of an <svg>, whole),
 * sorted: two of them one above the other are a chart, not a wrap. */
static char **labels;
static size_t nlabels, caplabels;

/* The whole texts of the source's table cells (short ones), sorted: two
 * cells one above the other in a column ('20' over '21', the keys of two
 * rows) are two rows, not a wrapped '2021'. */
static char **cells;
static size_t ncells, capcells;

/* The texts of the source's chapter headings (HTML h2.chapter, ODF text:h
 * of outline level 1), spaces collapsed. */
static char **heads;
static size_t nheads, capheads;

/* The source's tokens as a sorted array of strings. */
static char **tokens;
static size_t ntokens, captokens;

#define MAX_SHOWN 12

static const char *label = "pdf";
static int shown[4];
static int found[4];
static const char *const kind_name[4] = { "overlap", "split", "letters",
					  "empty" };
static double page_h[4096];

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n);

	if (!q) {
		fputs("pdfcheck: out of memory\n", stderr);
		exit(2);
	}
	return q;
}

static double num_attr(xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	double d = v ? strtod((const char *)v, NULL) : 0;

	xmlFree(v);
	return d;
}

static int flow_no;

static void add_word(int page, xmlNode *n)
{
	xmlChar *t = xmlNodeGetContent(n);

	if (nwords == capwords) {
		capwords = capwords ? 2 * capwords : 1024;
		words = xrealloc(words, capwords * sizeof *words);
	}
	words[nwords].page = page;
	words[nwords].flow = flow_no;
	words[nwords].x0 = num_attr(n, "xMin");
	words[nwords].y0 = num_attr(n, "yMin");
	words[nwords].x1 = num_attr(n, "xMax");
	words[nwords].y1 = num_attr(n, "yMax");
	words[nwords].text = strdup(t ? (const char *)t : "");
	xmlFree(t);
	if (!words[nwords].text) {
		fputs("pdfcheck: out of memory\n", stderr);
		exit(2);
	}
	nwords++;
}

static void walk_bbox(xmlNode *n, int *page)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "page") == 0) {
			(*page)++;
			if (*page < 4096)
				page_h[*page] = num_attr(n, "height");
		}
		if (strcmp((const char *)n->name, "flow") == 0)
			flow_no++;
		if (strcmp((const char *)n->name, "word") == 0) {
			add_word(*page, n);
			continue;
		}
		walk_bbox(n->children, page);
	}
}

static int is_tok(int c)
{
	return isalnum(c) || c == '.' || c == ',' || c == '-' || c == '+';
}

static void add_token(const char *s, size_t n)
{
	if (n < 3)
		return;
	if (ntokens == captokens) {
		captokens = captokens ? 2 * captokens : 256;
		tokens = xrealloc(tokens, captokens * sizeof *tokens);
	}
	tokens[ntokens] = strndup(s, n);
	if (!tokens[ntokens]) {
		fputs("pdfcheck: out of memory\n", stderr);
		exit(2);
	}
	ntokens++;
}

static size_t digits(const char *s)
{
	size_t n = 0;

	while (isdigit((unsigned char)s[n]))
		n++;
	return n;
}

/* The length of a dossier id at s (\d{4}-[A-Z]{2,3}-\d{3,5}), else 0. */
static size_t id_at(const char *s)
{
	size_t n = 0, k;

	if (digits(s) != 4 || s[4] != '-')
		return 0;
	n = 5;
	for (k = 0; isupper((unsigned char)s[n + k]); k++)
		;
	if (k < 2 || k > 3 || s[n + k] != '-')
		return 0;
	n += k + 1;
	k = digits(s + n);
	if (k < 3 || k > 5)
		return 0;
	return n + k;
}

/* The length of a number at s: an optional sign, digits with thousands
 * commas, a decimal part, an exponent; else 0. */
static size_t num_at(const char *s)
{
	size_t n = 0, k;

	if (*s == '-' || *s == '+')
		n++;
	k = digits(s + n);
	if (!k)
		return 0;
	n += k;
	while (s[n] == ',' && digits(s + n + 1) == 3)
		n += 4;
	if (s[n] == '.' && digits(s + n + 1))
		n += 1 + digits(s + n + 1);
	if ((s[n] == 'e' || s[n] == 'E')) {
		size_t m = n + 1;

		if (s[m] == '-' || s[m] == '+')
			m++;
		if (digits(s + m))
			n = m + digits(s + m);
	}
	return n;
}

/* The ids and numbers of text s: each starts where no letter, digit or
 * point precedes it and ends where no digit follows. */
static void scan_tokens(const char *s)
{
	for (size_t i = 0; s[i];) {
		size_t n;

		if (i > 0 && (isalnum((unsigned char)s[i - 1]) ||
			      s[i - 1] == '.' || s[i - 1] == ',')) {
			i++;
			continue;
		}
		n = id_at(s + i);
		if (!n)
			n = num_at(s + i);
		if (n && !isdigit((unsigned char)s[i + n])) {
			add_token(s + i, n);
			i += n;
		} else {
			i++;
		}
	}
}

static void walk_chart(xmlNode *n)
{
	for (; n; n = n->next) {
		xmlChar *t;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "text") != 0) {
			walk_chart(n->children);
			continue;
		}
		t = xmlNodeGetContent(n);
		if (nlabels == caplabels) {
			caplabels = caplabels ? 2 * caplabels : 256;
			labels = xrealloc(labels, caplabels * sizeof *labels);
		}
		labels[nlabels] = strdup(t ? (const char *)t : "");
		xmlFree(t);
		if (!labels[nlabels]) {
			fputs("pdfcheck: out of memory\n", stderr);
			exit(2);
		}
		nlabels++;
	}
}

/* s with runs of white space made one space, no space at either end
 * (allocated). */
static char *squeeze(const char *s)
{
	char *o = xrealloc(NULL, strlen(s) + 1), *q = o;

	for (; *s; s++) {
		if (isspace((unsigned char)*s)) {
			if (q > o && q[-1] != ' ')
				*q++ = ' ';
			continue;
		}
		*q++ = *s;
	}
	while (q > o && q[-1] == ' ')
		q--;
	*q = '\0';
	return o;
}

/* A chapter heading: an HTML h2 of class "chapter ...", an ODF heading
 * of outline level 1. */
static int is_chapter(xmlNode *n)
{
	const char *name = (const char *)n->name;
	xmlChar *v;
	int yes = 0;

	if (strcmp(name, "h2") == 0) {
		v = xmlGetProp(n, (const xmlChar *)"class");
		yes = v && strncmp((const char *)v, "chapter", 7) == 0;
		xmlFree(v);
	} else if (strcmp(name, "h") == 0) {
		v = xmlGetProp(n, (const xmlChar *)"outline-level");
		yes = v && strcmp((const char *)v, "1") == 0;
		xmlFree(v);
	}
	return yes;
}

static void walk_source(xmlNode *n)
{
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			scan_tokens((const char *)n->content);
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "svg") == 0) {
			walk_chart(n->children);
			continue;
		}
		if (is_chapter(n)) {
			xmlChar *t = xmlNodeGetContent(n);

			if (nheads == capheads) {
				capheads = capheads ? 2 * capheads : 32;
				heads = xrealloc(heads, capheads *
						 sizeof *heads);
			}
			heads[nheads++] = squeeze((const char *)
						  (t ? t : (xmlChar *)""));
			xmlFree(t);
		}
		if (strcmp((const char *)n->name, "td") == 0 ||
		    strcmp((const char *)n->name, "th") == 0 ||
		    strcmp((const char *)n->name, "table-cell") == 0) {
			xmlChar *t = xmlNodeGetContent(n);

			if (t && xmlStrlen(t) < 64) {
				if (ncells == capcells) {
					capcells = capcells ? 2 * capcells : 256;
					cells = xrealloc(cells, capcells *
							 sizeof *cells);
				}
				cells[ncells] = strdup((const char *)t);
				if (!cells[ncells]) {
					fputs("pdfcheck: out of memory\n",
					      stderr);
					exit(2);
				}
				ncells++;
			}
			xmlFree(t);
		}
		/* embedded images and style sheets are not printed text */
		if (strcmp((const char *)n->name, "binary-data") == 0 ||
		    strcmp((const char *)n->name, "style") == 0 ||
		    strcmp((const char *)n->name, "script") == 0)
			continue;
		walk_source(n->children);
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_label(const char *s)
{
	return nlabels && bsearch(&s, labels, nlabels, sizeof *labels,
				  cmp_str) != NULL;
}

static int is_cell(const char *s)
{
	return ncells && bsearch(&s, cells, ncells, sizeof *cells,
				 cmp_str) != NULL;
}

static int is_token(const char *s)
{
	return bsearch(&s, tokens, ntokens, sizeof *tokens, cmp_str) != NULL;
}

static void report(int kind, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void report(int kind, const char *fmt, ...)
{
	va_list ap;

	found[kind]++;
	if (shown[kind]++ >= MAX_SHOWN)
		return;
	printf("%s: ", label);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

#define BOX "'%s' [%.1f,%.1f,%.1f,%.1f]"
#define BOXARG(w) (w)->text, (w)->x0, (w)->y0, (w)->x1, (w)->y1

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
static void check_overlaps(size_t from, size_t to)
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
			report(0, "page %d: words overlap: " BOX " and " BOX,
			       a->page, BOXARG(a), BOXARG(b));
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
 * heights), starting left of a's end. */
/* b begins the line after a's, in the same text flow: a chart's labels,
 * placed one by one, each make a flow of their own and never wrap. */
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
				report(1, "page %d: '%s' split across lines: "
				       BOX " / " BOX, a->page, cat + p,
				       BOXARG(a), BOXARG(b));
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
static int neighbour(size_t from, size_t to, const struct word *w,
		     double x, int side);

static int piece(size_t from, size_t to, const struct word *w)
{
	return letters(w->text) && w->y1 - w->y0 >= w->x1 - w->x0 &&
	       !neighbour(from, to, w, w->x0, -1) &&
	       !neighbour(from, to, w, w->x1, 1);
}

/* Three or more such pieces stacked at the same left edge, one a line. */
static void check_letters(size_t from, size_t to)
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
		report(2, "page %d: '%s' broken letter by letter down %zu "
		       "lines: " BOX " ... " BOX, w->page, joined, n,
		       BOXARG(w), BOXARG(&words[chain[n - 1]]));
	}
	free(used);
}

/* The words of page p: [*from, *to). */
static void page_words(int p, size_t *from, size_t *to)
{
	size_t i = 0;

	while (i < nwords && words[i].page < p)
		i++;
	*from = i;
	while (i < nwords && words[i].page == p)
		i++;
	*to = i;
}

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
static void check_empty(int pages)
{
	for (int p = 2; p < pages && p < 4095; p++) {
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
			report(3, "page %d: text ends at %.0f%% of the page, "
			       "the figure " BOX " starts page %d", p,
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
				report(3, "page %d: text ends at %.0f%% of "
				       "the page, and page %d's text (%.0f%% "
				       "of a page) would fit under it", p,
				       100 * l0 / h, p + 1,
				       100 * (l1 - t1) / h);
		}
	}
}

int main(int argc, char **argv)
{
	const char *src = NULL;
	xmlDoc *doc;
	int page = 0, opt, total;

	while ((opt = getopt(argc, argv, "s:l:")) != -1) {
		if (opt == 's')
			src = optarg;
		else if (opt == 'l')
			label = optarg;
		else
			goto usage;
	}
	if (optind != argc - 1)
		goto usage;
	doc = xmlReadFile(argv[optind], NULL, XML_PARSE_NONET |
			  XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	if (!doc) {
		fprintf(stderr, "pdfcheck: cannot read '%s'\n", argv[optind]);
		return 2;
	}
	walk_bbox(xmlDocGetRootElement(doc), &page);
	xmlFreeDoc(doc);
	if (src) {
		doc = xmlReadFile(src, NULL, XML_PARSE_NONET | XML_PARSE_HUGE |
				  XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
		if (!doc) {
			fprintf(stderr, "pdfcheck: cannot read '%s'\n", src);
			return 2;
		}
		walk_source(xmlDocGetRootElement(doc));
		xmlFreeDoc(doc);
		qsort(tokens, ntokens, sizeof *tokens, cmp_str);
		if (nlabels)
			qsort(labels, nlabels, sizeof *labels, cmp_str);
		if (ncells)
			qsort(cells, ncells, sizeof *cells, cmp_str);
	}
	for (size_t i = 0; i < nwords;) {
		size_t j = i;

		while (j < nwords && words[j].page == words[i].page)
			j++;
		check_overlaps(i, j);
		for (size_t a = i; ntokens && a < j; a++) {
			if (neighbour(i, j, &words[a], words[a].x1, 1))
				continue;
			for (size_t b = i; b < j; b++)
				if (b != a && next_line(&words[a], &words[b]) &&
				    !neighbour(i, j, &words[b], words[b].x0,
					       -1))
					check_split(&words[a], &words[b]);
		}
		check_letters(i, j);
		i = j;
	}
	check_empty(page);
	total = found[0] + found[1] + found[2] + found[3];
	for (int k = 0; k < 4; k++)
		if (found[k] > MAX_SHOWN)
			printf("%s: ... %d %s problems in all\n", label,
			       found[k], kind_name[k]);
	printf("%s: %d pages, %zu words, %zu source tokens: %d overlaps, "
	       "%d split tokens, %d words letter by letter, %d half-empty pages\n", label, page, nwords, ntokens, found[0],
	       found[1], found[2], found[3]);
	return total ? 1 : 0;
usage:
	fputs("usage: pdfcheck [-s SOURCE] [-l LABEL] BBOX.html\n", stderr);
	return 2;
}
