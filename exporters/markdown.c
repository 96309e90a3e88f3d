/* markdown.c - the document model as GitHub-flavoured Markdown, each
 * chart written as its own .svg file beside the .md and linked. */
#include <stdlib.h>
#include <string.h>
#include "exporters/internal.h"

static void md_table(FILE *fp, const struct doc_table *t)
{
	fputs("\n|", fp);
	for (size_t c = 0; c < t->ncols; c++) {
		putc(' ', fp);
		lc_md_text(fp, t->head[c]);
		fputs(" |", fp);
	}
	fputs("\n|", fp);
	for (size_t c = 0; c < t->ncols; c++)
		fputs(t->align[c] == 'r' ? " ---: |" : " --- |", fp);
	putc('\n', fp);
	for (size_t r = 0; r < t->nrows; r++) {
		putc('|', fp);
		for (size_t c = 0; c < t->ncols; c++) {
			putc(' ', fp);
			lc_md_text(fp, t->cells[r * t->ncols + c]);
			fputs(" |", fp);
		}
		putc('\n', fp);
	}
	putc('\n', fp);
}

/* Writes the figure's SVG to dir/name; 0 or LC_EIO. */
static int write_svg(const char *path, const char *svg,
		     struct lc_error *err)
{
	FILE *fp = fopen(path, "w");

	if (!fp)
		return lc_error_set(err, LC_EIO, path, 0, NULL,
				    "cannot write '%s'", path);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", fp);
	fputs(svg, fp);
	if (fclose(fp) != 0)
		return lc_error_set(err, LC_EIO, path, 0, NULL,
				    "write error on '%s'", path);
	return 0;
}

int lc_doc_write_md(const struct lc_doc *d, const char *path,
		    struct lc_error *err)
{
	int en = exp_is_en(d->lang), fig = 0, rc = 0;
	size_t plen = strlen(path), stemlen;
	const char *base = strrchr(path, '/');
	char *svgpath;
	FILE *fp;

	if (d->broken)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory building the document");
	base = base ? base + 1 : path;
	stemlen = plen >= 3 && strcmp(path + plen - 3, ".md") == 0 ?
		  plen - 3 : plen;
	svgpath = malloc(plen + 32);
	if (!svgpath)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	fp = fopen(path, "w");
	if (!fp) {
		free(svgpath);
		return lc_error_set(err, LC_EIO, path, 0, NULL,
				    "cannot write '%s'", path);
	}
	fputs("# ", fp);
	lc_md_text(fp, d->title ? d->title : "");
	fputs("\n\n", fp);
	if (d->subtitle) {
		fputs("**", fp);
		lc_md_text(fp, d->subtitle);
		fputs("**\n\n", fp);
	}
	for (size_t i = 0; i < d->nlines; i++) {
		lc_md_text(fp, d->lines[i]);
		fputs(i + 1 < d->nlines ? "  \n" : "\n\n", fp);
	}
	for (size_t i = 0; i < d->n && rc == 0; i++) {
		const struct doc_block *b = doc_blk(d, i);
		int next_item = i + 1 < d->n &&
				doc_blk(d, i + 1)->kind == BLK_ITEM;

		switch (b->kind) {
		case BLK_SECTION:
			fprintf(fp, "%.*s ", b->level + 1, "####");
			lc_md_text(fp, b->text);
			fputs("\n\n", fp);
			break;
		case BLK_PARA:
			lc_md_text(fp, b->text);
			fputs("\n\n", fp);
			break;
		case BLK_ITEM:
			fputs("- ", fp);
			lc_md_text(fp, b->text);
			fputs(next_item ? "\n" : "\n\n", fp);
			break;
		case BLK_TABLE:
			if (*b->text) {
				fputs("**", fp);
				lc_md_text(fp, b->text);
				fputs("**\n", fp);
			}
			md_table(fp, &b->tab);
			break;
		case BLK_FIGURE:
			fig++;
			snprintf(svgpath, plen + 32, "%.*s-fig-%d.svg",
				 (int)stemlen, path, fig);
			rc = write_svg(svgpath, b->svg, err);
			fprintf(fp, en ? "**Figure %d.** " : "**图%d** ", fig);
			lc_md_text(fp, b->text);
			fputs("\n\n![", fp);
			lc_md_text(fp, b->text);
			/* The link is our own file name: the stem of the
			 * output path, percent-free by construction only when
			 * the user chose so, hence <...> around it. */
			fprintf(fp, "](<%.*s-fig-%d.svg>)\n\n",
				(int)(stemlen - (size_t)(base - path)), base,
				fig);
			fputs("*", fp);
			lc_md_text(fp, b->desc);
			fputs("*\n", fp);
			md_table(fp, &b->tab);
			break;
		}
	}
	free(svgpath);
	if (fclose(fp) != 0 && rc == 0)
		rc = lc_error_set(err, LC_EIO, path, 0, NULL,
				  "write error on '%s'", path);
	return rc;
}
