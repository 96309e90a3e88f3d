/* pdfcheck-source.c - what the printed document's source (HTML or .fodt,
 * read as XML with libxml2) tells the checks: its ids and numbers, the
 * tokens that must never be split across lines; the labels of its charts
 * and the texts of its table cells, which may stand one above the other
 * without being a wrap; and its chapter headings. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "pdfcheck.h"

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
char **heads;
size_t nheads;
static size_t capheads;

/* The source's headings in document order, spaces removed, each marked
 * when it opens an entry: a heading followed by a table kept whole. */
struct head *allheads;
size_t nallheads;
static size_t capallheads;

/* The source's tokens as a sorted array of strings. */
static char **tokens;
size_t ntokens;
static size_t captokens;

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

/* A chapter that starts a new page: not one run on after the text
 * before it (HTML class "chapter run-on", ODF style "..._Run"). */
static int starts_page(xmlNode *n)
{
	xmlChar *v;
	int run;

	if (!is_chapter(n))
		return 0;
	v = xmlGetProp(n, (const xmlChar *)(strcmp((const char *)n->name,
		"h2") == 0 ? "class" : "style-name"));
	run = v && (strstr((const char *)v, "run-on") ||
		    strstr((const char *)v, "_Run"));
	xmlFree(v);
	return !run;
}

/* Any heading: HTML h1 to h6, ODF text:h. */
static int is_heading(xmlNode *n)
{
	const char *name = (const char *)n->name;

	return strcmp(name, "h") == 0 || (name[0] == 'h' &&
					  name[1] >= '1' && name[1] <= '6' &&
					  !name[2]);
}

/* A table kept whole on one page: HTML table of class "keep", ODF
 * table of style "TblKeep". */
static int is_kept_table(xmlNode *n)
{
	xmlChar *v;
	int yes = 0;

	if (!n || strcmp((const char *)n->name, "table") != 0)
		return 0;
	v = xmlGetProp(n, (const xmlChar *)"class");
	if (v) {
		char *c = squeeze((const char *)v);

		for (char *w = strtok(c, " "); w; w = strtok(NULL, " "))
			yes |= strcmp(w, "keep") == 0;
		free(c);
		xmlFree(v);
	}
	v = xmlGetProp(n, (const xmlChar *)"style-name");
	yes |= v && strcmp((const char *)v, "TblKeep") == 0;
	xmlFree(v);
	return yes;
}

/* The last element named name (or name2) under n; NULL when none. */
static xmlNode *last_named(xmlNode *n, const char *name, const char *name2)
{
	xmlNode *last = NULL;

	for (; n; n = n->next) {
		xmlNode *c;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, name) == 0 ||
		    strcmp((const char *)n->name, name2) == 0)
			last = n;
		else if ((c = last_named(n->children, name, name2)))
			last = c;
	}
	return last;
}

/* The first cell (HTML td, ODF table-cell) of row n; NULL when none. */
static xmlNode *first_cell(xmlNode *n)
{
	for (n = n ? n->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    (strcmp((const char *)n->name, "td") == 0 ||
		     strcmp((const char *)n->name, "table-cell") == 0))
			return n;
	return NULL;
}

/* s with its white space left out (allocated). */
static char *nospace(const xmlChar *t)
{
	char *o = squeeze((const char *)(t ? t : (const xmlChar *)"")), *q = o;

	for (const char *s = o; *s; s++)
		if (*s != ' ')
			*q++ = *s;
	*q = '\0';
	return o;
}

static void add_heading(xmlNode *n)
{
	xmlChar *t = xmlNodeGetContent(n);
	xmlNode *next = n->next, *cell, *row;

	while (next && next->type != XML_ELEMENT_NODE)
		next = next->next;
	if (nallheads == capallheads) {
		capallheads = capallheads ? 2 * capallheads : 64;
		allheads = xrealloc(allheads, capallheads * sizeof *allheads);
	}
	allheads[nallheads].text = nospace(t);
	xmlFree(t);
	allheads[nallheads].entry = is_kept_table(next);
	allheads[nallheads].page_break = starts_page(n);
	allheads[nallheads].last = allheads[nallheads].first = NULL;
	row = allheads[nallheads].entry ?
		last_named(next->children, "tr", "table-row") : NULL;
	if (row && (cell = last_named(row->children, "td", "table-cell"))) {
		t = xmlNodeGetContent(cell);
		allheads[nallheads].last = nospace(t);
		xmlFree(t);
		cell = first_cell(row);
		t = cell ? xmlNodeGetContent(cell) : NULL;
		allheads[nallheads].first = nospace(t);
		xmlFree(t);
	}
	nallheads++;
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
		if (is_heading(n))
			add_heading(n);
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

int is_label(const char *s)
{
	return nlabels && bsearch(&s, labels, nlabels, sizeof *labels,
				  cmp_str) != NULL;
}

int is_cell(const char *s)
{
	return ncells && bsearch(&s, cells, ncells, sizeof *cells,
				 cmp_str) != NULL;
}

int is_token(const char *s)
{
	return bsearch(&s, tokens, ntokens, sizeof *tokens, cmp_str) != NULL;
}

int read_source(const char *path)
{
	xmlDoc *doc;

	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_HUGE |
			  XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	if (!doc) {
		fprintf(stderr, "pdfcheck: cannot read '%s'\n", path);
		return -1;
	}
	walk_source(xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	qsort(tokens, ntokens, sizeof *tokens, cmp_str);
	if (nlabels)
		qsort(labels, nlabels, sizeof *labels, cmp_str);
	if (ncells)
		qsort(cells, ncells, sizeof *cells, cmp_str);
	return 0;
}
