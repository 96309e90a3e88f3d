/* cmd-notice.c - `lowcarb notice`: puts the recorded selection of an
 * edition under public notice (公示) and writes the notice document. */
#include <getopt.h>
#include <string.h>
#include "cli/cli.h"
#include "ranker/ranker.h"
#include "exporters/exporters.h"

enum { O_EDITION, O_DAYS, O_PUB, O_FORMAT, O_LANG, O_OUT, O_N };

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "edition", required_argument, NULL, O_EDITION },
		{ "days", required_argument, NULL, O_DAYS },
		{ "publication", required_argument, NULL, O_PUB },
		{ "format", required_argument, NULL, O_FORMAT },
		{ "lang", required_argument, NULL, O_LANG },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	const char *v[O_N] = { NULL }, *lang, *format;
	struct lc_error err = { 0 };
	struct lc_catalog *cat = NULL;
	struct lc_publication *pub = NULL;
	struct lc_notice *no = NULL;
	struct lc_doc *doc = NULL;
	long days = 10, year;
	int first, rc, opened = 0;

	rc = cli_options("notice", argc, argv, "o:", opts, v, 0, &first);
	if (rc)
		return rc;
	if (!v[O_EDITION] || cli_int(v[O_EDITION], 1900, 9999, &year))
		return cli_usage("notice", "--edition YEAR is required");
	if (v[O_DAYS] && cli_int(v[O_DAYS], 1, 365, &days))
		return cli_usage("notice", "--days must be 1 to 365, not '%s'",
				 v[O_DAYS]);
	lang = v[O_LANG] ? v[O_LANG] : "zh";
	if (strcmp(lang, "zh") && strcmp(lang, "en"))
		return cli_usage("notice", "language must be zh or en, not "
				 "'%s'", lang);
	format = v[O_FORMAT] ? v[O_FORMAT] : "html";
	if (cli_doc_format("notice", format, v[O_OUT]))
		return 2;
	/* the publication file first: a bad one changes nothing */
	rc = lc_publication_load(v[O_PUB], &pub, &err);
	if (rc < 0)
		return cli_fail(&err);
	rc = cli_open(&cat, LC_OPEN_WRITE);
	if (rc) {
		lc_publication_free(pub);
		return rc;
	}
	rc = lc_notice_get(cat, v[O_EDITION], &no, &err);
	if (rc == LC_ENOTFOUND) {
		rc = lc_notice_open(cat, v[O_EDITION], days, &err);
		opened = rc == 0;
	} else if (rc == 0 && v[O_DAYS]) {
		rc = lc_error_set(&err, LC_EDATA, NULL, 0, "days",
				  "edition %s is under notice since %s "
				  "(until %s): the period is fixed",
				  v[O_EDITION], no->start, no->end);
	}
	lc_notice_free(no);
	no = NULL;
	if (rc == 0)
		rc = lc_notice_build(cat, v[O_EDITION], pub, lang, &doc, &err);
	if (rc == 0)
		rc = lc_notice_get(cat, v[O_EDITION], &no, &err);
	lc_catalog_close(cat);
	lc_publication_free(pub);
	if (rc < 0) {
		lc_doc_free(doc);
		return cli_fail(&err);
	}
	rc = cli_doc_write(doc, format, v[O_OUT]);
	lc_doc_free(doc);
	/* the summary on stderr when the document goes to stdout */
	fprintf(v[O_OUT] && strcmp(v[O_OUT], "-") ? stdout : stderr,
		"%s %s: %zu dossier(s) under notice from %s to %s%s\n",
		opened ? "notice recorded," : "notice of", v[O_EDITION], no->n,
		no->start, no->end, rc ? " (document not written: run "
		"again)" : "");
	lc_notice_free(no);
	return rc;
}

const struct cli_cmd cli_cmd_notice = {
	"notice", N_("put the selection under public notice and write the notice"),
	N_("usage: lowcarb notice --edition YEAR [--days N] [--publication FILE]\n"
	"                      [--format html|fodt|md] [--lang zh|en] "
	"[-o FILE]\n"
	"\n"
	"The public notice (公示) is the step between the panel's selection\n"
	"and publication. The first run records the selection last made by\n"
	"'lowcarb rank --edition YEAR' as the proposed list, in rank order,\n"
	"with its notice period: from today (UTC; SOURCE_DATE_EPOCH when set)\n"
	"for --days N days (default 10, at most 365). Every dossier on the\n"
	"list becomes 'noticed'; the step is audited. Later runs write the\n"
	"document again for the recorded notice (--days is then refused:\n"
	"the period was announced).\n"
	"\n"
	"The document (HTML, the default; .fodt for LibreOffice, WPS and\n"
	"Word untested; or Markdown) gives the publisher's title, authority,\n"
	"number and contact from the publication file (--publication FILE,\n"
	"default data/templates/publication.xml; see the README), the list\n"
	"with each dossier's submitter, the period and how to object.\n"
	"Without -o FILE (or --output FILE) it goes to standard output;\n"
	"--format md needs -o FILE.\n"
	"\n"
	"Then: 'lowcarb objection' records objections and their outcome,\n"
	"'lowcarb publish --edition YEAR' fixes the final list.\n"),
	run, NULL
};
