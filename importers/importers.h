/* importers.h - reading technology dossiers from submissions (XML, CSV),
 * checking them against the field rules, converting quantities to base
 * units, importing them into the catalog, and writing submission XML. */
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
enum lc_import_format { LC_FMT_AUTO, LC_FMT_XML, LC_FMT_CSV };

struct lc_import_opts {
	int format;            /* enum lc_import_format; AUTO from content */
	const char *encoding;  /* CSV: NULL auto (UTF-8, else GB18030), or
				  "gb18030"/"gbk"/"utf-8" */
	int skip_invalid;      /* import the valid dossiers of a bad run */
	int dup_check;         /* 1: warn about near-duplicate names */
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
};

struct lc_import_summary {
	long read;        /* dossiers read */
	long added, updated, unchanged;
	long rejected;    /* invalid dossiers (not stored) */
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
 * rejected (return 0 then; LC_EDATA only for unreadable input). Status is
 * kept from the stored dossier when the file does not give one. Warns
 * (rep->warning) when a name is close to another submitter's in the same
 * edition. *sum (may be NULL) receives the counts. On failure the catalog
 * is unchanged. */
int lc_import_files(struct lc_catalog *cat, char *const *paths, size_t n,
		    const struct lc_import_opts *o,
		    const struct lc_import_report *rep,
		    struct lc_import_summary *sum, struct lc_error *err);

/* Similarity of two UTF-8 strings in [0, 1]: Dice coefficient over their
 * character trigrams (case and spaces folded). */
double lc_name_similarity(const char *a, const char *b);

/* ---- writing submission XML ---------------------------------------------
 * Writes techs[0..n) as one submission document (schema/submission.xsd)
 * to out, UTF-8, indented. edition is the root's edition attribute (NULL:
 * the first dossier's); dossiers of another edition or submitter carry
 * their own. Quantities are written as the submitter wrote them when the
 * text is known (it reads back to the same number), else in base units;
 * status is written when not "submitted", so that importing the output
 * gives back the same dossiers. Returns 0, LC_EIO on a write error,
 * LC_ENOMEM. Does not close out. */
int lc_xml_write_submissions(FILE *out, const char *edition,
			     const struct lc_tech *const *techs, size_t n,
			     struct lc_error *err);

/* Streaming variant for large exports: begin writes the root and returns
 * a writer (free with lc_xml_writer_end, which closes the root and
 * flushes; its return value is the final status), add writes one dossier. */
struct lc_xml_writer;
int lc_xml_writer_begin(struct lc_xml_writer **w, FILE *out,
			const char *edition, struct lc_error *err);
int lc_xml_writer_add(struct lc_xml_writer *w, const struct lc_tech *t,
		      struct lc_error *err);
int lc_xml_writer_end(struct lc_xml_writer *w, struct lc_error *err);

#endif
