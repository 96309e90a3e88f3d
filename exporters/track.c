/* track.c - `lowcarb track`'s output: one technology across editions
 * (TRL as given, penetration now and targeted, potential, cost, status,
 * in the Top N or not) and each forecast against the outcome, as an
 * 80-column table, CSV or JSON. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "exporters/exporters.h"

static const char *num(const struct lc_tech *t, int f, char *buf, size_t n)
{
	double v;

	if (!lc_tech_num(t, f, &v) || !lc_num_format(v, buf, n))
		return "";
	return buf;
}

static void csv(FILE *fp, const struct lc_track *k)
{
	fputs("edition,id,name_zh,name_en,trl,trl_scale,penetration_now,"
	      "penetration_target,penetration_target_year,potential,"
	      "abatement_cost,status,selected,forecast,forecast_from\n", fp);
	for (size_t i = 0; i < k->n; i++) {
		const struct lc_track_row *r = &k->v[i];
		const struct lc_tech *t = r->t;
		char b[64];
		static const int f[] = { LC_F_PENETRATION_NOW,
			LC_F_PENETRATION_TARGET, LC_F_PENETRATION_TARGET_YEAR,
			LC_F_POTENTIAL, LC_F_ABATEMENT_COST };
		const char *scale = lc_tech_get(t, LC_F_TRL_SCALE);

		fprintf(fp, "%s,%s,", lc_tech_get(t, LC_F_EDITION),
			lc_tech_get(t, LC_F_ID));
		lc_csv_field(fp, lc_tech_get(t, LC_F_NAME_ZH), 1);
		fputc(',', fp);
		lc_csv_field(fp, lc_tech_get(t, LC_F_NAME_EN), 1);
		fputc(',', fp);
		lc_csv_field(fp, lc_tech_trl_text(t, b, sizeof b), 1);
		fprintf(fp, ",%s", scale ? scale : "1-9");
		for (size_t j = 0; j < sizeof f / sizeof f[0]; j++)
			fprintf(fp, ",%s", num(t, f[j], b, sizeof b));
		fprintf(fp, ",%s,%s,", lc_status_name(lc_tech_status(t)),
			r->selected ? "yes" : "no");
		if (r->has_forecast && lc_num_format(r->forecast, b, sizeof b))
			fprintf(fp, "%s,%s", b, r->forecast_from);
		else
			fputc(',', fp);
		fputc('\n', fp);
	}
}

static void json_num(FILE *fp, const char *key, const struct lc_tech *t,
		     int f)
{
	char b[64];
	const char *v = num(t, f, b, sizeof b);

	fprintf(fp, ", \"%s\": %s", key, *v ? v : "null");
}

static void json(FILE *fp, const struct lc_track *k)
{
	int first = 1;

	fputs("{\"key\": ", fp);
	lc_json_string(fp, k->key);
	fputs(",\n \"editions\": [", fp);
	for (size_t i = 0; i < k->n; i++) {
		const struct lc_track_row *r = &k->v[i];
		char b[64];

		fputs(i ? ",\n  {" : "\n  {", fp);
		fprintf(fp, "\"edition\": %s, \"id\": ",
			lc_tech_get(r->t, LC_F_EDITION));
		lc_json_string(fp, lc_tech_get(r->t, LC_F_ID));
		fputs(", \"name_zh\": ", fp);
		lc_json_string(fp, lc_tech_get(r->t, LC_F_NAME_ZH));
		fputs(", \"name_en\": ", fp);
		lc_json_string(fp, lc_tech_get(r->t, LC_F_NAME_EN));
		fputs(", \"trl\": ", fp);
		lc_json_string(fp, lc_tech_trl_text(r->t, b, sizeof b));
		fputs(", \"trl_scale\": ", fp);
		lc_json_string(fp, lc_tech_get(r->t, LC_F_TRL_SCALE) ?
			       lc_tech_get(r->t, LC_F_TRL_SCALE) : "1-9");
		json_num(fp, "penetration_now", r->t, LC_F_PENETRATION_NOW);
		json_num(fp, "penetration_target", r->t,
			 LC_F_PENETRATION_TARGET);
		json_num(fp, "penetration_target_year", r->t,
			 LC_F_PENETRATION_TARGET_YEAR);
		json_num(fp, "potential", r->t, LC_F_POTENTIAL);
		json_num(fp, "abatement_cost", r->t, LC_F_ABATEMENT_COST);
		fputs(", \"status\": ", fp);
		lc_json_string(fp, lc_status_name(lc_tech_status(r->t)));
		fprintf(fp, ", \"selected\": %s}", r->selected ? "true" :
			"false");
	}
	fputs("\n ],\n \"forecasts\": [", fp);
	for (size_t i = 0; i < k->n; i++) {
		const struct lc_track_row *r = &k->v[i];
		char b[64];

		if (!r->has_forecast || !lc_num_format(r->forecast, b,
						       sizeof b))
			continue;
		fprintf(fp, "%s\n  {\"from\": %s, \"for\": %s, \"forecast\": "
			"%s", first ? "" : ",", r->forecast_from,
			lc_tech_get(r->t, LC_F_EDITION), b);
		json_num(fp, "outcome", r->t, LC_F_PENETRATION_NOW);
		fputc('}', fp);
		first = 0;
	}
	fputs(first ? "]}\n" : "\n ]}\n", fp);
}

/* One line of text, cut with "…" when wider than width columns. */
static void fit(FILE *fp, const char *s, size_t width)
{
	if (lc_text_width(s) > width)
		lc_text_cell(fp, s, width, 0);
	else
		fputs(s, fp);
	fputc('\n', fp);
}

static void cell(FILE *fp, const char *s, size_t w, int right, int last)
{
	lc_text_cell(fp, s, w, right);
	fputs(last ? "\n" : "  ", fp);
}

static void table(FILE *fp, const struct lc_track *k)
{
	const struct lc_tech *last = k->v[k->n - 1].t;
	const char *zh = lc_tech_get(last, LC_F_NAME_ZH);
	const char *en = lc_tech_get(last, LC_F_NAME_EN);
	int any = 0;
	char title[4800];

	/* the title in the table's 80 columns: the names on one line when
	 * they fit, else the English name on a line of its own, each cut
	 * (with "…") when still too wide */
	snprintf(title, sizeof title, "technology %s: %s%s%s", k->key,
		 zh ? zh : "", zh && en ? " / " : "", en ? en : "");
	lc_utf8_trim(title);
	if (lc_text_width(title) <= 80) {
		fprintf(fp, "%s\n", title);
	} else {
		snprintf(title, sizeof title, "technology %s: %s", k->key,
			 zh ? zh : en ? en : "");
		lc_utf8_trim(title);
		fit(fp, title, 80);
		if (zh && en) {
			fputs("  ", fp);
			fit(fp, en, 78);
		}
	}
	fprintf(fp, "%zu edition%s, %s to %s\n\n", k->n, k->n == 1 ? "" :
		"s", lc_tech_get(k->v[0].t, LC_F_EDITION),
		lc_tech_get(last, LC_F_EDITION));
	cell(fp, "YEAR", 4, 0, 0);
	cell(fp, "ID", 13, 0, 0);
	cell(fp, "TRL", 6, 0, 0);
	cell(fp, "NOW %", 5, 1, 0);
	cell(fp, "TARGET %", 8, 1, 0);
	cell(fp, "POTENTIAL", 9, 1, 0);
	cell(fp, "COST", 5, 1, 0);
	cell(fp, "STATUS", 9, 0, 0);
	fputs("TOP\n", fp);
	for (size_t i = 0; i < k->n; i++) {
		const struct lc_tech *t = k->v[i].t;
		char trl[16], now[32], tgt[48], pot[48], cost[48];
		double v, y;

		lc_tech_trl_text(t, trl, sizeof trl);
		if (!lc_num_format(lc_tech_num(t, LC_F_PENETRATION_NOW, &v) ?
				   v : NAN, now, sizeof now))
			snprintf(now, sizeof now, "-");
		if (!lc_tech_num(t, LC_F_PENETRATION_TARGET, &v))
			snprintf(tgt, sizeof tgt, "-");
		else if (lc_tech_num(t, LC_F_PENETRATION_TARGET_YEAR, &y))
			snprintf(tgt, sizeof tgt, "%g/%.0f", v, y);
		else
			snprintf(tgt, sizeof tgt, "%g", v);
		if (lc_tech_num(t, LC_F_POTENTIAL, &v))
			lc_num_human(v / 1e6, 2, pot, sizeof pot);
		else
			snprintf(pot, sizeof pot, "-");
		if (lc_tech_num(t, LC_F_ABATEMENT_COST, &v))
			lc_num_human(v, 0, cost, sizeof cost);
		else
			snprintf(cost, sizeof cost, "-");
		cell(fp, lc_tech_get(t, LC_F_EDITION), 4, 0, 0);
		cell(fp, lc_tech_get(t, LC_F_ID), 13, 0, 0);
		cell(fp, trl, 6, 0, 0);
		cell(fp, now, 5, 1, 0);
		cell(fp, tgt, 8, 1, 0);
		cell(fp, pot, 9, 1, 0);
		cell(fp, cost, 5, 1, 0);
		cell(fp, lc_status_name(lc_tech_status(t)), 9, 0, 0);
		fputs(k->v[i].selected ? "yes\n" : "no\n", fp);
	}
	for (size_t i = 0; i < k->n; i++) {
		const struct lc_track_row *r = &k->v[i];
		double v;

		if (!r->has_forecast)
			continue;
		if (!any)
			fputs("\nforecast against outcome (penetration, %):\n",
			      fp);
		any = 1;
		fprintf(fp, "  %s forecast %g for %s: ", r->forecast_from,
			r->forecast, lc_tech_get(r->t, LC_F_EDITION));
		if (lc_tech_num(r->t, LC_F_PENETRATION_NOW, &v))
			fprintf(fp, "%s reports %g (%+g points)\n",
				lc_tech_get(r->t, LC_F_EDITION), v,
				v - r->forecast);
		else
			fprintf(fp, "%s reports no penetration\n",
				lc_tech_get(r->t, LC_F_EDITION));
	}
	fputs("\nTRL as the source gives it; POTENTIAL in Mt/a; COST in "
	      "CNY/tCO2 as declared.\n", fp);
}

void lc_track_write(FILE *fp, const struct lc_track *k, int fmt)
{
	if (fmt == LC_ROWS_CSV)
		csv(fp, k);
	else if (fmt == LC_ROWS_JSON)
		json(fp, k);
	else if (k->n)
		table(fp, k);
}
