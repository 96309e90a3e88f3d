/* xlsx_book.c - the container of a workbook: the zip (libzip, from memory,
 * every entry's declared size and ratio checked before it is inflated and
 * its bytes counted while it is), each XML part streamed through libxml2's
 * reader with no DTD, no entity and no network, the sheet list and the
 * shared strings. The rows of a sheet are read by xlsx_sheet.c. */
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <libxml/xmlreader.h>
#include "importers/xlsx_int.h"

/* An entry may inflate to this many bytes at most, all of them together
 * to XLSX_MAX_TOTAL, and an entry past XLSX_RATIO_FLOOR bytes to at most
 * XLSX_MAX_RATIO times its compressed size (deflate's own limit is about
 * 1032; zip bombs live there, spreadsheets below 100). */
#define XLSX_MAX_ENTRY (512LL << 20)
#define XLSX_MAX_TOTAL (1LL << 30)
#define XLSX_RATIO_FLOOR (1LL << 20)
#define XLSX_MAX_RATIO 200
#define XLSX_MAX_ENTRIES 10000
#define XLSX_MAX_SHEETS 256
#define XLSX_MAX_STRINGS 4000000

int imp_xlsx_sniff(const unsigned char *head, size_t n)
{
	return n >= 4 && memcmp(head, "PK\003\004", 4) == 0;
}

const char *imp_book_path(const struct imp_book *b)
{
	return b->path;
}

size_t imp_book_nsheets(const struct imp_book *b)
{
	return b->nsheets;
}

const char *imp_book_sheet(const struct imp_book *b, size_t i)
{
	return i < b->nsheets ? b->sheets[i].name : NULL;
}

long imp_book_find(const struct imp_book *b, const char *name)
{
	for (size_t i = 0; i < b->nsheets; i++)
		if (strcmp(b->sheets[i].name, name) == 0)
			return (long)i;
	return -1;
}

char *imp_xlsx_ref(size_t col, long row, char *buf, size_t n)
{
	char letters[8];
	size_t k = sizeof letters - 1;
	letters[k] = '\0';
	col++;
	while (col && k) {
		letters[--k] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	snprintf(buf, n, "%s%ld", letters + k, row);
	return buf;
}

char *imp_xlsx_where(const struct imp_book *b, size_t sheet, size_t col,
		     long row, char *buf, size_t n)
{
	char ref[32];
	const char *name = imp_book_sheet(b, sheet);
	if (col == (size_t)-1)
		snprintf(ref, sizeof ref, "%ld:%ld", row, row);
	else
		imp_xlsx_ref(col, row, ref, sizeof ref);
	snprintf(buf, n, "%s:%s!%s", b->path, name ? name : "?", ref);
	return buf;
}

char *imp_xlsx_header_key(const char *cell, char *buf, size_t n)
{
	const char *nl = strrchr(cell, '\n');
	snprintf(buf, n, "%s", nl ? nl + 1 : cell);
	return imp_trim(buf);
}

/* ---- XML parts ---------------------------------------------------------
 * A part is inflated as libxml2 asks for bytes; the guard refuses any
 * markup declaration ("<!" and a letter: DOCTYPE, ENTITY), so that nothing
 * a part declares is ever used, and counts the bytes against the entry's
 * declared size. */

static int part_read(void *ctx, char *buf, int len)
{
	struct imp_part *p = ctx;
	zip_int64_t k;
	if (p->refused)
		return -1;
	k = zip_fread(p->zf, buf, (zip_uint64_t)len);
	if (k < 0) {
		snprintf(p->why, sizeof p->why, "part '%s' is corrupt: %s",
			 p->name, zip_file_strerror(p->zf));
		p->refused = 1;
		return -1;
	}
	p->done += k;
	if (p->done > p->declared) {
		snprintf(p->why, sizeof p->why, "part '%s' inflates past its "
			 "declared size (%lld bytes): refused as a zip bomb",
			 p->name, p->declared);
		p->refused = 1;
		return -1;
	}
	for (zip_int64_t i = 0; i < k; i++) {
		char c = buf[i];
		if (p->prev == '<' && c == '!' ) {
			p->bang = 1;
		} else if (p->bang) {
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
				snprintf(p->why, sizeof p->why, "part '%s' "
					 "has a DOCTYPE or entity declaration: "
					 "refused", p->name);
				p->refused = 1;
				return -1;
			}
			p->bang = 0;
		}
		p->prev = c;
	}
	return (int)k;
}

static int part_close(void *ctx)
{
	(void)ctx;
	return 0;
}

static void part_xml_error(void *ctx, xmlErrorPtr e)
{
	struct imp_part *p = ctx;
	if (p->refused || p->xml_error || !e || e->level < XML_ERR_ERROR)
		return;
	p->xml_error = 1;
	snprintf(p->why, sizeof p->why, "part '%s' is not well-formed XML "
		 "(line %d): %s", p->name, e->line, e->message ?
		 e->message : "?");
	p->why[strcspn(p->why, "\n")] = '\0';
}

static void quiet(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

int imp_part_open(struct imp_book *b, const char *name, struct imp_part *p,
		  struct lc_error *err)
{
	zip_int64_t i;
	memset(p, 0, sizeof *p);
	snprintf(p->name, sizeof p->name, "%s", name);
	i = zip_name_locate(b->zip, name, 0);
	if (i < 0)
		return lc_error_set(err, LC_EDATA, b->path, 0, NULL, "not a "
				    "workbook: part '%s' is missing", name);
	p->declared = b->size[i];
	p->zf = zip_fopen_index(b->zip, (zip_uint64_t)i, 0);
	if (!p->zf)
		return lc_error_set(err, LC_EDATA, b->path, 0, NULL, "part "
				    "'%s' cannot be read: %s", name,
				    zip_strerror(b->zip));
	/* libxml2's encoding layer reports through the generic handler,
	 * past the reader's: only our own message is printed */
	xmlSetGenericErrorFunc(NULL, quiet);
	p->rd = xmlReaderForIO(part_read, part_close, p, name, NULL,
			       XML_PARSE_NONET | XML_PARSE_NOERROR |
			       XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
	if (!p->rd) {
		zip_fclose(p->zf);
		p->zf = NULL;
		return lc_error_set(err, LC_ENOMEM, b->path, 0, NULL,
				    "out of memory");
	}
	xmlTextReaderSetStructuredErrorHandler(p->rd, part_xml_error, p);
	return 0;
}

int imp_part_fail(struct imp_book *b, struct imp_part *p,
		  struct lc_error *err)
{
	if (p->refused || p->xml_error)
		return lc_error_set(err, LC_EDATA, b->path, 0, NULL, "%s",
				    p->why);
	return lc_error_set(err, LC_EDATA, b->path, 0, NULL, "part '%s' "
			    "is not well-formed XML", p->name);
}

void imp_part_close(struct imp_part *p)
{
	if (p->rd)
		xmlFreeTextReader(p->rd);
	if (p->zf)
		zip_fclose(p->zf);
	p->rd = NULL;
	p->zf = NULL;
}

/* The value of attribute local name (any namespace) of the current
 * element, or NULL; free with xmlFree. */
char *imp_part_attr(struct imp_part *p, const char *local)
{
	char *v = NULL;
	if (xmlTextReaderMoveToFirstAttribute(p->rd) != 1)
		return NULL;
	do {
		const char *n = (const char *)xmlTextReaderConstLocalName(p->rd);
		if (n && strcmp(n, local) == 0) {
			v = (char *)xmlTextReaderValue(p->rd);
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(p->rd) == 1);
	xmlTextReaderMoveToElement(p->rd);
	return v;
}

/* ---- the container ------------------------------------------------------ */

/* Reads the whole input into memory (bounded by the input limit). */
static int slurp(const char *path, char **data, size_t *len,
		 struct lc_error *err)
{
	FILE *fp = lc_file_open(path, NULL, err);
	size_t cap = 1 << 16, n = 0;
	char *buf;
	if (!fp)
		return err ? err->status : LC_EIO;
	buf = malloc(cap);
	while (buf) {
		size_t k = fread(buf + n, 1, cap - n, fp);
		n += k;
		if (n < cap)
			break;
		cap *= 2;
		char *nb = realloc(buf, cap);
		if (!nb) {
			free(buf);
			buf = NULL;
		} else {
			buf = nb;
		}
	}
	if (!buf || ferror(fp)) {
		int bad = !buf;
		free(buf);
		fclose(fp);
		return bad ? lc_error_set(err, LC_ENOMEM, path, 0, NULL,
					  "out of memory") :
			lc_error_set(err, LC_EIO, path, 0, NULL, "unable to "
				     "read '%s'", path);
	}
	fclose(fp);
	*data = buf;
	*len = n;
	return 0;
}

/* Checks every entry's declared sizes before any is inflated. */
static int check_entries(struct imp_book *b, struct lc_error *err)
{
	zip_int64_t n = zip_get_num_entries(b->zip, 0), i;
	long long total = 0;
	if (n < 0 || n > XLSX_MAX_ENTRIES)
		return lc_error_set(err, LC_EDATA, b->path, 0, NULL, "not a "
				    "workbook: %lld entries in the zip",
				    (long long)n);
	b->size = calloc((size_t)n + 1, sizeof *b->size);
	if (!b->size)
		return lc_error_set(err, LC_ENOMEM, b->path, 0, NULL,
				    "out of memory");
	for (i = 0; i < n; i++) {
		zip_stat_t st;
		long long sz, comp;
		zip_stat_init(&st);
		if (zip_stat_index(b->zip, (zip_uint64_t)i, 0, &st) != 0 ||
		    !(st.valid & ZIP_STAT_SIZE) ||
		    !(st.valid & ZIP_STAT_COMP_SIZE) || !st.name)
			return lc_error_set(err, LC_EDATA, b->path, 0, NULL,
					    "not a workbook: entry %lld of "
					    "the zip is unreadable",
					    (long long)i);
		sz = (long long)st.size;
		comp = (long long)st.comp_size;
		if (strncmp(st.name, "xl/externalLinks/", 17) == 0)
			return lc_error_set(err, LC_EDATA, b->path, 0, NULL,
					    "the workbook links to another "
					    "workbook ('%s'): external links "
					    "are refused; paste the values",
					    st.name);
		if (sz > XLSX_MAX_ENTRY ||
		    (sz > XLSX_RATIO_FLOOR &&
		     sz / (comp > 0 ? comp : 1) > XLSX_MAX_RATIO))
			return lc_error_set(err, LC_EDATA, b->path, 0, NULL,
					    "part '%s' would inflate from %lld "
					    "to %lld bytes: refused as a zip "
					    "bomb", st.name, comp, sz);
		total += sz;
		if (total > XLSX_MAX_TOTAL)
			return lc_error_set(err, LC_EDATA, b->path, 0, NULL,
					    "the workbook would inflate to "
					    "more than %lld bytes: refused as "
					    "a zip bomb", XLSX_MAX_TOTAL);
		b->size[i] = sz;
	}
	return 0;
}

/* The target of every relationship of the workbook, by id. */
static int read_rels(struct imp_book *b, struct lc_error *err)
{
	struct imp_part p;
	int rc = imp_part_open(b, "xl/_rels/workbook.xml.rels", &p, err), r;
	if (rc)
		return rc;
	while ((r = xmlTextReaderRead(p.rd)) == 1) {
		const char *nm;
		char *id, *target, *mode;
		if (xmlTextReaderNodeType(p.rd) != XML_READER_TYPE_ELEMENT)
			continue;
		nm = (const char *)xmlTextReaderConstLocalName(p.rd);
		if (!nm || strcmp(nm, "Relationship") != 0)
			continue;
		id = imp_part_attr(&p, "Id");
		target = imp_part_attr(&p, "Target");
		mode = imp_part_attr(&p, "TargetMode");
		if (mode && strcmp(mode, "External") == 0) {
			rc = lc_error_set(err, LC_EDATA, b->path, 0, NULL,
					  "the workbook refers to an outside "
					  "resource ('%s'): external links "
					  "are refused", target ? target :
					  "?");
		}
		for (size_t i = 0; rc == 0 && id && target &&
		     i < b->nsheets; i++) {
			if (strcmp(b->sheets[i].rid, id) != 0)
				continue;
			if (target[0] == '/')
				snprintf(b->sheets[i].part,
					 sizeof b->sheets[i].part, "%s",
					 target + 1);
			else
				snprintf(b->sheets[i].part,
					 sizeof b->sheets[i].part, "xl/%s",
					 target);
		}
		xmlFree(id);
		xmlFree(target);
		xmlFree(mode);
		if (rc)
			break;
	}
	if (rc == 0 && r < 0)
		rc = imp_part_fail(b, &p, err);
	imp_part_close(&p);
	return rc;
}

static int read_workbook(struct imp_book *b, struct lc_error *err)
{
	struct imp_part p;
	int rc = imp_part_open(b, "xl/workbook.xml", &p, err), r;
	if (rc)
		return rc;
	while ((r = xmlTextReaderRead(p.rd)) == 1) {
		const char *nm;
		char *name, *rid;
		struct imp_sheet *sh;
		if (xmlTextReaderNodeType(p.rd) != XML_READER_TYPE_ELEMENT)
			continue;
		nm = (const char *)xmlTextReaderConstLocalName(p.rd);
		if (!nm || strcmp(nm, "sheet") != 0)
			continue;
		if (b->nsheets == XLSX_MAX_SHEETS) {
			rc = lc_error_set(err, LC_EDATA, b->path, 0, NULL,
					  "more than %d sheets",
					  XLSX_MAX_SHEETS);
			break;
		}
		name = imp_part_attr(&p, "name");
		rid = imp_part_attr(&p, "id");
		sh = &b->sheets[b->nsheets++];
		snprintf(sh->name, sizeof sh->name, "%s", name ? name : "");
		snprintf(sh->rid, sizeof sh->rid, "%s", rid ? rid : "");
		xmlFree(name);
		xmlFree(rid);
	}
	if (rc == 0 && r < 0)
		rc = imp_part_fail(b, &p, err);
	imp_part_close(&p);
	if (rc == 0 && b->nsheets == 0)
		rc = lc_error_set(err, LC_EDATA, b->path, 0, NULL, "the "
				  "workbook has no sheet");
	return rc;
}

static int add_string(struct imp_book *b, const char *s, size_t len,
		      struct lc_error *err)
{
	char *c;
	if (b->nstr == XLSX_MAX_STRINGS)
		return lc_error_set(err, LC_EDATA, b->path, 0, NULL, "more "
				    "than %d shared strings",
				    XLSX_MAX_STRINGS);
	if (b->nstr == b->capstr) {
		size_t cap = b->capstr ? 2 * b->capstr : 256;
		char **ns = realloc(b->str, cap * sizeof *ns);
		if (!ns)
			return lc_error_set(err, LC_ENOMEM, b->path, 0, NULL,
					    "out of memory");
		b->str = ns;
		b->capstr = cap;
	}
	c = malloc(len + 1);
	if (!c)
		return lc_error_set(err, LC_ENOMEM, b->path, 0, NULL,
				    "out of memory");
	memcpy(c, s, len);
	c[len] = '\0';
	b->str[b->nstr++] = c;
	return 0;
}

/* The shared strings (optional part): each <si>'s text, the runs of rich
 * text joined, phonetic guides (<rPh>) left out. */
static int read_strings(struct imp_book *b, struct lc_error *err)
{
	struct imp_part p;
	struct imp_buf t = { 0 };
	int rc, r, in_si = 0, rph = -1, tdepth = -1;
	if (zip_name_locate(b->zip, "xl/sharedStrings.xml", 0) < 0)
		return 0;
	rc = imp_part_open(b, "xl/sharedStrings.xml", &p, err);
	if (rc)
		return rc;
	while (rc == 0 && (r = xmlTextReaderRead(p.rd)) == 1) {
		int type = xmlTextReaderNodeType(p.rd);
		int depth = xmlTextReaderDepth(p.rd);
		const char *nm = (const char *)xmlTextReaderConstLocalName(p.rd);
		if (type == XML_READER_TYPE_ELEMENT) {
			int empty = xmlTextReaderIsEmptyElement(p.rd);
			if (strcmp(nm, "si") == 0) {
				t.len = 0;
				in_si = 1;
				if (empty) {
					rc = add_string(b, "", 0, err);
					in_si = 0;
				}
			} else if (in_si && strcmp(nm, "rPh") == 0 && !empty) {
				rph = depth;
			} else if (in_si && rph < 0 && strcmp(nm, "t") == 0 &&
				   !empty) {
				tdepth = depth;
			}
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			if (strcmp(nm, "si") == 0 && in_si) {
				rc = add_string(b, t.len ? t.s : "", t.len,
						err);
				in_si = 0;
			} else if (depth == rph) {
				rph = -1;
			} else if (depth == tdepth) {
				tdepth = -1;
			}
		} else if (tdepth >= 0 && (type == XML_READER_TYPE_TEXT ||
			   type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
			   type == XML_READER_TYPE_CDATA)) {
			const char *v = (const char *)xmlTextReaderConstValue(
				p.rd);
			if (imp_buf_add(&t, v, strlen(v)))
				rc = lc_error_set(err, LC_ENOMEM, b->path, 0,
						  NULL, "out of memory");
		}
	}
	if (rc == 0 && r < 0)
		rc = imp_part_fail(b, &p, err);
	imp_part_close(&p);
	free(t.s);
	return rc;
}

int imp_buf_add(struct imp_buf *t, const char *s, size_t n)
{
	if (t->len + n + 1 > XLSX_MAX_CELL)
		return -1;
	if (t->len + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 256;
		char *ns;
		while (cap < t->len + n + 1)
			cap *= 2;
		ns = realloc(t->s, cap);
		if (!ns)
			return -1;
		t->s = ns;
		t->cap = cap;
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
	return 0;
}

int imp_book_open(struct imp_book **out, const char *path,
		  struct lc_error *err)
{
	struct imp_book *b = calloc(1, sizeof *b);
	zip_error_t ze;
	zip_source_t *src;
	int rc;

	*out = NULL;
	if (!b)
		return lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				    "out of memory");
	snprintf(b->path, sizeof b->path, "%s", path);
	rc = slurp(path, &b->data, &b->len, err);
	if (rc)
		goto fail;
	zip_error_init(&ze);
	src = zip_source_buffer_create(b->data, b->len, 0, &ze);
	if (src) {
		b->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
					      &ze);
		if (!b->zip)
			zip_source_free(src);
	}
	if (!b->zip) {
		rc = lc_error_set(err, LC_EDATA, path, 0, NULL, "not a "
				  "readable workbook (.xlsx): %s",
				  zip_error_strerror(&ze));
		zip_error_fini(&ze);
		goto fail;
	}
	zip_error_fini(&ze);
	b->sheets = calloc(XLSX_MAX_SHEETS, sizeof *b->sheets);
	if (!b->sheets) {
		rc = lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				  "out of memory");
		goto fail;
	}
	rc = check_entries(b, err);
	if (rc == 0)
		rc = read_workbook(b, err);
	if (rc == 0)
		rc = read_rels(b, err);
	if (rc == 0)
		rc = read_strings(b, err);
	if (rc)
		goto fail;
	*out = b;
	return 0;
fail:
	imp_book_free(b);
	return rc;
}

void imp_book_free(struct imp_book *b)
{
	if (!b)
		return;
	if (b->zip)
		zip_discard(b->zip);
	for (size_t i = 0; i < b->nstr; i++)
		free(b->str[i]);
	free(b->str);
	free(b->sheets);
	free(b->size);
	free(b->data);
	free(b);
}
