/* catalog.h - lowcarb's ground floor: the data model and the store, and
 * the generic text codecs every module uses. Technology dossiers with
 * their revisions, the panel's records (experts, conflicts, assignments,
 * scores), selections and the tamper-evident audit chain, all in one
 * Tokyo Cabinet B+ tree file with their index entries: the only door to
 * stored data. The codecs: the RFC 4180 CSV reader, a CSV field and a
 * JSON string writer, locale-independent numbers, display width. Knows no
 * file format of the domain, no method, no document. */
#ifndef LC_CATALOG_H
#define LC_CATALOG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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

/* Errors about a column of numbers (a criterion of a decision matrix)
 * name it in err->field as "criterion J", J 1-based; the reader of the
 * matrix turns that into the file's terms. lc_error_crit sets such an
 * error for column j (0-based) and returns status; lc_error_crit_of gives
 * the column (0-based, below n) an error names, or -1. */
int lc_error_crit(struct lc_error *err, int status, size_t j,
		  const char *what);
long lc_error_crit_of(const struct lc_error *err, size_t n);

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
/* The folder of the running binary into buf: 0, or -1 when unknown. */
int lc_exe_dir(char *buf, size_t n);

/* ---- text codecs: display width, a CSV field, a JSON string -------------- */

/* Display columns of UTF-8 text on a terminal: East Asian wide and
 * full-width characters count 2, combining marks 0, others 1. */
size_t lc_text_width(const char *s);
/* Drops an incomplete UTF-8 sequence at the end of s, as a cut at a
 * byte count (snprintf into a buffer too small) leaves it; returns s. */
char *lc_utf8_trim(char *s);
/* The length of the first n bytes of s without such a cut sequence. */
size_t lc_utf8_whole(const char *s, size_t n);
/* Writes s to fp in exactly width columns: cut (with "…") when wider,
 * padded with spaces when narrower (on the left when right_align). */
void lc_text_cell(FILE *fp, const char *s, size_t width, int right_align);

/* Writes one CSV field with RFC 4180 quoting (quoted when it holds a
 * comma, quote, CR or LF). When neutralise, a text starting with =, +, -,
 * @, tab or CR is made inert with a leading apostrophe (OWASP). */
void lc_csv_field(FILE *fp, const char *s, int neutralise);
/* Writes s as a JSON string literal, escaped. NULL writes null. */
void lc_json_string(FILE *fp, const char *s);

/* Checks text from outside for what no text field holds: C0 and C1
 * control characters and DEL (tab allowed, a newline only when
 * multiline), a byte-order mark (U+FEFF) inside the text, non-characters
 * (U+FFFE, U+FFFF, U+FDD0..U+FDEF and every plane's last two), bytes that
 * are not UTF-8, more than max bytes. Returns 0, or -1 with a lower-case
 * reason naming the character and its position written into why (size
 * n). */
int lc_text_check(const char *s, int multiline, size_t max, char *why,
		  size_t n);
/* 1 when s holds a bidirectional embedding, override or isolate control
 * (U+202A..U+202E, U+2066..U+2069): documents isolate such text so that
 * it cannot reorder what surrounds it. */
int lc_text_bidi(const char *s);

/* 1 unless $LOWCARB_NO_JIT is set: PCRE2's JIT code reads words it has
 * not initialised on purpose, which memory checkers such as valgrind
 * report (`make check-valgrind` sets it); matching is the same without. */
int lc_regex_jit(void);

/* ---- how alike two names are (grams.c) -------------------------------- */
/* The sorted distinct trigrams (hashed) of a name, case, white space and
 * punctuation folded; g->g NULL for an empty name. Free g->g with
 * free(3). 0 or -1 out of memory. */
struct lc_grams {
	uint32_t *g;
	size_t n;
};
int lc_grams_of(const char *s, struct lc_grams *g);
/* Dice coefficient of two trigram sets, in [0, 1]. */
double lc_grams_dice(const struct lc_grams *a, const struct lc_grams *b);
/* Similarity of two UTF-8 strings in [0, 1]: the Dice coefficient of
 * their trigrams. */
double lc_name_similarity(const char *a, const char *b);

/* ---- opening inputs (files.c, xmlin.c) -------------------------------- */

/* The largest input accepted, in bytes: $LOWCARB_MAX_INPUT, default
 * 4 GiB. LC_EUSAGE when the variable is not a whole number of bytes. */
int lc_input_limit(long long *out, struct lc_error *err);
/* Opens an input for reading: path, or standard input for "-". A path
 * that is not a regular file (a FIFO, a pipe, /dev/stdin, a device) is
 * read once, up to the limit and no further than a NUL byte, into an
 * unlinked temporary file, so that it can be opened again (readers sniff
 * an encoding, then parse). *size (may be NULL) receives the input's size
 * or -1. Returns a stream the caller closes with fclose, or NULL with err
 * set: LC_EIO (missing, unreadable, a directory), LC_EDATA (larger than
 * the limit). */
FILE *lc_file_open(const char *path, long long *size, struct lc_error *err);

/* The hex SHA-256 of path's bytes (lc_file_open) into hex: which file
 * produced a result (a profile, a publication file, assumptions). */
int lc_file_sha256(const char *path, char hex[65], struct lc_error *err);

/* An XML input for libxml2 (xmlReaderForIO, xmlCtxtReadIO with
 * lc_xml_in_read and lc_xml_in_close) that refuses, before libxml2 parses
 * it: a DOCTYPE or other markup declaration (no DTD, no entities: XXE
 * and entity-expansion bombs fail cleanly), an element with more than 256
 * attributes, a NUL byte. After a failed parse, lc_xml_in_refused says
 * whether the guard stopped it, and why (file:line). */
struct lc_xml_in;
/* *out receives an input on path (lc_file_open); free with
 * lc_xml_in_free after libxml2 is done with it. */
int lc_xml_in_open(struct lc_xml_in **out, const char *path,
		   struct lc_error *err);
int lc_xml_in_read(void *ctx, char *buf, int len);  /* ctx: the input */
int lc_xml_in_close(void *ctx);                    /* frees nothing */
/* 1 (and the reason in *err, when not NULL) when the guard refused. */
int lc_xml_in_refused(const struct lc_xml_in *in, struct lc_error *err);
long long lc_xml_in_size(const struct lc_xml_in *in);  /* -1 unknown */
void lc_xml_in_free(struct lc_xml_in *in);             /* NULL is fine */

/* Reads path (through the guard above) and checks it against the schema
 * at xsd: *out receives the libxml2 tree (an xmlDocPtr, to free with
 * lc_xml_doc_free). LC_EDATA with err naming path and line when it is
 * not well-formed or not valid ("invalid WHAT: ..." when what is not
 * NULL); LC_EIO when either cannot be read. what is a noun phrase the
 * messages translate ("mapping profile"; xgettext keyword
 * lc_xml_load:3). */
int lc_xml_load(const char *path, const char *xsd, const char *what,
		void **out, struct lc_error *err);
void lc_xml_doc_free(void *doc);                       /* NULL is fine */

/* ---- reading CSV files ----------------------------------------------------
 * The RFC 4180 reader of every CSV input (submissions, experts, score
 * sheets, decision matrices): quoted fields with embedded
 * commas, quotes and newlines, CRLF or LF, a UTF-8 byte-order mark
 * dropped, GB18030/GBK converted to UTF-8 with iconv, records read one at
 * a time in bounded memory, and the physical line each record and field
 * starts on. */
struct lc_csv;

enum lc_csv_flags {
	LC_CSV_TRIM = 1,        /* drop spaces and tabs around each field
				   (outside its quotes) */
	LC_CSV_SKIP_BLANK = 2   /* skip records whose fields are all empty
				   (blank lines) */
};

/* Opens path for reading; encoding NULL: UTF-8 when the whole file is
 * valid UTF-8, else GB18030 (as import does); or "utf-8", "gb18030",
 * "gbk". flags: enum lc_csv_flags or-ed. *out receives a reader the
 * caller closes with lc_csv_close (NULL on failure). Returns 0, LC_EIO
 * (cannot open; err names the file), LC_EUSAGE (unknown encoding) or
 * LC_ENOMEM. */
int lc_csv_open(struct lc_csv **out, const char *path, const char *encoding,
		int flags, struct lc_error *err);

/* Reads the next record: returns 1 with *nf its field count (at least 1)
 * and *line the physical line it starts on, 0 at end of file, or a
 * negative status with err naming file and line: LC_EDATA (a quote never
 * closed, text after a closing quote, bytes neither UTF-8 nor GB18030),
 * LC_EIO, LC_ENOMEM. */
int lc_csv_next(struct lc_csv *c, size_t *nf, long *line,
		struct lc_error *err);

/* Field i of the last record ("" when i >= nf), owned by c and valid
 * until the next lc_csv_next or lc_csv_close. A field that lc_csv_field
 * made inert for spreadsheets (an apostrophe before =, +, -, @, tab or
 * CR) comes back as it was before: "'+86 138" is "+86 138". */
const char *lc_csv_get(const struct lc_csv *c, size_t i);
/* The physical line field i of the last record starts on (0 beyond nf). */
long lc_csv_get_line(const struct lc_csv *c, size_t i);
/* Bytes of the file read so far, and its size (0 when unknown): for
 * progress reports. */
long long lc_csv_pos(const struct lc_csv *c);
long long lc_csv_size(const struct lc_csv *c);
/* The path given to lc_csv_open (owned by c). */
const char *lc_csv_path(const struct lc_csv *c);
/* Closes the file and frees c; NULL is fine. */
void lc_csv_close(struct lc_csv *c);

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
	/* the public notice and the publication (ranker/publication.c) */
	LC_ST_NOTICED,     /* on the proposed list under public notice */
	LC_ST_WITHDRAWN,   /* taken off the list after an objection */
	LC_ST_PUBLISHED,   /* on the published list */
	LC_ST__COUNT
};
int lc_status_from_name(const char *name);      /* -1 when unknown */
const char *lc_status_name(int st);

/* The greenhouse gas an abatement figure counts: CO2, or a gas converted
 * to CO2-equivalent with the assumptions' GWP set. */
enum lc_gas {
	LC_GAS_CO2, LC_GAS_CH4, LC_GAS_N2O, LC_GAS_CF4, LC_GAS_C2F6,
	LC_GAS_SF6, LC_GAS_HFC23,
	LC_GAS__COUNT
};
int lc_gas_from_name(const char *name);   /* "CO2", "N2O", "HFC-23"...;
					     -1 when unknown */
const char *lc_gas_name(int g);           /* NULL out of range */
/* The GWP100 of gas in set ("ar5", the default when NULL, or "ar6"),
 * from data/assumptions/gwp.xml (IPCC AR5 WG1 table 8.A.1, AR6 WG1
 * table 7.SM.7): tonnes of CO2-equivalent per tonne of gas; 1 for CO2;
 * NaN when the set or the file is missing. */
double lc_gwp(const char *set, int gas);
/* The set lc_gwp uses when given none, for the rest of the process (the
 * published assumptions' choice; "ar5" until then). */
void lc_gwp_select(const char *set);

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
	/* added for the national catalogs' entries, sources that give TRL
	 * their own way, technologies tracked across editions, products
	 * and gases (old catalogs and files simply lack them) */
	LC_F_KEY_INDICATORS,       /* text, paragraphs */
	LC_F_PENETRATION_TARGET_YEAR,  /* the year penetration_target is for */
	LC_F_TRL_SOURCE,           /* TRL as the source gives it: "4-5" */
	LC_F_TRL_SCALE,            /* "1-9" (default) or "1-11" (IEA) */
	LC_F_LINEAGE,              /* id of the same technology in an earlier
				      edition */
	LC_F_PRODUCT,              /* product decarbonised (products.xml) */
	LC_F_BASELINE,             /* the route it displaces, as text */
	LC_F_GAS,                  /* enum lc_gas of the abatement figures */
	LC_F_ORIGIN,               /* the mapping profile a dossier from a
				      foreign catalog was read through
				      ("iea-etp"); absent for associations'
				      submissions */
	LC_F_PROJECTS,             /* the demonstration projects written as
				      text (CSV): not stored as a field, see
				      lc_demo and lc_tech_demo */
	/* the entry's text in English, for the English documents (absent:
	 * they print the Chinese); see lc_tech_text */
	LC_F_SUMMARY_EN, LC_F_SCOPE_EN, LC_F_KEY_INDICATORS_EN,
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

/* The columns of a workbook's demonstration-projects sheet (示范项目):
 * the technology's id, then the fields of struct lc_demo. */
enum lc_demo_col {
	LC_DC_ID, LC_DC_SITE, LC_DC_ENTERPRISE, LC_DC_YEAR, LC_DC_CAPACITY,
	LC_DC_ABATEMENT, LC_DC_SITE_EN, LC_DC_ENTERPRISE_EN,
	LC_DC_CAPACITY_EN, LC_DC__COUNT
};
const char *lc_demo_col_name(int k);     /* "id", ...; NULL out of range */
const char *lc_demo_col_unit(int k);     /* base unit or "" */
const char *lc_demo_col_label(int k, const char *lang); /* "zh" or "en" */

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
	/* the same in English, or NULL (the English documents then print
	 * the Chinese) */
	const char *site_en, *enterprise_en, *capacity_en;
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

/* ---- TRL as sources give it (trl.c) --------------------------------
 * A dossier's trl is 1-9, for ranking; trl_source keeps the TRL as the
 * source gave it ("4-5", "7.0", "10") and trl_scale its scale ("1-9",
 * or the IEA's "1-11", whose 10 and 11 rank as 9). */
/* Reads a source's TRL: a whole level ("7", "7.0") or a range ("4-5",
 * " 10-11", "4–5", "4~5") into *lo and *hi (equal for one level).
 * Returns 0, or -1 for anything else or levels outside 1-11. */
int lc_trl_range(const char *s, int *lo, int *hi);
/* The 1-9 level that ranks for a level of a source (10, 11 -> 9). */
int lc_trl_rank(int level);
/* The TRL as people are shown it: trl_source when the dossier keeps one
 * ("10-11"), else trl; "" when it has neither. Written into buf (n
 * bytes); returns buf. */
const char *lc_tech_trl_text(const struct lc_tech *t, char *buf, size_t n);

int lc_tech_sector(const struct lc_tech *t);    /* enum lc_sector or -1 */
int lc_tech_category(const struct lc_tech *t);  /* enum lc_category or -1 */
int lc_tech_trl(const struct lc_tech *t);       /* 0 when absent */
/* 1 when the dossier's abatement figures are of a gas other than CO2
 * (its gas field names one): they are CO2 equivalents. */
int lc_tech_not_co2(const struct lc_tech *t);

int lc_tech_status(const struct lc_tech *t);
/* reason is kept for rejected dossiers (copied; may be NULL). */
int lc_tech_set_status(struct lc_tech *t, int status, const char *reason);
const char *lc_tech_status_reason(const struct lc_tech *t);

size_t lc_tech_demo_count(const struct lc_tech *t);
/* The i-th project (i < count); valid until t changes or is freed. */
const struct lc_demo *lc_tech_demo(const struct lc_tech *t, size_t i);
/* Appends a copy of *d. */
int lc_tech_add_demo(struct lc_tech *t, const struct lc_demo *d);

/* The projects of t written as text (the CSV's "projects" column): one
 * project a line, "site | enterprise | year | capacity | abatement",
 * followed by " | site_en | enterprise_en | capacity_en" when the project
 * has English text; '|' and '\' inside a field escaped with '\',
 * abatement in tCO2/a. Returns a string the caller frees, or NULL when t
 * has no project (or out of memory). */
char *lc_projects_text(const struct lc_tech *t);
/* Parses such text: fn gets each project's LC_PROJECT_FIELDS fields
 * (unescaped, trimmed, "" when absent; the strings are fn's to modify
 * during the call) and its line within text, and returns 0 to go on.
 * Returns 0, fn's non-zero value, or -1 with the reason in why and the
 * line in *line. */
#define LC_PROJECT_FIELDS 8
int lc_projects_parse(const char *text,
		      int (*fn)(char *const f[LC_PROJECT_FIELDS], long line,
				void *ctx),
		      void *ctx, long *line, char *why, size_t n);

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

/* ---- small containers (strmap.c) ---------------------------------------- */

/* A string -> long hash map. Keys are copied. */
struct lc_strmap;
/* Returns a new empty map (free with lc_strmap_free), NULL on no memory. */
struct lc_strmap *lc_strmap_new(void);
void lc_strmap_free(struct lc_strmap *m);          /* NULL is fine */
/* Sets key to val; returns 0 or LC_ENOMEM. */
int lc_strmap_put(struct lc_strmap *m, const char *key, long val);
/* The value of key, or dflt when absent. */
long lc_strmap_get(const struct lc_strmap *m, const char *key, long dflt);
size_t lc_strmap_count(const struct lc_strmap *m);
/* FNV-1a, 64 bits, of the n bytes at p, or of the string s: the one hash
 * of lowcarb's tables. */
uint64_t lc_hash_bytes(const void *p, size_t n);
uint64_t lc_hash_str(const char *s);

/* Strings kept until the pool is freed, without an allocation each
 * (textpool.c). */
struct lc_textpool;
/* A new empty pool (free with lc_textpool_free), NULL on no memory. */
struct lc_textpool *lc_textpool_new(void);
void lc_textpool_free(struct lc_textpool *p);      /* NULL is fine */
/* A copy of s in p (owned by p), NULL on no memory. */
const char *lc_textpool_add(struct lc_textpool *p, const char *s);
/* A copy of the first n bytes of s, ended by a NUL, in p; NULL on no
 * memory. */
const char *lc_textpool_addn(struct lc_textpool *p, const char *s, size_t n);
/* The one copy of s in p, made the first time (for strings met many
 * times: names of experts, criteria, files); NULL on no memory. */
const char *lc_textpool_once(struct lc_textpool *p, const char *s);

/* Room for element n of an array v of size-byte elements with capacity
 * *cap: returns v, or a larger copy (capacity doubled, *cap updated), or
 * NULL when out of memory (v is then still valid). */
void *lc_grow(void *v, size_t *cap, size_t n, size_t size);

/* Index of id in n elements of size bytes at base sorted by id, each
 * starting with its `char *id`; -1 when absent. */
long lc_find_id(const void *base, size_t n, size_t size, const char *id);

/* Validation problems go to a callback (may be NULL) so that every one is
 * reported, not only the first; e is valid during the call. */
typedef void (*lc_problem_fn)(const struct lc_error *e, void *ctx);

/* ---- the audit chain (audit.c) ------------------------------------------
 * Every change to scores, assignments and conflicts is appended to a
 * tamper-evident chain of
 * records "audit:<10-digit seq>" with columns seq, who, when, action,
 * detail, source, prev, hash, where hash is the hex SHA-256 of the entry's
 * other columns (each as "<length>:<bytes>", in the order seq, who, when,
 * action, detail, source, prev) and prev the previous entry's hash (64
 * zeros for the first). "audithead:log" keeps the last seq and hash. */
struct lc_audit;
/* Starts appending inside cat's open transaction: *out receives a writer
 * to end with lc_audit_end (which stores the head). */
int lc_audit_begin(struct lc_catalog *cat, struct lc_audit **out,
		       struct lc_error *err);
/* One command's writes: opens the transaction and an audit writer. */
int lc_audit_tx_begin(struct lc_catalog *cat, struct lc_audit **a,
		    struct lc_error *err);
/* The same in a bulk transaction (lc_catalog_begin_bulk), for a large
 * write. */
int lc_audit_tx_begin_bulk(struct lc_catalog *cat, struct lc_audit **a,
			   struct lc_error *err);
/* Ends them: with rc 0 stores the audit head and commits, otherwise (or
 * when that fails) aborts so that nothing is written. Returns the final
 * status. a may be NULL (begin failed). */
int lc_audit_tx_end(struct lc_catalog *cat, struct lc_audit *a, int rc,
		  struct lc_error *err);
/* Appends one entry (who/when from lc_catalog_who/now). source may be
 * NULL. Returns 0 or a negative status. */
int lc_audit_add(struct lc_audit *a, const char *action,
		     const char *detail, const char *source,
		     struct lc_error *err);
/* Writes the head and frees a; when fail is non-zero only frees. Returns
 * 0 or a negative status. */
int lc_audit_end(struct lc_audit *a, int fail, struct lc_error *err);

struct lc_audit_entry {
	const char *key, *seq, *who, *when, *action, *detail, *source;
	const char *prev, *hash;
};
/* Calls fn for every entry in sequence order; fn returns non-zero to
 * stop (returned). */
int lc_audit_each(struct lc_catalog *cat,
		      int (*fn)(const struct lc_audit_entry *e,
				void *ctx),
		      void *ctx, struct lc_error *err);
/* Checks the chain: sequence numbers 1, 2, ... without gaps, each prev
 * equal to the previous hash, each hash recomputed, the head matching the
 * last entry. Returns 0 (*n entries checked), or LC_EDATA with err naming
 * the first bad entry ("audit:0000000003: ..."). */
int lc_audit_verify(struct lc_catalog *cat, long *n,
			struct lc_error *err);
/* Hex SHA-256 (65 bytes with NUL) of an entry's columns, as stored. */
void lc_audit_hash(const struct lc_audit_entry *e, char hex[65]);

/* ---- the panel's records (panel.c) ---------------------------------------
 * Experts are records "expert:<id>" with columns id, name, affiliation,
 * credit_codes, sectors, email (lists ';'-separated). Conflicts of interest
 * are "conflict:<expert>:<tech>" (columns expert, tech, reason, origin:
 * auto or declared), assignments "assign:<tech>:<expert>" (tech, expert,
 * origin: auto or manual), scores "score:<tech>:<expert>:<criterion>"
 * (tech, expert, criterion, score as decimal text, comment, source); a
 * replaced score is kept as "scorehist:<tech>:<expert>:<criterion>:<n>"
 * (n = 1, 2, ...) with the same columns plus replaced (when). */
struct lc_expert {
	char *id, *name, *affiliation, *credit_codes, *sectors, *email;
	unsigned sector_mask;    /* 1 << enum lc_sector */
};
/* Experts; every string owned by the array (lc_experts_release). */
struct lc_experts {
	struct lc_expert *v;  /* sorted by id when loaded from the catalog */
	size_t n;
};
/* Loads every expert into *x, sorted by id (release with
 * lc_experts_release). */
int lc_experts_load(struct lc_catalog *cat, struct lc_experts *x,
		    struct lc_error *err);
void lc_experts_release(struct lc_experts *x);
/* Index of id in x (sorted), or -1. */
long lc_experts_find(const struct lc_experts *x, const char *id);

/* What a store of records did. */
struct lc_put_counts {
	long added, updated, unchanged;
};
/* Stores every expert of x (a known id is updated when something
 * changed), counting into *n. Needs an open transaction. */
int lc_experts_store(struct lc_catalog *cat, const struct lc_experts *x,
		     struct lc_put_counts *n, struct lc_error *err);

/* The sector bit mask (1 << enum lc_sector) of a ';'-separated list of
 * sector names; -1 when one is unknown (its name copied into bad). */
long lc_sector_mask(const char *list, char *bad, size_t n);

/* ---- dossiers as the panel sees them (panel.c)   -------------- */
struct lc_dossier {
	char *id, *edition, *name_zh, *name_en, *submitter, *credit_code;
	char *owners, *summary;
	int sector;
};
struct lc_dossiers {
	struct lc_dossier *v;  /* sorted by id */
	size_t n;
};
/* Loads the dossiers of edition (NULL: all) into *d (release with
 * lc_dossiers_release). */
int lc_dossiers_load(struct lc_catalog *cat, const char *edition,
			 struct lc_dossiers *d, struct lc_error *err);
void lc_dossiers_release(struct lc_dossiers *d);
long lc_dossiers_find(const struct lc_dossiers *d, const char *id);

/* The criteria a panel scores (from a criteria profile: see
 * lc_criteria_load in ranker/ranker.h): ids, scales and the number of
 * complete reviews a dossier needs to be ranked. Plain data. */
#define LC_MAX_CRIT 32
struct lc_criteria {
	size_t n;                          /* panel criteria */
	char id[LC_MAX_CRIT][64];
	double lo[LC_MAX_CRIT], hi[LC_MAX_CRIT];
	int min_scores;                    /* reviews needed to rank */
};
/* Index of criterion id, or -1. */
long lc_criteria_find(const struct lc_criteria *c, const char *id);

/* Builds the "expert\037tech" key of a pair (the keys of conflict and
 * assignment sets) into buf; returns buf. */
char *lc_pair_key(const char *expert, const char *tech, char *buf,
		  size_t n);

#endif
