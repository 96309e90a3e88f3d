/* panel_csv.c - a minimal RFC 4180 reader for the panel's CSV inputs
 * (experts, score sheets), with physical line numbers for errors; a file
 * that is not UTF-8 (Excel and WPS save GB18030) is converted first. To
 * be replaced by the importers' reader when importers.h exposes one. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include "ranker/panel.h"

struct lc_pnl_csv {
	FILE *fp;            /* over text, in memory */
	char *text;          /* the file as UTF-8 */
	char path[256];
	long line;           /* current physical line (1-based) */
	char *buf;           /* field texts, NUL-separated */
	size_t len, cap;
	size_t *off;         /* field start offsets into buf */
	size_t nf, fcap;
	int first;           /* BOM not checked yet */
};

/* 1 when s[0..n) is valid UTF-8. */
static int utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 :
			     (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;

		if (!len || i + len > n)
			return 0;
		for (size_t k = 1; k < len; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
		i += len;
	}
	return 1;
}

/* Converts *text (*n bytes) from GB18030 to UTF-8 in place of it. */
static int from_gb18030(char **text, size_t *n)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	size_t cap = *n * 2 + 16, left = cap, inleft = *n;
	char *out, *o, *in = *text;

	if (cd == (iconv_t)-1)
		return -1;
	out = malloc(cap + 1);
	o = out;
	if (!out || iconv(cd, &in, &inleft, &o, &left) == (size_t)-1) {
		free(out);
		iconv_close(cd);
		return -1;
	}
	iconv_close(cd);
	free(*text);
	*n = (size_t)(o - out);
	*text = out;
	return 0;
}

int lc_pnl_csv_open(struct lc_pnl_csv **out, const char *path,
		    struct lc_error *err)
{
	struct lc_pnl_csv *c = calloc(1, sizeof *c);
	FILE *fp;
	size_t n = 0, cap = 0;

	if (!c)
		return lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				    "out of memory");
	fp = fopen(path, "rb");
	if (!fp) {
		free(c);
		return lc_error_set(err, LC_EIO, path, 0, NULL,
				    "cannot open '%s': %s", path,
				    strerror(errno));
	}
	for (;;) {
		size_t got;
		char *nt = lc_pnl_grow(c->text, &cap, n, 1);

		if (!nt)
			break;
		c->text = nt;
		got = fread(c->text + n, 1, cap - n, fp);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(fp) || !c->text) {
		fclose(fp);
		free(c->text);
		free(c);
		return lc_error_set(err, LC_EIO, path, 0, NULL,
				    "cannot read '%s'", path);
	}
	fclose(fp);
	if (!utf8_valid((unsigned char *)c->text, n) &&
	    from_gb18030(&c->text, &n) < 0) {
		free(c->text);
		free(c);
		return lc_error_set(err, LC_EDATA, path, 0, NULL,
				    "neither UTF-8 nor GB18030 text");
	}
	c->fp = n ? fmemopen(c->text, n, "rb") : fopen("/dev/null", "rb");
	if (!c->fp) {
		free(c->text);
		free(c);
		return lc_error_set(err, LC_EIO, path, 0, NULL,
				    "cannot read '%s'", path);
	}
	snprintf(c->path, sizeof c->path, "%s", path);
	c->line = 1;
	c->first = 1;
	*out = c;
	return 0;
}

void lc_pnl_csv_close(struct lc_pnl_csv *c)
{
	if (!c)
		return;
	fclose(c->fp);
	free(c->text);
	free(c->buf);
	free(c->off);
	free(c);
}

const char *lc_pnl_csv_path(const struct lc_pnl_csv *c)
{
	return c->path;
}

static int put(struct lc_pnl_csv *c, char ch)
{
	if (c->len + 1 >= c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 256;
		char *nb = realloc(c->buf, ncap);

		if (!nb)
			return LC_ENOMEM;
		c->buf = nb;
		c->cap = ncap;
	}
	c->buf[c->len++] = ch;
	return 0;
}

static int start_field(struct lc_pnl_csv *c)
{
	if (c->nf == c->fcap) {
		size_t ncap = c->fcap ? c->fcap * 2 : 16;
		size_t *no = realloc(c->off, ncap * sizeof *no);

		if (!no)
			return LC_ENOMEM;
		c->off = no;
		c->fcap = ncap;
	}
	c->off[c->nf++] = c->len;
	return 0;
}

/* Ends the current field: trims blanks around it, NUL-terminates. */
static int end_field(struct lc_pnl_csv *c)
{
	char *s = c->buf + c->off[c->nf - 1];
	size_t n = c->len - c->off[c->nf - 1], i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	memmove(s, s + i, n - i);
	c->len = c->off[c->nf - 1] + (n - i);
	return put(c, '\0');
}

int lc_pnl_csv_next(struct lc_pnl_csv *c, size_t *nf, long *line,
		    struct lc_error *err)
{
	int ch, quoted = 0, any = 0;
	long start;

	if (c->first) {
		c->first = 0;
		ch = getc(c->fp);
		if (ch == 0xef) {
			if (getc(c->fp) != 0xbb || getc(c->fp) != 0xbf)
				return lc_error_set(err, LC_EDATA, c->path,
						    1, NULL,
						    "bad byte-order mark");
		} else if (ch != EOF) {
			ungetc(ch, c->fp);
		}
	}
again:
	c->len = 0;
	c->nf = 0;
	start = c->line;
	if (start_field(c) < 0)
		goto oom;
	for (;;) {
		ch = getc(c->fp);
		if (ch == EOF) {
			if (quoted)
				return lc_error_set(err, LC_EDATA, c->path,
						    start, NULL,
						    "unterminated quoted "
						    "field");
			if (!any)
				return 0;
			break;
		}
		if (quoted) {
			if (ch == '"') {
				int nx = getc(c->fp);

				if (nx == '"') {
					if (put(c, '"') < 0)
						goto oom;
					continue;
				}
				if (nx != EOF)
					ungetc(nx, c->fp);
				quoted = 0;
				continue;
			}
			if (ch == '\n')
				c->line++;
			if (put(c, (char)ch) < 0)
				goto oom;
			continue;
		}
		if (ch == '\r')
			continue;
		if (ch == '\n') {
			c->line++;
			if (!any)
				goto again;
			break;
		}
		any = 1;
		if (ch == '"') {
			quoted = 1;
		} else if (ch == ',') {
			if (end_field(c) < 0 || start_field(c) < 0)
				goto oom;
		} else if (put(c, (char)ch) < 0) {
			goto oom;
		}
	}
	if (end_field(c) < 0)
		goto oom;
	*nf = c->nf;
	*line = start;
	return 1;
oom:
	return lc_error_set(err, LC_ENOMEM, c->path, c->line, NULL,
			    "out of memory");
}

const char *lc_pnl_csv_field(const struct lc_pnl_csv *c, size_t i)
{
	return i < c->nf ? c->buf + c->off[i] : "";
}
