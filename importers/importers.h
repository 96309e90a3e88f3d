/* importers.h - reading what comes from outside: technology dossiers from
 * submissions (XML, CSV, .xlsx) checked against the field rules with quantities
 * converted to base units and imported into the catalog; the panel's
 * experts and filled score sheets; decision and pairwise matrices. */
#ifndef LC_IMPORTERS_H
#define LC_IMPORTERS_H

#include <stdio.h>
#include "catalog/catalog.h"

/* ---- quantities ---------------------------------------------------------
 * Numbers as submitters write them: "350,000", "3.5万", "1.2亿",
 * "35 kt", "0.35 Mt", "35万tCO2/a", "2.4亿元", "1.5万tce". */

/* Converts text (and, from XML, a separate unit attribute, or NULL) into
 * field f's base unit (lc_field_unit(f)). Returns 0 and sets *out, or
 * LC_EDATA with err naming the field (never a silent zero): unparseable
 * number, unknown unit, unit of another dimension. err->file and
 * err->line are left "" and 0 for the caller to fill. */
int lc_quantity_parse(int f, const char *text, const char *unit,
		      double *out, struct lc_error *err);

/* ---- field rules (data/rules/fields.rules) -----------------------------
 * Loaded and compiled (PCRE2, JIT) once per process on first use; every
 * function below loads them if needed and fails with LC_EIO when the
 * rules file is missing or broken. */

/* Loads the rules from path (NULL: lc_data_path("rules/fields.rules")).
 * Returns 0, or LC_EIO/LC_EDATA naming the line of a bad rule. Called
 * implicitly; calling it again replaces the loaded rules. */
int lc_rules_load(const char *path, struct lc_error *err);
/* Frees the loaded rules (for leak checkers); safe to call any time. */
void lc_rules_free(void);

/* Checks one value against the rule of the same name ("id", "email",
 * "phone", "credit_code", "trl", "year", "percent", ...). Returns 0 when
 * it passes, LC_EDATA with the rule's message in err (field = name), or
 * LC_EIO when the rules cannot be loaded. */
int lc_rules_check(const char *rule, const char *value,
		   struct lc_error *err);

/* The GB 32100-2015 check character for the first 17 characters of a
 * unified social credit code, or 0 when one of them is not in the code's
 * character set. */
char lc_credit_code_check_char(const char *code17);

/* ---- reading and validating ---------------------------------------------
 */
enum lc_import_format { LC_FMT_AUTO, LC_FMT_XML, LC_FMT_CSV, LC_FMT_XLSX };

struct lc_mapping;

struct lc_import_opts {
	int format;            /* enum lc_import_format; AUTO from content */
	const char *encoding;  /* CSV: NULL auto (UTF-8, else GB18030), or
				  "gb18030"/"gbk"/"utf-8" */
	int skip_invalid;      /* import the valid dossiers of a bad run */
	int dup_check;         /* 1: warn about near-duplicate names */
	const struct lc_mapping *mapping;  /* a foreign CSV layout read
				  through this profile (NULL: the
				  submission layouts) */
	const char *edition;   /* with a mapping: the edition ("2024"),
				  which also fills {edition} in it */
	int accept_lineage;    /* import: apply near matches found in
				  earlier editions (see lineage below) */
};
void lc_import_opts_init(struct lc_import_opts *o);

/* What the importer tells its caller; every member may be NULL. Errors
 * and warnings carry file, line and field. The pointers passed are valid
 * during the call only. */
struct lc_import_report {
	/* A problem with the data (the dossier or file is rejected). */
	void (*problem)(const struct lc_error *e, void *ctx);
	/* A warning (near-duplicate names); nothing is rejected. */
	void (*warning)(const struct lc_error *e, void *ctx);
	/* A dossier stored (import only): result is enum lc_put_result,
	 * changed the comma-separated changed fields ("" if none). */
	void (*stored)(const char *id, int result, const char *changed,
		       void *ctx);
	/* Progress: bytes of file read so far out of total (0 if unknown),
	 * dossiers read so far. Called at most every 4096 dossiers. */
	void (*progress)(const char *file, long long done, long long total,
			 long dossiers, void *ctx);
	void *ctx;
	/* A row a mapping profile leaves out, with the profile's reason. */
	void (*skipped)(const char *file, long line, const char *reason,
			void *ctx);
	/* A technology found in an earlier edition (import only): id is
	 * the dossier imported, prev the earlier one, score the names'
	 * similarity (1 for the same name); applied 1 when lineage was set
	 * to prev (an exact match, or a near one accepted), 0 when only
	 * proposed. */
	void (*lineage)(const char *file, long line, const char *id,
			const char *prev, const char *prev_name, double score,
			int applied, void *ctx);
	/* Every valid dossier as read (validate and import), for a check
	 * of the caller's own that only warns (the cost check: the ranker
	 * knows costs, the importer does not): line is that of its
	 * abatement_cost, else its first. Returns 1 when it warned
	 * (counted in warnings), else 0. */
	int (*check)(const struct lc_tech *t, const char *file, long line,
		     void *ctx);
};

struct lc_import_summary {
	long read;        /* dossiers read */
	long added, updated, unchanged;
	long rejected;    /* invalid dossiers (not stored); the rows of a
			     file whose header is refused count here */
	long skipped;     /* rows a mapping profile skips, each with its
			     reason (never part of read) */
	long problems;    /* problems reported */
	long warnings;
};

/* Calls fn for every dossier of file path, valid or not, in file order:
 * t is the dossier as read (owned by the reader: valid during the call;
 * lc_tech_dup to keep it), line its first line, valid 1 when no problem
 * was found in it. Problems go to rep->problem. fn returns 0 to go on,
 * non-zero to stop (that value is returned). Returns 0, a file-level
 * failure (LC_EIO unreadable; LC_EDATA unparseable, bad header, refused
 * DOCTYPE) in err (also reported to rep->problem), or fn's value. */
int lc_import_read(const char *path, const struct lc_import_opts *o,
		   const struct lc_import_report *rep,
		   int (*fn)(const struct lc_tech *t, long line, int valid,
			     void *ctx),
		   void *ctx, struct lc_error *err);

/* Validates the files without touching any catalog: every problem goes to
 * rep->problem, counts into *sum (may be NULL). Returns 0 when all are
 * valid, LC_EDATA when any problem was found, LC_EIO when a file cannot be
 * read (err holds the first such failure). */
int lc_import_validate(char *const *paths, size_t n,
		       const struct lc_import_opts *o,
		       const struct lc_import_report *rep,
		       struct lc_import_summary *sum, struct lc_error *err);

/* Imports the files into cat (open for writing) in ONE transaction: when
 * any dossier is invalid, nothing is stored (LC_EDATA) unless
 * o->skip_invalid, which stores the valid ones and counts the rest as
 * rejected (return 0 then; LC_EDATA only for unreadable input). An
 * import in which no dossier at all is valid stores nothing and is
 * LC_EDATA too, skip_invalid or not (*sum still counts). Status is
 * kept from the stored dossier when the file does not give one. Warns
 * (rep->warning) when a name is close to another submitter's in the same
 * edition. *sum (may be NULL) receives the counts. On failure the catalog
 * is unchanged. */
int lc_import_files(struct lc_catalog *cat, char *const *paths, size_t n,
		    const struct lc_import_opts *o,
		    const struct lc_import_report *rep,
		    struct lc_import_summary *sum, struct lc_error *err);

/* ---- mapping profiles (data/profiles/NAME.xml; mapping.c) ---------------
 * How a foreign CSV layout maps onto the dossier fields: columns by
 * header, constants the user chose (with a note), value rules (PCRE2),
 * defaults, unit hints, ranges, ids, columns ignored and rows skipped.
 * The schema is data/profiles/mapping.xsd. */

/* Loads name_or_path: NAME (profiles/NAME.xml, found as lc_data_path
 * finds data) or a path (one holding '/' or ending ".xml"), through the
 * XML guard, validated against profiles/mapping.xsd, then checked for
 * what a schema cannot: known fields, each field given one way only,
 * values valid for their field, patterns that compile, ids made some
 * way. *out receives the profile (free with lc_mapping_free). LC_EDATA
 * with the profile's file and line, LC_EIO (unreadable, no schema),
 * LC_EUSAGE (a bad name). */
int lc_mapping_load(const char *name_or_path, struct lc_mapping **out,
		    struct lc_error *err);
void lc_mapping_free(struct lc_mapping *m);        /* NULL is fine */
const char *lc_mapping_name(const struct lc_mapping *m);
const char *lc_mapping_path(const struct lc_mapping *m);
/* 1 when nothing in the profile gives the edition: --edition needed. */
int lc_mapping_needs_edition(const struct lc_mapping *m);

/* One entry of a profile as `profile check` lists it; valid during the
 * call only. kind: "column", "constant", "rule", "default", "id",
 * "ignore", "skip". */
struct lc_mapping_entry {
	const char *kind;
	const char *field;    /* the field set, or "" */
	const char *from;     /* the column, value or pattern */
	const char *note;     /* why (constants, defaults, skips), or "" */
	long line;            /* in the profile */
};
/* Calls fn for every entry, in the profile's order by kind. */
void lc_mapping_each(const struct lc_mapping *m,
		     void (*fn)(const struct lc_mapping_entry *e, void *ctx),
		     void *ctx);

/* One column of a file in a profile's layout (lc_mapping_layout); valid
 * during the call only. */
struct lc_mapping_column {
	const char *name;     /* the header, {edition} filled */
	int field;            /* the field it is read into (the sequence
				 column: id); -1: a column the profile's
				 rules or skips test */
	const char *unit;     /* of its bare numbers, or NULL */
	int text;             /* ranges or percentages allowed, or a field
				 of text: keep the cells as text */
	int required;         /* a file without it is refused */
	int trl11;            /* a TRL on the IEA's 1-11 scale */
};
/* Calls fn for each column a file in m's layout has, in order: the id's
 * sequence column, the columns read (the profile's order), then the
 * columns the rules and skips test that are not read. fn returns non-zero
 * to stop (returned). A header holding {edition} needs edition (NULL:
 * LC_EUSAGE naming the column). 0 otherwise. */
int lc_mapping_layout(const struct lc_mapping *m, const char *edition,
		      int (*fn)(const struct lc_mapping_column *c,
				void *ctx),
		      void *ctx, struct lc_error *err);
/* The profile's title ("国家重点推广的低碳技术目录 (CSV)"). */
const char *lc_mapping_title(const struct lc_mapping *m);

/* lc_name_similarity (catalog/catalog.h) says how alike two names are. */

/* ---- the panel's files ------------------------------------------------- */

/* Reads the experts CSV at path (header exactly the columns id, name,
 * affiliation, credit_codes, sectors, email in any order; id, name,
 * affiliation, sectors required): every problem goes to problem
 * (file:line: field: message); with any, LC_EDATA and nothing in *out.
 * *out receives the experts in file order (release with
 * lc_experts_release); store them with lc_experts_store. */
int lc_experts_read(const char *path, lc_problem_fn problem, void *pctx,
		    struct lc_experts *out, struct lc_error *err);

/* Score sheets as `sheets export` writes them (blank cells skipped) and
 * long files (header expert,id,criterion,score,comment). */
struct lc_scores_sum {
	long rows, added, changed, unchanged;
};
/* Imports filled sheets (as exported; blank cells are skipped) and long
 * files (header expert,id,criterion,score,comment) in one transaction it
 * opens. Every problem (unknown expert or dossier, expert not assigned or
 * conflicted, unknown criterion, malformed number, value outside the
 * scale, the same score twice) goes to problem; with any, nothing is
 * stored and LC_EDATA returned. x, d and conflicted are the panel as
 * stored in cat: every expert, every dossier (lc_experts_load,
 * lc_dossiers_load) and the conflicted pairs (lc_pair_key keys;
 * lc_conflicts_set of ranker/ranker.h computes them). Opens its own
 * transaction; changes are audited. */
int lc_scores_import(struct lc_catalog *cat, const struct lc_criteria *c,
		     const struct lc_experts *x, const struct lc_dossiers *d,
		     const struct lc_strmap *conflicted,
		     char *const *paths, size_t npaths,
		     lc_problem_fn problem, void *pctx,
		     struct lc_scores_sum *sum, struct lc_error *err);

/* ---- a benchmark's pairs fixed by hand (pairs.c) -----------------------
 * A CSV file with the header exactly id,ref_id: each row pairs a
 * dossier with a reference technology, or (ref_id empty) forbids any
 * pair for it. */
struct lc_pairs {
	char **id, **ref;     /* n each; ref "" forbids a pair */
	long *line;           /* the row's line in the file */
	size_t n;
};
/* Reads path into *out (release with lc_pairs_release): LC_EDATA for a
 * wrong header, or rows that are not two fields (each reported to
 * problem), LC_EIO when unreadable. */
int lc_pairs_read(const char *path, struct lc_pairs *out,
		  lc_problem_fn problem, void *pctx, struct lc_error *err);
void lc_pairs_release(struct lc_pairs *p);

/* ---- decision matrices from CSV -------------------------------------------
 * First row: a corner cell then the criterion names; each further row: an
 * alternative name then one number per criterion. Fields may be quoted
 * ("a, b"); a UTF-8 BOM and CRLF line ends are accepted; blank lines are
 * skipped. */
struct lc_matrix;

enum lc_matrix_flags {
	LC_MATRIX_SQUARE = 1,     /* rows must name the columns in order */
	LC_MATRIX_FRACTIONS = 2   /* cells may be "a/b" (AHP judgements) */
};
/* Reads path into *out (free with lc_matrix_free). LC_EIO when the file
 * cannot be read; LC_EDATA with file, line and field (the column name)
 * for a bad cell, a ragged row, a duplicate or missing name. */
int lc_matrix_read(const char *path, int flags, struct lc_matrix **out,
		   struct lc_error *err);
void lc_matrix_free(struct lc_matrix *mx);           /* NULL is fine */
size_t lc_matrix_rows(const struct lc_matrix *mx);   /* alternatives */
size_t lc_matrix_cols(const struct lc_matrix *mx);   /* criteria */
const char *lc_matrix_row_name(const struct lc_matrix *mx, size_t i);
const char *lc_matrix_col_name(const struct lc_matrix *mx, size_t j);
/* Row-major rows x cols values; belongs to mx. NULL after
 * lc_matrix_drop_data. */
const double *lc_matrix_data(const struct lc_matrix *mx);
/* Frees the values, keeping the names and lines: for a caller done with
 * the numbers, so that what it allocates next (a sort of the scores)
 * takes their place instead of growing the peak by it. */
void lc_matrix_drop_data(struct lc_matrix *mx);
/* Source line of row i, for messages. */
long lc_matrix_row_line(const struct lc_matrix *mx, size_t i);
/* Rewrites an error of the methods or weights on mx's data (err->file
 * empty) in the file's terms: the file's path, the criterion's name for
 * "criterion J", the source line of the row at fault, else the header's
 * line. Errors that already name a file are left alone. */
void lc_matrix_locate_error(const struct lc_matrix *mx, struct lc_error *err);

#endif
