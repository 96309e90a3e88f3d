/* cmd-mcda.c - `lowcarb mcda`: the ranker's methods on any decision
 * matrix given as CSV, for analysts and for checking against the
 * literature. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "importers/importers.h"
#include "ranker/ranker.h"

#define MAXCOL 6

enum { M_WSM, M_TOPSIS, M_VIKOR, M_PROMETHEE };
static const char *const methods[] = { "wsm", "topsis", "vikor",
				       "promethee2", NULL };

struct out {
	const char *method;
	int ncol;                    /* columns after alternative */
	const char *col[MAXCOL];     /* score, rank, then method columns */
	double *v[MAXCOL];           /* m values each; rank column NULL */
	int one_minus;               /* column 0 is 1 - v[0] (VIKOR's Q) */
	int *rank;
};

/* Column c's value at row i. */
static double at(const struct out *o, int c, size_t i)
{
	return c == 0 && o->one_minus ? 1 - o->v[0][i] : o->v[c][i];
}

static void num(char *b, double v)
{
	if (!lc_num_format(v, b, 32))
		memcpy(b, "0", 2);
}

static void print_csv(const struct lc_matrix *mx, const struct out *o)
{
	char b[32];

	fputs("alternative", stdout);
	for (int c = 0; c < o->ncol; c++)
		printf(",%s", o->col[c]);
	putchar('\n');
	for (size_t i = 0; i < lc_matrix_rows(mx); i++) {
		const char *name = lc_matrix_row_name(mx, i);

		lc_csv_field(stdout, name, 0);
		for (int c = 0; c < o->ncol; c++) {
			if (o->v[c])
				num(b, at(o, c, i));
			else
				snprintf(b, sizeof b, "%d", o->rank[i]);
			printf(",%s", b);
		}
		putchar('\n');
	}
}

static void print_table(const struct lc_matrix *mx, const struct out *o)
{
	size_t m = lc_matrix_rows(mx);
	int w[MAXCOL + 1];
	char b[32];

	w[0] = (int)strlen("alternative");
	for (size_t i = 0; i < m; i++) {
		int l = (int)strlen(lc_matrix_row_name(mx, i));

		w[0] = l > w[0] ? l : w[0];
	}
	for (int c = 0; c < o->ncol; c++) {
		w[c + 1] = (int)strlen(o->col[c]);
		for (size_t i = 0; i < m; i++) {
			int l;

			if (o->v[c])
				num(b, at(o, c, i));
			else
				snprintf(b, sizeof b, "%d", o->rank[i]);
			l = (int)strlen(b);
			w[c + 1] = l > w[c + 1] ? l : w[c + 1];
		}
	}
	printf("%-*s", w[0], "alternative");
	for (int c = 0; c < o->ncol; c++)
		printf("  %*s", w[c + 1], o->col[c]);
	putchar('\n');
	for (size_t i = 0; i < m; i++) {
		printf("%-*s", w[0], lc_matrix_row_name(mx, i));
		for (int c = 0; c < o->ncol; c++) {
			if (o->v[c])
				num(b, at(o, c, i));
			else
				snprintf(b, sizeof b, "%d", o->rank[i]);
			printf("  %*s", w[c + 1], b);
		}
		putchar('\n');
	}
}

static void print_json(const struct lc_matrix *mx, const struct out *o,
		       const double *w, const char *norm, const char *params,
		       const struct lc_vikor_accept *acc, const size_t *ord)
{
	char b[32];

	printf("{\n  \"method\": \"%s\",\n", o->method);
	if (norm)
		printf("  \"normalization\": \"%s\",\n", norm);
	if (params)
		printf("  \"parameters\": %s,\n", params);
	printf("  \"weights\": {");
	for (size_t j = 0; j < lc_matrix_cols(mx); j++) {
		printf("%s", j ? ", " : "");
		lc_json_string(stdout, lc_matrix_col_name(mx, j));
		num(b, w[j]);
		printf(": %s", b);
	}
	printf("},\n  \"alternatives\": [\n");
	for (size_t i = 0; i < lc_matrix_rows(mx); i++) {
		printf("    {\"alternative\": ");
		lc_json_string(stdout, lc_matrix_row_name(mx, i));
		for (int c = 0; c < o->ncol; c++) {
			if (o->v[c])
				num(b, at(o, c, i));
			else
				snprintf(b, sizeof b, "%d", o->rank[i]);
			printf(", \"%s\": %s", o->col[c], b);
		}
		printf("}%s\n", i + 1 < lc_matrix_rows(mx) ? "," : "");
	}
	printf("  ]");
	if (acc) {
		printf(",\n  \"acceptance\": {\"best\": ");
		lc_json_string(stdout, lc_matrix_row_name(mx, acc->best));
		printf(", \"acceptable_advantage\": %s, "
		       "\"acceptable_stability\": %s, \"compromise_set\": [",
		       acc->c1 ? "true" : "false", acc->c2 ? "true" : "false");
		for (size_t k = 0; k < acc->n_compromise; k++) {
			printf("%s", k ? ", " : "");
			lc_json_string(stdout,
					    lc_matrix_row_name(mx, ord[k]));
		}
		printf("]}");
	}
	printf("\n}\n");
}

/* Prints VIKOR's acceptance conditions and compromise set (ord: the
 * alternatives by Q). */
static void vikor_note(FILE *fp, const struct lc_matrix *mx,
		       const struct lc_vikor_accept *acc, const size_t *ord)
{
	fprintf(fp, "VIKOR: best by Q: %s; acceptable advantage (C1): %s; "
		"acceptable stability (C2): %s\n",
		lc_matrix_row_name(mx, acc->best), acc->c1 ? "yes" : "no",
		acc->c2 ? "yes" : "no");
	fprintf(fp, "VIKOR: compromise set:");
	for (size_t k = 0; k < acc->n_compromise; k++)
		fprintf(fp, " %s", lc_matrix_row_name(mx, ord[k]));
	fputc('\n', fp);
}

/* The alternatives of rank k or better, by rank then input order (a
 * counting sort, ranks being 1..m): the first k of the order by rank,
 * and all of it when k is m. The caller frees it; NULL when out of
 * memory. VIKOR's note needs only its compromise set, not the order of
 * millions. */
static size_t *order_by_rank(const int *rank, size_t m, size_t k)
{
	size_t *start = calloc(k + 2, sizeof *start), *ord = NULL;

	if (!start)
		return NULL;
	for (size_t i = 0; i < m; i++)
		if ((size_t)rank[i] <= k)
			start[rank[i] + 1]++;
	for (size_t r = 1; r <= k + 1; r++)
		start[r] += start[r - 1];
	ord = malloc((start[k + 1] ? start[k + 1] : 1) * sizeof *ord);
	if (ord)
		for (size_t i = 0; i < m; i++)
			if ((size_t)rank[i] <= k)
				ord[start[rank[i]]++] = i;
	free(start);
	return ord;
}

/* Derives or parses the weights; prints the sum warning. */
static int get_weights(const char *cmd, const struct lc_matrix *mx,
		       const int *cost, const char *wlist, const char *wmeth,
		       double *w, struct lc_error *err)
{
	size_t m = lc_matrix_rows(mx), n = lc_matrix_cols(mx);
	const double *x = lc_matrix_data(mx);
	int off = 0, rc;

	if (wlist && wmeth)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "weights",
			"give --weights or --weights-method, not both");
	if (wlist) {
		rc = lc_mcda_parse_numbers(wlist, n, w, "weights", err);
		if (!rc && lc_weights_normalize(w, n, &off, err)) {
			/* a bad --weights is a usage error like the others;
			 * keep the criterion the library named */
			char what[sizeof err->field + sizeof err->msg + 2];
			int named = strcmp(err->field, "weights") != 0;

			snprintf(what, sizeof what, "%s%s%s",
				 named ? err->field : "", named ? ": " : "",
				 err->msg);
			rc = lc_error_set(err, LC_EUSAGE, NULL, 0, "weights",
					  "%s", what);
		}
		if (!rc && off)
			fprintf(stderr, _("lowcarb: %s: warning: the weights do "
				"not sum to 1; they were divided by their "
				"sum\n"), cmd);
		return rc;
	}
	if (!wmeth || !strcmp(wmeth, "equal")) {
		lc_weights_equal(n, w);
		return 0;
	}
	if (!strcmp(wmeth, "entropy"))
		return lc_weights_entropy(x, m, n, cost, w, err);
	if (!strcmp(wmeth, "critic"))
		return lc_weights_critic(x, m, n, cost, w, err);
	return lc_error_set(err, LC_EUSAGE, NULL, 0, "weights-method",
			    "unknown weights method '%s' (entropy, critic, "
			    "equal)", wmeth);
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "matrix", required_argument, NULL, 'x' },
		{ "types", required_argument, NULL, 't' },
		{ "weights", required_argument, NULL, 'w' },
		{ "weights-method", required_argument, NULL, 'W' },
		{ "method", required_argument, NULL, 'm' },
		{ "normalization", required_argument, NULL, 'n' },
		{ "v", required_argument, NULL, 'v' },
		{ "preference", required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *path = NULL, *types = NULL, *wlist = NULL, *wmeth = NULL;
	const char *pref_s = NULL, *fmt = "table", *norm_s = NULL;
	int method = M_WSM, c, norm, rc, code = 0, v_set = 0, by_rank;
	double v = 0.5;
	struct lc_error err = { 0 };
	struct lc_matrix *mx = NULL;
	struct lc_vikor_accept acc;
	struct out o;
	size_t m, n, *ord = NULL;
	int *cost = NULL, *rank = NULL;
	double *w = NULL, *a = NULL, *b = NULL, *s = NULL;
	struct lc_pref *pref = NULL;
	char params[256];

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'x': path = optarg; break;
		case 't': types = optarg; break;
		case 'w': wlist = optarg; break;
		case 'W': wmeth = optarg; break;
		case 'm':
			method = -1;
			for (int k = 0; methods[k]; k++)
				if (!strcmp(optarg, methods[k]))
					method = k;
			if (method < 0)
				return cli_usage("mcda", "unknown method '%s'",
						 optarg);
			break;
		case 'n': norm_s = optarg; break;
		case 'v':
			if (lc_num_parse(optarg, &v) || !(v >= 0 && v <= 1))
				return cli_usage("mcda", "--v must be a "
						 "number from 0 to 1");
			v_set = 1;
			break;
		case 'p': pref_s = optarg; break;
		case 'f': fmt = optarg; break;
		case 'h':
			fputs(cli_cmd_mcda.help, stdout);
			return 0;
		default:
			return cli_usage("mcda", "bad option");
		}
	}
	if (optind < argc)
		return cli_usage("mcda", "unexpected argument '%s'",
				 argv[optind]);
	if (!path)
		return cli_usage("mcda", "--matrix FILE.csv is required");
	if (strcmp(fmt, "table") && strcmp(fmt, "csv") && strcmp(fmt, "json"))
		return cli_usage("mcda", "unknown format '%s'", fmt);
	if (pref_s && method != M_PROMETHEE)
		return cli_usage("mcda", "--preference is for promethee2");
	if (norm_s && method != M_WSM && method != M_TOPSIS)
		return cli_usage("mcda", "--normalization is for wsm and "
				 "topsis (vikor and promethee2 work on the "
				 "values as given)");
	if (v_set && method != M_VIKOR)
		return cli_usage("mcda", "--v is for vikor");
	if (!norm_s)
		norm_s = method == M_TOPSIS ? "vector" : "minmax";
	norm = lc_norm_from_name(norm_s);
	if (norm < 0)
		return cli_usage("mcda", "unknown normalization '%s'", norm_s);
	rc = lc_matrix_read(path, 0, &mx, &err);
	if (rc)
		return cli_fail(&err);
	m = lc_matrix_rows(mx);
	n = lc_matrix_cols(mx);
	cost = calloc(n, sizeof *cost);
	rank = calloc(m, sizeof *rank);
	/* the order by rank: all of it for JSON, VIKOR's compromise set
	 * for its note */
	by_rank = !strcmp(fmt, "json") || method == M_VIKOR;
	w = calloc(n, sizeof *w);
	a = calloc(3 * m, sizeof *a);
	pref = calloc(n, sizeof *pref);
	if (!cost || !rank || !w || !a || !pref) {
		lc_error_set(&err, LC_ENOMEM, NULL, 0, NULL, "out of memory");
		goto fail;
	}
	b = a + m;
	s = b + m;
	if (types && lc_mcda_parse_types(types, n, cost, &err))
		goto fail;
	if (get_weights("mcda", mx, cost, wlist, wmeth, w, &err))
		goto fail;
	memset(&o, 0, sizeof o);
	o.method = methods[method];
	o.col[0] = "score";
	o.col[1] = "rank";
	o.rank = rank;
	params[0] = '\0';
	switch (method) {
	case M_WSM:
		rc = lc_mcda_wsm(lc_matrix_data(mx), m, n, cost, w, norm, s,
				 NULL, &err);
		o.v[0] = s;
		o.ncol = 2;
		break;
	case M_TOPSIS:
		rc = lc_mcda_topsis(lc_matrix_data(mx), m, n, cost, w, norm, s,
				    a, b, &err);
		o.v[0] = s;
		o.col[2] = "d_plus";
		o.v[2] = a;
		o.col[3] = "d_minus";
		o.v[3] = b;
		o.ncol = 4;
		break;
	case M_VIKOR:
		rc = lc_mcda_vikor(lc_matrix_data(mx), m, n, cost, w, v, a, b,
				   s, &acc, &err);
		/* score: higher is better in every method (as in rank);
		 * Q itself (0 best) in its own column */
		o.v[0] = s;
		o.one_minus = 1;
		o.col[2] = "S";
		o.v[2] = a;
		o.col[3] = "R";
		o.v[3] = b;
		o.col[4] = "Q";
		o.v[4] = s;
		o.ncol = 5;
		{
			char vb[32];

			snprintf(params, sizeof params, "{\"v\": %s}",
				 lc_num_format(v, vb, sizeof vb));
		}
		break;
	default: {
		char pb[128];
		size_t np = 1;

		for (const char *q = pref_s ? pref_s : ""; *q; q++)
			np += *q == ',';
		if (pref_s && np != 1 && np != n) {
			lc_error_set(&err, LC_EUSAGE, NULL, 0, "preference",
				"%zu preference functions for %zu criteria "
				"(give one for all, or one each)", np, n);
			goto fail;
		}
		for (size_t j = 0; j < n; j++) {
			const char *src = pref_s ? pref_s : "usual";
			size_t k = np == 1 ? 0 : j, len;
			const char *e;

			for (size_t t = 0; t < k; t++)
				src = strchr(src, ',') + 1;
			e = strchr(src, ',');
			len = e ? (size_t)(e - src) : strlen(src);
			if (len >= sizeof pb) {
				lc_error_set(&err, LC_EUSAGE, NULL, 0,
					     "preference", "preference function "
					     "%zu is too long", j + 1);
				goto fail;
			}
			memcpy(pb, src, len);
			pb[len] = '\0';
			if (lc_pref_parse(pb, &pref[j], &err))
				goto fail;
		}
		rc = lc_mcda_promethee2(lc_matrix_data(mx), m, n, cost, w,
					pref, a, b, s, &err);
		o.v[0] = s;
		o.col[2] = "phi_plus";
		o.v[2] = a;
		o.col[3] = "phi_minus";
		o.v[3] = b;
		o.col[4] = "phi";
		o.v[4] = s;
		o.ncol = 5;
		{
			size_t used = (size_t)snprintf(params, sizeof params,
						       "{\"preference\": [");

			for (size_t j = 0; j < n && used < sizeof params;
			     j++)
				used += (size_t)snprintf(params + used,
					sizeof params - used, "%s\"%s\"",
					j ? ", " : "",
					lc_pref_format(&pref[j], pb,
						       sizeof pb));
			if (used < sizeof params)
				snprintf(params + used, sizeof params - used,
					 "]}");
		}
		break;
	}
	}
	if (rc)
		goto fail;
	/* the numbers are done with: the rank sort's 32 bytes a row take
	 * their place (TOPSIS at 6,400,000 x 8: 867 -> 590 MB peak) */
	lc_matrix_drop_data(mx);
	if (lc_mcda_ranks(s, m, method != M_VIKOR, rank) ||
	    (by_rank && !(ord = order_by_rank(rank, m, strcmp(fmt, "json") ?
					      acc.n_compromise : m)))) {
		lc_error_set(&err, LC_ENOMEM, NULL, 0, NULL, "out of memory");
		goto fail;
	}
	if (!strcmp(fmt, "csv"))
		print_csv(mx, &o);
	else if (!strcmp(fmt, "json"))
		print_json(mx, &o, w, method == M_WSM || method == M_TOPSIS ?
			   lc_norm_name(norm) : NULL, params[0] ? params : NULL,
			   method == M_VIKOR ? &acc : NULL, ord);
	else
		print_table(mx, &o);
	if (method == M_VIKOR && strcmp(fmt, "json")) {
		vikor_note(!strcmp(fmt, "csv") ? stderr : stdout, mx, &acc,
			   ord);
	}
	goto done;
fail:
	if (err.status != LC_EUSAGE)
		lc_matrix_locate_error(mx, &err);
	code = cli_fail(&err);
done:
	lc_matrix_free(mx);
	free(cost);
	free(rank);
	free(ord);
	free(w);
	free(a);
	free(pref);
	return code;
}

const struct cli_cmd cli_cmd_mcda = {
	"mcda", N_("rank any decision matrix by WSM, TOPSIS, VIKOR or "
	"PROMETHEE II"),
	N_("usage: lowcarb mcda --matrix FILE.csv [options]\n"
	"\n"
	"Ranks the alternatives of a decision matrix. FILE.csv: first row a\n"
	"corner cell then the criterion names; each further row an\n"
	"alternative name then one number per criterion.\n"
	"\n"
	"  --matrix FILE.csv      the decision matrix (required)\n"
	"  --types max,min,...    direction of each criterion (max = benefit,\n"
	"                         min = cost); default all max\n"
	"  --weights w1,w2,...    weights, one per criterion; divided by\n"
	"                         their sum (a warning says so when it is\n"
	"                         not 1)\n"
	"  --weights-method M     entropy, critic or equal (default equal)\n"
	"  --method M             wsm (default), topsis, vikor, promethee2\n"
	"  --normalization N      wsm and topsis: minmax, max, sum or vector\n"
	"                         (wsm: default minmax; topsis: default\n"
	"                         vector). WSM turns cost criteria round as\n"
	"                         a separate step after it: minmax/vector\n"
	"                         1-r, max min(r)/r, sum (1/r)/sum(1/r)\n"
	"                         (max and sum then need cost values > 0).\n"
	"                         TOPSIS has no such step: a cost\n"
	"                         criterion's ideal is its lowest value\n"
	"                         (Hwang & Yoon; the same as 1-r under\n"
	"                         minmax and vector)\n"
	"  --v V                  VIKOR weight of the group utility, 0..1\n"
	"                         (default 0.5)\n"
	"  --preference P[,P...]  PROMETHEE II preference function, one for\n"
	"                         all criteria or one each: usual, ushape:Q,\n"
	"                         vshape:P, linear:Q:P, gaussian:S\n"
	"  --format F             table (default), csv or json\n"
	"\n"
	"CSV columns: alternative,score,rank then topsis d_plus,d_minus;\n"
	"vikor S,R,Q (score = 1 - Q; Q itself: 0 best); promethee2\n"
	"phi_plus,phi_minus,phi (score = phi). Rank 1 is the best; tied\n"
	"alternatives share the better rank (1,2,2,4). VIKOR's acceptance\n"
	"conditions follow the table (on stderr with --format csv, under\n"
	"\"acceptance\" in JSON). Numbers are printed at full precision.\n"
	"\n"
	"Degenerate input, the stated rules: a constant column normalises\n"
	"to 1 under minmax and to 0 under max, sum and vector when it is all\n"
	"zeros; max, sum and vector need values >= 0 (an error otherwise,\n"
	"naming the row); a zero weight is allowed, all zero is an error.\n"
	"TOPSIS closeness is 0.5 when D+ = D- = 0. VIKOR: a constant column\n"
	"adds 0 to S and R; when every S (or every R) is equal, within\n"
	"1e-12, that part of Q is 0. PROMETHEE II with one alternative: all\n"
	"flows 0. Scores equal within 1e-12 share a rank. No NaN is ever\n"
	"printed: a result that is not a finite number is an error.\n"),
	run, NULL
};
