/* sheets.c - an expert's score sheet as CSV for a spreadsheet: the rows
 * sheet_rows.c builds, text made inert against formula injection. */
#include <stdio.h>
#include "exporters/internal.h"

int lc_sheet_export(struct lc_catalog *cat,
		    const struct lc_criteria *c, const char *expert,
		    const struct lc_sheet_opts *o, FILE *out,
		    struct lc_error *err)
{
	struct exp_sheet s;
	int rc = exp_sheet_build(cat, c, expert, o, &s, err);

	if (rc < 0)
		goto out;
	for (size_t k = 0; k < s.ncols; k++) {
		if (k)
			putc(',', out);
		lc_csv_field(out, s.name[k], 1);
	}
	putc('\n', out);
	/* Text from submissions is made inert for spreadsheets; ids,
	 * quantities and scores are numbers (a negative cost is not a
	 * formula). */
	for (size_t r = 0; r < s.nrows; r++) {
		for (size_t k = 0; k < s.ncols; k++) {
			if (k)
				putc(',', out);
			lc_csv_field(out, exp_sheet_cell(&s, r, k),
				     s.kind[k] != EXP_SC_SCORE && !s.num[k]);
		}
		putc('\n', out);
	}
	if (fflush(out) != 0 || ferror(out))
		rc = lc_error_set(err, LC_EIO, NULL, 0, NULL,
				  "cannot write the sheet");
out:
	exp_sheet_release(&s);
	return rc;
}
