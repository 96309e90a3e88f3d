/* template_help.c - the template's sheet 说明: the instructions in Chinese
 * and English (sentences from data/text, keys template.*), then one row
 * per column of the technologies sheet (and of the projects sheet): its
 * names, unit, whether it is required, notes and values. For a foreign
 * layout (template --profile), its columns as the profile reads them. */
#include <stdio.h>
#include <string.h>
#include "exporters/template_int.h"

const char *exp_tpl_say(struct tpl *t, int en, const char *key, char *buf,
			size_t n)
{
	static const char *const names[4] = { "edition", "example", "profile",
		"title" };
	const char *vals[4] = { t->edition, t->example,
		t->profile ? t->profile : "", t->title ? t->title : "" };

	return lc_words_fill(en ? t->en : t->zh, key, names, vals, 4, buf, n);
}

/* The values a closed field takes, one a line, into vals. */
static void values(int f, char *vals, size_t n)
{
	size_t o = 0;
	int i;

	vals[0] = '\0';
	if (f == LC_F_SECTOR)
		for (i = 0; i < LC_SECTOR__COUNT && o < n; i++)
			o += (size_t)snprintf(vals + o, n - o, "%s%s %s %s",
				i ? "\n" : "", lc_sector_name(i),
				lc_sector_label(i, "zh"),
				lc_sector_label(i, "en"));
	else if (f == LC_F_CATEGORY)
		for (i = 0; i < LC_CAT__COUNT && o < n; i++)
			o += (size_t)snprintf(vals + o, n - o, "%s%s %s %s",
				i ? "\n" : "", lc_category_name(i),
				lc_category_label(i, "zh"),
				lc_category_label(i, "en"));
	else if (f == LC_F_GAS)
		for (i = 0; i < LC_GAS__COUNT && o < n; i++)
			o += (size_t)snprintf(vals + o, n - o, "%s%s",
					      i ? ", " : "", lc_gas_name(i));
	else if (f == LC_F_TRL)
		snprintf(vals, n, "1-9");
}

/* One row of the instructions' table: a column of sheet 技术 (f >= 0) or
 * of the projects sheet (demo >= 0). */
static void help_row(struct tpl *t, lxw_worksheet *ws, lxw_row_t r, int f,
		     int demo)
{
	char key[64], zh[400], en[400], notes[900], vals[600] = "";
	const char *name, *unit;

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
		exp_tpl_say(t, 0, key, zh, sizeof zh);
		exp_tpl_say(t, 1, key, en, sizeof en);
		snprintf(notes, sizeof notes, "%s\n%s", zh, en);
		chk(t, worksheet_write_string(ws, r, 5, notes, t->wrap));
	}
	values(f, vals, sizeof vals);
	if (vals[0])
		chk(t, worksheet_write_string(ws, r, 6, vals, t->wrap));
}

/* A foreign layout's instructions: what the profile makes of each
 * column. */
static void layout_help(struct tpl *t, lxw_worksheet *ws)
{
	static const char *const para[] = {
		"template.profile.intro", "template.profile.rules",
		"template.lists", "template.profile.submit"
	};
	static const char *const cols[] = {
		"template.col.column", "template.col.field", "template.col.zh",
		"template.col.en", "template.col.unit",
		"template.col.required", "template.col.values"
	};
	static const double widths[] = { 26, 20, 20, 28, 12, 10, 40 };
	char buf[1200], zh[300], en[300];
	lxw_row_t r = 0;
	size_t i;

	for (i = 0; i < sizeof widths / sizeof *widths; i++)
		chk(t, worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i,
					    widths[i], NULL));
	for (i = 0; i < 2; i++)
		chk(t, worksheet_write_string(ws, r++, 0, exp_tpl_say(t,
			(int)i, "template.profile.title", buf, sizeof buf),
			t->bold));
	r++;
	for (i = 0; i < sizeof para / sizeof *para; i++) {
		chk(t, worksheet_write_string(ws, r++, 0, exp_tpl_say(t, 0,
					      para[i], buf, sizeof buf), NULL));
		chk(t, worksheet_write_string(ws, r++, 0, exp_tpl_say(t, 1,
					      para[i], buf, sizeof buf), NULL));
	}
	r++;
	for (i = 0; i < sizeof cols / sizeof *cols; i++) {
		exp_tpl_say(t, 0, cols[i], zh, sizeof zh);
		exp_tpl_say(t, 1, cols[i], en, sizeof en);
		snprintf(buf, sizeof buf, "%s\n%s", zh, en);
		chk(t, worksheet_write_string(ws, r, (lxw_col_t)i, buf,
					      t->head));
	}
	r++;
	for (size_t k = 0; k < t->ncols; k++, r++) {
		const struct lc_template_col *c = &t->cols[k];
		int f = c->field;

		chk(t, worksheet_write_string(ws, r, 0, c->name, NULL));
		if (f < 0) {
			exp_tpl_say(t, 0, "template.profile.rule", zh,
				    sizeof zh);
			exp_tpl_say(t, 1, "template.profile.rule", en,
				    sizeof en);
			chk(t, worksheet_write_string(ws, r, 2, zh, NULL));
			chk(t, worksheet_write_string(ws, r, 3, en, NULL));
		} else {
			chk(t, worksheet_write_string(ws, r, 1,
					lc_field_name(f), NULL));
			chk(t, worksheet_write_string(ws, r, 2,
					lc_field_label(f, "zh"), NULL));
			chk(t, worksheet_write_string(ws, r, 3,
					lc_field_label(f, "en"), NULL));
		}
		if (c->unit)
			chk(t, worksheet_write_string(ws, r, 4, c->unit,
						      NULL));
		if (c->required) {
			snprintf(buf, sizeof buf, "%s %s",
				 lc_words_get(t->zh, "template.yes"),
				 lc_words_get(t->en, "template.yes"));
			chk(t, worksheet_write_string(ws, r, 5, buf, NULL));
		}
		values(f == LC_F_TRL && c->trl11 ? -1 : f, buf, sizeof buf);
		if (buf[0])
			chk(t, worksheet_write_string(ws, r, 6, buf, t->wrap));
	}
}

void exp_tpl_help_sheet(struct tpl *t)
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

	if (t->cols) {
		layout_help(t, ws);
		return;
	}

	for (i = 0; i < sizeof widths / sizeof *widths; i++)
		chk(t, worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i,
					    widths[i], NULL));
	chk(t, worksheet_write_string(ws, r++, 0, exp_tpl_say(t, 0, "template.title",
				      buf, sizeof buf), t->bold));
	chk(t, worksheet_write_string(ws, r++, 0, exp_tpl_say(t, 1, "template.title",
				      buf, sizeof buf), t->bold));
	r++;
	for (i = 0; i < sizeof para / sizeof *para; i++) {
		chk(t, worksheet_write_string(ws, r++, 0, exp_tpl_say(t, 0, para[i],
					      buf, sizeof buf), NULL));
		chk(t, worksheet_write_string(ws, r++, 0, exp_tpl_say(t, 1, para[i],
					      buf, sizeof buf), NULL));
	}
	r++;
	for (i = 0; i < sizeof cols / sizeof *cols; i++) {
		char zh[100], en[100];

		exp_tpl_say(t, 0, cols[i], zh, sizeof zh);
		exp_tpl_say(t, 1, cols[i], en, sizeof en);
		snprintf(buf, sizeof buf, "%s\n%s", zh, en);
		chk(t, worksheet_write_string(ws, r, (lxw_col_t)i, buf,
					      t->head));
	}
	r++;
	for (int f = 0; f < LC_F__COUNT; f++)
		if (exp_tpl_in_template(f, 1))
			help_row(t, ws, r++, f, -1);
	for (int k = 0; k < LC_DC__COUNT; k++)
		help_row(t, ws, r++, -1, k);
}

