/* colwidth.c - the widths of a table's columns on the A4 page, shared by
 * the HTML and ODF writers: an identifier or a number is never broken
 * (its column is at least as wide as its widest cell), no word of a
 * heading or a text cell is broken letter by letter (a column is at
 * least as wide as its longest word), and the room left goes where the
 * text needs it: narrow columns get their natural width; when the page is
 * too narrow for all, the headings of ids and numbers wrap first (onto two
 * lines, then onto as many as their words need, before a name takes a
 * third line), and the text columns share the rest in proportion to their
 * text, so that the longest wraps onto no more lines than the shortest
 * needs (a name is not set on five lines beside a category on one). A
 * table whose text would still wrap onto four lines or more is set in
 * the dense type when that saves its text lines. */
#include <math.h>
#include <string.h>
#include "exporters/internal.h"

/* Size of one display column of 9 pt table text and a cell's padding
 * and borders, in cm (the HTML prints 8.5 pt with 1.6 mm padding, the
 * ODF 9 pt with 0.6 mm: the larger of each). */
#define UNIT_CM 0.17
#define PAD_CM 0.36
/* Digits of ids and numbers are wider than the average column (a
 * digit of 9 pt text is 1.74 mm in Chromium's serif and LibreOffice's
 * sans; capitals count a quarter more: whole_eighths). */
#define WHOLE_UNIT_CM 0.18

/* Display width of the UTF-8 character at s, its length into *len. */
static size_t char_width(const char *s, size_t *len)
{
	unsigned char c = (unsigned char)*s;
	char buf[8];
	size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

	for (size_t i = 1; i < n; i++)
		if (!s[i]) {
			n = i;
			break;
		}
	memcpy(buf, s, n);
	buf[n] = '\0';
	*len = n;
	return lc_text_width(buf);
}

/* A CJK closing mark at s (len bytes), which never starts a line. */
static int cjk_closing(const char *s, size_t len)
{
	static const char *const marks[] = { "）", "，", "。", "、", "：",
					     "；", "！", "？", "」", "』",
					     "】", "》" };

	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (strlen(marks[i]) == len && strncmp(s, marks[i], len) == 0)
			return 1;
	return 0;
}

/* The width of the longest run of s that a renderer will not break: a
 * word between spaces, cut after a hyphen that does not start a number,
 * and around every wide (CJK) character, which may break on either side
 * but for brackets: an opening one starts a run, a closing mark ends the
 * run before it ("CO2）", "（%）" stay whole). */
static size_t longest_word(const char *s)
{
	size_t best = 0, run = 0, len;

	for (const char *p = s ? s : ""; *p; p += len) {
		size_t w = char_width(p, &len);

		if (*p == ' ' || *p == '\t' || *p == '\n') {
			run = 0;
			continue;
		}
		if (w >= 2 && strncmp(p, "（", len) != 0 &&
		    !cjk_closing(p, len)) {
			run = 0;
			if (w > best)
				best = w;
			continue;
		}
		if (w >= 2 && strncmp(p, "（", len) == 0)
			run = 0;   /* an opening bracket starts a run */
		run += w;
		if (run > best)
			best = run;
		if ((*p == '-' && run > 1 && !(p[1] >= '0' && p[1] <= '9')) ||
		    (w >= 2 && cjk_closing(p, len)))
			run = 0;
	}
	return best;
}

/* The width of an id or number in eighths of a column (a column is a
 * digit's): capitals a quarter wider, points and commas five eighths,
 * spaces half, a dash a digit's, wide characters as their width says
 * (9 pt in Chromium's serif and LibreOffice's sans: a digit 1.74 mm, a
 * comma 1.0 mm, a capital 2.0 mm). */
static size_t whole_eighths(const char *s)
{
	size_t q = 0, len;

	for (const char *p = s ? s : ""; *p; p += len) {
		size_t w = char_width(p, &len);

		if (*p == ',' || *p == '.')
			q += 5;
		else if (*p == ' ')
			q += 4;
		else if (*p >= 'A' && *p <= 'Z')
			q += 10;
		else if (strncmp(p, "–", len) == 0)
			q += 8;
		else
			q += 8 * w;
	}
	return q;
}

/* The width of s set on two lines, broken where a renderer may break
 * (at a space, which goes, or beside a wide character) so that the
 * longer line is shortest; its whole width when it cannot break. */
static size_t two_lines(const char *s)
{
	size_t all = lc_text_width(s ? s : ""), best = all, left = 0, len;
	size_t prev = 0;

	for (const char *p = s ? s : ""; *p; p += len) {
		size_t w = char_width(p, &len), m;

		if (*p == ' ' || (left && (w >= 2 || prev >= 2))) {
			size_t right = all - left - (*p == ' ' ? w : 0);

			m = left > right ? left : right;
			if (m < best)
				best = m;
		}
		left += w;
		prev = *p == ' ' ? 0 : w;
	}
	return best;
}

/* The type scale of the table being measured (1, or EXP_DENSE), and
 * whether its words did not fit at that scale. */
static double scale = 1.0;
static int dense_needed;

static double cm_of(size_t w, int whole)
{
	return scale * (double)w * (whole ? WHOLE_UNIT_CM : UNIT_CM) +
	       (scale < 1 ? 0.25 : PAD_CM);
}

/* The widths at cap level: each column its natural width up to level,
 * never below its minimum. Returns their sum. */
static double at_level(const double *nat, const double *min, size_t n,
		       double level, double *out)
{
	double s = 0;

	for (size_t c = 0; c < n; c++) {
		double w = fmax(min[c], fmin(nat[c], level));

		if (out)
			out[c] = w;
		s += w;
	}
	return s;
}

static void widths(const struct doc_table *t, double page, double *cm);

/* The most lines a short text cell of t (a name, a category: 60 display
 * columns at most; prose runs onto lines as it must) takes at the widths
 * cm, as the type scale sets it (a tenth more than its width over the
 * column's, for the room lost at the ends of lines). */
static double text_lines(const struct doc_table *t, const double *cm)
{
	double worst = 1;
	size_t n = t->ncols < 64 ? t->ncols : 64;

	for (size_t c = 0; c < n; c++) {
		double room = cm[c] - (scale < 1 ? 0.25 : PAD_CM);

		if (t->align[c] != 'l' || !(room > 0))
			continue;
		for (size_t r = 0; r < t->nrows; r++) {
			const char *s = t->cells[r * t->ncols + c];
			size_t tw = lc_text_width(s ? s : "");
			double w = scale * (double)tw * UNIT_CM * 1.1;

			if (tw <= 60)
				worst = fmax(worst, ceil(w / room));
		}
	}
	return worst;
}

int exp_col_widths(const struct doc_table *t, double page, double *cm)
{
	double dense[64], normal;
	size_t n = t->ncols < 64 ? t->ncols : 64;

	/* the normal type when its words fit and its text wraps onto three
	 * lines at most, else the dense type (when its words do not fit,
	 * or when it saves the text lines) */
	scale = 1.0;
	widths(t, page, cm);
	if (dense_needed) {
		scale = EXP_DENSE;
		widths(t, page, cm);
		scale = 1.0;
		return 1;
	}
	normal = text_lines(t, cm);
	if (normal < 4)
		return 0;
	scale = EXP_DENSE;
	widths(t, page, dense);
	if (text_lines(t, dense) < normal) {
		memcpy(cm, dense, n * sizeof *cm);
		scale = 1.0;
		return 1;
	}
	scale = 1.0;
	return 0;
}

/* The text columns at k times their natural width, never below their
 * minimum, the other columns as num says. Returns the sum. */
static double at_share(const struct doc_table *t, const double *nat,
		       const double *min, const double *num, size_t n,
		       double k, double *out)
{
	double s = 0;

	for (size_t c = 0; c < n; c++) {
		double w = t->align[c] == 'l' ? fmax(min[c], nat[c] * k) :
			   num[c];

		if (out)
			out[c] = w;
		s += w;
	}
	return s;
}

/* The largest share k (at most 1) of their natural widths that the text
 * columns get beside columns of ids and numbers as num says; 0 when even
 * their minimums do not fit. */
static double share(const struct doc_table *t, const double *nat,
		    const double *min, const double *num, size_t n,
		    double page)
{
	double lo = 0, hi = 1;

	if (at_share(t, nat, min, num, n, 0, NULL) > page)
		return 0;
	for (int i = 0; i < 50; i++) {
		double mid = (lo + hi) / 2;

		if (at_share(t, nat, min, num, n, mid, NULL) > page)
			hi = mid;
		else
			lo = mid;
	}
	return lo;
}

/* The page too narrow for the text at its natural width beside headings
 * of ids and numbers on two lines: the text columns share the room in
 * proportion to their natural widths (their text on as many lines each);
 * when that would set their text on three lines or more (a share under
 * half), the headings of ids and numbers narrow towards their longest
 * word (onto three lines, say) as far as it saves the text that line.
 * Returns 0 when the minimums do not fit (water filling then). */
static int by_share(const struct doc_table *t, const double *nat,
		    const double *min, const double *wrap, size_t n,
		    double page, double *cm)
{
	double num[64], k, lo = 0, hi = 1;

	for (size_t c = 0; c < n; c++)
		num[c] = wrap[c];
	k = share(t, nat, min, num, n, page);
	if (k >= 0.5) {
		at_share(t, nat, min, num, n, k, cm);
		goto fill;
	}
	/* the headings at t of the way from two lines to their longest word */
	for (size_t c = 0; c < n; c++)
		num[c] = min[c];
	if (share(t, nat, min, num, n, page) < 0.5) {
		k = share(t, nat, min, num, n, page);
		if (!(k > 0))
			return 0;
		at_share(t, nat, min, num, n, k, cm);
		goto fill;
	}
	for (int i = 0; i < 40; i++) {
		double mid = (lo + hi) / 2;

		for (size_t c = 0; c < n; c++)
			num[c] = wrap[c] - mid * (wrap[c] - min[c]);
		if (share(t, nat, min, num, n, page) >= 0.5)
			hi = mid;
		else
			lo = mid;
	}
	for (size_t c = 0; c < n; c++)
		num[c] = wrap[c] - hi * (wrap[c] - min[c]);
	at_share(t, nat, min, num, n, share(t, nat, min, num, n, page), cm);
fill:
	/* what the bisection leaves (a hair) to the widest text column */
	{
		double s = 0;
		size_t wide = n;

		for (size_t c = 0; c < n; c++) {
			s += cm[c];
			if (t->align[c] == 'l' && (wide == n || cm[c] > cm[wide]))
				wide = c;
		}
		if (wide < n)
			cm[wide] += page - s;
	}
	return 1;
}

static void widths(const struct doc_table *t, double page, double *cm)
{
	double nat[64], min[64], wrap[64], sum_nat = 0, sum_min = 0, lo, hi;
	size_t n = t->ncols < 64 ? t->ncols : 64;

	for (size_t c = 0; c < n; c++) {
		int whole = t->align[c] == 'r' || t->align[c] == 'i';
		/* a bold heading is some 10 % wider than its width says */
		size_t hw = lc_text_width(t->head[c]) * 11 / 10;
		size_t hmin = longest_word(t->head[c]) * 11 / 10 + 1;
		size_t cw = 0, cmin = 0;

		for (size_t r = 0; r < t->nrows; r++) {
			const char *s = t->cells[r * t->ncols + c];
			size_t w = whole ? (whole_eighths(s) + 7) / 8 :
				lc_text_width(s ? s : "");

			if (w > cw)
				cw = w;
			w = whole ? w : longest_word(s);
			if (w > cmin)
				cmin = w;
		}
		/* text columns: no narrower than two CJK characters; a long
		 * text wraps at about 40 columns when there is room */
		if (!whole && cmin < 4)
			cmin = 4;
		if (!whole && cw > 40 && cmin <= 40)
			cw = 40;
		nat[c] = fmax(cm_of(cw, whole), cm_of(hw, 0));
		min[c] = fmax(cm_of(cmin, whole), cm_of(hmin, 0));
		if (nat[c] < min[c])
			nat[c] = min[c];
		/* the heading on two lines at most, when the column must
		 * give room to the text */
		wrap[c] = fmin(nat[c], fmax(min[c],
					    cm_of(two_lines(t->head[c]) *
						  11 / 10, 0)));
		sum_nat += nat[c];
		sum_min += min[c];
	}
	dense_needed = sum_min >= page;
	if (sum_min >= page) {
		/* the table cannot hold its words on the page: the builder
		 * must split it (the layout tests say so) */
		double whole = 0;

		/* ids and numbers keep their width (a broken id or number
		 * misleads); the text columns share the rest */
		for (size_t c = 0; c < n; c++)
			if (t->align[c] != 'l')
				whole += min[c];
		for (size_t c = 0; c < n; c++)
			cm[c] = whole < page * 0.8 ? (t->align[c] != 'l' ?
				min[c] : min[c] * (page - whole) /
				(sum_min - whole)) : min[c] * page / sum_min;
		return;
	}
	if (sum_nat <= page) {
		/* room to spare: to the text columns, else to all */
		double text = 0;

		for (size_t c = 0; c < n; c++)
			if (t->align[c] == 'l')
				text += nat[c];
		for (size_t c = 0; c < n; c++)
			cm[c] = text > 0 ? (t->align[c] == 'l' ?
					    nat[c] * (1 + (page - sum_nat) /
						      text) : nat[c])
				: nat[c] * page / sum_nat;
		return;
	}
	/* too wide at the natural widths: the headings of ids and numbers
	 * wrap first (their cells never do), onto two lines, and the text
	 * columns share what is left; when that is not enough for their
	 * natural widths, all share the page by water filling, the
	 * headings of ids and numbers at most on two lines (at the level
	 * that fills the page a heading may take more) */
	{
		double text = 0, nmin = 0;

		for (size_t c = 0; c < n; c++) {
			if (t->align[c] == 'l')
				text += nat[c];
			else
				nmin += wrap[c];
		}
		if (text + nmin <= page && text > 0) {
			double k = (page - nmin) / text;

			for (size_t c = 0; c < n; c++)
				cm[c] = t->align[c] == 'l' ? nat[c] * k :
					wrap[c];
			return;
		}
		if (text > 0 && by_share(t, nat, min, wrap, n, page, cm))
			return;
		for (size_t c = 0; c < n; c++)
			if (t->align[c] != 'l')
				nat[c] = wrap[c];
	}
	/* water filling of the text columns: the level at which the widths
	 * fill the page */
	lo = 0;
	hi = page;
	for (int i = 0; i < 60; i++) {
		double mid = (lo + hi) / 2;

		if (at_level(nat, min, n, mid, NULL) > page)
			hi = mid;
		else
			lo = mid;
	}
	at_level(nat, min, n, lo, cm);
	/* what the bisection leaves (a hair) goes to the widest column */
	{
		double s = at_level(nat, min, n, lo, NULL);
		size_t wide = 0;

		for (size_t c = 1; c < n; c++)
			if (cm[c] > cm[wide])
				wide = c;
		cm[wide] += page - s;
	}
}
