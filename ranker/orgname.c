/* orgname.c - organisation names normalised for conflict matching:
 * width and case folded, spaces and punctuation dropped, legal forms
 * removed, so that "中国宝武钢铁集团有限公司" and "中国宝武钢铁集团" match, and
 * "宝山钢铁股份" (a joint-stock company's short form) and "宝山钢铁股份有限公司". */
#include <stdlib.h>
#include <string.h>
#include "ranker/ranker.h"

/* Decodes one UTF-8 sequence at *p (advancing it); invalid bytes come
 * back as themselves. */
static unsigned long utf8_next(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned long c = s[0];
	int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 :
		  (c >> 3) == 30 ? 4 : 1;

	if (len > 1) {
		c &= 0x3fUL >> (len - 1);
		for (int i = 1; i < len; i++) {
			if ((s[i] & 0xc0) != 0x80) {
				*p = s + 1;
				return s[0];
			}
			c = (c << 6) | (s[i] & 0x3f);
		}
	}
	*p = s + len;
	return c;
}

static size_t utf8_put(unsigned long c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* Punctuation and spaces that never tell two organisations apart. */
static int is_noise(unsigned long c)
{
	if (c < 0x80)
		return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'));
	return c == 0x3000 || (c >= 0x3001 && c <= 0x303f) ||
	       c == 0x00b7 || c == 0x2014 || c == 0x2018 || c == 0x2019 ||
	       c == 0x201c || c == 0x201d || c == 0x2026 || c == 0x00a0 ||
	       c == 0x30fb;
}

static const char *const suffixes[] = {
	"股份有限公司", "有限责任公司", "有限公司", "公司", "股份",
	"coltd", "limited", "ltd", "inc", "corporation", "corp", "company",
	"co", NULL
};

char *lc_org_norm(const char *in, char *out, size_t n)
{
	const unsigned char *p = (const unsigned char *)(in ? in : "");
	size_t len = 0;
	int again = 1;

	while (*p) {
		unsigned long c = utf8_next(&p);
		char buf[4];
		size_t k;

		if (c >= 0xff01 && c <= 0xff5e)   /* full-width ASCII */
			c -= 0xfee0;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (is_noise(c))
			continue;
		k = utf8_put(c, buf);
		if (len + k >= n)
			break;
		memcpy(out + len, buf, k);
		len += k;
	}
	out[len] = '\0';
	while (again) {
		again = 0;
		for (size_t i = 0; suffixes[i]; i++) {
			size_t sl = strlen(suffixes[i]);

			if (len > sl &&
			    memcmp(out + len - sl, suffixes[i], sl) == 0) {
				len -= sl;
				out[len] = '\0';
				again = 1;
				break;
			}
		}
	}
	return out;
}
