/* xlsx_int.h - the workbook reader's insides, shared by xlsx_book.c (the
 * container, sheet list, shared strings) and xlsx_sheet.c (rows). */
#ifndef LC_IMPORTERS_XLSX_INT_H
#define LC_IMPORTERS_XLSX_INT_H

#include <zip.h>
#include <libxml/xmlreader.h>
#include "importers/xlsx.h"

/* The longest cell text or shared string taken (Excel's own limit is
 * 32,767 characters). */
#define XLSX_MAX_CELL (1 << 20)

/* A growing text buffer; s is NUL-terminated once anything was added. */
struct imp_buf {
	char *s;
	size_t len, cap;
};
/* Appends n bytes of s; -1 out of memory or past XLSX_MAX_CELL. */
int imp_buf_add(struct imp_buf *t, const char *s, size_t n);

struct imp_sheet {
	char name[128];    /* as the workbook names it */
	char rid[64];      /* its relationship id */
	char part[256];    /* its part in the zip ("xl/worksheets/...") */
};

/* Invariant: sheets[0..nsheets) are in workbook order; size[i] is entry
 * i's declared uncompressed size, checked against the limits; str holds
 * nstr shared strings. data (the whole file) outlives zip. */
struct imp_book {
	char path[256];
	char *data;
	size_t len;
	zip_t *zip;
	long long *size;
	struct imp_sheet *sheets;
	size_t nsheets;
	char **str;
	size_t nstr, capstr;
};

/* One XML part being streamed: the guard's state and why it refused. */
struct imp_part {
	char name[256];
	zip_file_t *zf;
	xmlTextReaderPtr rd;
	long long declared, done;
	char prev;           /* the byte before this chunk */
	int bang;            /* "<!" just seen */
	int refused, xml_error;
	char why[400];
};

int imp_part_open(struct imp_book *b, const char *name, struct imp_part *p,
		  struct lc_error *err);
/* Fills err with why the part failed (always LC_EDATA); returns it. */
int imp_part_fail(struct imp_book *b, struct imp_part *p,
		  struct lc_error *err);
void imp_part_close(struct imp_part *p);
char *imp_part_attr(struct imp_part *p, const char *local);

#endif
