/* out.c - where a command's output goes: a temporary beside -o FILE,
 * renamed into place only when everything was written (a failed command
 * leaves FILE as it was), or standard output; and a document written in
 * one of the model's formats. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "exporters/exporters.h"

int cli_out_open(struct cli_out *o, const char *path)
{
	struct lc_error err = { 0 };

	o->path = path;
	o->tmp = NULL;
	if (!path || strcmp(path, "-") == 0) {
		o->fp = stdout;
		o->path = NULL;
		return 0;
	}
	o->tmp = malloc(strlen(path) + 24);
	if (!o->tmp) {
		lc_error_set(&err, LC_ENOMEM, NULL, 0, NULL, "out of memory");
		return cli_fail(&err);
	}
	snprintf(o->tmp, strlen(path) + 24, "%s.tmp%ld", path,
		 (long)getpid());
	o->fp = fopen(o->tmp, "w");
	if (!o->fp) {
		lc_error_set(&err, LC_EIO, path, 0, NULL, "cannot write '%s'",
			     path);
		free(o->tmp);
		o->tmp = NULL;
		return cli_fail(&err);
	}
	return 0;
}

int cli_out_finish(struct cli_out *o, int rc, struct lc_error *err)
{
	/* ferror too: a failed fputs leaves nothing for fclose or fflush
	 * to fail on */
	if (o->fp != stdout) {
		int bad = ferror(o->fp);

		if ((fclose(o->fp) != 0 || bad) && rc == 0)
			rc = lc_error_set(err, LC_EIO, o->path, 0, NULL,
					  "write error on '%s'", o->path);
		if (rc == 0 && rename(o->tmp, o->path) != 0)
			rc = lc_error_set(err, LC_EIO, o->path, 0, NULL,
					  "cannot write '%s'", o->path);
		if (rc < 0)
			remove(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	} else if ((fflush(stdout) != 0 || ferror(stdout)) && rc == 0) {
		rc = lc_error_set(err, LC_EIO, NULL, 0, NULL, "write error");
	}
	/* the writers know a stream, not its name: say which output (not
	 * for a field's error: that one is about the input) */
	if (rc < 0 && err && !err->file[0] && !err->field[0])
		snprintf(err->file, sizeof err->file, "%s",
			 o->path ? o->path : "standard output");
	return rc < 0 ? cli_fail(err) : 0;
}

int cli_doc_format(const char *cmd, const char *format, const char *out)
{
	if (!format || (strcmp(format, "html") && strcmp(format, "fodt") &&
			strcmp(format, "md")))
		return cli_usage(cmd, "--format must be html, fodt or md");
	if (format[0] == 'm' && (!out || strcmp(out, "-") == 0))
		return cli_usage(cmd, "--format md needs -o FILE (its charts "
				 "go beside it)");
	return 0;
}

int cli_doc_write(struct lc_doc *doc, const char *format, const char *out)
{
	struct lc_error err = { 0 };
	struct cli_out o;
	int rc;

	if (format[0] == 'm') {
		rc = lc_doc_write_md(doc, out, &err);
		return rc < 0 ? cli_fail(&err) : 0;
	}
	rc = cli_out_open(&o, out);
	if (rc)
		return rc;
	rc = format[0] == 'h' ? lc_doc_write_html(doc, o.fp, &err) :
	     lc_doc_write_fodt(doc, o.fp, &err);
	return cli_out_finish(&o, rc, &err);
}
