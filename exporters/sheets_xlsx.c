/* sheets_xlsx.c - an expert's score sheet as an .xlsx workbook: the rows
 * of the CSV sheet (sheet_rows.c) with the score columns checked as the
 * expert types (the criterion's scale), the criterion's labels on its
 * header, everything but the scores and the comment locked, and a second
 * sheet with the declaration of no conflict of interest. */
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>
#include "exporters/internal.h"

/* The sheets' names; `scores import` looks for the first. */
#define SCORE_SHEET "评分"
#define DECL_SHEET "声明"
/* Column widths (characters) a column of text stays within. */
#define MIN_WIDTH 6
#define MAX_WIDTH 50

struct fmts {
	lxw_format *head, *text, *score, *comment, *title;
};

static void make_formats(lxw_workbook *wb, struct fmts *f)
{
	f->head = workbook_add_format(wb);
	format_set_bold(f->head);
	format_set_text_wrap(f->head);
	format_set_bg_color(f->head, 0xD9D9D9);
	format_set_bottom(f->head, LXW_BORDER_THIN);
	f->text = workbook_add_format(wb);
	format_set_text_wrap(f->text);
	format_set_align(f->text, LXW_ALIGN_VERTICAL_TOP);
	f->score = workbook_add_format(wb);
	format_set_unlocked(f->score);
	format_set_bg_color(f->score, 0xFFF2CC);
	format_set_align(f->score, LXW_ALIGN_VERTICAL_TOP);
	f->comment = workbook_add_format(wb);
	format_set_unlocked(f->comment);
	format_set_bg_color(f->comment, 0xFFF2CC);
	format_set_text_wrap(f->comment);
	format_set_align(f->comment, LXW_ALIGN_VERTICAL_TOP);
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
}

/* Index of criterion id in the profile p, or -1. */
static long prof_index(const struct lc_profile *p, const char *id)
{
	for (size_t i = 0; p && i < lc_profile_count(p); i++)
		if (strcmp(lc_profile_id(p, i), id) == 0)
			return (long)i;
	return -1;
}

/* The header comment and the validation of score column k. */
static lxw_error score_column(lxw_worksheet *ws, const struct exp_sheet *s,
			      const struct lc_criteria *c,
			      const struct lc_profile *p, size_t k)
{
	/* libxlsxwriter's option fields are not const */
	static char author[] = "lowcarb", etitle[] = "评分超出范围 Score "
		"out of scale", ititle[] = "评分 Score";
	lxw_data_validation dv;
	lxw_comment_options co;
	int j = s->crit[k];
	long pi = prof_index(p, c->id[j]);
	char lo[40], hi[40], note[600], msg[256];
	lxw_error e;

	lc_num_format(c->lo[j], lo, sizeof lo);
	lc_num_format(c->hi[j], hi, sizeof hi);
	if (pi >= 0)
		snprintf(note, sizeof note, "%s\n%s\n评分 score %s-%s",
			 lc_profile_label(p, (size_t)pi, "zh"),
			 lc_profile_label(p, (size_t)pi, "en"), lo, hi);
	else
		snprintf(note, sizeof note, "%s\n评分 score %s-%s", c->id[j],
			 lo, hi);
	memset(&co, 0, sizeof co);
	co.author = author;
	co.width = 300;
	co.height = 90;
	e = worksheet_write_comment_opt(ws, 0, (lxw_col_t)k, note, &co);
	if (e != LXW_NO_ERROR || s->nrows == 0)
		return e;
	memset(&dv, 0, sizeof dv);
	dv.validate = LXW_VALIDATION_TYPE_DECIMAL;
	dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	dv.minimum_number = c->lo[j];
	dv.maximum_number = c->hi[j];
	dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	dv.error_title = etitle;
	snprintf(msg, sizeof msg, "%s: %s-%s", c->id[j], lo, hi);
	dv.error_message = msg;
	dv.input_title = ititle;
	dv.input_message = msg;
	return worksheet_data_validation_range(ws, 1, (lxw_col_t)k,
					       (lxw_row_t)s->nrows,
					       (lxw_col_t)k, &dv);
}

/* The scores sheet: header, rows, widths, frozen header, protection. */
static lxw_error score_sheet(lxw_worksheet *ws, const struct exp_sheet *s,
			     const struct lc_criteria *c,
			     const struct lc_profile *p,
			     const struct fmts *f)
{
	lxw_protection prot;
	lxw_error e = LXW_NO_ERROR;

	for (size_t k = 0; e == LXW_NO_ERROR && k < s->ncols; k++) {
		size_t w = lc_text_width(s->name[k]);
		char head[160];

		/* the unit above the column's name (the last line is what
		 * `scores import` reads) */
		if (s->unit[k] && *s->unit[k])
			snprintf(head, sizeof head, "(%s)\n%s", s->unit[k],
				 s->name[k]);
		else
			snprintf(head, sizeof head, "%s", s->name[k]);
		e = worksheet_write_string(ws, 0, (lxw_col_t)k, head,
					   f->head);
		for (size_t r = 0; e == LXW_NO_ERROR && r < s->nrows; r++) {
			const char *v = exp_sheet_cell(s, r, k);
			lxw_format *cf = s->kind[k] == EXP_SC_SCORE ? f->score :
				s->kind[k] == EXP_SC_COMMENT ? f->comment :
				f->text;
			double num;
			size_t cw = lc_text_width(v);

			if (cw > w)
				w = cw;
			if (!*v)
				e = worksheet_write_blank(ws, (lxw_row_t)(r + 1),
							  (lxw_col_t)k, cf);
			else if ((s->kind[k] == EXP_SC_SCORE || s->num[k]) &&
				 lc_num_parse(v, &num) == 0)
				e = worksheet_write_number(ws,
					(lxw_row_t)(r + 1), (lxw_col_t)k, num,
					cf);
			else
				e = worksheet_write_string(ws,
					(lxw_row_t)(r + 1), (lxw_col_t)k, v,
					cf);
		}
		if (s->kind[k] == EXP_SC_COMMENT && w < 30)
			w = 30;
		w += 2;
		if (w < MIN_WIDTH)
			w = MIN_WIDTH;
		if (w > MAX_WIDTH)
			w = MAX_WIDTH;
		if (e == LXW_NO_ERROR)
			e = worksheet_set_column(ws, (lxw_col_t)k,
						 (lxw_col_t)k, (double)w,
						 NULL);
		if (e == LXW_NO_ERROR && s->kind[k] == EXP_SC_SCORE)
			e = score_column(ws, s, c, p, k);
	}
	/* the header and the expert and id columns stay in view */
	worksheet_freeze_panes(ws, 1, 2);
	memset(&prot, 0, sizeof prot);
	prot.format_columns = 1;
	prot.format_rows = 1;
	worksheet_protect(ws, NULL, &prot);
	return e;
}

static lxw_error declaration(lxw_worksheet *ws, const char *expert,
			     const struct fmts *f)
{
	char line[512];
	lxw_protection prot;
	lxw_error e;

	e = worksheet_write_string(ws, 0, 0, "无利益冲突声明 Declaration of "
				   "no conflict of interest", f->title);
	snprintf(line, sizeof line, "本人（专家 %s）声明：与本表“%s”页所列技术的"
		 "申报单位、技术持有人无利益冲突。", expert, SCORE_SHEET);
	if (e == LXW_NO_ERROR)
		e = worksheet_write_string(ws, 2, 0, line, NULL);
	snprintf(line, sizeof line, "I, expert %s, declare that I have no "
		 "conflict of interest with the submitters or owners of the "
		 "technologies listed on the sheet \"%s\".", expert,
		 SCORE_SHEET);
	if (e == LXW_NO_ERROR)
		e = worksheet_write_string(ws, 3, 0, line, NULL);
	if (e == LXW_NO_ERROR)
		e = worksheet_write_string(ws, 5, 0, "签名 Signature", NULL);
	if (e == LXW_NO_ERROR)
		e = worksheet_write_blank(ws, 5, 1, f->comment);
	if (e == LXW_NO_ERROR)
		e = worksheet_write_string(ws, 6, 0, "日期 Date", NULL);
	if (e == LXW_NO_ERROR)
		e = worksheet_write_blank(ws, 6, 1, f->comment);
	if (e == LXW_NO_ERROR)
		e = worksheet_set_column(ws, 0, 0, 16, NULL);
	if (e == LXW_NO_ERROR)
		e = worksheet_set_column(ws, 1, 1, 40, NULL);
	memset(&prot, 0, sizeof prot);
	worksheet_protect(ws, NULL, &prot);
	return e;
}

int lc_sheet_export_xlsx(struct lc_catalog *cat,
			 const struct lc_profile *p,
			 const struct lc_criteria *c, const char *expert,
			 const struct lc_sheet_opts *o, FILE *out,
			 struct lc_error *err)
{
	struct exp_sheet s;
	struct fmts f;
	lxw_workbook *wb;
	lxw_worksheet *ws, *wd;
	lxw_error e;
	char tmp[4200];
	int rc = exp_sheet_build(cat, c, expert, o, &s, err);

	if (rc < 0) {
		exp_sheet_release(&s);
		return rc;
	}
	wb = exp_xlsx_new(tmp, sizeof tmp, err);
	if (!wb) {
		exp_sheet_release(&s);
		return err ? err->status : LC_EIO;
	}
	make_formats(wb, &f);
	ws = workbook_add_worksheet(wb, SCORE_SHEET);
	wd = workbook_add_worksheet(wb, DECL_SHEET);
	if (!ws || !wd)
		e = LXW_ERROR_MEMORY_MALLOC_FAILED;
	else
		e = score_sheet(ws, &s, c, p, &f);
	if (e == LXW_NO_ERROR)
		e = declaration(wd, expert, &f);
	if (e != LXW_NO_ERROR)
		rc = lc_error_set(err, LC_EIO, NULL, 0, NULL, "cannot write "
				  "the workbook: %s", lxw_strerror(e));
	rc = exp_xlsx_finish(wb, tmp, out, rc, err);
	exp_sheet_release(&s);
	return rc;
}
