/* catalog.h - lowcarb's data model and store.
 * Technology dossiers with their revisions, and the generic records of the
 * other modules (experts, conflicts, scores, selections, audit), all kept in
 * one Tokyo Cabinet B+ tree file with their index entries. This is the
 * only door to stored data. */
#ifndef LC_CATALOG_H
#define LC_CATALOG_H

#include <stddef.h>

/* ---- errors -------------------------------------------------------------
 * Every function that can fail returns int: 0 (LC_OK) or a negative
 * enum lc_status, and fills *err when err is not NULL. Nothing in the
 * library prints or exits. */
enum lc_status {
	LC_OK = 0,
	LC_EDATA = -1,     /* bad input data: validation, parse errors */
	LC_EUSAGE = -2,    /* bad arguments */
	LC_EIO = -3,       /* file or catalog I/O */
	LC_EBUSY = -4,     /* catalog locked by another process */
	LC_ENOMEM = -5,
	LC_ENOTFOUND = -6  /* no such record */
};

/* A fixed-size error so that the error path never allocates. file, field
 * are "" and line 0 when they do not apply. */
struct lc_error {
	int status;       /* enum lc_status */
	char file[256];   /* input file the error is about, or "" */
	long line;        /* physical line in file, 1-based, or 0 */
	char field[64];   /* field name (a CSV column name), or "" */
	char msg[512];    /* lower-case message, no trailing newline */
};

/* Fills err (if not NULL) and returns status, so callers can write
 * `return lc_error_set(err, LC_EDATA, path, line, "trl", "...")`.
 * file and field may be NULL. */
int lc_error_set(struct lc_error *err, int status, const char *file,
		 long line, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Writes "file:line: field: message" (parts that do not apply left out)
 * into buf of size n; returns buf. */
char *lc_error_format(const struct lc_error *err, char *buf, size_t n);

/* The process exit code for a status: 0 ok, 1 data, 2 usage, 3 catalog
 * or I/O (busy, not found, memory included). */
int lc_exit_code(int status);

/* Formats v into buf (at least 32 bytes) as the shortest decimal that reads
 * back to the same double, in the C locale whatever the process locale;
 * "nan"/"inf" never appear: returns NULL for a non-finite v. */
char *lc_num_format(double v, char *buf, size_t n);

/* Parses a whole string as a plain decimal number (no units, no thousands
 * separators) independently of the locale. Returns 0 and sets *out, or -1. */
int lc_num_parse(const char *s, double *out);

/* Finds a shipped data file (rel like "schema/submission.xsd"):
 * $LOWCARB_DATA/rel, else data/rel beside the running binary (build tree),
 * else ../share/lowcarb/rel beside it, else the install prefix's.
 * Writes the path into buf; 0 when the file exists, LC_EIO (with err
 * naming rel) when it does not. */
int lc_data_path(const char *rel, char *buf, size_t n, struct lc_error *err);

/* ---- closed lists ------------------------------------------------------ */
enum lc_sector {
	LC_SECTOR_STEEL,          /* ST */
	LC_SECTOR_NONFERROUS,     /* NF */
	LC_SECTOR_PETROCHEMICAL,  /* PC */
	LC_SECTOR_CHEMICAL,       /* CH */
	LC_SECTOR_BUILDING,       /* BM, "building-materials" */
	LC_SECTOR__COUNT
};
/* -1 when unknown. */
int lc_sector_from_name(const char *name);
int lc_sector_from_code(const char *code2);
const char *lc_sector_name(int s);   /* "steel", ...; NULL out of range */
const char *lc_sector_code(int s);   /* "ST", ... */
const char *lc_sector_label(int s, const char *lang); /* "zh" or "en" */

enum lc_category {
	LC_CAT_PROCESS, LC_CAT_ENERGY_EFFICIENCY, LC_CAT_FUEL_SWITCH,
	LC_CAT_FEEDSTOCK, LC_CAT_HYDROGEN, LC_CAT_ELECTRIFICATION,
	LC_CAT_WASTE_HEAT, LC_CAT_CCUS, LC_CAT_CIRCULAR, LC_CAT_DIGITAL,
	LC_CAT__COUNT
};
int lc_category_from_name(const char *name);   /* -1 when unknown */
const char *lc_category_name(int c);            /* "process", ... */
const char *lc_category_label(int c, const char *lang);

enum lc_tech_status {
	LC_ST_SUBMITTED, LC_ST_ELIGIBLE, LC_ST_REJECTED, LC_ST_SELECTED,
	LC_ST__COUNT
};
int lc_status_from_name(const char *name);      /* -1 when unknown */
const char *lc_status_name(int st);

/* ---- fields of a dossier ------------------------------------------------
 * In exactly the order of the published CSV header; lc_field_name() gives
 * the column name, which is also the JSON key and the store's column. */
enum lc_field {
	LC_F_ID, LC_F_EDITION, LC_F_NAME_ZH, LC_F_NAME_EN, LC_F_SECTOR,
	LC_F_CATEGORY, LC_F_TRL, LC_F_SUBMITTER, LC_F_CREDIT_CODE,
	LC_F_CONTACT, LC_F_EMAIL, LC_F_PHONE, LC_F_OWNERS, LC_F_SUMMARY,
	LC_F_SCOPE, LC_F_CO2_PER_UNIT, LC_F_ABATEMENT, LC_F_POTENTIAL,
	LC_F_ENERGY_SAVING, LC_F_INVESTMENT, LC_F_OPEX_CHANGE, LC_F_LIFETIME,
	LC_F_PAYBACK, LC_F_ABATEMENT_COST, LC_F_PENETRATION_NOW,
	LC_F_PENETRATION_TARGET, LC_F_DEMONSTRATIONS, LC_F_PATENTS,
	LC_F__COUNT
};

enum lc_field_type {
	LC_FT_TEXT,   /* free text */
	LC_FT_ENUM,   /* sector, category: a closed-list name */
	LC_FT_INT,    /* edition, trl, demonstrations, patents */
	LC_FT_NUM     /* a quantity in the field's base unit */
};

const char *lc_field_name(int f);        /* NULL out of range */
int lc_field_lookup(const char *name);   /* -1 when unknown */
enum lc_field_type lc_field_type(int f);
int lc_field_required(int f);            /* 1 for the required columns */
const char *lc_field_unit(int f);        /* base unit ("tCO2/a") or "" */
const char *lc_field_label(int f, const char *lang); /* "zh" or "en" */

/* ---- a dossier ----------------------------------------------------------
 * struct lc_tech holds one technology: every field as text (numbers in
 * their canonical base-unit form), the text the submitter wrote for
 * quantities, demonstration projects, and status. */
struct lc_tech;

/* A demonstration project; plain data, strings owned by whoever made it.
 * year 0 and abatement NaN mean "not given". */
struct lc_demo {
	const char *site;
	const char *enterprise;
	int year;
	const char *capacity;   /* as written, e.g. "100万t/a" */
	double abatement;       /* measured abatement, tCO2/a */
};

/* Returns a new empty dossier (status submitted); free with lc_tech_free.
 * NULL when out of memory. */
struct lc_tech *lc_tech_new(void);
void lc_tech_free(struct lc_tech *t);              /* NULL is fine */
struct lc_tech *lc_tech_dup(const struct lc_tech *t); /* caller frees */

/* The field's stored text, or NULL when absent. The pointer stays valid
 * until the field is set again or t is freed. */
const char *lc_tech_get(const struct lc_tech *t, int f);
/* Sets a text/enum/int field from text, checking only the type (an int
 * field must be an integer, an enum a known name); NULL or "" clears it.
 * Numbers of LC_FT_NUM fields go through lc_tech_set_num. Copies value. */
int lc_tech_set(struct lc_tech *t, int f, const char *value,
		struct lc_error *err);
/* Sets a numeric field (LC_FT_NUM or LC_FT_INT) to v in base units; src is
 * the text as the submitter wrote it (copied; NULL for none). LC_EDATA for
 * a non-finite v, or a fraction in an LC_FT_INT field; LC_EUSAGE for a
 * text field. */
int lc_tech_set_num(struct lc_tech *t, int f, double v, const char *src);
/* 1 and *out set when the field holds a number, 0 otherwise. */
int lc_tech_num(const struct lc_tech *t, int f, double *out);
/* The text the submitter wrote for a quantity, or NULL. */
const char *lc_tech_src(const struct lc_tech *t, int f);

int lc_tech_sector(const struct lc_tech *t);    /* enum lc_sector or -1 */
int lc_tech_category(const struct lc_tech *t);  /* enum lc_category or -1 */
int lc_tech_trl(const struct lc_tech *t);       /* 0 when absent */

int lc_tech_status(const struct lc_tech *t);
/* reason is kept for rejected dossiers (copied; may be NULL). */
int lc_tech_set_status(struct lc_tech *t, int status, const char *reason);
const char *lc_tech_status_reason(const struct lc_tech *t);

size_t lc_tech_demo_count(const struct lc_tech *t);
/* The i-th project (i < count); valid until t changes or is freed. */
const struct lc_demo *lc_tech_demo(const struct lc_tech *t, size_t i);
/* Appends a copy of *d. */
int lc_tech_add_demo(struct lc_tech *t, const struct lc_demo *d);

/* Writes the names of the fields that differ between a and b (fields,
 * then "projects", "status") comma-separated into buf; returns how many
 * differ. */
int lc_tech_diff(const struct lc_tech *a, const struct lc_tech *b,
		 char *buf, size_t n);

/* ---- the catalog --------------------------------------------------------
 * One file. Opened read-only unless the command writes; a catalog
 * locked by another process is waited for a bounded time
 * (LOWCARB_BUSY_TIMEOUT seconds, default 5) then refused with LC_EBUSY.
 * Whatever kills a process, the next open of any mode sees the catalog
 * as the last commit left it; a catalog of the older table format is
 * converted by its first open. */
struct lc_catalog;

enum lc_open_mode {
	LC_OPEN_READ,    /* shared lock, no writes */
	LC_OPEN_WRITE,   /* exclusive lock; the file must exist */
	LC_OPEN_CREATE   /* create (with indexes) if missing, else WRITE */
};

/* The catalog path: explicit if not NULL, else $LOWCARB_CATALOG, else
 * "lowcarb.tct". Returns a static or the given pointer. */
const char *lc_catalog_default_path(const char *explicit_path);

/* Opens the catalog at path; *out receives the handle to close with
 * lc_catalog_close. Unknown schema version, a corrupt file or an empty
 * one (left untouched) is LC_EIO with a message that says so; a bad
 * LOWCARB_BUSY_TIMEOUT is LC_EUSAGE. */
int lc_catalog_open(struct lc_catalog **out, const char *path, int mode,
		    struct lc_error *err);
/* Aborts any open transaction, then closes. NULL is fine. */
void lc_catalog_close(struct lc_catalog *cat);
const char *lc_catalog_path(const struct lc_catalog *cat);

/* One transaction per writing command: begin, writes, commit. A failed
 * or missing commit leaves the file exactly as it was. */
int lc_catalog_begin(struct lc_catalog *cat, struct lc_error *err);
int lc_catalog_commit(struct lc_catalog *cat, struct lc_error *err);
void lc_catalog_abort(struct lc_catalog *cat);
/* A transaction for a large write (a big import): the same all-or-nothing
 * guarantee, with memory that does not grow with its size. The catalog
 * file is copied beside itself, the copy written and renamed over the
 * catalog at the commit (the abort removes it), so use it only when the
 * write is large against the catalog. Commit and abort as usual. */
int lc_catalog_begin_bulk(struct lc_catalog *cat, struct lc_error *err);

/* Who and from where writes are recorded: $LOWCARB_USER, else $USER, else
 * "unknown"; the time is $SOURCE_DATE_EPOCH when set, else now (UTC,
 * ISO 8601). Writes a timestamp into buf (>= 21 bytes) and returns buf. */
const char *lc_catalog_who(void);
char *lc_catalog_now(char *buf, size_t n);

enum lc_put_result { LC_PUT_ADDED = 1, LC_PUT_UPDATED = 2,
		     LC_PUT_UNCHANGED = 3 };
/* Stores t under its id. An existing different version is kept as a
 * revision (who, when, source file, what changed). Returns a positive
 * enum lc_put_result, or a negative status. changed (may be NULL)
 * receives the comma-separated changed field names. source is the file
 * the dossier came from (may be NULL). Needs an open transaction. */
int lc_catalog_put_tech(struct lc_catalog *cat, const struct lc_tech *t,
			const char *source, char *changed, size_t changed_n,
			struct lc_error *err);

/* *out receives a new dossier the caller frees; LC_ENOTFOUND if none. */
int lc_catalog_get_tech(struct lc_catalog *cat, const char *id,
			struct lc_tech **out, struct lc_error *err);

/* Changes only the status (and reason) of a stored dossier, as a new
 * revision. Needs an open transaction. */
int lc_catalog_set_status(struct lc_catalog *cat, const char *id,
			  int status, const char *reason, const char *source,
			  struct lc_error *err);

/* What `list` filters by; zero/NULL members mean "any" (use
 * lc_filter_init). sort is a field name, "-" prefixed for descending. */
struct lc_filter {
	const char *edition;
	int sector;      /* enum lc_sector or -1 */
	int category;    /* enum lc_category or -1 */
	int min_trl;     /* 0 for none */
	int max_trl;     /* 0 for none */
	int status;      /* enum lc_tech_status or -1 */
	const char *match;  /* PCRE2 (UTF) over name_zh, name_en, summary */
	const char *sort;   /* field name; default id */
};
void lc_filter_init(struct lc_filter *f);

/* Calls fn for every dossier that passes f, in sort order; fn returns 0
 * to go on, non-zero to stop (that value is returned). t is valid during
 * the call only. A bad regex or sort field is LC_EUSAGE. */
int lc_catalog_each_tech(struct lc_catalog *cat, const struct lc_filter *f,
			 int (*fn)(const struct lc_tech *t, void *ctx),
			 void *ctx, struct lc_error *err);

/* The index plan Tokyo Cabinet chose for f's query (for tests and
 * `list --explain`); writes it into buf. */
int lc_catalog_query_hint(struct lc_catalog *cat, const struct lc_filter *f,
			  char *buf, size_t n, struct lc_error *err);

/* One version of a dossier as history shows it; valid during fn only. */
struct lc_revision {
	int rev;               /* 1 for the first version */
	const char *who;
	const char *when;
	const char *source;    /* file it came from, or "" */
	const char *changed;   /* fields changed from the previous version */
	const struct lc_tech *tech;
};
/* Calls fn for every version of id, oldest first, the current last.
 * LC_ENOTFOUND when id was never stored. */
int lc_catalog_history(struct lc_catalog *cat, const char *id,
		       int (*fn)(const struct lc_revision *r, void *ctx),
		       void *ctx, struct lc_error *err);

/* Counts for `stats`. */
struct lc_stats {
	long total;
	long by_sector[LC_SECTOR__COUNT];
	long by_band[LC_SECTOR__COUNT][3];       /* TRL 1-5, 6-7, 8-9 */
	double potential[LC_SECTOR__COUNT];      /* tCO2/a */
	double potential_band[LC_SECTOR__COUNT][3];
};
int lc_catalog_stats(struct lc_catalog *cat, const char *edition,
		     struct lc_stats *out, struct lc_error *err);

/* Checks the catalog for what a crash or a bug could leave behind:
 * every index answers as a full scan of the records would (no entry
 * missing, extra or stale) and every dossier and revision decodes.
 * Calls problem(what, ctx) (may be NULL) for each thing found wrong,
 * what naming it in a sentence; *nrec (may be NULL) receives the number
 * of records read. Returns 0 when the catalog is consistent, LC_EDATA
 * (err saying how many problems) when it is not, another negative
 * status when it cannot be read. */
int lc_catalog_check(struct lc_catalog *cat,
		     void (*problem)(const char *what, void *ctx), void *ctx,
		     long *nrec, struct lc_error *err);

/* ---- generic records ----------------------------------------------------
 * The other modules keep their records (experts, conflicts, assignments,
 * scores, selections, audit entries) as column maps under keys of the
 * form "kind:rest" ("expert:E07", "score:2025-ST-001:E07:carbon").
 * Kinds "tech", "rev" and "meta" are the catalog's own. Columns named
 * "tech" and "expert" are indexed, so lookups by them are fast. */
struct lc_rec;

struct lc_rec *lc_rec_new(void);            /* free with lc_rec_free */
void lc_rec_free(struct lc_rec *r);
/* Sets column name to a copy of val (NULL removes it). */
int lc_rec_set(struct lc_rec *r, const char *name, const char *val);
const char *lc_rec_get(const struct lc_rec *r, const char *name);
size_t lc_rec_count(const struct lc_rec *r);
/* The i-th column (i < count) in insertion order. */
void lc_rec_col(const struct lc_rec *r, size_t i, const char **name,
		const char **val);

/* Stores r under key (replacing any record there); column "kind" is set
 * from the key's prefix. Needs an open transaction. */
int lc_catalog_rec_put(struct lc_catalog *cat, const char *key,
		       const struct lc_rec *r, struct lc_error *err);
/* *out receives a record the caller frees; LC_ENOTFOUND if none. */
int lc_catalog_rec_get(struct lc_catalog *cat, const char *key,
		       struct lc_rec **out, struct lc_error *err);
/* LC_ENOTFOUND if there was none. Needs an open transaction. */
int lc_catalog_rec_del(struct lc_catalog *cat, const char *key,
		       struct lc_error *err);
/* Calls fn(key, r, ctx) for every record of kind, in key order, whose
 * column col equals val (col NULL: all of the kind). fn returns non-zero
 * to stop. r is valid during the call only. */
int lc_catalog_rec_each(struct lc_catalog *cat, const char *kind,
			const char *col, const char *val,
			int (*fn)(const char *key, const struct lc_rec *r,
				  void *ctx),
			void *ctx, struct lc_error *err);

#endif
