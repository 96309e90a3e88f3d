/* test_ranker_rank.c - the Top N selection read from a real catalog built
 * through the catalog API: eligibility with the rule named, panel minimum
 * scores, conflicted experts never counted, binding quotas, stated
 * tie-breaks, recording and reading back, reproducible hashes. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <cmocka.h>
#include "ranker/ranker.h"

static char dir[64];
static char cat_path[128];
static char prof_path[128];

static const char profile_xml[] =
	"<?xml version=\"1.0\"?>\n"
	"<profile name=\"t\">\n"
	"<method name=\"wsm\"/>\n"
	"<panel aggregation=\"mean\" min-scores=\"2\" disagreement=\"0.3\"/>\n"
	"<select n=\"3\"/>\n"
	"<criteria>\n"
	"<criterion id=\"carbon\" weight=\"1\" direction=\"benefit\">\n"
	"<label lang=\"en\">Carbon</label><panel min=\"0\" max=\"10\"/>\n"
	"</criterion>\n"
	"<criterion id=\"potential\" weight=\"1\" direction=\"benefit\">\n"
	"<label lang=\"en\">Potential</label><indicator field=\"potential\"/>\n"
	"</criterion>\n"
	"</criteria>\n"
	"<eligibility>\n"
	"<rule id=\"trl\" field=\"trl\" op=\"ge\" value=\"6\">"
	"<label lang=\"en\">TRL at least 6</label></rule>\n"
	"<rule id=\"not-rejected\" field=\"status\" op=\"ne\" "
	"value=\"rejected\"/>\n"
	"</eligibility>\n"
	"<quotas><quota sector=\"steel\" max=\"1\"/>"
	"<quota sector=\"chemical\" min=\"1\"/>"
	"<quota sector=\"nonferrous\" min=\"1\"/></quotas>\n"
	"<tiebreak><key by=\"criterion\" ref=\"carbon\"/>"
	"<key by=\"disagreement\"/><key by=\"id\"/></tiebreak>\n"
	"</profile>\n";

static void put(struct lc_catalog *cat, const char *id, const char *sector,
		int trl, double potential)
{
	struct lc_tech *t = lc_tech_new();
	char num[8];
	struct lc_error err;

	snprintf(num, sizeof num, "%d", trl);
	assert_non_null(t);
	assert_int_equal(lc_tech_set(t, LC_F_ID, id, NULL), 0);
	assert_int_equal(lc_tech_set(t, LC_F_EDITION, "2031", NULL), 0);
	assert_int_equal(lc_tech_set(t, LC_F_NAME_ZH, "测试技术", NULL), 0);
	assert_int_equal(lc_tech_set(t, LC_F_SECTOR, sector, NULL), 0);
	assert_int_equal(lc_tech_set(t, LC_F_CATEGORY, "process", NULL), 0);
	assert_int_equal(lc_tech_set(t, LC_F_TRL, num, NULL), 0);
	lc_tech_set(t, LC_F_SUBMITTER, "测试单位", NULL);
	lc_tech_set(t, LC_F_CREDIT_CODE, "91310000132200821H", NULL);
	lc_tech_set(t, LC_F_SUMMARY, "summary", NULL);
	lc_tech_set_num(t, LC_F_POTENTIAL, potential, NULL);
	assert_true(lc_catalog_put_tech(cat, t, NULL, NULL, 0, &err) > 0);
	lc_tech_free(t);
}

static void score(struct lc_catalog *cat, const char *tech,
		  const char *expert, const char *crit, const char *val)
{
	struct lc_rec *r = lc_rec_new();
	char key[128];

	snprintf(key, sizeof key, "score:%s:%s:%s", tech, expert, crit);
	lc_rec_set(r, "tech", tech);
	lc_rec_set(r, "expert", expert);
	lc_rec_set(r, "criterion", crit);
	lc_rec_set(r, "score", val);
	assert_int_equal(lc_catalog_rec_put(cat, key, r, NULL), 0);
	lc_rec_free(r);
}

static int setup(void **state)
{
	struct lc_catalog *cat;
	struct lc_rec *r;
	FILE *fp;

	(void)state;
	snprintf(dir, sizeof dir, "/tmp/lc-rank-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(cat_path, sizeof cat_path, "%s/c.tct", dir);
	snprintf(prof_path, sizeof prof_path, "%s/t.xml", dir);
	fp = fopen(prof_path, "w");
	assert_non_null(fp);
	fputs(profile_xml, fp);
	fclose(fp);
	assert_int_equal(lc_catalog_open(&cat, cat_path, LC_OPEN_CREATE,
					 NULL), 0);
	assert_int_equal(lc_catalog_begin(cat, NULL), 0);
	/* S1 best steel; S2 second steel (quota max 1 leaves it out) */
	put(cat, "2031-ST-001", "steel", 8, 100);
	put(cat, "2031-ST-002", "steel", 8, 90);
	/* C1, C2 tie exactly on every value: the chain decides (carbon
	 * equal, then disagreement: C2's experts agree, C1's do not) */
	put(cat, "2031-CH-001", "chemical", 7, 20);
	put(cat, "2031-CH-002", "chemical", 7, 20);
	put(cat, "2031-CH-003", "chemical", 5, 100);     /* TRL 5 */
	put(cat, "2031-CH-004", "chemical", 9, 100);     /* 1 score only */
	put(cat, "2031-NF-001", "nonferrous", 9, 10);
	score(cat, "2031-ST-001", "E1", "carbon", "9");
	score(cat, "2031-ST-001", "E2", "carbon", "9");
	score(cat, "2031-ST-002", "E1", "carbon", "9");
	score(cat, "2031-ST-002", "E2", "carbon", "9");
	score(cat, "2031-CH-001", "E1", "carbon", "2");
	score(cat, "2031-CH-001", "E2", "carbon", "6");
	score(cat, "2031-CH-002", "E1", "carbon", "4");
	score(cat, "2031-CH-002", "E2", "carbon", "4");
	/* a conflicted expert's 10 would lift CH-002 above CH-001 */
	score(cat, "2031-CH-002", "E9", "carbon", "10");
	score(cat, "2031-CH-003", "E1", "carbon", "9");
	score(cat, "2031-CH-003", "E2", "carbon", "9");
	score(cat, "2031-CH-004", "E1", "carbon", "9");
	score(cat, "2031-NF-001", "E1", "carbon", "1");
	score(cat, "2031-NF-001", "E2", "carbon", "1");
	r = lc_rec_new();
	lc_rec_set(r, "expert", "E9");
	lc_rec_set(r, "tech", "2031-CH-002");
	assert_int_equal(lc_catalog_rec_put(cat, "conflict:E9:2031-CH-002", r,
					    NULL), 0);
	lc_rec_free(r);
	assert_int_equal(lc_catalog_commit(cat, NULL), 0);
	lc_catalog_close(cat);
	return 0;
}

static int teardown(void **state)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char p[400];

	(void)state;
	for (;;) {
		de = d ? readdir(d) : NULL;
		if (!de)
			break;
		if (de->d_name[0] == '.')
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
		unlink(p);
	}
	if (d)
		closedir(d);
	rmdir(dir);
	return 0;
}

static long find(const struct lc_ranking *r, const char *id)
{
	long i = lc_ranking_find(r, id);

	assert_true(i >= 0);
	return i;
}

static void selection(void **state)
{
	struct lc_catalog *cat;
	struct lc_profile *p;
	struct lc_ranking *r, *r2;
	struct lc_selection *s;
	struct lc_error err;
	struct lc_tech *t;
	long i;

	(void)state;
	assert_int_equal(lc_profile_load(prof_path, &p, &err), 0);
	assert_int_equal(lc_profile_count(p), 2);
	assert_true(lc_profile_is_panel(p, 0));
	assert_true(fabs(lc_profile_weight(p, 0) - 0.5) < 1e-15);
	assert_int_equal(lc_catalog_open(&cat, cat_path, LC_OPEN_WRITE, &err),
			 0);
	assert_int_equal(lc_rank_edition(cat, "2031", p, NULL, &r, &err), 0);
	/* eligibility: the rule is named */
	i = find(r, "2031-CH-003");
	assert_false(lc_ranking_entry(r, (size_t)i)->eligible);
	assert_non_null(strstr(lc_ranking_entry(r, (size_t)i)->excluded,
			       "TRL at least 6"));
	i = find(r, "2031-CH-004");
	assert_false(lc_ranking_entry(r, (size_t)i)->eligible);
	assert_non_null(strstr(lc_ranking_entry(r, (size_t)i)->excluded,
			       "fewer than 2 panel scores"));
	/* the conflicted score is not counted: CH-002's carbon is 4 */
	i = find(r, "2031-CH-002");
	assert_true(fabs(lc_ranking_entry(r, (size_t)i)->value[0] - 4) < 1e-12);
	assert_int_equal(lc_ranking_entry(r, (size_t)i)->nscores[0], 2);
	assert_non_null(strstr(lc_ranking_info(r)->notes, "conflicted"));
	/* tie: CH-001 and CH-002 score the same; the chain puts CH-002
	 * (lower disagreement) first and says so */
	assert_true(lc_ranking_entry(r, (size_t)find(r, "2031-CH-002"))->rank <
		    lc_ranking_entry(r, (size_t)find(r, "2031-CH-001"))->rank);
	assert_non_null(lc_ranking_entry(r, (size_t)find(r,
							    "2031-CH-001"))->tiebreak);
	assert_int_equal(lc_ranking_entry(r, (size_t)find(r,
				"2031-CH-001"))->disagree[0], 1);
	/* quota max 1 binds: ST-002 left out, the next ones come in */
	assert_true(lc_ranking_entry(r, (size_t)find(r, "2031-ST-001"))->selected);
	i = find(r, "2031-ST-002");
	assert_false(lc_ranking_entry(r, (size_t)i)->selected);
	assert_non_null(strstr(lc_ranking_entry(r, (size_t)i)->quota,
			       "maximum"));
	assert_true(lc_ranking_entry(r, (size_t)find(r, "2031-CH-002"))->selected);
	/* quota min 1 binds: NF-001, last on merit, takes CH-001's place */
	i = find(r, "2031-NF-001");
	assert_true(lc_ranking_entry(r, (size_t)i)->selected);
	assert_non_null(strstr(lc_ranking_entry(r, (size_t)i)->quota,
			       "minimum quota of nonferrous"));
	i = find(r, "2031-CH-001");
	assert_false(lc_ranking_entry(r, (size_t)i)->selected);
	assert_non_null(strstr(lc_ranking_entry(r, (size_t)i)->quota,
			       "minimum quota"));
	assert_int_equal(lc_ranking_info(r)->selected, 3);
	/* recording: status and the selection record */
	assert_int_equal(lc_ranking_record(cat, r, &err), 0);
	assert_int_equal(lc_catalog_get_tech(cat, "2031-ST-001", &t, &err), 0);
	assert_int_equal(lc_tech_status(t), LC_ST_SELECTED);
	lc_tech_free(t);
	assert_int_equal(lc_selection_get(cat, "2031", &s, &err), 0);
	assert_int_equal(s->n, 3);
	assert_string_equal(s->id[0], lc_ranking_entry(r, 0)->id);
	assert_string_equal(s->hash, lc_ranking_info(r)->hash);
	lc_selection_free(s);
	/* same inputs after recording: same hash, same order */
	assert_int_equal(lc_rank_edition(cat, "2031", p, NULL, &r2, &err), 0);
	assert_string_equal(lc_ranking_info(r)->hash, lc_ranking_info(r2)->hash);
	for (size_t k = 0; k < lc_ranking_info(r)->count; k++)
		assert_string_equal(lc_ranking_entry(r, k)->id, lc_ranking_entry(r2, k)->id);
	lc_ranking_free(r2);
	/* explain: CH-001 (tied with the cut-off CH-002, ranked after it by
	 * the chain) needs just more than CH-002's score, beyond the tie
	 * tolerance, and a larger potential, to get in */
	{
		double need, gap;
		int reach;

		i = find(r, "2031-CH-001");
		gap = lc_ranking_gap(r, (size_t)i);
		assert_true(gap < 0 && gap > -1e-11);
		assert_true(lc_ranking_threshold(r, (size_t)i) >
			    lc_ranking_info(r)->cutoff);
		assert_int_equal(lc_ranking_explain(r, (size_t)i, 1, &need, &reach, &err), 0);
		assert_true(reach);
		assert_true(need > 20 && need < 21);
	}
	lc_ranking_free(r);
	lc_catalog_close(cat);
	lc_profile_free(p);
}

static void indicators_only(void **state)
{
	struct lc_catalog *cat;
	struct lc_profile *p;
	struct lc_ranking *r;
	struct lc_rank_opts o;
	struct lc_error err;

	(void)state;
	assert_int_equal(lc_profile_load(prof_path, &p, &err), 0);
	assert_int_equal(lc_catalog_open(&cat, cat_path, LC_OPEN_READ, &err),
			 0);
	lc_rank_opts_init(&o);
	o.indicators_only = 1;
	o.sensitivity = 20;
	o.seed = 5;
	o.compare = 1;
	assert_int_equal(lc_rank_edition(cat, "2031", p, &o, &r, &err), 0);
	/* panel criteria left out: CH-004 is now eligible, weight 1 on
	 * potential; missing panel values read as NaN */
	assert_true(lc_ranking_entry(r, (size_t)find(r, "2031-CH-004"))->eligible);
	assert_true(fabs(lc_ranking_info(r)->weight[1] - 1) < 1e-15);
	assert_true(isnan(lc_ranking_entry(r, 0)->value[0]));
	assert_int_equal(lc_ranking_info(r)->runs, 20);
	assert_int_equal(lc_ranking_info(r)->ncompare, 3);
	for (size_t k = 0; k < lc_ranking_info(r)->count; k++) {
		double pt = lc_ranking_entry(r, k)->prob_top;

		assert_true(pt >= 0 && pt <= 1);
	}
	lc_ranking_free(r);
	lc_catalog_close(cat);
	lc_profile_free(p);
}

/* Disagreement is read on the scores as the experts gave them: the
 * flags are the same whatever the aggregation (CH-001's 2 and 6 on a 0-10
 * scale spread 0.4 > 0.3 under mean and under z-scores alike). */
static void disagreement_raw(void **state)
{
	struct lc_catalog *cat;
	struct lc_profile *pm, *pz;
	struct lc_ranking *rm, *rz;
	struct lc_error err;
	char zpath[160], *x, *at;
	FILE *fp;

	(void)state;
	snprintf(zpath, sizeof zpath, "%s/z.xml", dir);
	x = strdup(profile_xml);
	assert_non_null(x);
	at = strstr(x, "aggregation=\"mean\"");
	assert_non_null(at);
	fp = fopen(zpath, "w");
	assert_non_null(fp);
	fprintf(fp, "%.*saggregation=\"zscore\"%s", (int)(at - x), x,
		at + strlen("aggregation=\"mean\""));
	fclose(fp);
	free(x);
	assert_int_equal(lc_profile_load(prof_path, &pm, &err), 0);
	assert_int_equal(lc_profile_load(zpath, &pz, &err), 0);
	assert_int_equal(lc_catalog_open(&cat, cat_path, LC_OPEN_READ, &err),
			 0);
	assert_int_equal(lc_rank_edition(cat, "2031", pm, NULL, &rm, &err), 0);
	assert_int_equal(lc_rank_edition(cat, "2031", pz, NULL, &rz, &err), 0);
	assert_true(lc_ranking_entry(rm, (size_t)find(rm,
					    "2031-CH-001"))->disagree[0]);
	for (size_t k = 0; k < lc_ranking_info(rm)->count; k++) {
		const char *id = lc_ranking_entry(rm, k)->id;

		assert_int_equal(lc_ranking_entry(rm, k)->disagree[0],
				 lc_ranking_entry(rz, (size_t)find(rz, id))->disagree[0]);
	}
	lc_ranking_free(rm);
	lc_ranking_free(rz);
	lc_catalog_close(cat);
	lc_profile_free(pm);
	lc_profile_free(pz);
}

static void bad_profile(void **state)
{
	struct lc_profile *p;
	struct lc_error err;

	(void)state;
	assert_int_equal(lc_profile_load("/nonexistent/x.xml", &p, &err),
			 LC_EIO);
	assert_int_equal(lc_profile_load("top20", &p, &err), 0);
	assert_int_equal(lc_profile_select(p), 20);
	assert_string_equal(lc_profile_method(p), "wsm");
	assert_int_equal(lc_profile_min_scores(p), 3);
	assert_string_equal(lc_profile_label(p, 0, "en"),
			    "Carbon reduction potential (panel)");
	lc_profile_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(selection),
		cmocka_unit_test(indicators_only),
		cmocka_unit_test(disagreement_raw),
		cmocka_unit_test(bad_profile),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
