/* cmd-products.c - `lowcarb products`: the closed list of products a
 * dossier may decarbonise, with output and baseline emissions. */
#include <stdio.h>
#include "cli/cli.h"
#include "ranker/ranker.h"

static void num(FILE *fp, double v)
{
	char b[40];

	fputs(lc_num_format(v, b, sizeof b) ? b : "", fp);
}

static void write_csv(const struct lc_products *p)
{
	puts("product,name_zh,name_en,output,emissions,source");
	for (size_t i = 0; i < lc_products_count(p); i++) {
		const struct lc_product *q = lc_products_get(p, i);

		lc_csv_field(stdout, q->code, 1);
		putchar(',');
		lc_csv_field(stdout, q->name_zh, 1);
		putchar(',');
		lc_csv_field(stdout, q->name_en, 1);
		putchar(',');
		num(stdout, q->output);
		putchar(',');
		num(stdout, q->emissions);
		putchar(',');
		lc_csv_field(stdout, q->source, 1);
		putchar('\n');
	}
}

static void write_json(const struct lc_products *p)
{
	fputs("[", stdout);
	for (size_t i = 0; i < lc_products_count(p); i++) {
		const struct lc_product *q = lc_products_get(p, i);

		fputs(i ? ",\n {\"product\": " : "\n {\"product\": ", stdout);
		lc_json_string(stdout, q->code);
		fputs(", \"name_zh\": ", stdout);
		lc_json_string(stdout, q->name_zh);
		fputs(", \"name_en\": ", stdout);
		lc_json_string(stdout, q->name_en);
		fputs(", \"output\": ", stdout);
		num(stdout, q->output);
		fputs(", \"output_unit\": ", stdout);
		lc_json_string(stdout, q->output_unit);
		fputs(", \"emissions\": ", stdout);
		num(stdout, q->emissions);
		printf(", \"year\": %d, \"source\": ", q->year);
		lc_json_string(stdout, q->source);
		fputs("}", stdout);
	}
	fputs("\n]\n", stdout);
}

static void write_table(const struct lc_products *p)
{
	printf("%-20s  %-16s  %10s %-5s  %-5s  %12s\n", "PRODUCT", "NAME",
	       "OUTPUT", "", "YEAR", "EMISSIONS Mt");
	for (size_t i = 0; i < lc_products_count(p); i++) {
		const struct lc_product *q = lc_products_get(p, i);

		lc_text_cell(stdout, q->code, 20, 0);
		fputs("  ", stdout);
		lc_text_cell(stdout, q->name_zh, 16, 0);
		printf("  %10.2f M%-4s  %-5d  %12.1f\n", q->output / 1e6,
		       q->output_unit, q->year, q->emissions / 1e6);
	}
	puts("Emissions: baseline tCO2e/a of that output, approximate; "
	     "sources:\nlowcarb products --format csv.");
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	const char *format[1] = { "table" };
	struct lc_error err = { 0 };
	struct lc_products *p = NULL;
	int first, fmt = 0, rc;

	rc = cli_options("products", argc, argv, "", opts, format, 0,
			 &first);
	if (rc == 0)
		rc = cli_format("products", format[0], "table,csv,json", NULL,
				&fmt);
	if (rc)
		return rc;
	rc = lc_products_load(NULL, &p, &err);
	if (rc < 0)
		return cli_fail(&err);
	if (fmt == 1)
		write_csv(p);
	else if (fmt == 2)
		write_json(p);
	else
		write_table(p);
	lc_products_free(p);
	return 0;
}

const struct cli_cmd cli_cmd_products = {
	"products", N_("list the products dossiers may decarbonise"),
	N_("usage: lowcarb products [--format table|csv|json]\n"
	"\n"
	"The closed list of products a dossier's `product` field may name\n"
	"(data/products.xml): China's annual output and the baseline\n"
	"emissions of that production (tCO2e/a), with their year and\n"
	"source. The figures are approximate. In the MACC, routes of the\n"
	"same product share its baseline in cost order (README).\n"
	"\n"
	"  --format F    table (default; output in Mt or units of a\n"
	"                million, emissions in Mt), csv (header\n"
	"                product,name_zh,name_en,output,emissions,source)\n"
	"                or json\n"),
	run, NULL
};
