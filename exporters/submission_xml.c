/* submission_xml.c - dossiers written as submission XML
 * (schema/submission.xsd) with libxml2's xmlTextWriter, so that catalog
 * exports re-import to the same catalog: quantities as the submitter wrote
 * them, status kept. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlwriter.h>
#include "exporters/exporters.h"

#define NS "urn:lowcarb:submission:1"

/* The submitter block of the schema: its elements and their fields. */
static const int sub_field[5] = {
	LC_F_SUBMITTER, LC_F_CREDIT_CODE, LC_F_CONTACT, LC_F_EMAIL,
	LC_F_PHONE
};
static const char *const sub_elem[5] = {
	"organisation", "credit_code", "contact", "email", "phone"
};

/* started: root written; top: the root submitter block's values. */
struct lc_xml_writer {
	xmlTextWriterPtr w;
	char *edition;
	int started;
	int failed;
	char *top[5];
	char *scratch;        /* text() output */
	size_t cap;
};

#define X(s) ((const xmlChar *)(s))

/* s without what XML 1.0 cannot hold (C0 controls but tab and line ends,
 * U+FFFE, U+FFFF): imports refuse them, but a catalog written before
 * they did may hold them, and an export must stay well-formed. Valid
 * until the next call. */
static const char *text(struct lc_xml_writer *x, const char *s)
{
	size_t n = strlen(s ? s : ""), o = 0;
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	if (n + 1 > x->cap) {
		char *b = realloc(x->scratch, n + 1);

		if (!b) {
			x->failed = 1;
			return "";
		}
		x->scratch = b;
		x->cap = n + 1;
	}
	for (; *p; p++)
		if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE ||
						       p[2] == 0xBF))
			p += 2;
		else if (*p >= 0x20 || *p == '\t' || *p == '\n' ||
			 *p == '\r')
			x->scratch[o++] = (char)*p;
	x->scratch[o] = '\0';
	return x->scratch;
}

static void chk(struct lc_xml_writer *x, int rc)
{
	if (rc < 0)
		x->failed = 1;
}

int lc_xml_writer_begin(struct lc_xml_writer **out, FILE *fp,
			const char *edition, struct lc_error *err)
{
	struct lc_xml_writer *x = calloc(1, sizeof *x);
	xmlOutputBufferPtr buf;
	*out = NULL;
	if (!x)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	buf = xmlOutputBufferCreateFile(fp, NULL);
	x->w = buf ? xmlNewTextWriter(buf) : NULL;
	if (!x->w) {
		if (buf)
			xmlOutputBufferClose(buf);
		free(x);
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	}
	if (edition) {
		x->edition = strdup(edition);
		if (!x->edition) {
			xmlFreeTextWriter(x->w);
			free(x);
			return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
					    "out of memory");
		}
	}
	xmlTextWriterSetIndent(x->w, 1);
	xmlTextWriterSetIndentString(x->w, X("  "));
	chk(x, xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL));
	*out = x;
	return 0;
}

/* 1 when a quantity's text as written is a range ("10%-20%", "50~70": a
 * foreign catalog's, of which the import took one end or the midpoint):
 * it does not read back to the number it stood for, which is written
 * instead. */
static int is_range(const char *s)
{
	static const char *const dash[] = { "-", "~", "\u2013", "\u2014",
					    "\uff5e", "\u81f3", NULL };
	int digit = 0;

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			digit = 1;
			continue;
		}
		for (int i = 0; digit && dash[i]; i++)
			if (!strncmp(s, dash[i], strlen(dash[i])) &&
			    strpbrk(s + strlen(dash[i]), "0123456789"))
				return 1;
	}
	return 0;
}

static void elem(struct lc_xml_writer *x, const char *name, const char *v)
{
	if (v && *v)
		chk(x, xmlTextWriterWriteElement(x->w, X(name), X(text(x, v))));
}

static void submitter(struct lc_xml_writer *x, const struct lc_tech *t)
{
	int i;
	chk(x, xmlTextWriterStartElement(x->w, X("submitter")));
	for (i = 0; i < 5; i++) {
		const char *v = lc_tech_get(t, sub_field[i]);
		/* organisation and credit_code are required by the schema */
		if (i < 2 && !v)
			v = "";
		if (i < 2)
			chk(x, xmlTextWriterWriteElement(x->w,
				X(sub_elem[i]), X(text(x, v))));
		else
			elem(x, sub_elem[i], v);
	}
	chk(x, xmlTextWriterEndElement(x->w));
}

static int same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static void start_root(struct lc_xml_writer *x, const struct lc_tech *t)
{
	int i;
	const char *ed = x->edition;
	if (!ed && t)
		ed = lc_tech_get(t, LC_F_EDITION);
	if (!x->edition && ed)
		x->edition = strdup(ed);
	chk(x, xmlTextWriterStartElementNS(x->w, NULL, X("submissions"),
					   X(NS)));
	chk(x, xmlTextWriterWriteAttribute(x->w, X("edition"),
					   X(ed ? ed : "")));
	x->started = 1;
	if (!t)
		return;
	submitter(x, t);
	for (i = 0; i < 5; i++) {
		const char *v = lc_tech_get(t, sub_field[i]);
		x->top[i] = v ? strdup(v) : NULL;
		if (v && !x->top[i])
			x->failed = 1;
	}
}

static void owners(struct lc_xml_writer *x, const char *v)
{
	const char *p = v;
	chk(x, xmlTextWriterStartElement(x->w, X("owners")));
	while (*p) {
		const char *e = strchr(p, ';');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *one = malloc(n + 1);
		if (!one) {
			x->failed = 1;
			break;
		}
		memcpy(one, p, n);
		one[n] = '\0';
		if (n)
			elem(x, "owner", one);
		free(one);
		p += n;
		if (*p)
			p++;
	}
	chk(x, xmlTextWriterEndElement(x->w));
}

static void demos(struct lc_xml_writer *x, const struct lc_tech *t)
{
	size_t i, n = lc_tech_demo_count(t);
	const char *count = lc_tech_get(t, LC_F_DEMONSTRATIONS);
	char b[40];
	if (!count && n == 0)
		return;
	chk(x, xmlTextWriterStartElement(x->w, X("demonstrations")));
	if (count)
		chk(x, xmlTextWriterWriteAttribute(x->w, X("count"),
						   X(count)));
	for (i = 0; i < n; i++) {
		const struct lc_demo *d = lc_tech_demo(t, i);
		chk(x, xmlTextWriterStartElement(x->w, X("project")));
		elem(x, "site", d->site);
		elem(x, "enterprise", d->enterprise);
		if (d->year) {
			snprintf(b, sizeof b, "%d", d->year);
			elem(x, "year", b);
		}
		elem(x, "capacity", d->capacity);
		if (!isnan(d->abatement) &&
		    lc_num_format(d->abatement, b, sizeof b))
			elem(x, "abatement", b);
		elem(x, "site_en", d->site_en);
		elem(x, "enterprise_en", d->enterprise_en);
		elem(x, "capacity_en", d->capacity_en);
		chk(x, xmlTextWriterEndElement(x->w));
	}
	chk(x, xmlTextWriterEndElement(x->w));
}

int lc_xml_writer_add(struct lc_xml_writer *x, const struct lc_tech *t,
		      struct lc_error *err)
{
	int f, i, own = 0;
	const char *ed = lc_tech_get(t, LC_F_EDITION);
	if (!x->started)
		start_root(x, t);
	for (i = 0; i < 5; i++)
		if (!same(x->top[i], lc_tech_get(t, sub_field[i])))
			own = 1;
	chk(x, xmlTextWriterStartElement(x->w, X("technology")));
	chk(x, xmlTextWriterWriteAttribute(x->w, X("id"),
		X(lc_tech_get(t, LC_F_ID) ? lc_tech_get(t, LC_F_ID) : "")));
	if (ed && !same(ed, x->edition))
		chk(x, xmlTextWriterWriteAttribute(x->w, X("edition"),
						   X(ed)));
	if (own)
		submitter(x, t);
	for (f = 0; f < LC_F__COUNT; f++) {
		const char *v = lc_tech_get(t, f), *src;
		switch (f) {
		case LC_F_ID: case LC_F_EDITION: case LC_F_SUBMITTER:
		case LC_F_CREDIT_CODE: case LC_F_CONTACT: case LC_F_EMAIL:
		case LC_F_PHONE: case LC_F_DEMONSTRATIONS: case LC_F_PROJECTS:
			continue;
		case LC_F_NAME_ZH:
			/* absent only from a foreign catalog's dossier */
			elem(x, "name_zh", v);
			continue;
		case LC_F_SECTOR: case LC_F_CATEGORY:
		case LC_F_TRL: case LC_F_SUMMARY:
			/* required by the schema: written even when empty */
			chk(x, xmlTextWriterWriteElement(x->w,
				X(lc_field_name(f)), X(text(x, v))));
			continue;
		case LC_F_OWNERS:
			if (v && *v)
				owners(x, v);
			continue;
		default:
			break;
		}
		if (!v)
			continue;
		src = lc_field_type(f) == LC_FT_NUM ? lc_tech_src(t, f) : NULL;
		elem(x, lc_field_name(f), src && !is_range(src) ? src : v);
	}
	demos(x, t);
	if (lc_tech_status(t) != LC_ST_SUBMITTED) {
		chk(x, xmlTextWriterStartElement(x->w, X("status")));
		if (lc_tech_status_reason(t))
			chk(x, xmlTextWriterWriteAttribute(x->w, X("reason"),
				X(text(x, lc_tech_status_reason(t)))));
		chk(x, xmlTextWriterWriteString(x->w,
			X(lc_status_name(lc_tech_status(t)))));
		chk(x, xmlTextWriterEndElement(x->w));
	}
	chk(x, xmlTextWriterEndElement(x->w));
	if (x->failed)
		return lc_error_set(err, LC_EIO, NULL, 0, NULL,
				    "unable to write XML");
	return 0;
}

int lc_xml_writer_end(struct lc_xml_writer *x, struct lc_error *err)
{
	int i, failed;
	if (!x)
		return 0;
	if (!x->started)
		start_root(x, NULL);
	chk(x, xmlTextWriterEndDocument(x->w));
	chk(x, xmlTextWriterFlush(x->w));
	failed = x->failed;
	xmlFreeTextWriter(x->w);
	for (i = 0; i < 5; i++)
		free(x->top[i]);
	free(x->edition);
	free(x->scratch);
	free(x);
	if (failed)
		return lc_error_set(err, LC_EIO, NULL, 0, NULL,
				    "unable to write XML");
	return 0;
}

int lc_xml_write_submissions(FILE *out, const char *edition,
			     const struct lc_tech *const *techs, size_t n,
			     struct lc_error *err)
{
	struct lc_xml_writer *x;
	size_t i;
	int rc = lc_xml_writer_begin(&x, out, edition, err);
	if (rc)
		return rc;
	for (i = 0; rc == 0 && i < n; i++)
		rc = lc_xml_writer_add(x, techs[i], err);
	if (rc) {
		lc_xml_writer_end(x, NULL);
		return rc;
	}
	rc = lc_xml_writer_end(x, err);
	if (rc == 0 && fflush(out) != 0)
		rc = lc_error_set(err, LC_EIO, NULL, 0, NULL,
				  "unable to write XML");
	return rc;
}
