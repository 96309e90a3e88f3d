/* promotion_csv.c - the promotion catalog as CSV in the layout the
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
#include "exporters/promotion.h"

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
		const struct lc_tech *t = p.t[i];
		const char *cell[NCOL];
		char no[24], c[9][64], *pr = lc_projects_text(t);
		const char *name = lc_tech_get(t, LC_F_NAME_ZH);
		const char *gas = lc_tech_get(t, LC_F_GAS);

		snprintf(no, sizeof no, "%zu", i + 1);
		cell[0] = no;
		cell[1] = name && *name ? name : lc_tech_name(t, "zh");
		cell[2] = lc_sector_label(lc_tech_sector(t), "zh");
		cell[3] = lc_tech_get(t, LC_F_SCOPE);
		cell[4] = lc_tech_get(t, LC_F_SUMMARY);
		cell[5] = lc_tech_get(t, LC_F_KEY_INDICATORS);
		cell[6] = pr;
		cell[7] = num(t, LC_F_PENETRATION_NOW, 0, "%", c[0],
			      sizeof c[0]);
		cell[8] = num(t, LC_F_PENETRATION_TARGET, 0, "%", c[1],
			      sizeof c[1]);
		cell[9] = promo_round(promo_national(t, LC_F_INVESTMENT), 8,
				      c[2], sizeof c[2]);
		/* another gas says so in the cell: the figure is CO2e */
		cell[10] = num(t, LC_F_POTENTIAL, 4, lc_tech_not_co2(t) ?
			       "万tCO2e/a" : "", c[3], sizeof c[3]);
		cell[11] = promo_round(promo_national(t, LC_F_ENERGY_SAVING),
				       4, c[4], sizeof c[4]);
		cell[12] = num(t, LC_F_ABATEMENT_COST, 0, "", c[5],
			       sizeof c[5]);
		cell[13] = gas;
		cell[14] = num(t, LC_F_ABATEMENT, 0, "", c[6], sizeof c[6]);
		cell[15] = num(t, LC_F_INVESTMENT, 4, "", c[7], sizeof c[7]);
		cell[16] = num(t, LC_F_ENERGY_SAVING, 0, "", c[8],
			       sizeof c[8]);
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
