/* read_xml.c - submission XML with libxml2's streaming reader: one
 * technology expanded at a time (memory bounded whatever the file size),
 * validated against schema/submission.xsd while streaming, every schema
 * error reported with its line. No network, no DTD, no entities: a
 * DOCTYPE is refused before anything it declares is used. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include "importers/internal.h"

#define NS "urn:lowcarb:submission:1"

static xmlSchemaPtr schema;   /* parsed once per process */

/* The submitter block shared by the technologies after it. */
struct submitter {
	char *val[5];   /* organisation, credit_code, contact, email, phone */
	long line[5];
};


/* A schema error waiting to be given to the dossier whose lines hold it:
 * validation runs as the parser reads, which may be ahead of the reader. */
struct qerr {
	long line;
	int field;          /* -1: the technology element itself or none */
	char elem[64];
	char msg[400];
};

struct xctx {
	struct imp_sink *s;
	struct lc_xml_in *in;     /* the input's guard */
	struct qerr *q;           /* queued schema errors, in line order */
	size_t nq, capq;
	long file_errors;         /* schema errors outside technologies */
	int fatal;                /* a well-formedness error happened */
	struct lc_error first;    /* the first fatal error */
};

static void sub_clear(struct submitter *b)
{
	int i;
	for (i = 0; i < 5; i++) {
		free(b->val[i]);
		b->val[i] = NULL;
		b->line[i] = 0;
	}
}

static void on_error(void *arg, xmlErrorPtr e)
{
	struct xctx *x = arg;
	char msg[400], elem[64];
	const char *field;
	int f;
	if (!e || e->level == XML_ERR_WARNING)
		return;
	imp_xml_tidy(e->message ? e->message : "error", msg, sizeof msg, elem,
	     sizeof elem);
	if (e->domain == XML_FROM_SCHEMASV) {
		f = elem[0] ? imp_xml_field(elem) : -1;
		if (x->nq == x->capq) {
			size_t cap = x->capq ? 2 * x->capq : 16;
			struct qerr *nq = realloc(x->q, cap * sizeof *nq);
			if (!nq) {
				field = f >= 0 ? lc_field_name(f) : elem;
				imp_problem(x->s, e->line,
					    field[0] ? field : NULL, "%s",
					    msg);
				x->file_errors++;
				return;
			}
			x->q = nq;
			x->capq = cap;
		}
		x->q[x->nq].line = e->line;
		x->q[x->nq].field = f;
		snprintf(x->q[x->nq].elem, sizeof x->q[x->nq].elem, "%s",
			 elem);
		snprintf(x->q[x->nq].msg, sizeof x->q[x->nq].msg, "%s", msg);
		x->nq++;
		return;
	}
	if (!x->fatal) {
		x->fatal = 1;
		/* a read the guard refused: its reason, not libxml2's */
		if (!lc_xml_in_refused(x->in, &x->first))
			lc_error_set(&x->first, LC_EDATA, x->s->file, e->line,
				     NULL, "not well-formed XML: %s", msg);
		imp_problem_err(x->s, &x->first);
	}
}

/* Reports the queued errors before line `until` (0: all): those from
 * line `from` on belong to r (NULL: none), earlier ones to the file. A
 * dossier's error that lowcarb's rules say in their own words is given
 * as imp_problem_unless, and its field is left to the rules. */
static void claim(struct xctx *x, struct imp_raw *r, long from, long until)
{
	size_t i, k = 0;
	for (i = 0; i < x->nq; i++) {
		struct qerr *q = &x->q[i];
		const char *field;
		char about[192];
		if (until && q->line >= until) {
			x->q[k++] = *q;
			continue;
		}
		field = q->field >= 0 ? lc_field_name(q->field) : q->elem;
		if (!r || q->line < from) {
			imp_problem(x->s, q->line, field[0] ? field : NULL,
				    "%s", q->msg);
			x->file_errors++;
			continue;
		}
		r->problems++;
		imp_xml_subjects(q->field, q->elem, q->msg, about, sizeof about);
		if (about[0]) {
			imp_problem_unless(x->s, q->line,
					   field[0] ? field : NULL, about,
					   q->msg);
			continue;
		}
		imp_problem(x->s, q->line, field[0] ? field : NULL, "%s",
			    q->msg);
		if (q->field >= 0 && strcmp(q->elem, "technology") != 0) {
			r->flagged[q->field] = 1;
		} else {
			/* the schema said what is missing: no
			 * second "required" message for it */
			int f;
			for (f = 0; f < LC_F__COUNT; f++)
				if (!r->val[f])
					r->flagged[f] = 1;
		}
	}
	x->nq = k;
}

static int load_schema(struct lc_error *err)
{
	char path[4096];
	xmlSchemaParserCtxtPtr pc;
	int rc;
	if (schema)
		return 0;
	rc = lc_data_path("schema/submission.xsd", path, sizeof path, err);
	if (rc)
		return rc;
	pc = xmlSchemaNewParserCtxt(path);
	if (!pc)
		return lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				    "out of memory");
	schema = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	if (!schema)
		return lc_error_set(err, LC_EIO, path, 0, NULL,
				    "unable to load the submission schema");
	return 0;
}

static int is_elem(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns &&
		strcmp((const char *)n->ns->href, NS) == 0 &&
		(!name || strcmp((const char *)n->name, name) == 0);
}

/* Sets raw field f from node's text (and unit attribute). */
static int take(struct imp_raw *r, int f, xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	xmlChar *u = xmlGetNoNsProp(n, (const xmlChar *)"unit");
	int rc = 0;
	if (t && imp_raw_set(r, f, (const char *)t, -1, xmlGetLineNo(n)))
		rc = LC_ENOMEM;
	if (!rc && u) {
		free(r->unit[f]);
		r->unit[f] = strdup((const char *)u);
		if (!r->unit[f])
			rc = LC_ENOMEM;
		else
			imp_trim(r->unit[f]);
	}
	xmlFree(t);
	xmlFree(u);
	return rc;
}

static char *text_of(xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	char *s = t ? strdup((const char *)t) : NULL;
	xmlFree(t);
	return s ? imp_trim(s) : NULL;
}

static int read_submitter(xmlNodePtr node, struct submitter *b)
{
	xmlNodePtr c;
	int i;
	sub_clear(b);
	for (c = node->children; c; c = c->next) {
		if (!is_elem(c, NULL))
			continue;
		for (i = 0; i < 5; i++) {
			if (strcmp((const char *)c->name, imp_sub_elem[i]) != 0)
				continue;
			free(b->val[i]);
			b->val[i] = text_of(c);
			b->line[i] = xmlGetLineNo(c);
			if (!b->val[i])
				return LC_ENOMEM;
		}
	}
	return 0;
}

static int read_owners(struct imp_raw *r, xmlNodePtr node)
{
	xmlNodePtr c;
	size_t len = 0;
	char *all = NULL;
	int rc = 0;
	for (c = node->children; c; c = c->next) {
		char *t, *na;
		size_t k;
		if (!is_elem(c, "owner"))
			continue;
		t = text_of(c);
		if (!t) {
			rc = LC_ENOMEM;
			break;
		}
		k = strlen(t);
		na = realloc(all, len + k + 2);
		if (!na) {
			free(t);
			rc = LC_ENOMEM;
			break;
		}
		all = na;
		if (len)
			all[len++] = ';';
		memcpy(all + len, t, k + 1);
		len += k;
		free(t);
	}
	if (!rc && all)
		rc = imp_raw_set(r, LC_F_OWNERS, all, -1, xmlGetLineNo(node));
	free(all);
	return rc;
}

static int read_demos(struct imp_raw *r, xmlNodePtr node)
{
	xmlNodePtr p, c;
	xmlChar *count = xmlGetNoNsProp(node, (const xmlChar *)"count");
	r->have_demos = 1;
	if (count) {
		int rc = imp_raw_set(r, LC_F_DEMONSTRATIONS,
				     (const char *)count, -1,
				     xmlGetLineNo(node));
		xmlFree(count);
		if (rc)
			return rc;
	}
	for (p = node->children; p; p = p->next) {
		struct imp_raw_demo *d;
		if (!is_elem(p, "project"))
			continue;
		d = imp_raw_add_demo(r);
		if (!d)
			return LC_ENOMEM;
		d->line = xmlGetLineNo(p);
		for (c = p->children; c; c = c->next) {
			char **slot = NULL;
			const char *nm = (const char *)c->name;
			if (!is_elem(c, NULL))
				continue;
			if (strcmp(nm, "site") == 0)
				slot = &d->site;
			else if (strcmp(nm, "enterprise") == 0)
				slot = &d->enterprise;
			else if (strcmp(nm, "year") == 0)
				slot = &d->year;
			else if (strcmp(nm, "capacity") == 0)
				slot = &d->capacity;
			else if (strcmp(nm, "site_en") == 0)
				slot = &d->site_en;
			else if (strcmp(nm, "enterprise_en") == 0)
				slot = &d->enterprise_en;
			else if (strcmp(nm, "capacity_en") == 0)
				slot = &d->capacity_en;
			else if (strcmp(nm, "abatement") == 0) {
				xmlChar *u = xmlGetNoNsProp(c,
					(const xmlChar *)"unit");
				free(d->abatement_unit);
				d->abatement_unit = u ?
					strdup((const char *)u) : NULL;
				xmlFree(u);
				slot = &d->abatement;
			}
			if (!slot)
				continue;
			free(*slot);
			*slot = text_of(c);
			if (!*slot)
				return LC_ENOMEM;
		}
	}
	return 0;
}

/* Fills r from an expanded technology element. */
static int read_tech(struct imp_raw *r, xmlNodePtr node,
		     const struct submitter *top, const char *edition,
		     long edition_line)
{
	struct submitter own;
	const struct submitter *b = top;
	xmlNodePtr c;
	xmlChar *a;
	int i, rc = 0;

	memset(&own, 0, sizeof own);
	r->line0 = xmlGetLineNo(node);
	a = xmlGetNoNsProp(node, (const xmlChar *)"id");
	if (a) {
		rc = imp_raw_set(r, LC_F_ID, (const char *)a, -1, r->line0);
		xmlFree(a);
	}
	a = xmlGetNoNsProp(node, (const xmlChar *)"edition");
	if (!rc && a)
		rc = imp_raw_set(r, LC_F_EDITION, (const char *)a, -1,
				 r->line0);
	else if (!rc && edition)
		rc = imp_raw_set(r, LC_F_EDITION, edition, -1, edition_line);
	xmlFree(a);
	for (c = node->children; !rc && c; c = c->next) {
		const char *nm;
		int f;
		if (!is_elem(c, NULL))
			continue;
		nm = (const char *)c->name;
		if (strcmp(nm, "submitter") == 0) {
			rc = read_submitter(c, &own);
			b = &own;
		} else if (strcmp(nm, "owners") == 0) {
			rc = read_owners(r, c);
		} else if (strcmp(nm, "demonstrations") == 0) {
			rc = read_demos(r, c);
		} else if (strcmp(nm, "status") == 0) {
			xmlChar *reason = xmlGetNoNsProp(c,
				(const xmlChar *)"reason");
			free(r->status);
			r->status = text_of(c);
			if (reason) {
				r->status_reason = strdup(
					(const char *)reason);
				xmlFree(reason);
			}
		} else {
			f = lc_field_lookup(nm);
			if (f >= 0 && f != LC_F_ID && f != LC_F_EDITION)
				rc = take(r, f, c);
		}
	}
	for (i = 0; !rc && i < 5; i++)
		if (b->val[i])
			rc = imp_raw_set(r, imp_sub_field[i], b->val[i], -1,
					 b->line[i]);
	sub_clear(&own);
	return rc;
}

int imp_read_xml(const char *path, struct imp_sink *s, imp_emit_fn emit,
		 void *ctx, struct lc_error *err)
{
	xmlTextReaderPtr rd;
	struct lc_xml_in *in = NULL;
	xmlSchemaValidCtxtPtr vc = NULL;
	xmlExternalEntityLoader old_loader;
	struct xctx x;
	struct submitter top;
	struct imp_raw raw;
	char *edition = NULL;
	long edition_line = 0;
	int ret, rc = 0, pending = 0;

	memset(&x, 0, sizeof x);
	memset(&top, 0, sizeof top);
	x.s = s;
	imp_raw_init(&raw);
	rc = load_schema(err);
	if (rc)
		return rc;
	rc = lc_xml_in_open(&in, path, err);
	if (rc)
		return rc;
	x.in = in;
	s->size = lc_xml_in_size(in) > 0 ? lc_xml_in_size(in) : 0;
	old_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(imp_xml_no_entities);
	rd = xmlReaderForIO(lc_xml_in_read, lc_xml_in_close, in, path, NULL,
			    XML_PARSE_NONET | XML_PARSE_BIG_LINES |
			    XML_PARSE_NOCDATA);
	if (!rd) {
		xmlSetExternalEntityLoader(old_loader);
		if (lc_xml_in_refused(in, err)) {
			imp_problem_err(s, err);
			rc = err ? err->status : LC_EDATA;
		} else {
			rc = lc_error_set(err, LC_EIO, path, 0, NULL,
					  "unable to open");
		}
		lc_xml_in_free(in);
		return rc;
	}
	/* Parse errors through the global structured handler (the reader's
	 * own one gets a wrong context once a schema is plugged in),
	 * validation errors through the validation context's. */
	xmlSetStructuredErrorFunc(&x, on_error);
	vc = xmlSchemaNewValidCtxt(schema);
	if (vc)
		xmlSchemaSetValidStructuredErrors(vc, on_error, &x);
	if (!vc || xmlTextReaderSchemaValidateCtxt(rd, vc, 0) != 0) {
		rc = lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				  "unable to start schema validation");
		goto out;
	}
	ret = xmlTextReaderRead(rd);
	while (ret == 1 && !x.fatal) {
		int type = xmlTextReaderNodeType(rd);
		int depth = xmlTextReaderDepth(rd);
		const char *name = (const char *)xmlTextReaderConstLocalName(rd);
		const char *ns = (const char *)
			xmlTextReaderConstNamespaceUri(rd);
		int ours = ns && strcmp(ns, NS) == 0;
		xmlNodePtr node;

		if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
			rc = lc_error_set(err, LC_EDATA, path,
					  xmlTextReaderGetParserLineNumber(rd),
					  NULL, "DOCTYPE declarations are "
					  "refused (no DTD, no entities: "
					  "XXE and entity expansion "
					  "protection)");
			imp_problem_err(s, err);
			goto out;
		}
		if (type != XML_READER_TYPE_ELEMENT || !ours) {
			ret = xmlTextReaderRead(rd);
			continue;
		}
		if (depth == 0 && strcmp(name, "submissions") == 0) {
			xmlChar *e = xmlTextReaderGetAttribute(rd,
				(const xmlChar *)"edition");
			free(edition);
			edition = e ? strdup((const char *)e) : NULL;
			edition_line = xmlGetLineNo(
				xmlTextReaderCurrentNode(rd));
			xmlFree(e);
			ret = xmlTextReaderRead(rd);
			continue;
		}
		if (depth != 1 || (strcmp(name, "submitter") != 0 &&
				   strcmp(name, "technology") != 0)) {
			ret = xmlTextReaderRead(rd);
			continue;
		}
		if (strcmp(name, "technology") == 0) {
			long l0 = xmlGetLineNo(xmlTextReaderCurrentNode(rd));
			/* everything before this start tag is known now */
			if (pending) {
				claim(&x, &raw, raw.line0, l0);
				s->pos = xmlTextReaderByteConsumed(rd);
				rc = emit(&raw, ctx);
				pending = 0;
				if (rc)
					goto out;
			}
		}
		node = xmlTextReaderExpand(rd);
		if (!node)
			break;   /* parse error, reported */
		if (strcmp(name, "submitter") == 0) {
			if (read_submitter(node, &top)) {
				rc = lc_error_set(err, LC_ENOMEM, path, 0,
						  NULL, "out of memory");
				goto out;
			}
			ret = xmlTextReaderNext(rd);
			continue;
		}
		imp_raw_clear(&raw);
		if (read_tech(&raw, node, &top, edition, edition_line)) {
			rc = lc_error_set(err, LC_ENOMEM, path, 0, NULL,
					  "out of memory");
			goto out;
		}
		/* errors before the first technology are the file's */
		claim(&x, NULL, 0, raw.line0);
		pending = 1;
		ret = xmlTextReaderNext(rd);
	}
	if (pending && !x.fatal && ret == 0) {
		claim(&x, &raw, raw.line0, 0);
		s->pos = xmlTextReaderByteConsumed(rd);
		rc = emit(&raw, ctx);
		pending = 0;
		if (rc)
			goto out;
	}
	if (!x.fatal && lc_xml_in_refused(in, &x.first)) {
		x.fatal = 1;
		imp_problem_err(s, &x.first);
	}
	if (x.fatal)
		x.nq = 0;   /* the file must be made well-formed first */
	claim(&x, NULL, 0, 0);
	if (x.fatal || ret < 0) {
		if (x.fatal)
			*err = x.first;
		else
			lc_error_set(err, LC_EDATA, path, 0, NULL,
				     "unreadable XML");
		rc = LC_EDATA;
		goto out;
	}
	if (x.file_errors)
		rc = lc_error_set(err, LC_EDATA, path, 0, NULL,
				  "the file does not follow the schema");
out:
	if (err && rc && !err->file[0])
		snprintf(err->file, sizeof err->file, "%s", path);
	xmlFreeTextReader(rd);
	lc_xml_in_free(in);
	xmlSchemaFreeValidCtxt(vc);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetExternalEntityLoader(old_loader);
	imp_raw_clear(&raw);
	sub_clear(&top);
	free(edition);
	free(x.q);
	return rc;
}
