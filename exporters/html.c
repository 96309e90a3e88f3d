/* html.c - the document model as one self-contained HTML5 file (also
 * well-formed XML, so that tests can check it with libxml2): inline
 * style sheet with A4 print rules, inline SVG charts each followed by its
 * data table, nothing fetched from the network; one inline script, in a
 * document with a table of contents, that writes its page numbers
 * (html_toc.c). */
#include <stdlib.h>
#include <string.h>
#include "exporters/internal.h"
#include "exporters/math.h"

/* Used when the document brings no style sheet of its own. */
static const char fallback_css[] =
	"@page { size: A4; margin: 20mm 18mm 22mm; "
	"@bottom-center { content: counter(page); } }\n"
	"body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', "
	"serif; line-height: 1.6; max-width: 190mm; margin: auto; }\n"
	"table { border-collapse: collapse; width: 100%; }\n"
	"th, td { border: 1px solid #999; padding: 2px 6px; }\n"
	"td.num, th.num { text-align: right; }\n"
	"figure.keep, table.keep, tr, h2, h3, h4 { break-inside: avoid; }\n"
	"figcaption, .chart-svg, .desc, .tcap { break-after: avoid; }\n"
	"svg { max-width: 100%; height: auto; }\n"
	"nav.toc a { display: flex; } nav.toc .toc-lead { flex: 1; }\n"
	"math[display=\"block\"] { font-family: 'DejaVu Math TeX Gyre', "
	"'DejaVu Serif', 'Noto Serif CJK SC', math; }\n";

static void cells(FILE *fp, const struct doc_table *t, size_t r, int head)
{
	const char *tag = head ? "th" : "td";

	fputs("<tr>", fp);
	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = head ? t->head[c] : t->cells[r * t->ncols + c];

		fprintf(fp, "<%s%s%s>", tag, head ? " scope=\"col\"" : "",
			t->align[c] == 'r' ? " class=\"num\"" :
			t->align[c] == 'i' ? " class=\"id\"" : "");
		lc_xml_text(fp, s);
		fprintf(fp, "</%s>", tag);
	}
	fputs("</tr>\n", fp);
}

static void table(FILE *fp, const struct doc_table *t, const char *caption,
		  const char *cls, double page)
{
	double *cm;
	int dense;

	/* Short tables are kept on one page; long ones break between rows
	 * and repeat their heading row. */
	cm = calloc(t->ncols + 1, sizeof *cm);
	/* colwidth.c measures 9 pt type; the style sheet sets tables in
	 * 8.5 pt, chart data in 8 pt: a page as many 9 pt columns wider,
	 * so that ids and numbers get what they need, the text the rest */
	page *= strcmp(cls, "chart-data") == 0 ? 9.0 / 8.0 : 9.0 / 8.5;
	dense = cm ? exp_col_widths(t, page, cm) : 0;
	fprintf(fp, "<table class=\"%s%s%s\">\n", cls,
		t->keep || t->nrows <= EXP_KEEP_ROWS ? " keep" : "",
		dense ? " dense" : "");
	if (caption && *caption) {
		fputs("<caption>", fp);
		lc_xml_text(fp, caption);
		fputs("</caption>\n", fp);
	}
	/* Column widths by content, as in the .fodt: narrow numbers and
	 * identifiers, the room left to names. */
	if (cm) {
		fputs("<colgroup>", fp);
		for (size_t c = 0; c < t->ncols; c++)
			fprintf(fp, "<col style=\"width: %.1f%%\"/>",
				100 * cm[c] / page);
		fputs("</colgroup>\n", fp);
		free(cm);
	}
	fputs("<thead>", fp);
	cells(fp, t, 0, 1);
	fputs("</thead>\n<tbody>\n", fp);
	for (size_t r = 0; r < t->nrows; r++)
		cells(fp, t, r, 0);
	fputs("</tbody>\n</table>\n", fp);
}

/* The table of contents at block at: links to the headings of levels 1
 * and 2 after it (ids "sN", N the heading's block). Page numbers come
 * from the script at the end of the body (html_toc.c) where it runs,
 * else from the style sheet's target-counter() where the engine has it. */
static void toc(FILE *fp, const struct lc_doc *d, size_t at)
{
	fputs("<nav class=\"toc\">\n<h2 class=\"toc-title\">", fp);
	lc_xml_text(fp, doc_blk(d, at)->text);
	fputs("</h2>\n<ul>\n", fp);
	for (size_t k = at + 1; k < d->n; k++) {
		const struct doc_block *b = doc_blk(d, k);

		if (b->kind != BLK_SECTION || b->level > 2)
			continue;
		fprintf(fp, "<li class=\"toc%d\"><a href=\"#s%zu\">", b->level,
			k);
		lc_xml_text(fp, b->text);
		fputs("</a></li>\n", fp);
	}
	fputs("</ul>\n</nav>\n", fp);
}

/* The text of a paragraph or item, its formulas as MathML. */
static void inline_text(FILE *fp, const struct doc_block *b)
{
	if (!b->nrun) {
		lc_xml_text(fp, b->text);
		return;
	}
	for (size_t k = 0; k < b->nrun; k++) {
		if (b->run[k].math)
			exp_math_mathml(fp, b->run[k].math, b->display);
		else if (!b->display)
			lc_xml_text(fp, b->run[k].text);
	}
}

/* Writes the chart's SVG with its ids made unique in the page (fig N):
 * every chart names its <title> "t" and its <desc> "d". */
static void put_svg(FILE *fp, const char *svg, int fig)
{
	static const char *const from[3] = { "aria-labelledby=\"t d\"",
					     "<title id=\"t\">",
					     "<desc id=\"d\">" };
	const char *p = svg;

	for (int k = 0; k < 3; k++) {
		const char *q = strstr(p, from[k]);

		if (!q)
			continue;
		fwrite(p, 1, (size_t)(q - p), fp);
		if (k == 0)
			fprintf(fp, "aria-labelledby=\"fig%d-t fig%d-d\"", fig,
				fig);
		else
			fprintf(fp, "<%s id=\"fig%d-%c\">", k == 1 ? "title" :
				"desc", fig, k == 1 ? 't' : 'd');
		p = q + strlen(from[k]);
	}
	fputs(p, fp);
}

int lc_doc_write_html(const struct lc_doc *d, FILE *fp,
		      struct lc_error *err)
{
	int en = exp_is_en(d->lang), in_list = 0, fig = 0, has_toc = 0;

	if (d->broken)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory building the document");
	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
		"<meta charset=\"utf-8\"/>\n"
		"<meta name=\"viewport\" content=\"width=device-width, "
		"initial-scale=1\"/>\n<title>", en ? "en" : "zh-Hans");
	lc_xml_text(fp, d->title ? d->title : "");
	fputs("</title>\n<style>\n", fp);
	/* A style sheet cannot hold markup, but never let it end ours. */
	if (d->css && !strstr(d->css, "</"))
		fputs(d->css, fp);
	else
		fputs(fallback_css, fp);
	/* a document of wide tables on the A4 page on its side: the text
	 * as wide as the page less its margins, the title page as high */
	if (d->landscape)
		fputs("\n@page { size: A4 landscape; }\n"
		      "body { max-width: 261mm; }\n"
		      ".title-page { min-height: 150mm; }\n", fp);
	fputs("</style>\n</head>\n<body>\n", fp);
	fputs("<header class=\"title-page\">\n<h1>", fp);
	lc_xml_text(fp, d->title ? d->title : "");
	fputs("</h1>\n", fp);
	if (d->subtitle) {
		fputs("<p class=\"subtitle\">", fp);
		lc_xml_text(fp, d->subtitle);
		fputs("</p>\n", fp);
	}
	for (size_t i = 0; i < d->nlines; i++) {
		fputs("<p class=\"meta\">", fp);
		lc_xml_text(fp, d->lines[i]);
		fputs("</p>\n", fp);
	}
	fputs("</header>\n<main>\n", fp);
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_block *b = doc_blk(d, i);

		if (in_list && b->kind != BLK_ITEM) {
			fputs("</ul>\n", fp);
			in_list = 0;
		}
		switch (b->kind) {
		case BLK_SECTION:
			fprintf(fp, "<h%d%s id=\"s%zu\">", b->level + 1,
				b->level > 1 ? "" : b->run_on ?
				" class=\"chapter run-on\"" :
				" class=\"chapter\"", i);
			lc_xml_text(fp, b->text);
			fprintf(fp, "</h%d>\n", b->level + 1);
			break;
		case BLK_TOC:
			toc(fp, d, i);
			has_toc = 1;
			break;
		case BLK_PARA:
			fputs(b->display ? "<p class=\"formula\">" : "<p>",
			      fp);
			inline_text(fp, b);
			fputs("</p>\n", fp);
			break;
		case BLK_ITEM:
			if (!in_list)
				fputs("<ul>\n", fp);
			in_list = 1;
			fputs("<li>", fp);
			inline_text(fp, b);
			fputs("</li>\n", fp);
			break;
		case BLK_TABLE:
			table(fp, &b->tab, b->text, "data", exp_text_cm(d));
			break;
		case BLK_FIGURE:
			fig++;
			/* The chart is kept with its caption and description
			 * (the style sheet); its data table may start on the
			 * next page, under its own heading, rather than push
			 * the chart over and leave a half-empty page. */
			fprintf(fp, "<figure class=\"chart\" id=\"fig%d\">"
				"\n<figcaption>", fig);
			fprintf(fp, en ? "Figure %d. " : "图%d  ", fig);
			lc_xml_text(fp, b->text);
			fputs("</figcaption>\n<div class=\"chart-svg\">\n", fp);
			/* The SVG comes from our chart module, whose texts are
			 * already escaped: written as is. */
			put_svg(fp, b->svg, fig);
			fputs("</div>\n<p class=\"desc\">", fp);
			lc_xml_text(fp, b->desc);
			fputs("</p>\n", fp);
			/* Its heading as a paragraph rather than a caption:
			 * browsers keep a block with the next one (so never
			 * alone at the foot of a page), not a caption. */
			fprintf(fp, "<p class=\"tcap\">%s</p>\n", en ?
				"Data of the chart" : "图表数据");
			table(fp, &b->tab, NULL, "chart-data", exp_text_cm(d));
			fputs("</figure>\n", fp);
			break;
		}
	}
	if (in_list)
		fputs("</ul>\n", fp);
	fputs("</main>\n", fp);
	if (has_toc) {
		fputs("<script>\n", fp);
		for (size_t k = 0; exp_html_toc_script[k]; k++)
			fputs(exp_html_toc_script[k], fp);
		fputs("</script>\n", fp);
	}
	fputs("</body>\n</html>\n", fp);
	if (fflush(fp) != 0 || ferror(fp))
		return lc_error_set(err, LC_EIO, NULL, 0, NULL,
				    "write error");
	return 0;
}
