/* fodt.c - the document model as a flat OpenDocument text (.fodt) written
 * with libxml2's xmlTextWriter: A4 pages with page numbers, styles for
 * headings, tables and captions, charts as embedded SVG images. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/fodt_xml.h"

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

/* The paragraph style of a cell: heading or not, number or not, dense
 * (a table set in the smaller type) or not. */
static const char *cell_style(int head, int num, int dense)
{
	static const char *const st[2][2][2] = {
		{ { "Table_20_Contents", "Table_20_Number" },
		  { "Table_20_Heading", "Table_20_Heading_20_Number" } },
		{ { "Dense_20_Contents", "Dense_20_Number" },
		  { "Dense_20_Heading", "Dense_20_Heading_20_Number" } } };

	return st[dense != 0][head != 0][num != 0];
}

static void cell_row(struct fw *f, const struct doc_table *t, size_t r,
		     int head, int dense)
{
	fw_start(f, "table:table-row");
	fw_attr(f, "table:style-name", "Row");
	for (size_t c = 0; c < t->ncols; c++) {
		int num = t->align[c] == 'r';

		fw_start(f, "table:table-cell");
		fw_attr(f, "table:style-name", head ? "HeadCell" : "Cell");
		fw_attr(f, "office:value-type", "string");
		fw_para(f, cell_style(head, num, dense),
			head ? t->head[c] : t->cells[r * t->ncols + c]);
		fw_end(f);
	}
	fw_end(f);
}

static void table(struct fw *f, const struct doc_table *t, int no,
		  double page)
{
	char name[48];
	double *cm = calloc(t->ncols + 1, sizeof *cm);
	int dense = cm ? exp_col_widths(t, page, cm) : 0;

	free(cm);
	snprintf(name, sizeof name, "Table%d", no);
	fw_start(f, "table:table");
	fw_attr(f, "table:name", name);
	/* tables break between rows, a row never (style Row); a table
	 * read whole, a catalog entry, never (style TblKeep: no break
	 * between rows; its heading keeps with it). A tall chart after
	 * such tables was once pushed over a page by a few lines: charts
	 * are at most FIG_MAX_CM high. */
	fw_attr(f, "table:style-name", t->keep ? "TblKeep" : "Tbl");
	for (size_t c = 0; c < t->ncols; c++) {
		snprintf(name, sizeof name, "T%dC%zu", no, c);
		fw_start(f, "table:table-column");
		fw_attr(f, "table:style-name", name);
		fw_end(f);
	}
	fw_start(f, "table:table-header-rows");
	cell_row(f, t, 0, 1, dense);
	fw_end(f);
	for (size_t r = 0; r < t->nrows; r++)
		cell_row(f, t, r, 0, dense);
	fw_end(f);
}

/* A tab stop at the right margin with a dotted leader (TOC lines). */
static void toc_template(struct fw *f, const char *level, const char *style)
{
	fw_start(f, "text:table-of-content-entry-template");
	fw_attr(f, "text:outline-level", level);
	fw_attr(f, "text:style-name", style);
	fw_start(f, "text:index-entry-link-start");
	fw_end(f);
	fw_start(f, "text:index-entry-text");
	fw_end(f);
	fw_start(f, "text:index-entry-tab-stop");
	fw_attr(f, "style:type", "right");
	fw_attr(f, "style:leader-char", ".");
	fw_end(f);
	fw_start(f, "text:index-entry-page-number");
	fw_end(f);
	fw_start(f, "text:index-entry-link-end");
	fw_end(f);
	fw_end(f);
}

/* A real index (LibreOffice, Word and WPS can update it) whose entries
 * are already there, each page number a reference to the heading's
 * bookmark that the office program fills as it lays the pages out. */
static void toc(struct fw *f, const struct lc_doc *d, size_t at)
{
	char ref[32];

	fw_start(f, "text:table-of-content");
	fw_attr(f, "text:protected", "true");
	fw_attr(f, "text:name", "Contents");
	fw_start(f, "text:table-of-content-source");
	fw_attr(f, "text:outline-level", "2");
	fw_attr(f, "text:use-outline-level", "true");
	fw_start(f, "text:index-title-template");
	fw_attr(f, "text:style-name", "Contents_20_Heading");
	fw_text(f, doc_blk(d, at)->text);
	fw_end(f);
	toc_template(f, "1", "Contents_20_1");
	toc_template(f, "2", "Contents_20_2");
	fw_end(f);
	fw_start(f, "text:index-body");
	fw_start(f, "text:index-title");
	fw_attr(f, "text:name", "Contents_Head");
	fw_para(f, "Contents_20_Heading", doc_blk(d, at)->text);
	fw_end(f);
	for (size_t k = at + 1; k < d->n; k++) {
		const struct doc_block *b = doc_blk(d, k);

		if (b->kind != BLK_SECTION || b->level > 2)
			continue;
		fw_start(f, "text:p");
		fw_attr(f, "text:style-name", b->level == 1 ? "Contents_20_1" :
		     "Contents_20_2");
		fw_text(f, b->text);
		fw_start(f, "text:tab");
		fw_end(f);
		snprintf(ref, sizeof ref, "s%zu", k);
		fw_start(f, "text:bookmark-ref");
		fw_attr(f, "text:reference-format", "page");
		fw_attr(f, "text:ref-name", ref);
		fw_text(f, "?");
		fw_end(f);
		fw_end(f);
	}
	fw_end(f);
	fw_end(f);
}

#define FIG_MAX_CM 13.0

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
	/* a tall chart (a MACC with its long key) made smaller, at most
	 * FIG_MAX_CM high: with its caption and description it would leave
	 * a page a third empty for the want of a few lines */
	if (wcm * vh / vw > FIG_MAX_CM)
		wcm = FIG_MAX_CM * vw / vh;
	snprintf(wbuf, sizeof wbuf, "%.2fcm", wcm);
	snprintf(hbuf, sizeof hbuf, "%.2fcm", wcm * vh / vw);
	snprintf(name, sizeof name, "Figure%d", no);
	fw_start(f, "text:p");
	fw_attr(f, "text:style-name", "Figure");
	fw_start(f, "draw:frame");
	fw_attr(f, "draw:style-name", "fr1");
	fw_attr(f, "draw:name", name);
	fw_attr(f, "text:anchor-type", "as-char");
	fw_attr(f, "svg:width", wbuf);
	fw_attr(f, "svg:height", hbuf);
	fw_attr(f, "draw:z-index", "0");
	fw_start(f, "draw:image");
	fw_attr(f, "draw:mime-type", "image/svg+xml");
	fw_start(f, "office:binary-data");
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
	fw_end(f);
	fw_end(f);
	fw_start(f, "svg:title");
	fw_text(f, b->text);
	fw_end(f);
	fw_start(f, "svg:desc");
	fw_text(f, b->desc);
	fw_end(f);
	fw_end(f);
	fw_end(f);
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
	fw_start(&f, "office:document");
	for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++)
		fw_attr(&f, ns[i][0], ns[i][1]);
	fw_attr(&f, "office:version", "1.3");
	fw_attr(&f, "office:mimetype", "application/vnd.oasis.opendocument.text");
	fw_start(&f, "office:meta");
	fw_start(&f, "dc:title");
	fw_text(&f, d->title);
	fw_end(&f);
	fw_start(&f, "dc:language");
	fw_text(&f, f.en ? "en" : "zh-CN");
	fw_end(&f);
	fw_end(&f);
	fodt_styles(&f, d);
	fw_start(&f, "office:body");
	fw_start(&f, "office:text");
	fw_para(&f, "Title", d->title);
	if (d->subtitle)
		fw_para(&f, "Subtitle", d->subtitle);
	for (size_t i = 0; i < d->nlines; i++)
		fw_para(&f, "Meta", d->lines[i]);
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_block *b = doc_blk(d, i);
		char lv[4];

		switch (b->kind) {
		case BLK_SECTION:
			snprintf(lv, sizeof lv, "%d", b->level);
			snprintf(cap, sizeof cap, "Heading_20_%d%s", b->level,
				 b->run_on ? "_20_Run" : "");
			fw_start(&f, "text:h");
			fw_attr(&f, "text:style-name", cap);
			fw_attr(&f, "text:outline-level", lv);
			snprintf(cap, sizeof cap, "s%zu", i);
			fw_start(&f, "text:bookmark");
			fw_attr(&f, "text:name", cap);
			fw_end(&f);
			fw_text(&f, b->text);
			fw_end(&f);
			break;
		case BLK_TOC:
			toc(&f, d, i);
			break;
		case BLK_PARA:
			fw_runs(&f, b->display ? "Formula" : "Standard", b);
			break;
		case BLK_ITEM:
			fw_start(&f, "text:list");
			fw_attr(&f, "text:style-name", "L1");
			for (; i < d->n && doc_blk(d, i)->kind == BLK_ITEM;
			     i++) {
				fw_start(&f, "text:list-item");
				fw_para(&f, "Standard", doc_blk(d, i)->text);
				fw_end(&f);
			}
			i--;
			fw_end(&f);
			break;
		case BLK_TABLE:
			if (*b->text)
				fw_para(&f, "Caption", b->text);
			table(&f, &b->tab, ++tab, exp_text_cm(d));
			break;
		case BLK_FIGURE:
			fig++;
			snprintf(cap, sizeof cap, f.en ? "Figure %d. " :
				 "图%d  ", fig);
			fw_start(&f, "text:p");
			fw_attr(&f, "text:style-name", "Caption");
			fw_text(&f, cap);
			fw_text(&f, b->text);
			fw_end(&f);
			figure(&f, b, fig);
			fw_para(&f, "Description", b->desc);
			table(&f, &b->tab, ++tab, exp_text_cm(d));
			break;
		}
	}
	fw_end(&f);
	fw_end(&f);
	fw_end(&f);
	if (xmlTextWriterEndDocument(f.w) < 0)
		f.bad = 1;
	xmlFreeTextWriter(f.w);
	if (f.bad || fflush(fp) != 0 || ferror(fp))
		return lc_error_set(err, LC_EIO, NULL, 0, NULL,
				    "write error");
	return 0;
}
