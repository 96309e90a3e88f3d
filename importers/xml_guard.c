/* xml_guard.c - what keeps hostile XML out: a DOCTYPE refused before the
 * parser sees it (no DTD, no entities: XXE and entity-expansion bombs
 * fail cleanly), and every external resource refused. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>
#include "importers/internal.h"

/* Refuses every external resource: documents may not pull in files or
 * URLs (the schema is loaded before this is in force). */
xmlParserInputPtr imp_xml_no_entities(const char *url, const char *id,
				     xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* Looks at the prolog before libxml2 sees anything: a DOCTYPE (the door
 * to external entities and entity expansion bombs) is refused with its
 * line. Returns 0, or LC_EDATA/LC_EIO in err. */
int imp_xml_refuse_doctype(const char *path, struct lc_error *err)
{
	char buf[65536];
	FILE *fp = fopen(path, "rb");
	size_t n, i = 0;
	long line = 1;
	if (!fp)
		return lc_error_set(err, LC_EIO, path, 0, NULL,
				    "unable to open: %s", strerror(errno));
	n = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n) {
		const char *end = NULL;
		if (buf[i] == '\n') {
			line++;
			i++;
			continue;
		} else if (buf[i] == ' ' || buf[i] == '\t' ||
			   buf[i] == '\r') {
			i++;
			continue;
		} else if (strncmp(buf + i, "<?", 2) == 0) {
			end = strstr(buf + i, "?>");
		} else if (strncmp(buf + i, "<!--", 4) == 0) {
			end = strstr(buf + i, "-->");
		} else if (strncmp(buf + i, "<!DOCTYPE", 9) == 0) {
			return lc_error_set(err, LC_EDATA, path, line, NULL,
					    "DOCTYPE declarations are refused "
					    "(no DTD, no entities: protection "
					    "against XXE and entity "
					    "expansion)");
		} else {
			break;
		}
		if (end) {
			const char *p;
			for (p = buf + i; p < end; p++)
				if (*p == '\n')
					line++;
			i = (size_t)(end - buf) + 2;
		} else if (buf[i] == '<') {
			break;   /* unterminated: the parser will say */
		}
	}
	return 0;
}

