/* text.c - generic text codecs every module uses: display width of UTF-8
 * text on a terminal and table cells cut to it, one RFC 4180 CSV field,
 * one JSON string literal. */
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"

/* Decodes one UTF-8 sequence at s; *len receives its length (1 for an
 * invalid byte, which then counts as one column). */
static unsigned long utf8_next(const unsigned char *s, size_t *len)
{
	unsigned long c = s[0];
	size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 :
		   (c >> 3) == 30 ? 4 : 0;

	if (n == 0) {
		*len = 1;
		return 0xFFFD;
	}
	c = n == 1 ? c : c & (0x7F >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*len = 1;
			return 0xFFFD;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	*len = n;
	return c;
}

static int cp_width(unsigned long c)
{
	if ((c >= 0x0300 && c <= 0x036F) || c == 0x200B ||
	    (c >= 0xFE00 && c <= 0xFE0F))
		return 0;
	if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
	    (c >= 0x3041 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
	    (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
	    (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x20000 && c <= 0x3FFFD))
		return 2;
	return 1;
}

size_t lc_text_width(const char *s)
{
	size_t w = 0, len;

	for (const unsigned char *p = (const unsigned char *)s; p && *p;
	     p += len)
		w += (size_t)cp_width(utf8_next(p, &len));
	return w;
}

void lc_text_cell(FILE *fp, const char *s, size_t width, int right_align)
{
	size_t w = lc_text_width(s ? s : ""), used = 0, len;
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	if (w <= width) {
		if (right_align)
			fprintf(fp, "%*s", (int)(width - w), "");
		fputs(s ? s : "", fp);
		if (!right_align)
			fprintf(fp, "%*s", (int)(width - w), "");
		return;
	}
	/* Cut to width - 1 columns and end with an ellipsis. */
	for (; *p; p += len) {
		int cw = cp_width(utf8_next(p, &len));

		if (used + (size_t)cw + 1 > width)
			break;
		fwrite(p, 1, len, fp);
		used += (size_t)cw;
	}
	fputs("…", fp);
	fprintf(fp, "%*s", (int)(width - used - 1), "");
}

void lc_csv_field(FILE *fp, const char *s, int neutralise)
{
	int inert;

	if (!s)
		return;
	inert = neutralise && strchr("=+-@\t\r", *s) && *s;
	if (!inert && !strpbrk(s, ",\"\r\n")) {
		fputs(s, fp);
		return;
	}
	putc('"', fp);
	if (inert)
		putc('\'', fp);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', fp);
		putc(*s, fp);
	}
	putc('"', fp);
}

void lc_json_string(FILE *fp, const char *s)
{
	if (!s) {
		fputs("null", fp);
		return;
	}
	putc('"', fp);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		default:
			if (*p < 0x20)
				fprintf(fp, "\\u%04x", *p);
			else
				putc(*p, fp);
		}
	}
	putc('"', fp);
}


/* Decodes one UTF-8 character at p (n bytes left) into *cp; returns its
 * length, or 0 when the bytes are not UTF-8. */
static size_t utf8_decode(const unsigned char *p, size_t n,
			  unsigned long *cp)
{
	size_t len = p[0] < 0x80 ? 1 : (p[0] >> 5) == 6 ? 2 :
		     (p[0] >> 4) == 14 ? 3 : (p[0] >> 3) == 30 ? 4 : 0;
	unsigned long c;

	if (len == 0 || len > n)
		return 0;
	c = len == 1 ? p[0] : p[0] & (0x7F >> len);
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3F);
	}
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

int lc_text_check(const char *s, int multiline, size_t max, char *why,
		  size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), at = 0;

	if (len > max) {
		snprintf(why, n, "too long: %zu bytes, at most %zu", len,
			 max);
		return -1;
	}
	for (size_t i = 0; i < len; at++) {
		unsigned long c;
		size_t k;

		if (p[i] >= 0x20 && p[i] < 0x7F) {   /* printable ASCII */
			i++;
			continue;
		}
		k = utf8_decode(p + i, len - i, &c);

		if (k == 0) {
			snprintf(why, n, "not UTF-8 at byte %zu", i + 1);
			return -1;
		}
		i += k;
		if (c == '\t' || (c == '\n' && multiline))
			continue;
		if (c == '\n' || c == '\r') {
			snprintf(why, n, "a line break is not allowed in "
				 "this field (character %zu)", at + 1);
			return -1;
		}
		if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
			snprintf(why, n, "control character U+%04lX at "
				 "character %zu is not text", c, at + 1);
			return -1;
		}
		if (c == 0xFEFF) {
			snprintf(why, n, "byte-order mark (U+FEFF) inside the "
				 "text at character %zu (files joined "
				 "together?)", at + 1);
			return -1;
		}
		if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE) {
			snprintf(why, n, "non-character U+%04lX at character "
				 "%zu is not text", c, at + 1);
			return -1;
		}
	}
	return 0;
}

int lc_text_bidi(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	/* U+202A..U+202E are E2 80 AA..AE; U+2066..U+2069 E2 81 A6..A9 */
	for (; (p = (const unsigned char *)strchr((const char *)p, 0xE2));
	     p++)
		if ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
		    (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9))
			return 1;
	return 0;
}

int lc_regex_jit(void)
{
	const char *s = getenv("LOWCARB_NO_JIT");

	return !s || !*s;
}

size_t lc_utf8_whole(const char *s, size_t n)
{
	size_t k = 0, want;
	unsigned char c;

	/* back over continuation bytes (at most three) to a lead byte */
	while (k < 3 && k < n && ((unsigned char)s[n - 1 - k] & 0xC0) == 0x80)
		k++;
	if (k == n)
		return n;
	c = (unsigned char)s[n - 1 - k];
	want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	return c >= 0xC0 && want > k + 1 ? n - 1 - k : n;
}

char *lc_utf8_trim(char *s)
{
	s[lc_utf8_whole(s, strlen(s))] = '\0';
	return s;
}
