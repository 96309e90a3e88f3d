/* fodt_xml.h - exporters-private: the writer of the flat OpenDocument text
 * (fodt.c: the body; fodt_styles.c: the styles; fodt_xml.c: elements,
 * attributes and text through libxml2's xmlTextWriter). */
#ifndef LC_EXPORTERS_FODT_XML_H
#define LC_EXPORTERS_FODT_XML_H

#include <libxml/xmlwriter.h>
#include "exporters/internal.h"

#define X(s) ((const xmlChar *)(s))

/* Writer state: libxml2's calls return < 0 on error; we remember any. */
struct fw {
	xmlTextWriterPtr w;
	int bad;
	int en;
};

void fw_start(struct fw *f, const char *name);
void fw_end(struct fw *f);
void fw_attr(struct fw *f, const char *name, const char *val);
/* Text with what XML cannot hold dropped, isolated when bidirectional. */
void fw_text(struct fw *f, const char *s);
/* A paragraph of style holding s. */
void fw_para(struct fw *f, const char *style, const char *s);
/* A paragraph of style holding b's text, its formulas as ODF formula
 * objects (math.h). */
void fw_runs(struct fw *f, const char *style, const struct doc_block *b);
/* A paragraph style with paragraph and text properties given as
 * NULL-terminated name/value lists (either may be NULL). */
void fw_pstyle(struct fw *f, const char *name, const char *parent,
	       const char *const *pp, const char *const *tp);
/* office:font-face-decls, office:styles, office:automatic-styles (one
 * column style "TnCk" per table column) and office:master-styles. */
void fodt_styles(struct fw *f, const struct lc_doc *d);

#endif
