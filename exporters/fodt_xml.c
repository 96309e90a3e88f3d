/* fodt_xml.c - the elements, attributes and text of the flat ODF
 * writer, any libxml2 error remembered in the writer's state. */
#include <stdlib.h>
#include <string.h>
#include "exporters/fodt_xml.h"

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
