/* csv.c - RFC 4180 records (quoted fields with embedded commas, quotes and
 * newlines; CRLF or LF) read from an lc_input in bounded memory, with the
 * physical line each record and field starts on; and lc_csv, the public
 * reader over it that the panel and the ranker's matrices use. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/input.h"

#define BUF 65536
#define MAX_RECORD (64L << 20)   /* bytes of one record */
#define MAX_FIELDS 100000

struct csv_tok {
	struct lc_input *in;
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
	int trim;             /* drop blanks around fields, outside quotes */
	int toolong;          /* the record passed MAX_RECORD or MAX_FIELDS */
	size_t keep;          /* text before this is quoted: never trimmed */
};

static int csv_tok_open(struct csv_tok **out, struct lc_input *in)
{
	struct csv_tok *c = calloc(1, sizeof *c);
	*out = c;
	if (!c)
		return LC_ENOMEM;
	c->in = in;
	c->line = 1;
	return 0;
}

static void csv_tok_close(struct csv_tok *c)
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
static int next_byte(struct csv_tok *c, struct lc_error *err)
{
	if (c->at == c->len) {
		long n;
		if (c->eof)
			return -1;
		n = lc_input_read(c->in, c->buf, BUF, err);
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

/* Appends ch to the record; -1 when out of memory, -2 past the limit. */
static int put(struct csv_tok *c, char ch)
{
	if (c->tlen >= (size_t)MAX_RECORD) {
		c->toolong = 1;
		return -2;
	}
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

static int start_field(struct csv_tok *c)
{
	if (c->nf >= MAX_FIELDS) {
		c->toolong = 1;
		return -2;
	}
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
	c->keep = c->tlen;
	return 0;
}

/* With trim: drops the blanks at the end of the current field, but not
 * those inside its quotes. */
static void end_field(struct csv_tok *c)
{
	if (!c->trim)
		return;
	while (c->tlen > c->keep && (c->text[c->tlen - 1] == ' ' ||
				     c->text[c->tlen - 1] == '\t'))
		c->tlen--;
}

static int is_blank(int ch)
{
	return ch == ' ' || ch == '\t';
}

enum { S_START, S_PLAIN, S_QUOTED, S_QUOTE, S_AFTER };

/* Reads the next record. Line ends are LF, CRLF or a lone CR (old Mac
 * files); a line end inside quotes is kept as LF. A NUL byte is an error
 * (no text holds one), as is a record past MAX_RECORD or MAX_FIELDS (an
 * endless line: not a CSV file). */
static int csv_tok_next(struct csv_tok *c, char ***fields, long **flines,
			size_t *nf, long *line, struct lc_error *err)
{
	int st = S_START, ch;
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
		if (ch == 0)
			return lc_error_set(err, LC_EDATA, NULL, c->line, NULL,
					    "NUL byte in the file (a text "
					    "file has none: a binary file?)");
		if (ch == '\r') {
			/* CRLF, or a lone CR: one line end either way */
			int nx = next_byte(c, err);

			if (nx == -2)
				return err ? err->status : LC_EIO;
			if (nx >= 0 && nx != '\n')
				c->at--;    /* not ours: read it next */
			ch = '\n';
		}
		if (ch == '\n')
			c->line++;
		if (st == S_QUOTED) {
			if (ch == '"') {
				st = S_QUOTE;
				c->keep = c->tlen;
			} else if (put(c, (char)ch)) {
				goto nomem;
			}
			continue;
		}
		if (ch == ',') {
			end_field(c);
			if (put(c, '\0') || start_field(c))
				goto nomem;
			st = S_START;
			continue;
		}
		if (ch == '\n')
			break;
		if (st == S_START && c->trim && is_blank(ch))
			continue;
		if (st == S_START && ch == '"') {
			st = S_QUOTED;
			qline = c->line;
			continue;
		}
		if ((st == S_QUOTE || st == S_AFTER) && c->trim &&
		    is_blank(ch)) {
			st = S_AFTER;   /* blanks after the closing quote */
			continue;
		}
		if (st == S_QUOTE || st == S_AFTER) {
			if (ch == '"' && st == S_QUOTE) {
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
	end_field(c);
	if (put(c, '\0'))
		goto nomem;
	for (i = 0; i < c->nf; i++)
		c->fields[i] = c->text + c->offs[i];
	*fields = c->fields;
	*flines = c->flines;
	*nf = c->nf;
	return 1;
nomem:
	if (c->toolong)
		return lc_error_set(err, LC_EDATA, NULL, *line, NULL,
				    "record longer than %ld MiB or with more "
				    "than %d fields: not a CSV file?",
				    MAX_RECORD >> 20, MAX_FIELDS);
	return lc_error_set(err, LC_ENOMEM, NULL, c->line, NULL,
			    "out of memory");
}

/* ---- lc_csv: the public reader ------------------------------------------ */

struct lc_csv {
	struct lc_input *in;
	struct csv_tok *csv;
	int flags;
	char **fields;        /* of the last record, owned by csv */
	long *flines;
	size_t nf;
	char path[256];       /* as given (truncated like lc_error.file) */
};

int lc_csv_open(struct lc_csv **out, const char *path, const char *encoding,
		int flags, struct lc_error *err)
{
	struct lc_csv *c;
	int rc;

	*out = NULL;
	c = calloc(1, sizeof *c);
	if (!c)
		return lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				    "out of memory");
	snprintf(c->path, sizeof c->path, "%s", path);
	rc = lc_input_open(&c->in, c->path, encoding, err);
	if (rc) {
		free(c);
		return rc;
	}
	if (csv_tok_open(&c->csv, c->in)) {
		lc_input_close(c->in);
		free(c);
		return lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				    "out of memory");
	}
	c->csv->trim = (flags & LC_CSV_TRIM) != 0;
	c->flags = flags;
	*out = c;
	return 0;
}

int lc_csv_next(struct lc_csv *c, size_t *nf, long *line,
		struct lc_error *err)
{
	for (;;) {
		size_t i;
		int rc = csv_tok_next(c->csv, &c->fields, &c->flines, &c->nf,
				      line, err);

		if (rc <= 0) {
			c->nf = 0;
			if (rc < 0 && err)
				snprintf(err->file, sizeof err->file, "%s",
					 c->path);
			return rc;
		}
		if (c->flags & LC_CSV_SKIP_BLANK) {
			for (i = 0; i < c->nf && !c->fields[i][0]; i++)
				;
			if (i == c->nf)
				continue;
		}
		*nf = c->nf;
		return 1;
	}
}

const char *lc_csv_get(const struct lc_csv *c, size_t i)
{
	const char *f = i < c->nf ? c->fields[i] : "";

	/* lc_csv_field's neutralisation undone: "'+86 138..." was
	 * "+86 138..." before a spreadsheet could take it for a formula */
	if (f[0] == '\'' && f[1] && strchr("=+-@\t\r", f[1]))
		return f + 1;
	return f;
}

long lc_csv_get_line(const struct lc_csv *c, size_t i)
{
	return i < c->nf ? c->flines[i] : 0;
}

long long lc_csv_pos(const struct lc_csv *c)
{
	return lc_input_pos(c->in);
}

long long lc_csv_size(const struct lc_csv *c)
{
	return lc_input_size(c->in);
}

const char *lc_csv_path(const struct lc_csv *c)
{
	return c->path;
}

void lc_csv_close(struct lc_csv *c)
{
	if (!c)
		return;
	csv_tok_close(c->csv);
	lc_input_close(c->in);
	free(c);
}
