/* ranker.h - lowcarb's computations: multi-criteria methods, weights, AHP
 * and panel aggregation on plain matrices (no I/O); criteria profiles; the
 * Top N selection of an edition read from the catalog, its explanations
 * and sensitivity; and the panel's conflicts of interest, reviewer
 * assignment and review progress, computed over the catalog's records.
 * Reads no outside file but the criteria profiles, writes no document. */
#ifndef LC_RANKER_H
#define LC_RANKER_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include "catalog/catalog.h"

/* ======================================================================
 * Pure computation. Matrices are row-major doubles: x[i * n + j] is
 * alternative i (of m) on criterion j (of n). cost[j] is 1 for a cost
 * criterion (lower is better), 0 for a benefit one. The caller owns every
 * array; outputs are arrays of the stated size the caller provides.
 * Every function returns 0 or a negative enum lc_status and never writes
 * NaN or infinity: a degenerate input is LC_EDATA with err naming the
 * criterion (err->field = "criterion N", 1-based) or follows the rule
 * stated next to the function.
 * ==================================================================== */

enum lc_norm {
	LC_NORM_MINMAX,   /* (x - min) / (max - min) */
	LC_NORM_MAX,      /* x / max */
	LC_NORM_SUM,      /* x / sum */
	LC_NORM_VECTOR,   /* x / sqrt(sum x^2) */
	LC_NORM__COUNT
};
int lc_norm_from_name(const char *name);  /* -1 when unknown */
const char *lc_norm_name(int norm);       /* NULL out of range */

/* Errors about a matrix: the functions below know no file. They name
 * the criterion in err->field as "criterion J" (J 1-based) and, when one
 * value is at fault, its row (1-based) in err->line, err->file empty;
 * lc_matrix_locate_error turns these into the CSV file's terms. */

/* Step 1: direction-free normalisation of every column of x into out
 * (m x n; may equal x). Rules: minmax of a constant column gives 1 for
 * every alternative; max, sum and vector need values >= 0 (a negative
 * value is LC_EDATA); a column of zeros gives 0. */
int lc_mcda_normalize(const double *x, size_t m, size_t n, int norm,
		      double *out, struct lc_error *err);

/* Step 2, the separate cost step: turns each cost column of a matrix r
 * normalised by norm into "higher is better", in place: minmax and
 * vector r -> 1 - r; max r -> min(r) / r; sum r -> (1/r) / sum(1/r)
 * (max and sum need r > 0 in a cost column, else LC_EDATA). */
int lc_mcda_cost(double *r, size_t m, size_t n, const int *cost, int norm,
		 struct lc_error *err);

/* Weights w (n) for the methods must be >= 0 and sum to 1 (within 1e-9);
 * lc_weights_normalize makes them so. */

/* Weighted sum (SAW/WSM): normalise by norm, cost step, then
 * score[i] = sum_j w[j] r[i][j]. Higher is better. contrib (m x n, may be
 * NULL) receives w[j] r[i][j]. */
int lc_mcda_wsm(const double *x, size_t m, size_t n, const int *cost,
		const double *w, int norm, double *score, double *contrib,
		struct lc_error *err);

/* TOPSIS (Hwang & Yoon): normalise by norm (no cost step: cost columns
 * take their ideal at the minimum, as the method defines; under minmax
 * and vector this equals the 1 - r cost step, under max and sum it
 * differs from min(r)/r and (1/r)/sum(1/r)), weight, Euclidean distances d_plus to the ideal and
 * d_minus to the anti-ideal, closeness = d_minus / (d_plus + d_minus).
 * Rule: when d_plus + d_minus is 0 (the alternative is both ideal and
 * anti-ideal: every weighted column constant) closeness is 0.5. Higher is
 * better. d_plus, d_minus (m) may be NULL. */
int lc_mcda_topsis(const double *x, size_t m, size_t n, const int *cost,
		   const double *w, int norm, double *closeness,
		   double *d_plus, double *d_minus, struct lc_error *err);

/* VIKOR (Opricovic): f*_j best and f-_j worst value of column j,
 * S_i = sum_j w_j (f*_j - f_ij)/(f*_j - f-_j), R_i = max_j of the same
 * terms, Q_i = v (S_i - S*)/(S- - S*) + (1 - v)(R_i - R*)/(R- - R*).
 * Rules: a constant column contributes 0; when S- = S* (R- = R*) that part
 * of Q is 0. Lower Q is better. v in [0, 1] (else LC_EUSAGE). */
struct lc_vikor_accept {
	size_t best;        /* index of the alternative ranked first by Q */
	size_t second;      /* index of the second by Q (best when m = 1) */
	int c1;             /* acceptable advantage: Q2 - Q1 >= 1/(m - 1) */
	int c2;             /* acceptable stability: best also first by S
			       or by R */
	size_t n_compromise; /* size of the compromise set (1 when c1, c2) */
};
int lc_mcda_vikor(const double *x, size_t m, size_t n, const int *cost,
		  const double *w, double v, double *S, double *R, double *Q,
		  struct lc_vikor_accept *acc, struct lc_error *err);

/* PROMETHEE II preference functions, one per criterion; d is the
 * difference in the criterion's own direction (a better than b: d > 0). */
enum lc_pref_type {
	LC_PREF_USUAL,     /* d > 0 -> 1 */
	LC_PREF_USHAPE,    /* d > q -> 1 */
	LC_PREF_VSHAPE,    /* d / p up to p, then 1 */
	LC_PREF_LINEAR,    /* 0 up to q, (d - q)/(p - q) up to p, then 1 */
	LC_PREF_GAUSSIAN   /* 1 - exp(-d^2 / (2 s^2)) */
};
struct lc_pref {
	int type;          /* enum lc_pref_type */
	double q, p, s;    /* thresholds used by the type; q <= p, p, s > 0 */
};
/* Parses "usual", "ushape:Q", "vshape:P", "linear:Q:P", "gaussian:S". */
int lc_pref_parse(const char *text, struct lc_pref *out,
		  struct lc_error *err);
/* Writes the canonical text of *p into buf. */
char *lc_pref_format(const struct lc_pref *p, char *buf, size_t n);

/* PROMETHEE II: phi_plus, phi_minus (each over m - 1 others) and the net
 * flow phi = phi_plus - phi_minus (higher is better). Rule: with m = 1
 * all flows are 0. pref has n entries. Arrays may be NULL except phi. */
int lc_mcda_promethee2(const double *x, size_t m, size_t n, const int *cost,
		       const double *w, const struct lc_pref *pref,
		       double *phi_plus, double *phi_minus, double *phi,
		       struct lc_error *err);

/* Ranks (1 = best) with ties sharing the better rank (1, 2, 2, 4).
 * higher_better 1 for scores, 0 for VIKOR's Q. Two scores tie when they
 * differ by at most 1e-12 times the larger magnitude (at least 1e-12).
 * rank has m entries. */
int lc_mcda_ranks(const double *score, size_t m, int higher_better,
		  int *rank);

/* Spearman's rho (Pearson correlation of average ranks) and Kendall's
 * tau-b between two rankings a and b (m entries each; lower = better,
 * ties allowed). LC_EDATA when m < 2 or a ranking is all tied. */
int lc_mcda_spearman(const double *a, const double *b, size_t m,
		     double *rho, struct lc_error *err);
int lc_mcda_kendall(const double *a, const double *b, size_t m,
		    double *tau, struct lc_error *err);

/* ---- weights ------------------------------------------------------- */

/* Divides w (n) by its sum in place. *was_off (may be NULL) is set to 1
 * when the given sum differed from 1 by more than 1e-9 (warn the user).
 * LC_EDATA when a weight is negative or not finite or the sum is 0. */
int lc_weights_normalize(double *w, size_t n, int *was_off,
			 struct lc_error *err);

/* 1/n each. */
void lc_weights_equal(size_t n, double *w);

/* Entropy weights (Shannon): p_ij = x_ij / sum_i x_ij, e_j = -sum p ln p /
 * ln m with 0 ln 0 = 0, w_j = (1 - e_j) / sum (1 - e_k). Needs x >= 0 and
 * m >= 2; a constant column (zeros included) has e = 1 exactly, weight
 * 0. LC_EDATA when every criterion has e = 1 (no information anywhere)
 * or a column's sum overflows. cost is not used by the
 * classical method (direction does not change the entropy); it may be
 * NULL. */
int lc_weights_entropy(const double *x, size_t m, size_t n, const int *cost,
		       double *w, struct lc_error *err);

/* CRITIC (Diakoulaki, Mavrotas, Papayannakis 1995): minmax-normalise with
 * directions, sigma_j the sample standard deviation of column j, r_jk the
 * Pearson correlation, C_j = sigma_j sum_k (1 - r_jk), w = C / sum C.
 * Rules: a correlation involving a constant column is taken as 0; a
 * single varying criterion has weight 1. LC_EDATA when every C_j is 0 (no
 * criterion varies, or all correlate perfectly) or m < 2. */
int lc_weights_critic(const double *x, size_t m, size_t n, const int *cost,
		      double *w, struct lc_error *err);

/* ---- AHP ------------------------------------------------------------ */

/* Random-index tables (see ranker/ahp.c for sources). */
enum lc_ri_table {
	LC_RI_SAATY1980, LC_RI_SAATY2005, LC_RI_TUMMALA_LING,
	LC_RI_DONEGAN_DODD, LC_RI_AGUARON, LC_RI__COUNT
};
#define LC_RI_DEFAULT LC_RI_SAATY1980
#define LC_AHP_MAX_N 15
int lc_ri_from_name(const char *name);   /* -1 when unknown */
const char *lc_ri_name(int table);       /* "saaty1980", ... */
/* RI(n) of table, 0 for n <= 2; -1 when n > LC_AHP_MAX_N. */
double lc_ri_value(int table, size_t n);

struct lc_ahp_result {
	double lambda_max;
	double ci;     /* (lambda_max - n) / (n - 1); 0 for n <= 2 */
	double cr;     /* ci / ri; 0 for n <= 2 (always consistent) */
	double ri;
	int iterations;
};
/* Principal eigenvector of the positive reciprocal n x n matrix a (row
 * major) by power iteration, normalised to sum 1, into w (n). LC_EDATA
 * when a cell is not positive or a[j][i] differs from 1/a[i][j] by more
 * than 1e-6 relative (err->field names "row,col"), LC_EUSAGE when n is 0
 * or above LC_AHP_MAX_N. cr > 0.10 is for the caller to warn about. */
int lc_ahp(const double *a, size_t n, int ri_table, double *w,
	   struct lc_ahp_result *res, struct lc_error *err);

/* ---- panel aggregation --------------------------------------------- */

enum lc_agg {
	LC_AGG_MEAN, LC_AGG_MEDIAN,
	LC_AGG_TRIMMED,   /* >= 4 scores: drop one highest and one lowest */
	LC_AGG_ZSCORE,    /* per-expert z-scores (lc_panel_zscore) then mean */
	LC_AGG__COUNT
};
int lc_agg_from_name(const char *name);   /* "mean", "median", "trimmed",
					     "zscore"; -1 when unknown */
const char *lc_agg_name(int agg);

/* Aggregates k >= 1 scores s (reordered in place) by agg (mean, median or
 * trimmed; zscore is the mean of already-transformed scores). Returns the
 * value; 0 when k is 0 (callers check counts first). */
double lc_panel_aggregate(double *s, size_t k, int agg);

/* One score of one expert on one dossier (for one criterion). */
struct lc_panel_score {
	const char *tech;
	const char *expert;
	double score;
};
/* Per-expert z-score normalisation of k scores of one criterion, in
 * place: z = (s - mean_e) / sd_e with the population SD over expert e's
 * scores on this criterion (sd 0 gives z = 0), then rescaled to the scale
 * as lo + (hi - lo) (z + 3) / 6 (so +-3 SD spans the scale) and clipped
 * to [lo, hi]. */
int lc_panel_zscore(struct lc_panel_score *s, size_t k, double lo,
		    double hi, struct lc_error *err);

/* Spread of k scores as (highest - lowest) / (hi - lo); 0 when k < 2. */
double lc_panel_spread(const double *s, size_t k, double lo, double hi);

/* ---- seeded random numbers (reproducible across platforms) ------------ */
struct lc_rng { uint64_t s[4]; };        /* xoshiro256** state */
void lc_rng_seed(struct lc_rng *r, uint64_t seed);   /* via splitmix64 */
uint64_t lc_rng_next(struct lc_rng *r);
double lc_rng_uniform(struct lc_rng *r);              /* [0, 1) */
double lc_rng_gamma(struct lc_rng *r, double shape);  /* Marsaglia-Tsang */

/* Parses exactly n comma-separated directions ("max" or "benefit" -> 0,
 * "min" or "cost" -> 1) into cost. LC_EUSAGE (field "types") otherwise. */
int lc_mcda_parse_types(const char *list, size_t n, int *cost,
			struct lc_error *err);
/* Parses exactly n comma-separated decimals into v; field names the
 * option in errors. LC_EUSAGE otherwise. */
int lc_mcda_parse_numbers(const char *list, size_t n, double *v,
			  const char *field, struct lc_error *err);

/* ======================================================================
 * Published assumptions (data/assumptions/default.xml, validated against
 * data/assumptions/assumptions.xsd) and abatement costs (costs.c).
 * ==================================================================== */
struct lc_assumptions;

/* Loads the assumptions file path (NULL: assumptions/default.xml via
 * lc_data_path). *out receives them, to free with lc_assumptions_free.
 * LC_EIO when unreadable, LC_EDATA with "file:line: field: message" when
 * the file does not match the schema or a value is out of range. */
int lc_assumptions_load(const char *path, struct lc_assumptions **out,
			struct lc_error *err);
void lc_assumptions_free(struct lc_assumptions *a);   /* NULL is fine */
/* Strings belong to a and live until lc_assumptions_free. The path is
 * the file as given, or "data/assumptions/default.xml" for the default
 * wherever the data folder is (its SHA-256 tells the bytes). */
const char *lc_assumptions_path(const struct lc_assumptions *a);
const char *lc_assumptions_sha256(const struct lc_assumptions *a); /* hex */
double lc_assumptions_discount_rate(const struct lc_assumptions *a);
int lc_assumptions_price_year(const struct lc_assumptions *a);
const char *lc_assumptions_currency(const struct lc_assumptions *a);
/* The GWP100 set the file names: "ar5" or "ar6". */
const char *lc_assumptions_gwp_set(const struct lc_assumptions *a);
/* Relative tolerance of the cost check (0.25 for 25 %). */
double lc_assumptions_tolerance(const struct lc_assumptions *a);
/* The values of the default file as shipped, for callers given no
 * assumptions (NULL): a discount rate of 8 %, a tolerance of 25 %. */
#define LC_DEFAULT_DISCOUNT_RATE 0.08
#define LC_DEFAULT_COST_TOLERANCE 0.25

/* Capital recovery factor r(1+r)^n / ((1+r)^n - 1); 1/n when r is 0;
 * NaN when n <= 0 or r <= -1. */
double lc_crf(double r, double n);

/* Which abatement cost the ranking, explain, the MACC and the roadmap
 * read (the criteria profile chooses). */
enum lc_cost_basis {
	LC_COST_STATED_ELSE_COMPUTED,  /* the stated one, else computed */
	LC_COST_STATED,                /* only the stated one */
	LC_COST_COMPUTED,              /* only the computed one */
	LC_COST_BASIS__COUNT
};
int lc_cost_basis_from_name(const char *name);   /* -1 when unknown */
const char *lc_cost_basis_name(int basis);       /* NULL out of range */

/* The stated abatement_cost into *out: 1, or 0 when absent. */
int lc_cost_stated(const struct lc_tech *t, double *out);
/* The cost computed from the dossier's own inputs, CNY/tCO2:
 * (CRF(rate, lifetime) x investment + opex_change) / abatement (an
 * absent opex_change counts as 0). 1, or 0 when abatement is missing or
 * <= 0, investment or lifetime missing, or the result not finite. */
int lc_cost_computed(const struct lc_tech *t, double rate, double *out);
/* Where a cost came from. */
enum { LC_COST_SRC_NONE, LC_COST_SRC_STATED, LC_COST_SRC_COMPUTED };
/* The cost basis picks into *out (NaN when none): returns the source. */
int lc_cost_value(const struct lc_tech *t, int basis, double rate,
		  double *out);
/* The name of the field whose absence leaves t without a cost under
 * basis ("abatement_cost", "investment", "lifetime", "abatement"), or
 * NULL when it has one (static strings). */
const char *lc_cost_missing(const struct lc_tech *t, int basis);

/* The cost check: a stated cost against the computed one. */
enum lc_cost_flag {
	LC_COST_OK,             /* within the tolerance */
	LC_COST_DIVERGES,       /* |stated - computed| > tol x |computed| */
	LC_COST_SIGN,           /* one negative, the other positive */
	LC_COST_STATED_ONLY,    /* the inputs do not allow computing it */
	LC_COST_COMPUTED_ONLY,  /* no stated cost */
	LC_COST_NONE,           /* neither */
	LC_COST_FLAG__COUNT
};
const char *lc_cost_flag_name(int flag);   /* "ok", "diverges", ... */
struct lc_cost_check {
	double stated, computed;  /* NaN when there is none */
	double ratio;             /* stated / computed; NaN unless both and
				     computed != 0 */
	int flag;                 /* enum lc_cost_flag */
	double investment, opex, lifetime, abatement;  /* the inputs, NaN
				     when absent (opex 0) */
	int opex_given;           /* 0: opex_change absent, counted as 0 */
};
/* Fills *c for t at the discount rate and the relative tolerance;
 * returns c->flag. */
int lc_cost_check(const struct lc_tech *t, double rate, double tolerance,
		  struct lc_cost_check *c);

/* ======================================================================
 * Criteria profiles (data/criteria/NAME.xml, validated against
 * data/criteria/profile.xsd).
 * ==================================================================== */
struct lc_profile;

/* Loads "top20" (-> data/criteria/top20.xml via lc_data_path) or, when
 * name_or_path contains '/' or ends in ".xml", that file. *out receives a
 * profile to free with lc_profile_free. LC_EIO when unreadable, LC_EDATA
 * (file, line, field) when invalid against the schema or inconsistent. */
int lc_profile_load(const char *name_or_path, struct lc_profile **out,
		    struct lc_error *err);
void lc_profile_free(struct lc_profile *p);          /* NULL is fine */

/* Strings returned below belong to p and live until lc_profile_free. */
const char *lc_profile_name(const struct lc_profile *p);
size_t lc_profile_count(const struct lc_profile *p);     /* criteria */
const char *lc_profile_id(const struct lc_profile *p, size_t i);
/* "zh" or "en"; falls back to the other language, then the id. */
const char *lc_profile_label(const struct lc_profile *p, size_t i,
			     const char *lang);
int lc_profile_is_panel(const struct lc_profile *p, size_t i);
/* The dossier field (lc_field_name) an indicator criterion reads, or a
 * derived source "demonstrations"; NULL for a panel criterion. */
const char *lc_profile_source(const struct lc_profile *p, size_t i);
int lc_profile_is_cost(const struct lc_profile *p, size_t i);
double lc_profile_scale_min(const struct lc_profile *p, size_t i);
double lc_profile_scale_max(const struct lc_profile *p, size_t i);
double lc_profile_weight(const struct lc_profile *p, size_t i);  /* sum 1 */
int lc_profile_min_scores(const struct lc_profile *p);
const char *lc_profile_method(const struct lc_profile *p); /* "wsm", ... */
const char *lc_profile_normalization(const struct lc_profile *p);
const char *lc_profile_aggregation(const struct lc_profile *p);
double lc_profile_disagreement(const struct lc_profile *p);  /* threshold */
int lc_profile_select(const struct lc_profile *p);     /* N, e.g. 20 */
/* The cost basis (enum lc_cost_basis) of the abatement cost the
 * ranking, explain, the MACC and the roadmap read. */
int lc_profile_cost_basis(const struct lc_profile *p);
/* A criterion's normalisation as the profile writes it: "minmax",
 * "log-minmax", "rank", ...; NULL out of range. */
const char *lc_profile_crit_normalization(const struct lc_profile *p,
					  size_t i);
/* Quota of a sector (enum lc_sector): min and max selected; max -1 for
 * none. */
void lc_profile_quota(const struct lc_profile *p, int sector, int *min,
		      int *max);
/* The eligibility rules, i < lc_profile_rule_count: each one's label in
 * lang ("zh" or "en"; falls back to the other language, then the id). */
size_t lc_profile_rule_count(const struct lc_profile *p);
const char *lc_profile_rule_label(const struct lc_profile *p, size_t i,
				  const char *lang);
/* The tie-break chain, in order, k < lc_profile_tiebreak_count: what key
 * k compares (enum lc_tiebreak; -1 out of range) and, for
 * LC_TIEBREAK_CRITERION, the criterion's index into *crit (may be
 * NULL). */
enum lc_tiebreak { LC_TIEBREAK_CRITERION, LC_TIEBREAK_TOP_SCORES,
		   LC_TIEBREAK_DISAGREEMENT, LC_TIEBREAK_ID };
size_t lc_profile_tiebreak_count(const struct lc_profile *p);
int lc_profile_tiebreak(const struct lc_profile *p, size_t k, size_t *crit);

/* ======================================================================
 * Ranking an edition from the catalog.
 * ==================================================================== */
struct lc_ranking;

struct lc_rank_opts {
	const char *method;       /* "wsm", "topsis", "vikor", "promethee2";
				     NULL: the profile's */
	int indicators_only;      /* 1: drop panel criteria, renormalise the
				     remaining weights (also done, with a
				     note, when the edition has no scores) */
	long sensitivity;         /* N weight perturbations, 0 for none */
	uint64_t seed;            /* for the perturbations */
	double concentration;     /* Dirichlet concentration around the
				     profile weights; 0: default 100 */
	int compare;              /* 1: also rank by every method and give
				     Spearman/Kendall against the chosen */
	const struct lc_assumptions *assumptions;  /* the discount rate of
				     computed abatement costs; NULL: the
				     shipped default */
	double discount_rate;     /* overrides the assumptions' when
				     finite; NaN by default */
};
/* Sets every option to zero/NULL (profile method, no sensitivity, no
 * comparison) except seed = 1 and discount_rate = NaN. */
void lc_rank_opts_init(struct lc_rank_opts *o);

/* Ranks edition's dossiers by profile p: panel aggregates and indicators,
 * eligibility, method, tie-break chain, quotas, Top N. Reads only;
 * *out receives a ranking to free with lc_ranking_free. LC_ENOTFOUND when
 * the edition has no dossier. */
int lc_rank_edition(struct lc_catalog *cat, const char *edition,
		    const struct lc_profile *p,
		    const struct lc_rank_opts *opts,
		    struct lc_ranking **out, struct lc_error *err);
void lc_ranking_free(struct lc_ranking *r);           /* NULL is fine */

/* Records r as the edition's selection (record "selection:EDITION":
 * columns edition, hash, profile, method, params, n, ids (comma-separated
 * in rank order), who, when) and sets every selected dossier's status to
 * selected, all in one transaction it opens and commits itself. */
int lc_ranking_record(struct lc_catalog *cat, const struct lc_ranking *r,
		      struct lc_error *err);

/* What a ranking holds, read through two views that belong to r and live
 * until lc_ranking_free: the whole (lc_ranking_info) and one entry
 * (lc_ranking_entry). Entries are in output order: the eligible by rank,
 * then the ineligible by id. */
struct lc_rank_info {
	const char *edition, *profile, *method;
	const char *profile_hash;   /* hex SHA-256 of the profile file */
	const char *params;         /* the method's parameters, as text */
	const char *hash;           /* hex SHA-256 of the inputs */
	const char *data_hash;      /* hex SHA-256 of the data alone */
	const char *notes;          /* for the user, one per line; "" none */
	size_t count;               /* entries */
	size_t selected;
	double cutoff;              /* score of the last selected on merit;
				       NaN when none */
	size_t ncrit;               /* the profile's criteria, j < ncrit */
	const char *const *crit;    /* their ids */
	const double *weight;       /* weights in use (0: left out) */
	const int *cost;            /* 1 for a cost (lower is better) */
	long runs;                  /* sensitivity runs; 0 without */
	size_t ncompare;            /* with opts->compare: other methods */
	const char *compare_method[4];
	double spearman[4], kendall[4];  /* against the chosen method */
};

struct lc_rank_entry {
	const char *id, *name;      /* name: name_zh */
	int sector;                 /* enum lc_sector, -1 unknown */
	int rank;                   /* 1-based; 0 when not ranked */
	double score;               /* higher is better (VIKOR: 1 - Q);
				       NaN when not ranked */
	int selected, eligible;
	const char *excluded;       /* the rule that excluded it ("trl >=
				       6"), NULL when eligible */
	const char *tiebreak;       /* how a tie with the entry above was
				       broken, or NULL */
	const char *quota;          /* why a quota moved it, or NULL */
	/* per criterion j < ncrit: */
	const double *value;        /* entering the method (panel aggregate
				       or indicator); NaN when missing or
				       left out */
	const double *contrib;      /* w_j r_ij, the WSM decomposition (an
				       explanation aid for the others);
				       NaN when not ranked or left out */
	const int *nscores;         /* panel scores counted */
	const int *disagree;        /* 1: the panel disagreed */
	double prob_top;            /* sensitivity: share of runs in Top N */
	int rank_lo, rank_hi;       /* sensitivity: rank interval, 0 none */
};

const struct lc_rank_info *lc_ranking_info(const struct lc_ranking *r);
/* Entry i < count, or NULL. */
const struct lc_rank_entry *lc_ranking_entry(const struct lc_ranking *r,
					     size_t i);
/* Index of id in r, or -1. */
long lc_ranking_find(const struct lc_ranking *r, const char *id);
/* Entry i under comparison k < ncompare (rank with opts->compare): 1
 * when that method would select it, 0 when not, -1 when the entry is
 * not ranked; *rank (may be NULL) receives its rank there (0: none). */
int lc_ranking_compared(const struct lc_ranking *r, size_t k, size_t i,
			int *rank);

/* What would have to change: the value criterion j of entry i would
 * need, all else equal, to be selected (not selected) or the last value
 * that keeps it selected (selected: how far j could worsen). Each try
 * re-runs the method and the whole selection (ties, quotas), bisecting
 * between the current value and the farthest admissible one (a panel
 * criterion's scale; for an indicator what the normalisation admits, or
 * far beyond the values seen), so it holds for every method and for
 * binding quotas. *reach is 0 when no admissible value will do (or,
 * selected, when none would drop it). LC_EUSAGE for an ineligible
 * entry or a criterion with zero weight. */
int lc_ranking_explain(const struct lc_ranking *r, size_t i, size_t j,
		       double *value, int *reach, struct lc_error *err);
/* The score at which entry i's selection would change, the other scores
 * as they are, under the whole rule (ties, quotas): not selected, the
 * lowest score that gets it in (+inf: none, its sector's maximum is 0);
 * selected, the lowest score that keeps it in (-inf: any score, a
 * minimum quota holds it). Differs from the cut-off when quotas bind.
 * NaN for an ineligible entry. */
double lc_ranking_threshold(const struct lc_ranking *r, size_t i);
/* Score minus lc_ranking_threshold: negative for an entry out, how far
 * it is from getting in; positive for one in, its margin. */
double lc_ranking_gap(const struct lc_ranking *r, size_t i);

/* The last recorded selection of an edition, read back from the catalog
 * record "selection:EDITION". Plain data to read; free with
 * lc_selection_free. */
/* The start of the reason of a rejection recorded by rank ("rank: " and
 * the rule that excluded the dossier): such a rejection is rank's output
 * and never an input of the next rank. */
#define LC_RANK_REASON "rank: "

struct lc_selection {
	char *hash;                 /* hex SHA-256 of the inputs */
	char *profile;
	char *profile_hash;         /* of the profile file; "" for a
				       selection recorded before it was
				       kept */
	char *data_hash;            /* of the data alone (dossiers' values,
				       exclusions, scores); "" when the
				       selection was recorded before */
	char *method, *params;
	char *when;
	size_t n;                   /* selected */
	char **id;                  /* n ids in rank order */
	char *idbuf;                /* the ids' storage */
};
/* *out receives the selection; LC_ENOTFOUND when none was recorded. */
int lc_selection_get(struct lc_catalog *cat, const char *edition,
		     struct lc_selection **out, struct lc_error *err);
void lc_selection_free(struct lc_selection *s);      /* NULL is fine */
/* What differs between the selection prev and the ranking r, as bits:
 * the profile file, the method or its parameters, the data (LC_CH_ALL
 * when prev predates the data's own hash and the inputs differ). 0 when
 * the inputs are the same. */
enum { LC_CH_PROFILE = 1, LC_CH_METHOD = 2, LC_CH_DATA = 4,
       LC_CH_UNKNOWN = 8 };
int lc_selection_changes(const struct lc_selection *prev,
			 const struct lc_ranking *r);

/* ======================================================================
 * Evaluation panels: conflicts of interest, reviewer assignment and review
 * progress, as computations over the catalog's records.
 * ==================================================================== */

/* Normalises an organisation name for conflict matching into out (size
 * n): ASCII and full-width letters folded to lower-case half-width, white
 * space and punctuation (ASCII and CJK) removed, then trailing legal-form
 * suffixes dropped (股份有限公司, 有限责任公司, 有限公司, 公司, co ltd,
 * limited, ltd, inc, corp, corporation, company, co). Returns out. */
char *lc_org_norm(const char *in, char *out, size_t n);

/* ---- conflicts (conflicts.c)       --------------------------------------
 * Conflicts are catalog records (see catalog/catalog.h). Automatic: one of the expert's credit codes
 * equals the dossier's credit_code or an owner's code (an owner written
 * with an 18-character code in it), or, where no code is given on one
 * side, the normalised affiliation equals the normalised submitter or an
 * owner's name. */

/* 1 and a reason in buf when e is automatically conflicted on d. */
int lc_conflict_auto(const struct lc_expert *e,
			 const struct lc_dossier *d, char *buf,
			 size_t n);
/* Recomputes the automatic conflicts of every expert on every dossier:
 * stores new ones, deletes those no longer true, audits both. Needs an
 * open transaction and an audit writer. Counts into added/removed (may
 * be NULL). */
int lc_conflicts_refresh(struct lc_catalog *cat,
			     struct lc_audit *a, const char *source,
			     long *added, long *removed,
			     struct lc_error *err);
/* Declares a conflict by hand (its own transaction, audited); an
 * assignment of the pair is removed (audited too). The expert and dossier
 * must exist (LC_ENOTFOUND otherwise); reason is required. */
int lc_conflict_declare(struct lc_catalog *cat, const char *expert,
			    const char *tech, const char *reason,
			    struct lc_error *err);
/* Clears the conflict of expert on tech by hand (its own transaction,
 * audited with the reason and what it was): the pair is no longer
 * conflicted and the automatic rule does not add it back, until a
 * conflict is declared on it again. LC_EDATA when the pair has no
 * conflict; reason is required (conflicts_clear.c). */
int lc_conflict_clear(struct lc_catalog *cat, const char *expert,
		      const char *tech, const char *reason,
		      struct lc_error *err);
/* The pairs cleared by hand ("expert\037tech" keys) into *out (free with
 * lc_strmap_free). */
int lc_conflicts_cleared(struct lc_catalog *cat, struct lc_strmap **out,
			 struct lc_error *err);
/* A set of conflicted pairs: "expert\037tech" keys. Loads the stored
 * records (declared and auto) plus automatic ones computed now from x and
 * d (either may be NULL to skip computing). Free with lc_strmap_free. */
int lc_conflicts_set(struct lc_catalog *cat,
			 const struct lc_experts *x,
			 const struct lc_dossiers *d,
			 struct lc_strmap **out, struct lc_error *err);

/* ---- assignment (assign.c, assign_edition.c) --------------------------------------------
 * Assignments are catalog records (see catalog/catalog.h).
 *
 * The solver works on indices: experts 0..ne-1 and dossiers 0..nd-1 in id
 * order. Method: infeasible dossiers (fewer than k experts free of
 * conflict) are found first and reported all together. Then dossiers are
 * taken most constrained first (fewest experts of their sector free of
 * conflict, then index), and each receives, beyond its pinned (manual)
 * reviewers, the least-loaded free experts of its sector (ties by index),
 * completed from other sectors' least-loaded experts when its sector has
 * too few. A repair pass then moves a dossier from a most-loaded expert
 * to a least-loaded one while loads differ by 2 or more and a move is
 * allowed (the new expert is free of conflict, not already on it, and of
 * the dossier's sector unless the one replaced was not either); then
 * chains of allowed moves from a most-loaded expert to one loaded 2 less
 * are found by breadth-first search (an augmenting path) until none is
 * left. The result depends only on the input. */
struct lc_assign_in {
	size_t ne, nd, k;
	const unsigned *esec;    /* ne sector masks */
	const int *dsec;         /* nd sectors */
	const size_t *conf;      /* nconf (expert, dossier) pairs */
	size_t nconf;
	const size_t *pin;       /* npin (expert, dossier) fixed pairs */
	size_t npin;
};
struct lc_assign_out {
	size_t *start;     /* nd + 1 offsets into who */
	size_t *who;       /* reviewers of dossier d: who[start[d]..start[d+1])
			      sorted by index */
	size_t *fallback;  /* nd: reviewers from other sectors */
	size_t *bad;       /* nbad infeasible dossiers */
	size_t *bad_free;  /* experts free of conflict for each */
	size_t nbad;
	long moves;        /* repair moves made */
	long scanned;      /* experts the repair's searches examined: its
			      work, counted so a test can see it grow */
};
/* Solves in; returns 0 with *out filled, LC_EDATA when some dossiers
 * cannot be covered (out->bad lists them; nothing else filled), LC_EUSAGE
 * for k = 0 or no experts. Release out with lc_assign_release. */
int lc_assign_solve(const struct lc_assign_in *in,
			struct lc_assign_out *out, struct lc_error *err);
void lc_assign_release(struct lc_assign_out *out);

/* What lc_assign_edition did, for the user. kept counts the pairs left
 * in place, of which scored had scores (a finished or started review is
 * never moved) and pinned were manual; dropped_scored counts the scored
 * pairs removed all the same (the expert conflicted or gone). */
struct lc_assign_sum {
	long dossiers, experts, added, removed, kept, pinned, moves;
	long min_load, max_load;
	long scored, dropped_scored;
};
/* Called for each dossier that took reviewers from other sectors, and
 * (with nfree < k) for each dossier that cannot be covered. */
typedef void (*lc_assign_note_fn)(const char *tech, const char *sector,
				      size_t n, size_t k, void *ctx);
/* Options of lc_assign_edition (NULL: none). dry: compute and report,
 * store nothing (the transaction is aborted); change: called with each
 * changed dossier's change, "ID +E01 -E05", as audited. */
struct lc_assign_opts {
	int dry;
	void (*change)(const char *detail, void *ctx);
};
/* Assigns k reviewers to every dossier of edition (own transaction):
 * refreshes the automatic conflicts, keeps manual assignments and every
 * pair that has scores (unless its expert is now conflicted or gone),
 * fills what is missing, may replace the other automatic ones, audits
 * every change. LC_EDATA when infeasible (bad is
 * called for each uncovered dossier with the number of free experts;
 * nothing stored); fallback is called for dossiers completed from other
 * sectors. LC_ENOTFOUND when the edition has no dossier or there is no
 * expert. Callbacks get ctx. */
int lc_assign_edition(struct lc_catalog *cat, const char *edition,
			  size_t k, lc_assign_note_fn fallback,
			  lc_assign_note_fn bad, void *ctx,
			  const struct lc_assign_opts *opt,
			  struct lc_assign_sum *sum,
			  struct lc_error *err);
/* Manual add (refused for a conflicted pair, an unknown expert or
 * dossier, or an existing assignment) and remove (LC_ENOTFOUND when not
 * assigned); each its own transaction, audited. */
int lc_assign_add(struct lc_catalog *cat, const char *expert,
		      const char *tech, struct lc_error *err);
int lc_assign_remove(struct lc_catalog *cat, const char *expert,
			 const char *tech, struct lc_error *err);

/* Fills *c with the panel criteria of the criteria profile name (e.g.
 * "top20"; NULL: "top20"). Errors as lc_profile_load's. */
int lc_criteria_load(const char *profile, struct lc_criteria *c,
		     struct lc_error *err);

/* ---- progress (progress.c)    ----------------------------------------- */
struct lc_panel_status_row {
	const char *id;      /* expert or dossier id */
	long assigned;       /* dossiers (for an expert) or reviewers */
	long complete;       /* reviews with every criterion scored */
	long partial;        /* reviews with some criteria scored */
	char *missing;       /* ids still missing a complete review
				(comma-separated), "" when none */
	int too_few;         /* dossier: complete < min_scores */
	char *unassigned;    /* ids of the other side whose scores are
				not counted because the expert is no
				longer assigned (comma-separated), "" */
};
struct lc_panel_status {
	struct lc_panel_status_row *experts, *dossiers;
	size_t nexperts, ndossiers;
	long too_few;        /* dossiers with too few scores to rank */
	long unassigned;     /* reviews scored by experts no longer
				assigned: not counted */
	int min_scores;
	struct lc_experts x;
	struct lc_dossiers d;
};
/* Computes progress for edition (NULL: all) into *s (release with
 * lc_panel_status_release). */
int lc_panel_status_get(struct lc_catalog *cat,
		      const struct lc_criteria *c, const char *edition,
		      struct lc_panel_status *s, struct lc_error *err);
void lc_panel_status_release(struct lc_panel_status *s);

/* ======================================================================
 * The way to publication (publication.c, objections.c): the recorded
 * selection put under public notice (公示) for a period, objections
 * recorded and resolved, the final list published. Records
 * "notice:EDITION" (ids in rank order, start, end, the selection's hash),
 * "objection:EDITION:NNNN" (tech, from, text, state open, upheld or
 * dismissed, note, when, late) and "publication:EDITION"; statuses
 * noticed, withdrawn, published. Each step its own audited transaction.
 * ==================================================================== */
struct lc_notice {
	char *start, *end;    /* the notice period, YYYY-MM-DD, inclusive */
	char *hash;           /* of the selection put under notice */
	char *who;
	size_t n;             /* dossiers on the proposed list */
	char **id;            /* in rank order */
	char *published;      /* when published, or NULL */
	char *idbuf;          /* storage of id */
};
/* Puts the recorded selection of edition under notice for days (1-365)
 * from today: LC_EDATA when there is no selection or a notice already. */
int lc_notice_open(struct lc_catalog *cat, const char *edition, long days,
		   struct lc_error *err);
/* *out receives the notice of edition (free with lc_notice_free);
 * LC_ENOTFOUND when none. */
int lc_notice_get(struct lc_catalog *cat, const char *edition,
		  struct lc_notice **out, struct lc_error *err);
void lc_notice_free(struct lc_notice *n);              /* NULL is fine */
/* Records an objection from from against dossier id (under notice, its
 * edition not published); its number goes into seq ("0001"). */
int lc_objection_add(struct lc_catalog *cat, const char *id,
		     const char *from, const char *text, char *seq,
		     size_t seqn, struct lc_error *err);
/* Resolves objection seq of edition: upheld withdraws the dossier from
 * the list, dismissed leaves it; note says why. */
int lc_objection_resolve(struct lc_catalog *cat, const char *edition,
			 const char *seq, int upheld, const char *note,
			 struct lc_error *err);
/* Publishes the list under notice: refused while an objection is open;
 * every dossier not withdrawn becomes published. Counts into *published
 * and *withdrawn. */
int lc_publish(struct lc_catalog *cat, const char *edition,
	       size_t *published, size_t *withdrawn, struct lc_error *err);

/* ---- technologies across editions (lineage.c, track.c) ------------------
 * A dossier's lineage is the id of the same technology in an earlier
 * edition; following it up gives the technology's key, which survives
 * every new edition's new id (a dossier without lineage is its own key;
 * a lineage naming an id not in the catalog makes that id the key). */
struct lc_lineage;
/* Reads every dossier's id, edition and lineage: *out receives the graph
 * (free with lc_lineage_free). */
int lc_lineage_load(struct lc_catalog *cat, struct lc_lineage **out,
		    struct lc_error *err);
void lc_lineage_free(struct lc_lineage *g);     /* NULL is fine */
/* The key of dossier id, or NULL when id is not in the catalog. Belongs
 * to g. */
const char *lc_lineage_key(const struct lc_lineage *g, const char *id);
/* The dossiers of the technology key, in edition order (then id): the
 * first max ids written into ids (belonging to g); returns how many
 * there are (0: no such key). */
size_t lc_lineage_members(const struct lc_lineage *g, const char *key,
			  const char **ids, size_t max);

/* One technology across editions, as `lowcarb track` shows it. */
struct lc_track_row {
	struct lc_tech *t;          /* the edition's dossier (owned) */
	int selected;               /* in that edition's Top N */
	int has_forecast;           /* an earlier edition forecast a target
				       penetration for this edition's year */
	double forecast;            /* that target, % */
	const char *forecast_from;  /* the edition that forecast it */
};
struct lc_track {
	char key[64];
	struct lc_track_row *v;     /* edition order */
	size_t n;
};
/* The technology of id_or_key (any of its dossiers' ids, or its key):
 * *out receives it (free with lc_track_free). LC_ENOTFOUND when there
 * is none. */
int lc_track_build(struct lc_catalog *cat, const char *id_or_key,
		   struct lc_track **out, struct lc_error *err);
void lc_track_free(struct lc_track *k);         /* NULL is fine */

/* ---- benchmarking against an international reference (benchmark.c) ----
 * An edition's dossiers paired with the technologies of a reference
 * catalog (another lowcarb catalog: the IEA guide imported through its
 * mapping profile): each domestic dossier with the closest reference
 * technology of its sector (English names and the reference's scope as
 * weighted words and trigrams, the category; petrochemicals and
 * chemicals count as one industry), or as a pairs file fixes it. */
enum lc_match { LC_MATCH_NONE, LC_MATCH_AUTO, LC_MATCH_MANUAL };

struct lc_bench_opts {
	const char *edition;      /* the domestic edition (required) */
	const char *ref_edition;  /* NULL: the reference's latest edition
				     not after edition, else its latest */
	/* pairs fixed by hand: pair_id[k] is paired with pair_ref[k], or
	 * with nothing when pair_ref[k] is "" (npairs of them; pair_line
	 * and pairs_file, which may be NULL, locate them for messages) */
	const char *const *pair_id, *const *pair_ref;
	const long *pair_line;
	size_t npairs;
	const char *pairs_file;
	lc_problem_fn problem;    /* a pair naming what is not there */
	void *pctx;
	double threshold;         /* score an automatic pair needs; 0: the
				     default (0.4) */
};

/* A row: a domestic dossier and its pair (ref NULL: none), or a
 * reference technology nothing domestic pairs with (dom NULL). */
struct lc_bench_row {
	int sector;               /* the dossier's, or the reference's */
	struct lc_tech *dom, *ref;  /* owned by the result */
	int match;                /* enum lc_match */
	double score;             /* an automatic pair's score */
	int has_gap;              /* both have a TRL */
	int gap;                  /* dom's TRL - ref's, on the 1-9 scale */
};
struct lc_bench_sector {
	long domestic, reference; /* dossiers of the sector on each side */
	long leads, lags, level;  /* pairs by the sign of the gap */
	long unpaired;            /* domestic dossiers without a pair */
	long gaps;                /* reference technologies without a
				     domestic counterpart */
};
struct lc_bench {
	char ref_edition[8];
	struct lc_bench_row *v;   /* by sector: domestic (id order), then
				     reference technologies unpaired */
	size_t n;
	struct lc_bench_sector s[LC_SECTOR__COUNT];
};
/* Benchmarks o->edition of dom against ref (both open; they may be the
 * same catalog): *out receives the result (free with lc_bench_free).
 * LC_ENOTFOUND when either side has nothing; LC_EDATA when a hand-made
 * pair names a dossier or technology that is not there (each reported
 * to o->problem). */
int lc_bench_run(struct lc_catalog *dom, struct lc_catalog *ref,
		 const struct lc_bench_opts *o, struct lc_bench **out,
		 struct lc_error *err);
void lc_bench_free(struct lc_bench *b);         /* NULL is fine */

/* ======================================================================
 * Products and competing routes (products.c, macc_cap.c).
 * A dossier may name the product whose production it decarbonises, from
 * the closed list data/products.xml (each product with its national
 * output and baseline emissions, source and year). In a marginal
 * abatement cost curve, routes that decarbonise the same product compete
 * for the same emissions: in cost order each one counts at most what
 * the cheaper ones left of its product's baseline.
 * ==================================================================== */

/* One product of the list; strings belong to the list. */
struct lc_product {
	const char *code;         /* "crude-steel": lower-case, digits, '-' */
	const char *name_zh, *name_en;
	double output;            /* annual output, in output_unit */
	const char *output_unit;  /* "t/a" */
	double emissions;         /* baseline emissions, tCO2e/a */
	int year;                 /* the year of both figures */
	const char *source;       /* where the figures come from */
};
/* The list: loaded once, read-only. */
struct lc_products;
/* Loads the list at path (NULL: the shipped products.xml found by
 * lc_data_path), checked against products.xsd; *out receives it (free
 * with lc_products_free). LC_EDATA with err naming file:line for a bad
 * or repeated product, LC_EIO when it cannot be read. */
int lc_products_load(const char *path, struct lc_products **out,
		     struct lc_error *err);
void lc_products_free(struct lc_products *p);    /* NULL is fine */
size_t lc_products_count(const struct lc_products *p);
/* The i-th product in the file's order (i < count); belongs to p. */
const struct lc_product *lc_products_get(const struct lc_products *p,
					 size_t i);
/* Index of the product named code, or -1. */
int lc_products_find(const struct lc_products *p, const char *code);
/* The path the list was read from (belongs to p). */
const char *lc_products_path(const struct lc_products *p);

/* A route of a MACC for the capping: in, what it claims and the budget
 * it draws on; out, what counts. */
struct lc_cap_route {
	double claimed;   /* in: potential as stated, tCO2e/a; NaN or <= 0:
			     nothing */
	int product;      /* in: index into budget, -1 (or out of range):
			     not capped, counted as claimed */
	double counted;   /* out: min(claimed, what remains of the budget) */
	double overlap;   /* out: claimed - counted, never added to a total */
	double xmin, xmax;/* out: cumulative counted potential before and
			     after this route */
};
/* Caps routes r[0..n-1], already in cost order (cheapest first): the
 * budget of product k starts at budget[k] (its baseline emissions,
 * nbudget of them) and each route of k counts what remains of it, up to
 * its claim; the rest is its overlap. A route without a product counts
 * its claim. 0, or LC_ENOMEM. */
int lc_macc_cap(struct lc_cap_route *r, size_t n, const double *budget,
		size_t nbudget, struct lc_error *err);

#endif
