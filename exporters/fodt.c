/* fodt.c - the document model as a flat OpenDocument text (.fodt) written
 * with libxml2's xmlTextWriter: A4 pages with page numbers, styles for
 * headings, tables and captions, charts as embedded SVG images. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlwriter.h>
#include "exporters/internal.h"

#define X(s) ((const xmlChar *)(s))

static const char *const ns[][2] = {
	{ "xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
	{ "xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
	{ "xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
	{ "xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
	{ "xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" },
	{ "xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:"
	  "xsl-fo-compatible:1.0" },
	{ "xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:"
	  "svg-compatible:1.0" },
	{ "xmlns:xlink", "http://www.w3.org/1999/xlink" },
	{ "xmlns:dc", "http://purl.org/dc/elements/1.1/" },
	{ "xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
};

/* Writer state: libxml2's calls return < 0 on error; we remember any. */
struct fw {
	xmlTextWriterPtr w;
	int bad;
	int en;
};

static void start(struct fw *f, const char *name)
{
	if (xmlTextWriterStartElement(f->w, X(name)) < 0)
		f->bad = 1;
}

static void end(struct fw *f)
{
	if (xmlTextWriterEndElement(f->w) < 0)
		f->bad = 1;
}

static void attr(struct fw *f, const char *name, const char *val)
{
	if (xmlTextWriterWriteAttribute(f->w, X(name), X(val)) < 0)
		f->bad = 1;
}

/* Text with control characters and non-characters dropped (XML 1.0
 * cannot hold them), and isolated (FSI ... PDI) when it holds
 * bidirectional controls, so that it cannot reorder what follows. */
static void text(struct fw *f, const char *s)
{
	size_t n = strlen(s ? s : "");
	char *c = malloc(n + 7);
	size_t o = 0;
	int iso = s && lc_text_bidi(s);

	if (!c) {
		f->bad = 1;
		return;
	}
	if (iso) {
		memcpy(c, "\xE2\x81\xA8", 3);
		o = 3;
	}
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++)
		if (*p == 0x7F || (p[0] == 0xC2 && p[1] >= 0x80 &&
				   p[1] <= 0x9F))
			p += *p == 0x7F ? 0 : 1;
		else if (p[0] == 0xEF && p[1] == 0xBF &&
			 (p[2] == 0xBE || p[2] == 0xBF))
			p += 2;
		else if (*p >= 0x20 || *p == '\t')
			c[o++] = (char)*p;
		else if (*p == '\n')
			c[o++] = ' ';
	if (iso) {
		memcpy(c + o, "\xE2\x81\xA9", 3);
		o += 3;
	}
	c[o] = '\0';
	if (xmlTextWriterWriteString(f->w, X(c)) < 0)
		f->bad = 1;
	free(c);
}

static void para(struct fw *f, const char *style, const char *s)
{
	start(f, "text:p");
	attr(f, "text:style-name", style);
	text(f, s);
	end(f);
}

/* A style element with paragraph and text properties given as
 * NULL-terminated name/value lists. */
static void pstyle(struct fw *f, const char *name, const char *parent,
		   const char *const *pp, const char *const *tp)
{
	start(f, "style:style");
	attr(f, "style:name", name);
	attr(f, "style:family", "paragraph");
	if (parent)
		attr(f, "style:parent-style-name", parent);
	if (pp) {
		start(f, "style:paragraph-properties");
		for (; pp[0]; pp += 2)
			attr(f, pp[0], pp[1]);
		end(f);
	}
	if (tp) {
		start(f, "style:text-properties");
		for (; tp[0]; tp += 2)
			attr(f, tp[0], tp[1]);
		end(f);
	}
	end(f);
}

static void heading_style(struct fw *f, int level, const char *size)
{
	char name[32], lv[4];

	snprintf(name, sizeof name, "Heading_20_%d", level);
	snprintf(lv, sizeof lv, "%d", level);
	start(f, "style:style");
	attr(f, "style:name", name);
	snprintf(name, sizeof name, "Heading %d", level);
	attr(f, "style:display-name", name);
	attr(f, "style:family", "paragraph");
	attr(f, "style:parent-style-name", "Standard");
	attr(f, "style:default-outline-level", lv);
	start(f, "style:paragraph-properties");
	attr(f, "fo:margin-top", level == 1 ? "0.6cm" : "0.4cm");
	attr(f, "fo:margin-bottom", "0.2cm");
	attr(f, "fo:keep-with-next", "always");
	if (level == 1)
		attr(f, "fo:break-before", "page");
	end(f);
	start(f, "style:text-properties");
	attr(f, "fo:font-size", size);
	attr(f, "style:font-size-asian", size);
	attr(f, "fo:font-weight", "bold");
	attr(f, "style:font-weight-asian", "bold");
	attr(f, "fo:color", "#1f3b5c");
	end(f);
	end(f);
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
		exp_col_widths(t, cm);
		for (size_t c = 0; c < t->ncols; c++) {
			char name[48], w[32], rel[32];

			snprintf(name, sizeof name, "T%dC%zu", no, c);
			snprintf(w, sizeof w, "%.2fcm", cm[c]);
			snprintf(rel, sizeof rel, "%.0f*", cm[c] * 1000);
			start(f, "style:style");
			attr(f, "style:name", name);
			attr(f, "style:family", "table-column");
			start(f, "style:table-column-properties");
			attr(f, "style:column-width", w);
			attr(f, "style:rel-column-width", rel);
			end(f);
			end(f);
		}
		free(cm);
	}
}

static void styles(struct fw *f, const struct lc_doc *d)
{
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
	static const char *const desc_t[] = {
		"fo:font-style", "italic", "fo:font-size", "9pt",
		"style:font-size-asian", "9pt", "fo:color", "#444444", NULL };
	static const char *const foot_p[] = { "fo:text-align", "center",
					      NULL };
	static const char *const fig_p[] = { "fo:text-align", "center",
					     "fo:keep-with-next", "always",
					     NULL };

	start(f, "office:font-face-decls");
	start(f, "style:font-face");
	attr(f, "style:name", "Noto Sans CJK SC");
	attr(f, "svg:font-family", "'Noto Sans CJK SC'");
	attr(f, "style:font-family-generic", "swiss");
	end(f);
	end(f);
	start(f, "office:styles");
	start(f, "style:default-style");
	attr(f, "style:family", "paragraph");
	start(f, "style:text-properties");
	attr(f, "fo:language", f->en ? "en" : "zh");
	attr(f, "fo:country", f->en ? "GB" : "CN");
	attr(f, "style:language-asian", "zh");
	attr(f, "style:country-asian", "CN");
	end(f);
	end(f);
	pstyle(f, "Standard", NULL, std_p, std_t);
	pstyle(f, "Title", "Standard", title_p, title_t);
	pstyle(f, "Subtitle", "Standard", sub_p, sub_t);
	pstyle(f, "Meta", "Standard", meta_p, NULL);
	pstyle(f, "Caption", "Standard", cap_p, cap_t);
	pstyle(f, "Table_20_Contents", "Standard", tc_p, tc_t);
	pstyle(f, "Table_20_Heading", "Table_20_Contents", NULL, th_t);
	pstyle(f, "Table_20_Number", "Table_20_Contents", num_p, NULL);
	pstyle(f, "Table_20_Heading_20_Number", "Table_20_Heading", num_p,
	       NULL);
	pstyle(f, "Description", "Standard", NULL, desc_t);
	pstyle(f, "Footer", "Standard", foot_p, NULL);
	pstyle(f, "Figure", "Standard", fig_p, NULL);
	heading_style(f, 1, "17pt");
	heading_style(f, 2, "13.5pt");
	heading_style(f, 3, "11.5pt");
	end(f);

	start(f, "office:automatic-styles");
	start(f, "style:page-layout");
	attr(f, "style:name", "pm1");
	start(f, "style:page-layout-properties");
	attr(f, "fo:page-width", "21cm");
	attr(f, "fo:page-height", "29.7cm");
	attr(f, "style:print-orientation", "portrait");
	attr(f, "fo:margin-top", "2cm");
	attr(f, "fo:margin-bottom", "1.5cm");
	attr(f, "fo:margin-left", "2cm");
	attr(f, "fo:margin-right", "2cm");
	end(f);
	start(f, "style:footer-style");
	start(f, "style:header-footer-properties");
	attr(f, "fo:min-height", "0.6cm");
	attr(f, "fo:margin-top", "0.3cm");
	end(f);
	end(f);
	end(f);
	start(f, "style:style");
	attr(f, "style:name", "Tbl");
	attr(f, "style:family", "table");
	start(f, "style:table-properties");
	attr(f, "style:width", "17cm");
	attr(f, "table:align", "margins");
	attr(f, "fo:margin-bottom", "0.3cm");
	end(f);
	end(f);
	column_styles(f, d);
	/* a row is never split across pages */
	start(f, "style:style");
	attr(f, "style:name", "Row");
	attr(f, "style:family", "table-row");
	start(f, "style:table-row-properties");
	attr(f, "fo:keep-together", "always");
	end(f);
	end(f);
	start(f, "style:style");
	attr(f, "style:name", "Cell");
	attr(f, "style:family", "table-cell");
	start(f, "style:table-cell-properties");
	attr(f, "fo:border", "0.5pt solid #8a8a8a");
	attr(f, "fo:padding", "0.06cm");
	end(f);
	end(f);
	start(f, "style:style");
	attr(f, "style:name", "HeadCell");
	attr(f, "style:family", "table-cell");
	start(f, "style:table-cell-properties");
	attr(f, "fo:border", "0.5pt solid #8a8a8a");
	attr(f, "fo:padding", "0.06cm");
	attr(f, "fo:background-color", "#e3e9f0");
	end(f);
	end(f);
	start(f, "style:style");
	attr(f, "style:name", "fr1");
	attr(f, "style:family", "graphic");
	start(f, "style:graphic-properties");
	attr(f, "style:wrap", "none");
	attr(f, "style:horizontal-pos", "center");
	attr(f, "style:horizontal-rel", "paragraph");
	end(f);
	end(f);
	start(f, "text:list-style");
	attr(f, "style:name", "L1");
	start(f, "text:list-level-style-bullet");
	attr(f, "text:level", "1");
	attr(f, "text:bullet-char", "•");
	start(f, "style:list-level-properties");
	attr(f, "text:list-level-position-and-space-mode",
	     "label-alignment");
	start(f, "style:list-level-label-alignment");
	attr(f, "text:label-followed-by", "listtab");
	attr(f, "fo:text-indent", "-0.5cm");
	attr(f, "fo:margin-left", "0.9cm");
	end(f);
	end(f);
	end(f);
	end(f);
	end(f);

	start(f, "office:master-styles");
	start(f, "style:master-page");
	attr(f, "style:name", "Standard");
	attr(f, "style:page-layout-name", "pm1");
	start(f, "style:footer");
	start(f, "text:p");
	attr(f, "text:style-name", "Footer");
	start(f, "text:page-number");
	attr(f, "text:select-page", "current");
	end(f);
	end(f);
	end(f);
	end(f);
	end(f);
}

static void cell_row(struct fw *f, const struct doc_table *t, size_t r,
		     int head)
{
	start(f, "table:table-row");
	attr(f, "table:style-name", "Row");
	for (size_t c = 0; c < t->ncols; c++) {
		int num = t->align[c] == 'r';

		start(f, "table:table-cell");
		attr(f, "table:style-name", head ? "HeadCell" : "Cell");
		attr(f, "office:value-type", "string");
		para(f, head ? (num ? "Table_20_Heading_20_Number" :
				"Table_20_Heading") :
		     num ? "Table_20_Number" : "Table_20_Contents",
		     head ? t->head[c] : t->cells[r * t->ncols + c]);
		end(f);
	}
	end(f);
}

static void table(struct fw *f, const struct doc_table *t, int no)
{
	char name[48];

	snprintf(name, sizeof name, "Table%d", no);
	start(f, "table:table");
	attr(f, "table:name", name);
	attr(f, "table:style-name", "Tbl");
	for (size_t c = 0; c < t->ncols; c++) {
		snprintf(name, sizeof name, "T%dC%zu", no, c);
		start(f, "table:table-column");
		attr(f, "table:style-name", name);
		end(f);
	}
	start(f, "table:table-header-rows");
	cell_row(f, t, 0, 1);
	end(f);
	for (size_t r = 0; r < t->nrows; r++)
		cell_row(f, t, r, 0);
	end(f);
}

static void figure(struct fw *f, const struct doc_block *b, int no)
{
	double vw = 800, vh = 400, wcm = 17;
	const char *vb = strstr(b->svg, "viewBox=\"");
	char name[32], wbuf[32], hbuf[32];
	size_t len = strlen(b->svg);

	if (vb)
		(void)sscanf(vb, "viewBox=\"0 0 %lf %lf", &vw, &vh);
	if (!(vw > 0) || !(vh > 0))
		vw = 800, vh = 400;
	snprintf(wbuf, sizeof wbuf, "%.2fcm", wcm);
	snprintf(hbuf, sizeof hbuf, "%.2fcm", wcm * vh / vw);
	snprintf(name, sizeof name, "Figure%d", no);
	start(f, "text:p");
	attr(f, "text:style-name", "Figure");
	start(f, "draw:frame");
	attr(f, "draw:style-name", "fr1");
	attr(f, "draw:name", name);
	attr(f, "text:anchor-type", "as-char");
	attr(f, "svg:width", wbuf);
	attr(f, "svg:height", hbuf);
	attr(f, "draw:z-index", "0");
	start(f, "draw:image");
	attr(f, "draw:mime-type", "image/svg+xml");
	start(f, "office:binary-data");
	{
		/* Base64 through a memory stream, then written as text. */
		char *buf = NULL;
		size_t blen = 0;
		FILE *m = open_memstream(&buf, &blen);

		if (!m) {
			f->bad = 1;
		} else {
			exp_base64(m, b->svg, len, 1);
			if (fclose(m) != 0 ||
			    xmlTextWriterWriteString(f->w, X(buf)) < 0)
				f->bad = 1;
			free(buf);
		}
	}
	end(f);
	end(f);
	start(f, "svg:title");
	text(f, b->text);
	end(f);
	start(f, "svg:desc");
	text(f, b->desc);
	end(f);
	end(f);
	end(f);
}

int lc_doc_write_fodt(const struct lc_doc *d, FILE *fp,
		      struct lc_error *err)
{
	struct fw f = { NULL, 0, exp_is_en(d->lang) };
	xmlOutputBufferPtr ob;
	int fig = 0, tab = 0;
	char cap[64];

	if (d->broken)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory building the document");
	ob = xmlOutputBufferCreateFile(fp, NULL);
	if (!ob)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	f.w = xmlNewTextWriter(ob);
	if (!f.w) {
		xmlOutputBufferClose(ob);
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	}
	(void)xmlTextWriterSetIndent(f.w, 0);
	if (xmlTextWriterStartDocument(f.w, "1.0", "UTF-8", NULL) < 0)
		f.bad = 1;
	start(&f, "office:document");
	for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++)
		attr(&f, ns[i][0], ns[i][1]);
	attr(&f, "office:version", "1.3");
	attr(&f, "office:mimetype", "application/vnd.oasis.opendocument.text");
	start(&f, "office:meta");
	start(&f, "dc:title");
	text(&f, d->title);
	end(&f);
	start(&f, "dc:language");
	text(&f, f.en ? "en" : "zh-CN");
	end(&f);
	end(&f);
	styles(&f, d);
	start(&f, "office:body");
	start(&f, "office:text");
	para(&f, "Title", d->title);
	if (d->subtitle)
		para(&f, "Subtitle", d->subtitle);
	for (size_t i = 0; i < d->nlines; i++)
		para(&f, "Meta", d->lines[i]);
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_block *b = doc_blk(d, i);
		char lv[4];

		switch (b->kind) {
		case BLK_SECTION:
			snprintf(lv, sizeof lv, "%d", b->level);
			snprintf(cap, sizeof cap, "Heading_20_%d", b->level);
			start(&f, "text:h");
			attr(&f, "text:style-name", cap);
			attr(&f, "text:outline-level", lv);
			text(&f, b->text);
			end(&f);
			break;
		case BLK_PARA:
			para(&f, "Standard", b->text);
			break;
		case BLK_ITEM:
			start(&f, "text:list");
			attr(&f, "text:style-name", "L1");
			for (; i < d->n && doc_blk(d, i)->kind == BLK_ITEM;
			     i++) {
				start(&f, "text:list-item");
				para(&f, "Standard", doc_blk(d, i)->text);
				end(&f);
			}
			i--;
			end(&f);
			break;
		case BLK_TABLE:
			if (*b->text)
				para(&f, "Caption", b->text);
			table(&f, &b->tab, ++tab);
			break;
		case BLK_FIGURE:
			fig++;
			snprintf(cap, sizeof cap, f.en ? "Figure %d. " :
				 "图%d  ", fig);
			start(&f, "text:p");
			attr(&f, "text:style-name", "Caption");
			text(&f, cap);
			text(&f, b->text);
			end(&f);
			figure(&f, b, fig);
			para(&f, "Description", b->desc);
			table(&f, &b->tab, ++tab);
			break;
		}
	}
	end(&f);
	end(&f);
	end(&f);
	if (xmlTextWriterEndDocument(f.w) < 0)
		f.bad = 1;
	xmlFreeTextWriter(f.w);
	if (f.bad || fflush(fp) != 0 || ferror(fp))
		return lc_error_set(err, LC_EIO, NULL, 0, NULL,
				    "write error");
	return 0;
}
