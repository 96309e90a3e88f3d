/* math.c - the formulas of the text catalogues (notation in math.h):
 * a recursive-descent parser into a small tree (math_int.h) that
 * math_out.c renders. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/math_int.h"

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
