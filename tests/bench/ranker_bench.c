/* ranker_bench.c - API-level timings of the ranker for bench-ranker.sh:
 * each method on an M x 8 matrix against one pass that only reads the
 * same matrix, PROMETHEE II alone at one size, and the sensitivity run
 * of `rank` on a generated edition. PROMETHEE II uses V-shape and linear
 * preferences (sorted flows) or, with "gaussian", the pairwise path;
 * `edition` writes a scored edition for `rank --edition`. Times only
 * the work (the matrix is
 * generated first), printing "name seconds" lines. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "ranker/ranker.h"

#define N 8

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double *matrix(size_t m)
{
	double *x = malloc(m * N * sizeof *x);
	struct lc_rng r;

	if (!x)
		return NULL;
	lc_rng_seed(&r, 2024);
	for (size_t i = 0; i < m * N; i++)
		x[i] = 1 + 100 * lc_rng_uniform(&r);
	return x;
}

static const int cost[N] = { 0, 0, 1, 0, 1, 0, 0, 0 };
static const double w[N] = { 0.2, 0.15, 0.15, 0.1, 0.1, 0.1, 0.1, 0.1 };

static int methods(size_t m)
{
	double *x = matrix(m), *s = malloc(m * sizeof *s);
	double *a = malloc(m * sizeof *a), *b = malloc(m * sizeof *b);
	volatile double sink = 0;
	struct lc_error err;
	double t, best;
	int *rank = malloc(m * sizeof *rank);

	if (!x || !s || !a || !b || !rank)
		return 1;
	/* each figure is the best of 3 runs, the anchor included: one pass
	 * that reads every value of the matrix */
	best = INFINITY;
	for (int k = 0; k < 3; k++) {
		double acc = 0;

		t = now();
		for (size_t i = 0; i < m * N; i++)
			acc += x[i];
		sink = acc;
		best = fmin(best, now() - t);
	}
	printf("read %.6f\n", best);
	best = INFINITY;
	for (int k = 0; k < 3; k++) {
		t = now();
		if (lc_mcda_wsm(x, m, N, cost, w, LC_NORM_MINMAX, s, NULL,
				&err))
			return 1;
		best = fmin(best, now() - t);
	}
	printf("wsm %.6f\n", best);
	best = INFINITY;
	for (int k = 0; k < 3; k++) {
		t = now();
		if (lc_mcda_topsis(x, m, N, cost, w, LC_NORM_VECTOR, s, a, b,
				   &err))
			return 1;
		best = fmin(best, now() - t);
	}
	printf("topsis %.6f\n", best);
	best = INFINITY;
	for (int k = 0; k < 3; k++) {
		t = now();
		if (lc_mcda_vikor(x, m, N, cost, w, 0.5, a, b, s, NULL, &err))
			return 1;
		best = fmin(best, now() - t);
	}
	printf("vikor %.6f\n", best);
	t = now();
	lc_mcda_ranks(s, m, 1, rank);
	printf("ranks %.6f\n", now() - t);
	(void)sink;
	free(x);
	free(s);
	free(a);
	free(b);
	free(rank);
	return 0;
}

static int promethee(size_t m, int gauss)
{
	double *x = matrix(m), *s = malloc(m * sizeof *s), t;
	struct lc_pref p[N];
	struct lc_error err;

	if (!x || !s)
		return 1;
	for (int j = 0; j < N; j++)
		lc_pref_parse(gauss ? "gaussian:15" : j % 2 ? "linear:5:30"
			      : "vshape:20", &p[j], NULL);
	t = now();
	if (lc_mcda_promethee2(x, m, N, cost, w, p, NULL, NULL, s, &err))
		return 1;
	printf("promethee2 %.6f\n", now() - t);
	free(x);
	free(s);
	return 0;
}

/* A catalog of m dossiers of edition 2099 and a profile of 8 indicator
 * criteria in dir; then one ranking, and one with `runs` perturbations. */
static int sensitivity(size_t m, long runs, const char *dir)
{
	static const int fields[N] = {
		LC_F_POTENTIAL, LC_F_ABATEMENT, LC_F_ABATEMENT_COST,
		LC_F_ENERGY_SAVING, LC_F_PAYBACK, LC_F_LIFETIME,
		LC_F_PATENTS, LC_F_CO2_PER_UNIT
	};
	static const char *const sec[] = { "ST", "NF", "PC", "CH", "BM" };
	char path[512], prof[512];
	struct lc_catalog *cat;
	struct lc_profile *p;
	struct lc_ranking *r;
	struct lc_rank_opts o;
	struct lc_error err;
	struct lc_rng rng;
	FILE *fp;
	double t;

	snprintf(path, sizeof path, "%s/sens.tct", dir);
	snprintf(prof, sizeof prof, "%s/sens.xml", dir);
	fp = fopen(prof, "w");
	if (!fp)
		return 1;
	fputs("<?xml version=\"1.0\"?>\n<profile name=\"bench\">\n"
	      "<method name=\"wsm\"/><panel/><select n=\"20\"/><criteria>\n",
	      fp);
	for (int j = 0; j < N; j++)
		fprintf(fp, "<criterion id=\"c%d\" weight=\"%g\" direction="
			"\"%s\"><label lang=\"en\">c%d</label><indicator "
			"field=\"%s\"/></criterion>\n", j, w[j],
			cost[j] ? "cost" : "benefit", j,
			lc_field_name(fields[j]));
	fputs("</criteria><eligibility/><quotas><quota sector=\"steel\" "
	      "min=\"2\" max=\"6\"/></quotas><tiebreak><key by=\"id\"/>"
	      "</tiebreak></profile>\n", fp);
	fclose(fp);
	if (lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err) ||
	    lc_catalog_begin(cat, &err))
		goto fail;
	lc_rng_seed(&rng, 7);
	for (size_t i = 0; i < m; i++) {
		struct lc_tech *tc = lc_tech_new();
		char id[32];
		const char *s = sec[i % 5];

		snprintf(id, sizeof id, "2099-%s-%03zu", s, i / 5 + 1);
		lc_tech_set(tc, LC_F_ID, id, NULL);
		lc_tech_set(tc, LC_F_EDITION, "2099", NULL);
		lc_tech_set(tc, LC_F_NAME_ZH, "基准", NULL);
		lc_tech_set(tc, LC_F_SECTOR, lc_sector_name(lc_sector_from_code(
					s)), NULL);
		lc_tech_set(tc, LC_F_CATEGORY, "process", NULL);
		lc_tech_set(tc, LC_F_TRL, "8", NULL);
		lc_tech_set(tc, LC_F_SUBMITTER, "基准单位", NULL);
		lc_tech_set(tc, LC_F_CREDIT_CODE, "91310000132200821H", NULL);
		lc_tech_set(tc, LC_F_SUMMARY, "benchmark dossier", NULL);
		for (int j = 0; j < N; j++) {
			double v = 1 + 100 * lc_rng_uniform(&rng);

			/* patents is a whole number */
			if (lc_field_type(fields[j]) == LC_FT_INT)
				v = floor(v);
			lc_tech_set_num(tc, fields[j], v, NULL);
		}
		if (lc_catalog_put_tech(cat, tc, NULL, NULL, 0, &err) < 0) {
			lc_tech_free(tc);
			goto fail;
		}
		lc_tech_free(tc);
	}
	if (lc_catalog_commit(cat, &err) || lc_profile_load(prof, &p, &err))
		goto fail;
	lc_rank_opts_init(&o);
	t = now();
	if (lc_rank_edition(cat, "2099", p, &o, &r, &err))
		goto fail;
	printf("single %.6f\n", now() - t);
	lc_ranking_free(r);
	o.sensitivity = runs;
	t = now();
	if (lc_rank_edition(cat, "2099", p, &o, &r, &err))
		goto fail;
	printf("sensitivity %.6f\n", now() - t);
	lc_ranking_free(r);
	lc_profile_free(p);
	lc_catalog_close(cat);
	return 0;
fail:
	fprintf(stderr, "ranker_bench: %s\n", err.msg);
	return 1;
}

/* A ranked edition for `rank --edition` timings: m dossiers of edition
 * 2025 in catalog path, eligible under the top20 profile (TRL 6-9, one
 * demonstration, every indicator), each with three experts' scores on
 * the profile's five panel criteria, and one declared conflict in 50. */
static int edition(const char *path, size_t m)
{
	static const char *const crit[] = { "carbon", "maturity",
		"economic", "replicability", "innovation" };
	static const char *const sec[] = { "ST", "NF", "PC", "CH", "BM" };
	struct lc_catalog *cat;
	struct lc_error err;
	struct lc_rng rng;
	char id[32], key[128], val[32], ex[16], buf[16];

	if (lc_catalog_open(&cat, path, LC_OPEN_CREATE, &err) ||
	    lc_catalog_begin(cat, &err))
		goto fail;
	lc_rng_seed(&rng, 11);
	for (size_t i = 0; i < m; i++) {
		struct lc_tech *tc = lc_tech_new();
		const char *s = sec[i % 5];

		if (!tc)
			goto fail;
		snprintf(id, sizeof id, "2025-%s-%06zu", s, i / 5 + 1);
		snprintf(buf, sizeof buf, "%d", 6 + (int)(i % 4));
		lc_tech_set(tc, LC_F_ID, id, NULL);
		lc_tech_set(tc, LC_F_EDITION, "2025", NULL);
		lc_tech_set(tc, LC_F_NAME_ZH, "基准技术", NULL);
		lc_tech_set(tc, LC_F_SECTOR, lc_sector_name(lc_sector_from_code(
					s)), NULL);
		lc_tech_set(tc, LC_F_CATEGORY, "process", NULL);
		lc_tech_set(tc, LC_F_TRL, buf, NULL);
		lc_tech_set(tc, LC_F_SUBMITTER, "基准单位", NULL);
		lc_tech_set(tc, LC_F_CREDIT_CODE, "91310000132200821H", NULL);
		lc_tech_set(tc, LC_F_SUMMARY, "benchmark dossier", NULL);
		lc_tech_set_num(tc, LC_F_POTENTIAL,
				1e4 + 1e6 * lc_rng_uniform(&rng), NULL);
		lc_tech_set_num(tc, LC_F_ABATEMENT_COST,
				-300 + 900 * lc_rng_uniform(&rng), NULL);
		lc_tech_set_num(tc, LC_F_PAYBACK,
				1 + 9 * lc_rng_uniform(&rng), NULL);
		lc_tech_set_num(tc, LC_F_DEMONSTRATIONS, 1, NULL);
		if (lc_catalog_put_tech(cat, tc, NULL, NULL, 0, &err) < 0) {
			lc_tech_free(tc);
			goto fail;
		}
		lc_tech_free(tc);
		for (int k = 0; k < 3; k++) {
			snprintf(ex, sizeof ex, "E%03zu", (i * 3 + (size_t)k)
				 % 500);
			for (int j = 0; j < 5; j++) {
				struct lc_rec *r = lc_rec_new();
				int rc;

				snprintf(key, sizeof key, "score:%s:%s:%s", id,
					 ex, crit[j]);
				snprintf(val, sizeof val, "%d",
					 (int)(10 * lc_rng_uniform(&rng)));
				rc = !r || lc_rec_set(r, "tech", id) ||
					lc_rec_set(r, "expert", ex) ||
					lc_rec_set(r, "criterion", crit[j]) ||
					lc_rec_set(r, "score", val) ||
					lc_catalog_rec_put(cat, key, r, &err);
				lc_rec_free(r);
				if (rc)
					goto fail;
			}
		}
		if (i % 50 == 7) {
			struct lc_rec *r = lc_rec_new();
			int rc;

			snprintf(key, sizeof key, "conflict:%s:%s", ex, id);
			rc = !r || lc_rec_set(r, "expert", ex) ||
				lc_rec_set(r, "tech", id) ||
				lc_rec_set(r, "reason", "bench") ||
				lc_catalog_rec_put(cat, key, r, &err);
			lc_rec_free(r);
			if (rc)
				goto fail;
		}
	}
	if (lc_catalog_commit(cat, &err))
		goto fail;
	lc_catalog_close(cat);
	return 0;
fail:
	fprintf(stderr, "ranker_bench: %s\n", err.msg);
	return 1;
}

int main(int argc, char **argv)
{
	long m = argc > 2 ? strtol(argv[2], NULL, 10) : 0;

	if (argc > 2 && !strcmp(argv[1], "methods") && m > 0)
		return methods((size_t)m);
	if (argc > 2 && !strcmp(argv[1], "promethee2") && m > 0)
		return promethee((size_t)m, argc > 3 &&
				 !strcmp(argv[3], "gaussian"));
	if (argc > 4 && !strcmp(argv[1], "sensitivity") && m > 0)
		return sensitivity((size_t)m, strtol(argv[3], NULL, 10),
				   argv[4]);
	if (argc > 3 && !strcmp(argv[1], "edition"))
		return edition(argv[2], (size_t)strtol(argv[3], NULL, 10));
	fprintf(stderr, "usage: ranker_bench methods M | promethee2 M "
		"[gaussian] | sensitivity M RUNS DIR | edition CATALOG M\n");
	return 2;
}
