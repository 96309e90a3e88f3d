/* panel.h - evaluation panels (module-private to ranker/, used by the CLI):
 * experts, conflicts of interest, reviewer assignment, score sheets and
 * scores, progress, and the SHA-256 chained audit trail, all kept as
 * generic catalog records (see the record formats in each section). */
#ifndef LC_RANKER_PANEL_H
#define LC_RANKER_PANEL_H

#include <stdio.h>
#include "catalog/catalog.h"

/* ---- small helpers (panel_util.c) -------------------------------------- */

/* A string -> long hash map. Keys are copied. */
struct lc_pnl_map;
/* Returns a new empty map (free with lc_pnl_map_free), NULL on no memory. */
struct lc_pnl_map *lc_pnl_map_new(void);
void lc_pnl_map_free(struct lc_pnl_map *m);          /* NULL is fine */
/* Sets key to val; returns 0 or LC_ENOMEM. */
int lc_pnl_map_put(struct lc_pnl_map *m, const char *key, long val);
/* The value of key, or dflt when absent. */
long lc_pnl_map_get(const struct lc_pnl_map *m, const char *key, long dflt);
size_t lc_pnl_map_count(const struct lc_pnl_map *m);

/* Normalises an organisation name for conflict matching into out (size
 * n): ASCII and full-width letters folded to lower-case half-width, white
 * space and punctuation (ASCII and CJK) removed, then trailing legal-form
 * suffixes dropped (股份有限公司, 有限责任公司, 有限公司, 公司, co ltd,
 * limited, ltd, inc, corp, corporation, company, co). Returns out. */
char *lc_pnl_org_norm(const char *in, char *out, size_t n);

/* Room for element n of an array v of size-byte elements with capacity
 * *cap: returns v, or a larger copy (capacity doubled, *cap updated), or
 * NULL when out of memory (v is then still valid). */
void *lc_pnl_grow(void *v, size_t *cap, size_t n, size_t size);

/* Index of id in n elements of size bytes at base sorted by id, each
 * starting with its `char *id`; -1 when absent. */
long lc_pnl_find_id(const void *base, size_t n, size_t size, const char *id);

/* Output formats of the list commands, in the order of the CLI's
 * "table,csv,json" (cli_list_format gives the index). */
enum lc_pnl_fmt { LC_PNL_TABLE, LC_PNL_CSV, LC_PNL_JSON };

/* Rows of ncol text columns written as an 80-column table (widths
 * given), CSV (header = names, cells neutralised against formula
 * injection) or a JSON array of objects (keys = names). */
struct lc_pnl_out {
	FILE *fp;
	int fmt;                     /* enum lc_pnl_fmt */
	size_t ncol;
	const char *const *names;    /* column names (CSV header, JSON keys) */
	const char *const *heads;    /* table headings */
	const int *width;            /* table widths; the last is not padded */
	long rows;
};
void lc_pnl_out_begin(struct lc_pnl_out *o);
void lc_pnl_out_row(struct lc_pnl_out *o, const char *const *vals);
void lc_pnl_out_end(struct lc_pnl_out *o);
/* Writes every record of kind through o (begin, rows, end): output
 * column j is the record's column from[j] ("" when absent). Returns 0 or
 * the catalog's error. */
int lc_pnl_out_kind(struct lc_catalog *cat, const char *kind,
		    const char *const *from, struct lc_pnl_out *o,
		    struct lc_error *err);

/* The sector bit mask (1 << enum lc_sector) of a ';'-separated list of
 * sector names; -1 when one is unknown (its name copied into bad). */
long lc_pnl_sector_mask(const char *list, char *bad, size_t n);

/* CSV inputs (experts, score sheets) are read with lc_csv_* of
 * importers/importers.h. */

/* ---- problems --------------------------------------------------------- */
/* Validation problems go to a callback (may be NULL) so that every one is
 * reported, not only the first; e is valid during the call. */
typedef void (*lc_pnl_problem_fn)(const struct lc_error *e, void *ctx);

/* ---- audit trail (panel_audit.c) ------------------------------------------
 * Records "audit:<10-digit seq>" with columns seq, who, when, action,
 * detail, source, prev, hash, where hash is the hex SHA-256 of the entry's
 * other columns (each as "<length>:<bytes>", in the order seq, who, when,
 * action, detail, source, prev) and prev the previous entry's hash (64
 * zeros for the first). "audithead:log" keeps the last seq and hash. */
struct lc_pnl_audit;
/* Starts appending inside cat's open transaction: *out receives a writer
 * to end with lc_pnl_audit_end (which stores the head). */
int lc_pnl_audit_begin(struct lc_catalog *cat, struct lc_pnl_audit **out,
		       struct lc_error *err);
/* One command's writes: opens the transaction and an audit writer. */
int lc_pnl_tx_begin(struct lc_catalog *cat, struct lc_pnl_audit **a,
		    struct lc_error *err);
/* Ends them: with rc 0 stores the audit head and commits, otherwise (or
 * when that fails) aborts so that nothing is written. Returns the final
 * status. a may be NULL (begin failed). */
int lc_pnl_tx_end(struct lc_catalog *cat, struct lc_pnl_audit *a, int rc,
		  struct lc_error *err);
/* Appends one entry (who/when from lc_catalog_who/now). source may be
 * NULL. Returns 0 or a negative status. */
int lc_pnl_audit_add(struct lc_pnl_audit *a, const char *action,
		     const char *detail, const char *source,
		     struct lc_error *err);
/* Writes the head and frees a; when fail is non-zero only frees. Returns
 * 0 or a negative status. */
int lc_pnl_audit_end(struct lc_pnl_audit *a, int fail, struct lc_error *err);

struct lc_pnl_audit_entry {
	const char *key, *seq, *who, *when, *action, *detail, *source;
	const char *prev, *hash;
};
/* Calls fn for every entry in sequence order; fn returns non-zero to
 * stop (returned). */
int lc_pnl_audit_each(struct lc_catalog *cat,
		      int (*fn)(const struct lc_pnl_audit_entry *e,
				void *ctx),
		      void *ctx, struct lc_error *err);
/* Checks the chain: sequence numbers 1, 2, ... without gaps, each prev
 * equal to the previous hash, each hash recomputed, the head matching the
 * last entry. Returns 0 (*n entries checked), or LC_EDATA with err naming
 * the first bad entry ("audit:0000000003: ..."). */
int lc_pnl_audit_verify(struct lc_catalog *cat, long *n,
			struct lc_error *err);
/* Hex SHA-256 (65 bytes with NUL) of an entry's columns, as stored. */
void lc_pnl_audit_hash(const struct lc_pnl_audit_entry *e, char hex[65]);

/* ---- experts (panel_experts.c) ---------------------------------------------
 * Records "expert:<id>" with columns id, name, affiliation, credit_codes,
 * sectors, email (lists ';'-separated). */
struct lc_pnl_expert {
	char *id, *name, *affiliation, *credit_codes, *sectors, *email;
	unsigned sector_mask;    /* 1 << enum lc_sector */
	char *norm_aff;          /* lc_pnl_org_norm(affiliation) */
};
struct lc_pnl_experts {
	struct lc_pnl_expert *v;  /* sorted by id */
	size_t n;
};
/* Loads every expert into *x (release with lc_pnl_experts_release). */
int lc_pnl_experts_load(struct lc_catalog *cat, struct lc_pnl_experts *x,
			struct lc_error *err);
void lc_pnl_experts_release(struct lc_pnl_experts *x);
/* Index of id in x, or -1. */
long lc_pnl_experts_find(const struct lc_pnl_experts *x, const char *id);

struct lc_pnl_import_sum {
	long read, added, updated, unchanged;
	long conflicts_added, conflicts_removed;
};
/* Imports the experts CSV at path (header exactly the columns id, name,
 * affiliation, credit_codes, sectors, email in any order; id, name,
 * affiliation, sectors required) in one transaction it opens: every
 * problem goes to problem (file:line: field: message); with any problem
 * nothing is stored and LC_EDATA is returned. A known id is updated.
 * Automatic conflicts are then recomputed (audited). */
int lc_pnl_experts_import(struct lc_catalog *cat, const char *path,
			  lc_pnl_problem_fn problem, void *pctx,
			  struct lc_pnl_import_sum *sum, struct lc_error *err);

/* ---- dossiers as the panel sees them (panel_conflicts.c) -------------- */
struct lc_pnl_dossier {
	char *id, *edition, *name_zh, *name_en, *submitter, *credit_code;
	char *owners, *summary;
	int sector;
};
struct lc_pnl_dossiers {
	struct lc_pnl_dossier *v;  /* sorted by id */
	size_t n;
};
/* Loads the dossiers of edition (NULL: all) into *d (release with
 * lc_pnl_dossiers_release). */
int lc_pnl_dossiers_load(struct lc_catalog *cat, const char *edition,
			 struct lc_pnl_dossiers *d, struct lc_error *err);
void lc_pnl_dossiers_release(struct lc_pnl_dossiers *d);
long lc_pnl_dossiers_find(const struct lc_pnl_dossiers *d, const char *id);

/* ---- conflicts (panel_conflicts.c) --------------------------------------
 * Records "conflict:<expert>:<tech>" with columns expert, tech, reason,
 * origin (auto or declared). Automatic: one of the expert's credit codes
 * equals the dossier's credit_code or an owner's code (an owner written
 * with an 18-character code in it), or, where no code is given on one
 * side, the normalised affiliation equals the normalised submitter or an
 * owner's name. */

/* 1 and a reason in buf when e is automatically conflicted on d. */
int lc_pnl_conflict_auto(const struct lc_pnl_expert *e,
			 const struct lc_pnl_dossier *d, char *buf,
			 size_t n);
/* Recomputes the automatic conflicts of every expert on every dossier:
 * stores new ones, deletes those no longer true, audits both. Needs an
 * open transaction and an audit writer. Counts into added/removed (may
 * be NULL). */
int lc_pnl_conflicts_refresh(struct lc_catalog *cat,
			     struct lc_pnl_audit *a, const char *source,
			     long *added, long *removed,
			     struct lc_error *err);
/* Declares a conflict by hand (its own transaction, audited); an
 * assignment of the pair is removed (audited too). The expert and dossier
 * must exist (LC_ENOTFOUND otherwise); reason is required. */
int lc_pnl_conflict_declare(struct lc_catalog *cat, const char *expert,
			    const char *tech, const char *reason,
			    struct lc_error *err);
/* A set of conflicted pairs: "expert\037tech" keys. Loads the stored
 * records (declared and auto) plus automatic ones computed now from x and
 * d (either may be NULL to skip computing). Free with lc_pnl_map_free. */
int lc_pnl_conflicts_set(struct lc_catalog *cat,
			 const struct lc_pnl_experts *x,
			 const struct lc_pnl_dossiers *d,
			 struct lc_pnl_map **out, struct lc_error *err);
/* Builds the "expert\037tech" key into buf; returns buf. */
char *lc_pnl_pair_key(const char *expert, const char *tech, char *buf,
		      size_t n);

/* ---- assignment (panel_assign.c) --------------------------------------------
 * Records "assign:<tech>:<expert>" with columns tech, expert, origin (auto
 * or manual).
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
struct lc_pnl_assign_in {
	size_t ne, nd, k;
	const unsigned *esec;    /* ne sector masks */
	const int *dsec;         /* nd sectors */
	const size_t *conf;      /* nconf (expert, dossier) pairs */
	size_t nconf;
	const size_t *pin;       /* npin (expert, dossier) fixed pairs */
	size_t npin;
};
struct lc_pnl_assign_out {
	size_t *start;     /* nd + 1 offsets into who */
	size_t *who;       /* reviewers of dossier d: who[start[d]..start[d+1])
			      sorted by index */
	size_t *fallback;  /* nd: reviewers from other sectors */
	size_t *bad;       /* nbad infeasible dossiers */
	size_t *bad_free;  /* experts free of conflict for each */
	size_t nbad;
	long moves;        /* repair moves made */
};
/* Solves in; returns 0 with *out filled, LC_EDATA when some dossiers
 * cannot be covered (out->bad lists them; nothing else filled), LC_EUSAGE
 * for k = 0 or no experts. Release out with lc_pnl_assign_release. */
int lc_pnl_assign_solve(const struct lc_pnl_assign_in *in,
			struct lc_pnl_assign_out *out, struct lc_error *err);
void lc_pnl_assign_release(struct lc_pnl_assign_out *out);

/* What lc_pnl_assign_edition did, for the user. */
struct lc_pnl_assign_sum {
	long dossiers, experts, added, removed, kept, pinned, moves;
	long min_load, max_load;
};
/* Called for each dossier that took reviewers from other sectors, and
 * (with nfree < k) for each dossier that cannot be covered. */
typedef void (*lc_pnl_assign_note_fn)(const char *tech, const char *sector,
				      size_t n, size_t k, void *ctx);
/* Assigns k reviewers to every dossier of edition (own transaction):
 * refreshes the automatic conflicts, keeps manual assignments, replaces
 * automatic ones, audits every change. LC_EDATA when infeasible (bad is
 * called for each uncovered dossier with the number of free experts;
 * nothing stored); fallback is called for dossiers completed from other
 * sectors. LC_ENOTFOUND when the edition has no dossier or there is no
 * expert. */
int lc_pnl_assign_edition(struct lc_catalog *cat, const char *edition,
			  size_t k, lc_pnl_assign_note_fn fallback,
			  lc_pnl_assign_note_fn bad, void *ctx,
			  struct lc_pnl_assign_sum *sum,
			  struct lc_error *err);
/* Manual add (refused for a conflicted pair, an unknown expert or
 * dossier, or an existing assignment) and remove (LC_ENOTFOUND when not
 * assigned); each its own transaction, audited. */
int lc_pnl_assign_add(struct lc_catalog *cat, const char *expert,
		      const char *tech, struct lc_error *err);
int lc_pnl_assign_remove(struct lc_catalog *cat, const char *expert,
			 const char *tech, struct lc_error *err);

/* ---- criteria to score (panel_criteria.c) ---------------------------- */
#define LC_PNL_MAX_CRIT 32
struct lc_pnl_criteria {
	size_t n;                          /* panel criteria */
	char id[LC_PNL_MAX_CRIT][64];
	double lo[LC_PNL_MAX_CRIT], hi[LC_PNL_MAX_CRIT];
	int min_scores;                    /* reviews needed to rank */
};
/* Fills *c with the panel criteria of the ranker's profile name (e.g.
 * "top20"). Errors as lc_profile_load's. */
int lc_pnl_criteria_load(const char *profile, struct lc_pnl_criteria *c,
			 struct lc_error *err);
/* Index of criterion id, or -1. */
long lc_pnl_criteria_find(const struct lc_pnl_criteria *c, const char *id);

/* ---- score sheets and scores (panel_scores.c) -----------------------------
 * Records "score:<tech>:<expert>:<criterion>" with columns tech, expert,
 * criterion, score (decimal text), comment, source; a replaced score is
 * kept as "scorehist:<tech>:<expert>:<criterion>:<n>" (n = 1, 2, ...)
 * with the same columns plus replaced (when). */

/* Writes the score sheet of expert: header expert,id,name_zh,name_en,
 * sector,trl,submitter,owners,summary, then one column per criterion id,
 * then comment; one row per assigned dossier (by id), scores already
 * stored filled in. blind: submitter and owners columns left out.
 * LC_ENOTFOUND for an unknown expert. */
int lc_pnl_sheet_export(struct lc_catalog *cat,
			const struct lc_pnl_criteria *c, const char *expert,
			int blind, FILE *out, struct lc_error *err);

struct lc_pnl_scores_sum {
	long rows, added, changed, unchanged;
};
/* Imports filled sheets (as exported; blank cells are skipped) and long
 * files (header expert,id,criterion,score,comment) in one transaction it
 * opens. Every problem (unknown expert or dossier, expert not assigned or
 * conflicted, unknown criterion, malformed number, value outside the
 * scale, the same score twice) goes to problem; with any, nothing is
 * stored and LC_EDATA returned. Changes are audited. */
int lc_pnl_scores_import(struct lc_catalog *cat,
			 const struct lc_pnl_criteria *c,
			 char *const *paths, size_t npaths,
			 lc_pnl_problem_fn problem, void *pctx,
			 struct lc_pnl_scores_sum *sum, struct lc_error *err);

/* ---- progress (panel_status.c) ----------------------------------------- */
struct lc_pnl_status_row {
	const char *id;      /* expert or dossier id */
	long assigned;       /* dossiers (for an expert) or reviewers */
	long complete;       /* reviews with every criterion scored */
	long partial;        /* reviews with some criteria scored */
	char *missing;       /* ids still missing a complete review
				(comma-separated), "" when none */
	int too_few;         /* dossier: complete < min_scores */
};
struct lc_pnl_status {
	struct lc_pnl_status_row *experts, *dossiers;
	size_t nexperts, ndossiers;
	long too_few;        /* dossiers with too few scores to rank */
	int min_scores;
	struct lc_pnl_experts x;
	struct lc_pnl_dossiers d;
};
/* Computes progress for edition (NULL: all) into *s (release with
 * lc_pnl_status_release). */
int lc_pnl_status_get(struct lc_catalog *cat,
		      const struct lc_pnl_criteria *c, const char *edition,
		      struct lc_pnl_status *s, struct lc_error *err);
void lc_pnl_status_release(struct lc_pnl_status *s);

#endif
