/* xmlin.c - an XML input that refuses, before libxml2 parses them, what
 * no lowcarb file needs and what attacks use: a DOCTYPE or other markup
 * declaration (the door to external entities and expansion bombs), an
 * element with more attributes than any schema of ours allows (libxml2
 * checks attribute names pairwise: 100,000 attributes took 38 s), and a
 * NUL byte. A small scanner watches the bytes as libxml2 reads them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"

#define MAX_ATTRS 256

enum { X_TEXT, X_LT, X_TAG, X_QUOTE, X_BANG, X_COMMENT, X_CDATA, X_PI };

/* Invariant: once refused, every read fails and why holds the reason. */
struct lc_xml_in {
	FILE *fp;
	char path[256];
	long long size, pos;
	int state;
	char quote;           /* X_QUOTE: the quote that ends the value */
	char bang[8];         /* X_BANG: what follows "<!" so far */
	size_t nbang;
	int run;              /* consecutive '-' (comment), ']' (CDATA) or
				 '?' (processing instruction) just seen */
	long attrs;           /* '=' in the current tag */
	long line, tagline;   /* current line; line of the last '<' */
	int refused;
	struct lc_error why;
};

int lc_xml_in_open(struct lc_xml_in **out, const char *path,
		   struct lc_error *err)
{
	struct lc_xml_in *in = calloc(1, sizeof *in);

	*out = NULL;
	if (!in)
		return lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				    "out of memory");
	in->fp = lc_file_open(path, &in->size, err);
	if (!in->fp) {
		free(in);
		return err ? err->status : LC_EIO;
	}
	snprintf(in->path, sizeof in->path, "%s", path);
	in->line = 1;
	*out = in;
	return 0;
}

static void refuse(struct lc_xml_in *in, long line, const char *msg)
{
	in->refused = 1;
	lc_error_set(&in->why, LC_EDATA, in->path, line, NULL, "%s", msg);
}

static const char doctype_msg[] =
	"DOCTYPE declarations are refused (no DTD, no entities: "
	"protection against XXE and entity expansion)";

/* What "<!" starts, once enough of it is seen: a comment, a CDATA
 * section, or a declaration (refused). */
static void bang(struct lc_xml_in *in, char c)
{
	static const char cdata[] = "[CDATA[";

	in->bang[in->nbang++] = c;
	if (in->bang[0] == '-') {
		if (in->nbang == 1)
			return;
		if (c == '-') {
			in->state = X_COMMENT;
			in->run = 0;
			return;
		}
	} else if (memcmp(in->bang, cdata, in->nbang) == 0) {
		if (in->nbang == 7) {
			in->state = X_CDATA;
			in->run = 0;
		}
		return;
	}
	refuse(in, in->tagline, in->bang[0] == 'D' || in->bang[0] == 'd' ?
	       doctype_msg : "markup declarations (<!...>) are refused");
}

static void scan(struct lc_xml_in *in, const char *p, size_t n)
{
	for (size_t i = 0; i < n && !in->refused; i++) {
		char c = p[i];

		if (c == '\0') {
			refuse(in, in->line, "NUL byte in the file (a text "
			       "file has none: a binary file?)");
			return;
		}
		if (c == '\n')
			in->line++;
		switch (in->state) {
		case X_TEXT:
			if (c == '<') {
				in->state = X_LT;
				in->tagline = in->line;
			}
			break;
		case X_LT:
			if (c == '!') {
				in->state = X_BANG;
				in->nbang = 0;
			} else if (c == '?') {
				in->state = X_PI;
				in->run = 0;
			} else {
				in->state = X_TAG;
				in->attrs = 0;
			}
			break;
		case X_TAG:
			if (c == '"' || c == '\'') {
				in->state = X_QUOTE;
				in->quote = c;
			} else if (c == '>') {
				in->state = X_TEXT;
			} else if (c == '=' && ++in->attrs > MAX_ATTRS) {
				char msg[128];

				snprintf(msg, sizeof msg, "an element with "
					 "more than %d attributes is "
					 "refused", MAX_ATTRS);
				refuse(in, in->tagline, msg);
			}
			break;
		case X_QUOTE:
			if (c == in->quote)
				in->state = X_TAG;
			break;
		case X_BANG:
			bang(in, c);
			break;
		case X_COMMENT:
			if (c == '>' && in->run >= 2)
				in->state = X_TEXT;
			in->run = c == '-' ? in->run + 1 : 0;
			break;
		case X_CDATA:
			if (c == '>' && in->run >= 2)
				in->state = X_TEXT;
			in->run = c == ']' ? in->run + 1 : 0;
			break;
		case X_PI:
			if (c == '>' && in->run)
				in->state = X_TEXT;
			in->run = c == '?';
			break;
		}
	}
}

int lc_xml_in_read(void *ctx, char *buf, int len)
{
	struct lc_xml_in *in = ctx;
	size_t n;

	if (in->refused || len <= 0)
		return in->refused ? -1 : 0;
	n = fread(buf, 1, (size_t)len, in->fp);
	if (n == 0 && ferror(in->fp)) {
		in->refused = 1;
		lc_error_set(&in->why, LC_EIO, in->path, 0, NULL,
			     "read error");
		return -1;
	}
	scan(in, buf, n);
	in->pos += (long long)n;
	return in->refused ? -1 : (int)n;
}

int lc_xml_in_close(void *ctx)
{
	(void)ctx;
	return 0;
}

int lc_xml_in_refused(const struct lc_xml_in *in, struct lc_error *err)
{
	if (!in || !in->refused)
		return 0;
	if (err)
		*err = in->why;
	return 1;
}

long long lc_xml_in_size(const struct lc_xml_in *in)
{
	return in->size;
}

void lc_xml_in_free(struct lc_xml_in *in)
{
	if (!in)
		return;
	if (in->fp)
		fclose(in->fp);
	free(in);
}
