/* xlsx_out.c - a workbook written by libxlsxwriter (which writes only to
 * a named file) delivered to a stream: made in a private temporary, then
 * copied, so that `-o -` and the CLI's write-then-rename work as for
 * every other format. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "exporters/internal.h"

struct lxw_workbook *exp_xlsx_new(char *tmp, size_t n,
				  struct lc_error *err)
{
	const char *dir = getenv("TMPDIR");
	lxw_workbook *wb;
	int fd;

	if (!dir || !*dir)
		dir = "/tmp";
	if ((size_t)snprintf(tmp, n, "%s/lowcarb-xlsx.XXXXXX", dir) >= n) {
		lc_error_set(err, LC_EIO, NULL, 0, NULL, "temporary directory "
			     "name too long: '%s'", dir);
		return NULL;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		lc_error_set(err, LC_EIO, NULL, 0, NULL, "cannot create a "
			     "temporary file in '%s'", dir);
		return NULL;
	}
	close(fd);
	wb = workbook_new(tmp);
	if (!wb) {
		remove(tmp);
		lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
			     "cannot start the workbook");
	}
	return wb;
}

int exp_xlsx_finish(struct lxw_workbook *wb, const char *tmp, FILE *out,
		    int rc, struct lc_error *err)
{
	lxw_error e = workbook_close(wb);
	FILE *in = NULL;
	char buf[8192];
	size_t n;

	if (rc < 0)
		goto out;
	if (e != LXW_NO_ERROR) {
		rc = lc_error_set(err, LC_EIO, NULL, 0, NULL, "cannot write "
				  "the workbook: %s", lxw_strerror(e));
		goto out;
	}
	in = fopen(tmp, "rb");
	if (!in) {
		rc = lc_error_set(err, LC_EIO, NULL, 0, NULL, "cannot read "
				  "the workbook back from '%s'", tmp);
		goto out;
	}
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			break;
	if (ferror(in) || fflush(out) != 0 || ferror(out))
		rc = lc_error_set(err, LC_EIO, NULL, 0, NULL,
				  "cannot write the workbook");
out:
	if (in)
		fclose(in);
	remove(tmp);
	return rc;
}
