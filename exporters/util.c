/* util.c - small pieces the exporters share: escaping for XML/HTML/SVG and
 * Markdown, numbers for people, base64, the abatement cost of a dossier. */
#include <math.h>
#include <string.h>
#include "exporters/internal.h"

void lc_xml_text(FILE *fp, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p;
	     p++) {
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
}

void lc_md_text(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t digits;

	if (!p)
		return;
	/* What would start a block (heading, list, quote) at line start. */
	digits = strspn(s, "0123456789");
	if (*p && strchr("#+-=", *p))
		putc('\\', fp);
	for (; *p; p++) {
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
			    (*p == '.' || *p == ')'))) {
			putc('\\', fp);
			putc(*p, fp);
		} else if (*p >= 0x20 || *p == '\t') {
			putc(*p, fp);
		}
	}
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

double lc_crf(double r, double n)
{
	double g;

	if (!(n > 0) || !(r > -1))
		return NAN;
	if (r == 0)
		return 1 / n;
	g = pow(1 + r, n);
	return r * g / (g - 1);
}

int lc_abatement_cost(const struct lc_tech *t, double rate, double *out)
{
	double inv, life, ab, opex = 0, crf;

	if (lc_tech_num(t, LC_F_ABATEMENT_COST, out) && isfinite(*out))
		return 1;
	if (!lc_tech_num(t, LC_F_ABATEMENT, &ab) || !(ab > 0) ||
	    !lc_tech_num(t, LC_F_INVESTMENT, &inv) ||
	    !lc_tech_num(t, LC_F_LIFETIME, &life))
		return 0;
	(void)lc_tech_num(t, LC_F_OPEX_CHANGE, &opex);
	crf = lc_crf(rate, life);
	if (!isfinite(crf) || !isfinite(inv) || !isfinite(opex))
		return 0;
	*out = (crf * inv + opex) / ab;
	return isfinite(*out) ? 2 : 0;
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
