/* template_int.h - exporters/ private: what the template's sheets share
 * (template_xlsx.c writes the technologies and projects sheets,
 * template_help.c the instructions). */
#ifndef LC_EXPORTERS_TEMPLATE_INT_H
#define LC_EXPORTERS_TEMPLATE_INT_H

#include <xlsxwriter.h>
#include "exporters/internal.h"

#define TECH_SHEET "技术"
#define DEMO_SHEET "示范项目"
#define HELP_SHEET "说明"
#define PRODUCT_SHEET "产品"

/* A template being written. cols: a foreign layout's columns (NULL: the
 * native CSV layout's). */
struct tpl {
	lxw_workbook *wb;
	struct lc_words *zh, *en;
	const char *edition;          /* "2026", or "YYYY" */
	char example[32];             /* "2026-ST-001" */
	lxw_format *head, *head_req, *text, *num, *whole, *bold, *wrap;
	int bad;                      /* a libxlsxwriter call failed */
	lxw_error lxw;
	const struct lc_template_col *cols;
	size_t ncols;
	const char *profile, *title;
	struct lc_products *products;  /* the closed list (data/products.xml) */
};

/* Records the first failure of a libxlsxwriter call. */
static inline void chk(struct tpl *t, lxw_error e)
{
	if (e != LXW_NO_ERROR && !t->bad) {
		t->bad = 1;
		t->lxw = e;
	}
}

/* The sentence key in lang (zh or en), {edition}, {example}, {profile}
 * and {title} filled; into buf, returned. */
const char *exp_tpl_say(struct tpl *t, int en, const char *key, char *buf,
			size_t n);
/* 1 when field f is a column of the native template (xlsx: a workbook's
 * sheet 技术). */
static inline int exp_tpl_in_template(int f, int xlsx)
{
	return f != LC_F_ORIGIN && !(xlsx && f == LC_F_PROJECTS);
}
/* The sheet 说明: the instructions and one row per column. */
void exp_tpl_help_sheet(struct tpl *t);

#endif
