/* input.c - the bytes of an input file as UTF-8: read as is when they are
 * UTF-8, converted from GB18030 (a superset of GBK and GB2312, what Excel
 * and WPS save in China) with iconv otherwise or when asked; a leading
 * byte-order mark is dropped. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "catalog/input.h"

#define INBUF 65536

struct lc_input {
	FILE *fp;
	const char *path;
	iconv_t cd;             /* (iconv_t)-1: no conversion */
	char in[INBUF];         /* raw bytes not yet converted */
	size_t inlen;
	int eof;
	int first;              /* BOM not yet checked */
	long long pos, size;    /* raw bytes consumed, file size */
	long lines;             /* newlines delivered (for errors) */
};

int lc_utf8_valid(const unsigned char *p, size_t n, int partial_ok)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = p[i];
		size_t k, need;
		unsigned cp;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (i + need >= n) {   /* sequence runs past the end */
			for (k = 1; i + k < n; k++)
				if ((p[i + k] & 0xC0) != 0x80)
					return 0;
			return partial_ok;
		}
		for (k = 1; k <= need; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if ((need == 2 && (cp < 0x800 || (cp >= 0xD800 &&
						   cp <= 0xDFFF))) ||
		    (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
			return 0;
		i += need + 1;
	}
	return 1;
}

/* 1 when the whole file is UTF-8. Rewinds. */
static int sniff_utf8(FILE *fp)
{
	unsigned char buf[INBUF + 4];
	size_t carry = 0, n;
	int ok = 1;
	while (ok && (n = fread(buf + carry, 1, INBUF, fp)) > 0) {
		size_t tot = carry + n, keep = 0;
		/* keep an incomplete trailing sequence for the next round */
		while (keep < 3 && keep < tot &&
		       (buf[tot - 1 - keep] & 0xC0) == 0x80)
			keep++;
		if (keep < tot && buf[tot - 1 - keep] >= 0xC0)
			keep++;
		else
			keep = 0;
		ok = lc_utf8_valid(buf, tot - keep, 0);
		memmove(buf, buf + tot - keep, keep);
		carry = keep;
	}
	if (ok && carry)
		ok = lc_utf8_valid(buf, carry, 0);
	rewind(fp);
	return ok;
}

int lc_input_open(struct lc_input **out, const char *path,
		   const char *encoding, struct lc_error *err)
{
	struct lc_input *in;
	int convert = 0;
	*out = NULL;
	in = calloc(1, sizeof *in);
	if (!in)
		return lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				    "out of memory");
	in->cd = (iconv_t)-1;
	in->path = path;
	in->first = 1;
	in->fp = lc_file_open(path, &in->size, err);
	if (!in->fp) {
		free(in);
		return err ? err->status : LC_EIO;
	}
	if (in->size < 0)
		in->size = 0;
	if (encoding && (strcasecmp(encoding, "gb18030") == 0 ||
			 strcasecmp(encoding, "gbk") == 0 ||
			 strcasecmp(encoding, "gb2312") == 0))
		convert = 1;
	else if (encoding && strcasecmp(encoding, "utf-8") != 0 &&
		 strcasecmp(encoding, "utf8") != 0) {
		fclose(in->fp);
		free(in);
		return lc_error_set(err, LC_EUSAGE, path, 0, NULL,
				    "unknown encoding '%s' (utf-8 or "
				    "gb18030)", encoding);
	} else if (!encoding && !sniff_utf8(in->fp))
		convert = 1;
	if (convert) {
		in->cd = iconv_open("UTF-8", "GB18030");
		if (in->cd == (iconv_t)-1) {
			fclose(in->fp);
			free(in);
			return lc_error_set(err, LC_EIO, path, 0, NULL,
					    "iconv cannot convert GB18030");
		}
	}
	*out = in;
	return 0;
}

static void count_lines(struct lc_input *in, const char *p, size_t n)
{
	const char *e = p + n;
	while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		in->lines++;
		p++;
	}
}

static long deliver(struct lc_input *in, char *buf, long n)
{
	if (in->first && n > 0) {
		in->first = 0;
		if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
			memmove(buf, buf + 3, (size_t)n - 3);
			n -= 3;
		}
	}
	if (in->cd != (iconv_t)-1)
		count_lines(in, buf, (size_t)n);
	return n;
}

long lc_input_read(struct lc_input *in, char *buf, size_t n,
		    struct lc_error *err)
{
	if (in->cd == (iconv_t)-1) {
		size_t got = fread(buf, 1, n, in->fp);
		if (got == 0 && ferror(in->fp))
			return lc_error_set(err, LC_EIO, in->path, 0, NULL,
					    "read error");
		in->pos += (long long)got;
		return deliver(in, buf, (long)got);
	}
	for (;;) {
		char *ip = in->in, *op = buf;
		size_t il = in->inlen, ol = n;
		size_t r;
		if (!in->eof && in->inlen < INBUF / 2) {
			size_t got = fread(in->in + in->inlen, 1,
					   INBUF - in->inlen, in->fp);
			if (got == 0 && ferror(in->fp))
				return lc_error_set(err, LC_EIO, in->path,
						    0, NULL, "read error");
			if (got == 0)
				in->eof = 1;
			in->inlen += got;
			in->pos += (long long)got;
			il = in->inlen;
		}
		if (il == 0)
			return 0;
		r = iconv(in->cd, &ip, &il, &op, &ol);
		memmove(in->in, ip, il);
		in->inlen = il;
		if (r == (size_t)-1 && errno == EILSEQ && op == buf)
			return lc_error_set(err, LC_EDATA, in->path,
					    in->lines + 1, NULL,
					    "bytes that are neither UTF-8 nor "
					    "GB18030");
		if (r == (size_t)-1 && errno == EINVAL && in->eof &&
		    op == buf)
			return lc_error_set(err, LC_EDATA, in->path,
					    in->lines + 1, NULL,
					    "file ends inside a GB18030 "
					    "character");
		if (op != buf)
			return deliver(in, buf, (long)(op - buf));
	}
}

long long lc_input_pos(const struct lc_input *in)
{
	return in->pos;
}

long long lc_input_size(const struct lc_input *in)
{
	return in->size;
}

void lc_input_close(struct lc_input *in)
{
	if (!in)
		return;
	if (in->cd != (iconv_t)-1)
		iconv_close(in->cd);
	if (in->fp)
		fclose(in->fp);
	free(in);
}
