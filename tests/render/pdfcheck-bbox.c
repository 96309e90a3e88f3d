/* pdfcheck-bbox.c - the word boxes of a printed document, read from the
 * XHTML of `pdftotext -bbox-layout` with libxml2: each word with its page,
 * its text flow and its box, and the height of each page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "pdfcheck.h"

struct word *words;
size_t nwords;
static size_t capwords;
double page_h[PC_MAX_PAGES];

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
			if (*page < PC_MAX_PAGES)
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

int read_bbox(const char *path)
{
	xmlDoc *doc;
	int page = 0;

	doc = xmlReadFile(path, NULL, XML_PARSE_NONET |
			  XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	if (!doc) {
		fprintf(stderr, "pdfcheck: cannot read '%s'\n", path);
		return -1;
	}
	walk_bbox(xmlDocGetRootElement(doc), &page);
	xmlFreeDoc(doc);
	return page;
}

/* The words of page p: [*from, *to) (the words are in page order). */
void page_words(int p, size_t *from, size_t *to)
{
	size_t i = 0;

	while (i < nwords && words[i].page < p)
		i++;
	*from = i;
	while (i < nwords && words[i].page == p)
		i++;
	*to = i;
}
