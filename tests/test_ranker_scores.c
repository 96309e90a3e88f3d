/* test_ranker_scores.c - the panel scores read as a stream (ranker/
 * scores.c) give the ranking the scores held whole give: the same hashes,
 * aggregates, counts, flags and notes, whatever the keys of the score
 * records. Three catalogs hold the same records: keyed as `scores import`
 * keys them ("score:TECH:EXPERT:CRITERION", streamed, with ids whose key
 * order differs from their order: 2031-ST-001 and 2031-ST-0011), keyed
 * out of every dossier's range (the scan holds every row, the old way),
 * and one dossier's records keyed out of its range, met once the scan
 * passed it (the scan starts over after having hashed and aggregated
 * most dossiers). Under the mean, the median, the z-scores and the
 * trimmed mean. */
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

enum { KEY_NORMAL, KEY_ELSEWHERE, KEY_AGAIN };

static const char *const ids[] = {
	"2031-CH-001", "2031-CH-002", "2031-CH-003", "2031-ST-001",
	"2031-ST-0011", "2031-ST-002", "2031-ST-010", "2031-NF-001",
	"2031-NF-0010", "2031-NF-002", "2031-CH-0001"
};
#define NIDS (sizeof ids / sizeof ids[0])

static void put(struct lc_catalog *cat, const char *id, double potential)
{
	struct lc_tech *t = lc_tech_new();
	struct lc_error err;
	const char *sector = !strncmp(id + 5, "ST", 2) ? "steel" :
			     !strncmp(id + 5, "CH", 2) ? "chemical" :
			     "nonferrous";

	assert_non_null(t);
	assert_int_equal(lc_tech_set(t, LC_F_ID, id, NULL), 0);
	assert_int_equal(lc_tech_set(t, LC_F_EDITION, "2031", NULL), 0);
	assert_int_equal(lc_tech_set(t, LC_F_NAME_ZH, "测试技术", NULL), 0);
	assert_int_equal(lc_tech_set(t, LC_F_SECTOR, sector, NULL), 0);
	assert_int_equal(lc_tech_set(t, LC_F_CATEGORY, "process", NULL), 0);
	assert_int_equal(lc_tech_set(t, LC_F_TRL, "7", NULL), 0);
	lc_tech_set(t, LC_F_SUBMITTER, "测试单位", NULL);
	lc_tech_set(t, LC_F_CREDIT_CODE, "91310000132200821H", NULL);
	lc_tech_set(t, LC_F_SUMMARY, "summary", NULL);
	lc_tech_set_num(t, LC_F_POTENTIAL, potential, NULL);
	assert_true(lc_catalog_put_tech(cat, t, NULL, NULL, 0, &err) > 0);
	lc_tech_free(t);
}

static void score(struct lc_catalog *cat, int how, long *seq,
		  const char *tech, const char *expert, const char *crit,
		  const char *val)
{
	struct lc_rec *r = lc_rec_new();
	char key[128];

	(void)expert;
	if (how == KEY_ELSEWHERE || (how == KEY_AGAIN &&
				     !strcmp(tech, "2031-CH-002")))
		/* after every dossier's range ("score:z..." > "score:2..."),
		 * one dossier's records in the order of their usual keys */
		snprintf(key, sizeof key, "score:z%06ld", (*seq)++);
	else
		snprintf(key, sizeof key, "score:%s:%s:%s", tech, expert,
			 crit);
	lc_rec_set(r, "tech", tech);
	lc_rec_set(r, "expert", expert);
	lc_rec_set(r, "criterion", crit);
	lc_rec_set(r, "score", val);
	assert_int_equal(lc_catalog_rec_put(cat, key, r, NULL), 0);
	lc_rec_free(r);
}

/* The same dossiers and scores, the score records keyed by how. */
static void build(const char *path, int how)
{
	struct lc_catalog *cat;
	struct lc_rec *r;
	long seq = 0;
	char v[16];

	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, NULL),
			 0);
	assert_int_equal(lc_catalog_begin(cat, NULL), 0);
	for (size_t i = 0; i < NIDS; i++)
		put(cat, ids[i], 10 + (double)((i * 37) % 23));
	for (size_t i = 0; i < NIDS; i++) {
		/* 2031-ST-002 has no score: the scan passes it empty */
		if (!strcmp(ids[i], "2031-ST-002"))
			continue;
		for (int e = 1; e <= 5; e++) {
			char ex[8];

			snprintf(ex, sizeof ex, "E%d", e);
			snprintf(v, sizeof v, "%g",
				 (double)((i * 7 + (size_t)e * 3) % 11) +
				 (e == 2 ? 0.5 : 0));
			if (e == 5 && i % 3 == 0)
				continue;
			score(cat, how, &seq, ids[i], ex, "carbon", v);
			snprintf(v, sizeof v, "%d", (int)((i + (size_t)e) % 6));
			score(cat, how, &seq, ids[i], ex, "maturity", v);
		}
	}
	/* out of scale, an unknown criterion: counted as ignored */
	score(cat, how, &seq, "2031-NF-001", "E6", "carbon", "11");
	score(cat, how, &seq, "2031-NF-001", "E6", "color", "3");
	/* 2031-NF-002 is reviewed by assignment, E1 and E2 only: E3's and
	 * E4's scores no longer count */
	for (int e = 1; e <= 2; e++) {
		char ex[8], key[64];

		snprintf(ex, sizeof ex, "E%d", e);
		snprintf(key, sizeof key, "assign:2031-NF-002:%s", ex);
		r = lc_rec_new();
		lc_rec_set(r, "expert", ex);
		lc_rec_set(r, "tech", "2031-NF-002");
		assert_int_equal(lc_catalog_rec_put(cat, key, r, NULL), 0);
		lc_rec_free(r);
	}
	r = lc_rec_new();
	lc_rec_set(r, "expert", "E4");
	lc_rec_set(r, "tech", "2031-ST-0011");
	assert_int_equal(lc_catalog_rec_put(cat, "conflict:E4:2031-ST-0011",
					    r, NULL), 0);
	lc_rec_free(r);
	assert_int_equal(lc_catalog_commit(cat, NULL), 0);
	lc_catalog_close(cat);
}

static const char *const aggs[] = { "mean", "median", "zscore", "trimmed" };

static void profile(const char *path, const char *agg)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fprintf(fp,
		"<?xml version=\"1.0\"?>\n"
		"<profile name=\"t\">\n"
		"<method name=\"wsm\"/>\n"
		"<panel aggregation=\"%s\" min-scores=\"1\" "
		"disagreement=\"0.3\"/>\n"
		"<select n=\"4\"/>\n"
		"<criteria>\n"
		"<criterion id=\"carbon\" weight=\"2\" direction=\"benefit\">\n"
		"<label lang=\"en\">Carbon</label><panel min=\"0\" max=\"10\"/>\n"
		"</criterion>\n"
		"<criterion id=\"maturity\" weight=\"1\" "
		"direction=\"benefit\">\n"
		"<label lang=\"en\">Maturity</label><panel min=\"0\" "
		"max=\"5\"/>\n"
		"</criterion>\n"
		"<criterion id=\"potential\" weight=\"1\" "
		"direction=\"benefit\">\n"
		"<label lang=\"en\">Potential</label>"
		"<indicator field=\"potential\"/>\n"
		"</criterion>\n"
		"</criteria>\n"
		"<eligibility><rule id=\"trl\" field=\"trl\" op=\"ge\" "
		"value=\"6\"/></eligibility>\n"
		"<tiebreak><key by=\"id\"/></tiebreak>\n"
		"</profile>\n", agg);
	fclose(fp);
}

static int setup(void **state)
{
	char p[128];

	(void)state;
	/* the dossiers' dates are part of the data hashed: the same in all */
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	snprintf(dir, sizeof dir, "/tmp/lc-rkscores-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(p, sizeof p, "%s/normal.tct", dir);
	build(p, KEY_NORMAL);
	snprintf(p, sizeof p, "%s/elsewhere.tct", dir);
	build(p, KEY_ELSEWHERE);
	snprintf(p, sizeof p, "%s/again.tct", dir);
	build(p, KEY_AGAIN);
	return 0;
}

static int teardown(void **state)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char p[400];

	(void)state;
	while (d && (de = readdir(d))) {
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

static struct lc_ranking *rank(const char *name, const struct lc_profile *p)
{
	struct lc_catalog *cat;
	struct lc_ranking *r;
	struct lc_error err;
	char path[128];

	snprintf(path, sizeof path, "%s/%s.tct", dir, name);
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_READ, &err), 0);
	assert_int_equal(lc_rank_edition(cat, "2031", p, NULL, &r, &err), 0);
	lc_catalog_close(cat);
	return r;
}

static int same_double(double a, double b)
{
	return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof a) == 0;
}

static void same_ranking(const struct lc_ranking *a,
			 const struct lc_ranking *b)
{
	const struct lc_rank_info *ia = lc_ranking_info(a);
	const struct lc_rank_info *ib = lc_ranking_info(b);

	assert_string_equal(ia->hash, ib->hash);
	assert_string_equal(ia->data_hash, ib->data_hash);
	assert_string_equal(ia->notes, ib->notes);
	assert_int_equal(ia->count, ib->count);
	assert_int_equal(ia->count, NIDS);
	for (size_t i = 0; i < ia->count; i++) {
		const struct lc_rank_entry *x = lc_ranking_entry(a, i);
		const struct lc_rank_entry *y = lc_ranking_entry(b, i);

		assert_string_equal(x->id, y->id);
		assert_int_equal(x->rank, y->rank);
		assert_true(same_double(x->score, y->score));
		for (size_t j = 0; j < ia->ncrit; j++) {
			assert_true(same_double(x->value[j], y->value[j]));
			assert_int_equal(x->nscores[j], y->nscores[j]);
			assert_int_equal(x->disagree[j], y->disagree[j]);
		}
	}
}

static void stream_as_held(void **state)
{
	char path[128];

	(void)state;
	snprintf(path, sizeof path, "%s/t.xml", dir);
	for (size_t k = 0; k < sizeof aggs / sizeof aggs[0]; k++) {
		struct lc_profile *p;
		struct lc_ranking *n, *e, *g;
		struct lc_error err;
		const struct lc_rank_entry *x;
		long i;

		profile(path, aggs[k]);
		assert_int_equal(lc_profile_load(path, &p, &err), 0);
		n = rank("normal", p);
		e = rank("elsewhere", p);
		g = rank("again", p);
		same_ranking(n, e);
		same_ranking(n, g);
		/* the data the comparison rests on: scores counted, one
		 * conflicted, unassigned, three ignored, a dossier without
		 * any */
		i = lc_ranking_find(n, "2031-ST-0011");
		assert_true(i >= 0);
		x = lc_ranking_entry(n, (size_t)i);
		assert_int_equal(x->nscores[0], 4);   /* E4 conflicted */
		i = lc_ranking_find(n, "2031-ST-002");
		assert_true(i >= 0);
		x = lc_ranking_entry(n, (size_t)i);
		assert_int_equal(x->nscores[0], 0);
		assert_false(x->eligible);
		i = lc_ranking_find(n, "2031-CH-002");
		assert_true(i >= 0);
		x = lc_ranking_entry(n, (size_t)i);
		assert_int_equal(x->nscores[1], 5);
		assert_true(x->rank > 0);
		assert_non_null(strstr(lc_ranking_info(n)->notes,
				       "2 score(s) of conflicted"));
		i = lc_ranking_find(n, "2031-NF-002");
		assert_true(i >= 0);
		x = lc_ranking_entry(n, (size_t)i);
		assert_int_equal(x->nscores[0], 2);
		assert_non_null(strstr(lc_ranking_info(n)->notes,
				       "4 score(s) of experts no longer "
				       "assigned"));
		/* E6's 11 and 'color', E2's 10.5 on 2031-CH-0001 */
		assert_non_null(strstr(lc_ranking_info(n)->notes,
				       "3 score record(s) ignored"));
		lc_ranking_free(n);
		lc_ranking_free(e);
		lc_ranking_free(g);
		lc_profile_free(p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(stream_as_held),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
