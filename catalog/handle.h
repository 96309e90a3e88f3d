/* handle.h - catalog-private: the catalog handle, shared by the files of
 * catalog/ that work over the store (catalog.c, query.c). */
#ifndef LC_CATALOG_HANDLE_H
#define LC_CATALOG_HANDLE_H

#include "catalog/store.h"

/* Invariant: st is open for the catalog's lifetime. */
struct lc_catalog {
	struct lc_store *st;
	char path[1024];
};

#endif
