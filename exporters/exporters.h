/* exporters.h - everything lowcarb writes for people and other tools:
 * dossiers as CSV and JSON records, listings of the panel's records, the
 * panel's progress and audit log, score sheets, submission XML, the
 * roadmap's document model with its writers (HTML, ODF, Markdown) and
 * charts, and the catalog, MACC and ranking exports. Above the ranker:
 * it may read rankings, never the importers. */
#ifndef LC_EXPORTERS_H
#define LC_EXPORTERS_H

#include <stdio.h>
#include "catalog/catalog.h"
#include "ranker/ranker.h"

/* ---- dossier records -------------------------------------------------- */

/* The published dossier columns (lc_field_name order), comma-separated,
 * CRLF-free: "id,edition,...,patents\n". */
void lc_tech_csv_header(FILE *fp);
/* One dossier as a CSV row of those columns, quantities in base units
 * (neutralise: see lc_csv_field; numbers are never touched). */
void lc_tech_csv_row(FILE *fp, const struct lc_tech *t, int neutralise);
/* One dossier as a JSON object: the field names as keys (numbers as JSON
 * numbers, absent fields left out), then "status", "reason" when set and
 * "projects" when any. indent is the number of spaces before each key
 * (0 for one line). */
void lc_tech_json(FILE *fp, const struct lc_tech *t, int indent);

/* ---- listings of records (rows.c) ---------------------------------------- */

/* Output formats of the list commands, in the order of the CLI's
 * "table,csv,json" (cli_list_format gives the index). */
enum lc_rows_fmt { LC_ROWS_TABLE, LC_ROWS_CSV, LC_ROWS_JSON };

/* Rows of ncol text columns written as an 80-column table (widths
 * given), CSV (header = names, cells neutralised against formula
 * injection) or a JSON array of objects (keys = names). */
struct lc_rows {
	FILE *fp;
	int fmt;                     /* enum lc_rows_fmt */
	size_t ncol;
	const char *const *names;    /* column names (CSV header, JSON keys) */
	const char *const *heads;    /* table headings */
	const int *width;            /* table widths; the last is not padded */
	long rows;
};
void lc_rows_begin(struct lc_rows *o);
void lc_rows_row(struct lc_rows *o, const char *const *vals);
void lc_rows_end(struct lc_rows *o);
/* Writes every record of kind through o (begin, rows, end): output
 * column j is the record's column from[j] ("" when absent). Returns 0 or
 * the catalog's error. */
int lc_rows_kind(struct lc_catalog *cat, const char *kind,
		 const char *const *from, struct lc_rows *o,
		 struct lc_error *err);

/* The panel's progress (ranker's lc_panel_status_get) as fmt, enum
 * lc_rows_fmt: two tables (experts, dossiers) and a summary line; CSV with
 * the header kind,id,assigned,complete,partial,too_few,missing; or one
 * JSON object (criteria, min_scores, experts, dossiers, too_few). */
void lc_panel_status_write(FILE *fp, const struct lc_criteria *crit,
			   const struct lc_panel_status *s, int fmt);

/* The audit chain, one entry a line, oldest first: "SEQ WHEN WHO ACTION
 * DETAIL [SOURCE]". Returns 0 or the catalog's error. */
int lc_audit_write(FILE *fp, struct lc_catalog *cat, struct lc_error *err);

/* ---- score sheets (sheets.c) ----------------------------------------------- */

/* What a score sheet holds besides the expert: blind leaves out the
 * submitter and owners columns; edition (NULL: every edition) keeps only
 * the dossiers of that edition; rate is the discount rate of the computed
 * abatement cost (lc_cost_computed; the published assumptions'). */
struct lc_sheet_opts {
	int blind;
	const char *edition;
	double rate;
};

/* Writes the score sheet of expert: header expert,id,name_zh,name_en,
 * sector,trl,submitter,owners,scope,abatement,potential,abatement_cost,
 * abatement_cost_computed,investment,payback,demonstrations,projects,
 * summary (numbers in the fields' base units), then one column per
 * criterion id, then comment; one row per assigned dossier (by id),
 * scores already stored filled in. LC_EDATA for an unknown expert or one
 * with no dossier assigned (of the edition). */
int lc_sheet_export(struct lc_catalog *cat, const struct lc_criteria *c,
		    const char *expert, const struct lc_sheet_opts *o,
		    FILE *out, struct lc_error *err);
/* Writes the same sheet (same columns, same rows) as an .xlsx workbook
 * to out (sheets_xlsx.c): the sheet 评分 with a frozen header, every cell
 * but the scores and the comment locked (protection without password),
 * each score column checked against its criterion's scale (decimal
 * between min and max) with the criterion's labels from p (may be NULL)
 * and scale as the header cell's comment, quantities as numbers with
 * their unit above the column name; the sheet 声明 with the expert's
 * declaration of no conflict of interest. Errors as lc_sheet_export's;
 * LC_EIO when the workbook cannot be written. */
int lc_sheet_export_xlsx(struct lc_catalog *cat,
			 const struct lc_profile *p,
			 const struct lc_criteria *c, const char *expert,
			 const struct lc_sheet_opts *o, FILE *out,
			 struct lc_error *err);
/* The number of dossiers (of edition; NULL: all) assigned to expert into
 * *n. 0, or the catalog's error. */
int lc_sheet_count(struct lc_catalog *cat, const char *expert,
		   const char *edition, size_t *n, struct lc_error *err);

/* ---- the submission template (template_xlsx.c) ----------------------------
 * What an association fills in. LC_TEMPLATE_XLSX: a workbook with sheet
 * 技术 (one header row of the CSV layout's columns, each cell the Chinese
 * and English labels with units, then the column name on its last line;
 * dropdowns for the closed fields; credit code and phone as text), sheet
 * 示范项目 (the projects, linked by id) and sheet 说明 (instructions in
 * both languages, from data/text). LC_TEMPLATE_CSV: the CSV header alone,
 * after a UTF-8 byte-order mark (for Excel). edition (0: none) is named in
 * the instructions and the id hint; nothing is prefilled. Writes to out
 * (a workbook through a temporary file in $TMPDIR); does not close it.
 * Returns 0, LC_EIO (cannot write), LC_EDATA (a text catalogue is
 * broken), LC_ENOMEM. */
enum lc_template_fmt { LC_TEMPLATE_XLSX, LC_TEMPLATE_CSV };
int lc_template_write(FILE *out, int format, int edition,
		      struct lc_error *err);

/* One column of a foreign layout (a mapping profile's, as the CLI reads
 * it from importers): the header as the profile writes it, the field it
 * is read into (-1: a column the profile's rules test), the unit of its
 * bare numbers (NULL: none), text: ranges or percentages allowed (the
 * cells formatted as text), required: the file must have it. */
struct lc_template_col {
	const char *name;
	int field;
	const char *unit;
	int text, required, trl11;
};
/* The template in the layout of profile (its name and title): the same
 * workbook as lc_template_write's but sheet 技术 has the layout's columns
 * under their headers as the profile writes them (the mapped reader keys
 * on them; import --profile reads the workbook back), dropdowns for the
 * columns read into closed fields, and sheet 说明 lists each column's
 * field, unit and whether it is required; no projects sheet (a layout
 * has its own). LC_TEMPLATE_CSV: the layout's header after a UTF-8
 * byte-order mark. Errors as lc_template_write's. */
int lc_template_write_layout(FILE *out, int format, int edition,
			     const char *profile, const char *title,
			     const struct lc_template_col *cols, size_t n,
			     struct lc_error *err);

/* ---- submission XML (submission_xml.c) -----------------------------------
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

/* ---- the words of documents (words.c) ------------------------------------
 * Every sentence a document prints comes from a text catalogue in data/
 * (text/zh.txt, text/en.txt: "key = text" lines, "#" comments), with
 * {name} placeholders the program fills. */
struct lc_words;
/* Loads the catalogue of lang ("zh", "en"): *out to free with
 * lc_words_free. LC_EIO when missing, LC_EDATA (file, line) when a line
 * is not "key = text" or a key is given twice. */
int lc_words_load(const char *lang, struct lc_words **out,
		  struct lc_error *err);
void lc_words_free(struct lc_words *w);                 /* NULL is fine */
/* The text of key (belongs to w), or NULL. */
const char *lc_words_get(const struct lc_words *w, const char *key);
/* The text of key with each {names[k]} replaced by values[k] (a formula
 * span copied between the markers of exporters/math.h, never filled),
 * into buf (size n); "[key]" when the catalogue lacks key. Returns buf. */
char *lc_words_fill(const struct lc_words *w, const char *key,
		    const char *const *names, const char *const *values,
		    size_t nv, char *buf, size_t n);

/* ---- the publisher's details (publication.c) -------------------------- */
struct lc_publication;
/* Loads the publication file path (NULL: data/templates/publication.xml),
 * validated against templates/publication.xsd: *out to free with
 * lc_publication_free. LC_EIO unreadable, LC_EDATA (file, line) invalid. */
int lc_publication_load(const char *path, struct lc_publication **out,
			struct lc_error *err);
void lc_publication_free(struct lc_publication *p);     /* NULL is fine */
/* The text what ("title", "notice-title", "authority", "foreword",
 * "contact") in lang, else the other language; or "number", "date",
 * "path", "sha256". NULL when absent. Belongs to p. */
const char *lc_publication_get(const struct lc_publication *p,
			       const char *what, const char *lang);

/* ---- the document model ------------------------------------------------
 * A roadmap is built once as a list of blocks (title page, headings,
 * paragraphs, bullet items, tables, figures) and then handed to one writer
 * per format. Every text is copied in as plain UTF-8; the writers escape
 * it for their target. Builders return 0 or LC_ENOMEM; after a failure the
 * document is marked broken and every writer refuses it with LC_ENOMEM, so
 * a builder may check only the last call. */
struct lc_doc;

/* Returns a new empty document in lang ("zh" or "en"), NULL when out of
 * memory; free with lc_doc_free (NULL is fine). */
struct lc_doc *lc_doc_new(const char *lang);
void lc_doc_free(struct lc_doc *d);
const char *lc_doc_lang(const struct lc_doc *d);     /* "zh" or "en" */

/* Title page: the title, a subtitle (may be NULL) and lines of details
 * (edition, data vintage...) added one by one. */
int lc_doc_title(struct lc_doc *d, const char *title, const char *subtitle);
int lc_doc_title_line(struct lc_doc *d, const char *text);
/* Style sheet the HTML writer embeds instead of its built-in one (copied;
 * NULL restores the built-in). */
int lc_doc_css(struct lc_doc *d, const char *css);
/* Prints the document on A4 landscape (HTML @page and .fodt page
 * layout; its tables as wide as that page's text), for wide tables. */
void lc_doc_landscape(struct lc_doc *d);

/* The table of contents under title: the headings of levels 1 and 2
 * that follow it, with their page numbers (ODF: an index whose numbers
 * are page references LibreOffice fills as it lays out; HTML: links,
 * with CSS target-counter page numbers where the print engine has it;
 * Markdown: a list). */
int lc_doc_toc(struct lc_doc *d, const char *title);
/* The next chapter follows on the page instead of starting one (a short
 * chapter after a short one: the foreword and the key findings). */
void lc_doc_run_on(struct lc_doc *d);
/* A heading of level 1 (chapter: on a new page) to 3. */
int lc_doc_section(struct lc_doc *d, int level, const char *title);
/* A paragraph. The formulas of a sentence filled by lc_words_fill (its
 * catalogue's {math:...} and {display:...} spans) are parsed here once:
 * HTML prints them as MathML, the other writers as Unicode text; a
 * displayed formula is a paragraph of its own between the sentence's
 * parts. */
int lc_doc_para(struct lc_doc *d, const char *text);
/* A bullet item (its formulas all in the running text); consecutive
 * items form one list. */
int lc_doc_item(struct lc_doc *d, const char *text);
/* A table of ncols columns with the given headings; align holds one
 * character per column, 'l' (text), 'r' (number, right-aligned) or 'i'
 * (identifier: left, never broken across lines) (NULL: all left).
 * Rows are appended with lc_doc_row to the last table or figure. */
int lc_doc_table(struct lc_doc *d, const char *caption, size_t ncols,
		 const char *const *head, const char *align);
/* Keeps the last table on one page in HTML whatever its length (a
 * catalog entry: a reader finds it whole); only for a table shorter than
 * a page. */
void lc_doc_keep(struct lc_doc *d);
/* A figure: title, a description (the chart's text alternative) and the
 * chart as a complete SVG document (copied), then its data table (ncols
 * columns as in lc_doc_table) that every writer puts beside the chart. */
int lc_doc_figure(struct lc_doc *d, const char *title, const char *desc,
		  const char *svg, size_t ncols, const char *const *head,
		  const char *align);
/* Appends a row of ncols cells (NULL cells are written empty) to the
 * last table or figure; LC_EUSAGE when there is none. */
int lc_doc_row(struct lc_doc *d, const char *const *cells);

/* Writers. Each returns 0, LC_EIO on a write error (err names the file
 * when known) or LC_ENOMEM for a broken document. Output depends only on
 * the document: no time, no locale. */
/* One self-contained HTML5 file: inline CSS (A4 print rules) and inline
 * SVG, no scripts, no external resources. */
int lc_doc_write_html(const struct lc_doc *d, FILE *fp,
		      struct lc_error *err);
/* A flat OpenDocument text (.fodt) written with libxml2's xmlTextWriter;
 * charts embedded as base64 SVG images with svg:title and svg:desc. */
int lc_doc_write_fodt(const struct lc_doc *d, FILE *fp,
		      struct lc_error *err);
/* GitHub-flavoured Markdown into path; each figure's SVG goes into its own
 * file beside it ("STEM-fig-N.svg", STEM = path without ".md") and is
 * linked relatively. Every file is written to a temporary beside it
 * ("NAME.tmpXXXXXX") and all are renamed into place only when all were
 * written: on failure no temporary is left and no file is replaced. */
int lc_doc_write_md(const struct lc_doc *d, const char *path,
		    struct lc_error *err);

/* ---- escaping -------------------------------------------------------- */
/* Writes s with &, <, >, " and ' as entities (HTML, XML, SVG text and
 * attributes); control characters other than tab and newline dropped. */
void lc_xml_text(FILE *fp, const char *s);
/* Writes s for a Markdown table cell or paragraph: inline markup
 * characters (\ ` * _ [ ] | ~) backslash-escaped, < > & as entities (no
 * raw HTML gets through), a block marker at the start (# + - = "1.")
 * escaped, newlines turned into spaces. */
void lc_md_text(FILE *fp, const char *s);

/* ---- numbers for people ------------------------------------------------ */
/* Formats v with decimals digits after the point and thousands
 * separators ("1,234,567.8"), independently of the locale; "—" for NaN.
 * Returns buf. */
char *lc_num_human(double v, int decimals, char *buf, size_t n);
/* An annual CO2 quantity t (tCO2/a) for prose, in the reader's units:
 * Chinese "14.07 亿吨 CO2/年" (亿 from 1e8, 万 from 1e4, else 吨), English
 * "1.41 Gt CO2/a" (Gt, Mt, kt, t), at 3-4 significant digits; "—" for
 * NaN. Data tables keep the exact base-unit figures. Returns buf (64
 * bytes are enough). */
char *lc_co2_human(double t, const char *lang, char *buf, size_t n);
/* The same in CO2 equivalent ("CO2e") when eq: figures of, or summed
 * with, another greenhouse gas. */
char *lc_co2e_human(double t, const char *lang, int eq, char *buf,
		    size_t n);

/* The dossier's name in lang ("zh"/"en"), falling back to the other
 * language, then the id; "" at worst. Belongs to t. */
const char *lc_tech_name(const struct lc_tech *t, const char *lang);
/* Text field f (LC_F_SUMMARY, LC_F_SCOPE, LC_F_KEY_INDICATORS, or any
 * other) in lang: the field's English text (summary_en...) under "en"
 * when the dossier gives it, else the field itself; NULL when absent.
 * Belongs to t. */
const char *lc_tech_text(const struct lc_tech *t, int f, const char *lang);
/* A project's site, enterprise or capacity (k: LC_DC_SITE,
 * LC_DC_ENTERPRISE, LC_DC_CAPACITY) in lang, the same way; belongs to
 * d. */
const char *lc_demo_text(const struct lc_demo *d, int k, const char *lang);

/* ---- charts (SVG, no scripts) ------------------------------------------
 * Every chart is a standalone SVG document (xmlns, viewBox, role="img",
 * <title> and <desc>), returned as a NUL-terminated string the caller
 * frees with free(3); NULL when out of memory. Texts are escaped. */

/* Marginal abatement cost curve. */
struct lc_macc_item {
	const char *id;
	const char *name;
	double cost;        /* CNY/tCO2, finite */
	double potential;   /* tCO2/a; NaN or <= 0: not drawn */
	const char *product;/* products.xml code, NULL: none (uncapped) */
	int trl;            /* 0 unknown: for --min-trl, --horizon */
	int co2e;           /* 1: cost and potential are per tonne of CO2
			       equivalent of another gas (N2O, CH4, ...) */
};
/* A bar in drawing order; strings are copies owned by the array. */
struct lc_macc_bar {
	char *id;
	char *name;
	double cost, potential;
	double xmin, xmax;  /* cumulative potential; xmin == xmax: not drawn */
	int drawn;          /* potential > 0 */
	int key;            /* 1-based label number of drawn bars, else 0 */
	char *product;      /* products.xml code, "" for none */
	double claimed;     /* the potential as the dossier states it;
			       potential is what counts once competing
			       routes of its product are capped */
	double overlap;     /* claimed - potential: never in a total */
	int co2e;           /* as the item's */
};
/* Sorts items by cost ascending, ties by id (strcmp), stable, and lays
 * them out: bar k spans [sum of earlier potentials, + its potential].
 * *out receives n bars to free with lc_macc_free. 0 or LC_ENOMEM;
 * LC_EDATA when a cost is not finite. */
int lc_macc_layout(const struct lc_macc_item *items, size_t n,
		   struct lc_macc_bar **out, struct lc_error *err);
void lc_macc_free(struct lc_macc_bar *bars, size_t n);
/* As lc_macc_layout, then competing routes counted once (lc_macc_cap):
 * a bar whose product is in prods counts at most what the cheaper bars
 * of that product left of its baseline emissions; the rest is its
 * overlap. prods NULL: nothing capped. */
int lc_macc_layout_capped(const struct lc_macc_item *items, size_t n,
			  const struct lc_products *prods,
			  struct lc_macc_bar **out, struct lc_error *err);
/* Potential (tCO2/a) of the drawn bars with cost <= price. */
double lc_macc_available(const struct lc_macc_bar *b, size_t n,
			 double price);
/* The chart's text alternative in lang, generated from the data (counts,
 * total potential, cost range, share at negative cost, abatement at or
 * below price when price is finite). Caller frees; NULL when out of
 * memory. */
char *lc_macc_describe(const struct lc_macc_bar *b, size_t n, double price,
		       const char *lang);
/* The curve: x = cumulative potential, y = cost, negative bars below the
 * zero line, a dashed carbon-price line when price is finite (NaN: none).
 * Bars too narrow for their name get their key number, and a key lists
 * the numbers under the chart. */
char *lc_svg_macc(const struct lc_macc_bar *b, size_t n, double price,
		  const char *title, const char *desc, const char *lang);

/* TRL ladder: counts[r * 9 + (trl - 1)] technologies of row r (a sector)
 * at each TRL 1..9, nrows rows named labels[r]; the bands 1-5, 6-7, 8-9
 * are shaded. */
char *lc_svg_trl(const long *counts, size_t nrows,
		 const char *const *labels, const char *title,
		 const char *desc, const char *lang);

/* Timeline: the three horizons (promote now, demonstrate by 2030,
 * research for 2060) as lanes labelled labels[0..2] with count[k]
 * technologies each, and milestone years marked on the axis. */
char *lc_svg_timeline(const long count[3], const char *const labels[3],
		      const int *years, size_t nyears, const char *title,
		      const char *desc, const char *lang);

/* ---- the public notice (notice.c) ------------------------------------- */
/* Builds the public notice of edition's proposed list (lc_notice_open of
 * ranker/ranker.h): the publisher's title and details from pub, the
 * list in rank order (a withdrawn dossier marked), the period, how to
 * object. *out to free with lc_doc_free. LC_EDATA when the edition is
 * not under notice. */
int lc_notice_build(struct lc_catalog *cat, const char *edition,
		    const struct lc_publication *pub, const char *lang,
		    struct lc_doc **out, struct lc_error *err);

/* ---- the roadmap ------------------------------------------------------- */
struct lc_roadmap_opts {
	const char *edition;      /* required */
	const char *lang;         /* "zh" (default) or "en" */
	double carbon_price;      /* CNY/tCO2; NaN for none */
	double discount_rate;     /* for computed abatement costs; 0.08 */
	const struct lc_assumptions *assumptions;  /* stated in the method
				     annex (path, SHA-256); NULL: none */
	int stamp;                /* 1: print the generation time */
	const char *profile;      /* criteria profile; "top20" */
	const char *reference;    /* a reference catalog (the IEA guide
				     imported): adds the chapter "finding
				     gaps by benchmarking"; NULL: none */
	const char *reference_edition;  /* its edition; NULL: its latest
				     not after edition */
	int sector;               /* enum lc_sector: the roadmap of that
				     industry alone; -1 (default): all */
	const char *publication;  /* the publisher's file (title page);
				     NULL: data/templates/publication.xml */
};
void lc_roadmap_opts_init(struct lc_roadmap_opts *o);

/* Builds the edition's roadmap from the catalog (reads only): title page,
 * key findings, Top N (lc_rank_edition with the profile; when ranking
 * fails the chapter says why), one chapter per sector by horizon with its
 * MACC, milestones, with a reference catalog the chapter "finding gaps
 * by benchmarking" (lc_bench_run), annex (full table, method, changes
 * since the previous edition). *out receives a document to free with lc_doc_free.
 * LC_ENOTFOUND when the edition has no dossier. */
int lc_roadmap_build(struct lc_catalog *cat, const struct lc_roadmap_opts *o,
		     struct lc_doc **out, struct lc_error *err);

/* The horizon of a TRL: 0 promote now (8-9), 1 demonstrate by 2030
 * (6-7), 2 research for 2060 (1-5); -1 for an absent TRL. */
int lc_horizon(int trl);

/* ---- catalog and ranking exports --------------------------------------- */
enum lc_export_format { LC_EXPORT_CSV, LC_EXPORT_JSON, LC_EXPORT_XML,
			LC_EXPORT_SVG, LC_EXPORT_XLSX };

/* The MACC bars of edition (sector -1: all) into *bars and *n (free with
 * lc_macc_free): every dossier with an abatement cost under basis (enum
 * lc_cost_basis: stated, or computed at rate, as lc_cost_value picks)
 * with a TRL of at least min_trl (0: any), competing routes counted once
 * against data/products.xml (lc_macc_layout_capped).
 * *skipped (may be NULL) receives how many had no cost.
 * LC_ENOTFOUND when the edition has no dossier. */
int lc_macc_edition(struct lc_catalog *cat, const char *edition,
		    int sector, int min_trl, double rate, int basis,
		    const char *lang,
		    struct lc_macc_bar **bars, size_t *n, size_t *skipped,
		    struct lc_error *err);
/* Writes bars as CSV "id,name,cost,potential,xmin,xmax,product,claimed"
 * (drawing order, shortest round-trip numbers, names neutralised;
 * potential as counted, claimed as stated) or as JSON. */
void lc_macc_write_csv(FILE *fp, const struct lc_macc_bar *b, size_t n);
/* JSON names the assumptions a computed the costs with (path, SHA-256)
 * when a is not NULL. */
void lc_macc_write_json(FILE *fp, const struct lc_macc_bar *b, size_t n,
			double price, const struct lc_assumptions *a);

/* Writes the dossiers passing f as format (CSV: published columns,
 * RFC 4180, formula injection neutralised, a UTF-8 BOM first when bom;
 * JSON: an array of lc_tech_json objects; XML: a submission document via
 * lc_xml_write_submissions; XLSX: the CSV's columns and values on one
 * sheet, numbers as numbers in base units with the unit in the header,
 * "potential (tCO2/a)", frozen header, filters, widths by content
 * (table_xlsx.c)). 0 or a negative status with err. */
int lc_export_catalog(struct lc_catalog *cat, const struct lc_filter *f,
		      int format, int bom, FILE *fp, struct lc_error *err);

/* Ranks edition with profile (lc_rank_edition; the discount rate of
 * the assumptions a, NULL: the default ones) and
 * writes every entry with rank, score, selection, eligibility and the
 * per-criterion values and contributions, tie-break and quota notes, as
 * CSV, JSON or XLSX (the CSV's columns, numbers as numbers, an
 * indicator's unit in its value's header). 0 or a negative status with
 * err. */
int lc_export_ranking(struct lc_catalog *cat, const char *edition,
		      const char *profile, const struct lc_assumptions *a,
		      int format, int bom, FILE *fp, struct lc_error *err);

/* ---- one technology across editions (track.c) --------------------------
 * Writes k (ranker's lc_track_build) as fmt, enum lc_rows_fmt: an
 * 80-column table (edition, id, TRL as given, penetration now and
 * targeted, potential in Mt CO2/a, declared cost, status, in the Top N)
 * followed by each forecast against its outcome; CSV with the header
 * edition,id,name_zh,name_en,trl,trl_scale,penetration_now,
 * penetration_target,penetration_target_year,potential,abatement_cost,
 * status,selected,forecast,forecast_from (forecast: the penetration an
 * earlier edition, forecast_from, targeted for this edition's year); or
 * one JSON object (key, editions, forecasts). */
void lc_track_write(FILE *fp, const struct lc_track *k, int fmt);

/* ---- benchmarking (benchmark.c) ----------------------------------------
 * Writes b (ranker's lc_bench_run of edition) as fmt, enum lc_rows_fmt:
 * a table per sector (counts of leads, lags, level, unpaired, gaps; each
 * dossier with its pair; the reference technologies without a domestic
 * counterpart); CSV with the header exactly
 * sector,id,name,trl,ref_id,ref_name,ref_trl,trl_gap,match (TRL as each
 * source gives it, trl_gap = trl - ref_trl on the 1-9 scale, match auto,
 * manual or none; a reference technology with no counterpart is a row
 * with an empty id); or one JSON object (edition, reference_edition,
 * sectors with their counts and rows). */
void lc_bench_write(FILE *fp, const struct lc_bench *b, const char *edition,
		    int fmt);
/* "auto", "manual" or "none" for enum lc_match. */
const char *lc_match_name(int m);

/* ---- the promotion catalog (promotion.c, promotion_table.c) --------------
 * The edition's technologies in the layout of the national key low-carbon
 * technology promotion catalogs (国家重点推广的低碳技术目录): one table per
 * sector, entries numbered through the catalog, the columns 序号, 技术名称,
 * 适用范围, 主要技术内容, 关键技术指标, 典型项目, 目前推广比例, 预计未来5年
 * 推广比例, 预计投资总额（亿元）, 减排能力（万tCO2/a, 万tCO2e/a for another
 * gas）, 节能能力（万tce/a）, in the magnitudes those catalogs print. */
enum lc_promo_status {
	LC_PROMO_DEFAULT,     /* published when the edition was published,
				 else selected */
	LC_PROMO_SELECTED,    /* on the selection: selected, noticed or
				 published (not withdrawn) */
	LC_PROMO_ELIGIBLE,    /* eligible, the selected included */
	LC_PROMO_PUBLISHED    /* on the published list */
};
struct lc_promo_opts {
	const char *edition;  /* required */
	int sector;           /* enum lc_sector, -1 for all */
	int status;           /* enum lc_promo_status */
	const char *lang;     /* "zh" (default) or "en": the headings */
	const char *publication;  /* the publisher's file (title page:
				     authority, number, date, contact);
				     NULL: data/templates/publication.xml */
};
/* Every sector, the default status, Chinese. */
void lc_promo_opts_init(struct lc_promo_opts *o);
/* Builds the catalog as a document (lc_doc_write_html, _fodt): *out to
 * free with lc_doc_free. LC_EUSAGE for a bad edition, LC_ENOTFOUND when
 * no dossier of the edition (and sector) has the status asked for. */
int lc_promo_build(struct lc_catalog *cat, const struct lc_promo_opts *o,
		   struct lc_doc **out, struct lc_error *err);
/* Writes the catalog as CSV in the layout the mapping profile
 * ndrc-catalog reads (data/profiles/ndrc-catalog.xml; headers in
 * Chinese whatever o->lang): the national columns with 所属行业/领域 and
 * 单位减排成本（元/tCO2）, then the gas and the reference installation's
 * abatement, investment and energy saving, so that `import --profile
 * ndrc-catalog` gives back the same figures. Numbers read from the
 * dossiers are written exactly (the decimal point moved, never
 * rounded). Errors as lc_promo_build. */
int lc_promo_write_csv(struct lc_catalog *cat, const struct lc_promo_opts *o,
		       int bom, FILE *fp, struct lc_error *err);
/* The same columns and values on one sheet of a workbook, 目录: numbers
 * as numbers, the header frozen with the number and name columns. */
int lc_promo_write_xlsx(struct lc_catalog *cat,
			const struct lc_promo_opts *o, FILE *fp,
			struct lc_error *err);

#endif
