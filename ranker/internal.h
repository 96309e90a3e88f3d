/* internal.h - helpers shared by the ranker's own files; not part of the
 * public API (ranker/ranker.h is). */
#ifndef LC_RANKER_INTERNAL_H
#define LC_RANKER_INTERNAL_H

#include <stddef.h>
#include "catalog/catalog.h"
#include "ranker/ranker.h"

/* LC_EDATA for criterion j naming the first of the m rows of x (m x n)
 * whose value is below limit (or equal to it, with or_equal) in
 * err->line, 1-based (see "Errors about a matrix" in ranker.h). */
int lc_rk_crit_row_error(struct lc_error *err, const double *x, size_t m,
			 size_t n, size_t j, double limit, int or_equal,
			 const char *what);
/* LC_EDATA unless m, n > 0 and every value finite. */
int lc_rk_check_matrix(const double *x, size_t m, size_t n,
		       struct lc_error *err);
/* LC_EDATA unless every weight >= 0 and they sum to 1 within 1e-9. */
int lc_rk_check_weights(const double *w, size_t n, struct lc_error *err);
/* 1 when a and b are equal within the ranker's tie tolerance. */
int lc_rk_near(double a, double b);
/* Indices of v sorted best first (stable by index); LC_ENOMEM or 0. */
int lc_rk_order(const double *v, size_t m, int higher_better, size_t *ord);


/* ---- profiles (profile.c), shared with rank.c ---------------------------
 * A loaded criteria profile. Invariants: ncrit >= 1; weights >= 0 and
 * normalised to sum 1 at load; a panel criterion has field -1 and
 * scale_max > scale_min; an indicator has field >= 0 (lc_field_lookup). */
#define LC_RK_MAXCRIT 32
#define LC_RK_MAXRULE 16
#define LC_RK_MAXKEY 8

struct lc_rk_crit {
	char id[33];
	char *label_zh, *label_en;     /* owned; may be NULL */
	int panel;                     /* 1: panel score */
	int field;                     /* enum lc_field, -1 for panel */
	int cost;                      /* 1: lower is better */
	int norm;                      /* enum lc_norm (WSM, explanations) */
	double weight;                 /* normalised */
	double lo, hi;                 /* panel scale */
	struct lc_pref pref;           /* PROMETHEE II */
	char pref_text[64];
};

enum lc_rk_op { LC_RK_GE, LC_RK_GT, LC_RK_LE, LC_RK_LT, LC_RK_EQ,
		LC_RK_NE };

struct lc_rk_rule {
	char id[33];
	char field[33];                /* field name, "status", "complete" */
	int op;                        /* enum lc_rk_op */
	char value[64];
	char *label_en, *label_zh;     /* owned; may be NULL */
};

enum lc_rk_key { LC_RK_KEY_CRIT, LC_RK_KEY_TOP, LC_RK_KEY_DISAGREE,
		 LC_RK_KEY_ID };

struct lc_profile {
	char name[33];
	char path[512];                /* file it was loaded from */
	char *label_zh, *label_en;
	char method[16];               /* wsm, topsis, vikor, promethee2 */
	int topsis_norm;               /* enum lc_norm */
	double v;                      /* VIKOR */
	int agg;                       /* enum lc_agg */
	int min_scores;
	double disagreement;
	int refuse_without_scores;
	int select_n;
	double weight_sum;             /* the weights' sum as given */
	size_t ncrit;
	struct lc_rk_crit crit[LC_RK_MAXCRIT];
	size_t nrule;
	struct lc_rk_rule rule[LC_RK_MAXRULE];
	int quota_min[LC_SECTOR__COUNT];
	int quota_max[LC_SECTOR__COUNT];  /* -1: none */
	size_t nkey;
	int key[LC_RK_MAXKEY];         /* enum lc_rk_key */
	int key_crit[LC_RK_MAXKEY];    /* criterion index for KEY_CRIT */
	char hash[65];                 /* SHA-256 of the file's bytes */
};

#endif
