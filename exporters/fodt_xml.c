/* fodt_xml.c - the elements, attributes and text of the flat ODF
 * writer, any libxml2 error remembered in the writer's state. */
#include <stdlib.h>
#include <string.h>
#include "exporters/fodt_xml.h"
#include "exporters/math.h"

void fw_start(struct fw *f, const char *name)
{
	if (xmlTextWriterStartElement(f->w, X(name)) < 0)
		f->bad = 1;
}

void fw_end(struct fw *f)
{
	if (xmlTextWriterEndElement(f->w) < 0)
		f->bad = 1;
}

void fw_attr(struct fw *f, const char *name, const char *val)
{
	if (xmlTextWriterWriteAttribute(f->w, X(name), X(val)) < 0)
		f->bad = 1;
}

/* Text with control characters and non-characters dropped (XML 1.0
 * cannot hold them), and isolated (FSI ... PDI) when it holds
 * bidirectional controls, so that it cannot reorder what follows. */
void fw_text(struct fw *f, const char *s)
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

void fw_para(struct fw *f, const char *style, const char *s)
{
	fw_start(f, "text:p");
	fw_attr(f, "text:style-name", style);
	fw_text(f, s);
	fw_end(f);
}

/* A formula as an ODF formula object in the text: a frame anchored as a
 * character, sized from the formula's extent at LibreOffice Math's 12
 * pt (0.4233 cm an em), holding the MathML. */
static void fw_formula(struct fw *f, const struct exp_math *m, int display)
{
	char *buf = NULL, v[32];
	size_t n = 0;
	double w, h;
	FILE *mem = open_memstream(&buf, &n);

	if (!mem) {
		f->bad = 1;
		return;
	}
	exp_math_mathml_odf(mem, m, display);
	if (fclose(mem) != 0 || !buf) {
		free(buf);
		f->bad = 1;
		return;
	}
	exp_math_extent(m, &w, &h);
	fw_start(f, "draw:frame");
	fw_attr(f, "draw:style-name", "Formula_20_Frame");
	fw_attr(f, "text:anchor-type", "as-char");
	snprintf(v, sizeof v, "%.2fcm", w * 0.4233);
	fw_attr(f, "svg:width", v);
	snprintf(v, sizeof v, "%.2fcm", h * 0.4233);
	fw_attr(f, "svg:height", v);
	fw_start(f, "draw:object");
	if (xmlTextWriterWriteRaw(f->w, X(buf)) < 0)
		f->bad = 1;
	fw_end(f);
	fw_end(f);
	free(buf);
}

void fw_runs(struct fw *f, const char *style, const struct doc_block *b)
{
	if (!b->nrun) {
		fw_para(f, style, b->text);
		return;
	}
	fw_start(f, "text:p");
	fw_attr(f, "text:style-name", style);
	for (size_t k = 0; k < b->nrun; k++) {
		if (b->run[k].math)
			fw_formula(f, b->run[k].math, b->display);
		else if (!b->display)
			fw_text(f, b->run[k].text);
	}
	fw_end(f);
}

/* A style element with paragraph and text properties given as
 * NULL-terminated name/value lists. */
void fw_pstyle(struct fw *f, const char *name, const char *parent,
		   const char *const *pp, const char *const *tp)
{
	fw_start(f, "style:style");
	fw_attr(f, "style:name", name);
	fw_attr(f, "style:family", "paragraph");
	if (parent)
		fw_attr(f, "style:parent-style-name", parent);
	if (pp) {
		fw_start(f, "style:paragraph-properties");
		for (; pp[0]; pp += 2)
			fw_attr(f, pp[0], pp[1]);
		fw_end(f);
	}
	if (tp) {
		fw_start(f, "style:text-properties");
		for (; tp[0]; tp += 2)
			fw_attr(f, tp[0], tp[1]);
		fw_end(f);
	}
	fw_end(f);
}
