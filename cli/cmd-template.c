/* cmd-template.c - `lowcarb template`: the submission template an
 * association fills in, as an .xlsx workbook or a CSV header. */
#include <getopt.h>
#include "cli/cli.h"
#include "exporters/exporters.h"

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "edition", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	struct lc_error err = { 0 };
	const char *v[3] = { NULL, NULL, NULL };
	struct cli_out out;
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
	/* a temporary beside the file, renamed into place only when the
	 * whole template was written */
	rc = cli_out_open(&out, v[1]);
	if (rc)
		return rc;
	rc = lc_template_write(out.fp, fmt, (int)year, &err);
	return cli_out_finish(&out, rc, &err);
}

const struct cli_cmd cli_cmd_template = {
	"template", N_("write the submission template an association fills in"),
	N_("usage: lowcarb template [--format xlsx|csv] -o FILE [--edition YEAR]\n"
	"\n"
	"Writes the submission template. --format xlsx (the default): a\n"
	"workbook with sheet 技术 (one technology a row, under a header of\n"
	"the CSV layout's columns: each cell the Chinese and English names,\n"
	"units and, on its last line, the column name; * marks the required\n"
	"ones), dropdown lists for sector, category, TRL, TRL scale and gas,\n"
	"whole-number checks for years and counts, credit code and phone\n"
	"formatted as text so that a spreadsheet keeps their digits, sheet\n"
	"示范项目 (demonstration projects, linked by id) and sheet 说明\n"
	"(instructions in Chinese and English). --format csv: the CSV header\n"
	"alone, after a UTF-8 byte-order mark (for Excel). --edition YEAR is\n"
	"named in the instructions and the id hint; nothing is prefilled.\n"
	"The filled file goes through 'lowcarb validate' and 'lowcarb\n"
	"import'. -o - writes to standard output.\n"),
	run, NULL
};
