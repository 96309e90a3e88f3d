/* math_out.c - a parsed formula (math_int.h) as presentation MathML for
 * the HTML roadmap, and as readable Unicode text (xᵢⱼ, (a + b) ÷ c) for
 * the formats that have no formulas. */
#include <stdio.h>
#include <string.h>
#include "exporters/math_int.h"
#include "exporters/exporters.h"

/* ---- MathML ------------------------------------------------------------ */

static void ml(FILE *fp, const char *p, const struct exp_math *m);

/* A row's items, without a wrapping mrow. */
static void ml_items(FILE *fp, const char *p, const struct exp_math *r)
{
	for (size_t i = 0; i < r->n; i++)
		ml(fp, p, r->kid[i]);
}

/* One argument of a fraction, script or root: one element. */
static void ml_arg(FILE *fp, const char *p, const struct exp_math *m)
{
	if (m->kind == M_ROW && m->n == 1) {
		ml(fp, p, m->kid[0]);
	} else if (m->kind == M_ROW) {
		fprintf(fp, "<%smrow>", p);
		ml_items(fp, p, m);
		fprintf(fp, "</%smrow>", p);
	} else {
		ml(fp, p, m);
	}
}

static void ml_leaf(FILE *fp, const char *p, const char *tag,
		    const char *text)
{
	fprintf(fp, "<%s%s>", p, tag);
	lc_xml_text(fp, text);
	fprintf(fp, "</%s%s>", p, tag);
}

static void ml(FILE *fp, const char *p, const struct exp_math *m)
{
	const char *tag;

	switch (m->kind) {
	case M_ROW:
		ml_arg(fp, p, m);
		break;
	case M_ID:
	case M_NAME:
		ml_leaf(fp, p, "mi", m->text);
		break;
	case M_TEXT:
		ml_leaf(fp, p, "mtext", m->text);
		break;
	case M_NUM:
		ml_leaf(fp, p, "mn", m->text);
		break;
	case M_OP:
		ml_leaf(fp, p, "mo", m->text);
		break;
	case M_FENCE:
		fprintf(fp, "<%smrow>", p);
		ml_leaf(fp, p, "mo", m->text);
		ml_items(fp, p, m->a);
		ml_leaf(fp, p, "mo", m->close);
		fprintf(fp, "</%smrow>", p);
		break;
	case M_FRAC:
	case M_SQRT:
		fprintf(fp, "<%s%s>", p, m->kind == M_FRAC ? "mfrac" : "msqrt");
		if (m->kind == M_SQRT)
			ml_items(fp, p, m->a);
		else
			ml_arg(fp, p, m->a);
		if (m->b)
			ml_arg(fp, p, m->b);
		fprintf(fp, "</%s%s>", p, m->kind == M_FRAC ? "mfrac" :
			"msqrt");
		break;
	case M_SUM:
		/* limits under and over, moved beside it in running text */
		tag = m->b && m->c ? "munderover" : m->b ? "munder" :
		      m->c ? "mover" : NULL;
		if (tag)
			fprintf(fp, "<%s%s>", p, tag);
		ml_leaf(fp, p, "mo", m->text);
		if (m->b)
			ml_arg(fp, p, m->b);
		if (m->c)
			ml_arg(fp, p, m->c);
		if (tag)
			fprintf(fp, "</%s%s>", p, tag);
		break;
	case M_SCRIPT:
		tag = m->b && m->c ? "msubsup" : m->b ? "msub" : "msup";
		fprintf(fp, "<%s%s>", p, tag);
		ml_arg(fp, p, m->a);
		if (m->b)
			ml_arg(fp, p, m->b);
		if (m->c)
			ml_arg(fp, p, m->c);
		fprintf(fp, "</%s%s>", p, tag);
		break;
	}
}

void exp_math_mathml(FILE *fp, const struct exp_math *m, int display)
{
	fputs(display ? "<math display=\"block\">" : "<math>", fp);
	ml_items(fp, "", m);
	fputs("</math>", fp);
}

void exp_math_mathml_odf(FILE *fp, const struct exp_math *m, int display)
{
	fprintf(fp, "<math:math xmlns:math=\"http://www.w3.org/1998/Math/"
		"MathML\"%s><math:semantics><math:mrow>",
		display ? " display=\"block\"" : "");
	ml_items(fp, "math:", m);
	fputs("</math:mrow></math:semantics></math:math>", fp);
}

/* ---- extent ------------------------------------------------------------ */

/* The width and height of m in em of the formula's type, generously
 * (LibreOffice draws a formula object at the size its frame says: a
 * frame too small overlaps the text beside it, one too large only
 * leaves room). */
static void ext(const struct exp_math *m, double *w, double *h)
{
	double aw = 0, ah = 1, bw = 0, bh = 0, cw = 0, ch = 0;

	*w = 0;
	*h = 1.2;
	switch (m->kind) {
	case M_ROW:
		for (size_t i = 0; i < m->n; i++) {
			ext(m->kid[i], &aw, &ah);
			*w += aw;
			if (ah > *h)
				*h = ah;
		}
		break;
	case M_ID:
	case M_NAME:
	case M_TEXT:
	case M_NUM:
		*w = 0.62 * (double)lc_text_width(m->text) + 0.1;
		break;
	case M_OP:
		*w = 0.62 * (double)lc_text_width(m->text) + 0.5;
		break;
	case M_FENCE:
		ext(m->a, &aw, &ah);
		*w = aw + 1.0;
		*h = ah + 0.2;
		break;
	case M_FRAC:
		ext(m->a, &aw, &ah);
		if (m->b)
			ext(m->b, &bw, &bh);
		*w = (aw > bw ? aw : bw) + 0.6;
		*h = ah + bh + 0.4;
		break;
	case M_SQRT:
		ext(m->a, &aw, &ah);
		*w = aw + 1.2;
		*h = ah + 0.4;
		break;
	case M_SCRIPT:
		ext(m->a, &aw, &ah);
		if (m->b)
			ext(m->b, &bw, &bh);
		if (m->c)
			ext(m->c, &cw, &ch);
		*w = aw + 0.75 * (bw > cw ? bw : cw) + 0.1;
		*h = ah + 0.5 * ((m->b ? bh : 0) + (m->c ? ch : 0));
		break;
	case M_SUM:
		if (m->b)
			ext(m->b, &bw, &bh);
		if (m->c)
			ext(m->c, &cw, &ch);
		*w = 1.4 + 0.75 * (bw > cw ? bw : cw);
		*h = 1.8 + 0.75 * (bh + ch);
		break;
	}
}

void exp_math_extent(const struct exp_math *m, double *w_em, double *h_em)
{
	ext(m, w_em, h_em);
}

/* ---- Unicode text ------------------------------------------------------ */

/* Output into a buffer that never overflows (cut later at a character). */
struct tb {
	char *s;
	size_t n, o;
};

static void put(struct tb *t, const char *s)
{
	size_t len = strlen(s);

	if (t->o + len >= t->n)
		len = t->o + 1 < t->n ? t->n - t->o - 1 : 0;
	memcpy(t->s + t->o, s, len);
	t->o += len;
	t->s[t->o] = '\0';
}

/* The Unicode sub- (sup 0) or superscript form of an ASCII character,
 * NULL when it has none. */
static const char *script_char(char c, int sup)
{
	static const char *const sub_d[] = { "₀", "₁", "₂", "₃", "₄", "₅",
					     "₆", "₇", "₈", "₉" };
	static const char *const sup_d[] = { "⁰", "¹", "²", "³", "⁴", "⁵",
					     "⁶", "⁷", "⁸", "⁹" };
	static const char sub_l[] = "aehijklmnoprstuvx";
	static const char *const sub_u[] = { "ₐ", "ₑ", "ₕ", "ᵢ", "ⱼ", "ₖ",
					     "ₗ", "ₘ", "ₙ", "ₒ", "ₚ", "ᵣ",
					     "ₛ", "ₜ", "ᵤ", "ᵥ", "ₓ" };
	static const char sup_l[] = "ijkmnt";
	static const char *const sup_u[] = { "ⁱ", "ʲ", "ᵏ", "ᵐ", "ⁿ", "ᵗ" };
	const char *p;

	if (c >= '0' && c <= '9')
		return sup ? sup_d[c - '0'] : sub_d[c - '0'];
	if (c == '+')
		return sup ? "⁺" : "₊";
	if (c == '=')
		return sup ? "⁼" : "₌";
	p = c ? strchr(sup ? sup_l : sub_l, c) : NULL;
	return !p ? NULL : sup ? sup_u[p - sup_l] : sub_u[p - sub_l];
}

static void tx(struct tb *t, const struct exp_math *m);
static void tx_items(struct tb *t, const struct exp_math *r, int spaced);

/* A script's text as Unicode sub/superscripts when it is letters and
 * digits that have them, else "_(…)" / "^(…)". */
static void tx_script(struct tb *t, const struct exp_math *m, int sup)
{
	char plain[128];
	struct tb p = { plain, sizeof plain, 0 };
	int ok = 1;

	plain[0] = '\0';
	if (m->kind == M_ROW)
		tx_items(&p, m, 0);
	else
		tx(&p, m);
	for (const char *c = plain; *c && ok; c++)
		ok = (*c == '\xe2' && !strncmp(c, "−", strlen("−"))) ||
		     script_char(*c, sup) != NULL;
	if (!ok || !*plain) {
		put(t, sup ? "^(" : "_(");
		put(t, plain);
		put(t, ")");
		return;
	}
	for (const char *c = plain; *c; c++) {
		if (*c == '\xe2') {
			put(t, sup ? "⁻" : "₋");
			c += strlen("−") - 1;
		} else {
			put(t, script_char(*c, sup));
		}
	}
}

/* Does the row hold an operator at its own level (so that it needs
 * brackets as a fraction's part)? */
static int has_op(const struct exp_math *m)
{
	for (size_t i = 0; m->kind == M_ROW && i < m->n; i++)
		if (m->kid[i]->kind == M_OP || has_op(m->kid[i]))
			return 1;
	return 0;
}

static void tx_items(struct tb *t, const struct exp_math *r, int spaced)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct exp_math *k = r->kid[i], *prev = i ? r->kid[i - 1]
							       : NULL;

		if (k->kind == M_OP && spaced) {
			int unary = !prev || prev->kind == M_OP;

			if (!strcmp(k->text, ",")) {
				put(t, ", ");
			} else if (!strcmp(k->text, "%") ||
				   !strcmp(k->text, "!") || unary) {
				put(t, k->text);
			} else {
				put(t, " ");
				put(t, k->text);
				put(t, " ");
			}
			continue;
		}
		if (spaced && prev && prev->kind != M_OP &&
		    k->kind != M_FENCE &&
		    !(k->kind == M_SCRIPT && k->a->kind == M_FENCE))
			put(t, " ");
		tx(t, k);
	}
}

static void tx_part(struct tb *t, const struct exp_math *m)
{
	int br = has_op(m) || m->kind == M_FRAC;

	if (br)
		put(t, "(");
	tx(t, m);
	if (br)
		put(t, ")");
}

static void tx(struct tb *t, const struct exp_math *m)
{
	switch (m->kind) {
	case M_ROW:
		tx_items(t, m, 1);
		break;
	case M_ID:
	case M_NAME:
	case M_TEXT:
	case M_NUM:
	case M_OP:
		put(t, m->text);
		break;
	case M_FENCE:
		put(t, m->text);
		tx_items(t, m->a, 1);
		put(t, m->close);
		break;
	case M_FRAC:
		tx_part(t, m->a);
		put(t, " ÷ ");
		tx_part(t, m->b);
		break;
	case M_SQRT:
		put(t, "√");
		if (m->a->kind == M_ROW && m->a->n == 1 &&
		    m->a->kid[0]->kind <= M_NUM) {
			tx(t, m->a);
		} else {
			put(t, "(");
			tx(t, m->a);
			put(t, ")");
		}
		break;
	case M_SUM:
		put(t, "Σ");
		if (m->b)
			tx_script(t, m->b, 0);
		if (m->c)
			tx_script(t, m->c, 1);
		break;
	case M_SCRIPT:
		tx(t, m->a);
		if (m->b)
			tx_script(t, m->b, 0);
		if (m->c)
			tx_script(t, m->c, 1);
		break;
	}
}

void exp_math_text(const struct exp_math *m, char *buf, size_t n)
{
	struct tb t = { buf, n, strlen(buf) };

	if (t.o >= n)
		return;
	tx(&t, m);
	lc_utf8_trim(buf);
}
