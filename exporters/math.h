/* math.h - exporters-private: the formulas of the text catalogues. A
 * catalogue sentence holds a formula as a span {math:NOTATION} (in the
 * running text) or {display:NOTATION} (a block of its own, the sentence
 * going on after it); words.c
 * checks every span when it loads the catalogue, doc.c parses the spans
 * of a paragraph once into trees, and each writer renders the trees
 * (html.c: presentation MathML; the others: readable Unicode text).
 *
 * The notation, a small linear one after TeX:
 *   x  y  r        a letter is one identifier (printed in italics)
 *   "CRF" "min"    a name of several letters (upright); any other
 *                  quoted text ("investment") is set as words
 *   12  0.5        a number
 *   + - = < > , % ! |   operators ("-" printed as a minus sign);
 *                  so are the characters − × ÷ · ± ≤ ≥ ≠ ≈
 *   ( ) [ ]        brackets, which must pair; they group for scripts:
 *                  (1 + r)^n
 *   { }            an invisible group: x_{ij}
 *   a_b  a^b  a_b^c   sub- and superscripts (of one item or a group)
 *   \frac{a}{b}    a fraction
 *   \sqrt{a}       a square root
 *   \sum_i^n       a sum, its limits under and over it
 *   \times \cdot \pm \le \ge   operators
 * Any other character of a letter alphabet (Greek...) is an identifier.
 * "/" is refused (write a fraction), as is any other command. */
#ifndef LC_EXPORTERS_MATH_H
#define LC_EXPORTERS_MATH_H

#include <stddef.h>
#include <stdio.h>

/* The markers that stand around a formula's notation in a filled
 * sentence (lc_words_fill), where neither a catalogue nor a dossier can
 * put them: text from the user never reaches the formula parser. */
#define EXP_MATH_OPEN '\001'
#define EXP_MATH_CLOSE '\002'
#define EXP_MATH_DISPLAY '\003'   /* opens a displayed formula */

struct exp_math;

/* Parses len bytes of src (the notation, without "{math:" and "}")
 * into *out, to free with exp_math_free. Returns 0, or -1 with *out NULL
 * and a message in why (n bytes) naming the column (1-based, in bytes)
 * at fault: a bracket or brace never closed or closing nothing, an
 * unknown command, a script with nothing to attach to, "/", nesting
 * deeper than 32, out of memory. */
int exp_math_parse(const char *src, size_t len, struct exp_math **out,
		   char *why, size_t n);
void exp_math_free(struct exp_math *m);                  /* NULL is fine */

/* The length of the span's opening at s: 6 for "{math:", 9 for
 * "{display:", 0 when s opens no formula. */
size_t exp_math_span_at(const char *s);
/* The end of the span that starts at s ("{math:..."): a pointer to its
 * closing brace (braces inside pair), NULL when it is never closed. */
const char *exp_math_span_end(const char *s);

/* Writes m as a MathML <math> element (display: a block of its own,
 * else inline in the text). */
void exp_math_mathml(FILE *fp, const struct exp_math *m, int display);
/* The same as an ODF formula object's content: a math:math element (its
 * namespace declared on it) for a draw:object of the .fodt. */
void exp_math_mathml_odf(FILE *fp, const struct exp_math *m, int display);
/* m's width and height in em of its type, generous (a frame's size). */
void exp_math_extent(const struct exp_math *m, double *w_em, double *h_em);
/* Appends m as readable Unicode text (xᵢⱼ, (a + b) ÷ c, √(…), Σᵢ) to
 * buf (size n, NUL-terminated, cut at a character when full). */
void exp_math_text(const struct exp_math *m, char *buf, size_t n);

#endif
