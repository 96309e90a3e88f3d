/* mapping.h - importers/ private: a loaded mapping profile (mapping.c),
 * the conversions of a foreign cell into a field's text (map_value.c),
 * the binding of a profile to a file's header and the mapping of its rows
 * (read_mapped.c), the readers of CSV files and workbooks that use them
 * (mapped_files.c). */
#ifndef LC_IMPORTERS_MAPPING_H
#define LC_IMPORTERS_MAPPING_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include "importers/internal.h"

enum map_range { MAP_RANGE_NONE, MAP_RANGE_LOWER, MAP_RANGE_UPPER,
		 MAP_RANGE_MID };

/* How a field is given, at most one way per field (checked at load). */
enum map_given { MAP_NONE, MAP_COLUMN, MAP_CONSTANT, MAP_RULES };

/* A test of a source column (column != NULL) or of a field already set
 * (field >= 0) against a compiled pattern. */
struct map_match {
	char *column;       /* header as the profile writes it */
	int field;          /* enum lc_field, or -1 */
	char *pattern;
	pcre2_code *re;     /* the pattern; with {edition}, as for 2000
			       (its syntax checked at load) */
	long line;          /* in the profile */
	int per_edition;    /* the pattern holds {edition}: matched with
			       ed_re, compiled for the edition ed */
	char ed[16];
	pcre2_code *ed_re;
};

/* A source column read into a field. */
struct map_column {
	char *name;         /* header as the profile writes it ({edition}) */
	int field;
	char *unit;         /* unit of the column's bare numbers, or NULL */
	int range;          /* enum map_range */
	int scale11;        /* a TRL on the IEA's 1-11 scale */
	int scale_given;    /* scale written in the profile */
	int optional;       /* the file may lack it */
	long line;
};

/* A constant or a default: a value the user chose, and why. */
struct map_value {
	int field;
	char *value;        /* may hold {edition}, {edition+N} */
	char *note;
	int when;           /* constant: set only when this field is set;
			       -1 always */
	long line;
};

/* The first rule of a field whose matches all hold gives its value. */
struct map_rule {
	int field;
	char *value;
	struct map_match *m;
	size_t nm;
	long line;
};

/* Rows left out: those lacking field unless (>= 0), or whose matches
 * all hold. */
struct map_skip {
	char *reason;
	int unless;
	struct map_match *m;
	size_t nm;
	long line;
};

struct map_ignore {
	char *column;       /* one header, or NULL */
	char *pattern;      /* or every header matching this */
	pcre2_code *re;
	char *note;
	long line;
};

enum map_id { MAP_ID_NONE, MAP_ID_COLUMN, MAP_ID_SEQUENCE, MAP_ID_HASH };

/* A loaded profile; read-only once loaded. Owns everything. */
struct lc_mapping {
	char name[48];
	char path[512];
	char *title;
	struct map_column *col;
	size_t ncol;
	struct map_value *cst, *dflt;
	size_t ncst, ndflt;
	struct map_rule *rule;
	size_t nrule;
	struct map_skip *skip;
	size_t nskip;
	struct map_ignore *ign;
	size_t nign;
	int id_kind;            /* enum map_id */
	char *id_column;        /* MAP_ID_SEQUENCE: the sequence column */
	int id_field;           /* MAP_ID_HASH: the field hashed */
	int given[LC_F__COUNT]; /* enum map_given */
	int needs_edition;      /* nothing in the profile gives the edition */
	pcre2_match_data *md;   /* for every pattern (matching is serial) */
};

/* ---- mapping.c ---------------------------------------------------------- */
struct _xmlNode;
/* Builds m (its path already set) from the validated tree at root: what a
 * schema cannot check is checked here. 0, or LC_EDATA naming the
 * profile's file and line, LC_ENOMEM. m is freed by the caller. */
int map_build(struct lc_mapping *m, struct _xmlNode *root,
	      struct lc_error *err);

/* ---- mapping_xml.c ----------------------------------------------------- */
struct _xmlDoc;
/* The profile's file into path: name_or_path as given when it holds '/'
 * or ends ".xml", else profiles/NAME.xml found as lc_data_path finds
 * data. 0, LC_EUSAGE (a bad name), LC_EIO (none). */
int map_find(const char *name_or_path, char *path, size_t n,
	     struct lc_error *err);
/* Parses path through the XML guard and validates it against
 * profiles/mapping.xsd: 0 and *doc (free with xmlFreeDoc), or LC_EDATA
 * naming the file and line, LC_EIO (no schema), LC_ENOMEM. */
int map_parse(const char *path, struct _xmlDoc **doc, struct lc_error *err);

/* ---- mapping_info.c ----------------------------------------------------- */
/* 1 when the pattern matches s (UTF-8), 0 when not. */
int map_re_match(const struct lc_mapping *m, pcre2_code *re, const char *s);

/* ---- map_value.c ------------------------------------------------------- */

/* A header for comparison: full-width ASCII forms folded to ASCII, white
 * space (ASCII, ideographic, no-break) dropped. Written into buf. */
void map_header_norm(const char *s, char *buf, size_t n);
/* tmpl with {edition} and {edition+N} / {edition-N} replaced (edition
 * may be NULL: then any such placeholder is an error). Returns 0, or -1
 * with the reason in why. */
int map_expand(const char *tmpl, const char *edition, char *buf, size_t n,
	       char *why, size_t nwhy);
/* A TRL cell into the 1-9 TRL that ranks (*trl), as the column says:
 * range end, scale. Returns 0, or -1 with the reason in why. */
int map_trl(const struct map_column *c, const char *cell, int *trl,
	    char *why, size_t nwhy);
/* A quantity cell: a range's end chosen as the column says (a range
 * without a range attribute is an error), then *unit_out set to the
 * column's unit when what remains is a bare number. Writes the text to
 * parse into buf. Returns 0, or -1 with the reason in why. */
int map_quantity(const struct map_column *c, const char *cell, char *buf,
		 size_t n, const char **unit_out, char *why, size_t nwhy);
/* 1 when s is a plain decimal number ("35", "1,200.5"). */
int map_bare_number(const char *s);
/* A sequence cell ("12", "012") as an id's number ("012"); -1 when it
 * is not 1 to 7 digits or is zero. */
int map_sequence(const char *cell, char *buf, size_t n);
/* The five-digit number a generated id gets for key (10000-99999): the
 * same key, the same number, on every run. */
unsigned long map_hash_seq(const char *key);

/* ---- read_mapped.c: a profile bound to a header, rows mapped ---------- */

/* The profile bound to one file's header, for the file readers
 * (mapped_files.c). A row is a CSV record or a workbook's row (exactly
 * one set). */
struct imp_xrow;
struct map_src {
	const struct lc_csv *csv;
	const struct imp_xrow *xr;
};
struct map_bind;
/* A binding of o->mapping (and o->edition): 0 or LC_ENOMEM; *out to
 * free with map_bind_free (also after a failure). */
int map_bind_new(struct map_bind **out, const struct lc_import_opts *o);
void map_bind_free(struct map_bind *b);           /* NULL is fine */
/* Binds the header row src (nf cells, on line): the problems' count
 * (reported to s), or a negative status. */
int map_bind_header(struct map_bind *b, struct imp_sink *s,
		    const struct map_src *src, size_t nf, long line);
/* How problems name each field (for imp_sink.label), once bound. */
const char *const *map_bind_labels(const struct map_bind *b);
/* Maps the row src into r: 0 (emit it), 1 (skipped: reported) or a
 * negative status. */
int map_bind_row(struct map_bind *b, const struct map_src *src,
		 struct imp_sink *s, struct imp_raw *r);
/* The header's number of columns, once bound. */
size_t map_bind_ncols(const struct map_bind *b);
/* The field column col is read into, or -1. */
int map_bind_field(const struct map_bind *b, size_t col);
/* The column a problem's field name points at (a field's label, or a
 * header as written), or -1. */
long map_bind_column(const struct map_bind *b, const char *name);

/* ---- mapped_files.c: the files a profile reads ------------------------ */

/* Reads the CSV file path through the profile o->mapping: each row
 * becomes a raw dossier passed to emit, or is skipped (reported to
 * s->rep->skipped, counted in s->skipped) with its reason. Problems name
 * the source file's line and column. Returns 0, a file-level LC_EDATA
 * (a header the profile does not describe: reported), LC_EIO, or emit's
 * value. */
int imp_read_mapped(const char *path, const struct lc_import_opts *o,
		    struct imp_sink *s, imp_emit_fn emit, void *ctx,
		    struct lc_error *err);
/* Reads the first sheet of the workbook path through the profile as
 * imp_read_mapped reads a CSV file: the first non-blank row its header;
 * problems name the cell ("file:sheet!K3"); refused too: a formula or an
 * error value (a catalog holds values), a credit code or phone stored as
 * a number, a value outside the header's columns. */
int imp_read_mapped_xlsx(const char *path, const struct lc_import_opts *o,
			 struct imp_sink *s, imp_emit_fn emit, void *ctx,
			 struct lc_error *err);

#endif
