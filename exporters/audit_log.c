/* audit_log.c - the audit chain as a log people read: one entry a line,
 * oldest first. */
#include <stdio.h>
#include "exporters/exporters.h"

static int print_one(const struct lc_audit_entry *e, void *ctx)
{
	FILE *fp = ctx;

	fprintf(fp, "%s %s %s %s %s", e->seq ? e->seq : "?",
		e->when ? e->when : "", e->who ? e->who : "",
		e->action ? e->action : "", e->detail ? e->detail : "");
	if (e->source && *e->source)
		fprintf(fp, " [%s]", e->source);
	putc('\n', fp);
	return 0;
}

int lc_audit_write(FILE *fp, struct lc_catalog *cat, struct lc_error *err)
{
	return lc_audit_each(cat, print_one, fp, err);
}
