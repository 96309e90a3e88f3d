/* internal.h - helpers shared by the ranker's own files; not part of the
 * public API (ranker/ranker.h is). */
#ifndef LC_RANKER_INTERNAL_H
#define LC_RANKER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <nettle/sha2.h>
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
/* A value and its index, sorted by key: lc_rk_key orders keys as the
 * values (-0 as 0), lc_rk_unkey gives the value back. */
struct lc_rk_kv {
	uint64_t key;
	size_t i;
};
uint64_t lc_rk_key(double v);
double lc_rk_unkey(uint64_t k);
/* Sorts a[0..m) by key, stable, with tmp as scratch of m pairs; returns
 * whichever of a and tmp holds the sorted pairs, or NULL when out of
 * memory (a and tmp then unchanged; neither is freed). */
struct lc_rk_kv *lc_rk_radix(struct lc_rk_kv *a, struct lc_rk_kv *tmp,
			     size_t m);


/* ---- shared by the methods (mcda.c) ------------------------------------- */
/* Column statistics gathered in one row-major pass (the matrix is read
 * once, in memory order, whatever n is). */
struct lc_rk_colstat {
	double lo, hi, sum, sq, inv;   /* inv: sum of 1/x, valid if lo > 0 */
};

/* Statistics of the n columns of x (m x n) into st; sums of 1/x too
 * when need_inv. LC_EDATA for an empty matrix or a value that is not
 * finite (naming it) or too large. */
int lc_rk_col_stats(const double *x, size_t m, size_t n,
		    struct lc_rk_colstat *st, int need_inv,
		    struct lc_error *err);

/* A weighted column as a function of x: v = c + k (x - o). Subtracting
 * the origin o (the column's minimum or maximum, or 0) before scaling
 * keeps every digit of x - o, where the expanded form k x + (c - k o)
 * loses to cancellation as many digits as x has above the column's
 * range (values near 1e9 that differ by units kept 8 digits). When k
 * overflows (a range below ~1e-308 against a normal weight), v is
 * c + g ((x - o) / den) instead, with k = g / den. */
struct lc_rk_lin {
	double o, k, c, g, den;
	int slow;
};

void lc_rk_lin_set(struct lc_rk_lin *l, double o, double g, double den,
		   double c);
void lc_rk_lin_const(struct lc_rk_lin *l, double c);
static inline double lc_rk_lin_at(const struct lc_rk_lin *l, double x)
{
	return l->slow ? l->c + l->g * ((x - l->o) / l->den)
		       : l->c + l->k * (x - l->o);
}

/* The normalisation norm of each of the n columns of x as a struct
 * lc_rk_lin (l: n of them, the caller's): lc_rk_lin_at(&l[j], x) is the
 * value lc_mcda_normalize writes. Errors as lc_mcda_normalize's. */
int lc_rk_norm_lins(const double *x, size_t m, size_t n, int norm,
		    struct lc_rk_lin *l, struct lc_error *err);

/* LC_EDATA when one of the m values of out is not a finite number (a
 * last guard: the methods are written so that it cannot happen). */
int lc_rk_check_out(const double *v, size_t m, const char *what,
		    struct lc_error *err);

/* xmlload.c: parses path and validates it against the schema xsd_rel
 * (lc_data_path); *out receives the document (free with xmlFreeDoc).
 * what names the kind of file in messages ("profile", translated:
 * xgettext keyword lc_rk_xml_load:3). LC_EIO when a file cannot be
 * read, LC_EDATA "file:line: invalid WHAT: ..." */
struct _xmlDoc;
int lc_rk_xml_load(const char *path, const char *xsd_rel, const char *what,
		   struct _xmlDoc **out, struct lc_error *err);
/* 1 when node is the element name. */
struct _xmlNode;
int lc_rk_xml_is(struct _xmlNode *node, const char *name);
/* Attribute name of node into buf ("" when absent); returns buf. */
const char *lc_rk_xml_attr(struct _xmlNode *node, const char *name, char *buf,
			   size_t n);

/* ---- profiles (profile.c), shared with rank.c ---------------------------
 * A loaded criteria profile. Invariants: ncrit >= 1; weights >= 0 and
 * normalised to sum 1 at load; a panel criterion has field -1 and
 * scale_max > scale_min; an indicator has field >= 0 (lc_field_lookup). */
#define LC_RK_MAXCRIT 32
#define LC_RK_MAXRULE 16
#define LC_RK_MAXKEY 8

/* How an indicator's values enter the method: as they are, as their
 * log10 (heavy tails: "log-minmax"), or as their ranks ("rank"); the
 * criterion's norm then applies (minmax for both). */
enum lc_rk_scale { LC_RK_SCALE_LINEAR, LC_RK_SCALE_LOG, LC_RK_SCALE_RANK };

struct lc_rk_crit {
	char id[33];
	char *label_zh, *label_en;     /* owned; may be NULL */
	int panel;                     /* 1: panel score */
	int field;                     /* enum lc_field, -1 for panel */
	int cost;                      /* 1: lower is better */
	int norm;                      /* enum lc_norm (WSM, explanations) */
	int scale;                     /* enum lc_rk_scale: what enters the
					  method, for every method */
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
	int cost_basis;                /* enum lc_cost_basis */
};


/* ---- a ranking of an edition (rank.c and the files of its steps) -------
 * rank.c runs the steps (ranking.c holds what they share): edition.c reads the dossiers
 * from the catalog, scores.c streams their panel scores, aggregate.c
 * aggregates them dossier by dossier, method.c runs the
 * method, select.c orders with ties and quotas and selects, sensitivity.c
 * perturbs and compares, explain.c answers "what would have to change",
 * selection.c records the selection. */
/* One dossier of the edition. Invariant: x, nsc, flag and contrib have
 * ncrit (profile criteria) entries; row >= 0 iff eligible. */
struct lc_rk_entry {
	char *id, *name;
	int sector, status;
	int rank_rejected;     /* status rejected by an earlier rank */
	char *excluded;        /* rule that excluded it, or NULL */
	char *tiebreak, *quota;
	double *x;             /* criterion values, NaN when missing */
	int *nsc;              /* panel scores counted per criterion */
	int *flag;             /* disagreement per criterion */
	double *contrib;
	double spread;         /* largest panel spread */
	int top;               /* panel scores at the scale maximum */
	long row;              /* row in the eligible matrix, or -1 */
	int rank, selected, merit;
	double score;
	long in_top;           /* sensitivity counts */
	int rlo, rhi;
};

/* The public views of a ranking (ranker.h) are filled from the entries
 * once the ranking is complete (lc_rk_views); before that they are
 * NULL. */

struct lc_ranking {
	char edition[32], profile[33], method[16], params[256], hash[65];
	char profile_hash[65];  /* SHA-256 of the profile file's bytes */
	char data_hash[65];     /* SHA-256 of the data alone (dossiers'
				   values, exclusions and scores) */
	int cost_basis;         /* enum lc_cost_basis */
	double rate;            /* discount rate of computed costs */
	char *notes;
	size_t notes_len;
	size_t n;
	struct lc_rk_entry *e;       /* output order after finish() */
	size_t ncrit;          /* profile criteria */
	struct lc_rk_crit crit[LC_RK_MAXCRIT]; /* labels not owned */
	int active[LC_RK_MAXCRIT];     /* 0: dropped (no panel scores) */
	double w[LC_RK_MAXCRIT];       /* weights in use (0 for dropped) */
	int select_n, topsis_norm;
	double v;
	int quota_min[LC_SECTOR__COUNT], quota_max[LC_SECTOR__COUNT];
	size_t nkey;
	int key[LC_RK_MAXKEY], key_crit[LC_RK_MAXKEY];
	size_t m;              /* eligible */
	double *X;             /* m x ncrit, row order = entry row */
	size_t *byrow;         /* row -> entry index */
	size_t nsel;
	double cutoff;
	long cut_row, out_row; /* merit cut-off row, first row out */
	long runs;
	size_t ncmp;
	const char *cmp_name[4];
	double rho[4], tau[4];
	int *cmp_rank[4];      /* per row: rank under cmp_name[k] */
	char *cmp_sel[4];      /* per row: 1 selected under it */
	struct lc_rank_info info;       /* views, see above */
	struct lc_rank_entry *view;     /* n, in entry order */
	const char *crit_id[LC_RK_MAXCRIT];
	int crit_cost[LC_RK_MAXCRIT];
};


/* A panel score held until its dossier is complete (scores.c). */
struct lc_rk_srow {
	uint32_t entry;
	int crit;
	const char *expert;  /* in the lc_rk_scores' text pool */
	const char *val;     /* the score as stored (for the hash), idem */
	double score;
};

/* A score kept for the per-expert z-scores (the one aggregation that
 * needs every score of the edition at once). */
struct lc_rk_zrow {
	const char *expert;  /* in the text pool */
	double score;
	uint32_t entry;
	int crit;
};

/* An expert assigned to an entry (the expert in the text pool, kept
 * once: the same expert is the same pointer). */
struct lc_rk_asg {
	uint32_t entry;
	const char *expert;
};

/* The panel scores of an edition read as a stream (scores.c): each
 * entry's rows are held until the scan has passed its keys, then hashed
 * into h and hd, aggregated into the entry (aggregate.c) and dropped.
 * Invariant: entries before next are flushed; kpos[i] < kp means the
 * scan passed entry i's keys; pend[pstart[i]..+pcount[i]) are entry i's
 * rows while it is held (hold = 0). */
struct lc_rk_scores {
	struct lc_ranking *r;
	const struct lc_profile *p;
	int aggregate;          /* 1: the panel criteria are aggregated */
	struct sha256_ctx *h, *hd;   /* all inputs; the data alone */
	size_t *byid;           /* entry indices sorted by id */
	size_t *korder, *kpos;  /* entries in the key order of "ID:", and
				   each entry's place in it */
	size_t kp, next;
	size_t *pstart;
	uint32_t *pcount;
	struct lc_rk_srow *pend;
	size_t npend, pendcap, nopen;  /* nopen: entries held with rows */
	int hold, restart;      /* hold: every row held to the end */
	struct lc_strmap *conf; /* "EXPERT:ID" of every declared conflict
				   (NULL: none) */
	long last;         /* the entry find_entry found last (-1: none) */
	size_t n;          /* scores counted */
	struct lc_textpool *text;       /* owns the experts and values */
	long conflicted, unknown, bad;
	long unassigned;   /* scores of experts no longer assigned */
	struct lc_rk_asg *asg;  /* the assignments as read, then by entry:
				   entry i's experts are asg[astart[i] ..
				   astart[i + 1]) (none: not reviewed by
				   assignment, every score counts) */
	size_t nasg, asgcap;
	uint32_t *astart;
	long plain, kmax;  /* trimmed means of < 4 scores; most scores */
	struct lc_rk_zrow *z;   /* z-scores only: every score, entry order */
	size_t nz, zcap;
	double *buf;       /* scratch of one entry's scores */
	size_t bufcap;
	int failed;
};

/* The methods by index: 0 wsm, 1 topsis, 2 vikor, 3 promethee2. */
extern const char *const lc_rk_methods[4];
int lc_rk_method_index(const char *m);        /* -1 when unknown */

/* A copy of s ("" for NULL) the caller frees; NULL when out of memory. */
char *lc_rk_strdup(const char *s);
/* 1 when t was rejected by an earlier rank (reason LC_RANK_REASON...). */
int lc_rk_rank_rejected(const struct lc_tech *t);
/* LC_ENOMEM in err; returns LC_ENOMEM. */
int lc_rk_oom(struct lc_error *err);
/* Appends one line to the ranking's notes. */
void lc_rk_note(struct lc_ranking *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Fills the public views from the entries (the last step). 0 or
 * LC_ENOMEM. */
int lc_rk_views(struct lc_ranking *r);

/* edition.c: appends an entry to r for every dossier of edition (by id),
 * with its indicator values and the rule that excludes it, if any. */
int lc_rk_read_edition(struct lc_catalog *cat, struct lc_ranking *r,
		       const struct lc_profile *p, struct lc_error *err);
/* scores.c: reads the panel scores of r's entries (s->r, s->p, s->h,
 * s->hd, s->aggregate set), hashing each entry's lines into s->h and
 * s->hd in entry order and, with s->aggregate, aggregating its panel
 * criteria; free with lc_rk_scores_free. */
int lc_rk_read_scores(struct lc_catalog *cat, struct lc_rk_scores *s,
		      struct lc_error *err);
void lc_rk_scores_free(struct lc_rk_scores *s);
/* method.c: col (r->m values of criterion j) as they enter the method:
 * on a log or rank scale transformed in place, else left as they are. */
void lc_rk_scale_column(const struct lc_ranking *r, size_t j, double *col);
/* aggregate.c: entry i's panel criteria from its k rows (count, spread,
 * disagreement, top scores; the aggregate, or the rows kept for the
 * z-scores). 0 or LC_ENOMEM. */
int lc_rk_agg_entry(struct lc_rk_scores *s, size_t i,
		    const struct lc_rk_srow *row, size_t k);
/* aggregate.c: after every entry: the z-scores' aggregates, the notes. */
int lc_rk_agg_finish(struct lc_ranking *r, const struct lc_profile *p,
		     struct lc_rk_scores *s, struct lc_error *err);
/* method.c: scores (higher better) of the m rows of X with weights w
 * (ncrit, zeros for dropped criteria); contrib (m x ncrit, may be NULL)
 * the WSM decomposition by each criterion's own normalisation. */
int lc_rk_run_method(const struct lc_ranking *r, int method, const double *X,
		     const double *w, double *score, double *contrib,
		     struct lc_error *err);

/* select.c: selection codes of a row. */
enum { LC_RK_SEL_NO, LC_RK_SEL_MERIT, LC_RK_SEL_QUOTA, LC_RK_SEL_DISPLACED,
       LC_RK_SEL_MAXED };
#define LC_RK_SELECTED(c) ((c) == LC_RK_SEL_MERIT || (c) == LC_RK_SEL_QUOTA)
/* Orders the rows, then selects N: merit first (skipping a sector at its
 * maximum), then each sector below its minimum takes its best unselected
 * rows in place of the lowest selected rows of sectors above their own
 * minimum. ord receives rows best first; sel[row] a code; *cut the last
 * row selected on merit (-1 none), *out the first row left out (-1 none).
 * 0 or LC_ENOMEM. */
int lc_rk_order_select(const struct lc_ranking *r, const double *X,
		       const double *score, size_t *ord, char *sel,
		       long *cut, long *out);
/* What tie-break key k orders by, as the output says it; buf (64 bytes)
 * holds a criterion's text. */
const char *lc_rk_key_text(const struct lc_ranking *r, long k, char *buf);
/* Notes the tie-break chain as applied. */
void lc_rk_tiebreak_note(struct lc_ranking *r);
/* Builds the eligible matrix, scores, orders, selects, and puts the
 * entries in output order. */
int lc_rk_finish(struct lc_ranking *r, int method, struct lc_error *err);
/* sensitivity.c */
int lc_rk_sensitivity(struct lc_ranking *r, int method,
		      const struct lc_rank_opts *opts, struct lc_error *err);
int lc_rk_compare(struct lc_ranking *r, int method, struct lc_error *err);

#endif
