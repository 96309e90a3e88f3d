/* promotion.h - exporters-private: what the promotion catalog's two
 * writers share (promotion.c builds the document, promotion_table.c the
 * CSV): the entries gathered from the catalog and their numbers in the
 * magnitudes the national catalogs print. */
#ifndef LC_EXPORTERS_PROMOTION_H
#define LC_EXPORTERS_PROMOTION_H

#include "exporters/internal.h"

/* The entries of a catalog: the dossiers of the edition (and sector)
 * with the status asked for, by sector (enum order) then id. */
struct promo {
	struct lc_tech **t;   /* n dossiers, owned */
	size_t n, cap;
	int status;           /* the enum lc_promo_status in effect (never
				 LC_PROMO_DEFAULT) */
	int published;        /* the edition was published */
	int oom;
};

/* Gathers the entries of o into *p (release with promo_release). The
 * errors of lc_promo_build. */
int promo_load(struct lc_catalog *cat, const struct lc_promo_opts *o,
	       struct promo *p, struct lc_error *err);
void promo_release(struct promo *p);

/* v / 10^p10 written exactly into buf (n >= 48): the shortest decimal of
 * v with its point moved, "" for NaN. */
const char *promo_exact(double v, int p10, char *buf, size_t n);
/* v / 10^p10 with at most two decimals, trailing zeros dropped, "" for
 * NaN. */
const char *promo_round(double v, int p10, char *buf, size_t n);

/* The national figures a catalog prints beside its abatement capacity,
 * from the reference installation's: investment (CNY) and energy saving
 * (tce/a) times potential / abatement, the installations the national
 * potential stands for. NaN when a figure is missing or abatement is not
 * positive. */
double promo_national(const struct lc_tech *t, int f);

#endif
