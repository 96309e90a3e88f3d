/* internal.h - importers/ private interfaces: the raw dossier every reader
 * fills (field texts with their source lines), the CSV tokenizer, the
 * encoding layer and the step that turns a raw dossier into an lc_tech. */
#ifndef LC_IMPORTERS_INTERNAL_H
#define LC_IMPORTERS_INTERNAL_H

#include <libintl.h>
#include <stdio.h>
#include "importers/importers.h"

/* A demonstration project as read, before conversion. */
struct imp_raw_demo {
	char *site, *enterprise, *year, *capacity, *abatement, *abatement_unit;
	char *site_en, *enterprise_en, *capacity_en;
	long line;
};

/* One dossier as a reader found it: the text of each field (NULL when
 * absent), the line it came from, an XML unit attribute, and whether a
 * reader (schema) already reported a problem on the field, so that the
 * rules do not report it twice. Owns all its strings (imp_raw_clear). */
struct imp_raw {
	char *val[LC_F__COUNT];
	char *unit[LC_F__COUNT];
	long line[LC_F__COUNT];
	unsigned char flagged[LC_F__COUNT];
	char *status, *status_reason;
	struct imp_raw_demo *demos;
	size_t ndemos, demos_cap;
	int have_demos;     /* XML: demonstrations given as projects */
	char *given[LC_F__COUNT];  /* a quantity's cell as the source wrote
			       it, when val holds what was derived from it
			       (a range's end): kept as the text written */
	long line0;         /* first line of the dossier */
	int problems;       /* problems already reported for it */
	int broken;         /* unusable (bad row shape): do not build */
};

void imp_raw_init(struct imp_raw *r);
void imp_raw_clear(struct imp_raw *r);   /* frees, then re-inits */
/* Sets field f to a copy of the trimmed text (len bytes; -1: strlen).
 * Returns 0 or LC_ENOMEM. */
int imp_raw_set(struct imp_raw *r, int f, const char *text, long len,
		long line);
struct imp_raw_demo *imp_raw_add_demo(struct imp_raw *r);

/* The submitter block of the XML format: its element names and fields. */
extern const int imp_sub_field[5];
extern const char *const imp_sub_elem[5];

/* Problem reporting with a counter. */
struct imp_sink {
	const struct lc_import_report *rep;
	const char *file;
	long problems;
	long warnings;
	long long pos, size;   /* bytes read of the current file, its size */
	unsigned long recent[8];  /* hashes of the last problems reported */
	unsigned nrecent;
	const char *recent_file;
	long skipped;          /* rows a mapping profile left out */
	/* How problems name each field: a mapped import names the source's
	 * column ("减排能力(万tCO2/a) (potential)"); NULL: the field name. */
	const char *const *label;
	/* A reader whose places are not lines (a workbook's cells): turns
	 * a problem's line and field into its place before it is reported
	 * (NULL: lines as they are). */
	void (*locate)(struct lc_error *e, void *ctx);
	void *locate_ctx;
	/* Problems held until imp_sink_flush, so that a file's come out in
	 * line order (a reader's, the rules' and the run's checks report a
	 * dossier's at different times). Owned (imp_sink_release). */
	struct imp_held *held;
	size_t nheld, capheld;
};
/* Reports the held problems sorted by line (stable), leaving out a
 * reader's problem (imp_problem_unless) whose subject one of ours names;
 * called after each dossier and at the end of each file. */
void imp_sink_flush(struct imp_sink *s);
void imp_sink_release(struct imp_sink *s);
/* The name problems give field f: s->label[f], else the field's name. */
const char *imp_label(const struct imp_sink *s, int f);
/* Reports a row left out (rep->skipped) and counts it. */
void imp_skipped(struct imp_sink *s, long line, const char *reason);
void imp_problem(struct imp_sink *s, long line, const char *field,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void imp_problem_err(struct imp_sink *s, const struct lc_error *e);
/* A problem a reader found (a schema's message) that one of lowcarb's own
 * says better: it is left out when a problem of the same dossier (the
 * same flush) names a field listed in about (",sector,name_zh,"), and
 * counts only when reported. */
void imp_problem_unless(struct imp_sink *s, long line, const char *field,
			const char *about, const char *msg);

/* Checks every rule on r and builds *out (a new lc_tech the caller frees,
 * even when problems were found: it holds what could be converted).
 * Every problem goes to s; returns the number of problems found (0: the
 * dossier is valid), or a negative status (LC_ENOMEM, LC_EIO for missing
 * rules) with err set. */
int imp_build(struct imp_raw *r, struct imp_sink *s, struct lc_tech **out,
	      struct lc_error *err);

/* 1 when a rule's message (in either language) already says that a
 * spreadsheet changed the value. */
int imp_says_spreadsheet(const char *msg);

/* Trims ASCII and ideographic white space in place; returns s. */
char *imp_trim(char *s);
/* Normalises an owners list ("a; b；c") to "a;b;c" in a new string. */
char *imp_owners_norm(const char *s);
/* The message of rule key with {value}, {expected} and {expected_code}
 * replaced (NULL ones by ""), written into buf; returns buf. Rules must
 * be loaded. */
const char *imp_rules_message(const char *key, const char *value,
			      const char *expected, const char *code,
			      char *buf, size_t n);
/* Matches value against rule's pattern and copies named group into buf.
 * Returns 1 on a match, 0 on none, negative when the rule is missing. */
int imp_rules_group(const char *rule, const char *value, const char *group,
		    char *buf, size_t n);
/* 1 when value matches rule's pattern, 0 if not, -1 without the rule. */
int imp_rules_match(const char *rule, const char *value);
/* Loads the rules if they are not loaded yet. */
int imp_rules_ensure(struct lc_error *err);

/* xml_msgs.c: libxml2's messages on a submission file. */
/* The field an element of the submission format is (organisation is
 * submitter, project and its children demonstrations, ...), or -1. */
int imp_xml_field(const char *name);
/* libxml2's message m in out (n bytes) without namespaces, on one line,
 * its advice for programmers replaced by words for a submitter; the
 * element it is about into elem (en bytes; "" when none). */
void imp_xml_tidy(const char *m, char *out, size_t n, char *elem,
		  size_t en);
/* The fields a schema message msg on element elem (field: its
 * imp_xml_field) is about, as ",a,b," in out: the elements it says are
 * expected ("Expected is ( a )", "Expected is one of ( a, b )") when it
 * is on an element lowcarb knows (a field or the technology), else the
 * refused field itself; "" when lowcarb has no words of its own for it
 * (an element it does not know: the schema names the cause). */
void imp_xml_subjects(int field, const char *elem, const char *msg,
		      char *out, size_t n);

/* xml_guard.c: a libxml2 external entity loader that loads nothing. */
struct _xmlParserCtxt;
struct _xmlParserInput *imp_xml_no_entities(const char *url,
					    const char *id,
					    struct _xmlParserCtxt *ctxt);

/* Readers: each calls emit for every raw dossier it read, in order. */
typedef int (*imp_emit_fn)(struct imp_raw *r, void *ctx);
/* 1 when every one of the CSV record's nf fields is blank. */
int imp_csv_blank(const struct lc_csv *csv, size_t nf);
/* The rows under a refused header: each is passed to emit as a broken
 * dossier (no problem of its own: the header's were reported), so that
 * they are counted as rejected rather than silently left unread. A row
 * the CSV reader cannot split ends the count without a further message.
 * Returns 0 or emit's value. */
int imp_csv_unread(struct lc_csv *csv, struct imp_raw *raw,
		   imp_emit_fn emit, void *ctx);
int imp_read_csv(const char *path, const struct lc_import_opts *o,
		 struct imp_sink *s, imp_emit_fn emit, void *ctx,
		 struct lc_error *err);
int imp_read_xml(const char *path, struct imp_sink *s, imp_emit_fn emit,
		 void *ctx, struct lc_error *err);

/* 1 when code is on the list of products (data/products.xml), 0 when
 * not, -1 when the list cannot be read (then nothing is checked). */
int imp_product_known(const char *code);
/* The first of n names (name i at names + off[i]) equal to an earlier
 * one: 1 and *dup its index, 0 when all differ, -1 out of memory. Linear
 * in the names' size (dupnames.c). */
int imp_first_duplicate(const char *names, const size_t *off, size_t n,
			size_t *dup);

#endif
