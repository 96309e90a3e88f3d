/* csv.c - RFC 4180 records (quoted fields with embedded commas, quotes and
 * newlines; CRLF or LF) read from an imp_input in bounded memory, with the
 * physical line each record and field starts on. */
#include <stdlib.h>
#include <string.h>
#include "importers/internal.h"

#define BUF 65536

struct imp_csv {
	struct imp_input *in;
	char buf[BUF];
	long len, at;
	int eof;
	long line;            /* physical line of the next byte */
	char *text;           /* field bytes of the current record, NUL-split */
	size_t tlen, tcap;
	size_t *offs;         /* field start offsets into text */
	long *flines;
	char **fields;
	size_t nf, fcap;
};

int imp_csv_open(struct imp_csv **out, struct imp_input *in)
{
	struct imp_csv *c = calloc(1, sizeof *c);
	*out = c;
	if (!c)
		return LC_ENOMEM;
	c->in = in;
	c->line = 1;
	return 0;
}

void imp_csv_close(struct imp_csv *c)
{
	if (!c)
		return;
	free(c->text);
	free(c->offs);
	free(c->flines);
	free(c->fields);
	free(c);
}

/* Next byte, or -1 at end, -2 on error. */
static int next_byte(struct imp_csv *c, struct lc_error *err)
{
	if (c->at == c->len) {
		long n;
		if (c->eof)
			return -1;
		n = imp_input_read(c->in, c->buf, BUF, err);
		if (n < 0)
			return -2;
		if (n == 0) {
			c->eof = 1;
			return -1;
		}
		c->len = n;
		c->at = 0;
	}
	return (unsigned char)c->buf[c->at++];
}

static int put(struct imp_csv *c, char ch)
{
	if (c->tlen == c->tcap) {
		size_t cap = c->tcap ? 2 * c->tcap : 1024;
		char *t = realloc(c->text, cap);
		if (!t)
			return -1;
		c->text = t;
		c->tcap = cap;
	}
	c->text[c->tlen++] = ch;
	return 0;
}

static int start_field(struct imp_csv *c)
{
	if (c->nf == c->fcap) {
		size_t cap = c->fcap ? 2 * c->fcap : 32;
		size_t *o = realloc(c->offs, cap * sizeof *o);
		long *l;
		char **f;
		if (!o)
			return -1;
		c->offs = o;
		l = realloc(c->flines, cap * sizeof *l);
		if (!l)
			return -1;
		c->flines = l;
		f = realloc(c->fields, cap * sizeof *f);
		if (!f)
			return -1;
		c->fields = f;
		c->fcap = cap;
	}
	c->offs[c->nf] = c->tlen;
	c->flines[c->nf] = c->line;
	c->nf++;
	return 0;
}

enum { S_START, S_PLAIN, S_QUOTED, S_QUOTE };

int imp_csv_next(struct imp_csv *c, char ***fields, long **flines,
		 size_t *nf, long *line, struct lc_error *err)
{
	int st = S_START, ch, pending_cr = 0;
	long qline = 0;
	size_t i;

	c->tlen = 0;
	c->nf = 0;
	*line = c->line;
	if (start_field(c))
		goto nomem;
	for (;;) {
		ch = next_byte(c, err);
		if (ch == -2)
			return err ? err->status : LC_EIO;
		if (pending_cr) {
			pending_cr = 0;
			if (ch != '\n' && put(c, '\r'))
				goto nomem;
		}
		if (ch == -1) {
			if (st == S_QUOTED)
				return lc_error_set(err, LC_EDATA, NULL, qline,
						    NULL, "quoted field "
						    "never closed (opening "
						    "quote on line %ld)",
						    qline);
			if (c->nf == 1 && c->tlen == 0 && st == S_START)
				return 0;
			break;
		}
		if (ch == '\n')
			c->line++;
		if (st == S_QUOTED) {
			if (ch == '"')
				st = S_QUOTE;
			else if (ch == '\r')
				pending_cr = 1;
			else if (put(c, (char)ch))
				goto nomem;
			continue;
		}
		if (ch == '\r')
			continue;   /* CR of a CRLF line end */
		if (ch == ',' ) {
			if (put(c, '\0') || start_field(c))
				goto nomem;
			st = S_START;
			continue;
		}
		if (ch == '\n')
			break;
		if (st == S_START && ch == '"') {
			st = S_QUOTED;
			qline = c->line;
			continue;
		}
		if (st == S_QUOTE) {
			if (ch == '"') {
				if (put(c, '"'))
					goto nomem;
				st = S_QUOTED;
				continue;
			}
			return lc_error_set(err, LC_EDATA, NULL, c->line,
					    NULL, "unexpected '%c' after a "
					    "closing quote (a quote inside a "
					    "quoted field is written \"\")",
					    ch);
		}
		st = S_PLAIN;
		if (put(c, (char)ch))
			goto nomem;
	}
	if (put(c, '\0'))
		goto nomem;
	for (i = 0; i < c->nf; i++)
		c->fields[i] = c->text + c->offs[i];
	*fields = c->fields;
	*flines = c->flines;
	*nf = c->nf;
	return 1;
nomem:
	return lc_error_set(err, LC_ENOMEM, NULL, c->line, NULL,
			    "out of memory");
}
