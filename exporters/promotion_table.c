/* promotion_table.c - the promotion catalog as a table, CSV or .xlsx,
 * in the layout the
 * mapping profile ndrc-catalog reads, so that the catalog a ministry
 * would print re-imports into lowcarb as the same technologies: the
 * national columns, the industry and the unit cost, then what the
 * national layout has no column for (the gas, the reference
 * installation's figures), every number the dossier holds written
 * exactly. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include "exporters/promotion.h"
#include "exporters/internal.h"

/* The header; each column is one the profile reads or ignores by name
 * (data/profiles/ndrc-catalog.xml). */
static const char *const head[] = {
	"序号", "技术名称", "所属行业/领域", "适用范围", "主要技术内容",
	"关键技术指标", "典型项目", "目前推广比例", "预计未来5年推广比例",
	"预计投资总额（亿元）", "减排能力（万tCO2/a）", "节能能力（万tce/a）",
	"单位减排成本（元/tCO2）", "温室气体", "参考装置减排量（tCO2/a）",
	"参考装置投资（万元）", "参考装置节能量（tce/a）"
};
#define NCOL (sizeof head / sizeof head[0])

/* Field f of t divided by 10^p10, exactly, with suffix when not empty;
 * "" when absent. */
static const char *num(const struct lc_tech *t, int f, int p10,
		       const char *suffix, char *buf, size_t n)
{
	double v;
	char d[64];

	buf[0] = '\0';
	if (lc_tech_num(t, f, &v))
		snprintf(buf, n, "%s%s", promo_exact(v, p10, d, sizeof d),
			 suffix);
	return buf;
}

/* The cells of entry i (t) in head's order; strings in c and *pr
 * (owned: free it) belong to the caller. */
static void row(const struct lc_tech *t, size_t i, const char **cell,
		char no[24], char c[9][64], char **pr)
{
	const char *name = lc_tech_get(t, LC_F_NAME_ZH);

	*pr = lc_projects_text(t);
	snprintf(no, 24, "%zu", i + 1);
	cell[0] = no;
	cell[1] = name && *name ? name : lc_tech_name(t, "zh");
	cell[2] = lc_sector_label(lc_tech_sector(t), "zh");
	cell[3] = lc_tech_get(t, LC_F_SCOPE);
	cell[4] = lc_tech_get(t, LC_F_SUMMARY);
	cell[5] = lc_tech_get(t, LC_F_KEY_INDICATORS);
	cell[6] = *pr;
	cell[7] = num(t, LC_F_PENETRATION_NOW, 0, "%", c[0], 64);
	cell[8] = num(t, LC_F_PENETRATION_TARGET, 0, "%", c[1], 64);
	cell[9] = promo_round(promo_national(t, LC_F_INVESTMENT), 8, c[2],
			      64);
	/* another gas says so in the cell: the figure is CO2e */
	cell[10] = num(t, LC_F_POTENTIAL, 4, lc_tech_not_co2(t) ?
		       "万tCO2e/a" : "", c[3], 64);
	cell[11] = promo_round(promo_national(t, LC_F_ENERGY_SAVING), 4, c[4],
			       64);
	cell[12] = num(t, LC_F_ABATEMENT_COST, 0, "", c[5], 64);
	cell[13] = lc_tech_get(t, LC_F_GAS);
	cell[14] = num(t, LC_F_ABATEMENT, 0, "", c[6], 64);
	cell[15] = num(t, LC_F_INVESTMENT, 4, "", c[7], 64);
	cell[16] = num(t, LC_F_ENERGY_SAVING, 0, "", c[8], 64);
}

/* Column k holds a number (penetrations keep their "%" as text). */
static int numeric(size_t k)
{
	return (k >= 9 && k <= 12) || k >= 14 || k == 0;
}

int lc_promo_write_csv(struct lc_catalog *cat, const struct lc_promo_opts *o,
		       int bom, FILE *fp, struct lc_error *err)
{
	struct promo p;
	int rc = promo_load(cat, o, &p, err);

	if (rc < 0)
		return rc;
	if (bom)
		fputs("\xEF\xBB\xBF", fp);
	for (size_t c = 0; c < NCOL; c++) {
		if (c)
			putc(',', fp);
		lc_csv_field(fp, head[c], 1);
	}
	putc('\n', fp);
	for (size_t i = 0; i < p.n; i++) {
		const char *cell[NCOL];
		char no[24], c[9][64], *pr;

		row(p.t[i], i, cell, no, c, &pr);
		for (size_t k = 0; k < NCOL; k++) {
			if (k)
				putc(',', fp);
			/* numbers as they are (a cost may be negative) */
			lc_csv_field(fp, cell[k] ? cell[k] : "",
				     !((k >= 7 && k <= 12) || k >= 14));
		}
		putc('\n', fp);
		free(pr);
	}
	promo_release(&p);
	if (fflush(fp) != 0 || ferror(fp))
		return lc_error_set(err, LC_EIO, NULL, 0, NULL, "write error");
	return 0;
}

int lc_promo_write_xlsx(struct lc_catalog *cat,
			const struct lc_promo_opts *o, FILE *fp,
			struct lc_error *err)
{
	struct promo p;
	char tmp[4096];
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold, *wrap;
	lxw_error e = LXW_NO_ERROR;
	int rc = promo_load(cat, o, &p, err);

	if (rc < 0)
		return rc;
	wb = exp_xlsx_new(tmp, sizeof tmp, err);
	if (!wb) {
		promo_release(&p);
		return err ? err->status : LC_EIO;
	}
	ws = workbook_add_worksheet(wb, "目录");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	format_set_text_wrap(bold);
	wrap = workbook_add_format(wb);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	for (size_t k = 0; ws && k < NCOL && !e; k++)
		e = worksheet_write_string(ws, 0, (lxw_col_t)k, head[k], bold);
	for (size_t i = 0; ws && i < p.n && !e; i++) {
		const char *cell[NCOL];
		char no[24], c[9][64], *pr, *end;

		row(p.t[i], i, cell, no, c, &pr);
		for (size_t k = 0; k < NCOL && !e; k++) {
			const char *v = cell[k] ? cell[k] : "";
			double d = *v ? strtod(v, &end) : 0;

			if (!*v)
				continue;
			/* a number stays a number (the ndrc-catalog
			 * profile reads either); "…万tCO2e/a" stays text */
			if (numeric(k) && *end == '\0' && isfinite(d))
				e = worksheet_write_number(ws, (lxw_row_t)(i + 1),
							   (lxw_col_t)k, d,
							   NULL);
			else
				e = worksheet_write_string(ws, (lxw_row_t)(i + 1),
							   (lxw_col_t)k, v,
							   wrap);
		}
		free(pr);
	}
	if (ws) {
		worksheet_freeze_panes(ws, 1, 2);
		worksheet_set_column(ws, 0, 0, 6, NULL);
		worksheet_set_column(ws, 1, 2, 22, NULL);
		worksheet_set_column(ws, 3, 6, 40, NULL);
		worksheet_set_column(ws, 7, (lxw_col_t)(NCOL - 1), 14, NULL);
	}
	promo_release(&p);
	if (!ws || e)
		rc = lc_error_set(err, LC_EIO, NULL, 0, NULL, "cannot write "
				  "the workbook: %s", ws ? lxw_strerror(e) :
				  "no sheet");
	return exp_xlsx_finish(wb, tmp, fp, rc, err);
}
