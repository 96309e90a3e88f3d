/* pdfcheck.c - reads the word boxes of a printed document (the XHTML of
 * `pdftotext -bbox-layout`) and reports what a reader would see as broken
 * layout: two words that overlap, an identifier or number of the source
 * document split across two lines ('2025-B' / 'M-001', '0.8' / '79'), and
 * a Latin word broken letter by letter down a narrow column, a page left
 * half empty before a page that starts with a figure or before a page
 * whose text would have fitted under its own, an entry of the catalog (a
 * heading and the table kept with it) split across pages, or a page left
 * mostly empty before one. Each message
 * names the page, the words and their boxes (x0,y0,x1,y1 in points).
 * Usage: pdfcheck [-s SOURCE] [-l LABEL] BBOX.html
 *   SOURCE: the document that was printed (HTML or .fodt, read as XML);
 *   its ids and numbers are the tokens that must never be split.
 * Exit status: 0 clean, 1 problems found, 2 usage or unreadable input.
 * The parts: pdfcheck.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "pdfcheck.h"

#define MAX_SHOWN 12

static const char *label = "pdf";
static int shown[PC_KINDS];
static int found[PC_KINDS];
static const char *const kind_name[PC_KINDS] = { "overlap", "split",
						 "letters", "empty",
						 "entry" };

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n);

	if (!q) {
		fputs("pdfcheck: out of memory\n", stderr);
		exit(2);
	}
	return q;
}

void report(int kind, const char *fmt, ...)
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

int main(int argc, char **argv)
{
	const char *src = NULL;
	int page, opt, total, entries;

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
	page = read_bbox(argv[optind]);
	if (page < 0)
		return 2;
	if (src && read_source(src) < 0)
		return 2;
	for (size_t i = 0; i < nwords;) {
		size_t j = i;

		while (j < nwords && words[j].page == words[i].page)
			j++;
		check_overlaps(i, j);
		check_splits(i, j);
		check_letters(i, j);
		i = j;
	}
	check_empty(page);
	entries = check_entries(page);
	total = 0;
	for (int k = 0; k < PC_KINDS; k++)
		total += found[k];
	for (int k = 0; k < PC_KINDS; k++)
		if (found[k] > MAX_SHOWN)
			printf("%s: ... %d %s problems in all\n", label,
			       found[k], kind_name[k]);
	printf("%s: %d pages, %zu words, %zu source tokens: %d overlaps, "
	       "%d split tokens, %d words letter by letter, "
	       "%d half-empty pages, %d of %d entries split\n", label,
	       page, nwords, ntokens, found[PC_OVERLAP], found[PC_SPLIT],
	       found[PC_LETTERS], found[PC_EMPTY], found[PC_ENTRY], entries);
	return total ? 1 : 0;
usage:
	fputs("usage: pdfcheck [-s SOURCE] [-l LABEL] BBOX.html\n", stderr);
	return 2;
}
