/* input.h - catalog-private: the bytes of an input file as UTF-8 (the
 * layer under the CSV reader). */
#ifndef LC_CATALOG_INPUT_H
#define LC_CATALOG_INPUT_H

#include "catalog/catalog.h"

/* ---- input bytes --------------------------------------------------------
 * A byte source over a file that converts GB18030 to UTF-8 on the fly. */
struct lc_input;
/* Opens path; encoding NULL sniffs (valid UTF-8 else GB18030). */
int lc_input_open(struct lc_input **in, const char *path,
		   const char *encoding, struct lc_error *err);
/* Reads up to n converted bytes into buf; returns the count, 0 at end,
 * or a negative status (conversion error with err->line unset). */
long lc_input_read(struct lc_input *in, char *buf, size_t n,
		    struct lc_error *err);
long long lc_input_pos(const struct lc_input *in);
long long lc_input_size(const struct lc_input *in);
void lc_input_close(struct lc_input *in);
/* 1 when the n bytes are valid UTF-8 (an incomplete sequence at the end
 * counts as valid when partial_ok). */
int lc_utf8_valid(const unsigned char *p, size_t n, int partial_ok);

#endif
