/* math_int.h - exporters-private: the tree of a parsed formula, shared by
 * its parser (math.c) and its renderings (math_out.c). */
#ifndef LC_EXPORTERS_MATH_INT_H
#define LC_EXPORTERS_MATH_INT_H

#include "exporters/math.h"

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

#endif
