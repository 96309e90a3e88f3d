/* template_xlsx.c - the submission template an association fills in: a
 * workbook whose sheet 技术 has the CSV layout's columns under headers in
 * Chinese and English (the column name on the last line, which the .xlsx
 * reader keys on), dropdowns for the closed fields, text format where a
 * spreadsheet would turn a code into a number, a projects sheet and an
 * instructions sheet; or, for CSV, the header alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "exporters/template_int.h"
/* The rows given formats and checks under the header (technologies a
 * workbook holds; more may be typed, without the checks). */
#define DATA_ROWS 1000
/* The most product codes a dropdown lists inline. */
#define PRODUCTS_INLINE 64

/* The template's columns: every field but origin (written by mapping
 * profiles, refused from a submission) and, in a workbook, projects
 * (listed on their own sheet). */
/* Fields an association should keep as text whatever they look like: a
 * spreadsheet turns long digit strings into numbers, "1-9" into a date
 * and "35%" into 0.35. */
static int text_field(int f)
{
	return f == LC_F_CREDIT_CODE || f == LC_F_PHONE ||
	       f == LC_F_TRL_SCALE || f == LC_F_PENETRATION_NOW ||
	       f == LC_F_PENETRATION_TARGET || f == LC_F_ID ||
	       f == LC_F_LINEAGE;
}

/* "技术名称 *\nName (Chinese)\nname_zh": the labels, then the name. */
static void header_text(int f, char *buf, size_t n)
{
	const char *u = lc_field_unit(f);
	const char *req = lc_field_required(f) ? " *" : "";

	if (u[0])
		snprintf(buf, n, "%s（%s）%s\n%s (%s)\n%s",
			 lc_field_label(f, "zh"), u, req,
			 lc_field_label(f, "en"), u, lc_field_name(f));
	else
		snprintf(buf, n, "%s%s\n%s\n%s", lc_field_label(f, "zh"), req,
			 lc_field_label(f, "en"), lc_field_name(f));
}

/* A column's width in characters: what its values need, at least its
 * longest header line up to 30. */
static double width_of(int f, const char *head)
{
	double w = 10, line = 0;
	const char *p;

	for (p = head; *p; ) {
		size_t k = strcspn(p, "\n");
		char buf[256];

		snprintf(buf, sizeof buf, "%.*s", (int)k, p);
		if ((double)lc_text_width(buf) > line)
			line = (double)lc_text_width(buf);
		p += k;
		if (*p)
			p++;
	}
	if (f == LC_F_SUMMARY || f == LC_F_SCOPE || f == LC_F_KEY_INDICATORS ||
	    f == LC_F_SUMMARY_EN || f == LC_F_SCOPE_EN ||
	    f == LC_F_KEY_INDICATORS_EN)
		w = 40;
	else if (f == LC_F_NAME_ZH || f == LC_F_NAME_EN ||
		 f == LC_F_SUBMITTER || f == LC_F_OWNERS || f == LC_F_EMAIL)
		w = 24;
	else if (f == LC_F_CREDIT_CODE || f == LC_F_SECTOR ||
		 f == LC_F_CATEGORY)
		w = 22;
	else if (f == LC_F_ID || f == LC_F_LINEAGE || f == LC_F_PHONE)
		w = 16;
	/* a longer label wraps in the header cell */
	line += 2;
	return line > w ? (line > 30 ? 30 : line) : w;
}

/* Cuts s after its first max characters (libxlsxwriter refuses a longer
 * prompt, as Excel would). */
static void cut_chars(char *s, size_t max)
{
	size_t chars = 0;

	for (char *p = s; *p; p++) {
		if (((unsigned char)*p & 0xC0) == 0x80)
			continue;
		if (chars++ == max) {
			*p = '\0';
			return;
		}
	}
}

/* A dropdown of names (value_list), or of the cells formula names (when
 * names is NULL), with the labels as its prompt. */
static void dropdown(struct tpl *t, lxw_worksheet *ws, lxw_col_t col,
		     char **names, char *formula, const char *prompt,
		     const char *title)
{
	lxw_data_validation dv;
	/* Excel's limits count characters: 32 and 255 (4 bytes each) */
	char err[160], ptitle[32 * 4 + 1], pmsg[255 * 4 + 1];

	memset(&dv, 0, sizeof dv);
	dv.validate = names ? LXW_VALIDATION_TYPE_LIST :
		      LXW_VALIDATION_TYPE_LIST_FORMULA;
	if (names)
		dv.value_list = names;
	else
		dv.value_formula = formula;
	snprintf(ptitle, sizeof ptitle, "%s", title);
	cut_chars(ptitle, 32);
	snprintf(pmsg, sizeof pmsg, "%s", prompt);
	cut_chars(pmsg, 255);
	dv.input_title = ptitle;
	dv.input_message = pmsg;
	snprintf(err, sizeof err, "%s %s", lc_words_get(t->zh,
		 "template.dv.list"), lc_words_get(t->en, "template.dv.list"));
	dv.error_message = err;
	chk(t, worksheet_data_validation_range(ws, 1, col, DATA_ROWS, col,
					       &dv));
}

/* A whole number between lo and hi (hi < lo: lo or more). */
static void whole(struct tpl *t, lxw_worksheet *ws, lxw_col_t col,
		  double lo, double hi, const char *key)
{
	lxw_data_validation dv;
	char err[200];

	memset(&dv, 0, sizeof dv);
	dv.validate = LXW_VALIDATION_TYPE_INTEGER;
	if (hi < lo) {
		dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
		dv.value_number = lo;
	} else {
		dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		dv.minimum_number = lo;
		dv.maximum_number = hi;
	}
	snprintf(err, sizeof err, "%s %s", lc_words_get(t->zh, key),
		 lc_words_get(t->en, key));
	dv.error_message = err;
	chk(t, worksheet_data_validation_range(ws, 1, col, DATA_ROWS, col,
					       &dv));
}

/* The checks of column col holding field f. */
static void checks(struct tpl *t, lxw_worksheet *ws, lxw_col_t col, int f)
{
	char digits[9][2], s9[] = "1-9", s11[] = "1-11";
	char *scale[] = { s9, s11, NULL };
	char *names[LC_CAT__COUNT + LC_GAS__COUNT + 1];
	char prompt[1024] = "";
	size_t o = 0;
	int i;

	switch (f) {
	case LC_F_SECTOR:
		for (i = 0; i < LC_SECTOR__COUNT; i++) {
			names[i] = (char *)lc_sector_name(i);
			o += (size_t)snprintf(prompt + o, sizeof prompt - o,
				"%s %s%s", names[i], lc_sector_label(i, "zh"),
				i + 1 < LC_SECTOR__COUNT ? "\n" : "");
		}
		names[i] = NULL;
		dropdown(t, ws, col, names, NULL, prompt, "行业 Sector");
		break;
	case LC_F_CATEGORY:
		for (i = 0; i < LC_CAT__COUNT; i++) {
			names[i] = (char *)lc_category_name(i);
			if (o < sizeof prompt)
				o += (size_t)snprintf(prompt + o,
					sizeof prompt - o, "%s %s%s",
					names[i], lc_category_label(i, "zh"),
					i + 1 < LC_CAT__COUNT ? "\n" : "");
		}
		names[i] = NULL;
		dropdown(t, ws, col, names, NULL, prompt, "类别 Category");
		break;
	case LC_F_GAS:
		for (i = 0; i < LC_GAS__COUNT; i++)
			names[i] = (char *)lc_gas_name(i);
		names[i] = NULL;
		dropdown(t, ws, col, names, NULL, "CO2 (default)",
			 "温室气体 Gas");
		break;
	case LC_F_TRL:
		for (i = 0; i < 9; i++) {
			digits[i][0] = (char)('1' + i);
			digits[i][1] = '\0';
			names[i] = digits[i];
		}
		names[i] = NULL;
		dropdown(t, ws, col, names, NULL, "1-9", "技术成熟度 TRL");
		break;
	case LC_F_TRL_SCALE:
		dropdown(t, ws, col, scale, NULL, "1-9, 1-11 (IEA)",
			 "成熟度等级标准 TRL scale");
		break;
	case LC_F_PRODUCT: {
		/* the codes inline when they fit a dropdown's 255
		 * characters (libxlsxwriter 1.1.4 leaks a range's
		 * formula), else the cells of the products sheet */
		char formula[64], *codes[PRODUCTS_INLINE + 1];
		size_t n = lc_products_count(t->products), len = 0;

		if (n == 0)
			break;
		for (size_t k = 0; k < n && k < PRODUCTS_INLINE; k++) {
			codes[k] = (char *)lc_products_get(t->products,
							   k)->code;
			len += strlen(codes[k]) + (k > 0);
		}
		snprintf(formula, sizeof formula, "='%s'!$A$2:$A$%zu",
			 PRODUCT_SHEET, n + 1);
		codes[n < PRODUCTS_INLINE ? n : PRODUCTS_INLINE] = NULL;
		if (n <= PRODUCTS_INLINE && len <= 255)
			dropdown(t, ws, col, codes, NULL, "lowcarb products",
				 "产品 Product");
		else
			dropdown(t, ws, col, NULL, formula,
				 "lowcarb products", "产品 Product");
		break;
	}
	case LC_F_EDITION:
		whole(t, ws, col, 2000, 2099, "template.dv.year");
		break;
	case LC_F_PENETRATION_TARGET_YEAR:
		whole(t, ws, col, 2000, 2100, "template.dv.year");
		break;
	case LC_F_DEMONSTRATIONS:
	case LC_F_PATENTS:
		whole(t, ws, col, 0, -1, "template.dv.count");
		break;
	case LC_F_CREDIT_CODE: {
		lxw_data_validation dv;
		char err[200];

		memset(&dv, 0, sizeof dv);
		dv.validate = LXW_VALIDATION_TYPE_LENGTH;
		dv.criteria = LXW_VALIDATION_CRITERIA_EQUAL_TO;
		dv.value_number = 18;
		snprintf(err, sizeof err, "%s %s",
			 lc_words_get(t->zh, "template.dv.credit"),
			 lc_words_get(t->en, "template.dv.credit"));
		dv.error_message = err;
		chk(t, worksheet_data_validation_range(ws, 1, col, DATA_ROWS,
						       col, &dv));
		break;
	}
	case LC_F_ID: {
		/* the id's form as the cell's prompt, with the edition's
		 * year: no check, the reader's rule says what is wrong */
		lxw_data_validation dv;
		char title[] = "编号 ID", zh[200], en[200], msg[420];

		memset(&dv, 0, sizeof dv);
		dv.validate = LXW_VALIDATION_TYPE_ANY;
		exp_tpl_say(t, 0, "template.note.id", zh, sizeof zh);
		exp_tpl_say(t, 1, "template.note.id", en, sizeof en);
		snprintf(msg, sizeof msg, "%s\n%s", zh, en);
		cut_chars(msg, 255);
		dv.input_title = title;
		dv.input_message = msg;
		chk(t, worksheet_data_validation_range(ws, 1, col, DATA_ROWS,
						       col, &dv));
		break;
	}
	default:
		break;
	}
}

/* Column col of sheet 技术: header head, field f (-1: none), formatted
 * as text when text. */
static void tech_column(struct tpl *t, lxw_worksheet *ws, lxw_col_t col,
			const char *head, int f, int text, int required,
			int dropdown)
{
	lxw_format *fmt = NULL;

	if (text)
		fmt = t->text;
	else if (f >= 0 && lc_field_type(f) == LC_FT_NUM)
		fmt = t->num;
	else if (f >= 0 && lc_field_type(f) == LC_FT_INT)
		fmt = t->whole;
	else if (f == LC_F_SUMMARY || f == LC_F_SCOPE ||
		 f == LC_F_KEY_INDICATORS || f == LC_F_PROJECTS ||
		 f == LC_F_SUMMARY_EN || f == LC_F_SCOPE_EN ||
		 f == LC_F_KEY_INDICATORS_EN)
		fmt = t->wrap;
	chk(t, worksheet_set_column(ws, col, col, width_of(f, head), fmt));
	chk(t, worksheet_write_string(ws, 0, col, head,
				      required ? t->head_req : t->head));
	/* the cells themselves too: a column's format is not every
	 * reader's, and a copied row brings its own */
	for (lxw_row_t r = 1; fmt == t->text && r <= DATA_ROWS; r++)
		chk(t, worksheet_write_blank(ws, r, col, fmt));
	if (f >= 0 && dropdown)
		checks(t, ws, col, f);
}

static void tech_sheet(struct tpl *t)
{
	lxw_worksheet *ws = workbook_add_worksheet(t->wb, TECH_SHEET);
	lxw_col_t col = 0;
	char head[512];

	for (size_t k = 0; t->cols && k < t->ncols; k++) {
		const struct lc_template_col *c = &t->cols[k];
		/* a layout's own TRL scale, an id the profile makes: no
		 * dropdown of the native layout's */
		int dd = c->field != LC_F_ID && !(c->field == LC_F_TRL &&
						   c->trl11);

		tech_column(t, ws, col++, c->name, c->field, c->text ||
			    c->field < 0 || c->field == LC_F_ID,
			    c->required, dd);
	}
	for (int f = 0; !t->cols && f < LC_F__COUNT; f++) {
		if (!exp_tpl_in_template(f, 1))
			continue;
		header_text(f, head, sizeof head);
		tech_column(t, ws, col++, head, f, text_field(f),
			    lc_field_required(f), 1);
	}
	chk(t, worksheet_set_row(ws, 0, t->cols ? 36 : 64, NULL));
	worksheet_freeze_panes(ws, 1, 1);
}

static void demo_sheet(struct tpl *t)
{
	lxw_worksheet *ws = workbook_add_worksheet(t->wb, DEMO_SHEET);
	char head[256];

	for (int k = 0; k < LC_DC__COUNT; k++) {
		const char *u = lc_demo_col_unit(k);
		lxw_format *fmt = k == LC_DC_ID ? t->text :
				  k == LC_DC_YEAR ? t->whole : NULL;

		if (u[0])
			snprintf(head, sizeof head, "%s（%s）\n%s (%s)\n%s",
				 lc_demo_col_label(k, "zh"), u,
				 lc_demo_col_label(k, "en"), u,
				 lc_demo_col_name(k));
		else
			snprintf(head, sizeof head, "%s\n%s\n%s",
				 lc_demo_col_label(k, "zh"),
				 lc_demo_col_label(k, "en"),
				 lc_demo_col_name(k));
		chk(t, worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k,
					    k == LC_DC_ENTERPRISE ? 30 : 18,
					    fmt));
		chk(t, worksheet_write_string(ws, 0, (lxw_col_t)k, head,
					      t->head));
	}
	whole(t, ws, LC_DC_YEAR, 1980, 2100, "template.dv.year");
	chk(t, worksheet_set_row(ws, 0, 48, NULL));
	worksheet_freeze_panes(ws, 1, 0);
}

/* 1 when the template has a product column. */
static int has_product(const struct tpl *t)
{
	for (size_t k = 0; t->cols && k < t->ncols; k++)
		if (t->cols[k].field == LC_F_PRODUCT)
			return 1;
	return !t->cols;
}

/* The closed list of products the product column's dropdown offers:
 * code, Chinese and English names. */
static void product_sheet(struct tpl *t)
{
	lxw_worksheet *ws = workbook_add_worksheet(t->wb, PRODUCT_SHEET);
	static const char *const head[] = { "产品代码\nproduct",
		"中文名称\nname_zh", "英文名称\nname_en" };

	for (lxw_col_t k = 0; k < 3; k++) {
		chk(t, worksheet_write_string(ws, 0, k, head[k], t->head));
		chk(t, worksheet_set_column(ws, k, k, k ? 28 : 24, NULL));
	}
	for (size_t i = 0; i < lc_products_count(t->products); i++) {
		const struct lc_product *p = lc_products_get(t->products, i);
		lxw_row_t r = (lxw_row_t)(i + 1);

		chk(t, worksheet_write_string(ws, r, 0, p->code, NULL));
		chk(t, worksheet_write_string(ws, r, 1, p->name_zh, NULL));
		chk(t, worksheet_write_string(ws, r, 2, p->name_en, NULL));
	}
	worksheet_freeze_panes(ws, 1, 0);
}

static lxw_format *head_format(struct tpl *t, unsigned color)
{
	lxw_format *f = workbook_add_format(t->wb);

	format_set_bold(f);
	format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	format_set_bg_color(f, color);
	format_set_border(f, LXW_BORDER_THIN);
	return f;
}

static int write_xlsx(struct tpl *t, FILE *out, struct lc_error *err)
{
	char path[4096];
	int rc = 0;

	/* made in a private temporary, then copied to out (xlsx_out.c) */
	t->wb = exp_xlsx_new(path, sizeof path, err);
	if (!t->wb)
		return err ? err->status : LC_EIO;
	t->head = head_format(t, 0xDDEBF7);
	t->head_req = head_format(t, 0xFCE4D6);
	t->text = workbook_add_format(t->wb);
	format_set_num_format(t->text, "@");
	t->num = workbook_add_format(t->wb);
	format_set_num_format(t->num, "#,##0.00");
	t->whole = workbook_add_format(t->wb);
	format_set_num_format(t->whole, "0");
	t->bold = workbook_add_format(t->wb);
	format_set_bold(t->bold);
	t->wrap = workbook_add_format(t->wb);
	format_set_text_wrap(t->wrap);
	format_set_align(t->wrap, LXW_ALIGN_VERTICAL_TOP);
	tech_sheet(t);
	if (!t->cols)
		demo_sheet(t);
	exp_tpl_help_sheet(t);
	if (has_product(t))
		product_sheet(t);
	if (t->bad)
		rc = lc_error_set(err, LC_EIO, NULL, 0, NULL, "cannot write "
				  "the workbook: %s", lxw_strerror(t->lxw));
	return exp_xlsx_finish(t->wb, path, out, rc, err);
}

/* The CSV template: the header alone, after a UTF-8 byte-order mark
 * (Excel reads a CSV without one in the system's code page: garbled
 * Chinese). */
static int write_csv(FILE *out, const struct lc_template_col *cols,
		     size_t n, struct lc_error *err)
{
	int first = 1;

	fputs("\xEF\xBB\xBF", out);
	for (size_t k = 0; cols && k < n; k++) {
		if (k)
			putc(',', out);
		lc_csv_field(out, cols[k].name, 0);
	}
	for (int f = 0; !cols && f < LC_F__COUNT; f++) {
		if (!exp_tpl_in_template(f, 0))
			continue;
		fprintf(out, "%s%s", first ? "" : ",", lc_field_name(f));
		first = 0;
	}
	fputc('\n', out);
	return ferror(out) ? lc_error_set(err, LC_EIO, NULL, 0, NULL,
					  "write error") : 0;
}

static int write_any(FILE *out, int format, int edition, struct tpl *t,
		     struct lc_error *err)
{
	char year[16];
	int rc;

	if (format == LC_TEMPLATE_CSV)
		return write_csv(out, t->cols, t->ncols, err);
	if (edition > 0)
		snprintf(year, sizeof year, "%d", edition);
	else
		snprintf(year, sizeof year, "YYYY");
	t->edition = year;
	snprintf(t->example, sizeof t->example, "%s-ST-001", year);
	rc = lc_words_load("zh", &t->zh, err);
	if (rc == 0)
		rc = lc_words_load("en", &t->en, err);
	if (rc == 0)
		rc = lc_products_load(NULL, &t->products, err);
	if (rc == 0)
		rc = write_xlsx(t, out, err);
	lc_words_free(t->zh);
	lc_words_free(t->en);
	lc_products_free(t->products);
	return rc;
}

int lc_template_write(FILE *out, int format, int edition,
		      struct lc_error *err)
{
	struct tpl t;

	memset(&t, 0, sizeof t);
	return write_any(out, format, edition, &t, err);
}

int lc_template_write_layout(FILE *out, int format, int edition,
			     const char *profile, const char *title,
			     const struct lc_template_col *cols, size_t n,
			     struct lc_error *err)
{
	struct tpl t;

	memset(&t, 0, sizeof t);
	t.cols = cols;
	t.ncols = n;
	t.profile = profile;
	t.title = title;
	return write_any(out, format, edition, &t, err);
}
