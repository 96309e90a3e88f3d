/* cmd-ahp.c - `lowcarb ahp`: AHP weights, lambda_max, CI and CR from a
 * pairwise comparison matrix in CSV. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "importers/importers.h"
#include "ranker/ranker.h"

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "ri", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *fmt = "csv";
	struct lc_error err = { 0 };
	struct lc_matrix *mx = NULL;
	struct lc_ahp_result res;
	int c, rc, table = LC_RI_DEFAULT;
	double *w = NULL;
	size_t n;
	char b[32];

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			table = lc_ri_from_name(optarg);
			if (table < 0)
				return cli_usage("ahp", "unknown RI table '%s' "
					"(saaty1980, saaty2005, tummala-ling, "
					"donegan-dodd, aguaron)", optarg);
			break;
		case 'f': fmt = optarg; break;
		case 'h':
			fputs(cli_cmd_ahp.help, stdout);
			return 0;
		default:
			return cli_usage("ahp", "bad option");
		}
	}
	if (optind + 1 != argc)
		return cli_usage("ahp", "one pairwise matrix FILE.csv "
				 "expected");
	if (strcmp(fmt, "csv") && strcmp(fmt, "json"))
		return cli_usage("ahp", "unknown format '%s'", fmt);
	rc = lc_matrix_read(argv[optind], LC_MATRIX_SQUARE |
			    LC_MATRIX_FRACTIONS, &mx, &err);
	if (rc)
		return cli_fail(&err);
	n = lc_matrix_cols(mx);
	w = calloc(n, sizeof *w);
	if (!w) {
		rc = lc_error_set(&err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
		goto out;
	}
	if (n > LC_AHP_MAX_N) {
		rc = lc_error_set(&err, LC_EDATA, argv[optind], 0, NULL,
				  "%zu criteria: AHP takes up to %d (the "
				  "random-index tables end there)", n,
				  LC_AHP_MAX_N);
		goto out;
	}
	rc = lc_ahp(lc_matrix_data(mx), n, table, w, &res, &err);
	if (rc) {
		/* name the file and the row's line for matrix errors */
		long r = 0, col = 0;

		if (sscanf(err.field, "%ld,%ld", &r, &col) == 2 && r > 0 &&
		    (size_t)r <= n && col > 0 && (size_t)col <= n) {
			snprintf(err.file, sizeof err.file, "%s", argv[optind]);
			err.line = lc_matrix_row_line(mx, (size_t)r - 1);
			snprintf(err.field, sizeof err.field, "%s",
				 lc_matrix_col_name(mx, (size_t)col - 1));
		}
		goto out;
	}
	if (!strcmp(fmt, "json")) {
		printf("{\n  \"weights\": {");
		for (size_t j = 0; j < n; j++) {
			printf("%s", j ? ", " : "");
			lc_json_string(stdout, lc_matrix_col_name(mx, j));
			printf(": %s", lc_num_format(w[j], b, sizeof b));
		}
		printf("},\n  \"lambda_max\": %s,\n",
		       lc_num_format(res.lambda_max, b, sizeof b));
		printf("  \"ci\": %s,\n", lc_num_format(res.ci, b, sizeof b));
		printf("  \"cr\": %s,\n", lc_num_format(res.cr, b, sizeof b));
		printf("  \"ri\": %s,\n", lc_num_format(res.ri, b, sizeof b));
		printf("  \"ri_table\": \"%s\"\n}\n", lc_ri_name(table));
	} else {
		printf("criterion,weight\n");
		for (size_t j = 0; j < n; j++) {
			lc_csv_field(stdout, lc_matrix_col_name(mx, j), 0);
			printf(",%s\n", lc_num_format(w[j], b, sizeof b));
		}
	}
	if (res.cr > 0.10)
		fprintf(stderr, _("lowcarb: ahp: warning: consistency ratio "
			"%s is above 0.10; revise the judgements\n"),
			lc_num_format(res.cr, b, sizeof b));
out:
	lc_matrix_free(mx);
	free(w);
	return rc ? cli_fail(&err) : 0;
}

const struct cli_cmd cli_cmd_ahp = {
	"ahp", N_("AHP weights and consistency from a pairwise comparison matrix"),
	N_("usage: lowcarb ahp FILE.csv [--ri TABLE] [--format csv|json]\n"
	"\n"
	"FILE.csv is a square pairwise comparison matrix: header row and\n"
	"first column the criterion names in the same order; cells positive\n"
	"numbers or fractions like 1/3, reciprocal (a[j][i] = 1/a[i][j]).\n"
	"Weights are the principal eigenvector (power iteration), summing\n"
	"to 1. Up to 15 criteria.\n"
	"  --ri TABLE   random-index table for CR = CI / RI(n): saaty1980\n"
	"               (default), saaty2005, tummala-ling, donegan-dodd,\n"
	"               aguaron\n"
	"  --format F   csv (default): criterion,weight; json: an object with\n"
	"               weights, lambda_max, ci, cr, ri, ri_table\n"
	"A consistency ratio above 0.10 prints a warning on stderr (the\n"
	"output is still given).\n"),
	run, NULL
};
