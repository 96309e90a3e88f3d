/* pairs.c - a benchmark's pairs fixed by hand: a CSV file whose header
 * is exactly id,ref_id, one pair a row; an empty ref_id forbids any pair
 * for that dossier. Whether the ids exist is for the benchmark to say. */
#include <stdlib.h>
#include <string.h>
#include "importers/internal.h"

void lc_pairs_release(struct lc_pairs *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->id[i]);
		free(p->ref[i]);
	}
	free(p->id);
	free(p->ref);
	free(p->line);
	memset(p, 0, sizeof *p);
}

static int add(struct lc_pairs *p, size_t *cap, const char *id,
	       const char *ref, long line)
{
	if (p->n == *cap) {
		size_t c = *cap ? 2 * *cap : 64;
		char **ni = realloc(p->id, c * sizeof *ni);
		char **nr;
		long *nl;

		if (!ni)
			return LC_ENOMEM;
		p->id = ni;
		nr = realloc(p->ref, c * sizeof *nr);
		if (!nr)
			return LC_ENOMEM;
		p->ref = nr;
		nl = realloc(p->line, c * sizeof *nl);
		if (!nl)
			return LC_ENOMEM;
		p->line = nl;
		*cap = c;
	}
	p->id[p->n] = strdup(id);
	p->ref[p->n] = strdup(ref);
	p->line[p->n] = line;
	if (!p->id[p->n] || !p->ref[p->n]) {
		free(p->id[p->n]);
		free(p->ref[p->n]);
		return LC_ENOMEM;
	}
	p->n++;
	return 0;
}

int lc_pairs_read(const char *path, struct lc_pairs *out,
		  lc_problem_fn problem, void *pctx, struct lc_error *err)
{
	struct lc_csv *csv = NULL;
	struct lc_error e;
	size_t nf, cap = 0;
	long line, bad = 0;
	int rc;

	memset(out, 0, sizeof *out);
	rc = lc_csv_open(&csv, path, NULL, LC_CSV_TRIM | LC_CSV_SKIP_BLANK,
			 err);
	if (rc)
		return rc;
	rc = lc_csv_next(csv, &nf, &line, err);
	if (rc == 1 && (nf != 2 || strcmp(lc_csv_get(csv, 0), "id") ||
			strcmp(lc_csv_get(csv, 1), "ref_id"))) {
		lc_error_set(err, LC_EDATA, path, line, NULL, "the header "
			     "must be exactly id,ref_id");
		rc = LC_EDATA;
	} else if (rc == 0) {
		rc = lc_error_set(err, LC_EDATA, path, 1, NULL,
				  "empty file: expected the header id,ref_id");
	}
	while (rc == 1) {
		rc = lc_csv_next(csv, &nf, &line, err);
		if (rc != 1)
			break;
		if (nf != 2 || !*lc_csv_get(csv, 0)) {
			lc_error_set(&e, LC_EDATA, path, line, nf != 2 ? NULL :
				     "id", nf != 2 ? "a pair is two fields, "
				     "id,ref_id (ref_id empty: no pair)" :
				     "no id");
			if (problem)
				problem(&e, pctx);
			bad++;
			continue;
		}
		if (add(out, &cap, lc_csv_get(csv, 0), lc_csv_get(csv, 1),
			line)) {
			rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
					  "out of memory");
			break;
		}
	}
	lc_csv_close(csv);
	if (rc == 0 && bad)
		rc = lc_error_set(err, LC_EDATA, path, 0, NULL, "%ld bad "
				  "row%s", bad, bad == 1 ? "" : "s");
	if (rc < 0)
		lc_pairs_release(out);
	return rc;
}
