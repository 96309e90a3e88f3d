/* svg.c - lowcarb's own small chart module: the marginal abatement cost
 * curve, the TRL ladder and the horizon timeline as standalone SVG (no
 * script), sized by viewBox, with <title> and <desc> for screen readers. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/internal.h"

/* The text key of w with {names[k]} filled by vals[k], into buf. */
static const char *tx(const struct lc_words *w, const char *key,
		      const char *const *names, const char *const *vals,
		      size_t nv, char *buf, size_t n)
{
	return lc_words_fill(w, key, names, vals, nv, buf, n);
}

#define FONT "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei'," \
	"'PingFang SC',sans-serif"

/* Opens a memory stream and writes the SVG root with its title and
 * description; NULL when out of memory. */
static FILE *svg_open(char **buf, size_t *len, int w, int h,
		      const char *title, const char *desc, const char *lang)
{
	FILE *fp = open_memstream(buf, len);

	if (!fp)
		return NULL;
	fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
		"viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
		"role=\"img\" aria-labelledby=\"t d\" xml:lang=\"%s\" "
		"font-family=\"%s\" font-size=\"12\">\n<title id=\"t\">",
		w, h, w, h, exp_is_en(lang) ? "en" : "zh-Hans", FONT);
	lc_xml_text(fp, title ? title : "");
	fputs("</title>\n<desc id=\"d\">", fp);
	lc_xml_text(fp, desc ? desc : "");
	fputs("</desc>\n", fp);
	fprintf(fp, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" "
		"fill=\"#ffffff\"/>\n", w, h);
	return fp;
}

/* Ends the SVG and the stream; *buf is only valid once it is closed. */
static char *svg_close(FILE *fp, char **buf)
{
	fputs("</svg>\n", fp);
	if (fclose(fp) != 0) {
		free(*buf);
		return NULL;
	}
	return *buf;
}

/* Coordinates with two decimals: enough for print, deterministic. */
static const char *co(double v, char *buf, size_t n)
{
	snprintf(buf, n, "%.2f", fabs(v) < 0.005 ? 0.0 : v);
	return buf;
}

/* A "nice" tick step (1, 2 or 5 times a power of ten) for range/target
 * ticks. */
static double nice_step(double range, int target)
{
	double raw = range / target, p, f;

	if (!(raw > 0))
		return 1;
	p = pow(10, floor(log10(raw)));
	f = raw / p;
	return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

static void text_at(FILE *fp, double x, double y, const char *anchor,
		    const char *extra, const char *s)
{
	char a[32], b[32];

	fprintf(fp, "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\"%s%s>",
		co(x, a, sizeof a), co(y, b, sizeof b), anchor,
		extra ? " " : "", extra ? extra : "");
	lc_xml_text(fp, s);
	fputs("</text>\n", fp);
}

/* ---- MACC -------------------------------------------------------------- */

/* "K  name" into buf, the name cut (with "…") to cols display columns
 * with the number, so that a key entry stays in its column. */
static void key_name(char *buf, size_t n, int key, const char *name,
		     size_t cols)
{
	char *s = NULL;
	size_t len = 0, k;
	FILE *fp = open_memstream(&s, &len);

	snprintf(buf, n, "%d  %s", key, name);
	if (!fp || lc_text_width(buf) <= cols) {
		if (fp)
			fclose(fp);
		free(s);
		return;
	}
	fprintf(fp, "%d  ", key);
	k = lc_text_width(buf) - lc_text_width(name);
	lc_text_cell(fp, name, cols > k + 2 ? cols - k : 2, 0);
	if (fclose(fp) == 0 && s) {
		len = strlen(s);
		while (len > 0 && s[len - 1] == ' ')
			s[--len] = '\0';
		snprintf(buf, n, "%s", s);
	}
	free(s);
}

/* The plot at most MPH high, at least MPH_MIN when its key is long; the
 * key in KEY_FONT type, a row every KEY_PITCH, three columns or four
 * when long. MH_FIT: the height at which a chart MW wide meets the
 * print's cap at the full text width (115 mm high on 174 mm in HTML,
 * 13 cm on 17 cm in the .fodt): under it the key's 13 units print at
 * 7.3 pt (at 63 entries a hair over it, still 7 pt). */
enum { MW = 880, ML = 78, MR = 24, MT = 28, MPH = 300, MPH_MIN = 200,
       KEY_FONT = 13, KEY_PITCH = 18, KEY_LONG = 24, MH_FIT = 581 };

/* Whether bar b, w units wide, is too narrow for its name: it shows its
 * key number and the key lists it. */
static int keyed(const struct lc_macc_bar *b, double w)
{
	return b->drawn && w < lc_text_width(b->name) * 6.5 + 6;
}

char *lc_svg_macc(const struct lc_macc_bar *b, size_t n, double price,
		  const char *title, const char *desc, const char *lang)
{
	int en = exp_is_en(lang);
	double total = 0, ymin = 0, ymax = 0, step, pw, tickw = 0;
	double xdiv = en ? 1e6 : 1e4, sx, sy, y0, over = 0;
	const char *xunit, *unit_key = "svg.unit.big";
	int eq = 0;   /* a bar of another gas: the axes say CO2e */
	size_t nkey = 0, keyrows, kcols;
	char *buf = NULL, a[32], c[32], d[32], e[32], t[160], u[64];
	static const char *const names[] = { "co2", "unit", "price",
					     "available" };
	const char *vals[4];
	size_t len = 0;
	struct lc_words *wd = NULL;
	FILE *fp;
	int h, ml, ph;
	char *out;

	for (size_t i = 0; i < n; i++) {
		eq |= b[i].co2e && (b[i].drawn || b[i].overlap > 0);
		if (b[i].overlap > 0) {
			over += b[i].overlap;
			ymin = fmin(ymin, b[i].cost);
			ymax = fmax(ymax, b[i].cost);
		}
		if (!b[i].drawn)
			continue;
		total = b[i].xmax;
		ymin = fmin(ymin, b[i].cost);
		ymax = fmax(ymax, b[i].cost);
	}
	if (isfinite(price)) {
		ymin = fmin(ymin, price);
		ymax = fmax(ymax, price);
	}
	/* the plot lower when the key is long, so that the chart meets the
	 * print's height cap with its key readable (the bars keyed at the
	 * widest plot: a few more may be at the plot's width) */
	for (size_t i = 0; i < n; i++)
		if (keyed(&b[i], b[i].potential * (MW - ML - MR) /
			  fmax(total + over, 1e-9)))
			nkey++;
	kcols = nkey > KEY_LONG ? 4 : 3;
	ph = MH_FIT - MT - 62 - (isfinite(price) ? 18 : 0) -
	     (int)((nkey + kcols - 1) / kcols) * KEY_PITCH;
	ph = ph > MPH ? MPH : ph < MPH_MIN ? MPH_MIN : ph;
	nkey = 0;
	if (ymax - ymin <= 0)
		ymax = ymin + 100;
	step = nice_step(ymax - ymin, 6);
	ymin = floor(ymin / step) * step;
	ymax = ceil(ymax / step) * step;
	/* room for a bar's number under the lowest bar and over the
	 * highest, clear of the axis's figures: one step more when the
	 * bar comes within 16 px of the plot's edge */
	for (size_t i = 0; i < n; i++) {
		double s = ph / (ymax - ymin);

		if (!b[i].drawn && !(b[i].overlap > 0))
			continue;
		if (b[i].cost < 0 && (b[i].cost - ymin) * s < 16) {
			ymin -= step;
			i = (size_t)-1;
		} else if (b[i].cost > 0 && (ymax - b[i].cost) * s < 16) {
			ymax += step;
			i = (size_t)-1;
		}
	}
	/* the plot starts right of the widest figure of the cost axis and
	 * of its title, rotated beside them */
	for (double v = ymin; v <= ymax + step / 2; v += step) {
		lc_num_human(v, step < 1 ? 1 : 0, t, sizeof t);
		tickw = fmax(tickw, lc_text_width(t) * 6.6);
	}
	ml = (int)ceil(fmax(ML, 6 + tickw + 20 + 18));
	pw = MW - ml - MR;
	if (!(total > 0))
		total = 1;
	/* the axis in the language's large or small unit: Mt or kt,
	 * 亿吨 or 万吨 (the words from the text catalogue) */
	if (total / xdiv < 1 && en) {
		xdiv = 1e3;
		unit_key = "svg.unit.small";
	} else if (total >= 1e8 && !en) {
		xdiv = 1e8;
	} else if (!en) {
		unit_key = "svg.unit.small";
	}
	if (lc_words_load(lang, &wd, NULL) < 0)
		return NULL;
	vals[0] = eq ? "CO2e" : "CO2";
	vals[1] = vals[2] = vals[3] = "";
	xunit = tx(wd, unit_key, names, vals, 4, u, sizeof u);
	vals[1] = xunit;
	/* Overlaps (competing routes beyond their product's baseline) are
	 * drawn after the counted curve, past a dashed line at its total:
	 * seen, never read as part of it. */
	sx = pw / (total + over);
	sy = ph / (ymax - ymin);
	y0 = MT + (ymax - 0) * sy;

	/* Which bars are too narrow for their name: count the key. */
	for (size_t i = 0; i < n; i++)
		if (keyed(&b[i], b[i].potential * sx))
			nkey++;
	kcols = nkey > KEY_LONG ? 4 : 3;
	keyrows = (nkey + kcols - 1) / kcols;
	h = MT + ph + 62 + (int)keyrows * KEY_PITCH +
	    (isfinite(price) ? 18 : 0);
	fp = svg_open(&buf, &len, MW, h, title, desc, lang);
	if (!fp) {
		lc_words_free(wd);
		return NULL;
	}

	/* Grid and y axis. */
	fputs("<g stroke=\"#d9dee5\" stroke-width=\"1\">\n", fp);
	for (double v = ymin; v <= ymax + step / 2; v += step) {
		double y = MT + (ymax - v) * sy;

		fprintf(fp, "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\"/>\n",
			ml, co(y, a, sizeof a), MW - MR, co(y, c, sizeof c));
	}
	fputs("</g>\n<g fill=\"#333333\" font-size=\"11\">\n", fp);
	for (double v = ymin; v <= ymax + step / 2; v += step) {
		lc_num_human(v, step < 1 ? 1 : 0, t, sizeof t);
		text_at(fp, ml - 6, MT + (ymax - v) * sy + 4, "end", NULL, t);
	}
	step = nice_step(total / xdiv, 8);
	for (double v = 0; v * xdiv <= total * 1.0001; v += step) {
		lc_num_human(v, step < 1 ? (step < 0.1 ? 2 : 1) : 0, t,
			     sizeof t);
		text_at(fp, ml + v * xdiv * sx, MT + ph + 16, "middle", NULL,
			t);
	}
	fputs("</g>\n", fp);
	tx(wd, "svg.macc.yaxis", names, vals, 4, t, sizeof t);
	snprintf(a, sizeof a, "%.2f", MT + ph / 2.0);
	snprintf(c, sizeof c, "%.2f", ml - 6 - tickw - 20);
	fprintf(fp, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" "
		"font-size=\"12\" transform=\"rotate(-90 %s %s)\" "
		"fill=\"#333333\">", c, a, c, a);
	lc_xml_text(fp, t);
	fputs("</text>\n", fp);
	tx(wd, "svg.macc.xaxis", names, vals, 4, t, sizeof t);
	text_at(fp, ml + pw / 2, MT + ph + 36, "middle",
		"fill=\"#333333\"", t);

	/* Bars. */
	fputs("<g stroke=\"#ffffff\" stroke-width=\"0.5\">\n", fp);
	for (size_t i = 0; i < n; i++) {
		double x, w, y, hh;

		if (!b[i].drawn)
			continue;
		x = ml + b[i].xmin * sx;
		w = b[i].potential * sx;
		y = b[i].cost >= 0 ? y0 - b[i].cost * sy : y0;
		hh = fabs(b[i].cost) * sy;
		fprintf(fp, "<rect class=\"bar\" x=\"%s\" y=\"%s\" "
			"width=\"%s\" height=\"%s\" fill=\"%s\"><title>",
			co(x, a, sizeof a), co(y, c, sizeof c),
			co(w, d, sizeof d), co(hh < 0.5 ? 0.5 : hh, e,
						sizeof e),
			b[i].cost < 0 ? "#2e8b57" : "#3b6ea5");
		lc_xml_text(fp, b[i].name);
		fputs("</title></rect>\n", fp);
	}
	fputs("</g>\n", fp);
	if (over > 0) {
		double x = ml + total * sx;

		fprintf(fp, "<line x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" "
			"stroke=\"#555555\" stroke-dasharray=\"3 3\"/>\n",
			co(x, a, sizeof a), MT, co(x, c, sizeof c), MT + ph);
		text_at(fp, x + 4, MT + 12, "start",
			"fill=\"#555555\" font-size=\"10\"",
			lc_words_get(wd, "svg.macc.overlap"));
		for (size_t i = 0; i < n; i++) {
			double w, y, hh;

			if (!(b[i].overlap > 0))
				continue;
			w = b[i].overlap * sx;
			y = b[i].cost >= 0 ? y0 - b[i].cost * sy : y0;
			hh = fabs(b[i].cost) * sy;
			fprintf(fp, "<rect class=\"overlap\" x=\"%s\" "
				"y=\"%s\" width=\"%s\" height=\"%s\" "
				"fill=\"#c8d3e0\" stroke=\"#7f8fa6\" "
				"stroke-dasharray=\"2 2\"><title>",
				co(x, a, sizeof a), co(y, c, sizeof c),
				co(w, d, sizeof d),
				co(hh < 0.5 ? 0.5 : hh, e, sizeof e));
			lc_xml_text(fp, b[i].name);
			lc_xml_text(fp, lc_words_get(wd,
						     "svg.macc.overlap.bar"));
			fputs("</title></rect>\n", fp);
			x += w;
		}
	}

	/* Labels: the name when it fits, else the key number. */
	fputs("<g font-size=\"10\" fill=\"#1a1a1a\">\n", fp);
	nkey = 0;
	for (size_t i = 0; i < n; i++) {
		double w = b[i].potential * sx, x, y;
		int fits;

		if (!b[i].drawn)
			continue;
		fits = !keyed(&b[i], w);
		x = ml + b[i].xmin * sx + w / 2;
		y = b[i].cost >= 0 ? y0 - b[i].cost * sy - 4 :
		    y0 - b[i].cost * sy + 12;
		if (fits) {
			text_at(fp, x, y, "middle", "class=\"label\"",
				b[i].name);
		} else {
			/* the number on the bar when there is room for it,
			 * clear of the y axis; the key lists it anyway */
			snprintf(t, sizeof t, "%d", b[i].key);
			x = fmax(x, ml + strlen(t) * 3.3 + 2);
			if (w >= 9)
				text_at(fp, x, y, "middle",
					"class=\"num\"", t);
			nkey++;
		}
	}
	fputs("</g>\n", fp);

	/* Zero line and carbon price. */
	fprintf(fp, "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" "
		"stroke=\"#000000\" stroke-width=\"1.2\"/>\n", ml,
		co(y0, a, sizeof a), MW - MR, co(y0, c, sizeof c));
	if (isfinite(price)) {
		double y = MT + (ymax - price) * sy;
		char pr[48], av[64];

		fprintf(fp, "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" "
			"stroke=\"#c0392b\" stroke-width=\"1.5\" "
			"stroke-dasharray=\"6 4\"/>\n", ml,
			co(y, a, sizeof a), MW - MR, co(y, c, sizeof c));
		lc_num_human(price, 0, pr, sizeof pr);
		lc_co2e_human(lc_macc_available(b, n, price), lang, eq, av,
			      sizeof av);
		vals[2] = pr;
		vals[3] = av;
		tx(wd, "svg.macc.price", names, vals, 4, t, sizeof t);
		/* At the left, above the line: the cheapest bars there
		 * are the ones below zero, so the text stays clear. */
		text_at(fp, ml + 6, y - 5, "start",
			"fill=\"#c0392b\" font-size=\"11\"", t);
	}
	fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		"stroke=\"#000000\"/>\n", ml, MT, ml, MT + ph);

	/* Key of the numbered bars, three columns (four when long), in
	 * type that prints at 7 pt or more (a display column half
	 * its size). */
	if (nkey) {
		size_t k = 0;
		double ky = MT + ph + 56 + (isfinite(price) ? 18 : 0);
		/* the key spans the chart's width, under the axis's title
		 * (not only the plot's: a name cut less) */
		double cw = (MW - 2.0 * 12) / (double)kcols;

		fprintf(fp, "<g font-size=\"%d\" fill=\"#333333\">\n",
			KEY_FONT);
		for (size_t i = 0; i < n && k < nkey; i++) {
			char name[160];

			if (!keyed(&b[i], b[i].potential * sx))
				continue;
			key_name(name, sizeof name, b[i].key, b[i].name,
				 (size_t)((cw - 12) / (KEY_FONT * 0.5)));
			text_at(fp, 12 + (double)(k % kcols) * cw,
				ky + (double)(k / kcols) * KEY_PITCH, "start",
				"class=\"key\"", name);
			k++;
		}
		fputs("</g>\n", fp);
	}
	out = svg_close(fp, &buf);
	lc_words_free(wd);
	return out;
}

/* ---- TRL ladder -------------------------------------------------------- */

char *lc_svg_trl(const long *counts, size_t nrows,
		 const char *const *labels, const char *title,
		 const char *desc, const char *lang)
{
	static const char *const band_fill[3] = { "#fdebd3", "#fff6c7",
						  "#dff0d8" };
	int lw = 150, cw = 72, rh = 44, top = 56;
	int w = lw + 9 * cw + 20, h = top + (int)nrows * rh + 40;
	long max = 1;
	char *buf = NULL, t[96], a[32], c[32], *out;
	size_t len = 0;
	struct lc_words *wd = NULL;
	FILE *fp;

	for (size_t i = 0; i < nrows * 9; i++)
		max = counts[i] > max ? counts[i] : max;
	if (lc_words_load(lang, &wd, NULL) < 0)
		return NULL;
	fp = svg_open(&buf, &len, w, h, title, desc, lang);
	if (!fp) {
		lc_words_free(wd);
		return NULL;
	}
	/* Bands 1-5, 6-7, 8-9 as shaded columns with their horizon. */
	for (int k = 0; k < 3; k++) {
		int from = k == 0 ? 0 : k == 1 ? 5 : 7;
		int span = k == 0 ? 5 : 2;
		static const char *const band[3] = { "svg.trl.band0",
						     "svg.trl.band1",
						     "svg.trl.band2" };

		fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			"height=\"%d\" fill=\"%s\"/>\n", lw + from * cw,
			top - 40, span * cw, (int)nrows * rh + 40,
			band_fill[k]);
		text_at(fp, lw + from * cw + span * cw / 2.0, top - 26,
			"middle", "font-weight=\"bold\" fill=\"#333333\"",
			lc_words_get(wd, band[k]));
	}
	for (int j = 0; j < 9; j++) {
		snprintf(t, sizeof t, "%d", j + 1);
		text_at(fp, lw + j * cw + cw / 2.0, top - 6, "middle",
			"fill=\"#555555\"", t);
	}
	for (size_t r = 0; r < nrows; r++) {
		double y = top + (double)r * rh + rh / 2.0;

		fprintf(fp, "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" "
			"stroke=\"#cccccc\"/>\n", lw, co(y, a, sizeof a),
			lw + 9 * cw, co(y, c, sizeof c));
		text_at(fp, lw - 10, y + 4, "end", "fill=\"#1a1a1a\"",
			labels[r]);
		for (int j = 0; j < 9; j++) {
			long v = counts[r * 9 + (size_t)j];
			double rad = 4 + 15 * sqrt((double)v / (double)max);

			if (!v)
				continue;
			fprintf(fp, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" "
				"fill=\"#3b6ea5\" fill-opacity=\"0.85\"/>\n",
				co(lw + j * cw + cw / 2.0, a, sizeof a),
				co(y, c, sizeof c), co(rad, t, sizeof t));
			snprintf(t, sizeof t, "%ld", v);
			text_at(fp, lw + j * cw + cw / 2.0,
				rad >= 9 ? y + 4 : y - rad - 3, "middle",
				rad >= 9 ? "fill=\"#ffffff\" font-size=\"11\"" :
				"fill=\"#1a1a1a\" font-size=\"11\"", t);
		}
	}
	text_at(fp, lw + 4.5 * cw, h - 12, "middle", "fill=\"#333333\"",
		lc_words_get(wd, "svg.trl.axis"));
	out = svg_close(fp, &buf);
	lc_words_free(wd);
	return out;
}

/* ---- timeline ---------------------------------------------------------- */

char *lc_svg_timeline(const long count[3], const char *const labels[3],
		      const int *years, size_t nyears, const char *title,
		      const char *desc, const char *lang)
{
	static const char *const fill[3] = { "#2e8b57", "#e0a526",
					     "#3b6ea5" };
	/* Solid: the horizon's main phase; faded: what follows. */
	static const int span[3][4] = { { 2025, 2035, 2035, 2060 },
					{ 2025, 2030, 2030, 2060 },
					{ 2025, 2035, 2035, 2060 } };
	int lw = 230, w = 880, top = 30, lh = 52;
	int y0 = 2024, y1 = 2061, h = top + 3 * lh + 50;
	double sx = (double)(w - lw - 30) / (y1 - y0);
	char *buf = NULL, t[160], a[32], c[32], d[32], nb[24], *out;
	size_t len = 0;
	struct lc_words *wd = NULL;
	static const char *const names[] = { "n" };
	const char *vals[] = { nb };
	FILE *fp;

	if (lc_words_load(lang, &wd, NULL) < 0)
		return NULL;
	fp = svg_open(&buf, &len, w, h, title, desc, lang);
	if (!fp) {
		lc_words_free(wd);
		return NULL;
	}
	for (size_t k = 0; k < nyears; k++) {
		double x = lw + (years[k] - y0) * sx;

		fprintf(fp, "<line x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" "
			"stroke=\"#999999\" stroke-dasharray=\"3 3\"/>\n",
			co(x, a, sizeof a), top - 10, co(x, c, sizeof c),
			top + 3 * lh + 4);
		fprintf(fp, "<circle cx=\"%s\" cy=\"%d\" r=\"5\" "
			"fill=\"#c0392b\"/>\n", co(x, a, sizeof a),
			top + 3 * lh + 14);
		snprintf(t, sizeof t, "%d", years[k]);
		text_at(fp, x, top + 3 * lh + 34, "middle",
			"font-weight=\"bold\" fill=\"#1a1a1a\"", t);
	}
	fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		"stroke=\"#333333\" stroke-width=\"2\"/>\n", lw,
		top + 3 * lh + 14, w - 30, top + 3 * lh + 14);
	for (int k = 0; k < 3; k++) {
		double y = top + k * lh + 8;
		double xa = lw + (span[k][0] - y0) * sx;
		double xb = lw + (span[k][1] - y0) * sx;
		double xc = lw + (span[k][3] - y0) * sx;

		fprintf(fp, "<rect x=\"%s\" y=\"%s\" width=\"%s\" "
			"height=\"26\" rx=\"4\" fill=\"%s\" "
			"fill-opacity=\"0.25\"/>\n", co(xb, a, sizeof a),
			co(y, c, sizeof c), co(xc - xb, d, sizeof d),
			fill[k]);
		fprintf(fp, "<rect x=\"%s\" y=\"%s\" width=\"%s\" "
			"height=\"26\" rx=\"4\" fill=\"%s\"/>\n",
			co(xa, a, sizeof a), co(y, c, sizeof c),
			co(xb - xa, d, sizeof d), fill[k]);
		text_at(fp, lw - 10, y + 12, "end",
			"font-weight=\"bold\" fill=\"#1a1a1a\"", labels[k]);
		snprintf(nb, sizeof nb, "%ld", count[k]);
		tx(wd, "svg.timeline.count", names, vals, 1, t, sizeof t);
		text_at(fp, lw - 10, y + 26, "end",
			"fill=\"#555555\" font-size=\"11\"", t);
	}
	out = svg_close(fp, &buf);
	lc_words_free(wd);
	return out;
}
