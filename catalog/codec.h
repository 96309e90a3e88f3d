/* codec.h - catalog-private: a dossier to and from its stored columns. */
#ifndef LC_CODEC_H
#define LC_CODEC_H

#include "catalog/catalog.h"

/* Adds t's columns to r. 0 or LC_ENOMEM. */
int lc_codec_to_rec(const struct lc_tech *t, struct lc_rec *r);
/* Reads a dossier from r's columns named prefix+column (prefix NULL for
 * none); *out is a new dossier the caller frees. LC_EIO when the columns
 * are not a valid dossier. */
int lc_codec_from_rec(const struct lc_rec *r, const char *prefix,
		      struct lc_tech **out);

/* Sets numeric field f from text the catalog itself stored (already
 * canonical, so not formatted again: reading is the hot path). LC_EIO
 * when text is not a number. Implemented in tech.c. */
int lc_tech_set_canonical(struct lc_tech *t, int f, const char *text);

#endif
