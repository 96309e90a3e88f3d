/* fodt_styles.c - the styles of the flat ODF document: fonts, A4 page
 * with its number at the foot, headings, tables (rows never split, column
 * widths from colwidth.c), captions, figures, the table of contents. */
#include <stdio.h>
#include <stdlib.h>
#include "exporters/fodt_xml.h"

static void toc_style(struct fw *f, const char *name, const char *indent,
		      const char *pos)
{
	fw_start(f, "style:style");
	fw_attr(f, "style:name", name);
	fw_attr(f, "style:family", "paragraph");
	fw_attr(f, "style:parent-style-name", "Standard");
	fw_start(f, "style:paragraph-properties");
	fw_attr(f, "fo:margin-left", indent);
	fw_attr(f, "fo:margin-bottom", "0.1cm");
	fw_start(f, "style:tab-stops");
	fw_start(f, "style:tab-stop");
	fw_attr(f, "style:position", pos);
	fw_attr(f, "style:type", "right");
	fw_attr(f, "style:leader-style", "dotted");
	fw_attr(f, "style:leader-text", ".");
	fw_end(f);
	fw_end(f);
	fw_end(f);
	fw_end(f);
}

/* The style of the headings of level; run: a chapter that follows on
 * the page ("Heading_20_1_20_Run") instead of starting one. */
static void heading_style(struct fw *f, int level, const char *size,
			  int run)
{
	char name[32], lv[4];

	snprintf(name, sizeof name, "Heading_20_%d%s", level,
		 run ? "_20_Run" : "");
	snprintf(lv, sizeof lv, "%d", level);
	fw_start(f, "style:style");
	fw_attr(f, "style:name", name);
	snprintf(name, sizeof name, "Heading %d%s", level, run ? " Run" : "");
	fw_attr(f, "style:display-name", name);
	fw_attr(f, "style:family", "paragraph");
	fw_attr(f, "style:parent-style-name", "Standard");
	fw_attr(f, "style:default-outline-level", lv);
	fw_start(f, "style:paragraph-properties");
	fw_attr(f, "fo:margin-top", level == 1 ? "0.6cm" : "0.4cm");
	fw_attr(f, "fo:margin-bottom", "0.2cm");
	fw_attr(f, "fo:keep-with-next", "always");
	if (level == 1 && !run)
		fw_attr(f, "fo:break-before", "page");
	fw_end(f);
	fw_start(f, "style:text-properties");
	fw_attr(f, "fo:font-size", size);
	fw_attr(f, "style:font-size-asian", size);
	fw_attr(f, "fo:font-weight", "bold");
	fw_attr(f, "style:font-weight-asian", "bold");
	fw_attr(f, "fo:color", "#1f3b5c");
	fw_end(f);
	fw_end(f);
}


/* One automatic column style per column of every table, named
 * "TnCk" (table n as numbered by the body, column k). */
static void column_styles(struct fw *f, const struct lc_doc *d)
{
	int no = 0;

	for (size_t i = 0; i < d->n; i++) {
		const struct doc_block *b = doc_blk(d, i);
		const struct doc_table *t = &b->tab;
		double *cm;

		if (b->kind != BLK_TABLE && b->kind != BLK_FIGURE)
			continue;
		no++;
		cm = calloc(t->ncols + 1, sizeof *cm);
		if (!cm) {
			f->bad = 1;
			return;
		}
		exp_col_widths(t, exp_text_cm(d), cm);
		for (size_t c = 0; c < t->ncols; c++) {
			char name[48], w[32], rel[32];

			snprintf(name, sizeof name, "T%dC%zu", no, c);
			snprintf(w, sizeof w, "%.2fcm", cm[c]);
			snprintf(rel, sizeof rel, "%.0f*", cm[c] * 1000);
			fw_start(f, "style:style");
			fw_attr(f, "style:name", name);
			fw_attr(f, "style:family", "table-column");
			fw_start(f, "style:table-column-properties");
			fw_attr(f, "style:column-width", w);
			fw_attr(f, "style:rel-column-width", rel);
			fw_end(f);
			fw_end(f);
		}
		free(cm);
	}
}

/* A table style: the text's width; keep: a table read whole (a catalog
 * entry), kept on one page. */
static void table_style(struct fw *f, const char *name, const char *width,
			int keep)
{
	fw_start(f, "style:style");
	fw_attr(f, "style:name", name);
	fw_attr(f, "style:family", "table");
	fw_start(f, "style:table-properties");
	fw_attr(f, "style:width", width);
	fw_attr(f, "table:align", "margins");
	fw_attr(f, "fo:margin-bottom", "0.3cm");
	if (keep)
		fw_attr(f, "style:may-break-between-rows", "false");
	fw_end(f);
	fw_end(f);
}

/* A graphic (frame) style with the name/value pairs of props (NULL
 * ends them) as its graphic properties. */
static void gstyle(struct fw *f, const char *name, const char *const *props)
{
	fw_start(f, "style:style");
	fw_attr(f, "style:name", name);
	fw_attr(f, "style:family", "graphic");
	fw_start(f, "style:graphic-properties");
	for (; props[0]; props += 2)
		fw_attr(f, props[0], props[1]);
	fw_end(f);
	fw_end(f);
}

static const char *const fr1_g[] = {
	"style:wrap", "none", "style:horizontal-pos", "center",
	"style:horizontal-rel", "paragraph", NULL
};
static const char *const formula_g[] = {
	"style:vertical-pos", "middle", "style:vertical-rel", "text",
	"fo:margin-left", "0.05cm", "fo:margin-right", "0.05cm", NULL
};


void fodt_styles(struct fw *f, const struct lc_doc *d)
{
	char w1[32], w2[32];

	static const char *const std_t[] = {
		"style:font-name", "Noto Sans CJK SC",
		"style:font-name-asian", "Noto Sans CJK SC",
		"fo:font-size", "10.5pt", "style:font-size-asian", "10.5pt",
		NULL };
	static const char *const std_p[] = {
		"fo:margin-bottom", "0.18cm", "fo:line-height", "140%",
		NULL };
	static const char *const title_p[] = {
		"fo:text-align", "center", "fo:margin-top", "6cm",
		"fo:margin-bottom", "0.8cm", NULL };
	static const char *const title_t[] = {
		"fo:font-size", "26pt", "style:font-size-asian", "26pt",
		"fo:font-weight", "bold", "style:font-weight-asian", "bold",
		"fo:color", "#1f3b5c", NULL };
	static const char *const sub_p[] = {
		"fo:text-align", "center", "fo:margin-bottom", "0.5cm", NULL };
	static const char *const sub_t[] = {
		"fo:font-size", "15pt", "style:font-size-asian", "15pt",
		NULL };
	static const char *const meta_p[] = {
		"fo:text-align", "center", NULL };
	static const char *const cap_p[] = {
		"fo:margin-top", "0.2cm", "fo:keep-with-next", "always",
		NULL };
	static const char *const cap_t[] = {
		"fo:font-weight", "bold", "style:font-weight-asian", "bold",
		"fo:font-size", "10pt", "style:font-size-asian", "10pt",
		NULL };
	static const char *const tc_t[] = {
		"fo:font-size", "9pt", "style:font-size-asian", "9pt", NULL };
	static const char *const tc_p[] = {
		"fo:margin-bottom", "0cm", "fo:line-height", "115%", NULL };
	static const char *const num_p[] = { "fo:text-align", "end", NULL };
	static const char *const th_t[] = {
		"fo:font-weight", "bold", "style:font-weight-asian", "bold",
		NULL };
	/* a table too wide for the normal type (colwidth.c) */
	static const char *const dense_t[] = {
		"fo:font-size", "7.2pt", "style:font-size-asian", "7.2pt",
		NULL };
	/* upright: a CJK font has no italic, LibreOffice would slant it */
	static const char *const desc_t[] = {
		"fo:font-style", "normal", "style:font-style-asian", "normal",
		"fo:font-size", "9pt",
		"style:font-size-asian", "9pt", "fo:color", "#444444", NULL };
	static const char *const foot_p[] = { "fo:text-align", "center",
					      NULL };
	static const char *const toc_p[] = {
		"fo:break-before", "page", "fo:margin-bottom", "0.4cm", NULL };
	static const char *const toc_t[] = {
		"fo:font-size", "17pt", "style:font-size-asian", "17pt",
		"fo:font-weight", "bold", "style:font-weight-asian", "bold",
		"fo:color", "#1f3b5c", NULL };
	static const char *const fig_p[] = { "fo:text-align", "center",
					     "fo:keep-with-next", "always",
					     NULL };

	fw_start(f, "office:font-face-decls");
	fw_start(f, "style:font-face");
	fw_attr(f, "style:name", "Noto Sans CJK SC");
	fw_attr(f, "svg:font-family", "'Noto Sans CJK SC'");
	fw_attr(f, "style:font-family-generic", "swiss");
	fw_end(f);
	fw_end(f);
	fw_start(f, "office:styles");
	fw_start(f, "style:default-style");
	fw_attr(f, "style:family", "paragraph");
	fw_start(f, "style:text-properties");
	/* Latin runs are English in both documents: a Western text tagged
	 * Chinese is broken anywhere by LibreOffice ("1." / "20 亿吨",
	 * "T" / "RL"); CJK runs are Chinese. No hyphenation. */
	fw_attr(f, "fo:language", "en");
	fw_attr(f, "fo:country", "GB");
	fw_attr(f, "fo:hyphenate", "false");
	fw_attr(f, "style:language-asian", "zh");
	fw_attr(f, "style:country-asian", "CN");
	fw_end(f);
	fw_end(f);
	fw_pstyle(f, "Standard", NULL, std_p, std_t);
	fw_pstyle(f, "Title", "Standard", title_p, title_t);
	fw_pstyle(f, "Subtitle", "Standard", sub_p, sub_t);
	fw_pstyle(f, "Meta", "Standard", meta_p, NULL);
	fw_pstyle(f, "Caption", "Standard", cap_p, cap_t);
	fw_pstyle(f, "Table_20_Contents", "Standard", tc_p, tc_t);
	fw_pstyle(f, "Table_20_Heading", "Table_20_Contents", NULL, th_t);
	fw_pstyle(f, "Table_20_Number", "Table_20_Contents", num_p, NULL);
	fw_pstyle(f, "Table_20_Heading_20_Number", "Table_20_Heading", num_p,
	       NULL);
	fw_pstyle(f, "Dense_20_Contents", "Table_20_Contents", NULL, dense_t);
	fw_pstyle(f, "Dense_20_Heading", "Dense_20_Contents", NULL, th_t);
	fw_pstyle(f, "Dense_20_Number", "Dense_20_Contents", num_p, NULL);
	fw_pstyle(f, "Dense_20_Heading_20_Number", "Dense_20_Heading", num_p,
		  NULL);
	fw_pstyle(f, "Description", "Standard", NULL, desc_t);
	fw_pstyle(f, "Footer", "Standard", foot_p, NULL);
	fw_pstyle(f, "Figure", "Standard", fig_p, NULL);
	/* a displayed formula: its paragraph, centred (math.h) */
	fw_pstyle(f, "Formula", "Standard", foot_p, NULL);
	heading_style(f, 1, "17pt", 0);
	heading_style(f, 1, "17pt", 1);
	heading_style(f, 2, "13.5pt", 0);
	heading_style(f, 3, "11.5pt", 0);
	snprintf(w1, sizeof w1, "%.1fcm", exp_text_cm(d));
	snprintf(w2, sizeof w2, "%.1fcm", exp_text_cm(d) - 0.6);
	toc_style(f, "Contents_20_1", "0cm", w1);
	toc_style(f, "Contents_20_2", "0.6cm", w2);
	fw_pstyle(f, "Contents_20_Heading", "Standard", toc_p, toc_t);
	fw_end(f);

	fw_start(f, "office:automatic-styles");
	fw_start(f, "style:page-layout");
	fw_attr(f, "style:name", "pm1");
	fw_start(f, "style:page-layout-properties");
	/* A4, on its side for a document of wide tables */
	fw_attr(f, "fo:page-width", d->landscape ? "29.7cm" : "21cm");
	fw_attr(f, "fo:page-height", d->landscape ? "21cm" : "29.7cm");
	fw_attr(f, "style:print-orientation", d->landscape ? "landscape" :
		"portrait");
	fw_attr(f, "fo:margin-top", "2cm");
	fw_attr(f, "fo:margin-bottom", "1.5cm");
	fw_attr(f, "fo:margin-left", "2cm");
	fw_attr(f, "fo:margin-right", "2cm");
	fw_end(f);
	fw_start(f, "style:footer-style");
	fw_start(f, "style:header-footer-properties");
	fw_attr(f, "fo:min-height", "0.6cm");
	fw_attr(f, "fo:margin-top", "0.3cm");
	fw_end(f);
	fw_end(f);
	fw_end(f);
	table_style(f, "Tbl", w1, 0);
	table_style(f, "TblKeep", w1, 1);
	column_styles(f, d);
	/* a row is never split across pages */
	fw_start(f, "style:style");
	fw_attr(f, "style:name", "Row");
	fw_attr(f, "style:family", "table-row");
	fw_start(f, "style:table-row-properties");
	fw_attr(f, "fo:keep-together", "always");
	fw_end(f);
	fw_end(f);
	fw_start(f, "style:style");
	fw_attr(f, "style:name", "Cell");
	fw_attr(f, "style:family", "table-cell");
	fw_start(f, "style:table-cell-properties");
	fw_attr(f, "fo:border", "0.5pt solid #8a8a8a");
	fw_attr(f, "fo:padding", "0.06cm");
	fw_end(f);
	fw_end(f);
	fw_start(f, "style:style");
	fw_attr(f, "style:name", "HeadCell");
	fw_attr(f, "style:family", "table-cell");
	fw_start(f, "style:table-cell-properties");
	fw_attr(f, "fo:border", "0.5pt solid #8a8a8a");
	fw_attr(f, "fo:padding", "0.06cm");
	fw_attr(f, "fo:background-color", "#e3e9f0");
	fw_end(f);
	fw_end(f);
	gstyle(f, "fr1", fr1_g);
	/* a formula object in the text, centred on the line's middle */
	gstyle(f, "Formula_20_Frame", formula_g);
	fw_start(f, "text:list-style");
	fw_attr(f, "style:name", "L1");
	fw_start(f, "text:list-level-style-bullet");
	fw_attr(f, "text:level", "1");
	fw_attr(f, "text:bullet-char", "•");
	fw_start(f, "style:list-level-properties");
	fw_attr(f, "text:list-level-position-and-space-mode",
	     "label-alignment");
	fw_start(f, "style:list-level-label-alignment");
	fw_attr(f, "text:label-followed-by", "listtab");
	fw_attr(f, "fo:text-indent", "-0.5cm");
	fw_attr(f, "fo:margin-left", "0.9cm");
	fw_end(f);
	fw_end(f);
	fw_end(f);
	fw_end(f);
	fw_end(f);

	fw_start(f, "office:master-styles");
	fw_start(f, "style:master-page");
	fw_attr(f, "style:name", "Standard");
	fw_attr(f, "style:page-layout-name", "pm1");
	fw_start(f, "style:footer");
	fw_start(f, "text:p");
	fw_attr(f, "text:style-name", "Footer");
	fw_start(f, "text:page-number");
	fw_attr(f, "text:select-page", "current");
	fw_end(f);
	fw_end(f);
	fw_end(f);
	fw_end(f);
	fw_end(f);
}
