/* test_bench.c - technologies across editions and benchmarking
 * (ranker/lineage.c, bench_match.c): a dossier's key at the top of its
 * lineage, the words of a name, when two words are one, and that the
 * score prefers the technology a reader would pair. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "ranker/bench.h"

static void words(void **state)
{
	struct bm_words w;

	(void)state;
	bm_words("Based on 100% electrolytic hydrogen (DRI)", &w);
	/* "based", "on" and the number are no words; DRI written out */
	assert_int_equal(w.n, 5);
	assert_string_equal(w.w[0], "electrolyt");
	assert_string_equal(w.w[1], "hydrogen");
	assert_string_equal(w.w[2], "direct");
	assert_string_equal(w.w[3], "reduc");
	assert_string_equal(w.w[4], "iron");
	bm_words("Hydrogen-based shaft furnace direct reduction", &w);
	assert_int_equal(w.n, 5);
	assert_string_equal(w.w[4], "reduct");
	bm_words(NULL, &w);
	assert_int_equal(w.n, 0);
	bm_words("氢基竖炉", &w);
	assert_int_equal(w.n, 0);
}

static void word_match(void **state)
{
	(void)state;
	assert_true(bm_word_match("reduc", "reduct"));
	assert_true(bm_word_match("electrolyt", "electrolysis"));
	assert_true(bm_word_match("electr", "electrification"));
	assert_false(bm_word_match("electrolysis", "electrification"));
	assert_false(bm_word_match("hydrogen", "hydrothermal"));
	assert_false(bm_word_match("ore", "oreo"));     /* too short */
	assert_true(bm_word_match("iron", "ironmaking"));
}

static void side(struct bm_side *s, const char *en, const char *scope,
		 int cat)
{
	memset(s, 0, sizeof *s);
	s->en = en;
	s->category = cat;
	bm_words(en, &s->name);
	bm_words(scope, &s->scope);
}

/* A hydrogen shaft furnace is a hydrogen DRI process, not a hydrogen
 * plasma smelting one, though the latter shares more of its words. */
static void score(void **state)
{
	struct bm_index *x = bm_index_new();
	struct bm_side d, r1, r2, r3;

	(void)state;
	side(&d, "Hydrogen-based shaft furnace direct reduction", NULL,
	     LC_CAT_HYDROGEN);
	side(&r1, "Based on 100% electrolytic hydrogen (DRI)",
	     "Demand,Industry,Iron and steel,Production,Direct reduced iron",
	     LC_CAT_HYDROGEN);
	side(&r2, "Smelting reduction based on hydrogen plasma",
	     "Demand,Industry,Iron and steel,Production,Smelting reduction",
	     LC_CAT_HYDROGEN);
	side(&r3, "Calcined clay", "Demand,Industry,Cement and concrete",
	     LC_CAT_FEEDSTOCK);
	assert_int_equal(bm_index_add(x, &d.name, -1), 0);
	assert_int_equal(bm_index_add(x, &r1.name, 0), 0);
	assert_int_equal(bm_index_add(x, &r1.scope, 0), 0);
	assert_int_equal(bm_index_add(x, &r2.name, 1), 0);
	assert_int_equal(bm_index_add(x, &r2.scope, 1), 0);
	assert_int_equal(bm_index_add(x, &r3.name, 2), 0);
	assert_true(bm_score(x, &d, &r1) > bm_score(x, &d, &r2));
	assert_true(bm_score(x, &d, &r1) >= 0.4);
	assert_true(bm_score(x, &d, &r3) < 0.1);
	/* rare words weigh more than common ones */
	assert_true(bm_idf(x, "clay") > bm_idf(x, "hydrogen"));
	bm_index_free(x);
}

static void put(struct lc_catalog *cat, const char *id, const char *lin)
{
	struct lc_tech *t = lc_tech_new();

	lc_tech_set(t, LC_F_ID, id, NULL);
	lc_tech_set(t, LC_F_EDITION, (char[5]){ id[0], id[1], id[2], id[3],
						0 }, NULL);
	lc_tech_set(t, LC_F_NAME_ZH, "技术", NULL);
	lc_tech_set(t, LC_F_SECTOR, "steel", NULL);
	lc_tech_set(t, LC_F_CATEGORY, "process", NULL);
	lc_tech_set(t, LC_F_TRL, "5", NULL);
	lc_tech_set(t, LC_F_LINEAGE, lin, NULL);
	assert_true(lc_catalog_put_tech(cat, t, NULL, NULL, 0, NULL) > 0);
	lc_tech_free(t);
}

/* Keys: the top of a lineage, itself without one, an id not stored when
 * the lineage names one; members of a key in edition order. */
static void lineage_keys(void **state)
{
	char dir[] = "/tmp/lowcarb-bench-XXXXXX", path[64];
	struct lc_catalog *cat;
	struct lc_lineage *g;
	const char *ids[4];

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/c.tct", dir);
	assert_int_equal(lc_catalog_open(&cat, path, LC_OPEN_CREATE, NULL),
			 0);
	assert_int_equal(lc_catalog_begin(cat, NULL), 0);
	put(cat, "2023-ST-001", NULL);
	put(cat, "2024-ST-009", "2023-ST-001");
	put(cat, "2025-ST-004", "2024-ST-009");
	put(cat, "2025-ST-005", "2022-ST-777");
	put(cat, "2025-ST-006", NULL);
	assert_int_equal(lc_catalog_commit(cat, NULL), 0);
	assert_int_equal(lc_lineage_load(cat, &g, NULL), 0);
	assert_string_equal(lc_lineage_key(g, "2025-ST-004"), "2023-ST-001");
	assert_string_equal(lc_lineage_key(g, "2024-ST-009"), "2023-ST-001");
	assert_string_equal(lc_lineage_key(g, "2023-ST-001"), "2023-ST-001");
	assert_string_equal(lc_lineage_key(g, "2025-ST-005"), "2022-ST-777");
	assert_string_equal(lc_lineage_key(g, "2025-ST-006"), "2025-ST-006");
	assert_null(lc_lineage_key(g, "2099-ST-001"));
	assert_int_equal(lc_lineage_members(g, "2023-ST-001", ids, 4), 3);
	assert_string_equal(ids[0], "2023-ST-001");
	assert_string_equal(ids[2], "2025-ST-004");
	assert_int_equal(lc_lineage_members(g, "2022-ST-777", ids, 4), 1);
	assert_int_equal(lc_lineage_members(g, "nothing", ids, 4), 0);
	lc_lineage_free(g);
	lc_catalog_close(cat);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(words),
		cmocka_unit_test(word_match),
		cmocka_unit_test(score),
		cmocka_unit_test(lineage_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
