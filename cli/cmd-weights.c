/* cmd-weights.c - `lowcarb weights`: objective criterion weights
 * (entropy, CRITIC or equal) derived from a decision matrix. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "importers/importers.h"
#include "ranker/ranker.h"

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "method", required_argument, NULL, 'm' },
		{ "matrix", required_argument, NULL, 'x' },
		{ "types", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *meth = NULL, *path = NULL, *types = NULL, *fmt = "csv";
	struct lc_error err = { 0 };
	struct lc_matrix *mx = NULL;
	int c, rc, *cost = NULL, json;
	double *w = NULL;
	size_t m, n;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'm': meth = optarg; break;
		case 'x': path = optarg; break;
		case 't': types = optarg; break;
		case 'f': fmt = optarg; break;
		case 'h':
			fputs(cli_cmd_weights.help, stdout);
			return 0;
		default:
			return cli_usage("weights", "bad option");
		}
	}
	if (optind < argc)
		return cli_usage("weights", "unexpected argument '%s'",
				 argv[optind]);
	if (!meth || (strcmp(meth, "entropy") && strcmp(meth, "critic") &&
		      strcmp(meth, "equal")))
		return cli_usage("weights", "--method entropy|critic|equal "
				 "is required");
	if (!path)
		return cli_usage("weights", "--matrix FILE.csv is required");
	if (strcmp(fmt, "csv") && strcmp(fmt, "json"))
		return cli_usage("weights", "unknown format '%s'", fmt);
	json = !strcmp(fmt, "json");
	rc = lc_matrix_read(path, 0, &mx, &err);
	if (rc)
		return cli_fail(&err);
	m = lc_matrix_rows(mx);
	n = lc_matrix_cols(mx);
	cost = calloc(n, sizeof *cost);
	w = calloc(n, sizeof *w);
	if (!cost || !w) {
		rc = lc_error_set(&err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
		goto out;
	}
	if (types) {
		rc = lc_mcda_parse_types(types, n, cost, &err);
		if (rc)
			goto out;
	}
	if (!strcmp(meth, "entropy"))
		rc = lc_weights_entropy(lc_matrix_data(mx), m, n, cost, w,
					&err);
	else if (!strcmp(meth, "critic"))
		rc = lc_weights_critic(lc_matrix_data(mx), m, n, cost, w,
				       &err);
	else
		lc_weights_equal(n, w);
	if (rc)
		goto out;
	printf(json ? "{\"method\": \"%s\", \"weights\": {" :
	       "criterion,weight\n", meth);
	for (size_t j = 0; j < n; j++) {
		char b[32];

		lc_num_format(w[j], b, sizeof b);
		if (json) {
			printf("%s", j ? ", " : "");
			lc_json_string(stdout, lc_matrix_col_name(mx, j));
			printf(": %s", b);
		} else {
			lc_csv_field(stdout, lc_matrix_col_name(mx, j), 0);
			printf(",%s\n", b);
		}
	}
	if (json)
		printf("}}\n");
out:
	if (rc && err.status != LC_EUSAGE)
		lc_matrix_locate_error(mx, &err);
	lc_matrix_free(mx);
	free(cost);
	free(w);
	return rc ? cli_fail(&err) : 0;
}

const struct cli_cmd cli_cmd_weights = {
	"weights", N_("derive criterion weights (entropy, CRITIC, equal) from a "
	"matrix"),
	N_("usage: lowcarb weights --method entropy|critic|equal "
	"--matrix FILE.csv\n"
	"                       [--types max,min,...] [--format csv|json]\n"
	"\n"
	"Prints criterion,weight (weights sum to 1, full precision).\n"
	"  --method M          entropy: Shannon entropy of each column\n"
	"                      (p = x / column sum, 0 ln 0 = 0, values >= 0);\n"
	"                      critic: Diakoulaki et al. 1995 (minmax with\n"
	"                      directions, standard deviation times the sum\n"
	"                      of 1 - correlation); equal: 1/n each\n"
	"                      Rules: a constant column has entropy weight\n"
	"                      0; in CRITIC its correlations count as 0, and\n"
	"                      a single varying criterion has weight 1. An\n"
	"                      error when no weight can be derived (every\n"
	"                      column constant; in CRITIC also all columns\n"
	"                      perfectly correlated)\n"
	"  --matrix FILE.csv   first row criterion names, first column\n"
	"                      alternative names\n"
	"  --types max,min,... direction of each criterion (used by critic;\n"
	"                      entropy ignores it); default all max\n"
	"  --format F          csv (default) or json\n"),
	run, NULL
};
