/* textout.c - a dossier as a CSV row of the published columns or as a
 * JSON object. */
#include <stdlib.h>
#include <string.h>
#include "exporters/exporters.h"

void lc_tech_csv_header(FILE *fp)
{
	for (int f = 0; f < LC_F__COUNT; f++)
		fprintf(fp, "%s%s", f ? "," : "", lc_field_name(f));
	putc('\n', fp);
}

void lc_tech_csv_row(FILE *fp, const struct lc_tech *t, int neutralise)
{
	for (int f = 0; f < LC_F__COUNT; f++) {
		enum lc_field_type ty = lc_field_type(f);

		if (f)
			putc(',', fp);
		if (f == LC_F_PROJECTS) {
			/* the projects as text: the one column not stored
			 * as a field */
			char *p = lc_projects_text(t);

			lc_csv_field(fp, p, neutralise);
			free(p);
			continue;
		}
		lc_csv_field(fp, lc_tech_get(t, f),
			     neutralise && ty != LC_FT_NUM && ty != LC_FT_INT);
	}
	putc('\n', fp);
}

static void key(FILE *fp, int indent, int *first, const char *name)
{
	fprintf(fp, "%s", *first ? "" : ",");
	if (indent)
		fprintf(fp, "\n%*s", indent, "");
	else if (!*first)
		putc(' ', fp);
	lc_json_string(fp, name);
	fputs(": ", fp);
	*first = 0;
}

/* The status, its reason and the projects of t, where the CSV has its
 * "projects" column. */
static void json_tail(FILE *fp, const struct lc_tech *t, int indent,
		      int *first)
{
	char num[40];

	key(fp, indent, first, "status");
	lc_json_string(fp, lc_status_name(lc_tech_status(t)));
	if (lc_tech_status_reason(t)) {
		key(fp, indent, first, "reason");
		lc_json_string(fp, lc_tech_status_reason(t));
	}
	if (!lc_tech_demo_count(t))
		return;
	key(fp, indent, first, "projects");
	putc('[', fp);
	for (size_t i = 0; i < lc_tech_demo_count(t); i++) {
		const struct lc_demo *d = lc_tech_demo(t, i);
		const char *en[3] = { d->site_en, d->enterprise_en,
				      d->capacity_en };
		static const char *const en_key[3] = { "site_en",
			"enterprise_en", "capacity_en" };

		fprintf(fp, "%s{\"site\": ", i ? ", " : "");
		lc_json_string(fp, d->site);
		fputs(", \"enterprise\": ", fp);
		lc_json_string(fp, d->enterprise);
		if (d->year)
			fprintf(fp, ", \"year\": %d", d->year);
		fputs(", \"capacity\": ", fp);
		lc_json_string(fp, d->capacity);
		if (lc_num_format(d->abatement, num, sizeof num))
			fprintf(fp, ", \"abatement\": %s", num);
		for (int k = 0; k < 3; k++) {
			if (!en[k])
				continue;
			fprintf(fp, ", \"%s\": ", en_key[k]);
			lc_json_string(fp, en[k]);
		}
		putc('}', fp);
	}
	putc(']', fp);
}

void lc_tech_json(FILE *fp, const struct lc_tech *t, int indent)
{
	int first = 1;

	putc('{', fp);
	for (int f = 0; f < LC_F__COUNT; f++) {
		const char *v = lc_tech_get(t, f);
		enum lc_field_type ty = lc_field_type(f);

		if (f == LC_F_PROJECTS)
			json_tail(fp, t, indent, &first);
		if (!v)
			continue;
		key(fp, indent, &first, lc_field_name(f));
		if (ty == LC_FT_NUM || ty == LC_FT_INT)
			fputs(v, fp);
		else
			lc_json_string(fp, v);
	}
	if (indent)
		putc('\n', fp);
	putc('}', fp);
}
