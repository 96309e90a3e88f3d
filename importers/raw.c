/* raw.c - the raw dossier every reader fills before the rules run, the
 * problem sink that counts what is reported, and small text helpers. */
#include <libintl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "importers/internal.h"

const int imp_sub_field[5] = {
	LC_F_SUBMITTER, LC_F_CREDIT_CODE, LC_F_CONTACT, LC_F_EMAIL,
	LC_F_PHONE
};
const char *const imp_sub_elem[5] = {
	"organisation", "credit_code", "contact", "email", "phone"
};

static int is_space_at(const char *s, size_t *len)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
	    *s == '\v' || *s == '\f') {
		*len = 1;
		return 1;
	}
	if (strncmp(s, "\u3000", 3) == 0 || strncmp(s, "\u00a0", 2) == 0) {
		*len = s[0] == '\xc2' ? 2 : 3;
		return 1;
	}
	return 0;
}

char *imp_trim(char *s)
{
	size_t len, start = 0, end, i;
	while (is_space_at(s + start, &len))
		start += len;
	end = start;
	for (i = start; s[i];) {
		if (is_space_at(s + i, &len)) {
			i += len;
		} else {
			i++;
			/* skip the rest of a UTF-8 sequence */
			while (((unsigned char)s[i] & 0xC0) == 0x80)
				i++;
			end = i;
		}
	}
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
	return s;
}

char *imp_owners_norm(const char *s)
{
	size_t n = strlen(s), o = 0;
	char *out = malloc(n + 1), *tmp = malloc(n + 1);
	const char *p = s;
	if (!out || !tmp) {
		free(out);
		free(tmp);
		return NULL;
	}
	out[0] = '\0';
	while (*p) {
		const char *e = p;
		size_t k;
		while (*e && *e != ';' && strncmp(e, "\uff1b", 3) != 0)
			e++;
		k = (size_t)(e - p);
		memcpy(tmp, p, k);
		tmp[k] = '\0';
		imp_trim(tmp);
		k = strlen(tmp);
		if (k) {
			if (o)
				out[o++] = ';';
			memcpy(out + o, tmp, k);
			o += k;
			out[o] = '\0';
		}
		if (!*e)
			break;
		p = e + (*e == ';' ? 1 : 3);
	}
	free(tmp);
	return out;
}

void imp_raw_init(struct imp_raw *r)
{
	memset(r, 0, sizeof *r);
}

static void demo_free(struct imp_raw_demo *d)
{
	free(d->site);
	free(d->enterprise);
	free(d->year);
	free(d->capacity);
	free(d->abatement);
	free(d->abatement_unit);
	free(d->site_en);
	free(d->enterprise_en);
	free(d->capacity_en);
}

void imp_raw_clear(struct imp_raw *r)
{
	size_t i;
	for (i = 0; i < LC_F__COUNT; i++) {
		free(r->val[i]);
		free(r->unit[i]);
		free(r->given[i]);
	}
	for (i = 0; i < r->ndemos; i++)
		demo_free(&r->demos[i]);
	free(r->demos);
	free(r->status);
	free(r->status_reason);
	imp_raw_init(r);
}

int imp_raw_set(struct imp_raw *r, int f, const char *text, long len,
		long line)
{
	size_t n = len < 0 ? strlen(text) : (size_t)len;
	char *s = malloc(n + 1);
	if (!s)
		return LC_ENOMEM;
	memcpy(s, text, n);
	s[n] = '\0';
	imp_trim(s);
	free(r->val[f]);
	r->val[f] = s;
	r->line[f] = line;
	return 0;
}

struct imp_raw_demo *imp_raw_add_demo(struct imp_raw *r)
{
	if (r->ndemos == r->demos_cap) {
		size_t cap = r->demos_cap ? 2 * r->demos_cap : 4;
		struct imp_raw_demo *d = realloc(r->demos, cap * sizeof *d);
		if (!d)
			return NULL;
		r->demos = d;
		r->demos_cap = cap;
	}
	memset(&r->demos[r->ndemos], 0, sizeof r->demos[0]);
	return &r->demos[r->ndemos++];
}

/* A problem waiting for its file's line order: the error as it will be
 * reported (placed), the line it sorts by and its rank of arrival. */
struct imp_held {
	struct lc_error e;
	long line;
	size_t seq;
	char about[192];   /* imp_problem_unless's subjects, or "" */
};

/* Holds e (placed) with sort line `line`; 0, or -1 out of memory. */
static int hold(struct imp_sink *s, const struct lc_error *e, long line,
		const char *about)
{
	struct imp_held *h;

	/* line order is within a file */
	if (s->nheld && strcmp(s->held[s->nheld - 1].e.file, e->file))
		imp_sink_flush(s);
	if (s->nheld == s->capheld) {
		size_t cap = s->capheld ? 2 * s->capheld : 16;
		h = realloc(s->held, cap * sizeof *h);
		if (!h)
			return -1;
		s->held = h;
		s->capheld = cap;
	}
	h = &s->held[s->nheld];
	h->e = *e;
	h->line = line;
	h->seq = s->nheld++;
	snprintf(h->about, sizeof h->about, "%s", about ? about : "");
	return 0;
}

static int by_line(const void *a, const void *b)
{
	const struct imp_held *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* 1 when a problem of ours among the held names a subject of about. */
static int said(const struct imp_sink *s, const char *about)
{
	for (size_t i = 0; i < s->nheld; i++) {
		const struct imp_held *h = &s->held[i];
		char key[80];

		if (h->about[0] || !h->e.field[0])
			continue;
		snprintf(key, sizeof key, ",%s,", h->e.field);
		if (strstr(about, key))
			return 1;
	}
	return 0;
}

void imp_sink_flush(struct imp_sink *s)
{
	if (!s->nheld)
		return;
	qsort(s->held, s->nheld, sizeof *s->held, by_line);
	for (size_t i = 0; i < s->nheld; i++) {
		const struct imp_held *h = &s->held[i];

		if (h->about[0]) {
			if (said(s, h->about))
				continue;
			s->problems++;
		}
		if (s->rep && s->rep->problem)
			s->rep->problem(&h->e, s->rep->ctx);
	}
	s->nheld = 0;
}

void imp_sink_release(struct imp_sink *s)
{
	free(s->held);
	s->held = NULL;
	s->nheld = s->capheld = 0;
}

void imp_problem_err(struct imp_sink *s, const struct lc_error *e0)
{
	struct lc_error placed = *e0;
	const struct lc_error *e = e0;
	/* A shared block (the XML submitter) is checked with every dossier
	 * after it: say each of its problems once. */
	unsigned long h = 5381;
	const char *p;
	int i;
	for (p = e->msg; *p; p++)
		h = h * 33 + (unsigned char)*p;
	for (p = e->field; *p; p++)
		h = h * 33 + (unsigned char)*p;
	h ^= (unsigned long)e->line * 2654435761UL;
	for (i = 0; i < 8; i++)
		if (s->recent[i] == h && s->recent_file == s->file)
			return;
	s->recent[s->nrecent++ % 8] = h;
	s->recent_file = s->file;
	s->problems++;
	if (s->locate) {
		s->locate(&placed, s->locate_ctx);
		e = &placed;
	}
	if (hold(s, e, e0->line, NULL) == 0)
		return;
	if (s->rep && s->rep->problem)
		s->rep->problem(e, s->rep->ctx);
}

/* A data problem of s's file at line, about field (NULL: none). */
static void problem_at(const struct imp_sink *s, long line,
		       const char *field, struct lc_error *e)
{
	memset(e, 0, sizeof *e);
	e->status = LC_EDATA;
	e->line = line;
	if (s->file)
		snprintf(e->file, sizeof e->file, "%s", s->file);
	if (field)
		snprintf(e->field, sizeof e->field, "%s", field);
}

void imp_problem_unless(struct imp_sink *s, long line, const char *field,
			const char *about, const char *msg)
{
	struct lc_error e;

	problem_at(s, line, field, &e);
	snprintf(e.msg, sizeof e.msg, "%s", msg);
	if (!about || !about[0] || hold(s, &e, line, about) != 0)
		imp_problem_err(s, &e);
}

void imp_problem(struct imp_sink *s, long line, const char *field,
		 const char *fmt, ...)
{
	struct lc_error e;
	va_list ap;

	problem_at(s, line, field, &e);
	va_start(ap, fmt);
	vsnprintf(e.msg, sizeof e.msg, dgettext("lowcarb", fmt), ap);
	va_end(ap);
	imp_problem_err(s, &e);
}

const char *imp_label(const struct imp_sink *s, int f)
{
	if (s && s->label && f >= 0 && f < LC_F__COUNT && s->label[f])
		return s->label[f];
	return lc_field_name(f);
}

void imp_skipped(struct imp_sink *s, long line, const char *reason)
{
	s->skipped++;
	if (s->rep && s->rep->skipped)
		s->rep->skipped(s->file, line, reason, s->rep->ctx);
}

int imp_says_spreadsheet(const char *msg)
{
	/* the word as the messages' language writes it */
	return strstr(msg, "spreadsheet") != NULL ||
		strstr(msg, dgettext("lowcarb", "spreadsheet")) != NULL;
}
