/* math.c - the formulas of the text catalogues (notation in math.h):
 * a recursive-descent parser into a small tree, and its two renderings,
 * presentation MathML for the HTML roadmap and readable Unicode text for
 * the formats that have no formulas. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/math.h"
#include "exporters/exporters.h"

enum { M_ROW, M_ID, M_NAME, M_TEXT, M_NUM, M_OP, M_FENCE, M_FRAC, M_SQRT,
       M_SCRIPT, M_SUM };

/* A node. M_ROW: kid[0..n) in order. M_ID, M_NAME, M_TEXT, M_NUM, M_OP:
 * text.
 * M_FENCE: text the opening bracket, close the closing one, a the row
 * inside. M_FRAC: a over b. M_SQRT: root of a. M_SCRIPT: base a, sub b,
 * sup c (either may be NULL, not both). M_SUM: limits b under, c over
 * (either or both NULL). Every pointer owned by its parent. */
struct exp_math {
	int kind;
	char text[64], close[4];
	struct exp_math *a, *b, *c;
	struct exp_math **kid;
	size_t n;
};

/* The parser's state: the notation, where it is, why it failed. */
struct mp {
	const char *s, *end, *p;
	int depth;
	char *why;
	size_t nwhy;
	int failed;
};

static void *fail(struct mp *q, const char *at, const char *fmt, ...)
{
	va_list ap;
	int o;

	if (q->failed)
		return NULL;
	q->failed = 1;
	o = snprintf(q->why, q->nwhy, "formula, column %ld: ",
		     (long)(at - q->s) + 1);
	va_start(ap, fmt);
	if (o >= 0 && (size_t)o < q->nwhy)
		vsnprintf(q->why + o, q->nwhy - (size_t)o, fmt, ap);
	va_end(ap);
	return NULL;
}

void exp_math_free(struct exp_math *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++)
		exp_math_free(m->kid[i]);
	free(m->kid);
	exp_math_free(m->a);
	exp_math_free(m->b);
	exp_math_free(m->c);
	free(m);
}

static struct exp_math *node(struct mp *q, int kind, const char *text,
			     size_t len)
{
	struct exp_math *m = calloc(1, sizeof *m);

	if (!m)
		return fail(q, q->p, "out of memory");
	m->kind = kind;
	if (len >= sizeof m->text)
		len = sizeof m->text - 1;
	memcpy(m->text, text, len);
	return m;
}

static int push(struct mp *q, struct exp_math *row, struct exp_math *k)
{
	struct exp_math **nk = realloc(row->kid, (row->n + 1) * sizeof *nk);

	if (!nk) {
		exp_math_free(k);
		fail(q, q->p, "out of memory");
		return -1;
	}
	row->kid = nk;
	row->kid[row->n++] = k;
	return 0;
}

static void skip(struct mp *q)
{
	while (q->p < q->end && (*q->p == ' ' || *q->p == '\t'))
		q->p++;
}

/* Operators written as characters of their own (UTF-8). */
static const char *const uops[] = { "−", "×", "÷", "·", "±", "≤", "≥",
				    "≠", "≈" };

static struct exp_math *row(struct mp *q, char until);

/* One item: a group, a bracketed row, a name, a number, an operator, a
 * command with its arguments. */
static struct exp_math *atom(struct mp *q)
{
	const char *at;
	unsigned char ch;

	skip(q);
	at = q->p;
	if (q->p >= q->end)
		return fail(q, at, "something expected here");
	ch = (unsigned char)*q->p;
	if (ch == '{' || ch == '(' || ch == '[') {
		char close = ch == '{' ? '}' : ch == '(' ? ')' : ']';
		struct exp_math *r, *f;

		q->p++;
		r = row(q, close);
		if (!r)
			return NULL;
		if (q->p >= q->end || *q->p != close) {
			exp_math_free(r);
			return fail(q, at, "'%c' is never closed", ch);
		}
		q->p++;
		if (ch == '{')
			return r;
		f = node(q, M_FENCE, (const char *)&ch, 1);
		if (!f) {
			exp_math_free(r);
			return NULL;
		}
		f->close[0] = close;
		f->a = r;
		return f;
	}
	if (ch == '}' || ch == ')' || ch == ']')
		return fail(q, at, "'%c' closes nothing", ch);
	if (ch == '_' || ch == '^')
		return fail(q, at, "'%c' has nothing before it", ch);
	if (ch == '/')
		return fail(q, at, "write a fraction as \\frac{a}{b}, not "
			    "with '/'");
	if (ch >= '0' && ch <= '9') {
		while (q->p < q->end && ((*q->p >= '0' && *q->p <= '9') ||
					 *q->p == '.'))
			q->p++;
		if (q->p - at > 7)
			return fail(q, at, "a number of at most 7 characters");
		return node(q, M_NUM, at, (size_t)(q->p - at));
	}
	if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
		q->p++;
		return node(q, M_ID, at, 1);
	}
	if (ch == '"') {
		const char *e = memchr(at + 1, '"', (size_t)(q->end - at - 1));

		if (!e)
			return fail(q, at, "'\"' is never closed");
		int name = e - at - 1 <= 7;

		if (e - at - 1 < 1 || e - at - 1 > 63)
			return fail(q, at, "a quoted name or text of 1 to 63 "
				    "bytes");
		for (const char *c = at + 1; c < e; c++) {
			if ((unsigned char)*c < 0x20 || *c == 0x7f)
				return fail(q, c, "a control character");
			name &= (*c >= 'a' && *c <= 'z') ||
				(*c >= 'A' && *c <= 'Z');
		}
		q->p = e + 1;
		return node(q, name ? M_NAME : M_TEXT, at + 1,
			    (size_t)(e - at - 1));
	}
	if (strchr("+-=<>,%!|", ch)) {
		q->p++;
		return ch == '-' ? node(q, M_OP, "−", strlen("−")) :
		       node(q, M_OP, at, 1);
	}
	if (ch == '\\') {
		static const char *const opc[][2] = {
			{ "times", "×" }, { "cdot", "·" }, { "pm", "±" },
			{ "le", "≤" }, { "ge", "≥" } };
		const char *w = ++q->p;
		struct exp_math *m;
		size_t len;

		while (q->p < q->end && ((*q->p >= 'a' && *q->p <= 'z') ||
					 (*q->p >= 'A' && *q->p <= 'Z')))
			q->p++;
		len = (size_t)(q->p - w);
		for (size_t k = 0; k < sizeof opc / sizeof opc[0]; k++)
			if (len == strlen(opc[k][0]) &&
			    !strncmp(w, opc[k][0], len))
				return node(q, M_OP, opc[k][1],
					    strlen(opc[k][1]));
		if (len == 3 && !strncmp(w, "sum", 3))
			return node(q, M_SUM, "∑", strlen("∑"));
		if ((len == 4 && !strncmp(w, "frac", 4)) ||
		    (len == 4 && !strncmp(w, "sqrt", 4))) {
			int frac = w[0] == 'f';

			m = node(q, frac ? M_FRAC : M_SQRT, "", 0);
			if (!m)
				return NULL;
			skip(q);
			m->a = q->p < q->end && *q->p == '{' ? atom(q) : NULL;
			skip(q);
			if (frac && m->a)
				m->b = q->p < q->end && *q->p == '{' ?
				       atom(q) : NULL;
			if (!m->a || (frac && !m->b)) {
				exp_math_free(m);
				return fail(q, at, frac ? "\\frac needs two "
					    "{groups}" : "\\sqrt needs a "
					    "{group}");
			}
			return m;
		}
		return fail(q, at, "unknown command '\\%.*s'", (int)len, w);
	}
	if (ch < 0x20 || ch == 0x7f)
		return fail(q, at, "a control character");
	if (ch >= 0x80) {
		size_t len = ch >= 0xf0 ? 4 : ch >= 0xe0 ? 3 : 2;

		if ((size_t)(q->end - at) < len)
			return fail(q, at, "a cut character");
		q->p += len;
		for (size_t k = 0; k < sizeof uops / sizeof uops[0]; k++)
			if (len == strlen(uops[k]) && !memcmp(at, uops[k], len))
				return node(q, M_OP, at, len);
		return node(q, M_ID, at, len);
	}
	return fail(q, at, "'%c' is not part of the notation", ch);
}

/* An item with its scripts, if any. */
static struct exp_math *scripted(struct mp *q)
{
	struct exp_math *base = atom(q), *s;

	if (!base)
		return NULL;
	if (base->kind == M_SUM)
		s = base;
	else
		s = NULL;
	for (;;) {
		struct exp_math **slot;
		char ch;

		skip(q);
		if (q->p >= q->end || (*q->p != '_' && *q->p != '^'))
			return s ? s : base;
		ch = *q->p;
		if (!s) {
			s = node(q, M_SCRIPT, "", 0);
			if (!s) {
				exp_math_free(base);
				return NULL;
			}
			s->a = base;
		}
		slot = ch == '_' ? &s->b : &s->c;
		if (*slot) {
			exp_math_free(s);
			return fail(q, q->p, "a second '%c' on one item", ch);
		}
		q->p++;
		skip(q);
		if (q->p < q->end && (*q->p == '_' || *q->p == '^')) {
			exp_math_free(s);
			return fail(q, q->p, "'%c' needs something after it",
				    ch);
		}
		*slot = atom(q);
		if (!*slot) {
			exp_math_free(s);
			return NULL;
		}
	}
}

/* Items up to until (a closing bracket or brace, '\0' for the end). */
static struct exp_math *row(struct mp *q, char until)
{
	struct exp_math *r;

	if (++q->depth > 32)
		return fail(q, q->p, "nested deeper than 32");
	r = node(q, M_ROW, "", 0);
	while (r) {
		struct exp_math *k;

		skip(q);
		if (q->p >= q->end || (until && *q->p == until))
			break;
		k = scripted(q);
		if (!k || push(q, r, k) < 0) {
			exp_math_free(r);
			return NULL;
		}
	}
	q->depth--;
	return r;
}

int exp_math_parse(const char *src, size_t len, struct exp_math **out,
		   char *why, size_t n)
{
	struct mp q = { src, src + len, src, 0, why, n, 0 };
	struct exp_math *r = row(&q, '\0');

	*out = NULL;
	if (r && q.p < q.end) {
		exp_math_free(r);
		r = fail(&q, q.p, "'%c' closes nothing", *q.p);
	}
	if (r && r->n == 0) {
		exp_math_free(r);
		r = fail(&q, src, "an empty formula");
	}
	if (!r)
		return -1;
	*out = r;
	return 0;
}

size_t exp_math_span_at(const char *s)
{
	return !strncmp(s, "{math:", 6) ? 6 : !strncmp(s, "{display:", 9) ?
	       9 : 0;
}

const char *exp_math_span_end(const char *s)
{
	int level = 0;

	for (; *s; s++) {
		if (*s == '{')
			level++;
		else if (*s == '}' && --level == 0)
			return s;
	}
	return NULL;
}

/* ---- MathML ------------------------------------------------------------ */

static void ml(FILE *fp, const struct exp_math *m);

/* A row's items, without a wrapping mrow. */
static void ml_items(FILE *fp, const struct exp_math *r)
{
	for (size_t i = 0; i < r->n; i++)
		ml(fp, r->kid[i]);
}

/* One argument of a fraction, script or root: one element. */
static void ml_arg(FILE *fp, const struct exp_math *m)
{
	if (m->kind == M_ROW && m->n == 1) {
		ml(fp, m->kid[0]);
	} else if (m->kind == M_ROW) {
		fputs("<mrow>", fp);
		ml_items(fp, m);
		fputs("</mrow>", fp);
	} else {
		ml(fp, m);
	}
}

static void ml_leaf(FILE *fp, const char *tag, const char *text)
{
	fprintf(fp, "<%s>", tag);
	lc_xml_text(fp, text);
	fprintf(fp, "</%s>", tag);
}

static void ml(FILE *fp, const struct exp_math *m)
{
	const char *tag;

	switch (m->kind) {
	case M_ROW:
		ml_arg(fp, m);
		break;
	case M_ID:
	case M_NAME:
		ml_leaf(fp, "mi", m->text);
		break;
	case M_TEXT:
		ml_leaf(fp, "mtext", m->text);
		break;
	case M_NUM:
		ml_leaf(fp, "mn", m->text);
		break;
	case M_OP:
		ml_leaf(fp, "mo", m->text);
		break;
	case M_FENCE:
		fputs("<mrow>", fp);
		ml_leaf(fp, "mo", m->text);
		ml_items(fp, m->a);
		ml_leaf(fp, "mo", m->close);
		fputs("</mrow>", fp);
		break;
	case M_FRAC:
	case M_SQRT:
		fputs(m->kind == M_FRAC ? "<mfrac>" : "<msqrt>", fp);
		if (m->kind == M_SQRT)
			ml_items(fp, m->a);
		else
			ml_arg(fp, m->a);
		if (m->b)
			ml_arg(fp, m->b);
		fputs(m->kind == M_FRAC ? "</mfrac>" : "</msqrt>", fp);
		break;
	case M_SUM:
		/* limits under and over, moved beside it in running text */
		tag = m->b && m->c ? "munderover" : m->b ? "munder" :
		      m->c ? "mover" : NULL;
		if (tag)
			fprintf(fp, "<%s>", tag);
		ml_leaf(fp, "mo", m->text);
		if (m->b)
			ml_arg(fp, m->b);
		if (m->c)
			ml_arg(fp, m->c);
		if (tag)
			fprintf(fp, "</%s>", tag);
		break;
	case M_SCRIPT:
		tag = m->b && m->c ? "msubsup" : m->b ? "msub" : "msup";
		fprintf(fp, "<%s>", tag);
		ml_arg(fp, m->a);
		if (m->b)
			ml_arg(fp, m->b);
		if (m->c)
			ml_arg(fp, m->c);
		fprintf(fp, "</%s>", tag);
		break;
	}
}

void exp_math_mathml(FILE *fp, const struct exp_math *m, int display)
{
	fputs(display ? "<math display=\"block\">" : "<math>", fp);
	ml_items(fp, m);
	fputs("</math>", fp);
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
