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
#include <xlsxwriter.h>
#include "exporters/internal.h"

#define TECH_SHEET "技术"
#define DEMO_SHEET "示范项目"
#define HELP_SHEET "说明"
/* The rows given formats and checks under the header (technologies a
 * workbook holds; more may be typed, without the checks). */
#define DATA_ROWS 1000

/* The template's columns: every field but origin (written by mapping
 * profiles, refused from a submission) and, in a workbook, projects
 * (listed on their own sheet). */
static int in_template(int f, int xlsx)
{
	return f != LC_F_ORIGIN && !(xlsx && f == LC_F_PROJECTS);
}

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

struct tpl {
	lxw_workbook *wb;
	struct lc_words *zh, *en;
	const char *edition;          /* "2026", or "YYYY" */
	char example[32];             /* "2026-ST-001" */
	lxw_format *head, *head_req, *text, *num, *whole, *bold, *wrap;
	int bad;                      /* a libxlsxwriter call failed */
	lxw_error lxw;
};

static void chk(struct tpl *t, lxw_error e)
{
	if (e != LXW_NO_ERROR && !t->bad) {
		t->bad = 1;
		t->lxw = e;
	}
}

/* The sentence key in lang (zh or en), {edition} and {example} filled. */
static const char *say(struct tpl *t, int en, const char *key, char *buf,
		       size_t n)
{
	static const char *const names[2] = { "edition", "example" };
	const char *vals[2] = { t->edition, t->example };

	return lc_words_fill(en ? t->en : t->zh, key, names, vals, 2, buf, n);
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
	if (f == LC_F_SUMMARY || f == LC_F_SCOPE || f == LC_F_KEY_INDICATORS)
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

/* A dropdown of names (value_list) with the labels as its prompt. */
static void dropdown(struct tpl *t, lxw_worksheet *ws, lxw_col_t col,
		     char **names, const char *prompt, const char *title)
{
	lxw_data_validation dv;
	/* Excel's limits count characters: 32 and 255 (4 bytes each) */
	char err[160], ptitle[32 * 4 + 1], pmsg[255 * 4 + 1];

	memset(&dv, 0, sizeof dv);
	dv.validate = LXW_VALIDATION_TYPE_LIST;
	dv.value_list = names;
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
		dropdown(t, ws, col, names, prompt, "行业 Sector");
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
		dropdown(t, ws, col, names, prompt, "类别 Category");
		break;
	case LC_F_GAS:
		for (i = 0; i < LC_GAS__COUNT; i++)
			names[i] = (char *)lc_gas_name(i);
		names[i] = NULL;
		dropdown(t, ws, col, names, "CO2 (default)", "温室气体 Gas");
		break;
	case LC_F_TRL:
		for (i = 0; i < 9; i++) {
			digits[i][0] = (char)('1' + i);
			digits[i][1] = '\0';
			names[i] = digits[i];
		}
		names[i] = NULL;
		dropdown(t, ws, col, names, "1-9", "技术成熟度 TRL");
		break;
	case LC_F_TRL_SCALE:
		dropdown(t, ws, col, scale, "1-9, 1-11 (IEA)",
			 "成熟度等级标准 TRL scale");
		break;
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
		say(t, 0, "template.note.id", zh, sizeof zh);
		say(t, 1, "template.note.id", en, sizeof en);
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

static void tech_sheet(struct tpl *t)
{
	lxw_worksheet *ws = workbook_add_worksheet(t->wb, TECH_SHEET);
	lxw_col_t col = 0;
	lxw_row_t r;
	char head[512];

	for (int f = 0; f < LC_F__COUNT; f++) {
		lxw_format *fmt = NULL;

		if (!in_template(f, 1))
			continue;
		header_text(f, head, sizeof head);
		if (text_field(f))
			fmt = t->text;
		else if (lc_field_type(f) == LC_FT_NUM)
			fmt = t->num;
		else if (lc_field_type(f) == LC_FT_INT)
			fmt = t->whole;
		else if (f == LC_F_SUMMARY || f == LC_F_SCOPE ||
			 f == LC_F_KEY_INDICATORS)
			fmt = t->wrap;
		chk(t, worksheet_set_column(ws, col, col, width_of(f, head),
					    fmt));
		chk(t, worksheet_write_string(ws, 0, col, head,
			lc_field_required(f) ? t->head_req : t->head));
		/* the cells themselves too: a column's format is not every
		 * reader's, and a copied row brings its own */
		for (r = 1; fmt == t->text && r <= DATA_ROWS; r++)
			chk(t, worksheet_write_blank(ws, r, col, fmt));
		checks(t, ws, col, f);
		col++;
	}
	chk(t, worksheet_set_row(ws, 0, 64, NULL));
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

/* One row of the instructions' table: a column of sheet 技术 (f >= 0) or
 * of the projects sheet (demo >= 0). */
static void help_row(struct tpl *t, lxw_worksheet *ws, lxw_row_t r, int f,
		     int demo)
{
	char key[64], zh[400], en[400], notes[900], vals[600] = "";
	const char *name, *unit;
	size_t o = 0;
	int i;

	name = f >= 0 ? lc_field_name(f) : lc_demo_col_name(demo);
	unit = f >= 0 ? lc_field_unit(f) : lc_demo_col_unit(demo);
	if (f < 0)
		snprintf(key, sizeof key, "%s!%s", DEMO_SHEET, name);
	chk(t, worksheet_write_string(ws, r, 0, f < 0 ? key : name, NULL));
	chk(t, worksheet_write_string(ws, r, 1, f >= 0 ?
		lc_field_label(f, "zh") : lc_demo_col_label(demo, "zh"),
		NULL));
	chk(t, worksheet_write_string(ws, r, 2, f >= 0 ?
		lc_field_label(f, "en") : lc_demo_col_label(demo, "en"),
		NULL));
	chk(t, worksheet_write_string(ws, r, 3, unit, NULL));
	if (f >= 0 && lc_field_required(f)) {
		snprintf(zh, sizeof zh, "%s %s",
			 lc_words_get(t->zh, "template.yes"),
			 lc_words_get(t->en, "template.yes"));
		chk(t, worksheet_write_string(ws, r, 4, zh, NULL));
	}
	/* penetration_target reads as penetration_now does */
	snprintf(key, sizeof key, "template.note.%s",
		 f == LC_F_PENETRATION_TARGET ? "penetration_now" :
		 name ? name : "");
	if (f >= 0 && lc_words_get(t->zh, key)) {
		say(t, 0, key, zh, sizeof zh);
		say(t, 1, key, en, sizeof en);
		snprintf(notes, sizeof notes, "%s\n%s", zh, en);
		chk(t, worksheet_write_string(ws, r, 5, notes, t->wrap));
	}
	if (f == LC_F_SECTOR)
		for (i = 0; i < LC_SECTOR__COUNT && o < sizeof vals; i++)
			o += (size_t)snprintf(vals + o, sizeof vals - o,
				"%s%s %s %s", i ? "\n" : "", lc_sector_name(i),
				lc_sector_label(i, "zh"),
				lc_sector_label(i, "en"));
	else if (f == LC_F_CATEGORY)
		for (i = 0; i < LC_CAT__COUNT && o < sizeof vals; i++)
			o += (size_t)snprintf(vals + o, sizeof vals - o,
				"%s%s %s %s", i ? "\n" : "",
				lc_category_name(i), lc_category_label(i, "zh"),
				lc_category_label(i, "en"));
	else if (f == LC_F_GAS)
		for (i = 0; i < LC_GAS__COUNT && o < sizeof vals; i++)
			o += (size_t)snprintf(vals + o, sizeof vals - o,
				"%s%s", i ? ", " : "", lc_gas_name(i));
	else if (f == LC_F_TRL)
		snprintf(vals, sizeof vals, "1-9");
	if (vals[0])
		chk(t, worksheet_write_string(ws, r, 6, vals, t->wrap));
}

static void help_sheet(struct tpl *t)
{
	static const char *const para[] = {
		"template.intro", "template.edition", "template.quantity",
		"template.lists", "template.text", "template.projects",
		"template.submit"
	};
	static const char *const cols[] = {
		"template.col.column", "template.col.zh", "template.col.en",
		"template.col.unit", "template.col.required",
		"template.col.notes", "template.col.values"
	};
	static const double widths[] = { 22, 20, 28, 12, 10, 48, 40 };
	lxw_worksheet *ws = workbook_add_worksheet(t->wb, HELP_SHEET);
	char buf[1200];
	lxw_row_t r = 0;
	size_t i;

	for (i = 0; i < sizeof widths / sizeof *widths; i++)
		chk(t, worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i,
					    widths[i], NULL));
	chk(t, worksheet_write_string(ws, r++, 0, say(t, 0, "template.title",
				      buf, sizeof buf), t->bold));
	chk(t, worksheet_write_string(ws, r++, 0, say(t, 1, "template.title",
				      buf, sizeof buf), t->bold));
	r++;
	for (i = 0; i < sizeof para / sizeof *para; i++) {
		chk(t, worksheet_write_string(ws, r++, 0, say(t, 0, para[i],
					      buf, sizeof buf), NULL));
		chk(t, worksheet_write_string(ws, r++, 0, say(t, 1, para[i],
					      buf, sizeof buf), NULL));
	}
	r++;
	for (i = 0; i < sizeof cols / sizeof *cols; i++) {
		char zh[100], en[100];

		say(t, 0, cols[i], zh, sizeof zh);
		say(t, 1, cols[i], en, sizeof en);
		snprintf(buf, sizeof buf, "%s\n%s", zh, en);
		chk(t, worksheet_write_string(ws, r, (lxw_col_t)i, buf,
					      t->head));
	}
	r++;
	for (int f = 0; f < LC_F__COUNT; f++)
		if (in_template(f, 1))
			help_row(t, ws, r++, f, -1);
	for (int k = 0; k < LC_DC__COUNT; k++)
		help_row(t, ws, r++, -1, k);
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
	demo_sheet(t);
	help_sheet(t);
	if (t->bad)
		rc = lc_error_set(err, LC_EIO, NULL, 0, NULL, "cannot write "
				  "the workbook: %s", lxw_strerror(t->lxw));
	return exp_xlsx_finish(t->wb, path, out, rc, err);
}

int lc_template_write(FILE *out, int format, int edition,
		      struct lc_error *err)
{
	struct tpl t;
	char year[16];
	int rc, first = 1;

	if (format == LC_TEMPLATE_CSV) {
		/* Excel reads a CSV without a byte-order mark in the
		 * system's code page: garbled Chinese */
		fputs("\xEF\xBB\xBF", out);
		for (int f = 0; f < LC_F__COUNT; f++) {
			if (!in_template(f, 0))
				continue;
			fprintf(out, "%s%s", first ? "" : ",",
				lc_field_name(f));
			first = 0;
		}
		fputc('\n', out);
		return ferror(out) ? lc_error_set(err, LC_EIO, NULL, 0, NULL,
						  "write error") : 0;
	}
	memset(&t, 0, sizeof t);
	if (edition > 0)
		snprintf(year, sizeof year, "%d", edition);
	else
		snprintf(year, sizeof year, "YYYY");
	t.edition = year;
	snprintf(t.example, sizeof t.example, "%s-ST-001", year);
	rc = lc_words_load("zh", &t.zh, err);
	if (rc == 0)
		rc = lc_words_load("en", &t.en, err);
	if (rc == 0)
		rc = write_xlsx(&t, out, err);
	lc_words_free(t.zh);
	lc_words_free(t.en);
	return rc;
}
