/* cmd-template.c - `lowcarb template`: the submission template an
 * association fills in, as an .xlsx workbook or a CSV header. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "importers/importers.h"
#include "exporters/exporters.h"

/* A profile's layout as the template writer takes it (names copied: the
 * profile lends them for the call only). */
struct layout {
	struct lc_template_col *v;
	size_t n, cap;
};

static int take(const struct lc_mapping_column *c, void *ctx)
{
	struct layout *l = ctx;
	struct lc_template_col *nv;

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 32;
		nv = realloc(l->v, l->cap * sizeof *nv);
		if (!nv)
			return LC_ENOMEM;
		l->v = nv;
	}
	nv = &l->v[l->n];
	nv->name = strdup(c->name);
	nv->unit = c->unit;
	nv->field = c->field;
	nv->text = c->text;
	nv->required = c->required;
	nv->trl11 = c->trl11;
	if (!nv->name)
		return LC_ENOMEM;
	l->n++;
	return 0;
}

static void layout_free(struct layout *l)
{
	for (size_t i = 0; i < l->n; i++)
		free((char *)l->v[i].name);
	free(l->v);
}

/* Loads profile name and its layout into *l (*m to free with
 * lc_mapping_free); returns the status. */
static int load_layout(const char *name, long year, struct lc_mapping **m,
		       struct layout *l, struct lc_error *err)
{
	char ed[16];
	int rc = lc_mapping_load(name, m, err);

	snprintf(ed, sizeof ed, "%ld", year);
	if (rc == 0)
		rc = lc_mapping_layout(*m, year ? ed : NULL, take, l, err);
	if (rc == LC_ENOMEM)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL, "out of "
				  "memory");
	return rc;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "edition", required_argument, NULL, 'e' },
		{ "profile", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_error err = { 0 };
	const char *v[4] = { NULL, NULL, NULL, NULL };
	struct cli_out out;
	struct lc_mapping *m = NULL;
	struct layout l = { NULL, 0, 0 };
	long year = 0;
	int first, rc, fmt = LC_TEMPLATE_XLSX;

	rc = cli_options("template", argc, argv, "o:", opts, v, 0, &first);
	if (rc)
		return rc;
	if (v[0] && cli_format("template", v[0], "xlsx,csv", "xlsx or csv",
			       &fmt))
		return 2;
	if (!v[1])
		return cli_usage("template", "-o FILE is required");
	if (v[2] && cli_int(v[2], 2000, 2099, &year))
		return cli_usage("template", "--edition must be a year "
				 "2000-2099, not '%s'", v[2]);
	/* the profile first: a bad one leaves no output */
	if (v[3] && load_layout(v[3], year, &m, &l, &err) < 0) {
		layout_free(&l);
		lc_mapping_free(m);
		return cli_fail(&err);
	}
	/* a temporary beside the file, renamed into place only when the
	 * whole template was written */
	rc = cli_out_open(&out, v[1]);
	if (rc == 0 && m)
		rc = cli_out_finish(&out, lc_template_write_layout(out.fp, fmt,
				    (int)year, lc_mapping_name(m),
				    lc_mapping_title(m), l.v, l.n, &err),
				    &err);
	else if (rc == 0)
		rc = cli_out_finish(&out, lc_template_write(out.fp, fmt,
				    (int)year, &err), &err);
	layout_free(&l);
	lc_mapping_free(m);
	return rc;
}

const struct cli_cmd cli_cmd_template = {
	"template", N_("write the submission template an association fills in"),
	N_("usage: lowcarb template [--format xlsx|csv] -o FILE [--edition YEAR]\n"
	"                        [--profile NAME|FILE]\n"
	"\n"
	"Writes the submission template. --format xlsx (the default): a\n"
	"workbook with sheet 技术 (one technology a row, under a header of\n"
	"the CSV layout's columns: each cell the Chinese and English names,\n"
	"units and, on its last line, the column name; * marks the required\n"
	"ones), dropdown lists for sector, category, TRL, TRL scale, gas and\n"
	"product (the closed list of 'lowcarb products', on sheet 产品),\n"
	"whole-number checks for years and counts, credit code and phone\n"
	"formatted as text so that a spreadsheet keeps their digits, sheet\n"
	"示范项目 (demonstration projects, linked by id) and sheet 说明\n"
	"(instructions in Chinese and English). --format csv: the CSV header\n"
	"alone, after a UTF-8 byte-order mark (for Excel). --edition YEAR is\n"
	"named in the instructions and the id hint; nothing is prefilled.\n"
	"The filled file goes through 'lowcarb validate' and 'lowcarb\n"
	"import'. -o FILE may be written --output FILE; -o - writes to\n"
	"standard output.\n"
	"\n"
	"--profile NAME|FILE writes the template in the layout of a mapping\n"
	"profile (shipped: ndrc-catalog, iea-etp; see 'lowcarb help profile')\n"
	"instead: sheet 技术 has the layout's columns under its headers as the\n"
	"profile writes them (the sequence column, the columns read, then the\n"
	"columns its rules test), dropdowns for the columns read into closed\n"
	"fields, text format for cells that take ranges or percentages\n"
	"(10%-20%, 50~70) and for the columns its rules read; sheet 说明 names\n"
	"each column's field, unit and whether it is required. No projects\n"
	"sheet (the layout has its own column, if any). A header holding the\n"
	"edition needs --edition. The filled workbook (or CSV, --format csv:\n"
	"the layout's header) goes through 'lowcarb validate --profile NAME'\n"
	"and 'lowcarb import --profile NAME'.\n"),
	run, NULL
};
