/* fuzz_scores.c - filled score sheets and long score files, as `lowcarb
 * scores import` checks them against a panel: a catalog made once per
 * process in /dev/shm with two dossiers, three experts (one conflicted)
 * and an assignment. */
#include <string.h>
#include "tests/fuzz/fuzz.h"
#include "importers/importers.h"
#include "ranker/ranker.h"

static struct lc_catalog *cat;
static struct lc_criteria crit;
static struct lc_experts x;
static struct lc_dossiers d;
static struct lc_strmap *conf;

static void put(const char *id, const char *code)
{
	struct lc_tech *t = lc_tech_new();
	struct lc_error e;

	lc_tech_set(t, LC_F_ID, id, &e);
	lc_tech_set(t, LC_F_EDITION, "2025", &e);
	lc_tech_set(t, LC_F_NAME_ZH, "技术", &e);
	lc_tech_set(t, LC_F_SECTOR, "steel", &e);
	lc_tech_set(t, LC_F_SUBMITTER, "某公司", &e);
	lc_tech_set(t, LC_F_CREDIT_CODE, code, &e);
	if (lc_catalog_put_tech(cat, t, NULL, NULL, 0, &e) < 0)
		abort();
	lc_tech_free(t);
}

static void setup(void)
{
	static const char experts[] =
		"id,name,affiliation,credit_codes,sectors\n"
		"E1,a,某大学,,steel\nE2,b,某学院,,steel\n"
		"E3,c,某公司,,steel\n";
	struct lc_experts in = { NULL, 0 };
	struct lc_put_counts n;
	struct lc_audit *a = NULL;
	struct lc_error e;
	char path[64];
	long added, removed;

	snprintf(path, sizeof path, "/dev/shm/lowcarb-fuzz-%d.tct",
		 (int)getpid());
	unlink(path);
	if (lc_catalog_open(&cat, path, LC_OPEN_CREATE, &e) ||
	    lc_catalog_begin(cat, &e))
		abort();
	put("2025-ST-001", "91310000132200821H");
	put("2025-ST-002", "91110000100017643K");
	if (lc_catalog_commit(cat, &e) ||
	    lc_experts_read(fuzz_file((const uint8_t *)experts,
				      strlen(experts), ".csv"), NULL, NULL,
			    &in, &e) ||
	    lc_audit_tx_begin(cat, &a, &e) ||
	    lc_experts_store(cat, &in, &n, &e) ||
	    lc_conflicts_refresh(cat, a, "x", &added, &removed, &e) ||
	    lc_audit_tx_end(cat, a, 0, &e))
		abort();
	lc_experts_release(&in);
	lc_assign_add(cat, "E1", "2025-ST-001", &e);
	lc_assign_add(cat, "E2", "2025-ST-001", &e);
	lc_assign_add(cat, "E2", "2025-ST-002", &e);
	crit.n = 2;
	strcpy(crit.id[0], "carbon");
	strcpy(crit.id[1], "maturity");
	crit.hi[0] = crit.hi[1] = 10;
	crit.min_scores = 1;
	if (lc_experts_load(cat, &x, &e) ||
	    lc_dossiers_load(cat, NULL, &d, &e) ||
	    lc_conflicts_set(cat, &x, &d, &conf, &e))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *paths[1];
	struct lc_scores_sum sum;
	struct lc_error e;

	if (!cat)
		setup();
	paths[0] = (char *)fuzz_file(data, size, ".sheet");
	lc_scores_import(cat, &crit, &x, &d, conf, paths, 1, NULL, NULL,
			 &sum, &e);
	return 0;
}
