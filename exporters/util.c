/* util.c - small pieces the exporters share: escaping for XML/HTML/SVG and
 * Markdown, numbers for people, table column widths, base64, the
 * abatement cost of a dossier. */
#include <math.h>
#include <string.h>
#include "exporters/internal.h"

int exp_is_en(const char *lang)
{
	return lang && strncmp(lang, "en", 2) == 0;
}

/* First and last bytes of an isolate: FSI (U+2068) and PDI (U+2069). */
#define FSI "\xE2\x81\xA8"
#define PDI "\xE2\x81\xA9"

/* Length of a character at p that no document should hold (DEL, a C1
 * control, U+FFFE, U+FFFF), else 0: input refuses them, but a catalog
 * written before it did may hold them. */
static size_t not_text(const unsigned char *p)
{
	if (p[0] == 0x7F)
		return 1;
	if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
		return 2;
	if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
		return 3;
	return 0;
}

void lc_xml_text(FILE *fp, const char *s)
{
	int iso = s && lc_text_bidi(s);

	if (iso)
		fputs(FSI, fp);
	for (const unsigned char *p = (const unsigned char *)s; p && *p;
	     p++) {
		size_t skip = not_text(p);

		if (skip) {
			p += skip - 1;
			continue;
		}
		switch (*p) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		case '\'':
			fputs("&#39;", fp);
			break;
		default:
			/* XML 1.0 forbids most control characters. */
			if (*p >= 0x20 || *p == '\t' || *p == '\n')
				putc(*p, fp);
		}
	}
	if (iso)
		fputs(PDI, fp);
}

void lc_md_text(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t digits;

	if (!p)
		return;
	/* What would start a block (heading, list item, rule, setext
	 * underline) at line start: '#', '+', '-' followed by a blank, the
	 * end or the same mark, and '='; never a number such as -1. */
	digits = strspn(s, "0123456789");
	if (*p == '=' || (*p && strchr("#+-", *p) &&
			  (!p[1] || p[1] == ' ' || p[1] == '\t' ||
			   p[1] == *p)))
		putc('\\', fp);
	if (lc_text_bidi(s))
		fputs(FSI, fp);
	for (; *p; p++) {
		size_t skip = not_text(p);

		if (skip) {
			p += skip - 1;
			continue;
		}
		if (*p == '\n' || *p == '\r') {
			putc(' ', fp);
		} else if (*p == '<') {
			/* GFM passes raw HTML through: never let a tag out. */
			fputs("&lt;", fp);
		} else if (*p == '>') {
			fputs("&gt;", fp);
		} else if (*p == '&') {
			fputs("&amp;", fp);
		} else if (strchr("\\`*_[]|~", *p) ||
			   (digits && p == (const unsigned char *)s + digits &&
			    (*p == '.' || *p == ')') &&
			    (!p[1] || p[1] == ' ' || p[1] == '\t'))) {
			putc('\\', fp);
			putc(*p, fp);
		} else if (*p >= 0x20 || *p == '\t') {
			putc(*p, fp);
		}
	}
	if (lc_text_bidi(s))
		fputs(PDI, fp);
}

char *lc_num_human(double v, int decimals, char *buf, size_t n)
{
	char tmp[64], *dot;
	size_t len, intlen, o = 0, start;

	if (!isfinite(v)) {
		snprintf(buf, n, "—");
		return buf;
	}
	snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
	if (strspn(tmp, "-0.") == strlen(tmp) && tmp[0] == '-')
		memmove(tmp, tmp + 1, strlen(tmp));   /* no "-0" */
	len = strlen(tmp);
	start = tmp[0] == '-' ? 1 : 0;
	dot = strchr(tmp, '.');
	intlen = (dot ? (size_t)(dot - tmp) : len) - start;
	if (start && o + 1 < n)
		buf[o++] = '-';
	for (size_t i = 0; i < intlen && o + 1 < n; i++) {
		if (i && (intlen - i) % 3 == 0 && o + 1 < n)
			buf[o++] = ',';
		if (o + 1 < n)
			buf[o++] = tmp[start + i];
	}
	for (size_t i = start + intlen; i < len && o + 1 < n; i++)
		buf[o++] = tmp[i];
	if (n)
		buf[o < n ? o : n - 1] = '\0';
	return buf;
}

char *lc_co2e_human(double t, const char *lang, int eq, char *buf, size_t n)
{
	const char *g = eq ? "CO2e" : "CO2";
	char v[48];
	double a = fabs(t);
	int dec;

	if (!isfinite(t)) {
		snprintf(buf, n, "—");
		return buf;
	}
	if (!exp_is_en(lang)) {
		if (a >= 1e8)
			snprintf(buf, n, "%s 亿吨 %s/年",
				 lc_num_human(t / 1e8, 2, v, sizeof v), g);
		else if (a >= 1e4)
			snprintf(buf, n, "%s 万吨 %s/年",
				 lc_num_human(t / 1e4, a >= 1e6 ? 0 : 1, v,
					      sizeof v), g);
		else
			snprintf(buf, n, "%s 吨 %s/年",
				 lc_num_human(t, 0, v, sizeof v), g);
		return buf;
	}
	{
		static const struct { double div; const char *unit; } u[] = {
			{ 1e9, "Gt" }, { 1e6, "Mt" }, { 1e3, "kt" },
			{ 1, "t" } };
		size_t k = 0;

		while (k < 3 && a < u[k].div)
			k++;
		a /= u[k].div;
		dec = k == 3 ? 0 : k == 0 ? 2 : a >= 100 ? 0 : a >= 10 ? 1 : 2;
		snprintf(buf, n, "%s %s %s/a",
			 lc_num_human(t / u[k].div, dec, v, sizeof v),
			 u[k].unit, g);
	}
	return buf;
}

char *lc_co2_human(double t, const char *lang, char *buf, size_t n)
{
	return lc_co2e_human(t, lang, 0, buf, n);
}

void exp_base64(FILE *fp, const char *s, size_t len, int wrap)
{
	static const char tab[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		"0123456789+/";
	const unsigned char *p = (const unsigned char *)s;
	size_t col = 0;

	for (size_t i = 0; i < len; i += 3) {
		unsigned long v = (unsigned long)p[i] << 16;
		size_t k = len - i;

		if (k > 1)
			v |= (unsigned long)p[i + 1] << 8;
		if (k > 2)
			v |= p[i + 2];
		putc(tab[(v >> 18) & 63], fp);
		putc(tab[(v >> 12) & 63], fp);
		putc(k > 1 ? tab[(v >> 6) & 63] : '=', fp);
		putc(k > 2 ? tab[v & 63] : '=', fp);
		col += 4;
		if (wrap && col >= 76 && i + 3 < len) {
			putc('\n', fp);
			col = 0;
		}
	}
}

const char *lc_tech_name(const struct lc_tech *t, const char *lang)
{
	const char *zh = lc_tech_get(t, LC_F_NAME_ZH);
	const char *en = lc_tech_get(t, LC_F_NAME_EN);
	const char *first = exp_is_en(lang) ? en : zh;
	const char *other = exp_is_en(lang) ? zh : en;

	if (first && *first)
		return first;
	if (other && *other)
		return other;
	first = lc_tech_get(t, LC_F_ID);
	return first ? first : "";
}

const char *lc_tech_text(const struct lc_tech *t, int f, const char *lang)
{
	int en = f == LC_F_SUMMARY ? LC_F_SUMMARY_EN :
		 f == LC_F_SCOPE ? LC_F_SCOPE_EN :
		 f == LC_F_KEY_INDICATORS ? LC_F_KEY_INDICATORS_EN : -1;
	const char *v = en >= 0 && exp_is_en(lang) ? lc_tech_get(t, en) : NULL;

	return v && *v ? v : lc_tech_get(t, f);
}

const char *lc_demo_text(const struct lc_demo *d, int k, const char *lang)
{
	int en = exp_is_en(lang);
	const char *zh = k == LC_DC_SITE ? d->site :
			 k == LC_DC_ENTERPRISE ? d->enterprise :
			 k == LC_DC_CAPACITY ? d->capacity : NULL;
	const char *v = !en ? NULL : k == LC_DC_SITE ? d->site_en :
			k == LC_DC_ENTERPRISE ? d->enterprise_en :
			k == LC_DC_CAPACITY ? d->capacity_en : NULL;

	return v && *v ? v : zh;
}

int lc_horizon(int trl)
{
	if (trl >= 8)
		return 0;
	if (trl >= 6)
		return 1;
	if (trl >= 1)
		return 2;
	return -1;
}
