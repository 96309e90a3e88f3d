/* benchmark.c - `lowcarb benchmark`'s output: per sector, each domestic
 * dossier beside the reference technology it is paired with (TRL as
 * given on both sides, the gap on the 1-9 scale, how the pair was made)
 * and the reference technologies with no domestic counterpart; as a
 * table, CSV or JSON. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "exporters/exporters.h"

const char *lc_match_name(int m)
{
	return m == LC_MATCH_AUTO ? "auto" : m == LC_MATCH_MANUAL ? "manual"
		: "none";
}

static const char *trl(const struct lc_tech *t, char *buf, size_t n)
{
	return t ? lc_tech_trl_text(t, buf, n) : "";
}

static void csv(FILE *fp, const struct lc_bench *b)
{
	fputs("sector,id,name,trl,ref_id,ref_name,ref_trl,trl_gap,match\n",
	      fp);
	for (size_t i = 0; i < b->n; i++) {
		const struct lc_bench_row *r = &b->v[i];
		char x[16], y[16];

		fprintf(fp, "%s,%s,", lc_sector_name(r->sector), r->dom ?
			lc_tech_get(r->dom, LC_F_ID) : "");
		lc_csv_field(fp, r->dom ? lc_tech_name(r->dom, "zh") : "", 1);
		fputc(',', fp);
		lc_csv_field(fp, trl(r->dom, x, sizeof x), 1);
		fprintf(fp, ",%s,", r->ref ? lc_tech_get(r->ref, LC_F_ID) :
			"");
		lc_csv_field(fp, r->ref ? lc_tech_name(r->ref, "en") : "", 1);
		fputc(',', fp);
		lc_csv_field(fp, trl(r->ref, y, sizeof y), 1);
		if (r->has_gap)
			fprintf(fp, ",%d", r->gap);
		else
			fputc(',', fp);
		fprintf(fp, ",%s\n", lc_match_name(r->match));
	}
}

static void json_row(FILE *fp, const struct lc_bench_row *r)
{
	char x[16], y[16], s[32];

	fputs("{\"id\": ", fp);
	lc_json_string(fp, r->dom ? lc_tech_get(r->dom, LC_F_ID) : NULL);
	fputs(", \"name\": ", fp);
	lc_json_string(fp, r->dom ? lc_tech_name(r->dom, "zh") : NULL);
	fputs(", \"name_en\": ", fp);
	lc_json_string(fp, r->dom ? lc_tech_get(r->dom, LC_F_NAME_EN) :
		       NULL);
	fputs(", \"trl\": ", fp);
	lc_json_string(fp, r->dom ? trl(r->dom, x, sizeof x) : NULL);
	fputs(", \"ref_id\": ", fp);
	lc_json_string(fp, r->ref ? lc_tech_get(r->ref, LC_F_ID) : NULL);
	fputs(", \"ref_name\": ", fp);
	lc_json_string(fp, r->ref ? lc_tech_name(r->ref, "en") : NULL);
	fputs(", \"ref_trl\": ", fp);
	lc_json_string(fp, r->ref ? trl(r->ref, y, sizeof y) : NULL);
	if (r->has_gap)
		fprintf(fp, ", \"trl_gap\": %d", r->gap);
	else
		fputs(", \"trl_gap\": null", fp);
	fprintf(fp, ", \"match\": \"%s\"", lc_match_name(r->match));
	if (r->match == LC_MATCH_AUTO &&
	    lc_num_format(round(r->score * 1000) / 1000, s, sizeof s))
		fprintf(fp, ", \"score\": %s", s);
	fputc('}', fp);
}

static void json(FILE *fp, const struct lc_bench *b, const char *edition)
{
	int first = 1;

	fprintf(fp, "{\"edition\": %s, \"reference_edition\": %s,\n "
		"\"sectors\": [", edition, b->ref_edition);
	for (int s = 0; s < LC_SECTOR__COUNT; s++) {
		const struct lc_bench_sector *t = &b->s[s];
		int firstrow = 1;

		if (!t->domestic && !t->reference)
			continue;
		fprintf(fp, "%s\n  {\"sector\": \"%s\", \"domestic\": %ld, "
			"\"reference\": %ld, \"leads\": %ld, \"lags\": %ld, "
			"\"level\": %ld, \"unpaired\": %ld, \"gaps\": %ld, "
			"\"rows\": [", first ? "" : ",", lc_sector_name(s),
			t->domestic, t->reference, t->leads, t->lags,
			t->level, t->unpaired, t->gaps);
		first = 0;
		for (size_t i = 0; i < b->n; i++) {
			if (b->v[i].sector != s)
				continue;
			fputs(firstrow ? "\n   " : ",\n   ", fp);
			json_row(fp, &b->v[i]);
			firstrow = 0;
		}
		fputs("]}", fp);
	}
	fputs(first ? "]}\n" : "\n ]}\n", fp);
}

static void table(FILE *fp, const struct lc_bench *b, const char *edition)
{
	fprintf(fp, "edition %s against the reference's %s edition; TRL as "
		"each source gives it,\nthe gap on the 1-9 scale (domestic "
		"minus reference)\n", edition, b->ref_edition);
	for (int s = 0; s < LC_SECTOR__COUNT; s++) {
		const struct lc_bench_sector *t = &b->s[s];
		int gaps = 0;

		if (!t->domestic && !t->reference)
			continue;
		fprintf(fp, "\n%s: %ld dossiers, %ld reference technologies; "
			"%ld lead, %ld lag, %ld level;\n  %ld without a "
			"counterpart, %ld reference technologies without a "
			"domestic one\n", lc_sector_name(s), t->domestic,
			t->reference, t->leads, t->lags, t->level,
			t->unpaired, t->gaps);
		for (size_t i = 0; i < b->n; i++) {
			const struct lc_bench_row *r = &b->v[i];
			char x[16], y[16], g[8];
			const char *name;

			if (r->sector != s || !r->dom)
				continue;
			name = lc_tech_name(r->dom, "zh");
			fputs("  ", fp);
			lc_text_cell(fp, lc_tech_get(r->dom, LC_F_ID), 13, 0);
			fputs("  ", fp);
			lc_text_cell(fp, trl(r->dom, x, sizeof x), 5, 1);
			fputs("  ", fp);
			lc_text_cell(fp, name, lc_text_width(name) < 54 ?
				     lc_text_width(name) : 54, 0);
			fputc('\n', fp);
			if (!r->ref) {
				fputs("                     (no counterpart)\n",
				      fp);
				continue;
			}
			if (r->has_gap)
				snprintf(g, sizeof g, "%+d", r->gap);
			else
				g[0] = '\0';
			name = lc_tech_name(r->ref, "en");
			fputs("    ~ ", fp);
			lc_text_cell(fp, lc_tech_get(r->ref, LC_F_ID), 13, 0);
			fputs(" ", fp);
			lc_text_cell(fp, trl(r->ref, y, sizeof y), 5, 1);
			fprintf(fp, "  %-3s %-6s ", g,
				lc_match_name(r->match));
			lc_text_cell(fp, name, lc_text_width(name) < 39 ?
				     lc_text_width(name) : 39, 0);
			fputc('\n', fp);
		}
		for (size_t i = 0; i < b->n; i++) {
			const struct lc_bench_row *r = &b->v[i];
			char y[16];
			const char *name;

			if (r->sector != s || r->dom)
				continue;
			if (!gaps++)
				fputs("  reference technologies without a "
				      "domestic counterpart:\n", fp);
			name = lc_tech_name(r->ref, "en");
			fputs("    ", fp);
			lc_text_cell(fp, lc_tech_get(r->ref, LC_F_ID), 13, 0);
			fputs(" ", fp);
			lc_text_cell(fp, trl(r->ref, y, sizeof y), 5, 1);
			fputs("  ", fp);
			lc_text_cell(fp, name, lc_text_width(name) < 54 ?
				     lc_text_width(name) : 54, 0);
			fputc('\n', fp);
		}
	}
}

void lc_bench_write(FILE *fp, const struct lc_bench *b, const char *edition,
		    int fmt)
{
	if (fmt == LC_ROWS_CSV)
		csv(fp, b);
	else if (fmt == LC_ROWS_JSON)
		json(fp, b, edition);
	else
		table(fp, b, edition);
}
