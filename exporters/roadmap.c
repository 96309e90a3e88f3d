/* roadmap.c - builds the annual roadmap's document model from the
 * catalog: loads the edition and the previous one, ranks it, then adds
 * the chapters in order (one file each: roadmap_*.c). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

void lc_roadmap_opts_init(struct lc_roadmap_opts *o)
{
	memset(o, 0, sizeof *o);
	o->lang = "zh";
	o->carbon_price = NAN;
	o->discount_rate = 0.08;
	o->profile = "top20";
	o->sector = -1;
}

static int collect(const struct lc_tech *t, void *ctx)
{
	struct techs *ts = ctx;
	struct tinfo *ti;

	if (ts->n == ts->cap) {
		size_t cap = ts->cap ? ts->cap * 2 : 256;
		struct tinfo *nv = realloc(ts->v, cap * sizeof *nv);

		if (!nv) {
			ts->oom = 1;
			return 1;
		}
		ts->v = nv;
		ts->cap = cap;
	}
	ti = &ts->v[ts->n];
	ti->t = lc_tech_dup(t);
	if (!ti->t) {
		ts->oom = 1;
		return 1;
	}
	ti->sector = lc_tech_sector(t);
	ti->trl = lc_tech_trl(t);
	ti->horizon = lc_horizon(ti->trl);
	if (!lc_tech_num(t, LC_F_POTENTIAL, &ti->pot))
		ti->pot = NAN;
	ts->n++;
	return 0;
}

static void techs_free(struct techs *ts)
{
	for (size_t i = 0; i < ts->n; i++)
		lc_tech_free(ts->v[i].t);
	free(ts->v);
}

static int load_edition(struct lc_catalog *cat, const char *edition,
			int sector, double rate, int basis, struct techs *ts,
			struct lc_error *err)
{
	struct lc_filter f;
	int rc;

	lc_filter_init(&f);
	f.edition = edition;
	f.sector = sector;
	rc = lc_catalog_each_tech(cat, &f, collect, ts, err);
	if (ts->oom)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < ts->n; i++) {
		struct tinfo *ti = &ts->v[i];

		ti->costsrc = lc_cost_value(ti->t, basis, rate, &ti->cost);
		if (!ti->costsrc)
			ti->cost = NAN;
	}
	return 0;
}

/* The data vintage: the latest time a dossier of the edition was
 * written, read from the catalog's own records (same catalog, same
 * text). */
static int vintage_fn(const char *key, const struct lc_rec *r, void *ctx)
{
	char *v = ctx;
	const char *w = lc_rec_get(r, "_when");

	(void)key;
	if (w && strcmp(w, v) > 0)
		snprintf(v, 32, "%.10s", w);
	return 0;
}

/* The edition against the reference catalog o->reference (read only). */
static int benchmark(struct lc_catalog *cat, const struct lc_roadmap_opts *o,
		     struct lc_bench **out, struct lc_error *err)
{
	struct lc_catalog *ref = NULL;
	struct lc_bench_opts bo;
	int rc = lc_catalog_open(&ref, o->reference, LC_OPEN_READ, err);

	if (rc)
		return rc;
	memset(&bo, 0, sizeof bo);
	bo.edition = o->edition;
	bo.ref_edition = o->reference_edition;
	rc = lc_bench_run(cat, ref, &bo, out, err);
	lc_catalog_close(ref);
	return rc;
}

/* The roadmap of one industry: only its dossiers were loaded; the list
 * printed keeps only theirs, the benchmark only its rows. Returns the
 * list's length before. */
static size_t one_sector(struct lc_catalog *cat, struct rm *m)
{
	size_t all = 0, k = 0;

	for (size_t i = 0; i < m->nlist; i++) {
		int withdrawn = m->list_withdrawn[i];

		if (rm_tech_index(m, m->list[i]) < 0) {
			/* another industry's: only counted */
			struct lc_tech *t = NULL;

			if (lc_catalog_get_tech(cat, m->list[i], &t,
						NULL) == 0)
				withdrawn = lc_tech_status(t) ==
					    LC_ST_WITHDRAWN;
			lc_tech_free(t);
			all += !(withdrawn &&
				 m->list_kind == RM_LIST_PUBLISHED);
			free(m->list[i]);
			continue;
		}
		all += !(withdrawn && m->list_kind == RM_LIST_PUBLISHED);
		m->list[k] = m->list[i];
		m->list_withdrawn[k++] = m->list_withdrawn[i];
	}
	m->nlist = k;
	if (m->bench) {
		struct lc_bench *b = m->bench;

		k = 0;
		for (size_t i = 0; i < b->n; i++) {
			if (b->v[i].sector != m->o->sector) {
				lc_tech_free(b->v[i].dom);
				lc_tech_free(b->v[i].ref);
				continue;
			}
			b->v[k++] = b->v[i];
		}
		b->n = k;
		for (int s = 0; s < LC_SECTOR__COUNT; s++)
			if (s != m->o->sector)
				memset(&b->s[s], 0, sizeof b->s[s]);
	}
	return all;
}

int lc_roadmap_build(struct lc_catalog *cat, const struct lc_roadmap_opts *o,
		     struct lc_doc **out, struct lc_error *err)
{
	struct rm m;
	struct lc_error e2 = { 0 };
	struct lc_rank_opts ro;
	char css_path[4096];
	long ed;
	size_t nlist_all = 0;
	int rc, no = 4, basis = LC_COST_STATED_ELSE_COMPUTED;

	*out = NULL;
	memset(&m, 0, sizeof m);
	m.o = o;
	m.en = exp_is_en(o->lang);
	m.lang = m.en ? "en" : "zh";
	if (!o->edition || strlen(o->edition) != 4 ||
	    strspn(o->edition, "0123456789") != 4)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "edition",
				    "edition must be a year, not '%s'",
				    o->edition ? o->edition : "");
	/* the publication file first: a bad one writes nothing */
	rc = lc_publication_load(o->publication, &m.pub, err);
	if (rc < 0)
		return rc;
	ed = strtol(o->edition, NULL, 10);
	snprintf(m.prev_edition, sizeof m.prev_edition, "%ld", ed - 1);
	/* the profile first: its cost basis is the ranking's and the
	 * MACC's */
	if (lc_profile_load(o->profile ? o->profile : "top20", &m.prof,
			    &e2) == 0)
		basis = lc_profile_cost_basis(m.prof);
	rc = load_edition(cat, o->edition, o->sector, o->discount_rate, basis,
			  &m.cur, err);
	if (rc == 0 && m.cur.n == 0 && o->sector >= 0)
		rc = lc_error_set(err, LC_ENOTFOUND, NULL, 0, "edition",
				  "no dossier in edition %s, sector %s",
				  o->edition, lc_sector_name(o->sector));
	else if (rc == 0 && m.cur.n == 0)
		rc = lc_error_set(err, LC_ENOTFOUND, NULL, 0, "edition",
				  "no dossier in edition %s", o->edition);
	if (rc == 0)
		rc = load_edition(cat, m.prev_edition, o->sector,
				  o->discount_rate, basis, &m.prev, err);
	if (rc == 0 && m.prev.n)
		rc = lc_lineage_load(cat, &m.lineage, err);
	if (rc == 0 && o->reference)
		rc = benchmark(cat, o, &m.bench, err);
	if (rc < 0)
		goto out;
	(void)lc_catalog_rec_each(cat, "tech", "edition", o->edition,
				  vintage_fn, m.vintage, NULL);
	if (!m.vintage[0])
		snprintf(m.vintage, sizeof m.vintage, "—");
	/* The Top N comes from the ranker; a failure there is said in the
	 * document rather than losing the whole roadmap. */
	lc_rank_opts_init(&ro);
	ro.discount_rate = o->discount_rate;
	if (!m.prof ||
	    lc_rank_edition(cat, o->edition, m.prof, &ro, &m.rank, &e2) < 0)
		lc_error_format(&e2, m.rank_error, sizeof m.rank_error);
	rc = lc_words_load(m.lang, &m.w, err);
	if (rc == 0)
		rc = rm_load_list(cat, &m, err);
	if (rc < 0)
		goto out;
	if (o->sector >= 0)
		nlist_all = one_sector(cat, &m);
	m.d = lc_doc_new(m.lang);
	if (!m.d) {
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
		goto out;
	}
	if (lc_data_path("templates/roadmap-style.css", css_path,
			 sizeof css_path, NULL) == 0) {
		FILE *fp = fopen(css_path, "r");
		char *css = NULL;
		size_t len = 0;

		if (fp && getdelim(&css, &len, '\0', fp) >= 0)
			lc_doc_css(m.d, css);
		free(css);
		if (fp)
			fclose(fp);
	}
	rc = rm_title_page(&m);
	if (rc == 0 && o->sector >= 0)
		rc = rm_industry_title(&m);
	if (rc == 0)
		rc = lc_doc_toc(m.d, W(&m, "doc.toc"));
	if (rc == 0)
		rc = rm_foreword(&m);
	/* the key findings follow the foreword on its page */
	lc_doc_run_on(m.d);
	if (rc == 0)
		rc = o->sector >= 0 ? rm_industry_findings(&m) :
		     rm_findings(&m);
	if (rc == 0)
		rc = rm_top_chapter(&m);
	if (rc == 0 && o->sector >= 0)
		rc = rm_industry_top_note(&m, nlist_all);
	if (rc == 0)
		rc = rm_entries(&m);
	if (rc == 0)
		rc = o->sector >= 0 ? rm_industry_emissions(&m) :
		     rm_overview(&m);
	for (int s = 0; rc == 0 && s < LC_SECTOR__COUNT; s++) {
		long n = 0;

		for (size_t i = 0; i < m.cur.n; i++)
			n += m.cur.v[i].sector == s;
		if (n)
			rc = rm_sector_chapter(&m, s, no++);
	}
	/* the milestones, short, follow the last chapter on its page */
	lc_doc_run_on(m.d);
	if (rc == 0)
		rc = rm_milestones(&m, no++);
	if (rc == 0 && m.bench)
		rc = rm_benchmark(&m, no++);
	if (rc == 0)
		rc = rm_annex(&m, no);
	if (rc == 0 && m.d->broken)
		rc = LC_ENOMEM;
	if (rc < 0) {
		lc_error_set(err, rc, NULL, 0, NULL, "out of memory");
		lc_doc_free(m.d);
	} else {
		*out = m.d;
	}
out:
	techs_free(&m.cur);
	techs_free(&m.prev);
	lc_ranking_free(m.rank);
	lc_profile_free(m.prof);
	lc_words_free(m.w);
	lc_publication_free(m.pub);
	rm_list_free(&m);
	lc_lineage_free(m.lineage);
	lc_bench_free(m.bench);
	return rc;
}
