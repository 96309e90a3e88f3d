/* chapters.h - exporters-private: what the roadmap's chapters share (the
 * edition's dossiers, the ranking, the document) and the helpers they
 * use; each chapter is built by one function in a file of its own. */
#ifndef LC_EXPORTERS_CHAPTERS_H
#define LC_EXPORTERS_CHAPTERS_H

#include "exporters/internal.h"

/* One dossier of the edition with what the roadmap derives from it. */
struct tinfo {
	struct lc_tech *t;
	double cost;      /* CNY/tCO2, NaN when unknown */
	int costsrc;      /* 0 none, 1 declared, 2 computed */
	double pot;       /* tCO2/a, NaN when absent */
	int sector, trl, horizon;
};

struct techs {
	struct tinfo *v;
	size_t n, cap;
	int oom;
};

/* Everything the chapters share. */
struct rm {
	struct lc_doc *d;
	const struct lc_roadmap_opts *o;
	int en;
	const char *lang;
	struct techs cur, prev;
	char prev_edition[24];
	struct lc_profile *prof;
	struct lc_ranking *rank;
	char rank_error[600];
	char vintage[32];
	struct lc_words *w;    /* the text catalogue of the language */
	struct lc_publication *pub;   /* the publisher's details */
	/* The list the document prints (roadmap_list.c): the published
	 * list, the list under notice, the recorded selection or, when none
	 * was recorded, the ranking computed now. */
	enum { RM_LIST_RANKING, RM_LIST_SELECTION, RM_LIST_NOTICE,
	       RM_LIST_PUBLISHED } list_kind;
	size_t nlist;
	char **list;           /* ids in rank order (owned) */
	int *list_withdrawn;   /* 1: withdrawn after an objection */
	char list_when[32];    /* when recorded / noticed / published */
	int list_stale;        /* the data changed since it was recorded */
	char list_hash[65];    /* SHA-256 of the list's inputs; "" none */
	long nexperts;         /* experts on the panel (catalog records) */
	struct lc_bench *bench;       /* the edition against a reference
					 catalog, when one is given */
	struct lc_lineage *lineage;   /* technologies across editions, for
					 the changes since the previous
					 one; NULL when it could not be read */
};

/* m->en ? en : zh. */
static inline const char *L(const struct rm *m, const char *zh,
			    const char *en)
{
	return m->en ? en : zh;
}

/* The sentence key of the text catalogue ("[key]" when it lacks it,
 * never NULL). */
static inline const char *W(const struct rm *m, const char *key)
{
	const char *s = lc_words_get(m->w, key);

	return s ? s : key;
}

/* ---- helpers (roadmap_text.c) ----------------------------------------- */
/* v with dec decimals and thousands separators in buf (48 bytes). */
const char *rm_num(double v, int dec, char *buf);
const char *rm_sector_label(const struct rm *m, int s);
const char *rm_status_label(const struct rm *m, int st);
const char *rm_horizon_label(const struct rm *m, int h);
/* An annual CO2 quantity for prose (lc_co2_human) in buf (64 bytes). */
const char *rm_co2(const struct rm *m, double t, char *buf);
/* The same, "CO2e" when eq (another gas, or a sum holding one). */
const char *rm_co2e(const struct rm *m, double t, int eq, char *buf);
/* The name of a method, normalisation or aggregation for a reader. */
const char *rm_method_label(const struct rm *m, const char *id);
/* Keeps in top[0..*ntop) the (up to) three dossiers of the edition with
 * the largest potentials, largest first, ties in the order offered:
 * offers dossier i. */
void rm_top3(const struct rm *m, size_t top[3], size_t *ntop, size_t i);
/* Index of the dossier id in the edition, or -1. */
long rm_tech_index(const struct rm *m, const char *id);
/* Adds a formatted paragraph (item 0) or bullet item (item 1). */
int rm_add_f(struct rm *m, int item, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A chapter's title: key with {no} the no-th of the catalogue's
 * chapter.numerals (else the number) and {sector}, into buf. */
const char *rm_chapter(const struct rm *m, int no, const char *key,
		       const char *sector, char *buf, size_t n);
/* Adds the sentence key of the text catalogue, its {names[k]} filled with
 * vals[k], as a paragraph (item 0) or a bullet item (item 1). */
int rm_say(struct rm *m, int item, const char *key,
	   const char *const *names, const char *const *vals, size_t nv);
#define para_f(m, ...) rm_add_f(m, 0, __VA_ARGS__)
#define item_f(m, ...) rm_add_f(m, 1, __VA_ARGS__)
/* Adds the MACC of the dossiers of sector (-1: all) available at the
 * horizon upto (0 now: TRL 8-9, 1 by 2030: TRL 6-9, 2 by 2060 and -1:
 * all) as a figure with its data table, and the sentence of its total
 * after lead (NULL: none); nothing when none has a cost
 * (roadmap_sectors.c). */
int rm_macc_figure(struct rm *m, int sector, int upto, const char *title,
		   const char *lead);
/* One MACC per horizon (now, by 2030, by 2060), competing routes counted
 * once; a horizon without a curve is left out, one whose curve is the
 * previous one's is said in a sentence. */
int rm_macc_horizons(struct rm *m, int sector);

/* ---- the list printed (roadmap_list.c) -------------------------------- */
int rm_load_list(struct lc_catalog *cat, struct rm *m, struct lc_error *err);
void rm_list_free(struct rm *m);
/* 1 when the dossier id is on the printed list (and not withdrawn). */
int rm_listed(const struct rm *m, const char *id);
/* The sentence that says which list the document prints, into buf. */
const char *rm_list_sentence(const struct rm *m, char *buf, size_t n);

/* ---- chapters: each returns 0 or LC_ENOMEM ------------------------------ */
int rm_title_page(struct rm *m);                  /* roadmap_front.c */
int rm_foreword(struct rm *m);                    /* roadmap_front.c */
int rm_findings(struct rm *m);                    /* roadmap_front.c */
int rm_top_chapter(struct rm *m);                 /* roadmap_top.c */
int rm_entries(struct rm *m);                     /* roadmap_entries.c */
int rm_overview(struct rm *m);                    /* roadmap_sectors.c */
int rm_sector_chapter(struct rm *m, int s, int no); /* roadmap_sectors.c */
int rm_milestones(struct rm *m, int no);          /* roadmap_milestones.c */
int rm_annex(struct rm *m, int no);               /* roadmap_annex.c */
int rm_method(struct rm *m);                      /* roadmap_method.c */
int rm_changes(struct rm *m);                     /* roadmap_changes.c */
int rm_benchmark(struct rm *m, int no);           /* roadmap_benchmark.c */
/* The roadmap of one industry (roadmap_industry.c): its title, key
 * findings, the note on its share of the edition's list (total: the
 * list's length before only the industry's were kept) and the chapter
 * on where its emissions are. */
int rm_industry_title(struct rm *m);
int rm_industry_findings(struct rm *m);
int rm_industry_top_note(struct rm *m, size_t total);
int rm_industry_emissions(struct rm *m);

#endif
