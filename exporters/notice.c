/* notice.c - the public notice (公示) of an edition's proposed list, as
 * a document of the model (HTML, ODF, Markdown): the publisher's title
 * and details, the list in rank order with each dossier's submitter, the
 * notice period, how to object. Every sentence from the text catalogue,
 * the publisher's own words from the publication file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/internal.h"

/* The title with {edition} filled. */
static void titled(const char *tmpl, const char *edition, char *buf,
		   size_t n)
{
	const char *p = strstr(tmpl ? tmpl : "", "{edition}");

	if (!p)
		snprintf(buf, n, "%s", tmpl ? tmpl : "");
	else
		snprintf(buf, n, "%.*s%s%s", (int)(p - tmpl), tmpl, edition,
			 p + 9);
}

static int table(struct lc_doc *d, struct lc_catalog *cat,
		 const struct lc_notice *no, const struct lc_words *w,
		 const char *lang, struct lc_error *err)
{
	const char *head[5] = {
		lc_words_get(w, "notice.col.no"),
		lc_words_get(w, "notice.col.id"),
		lc_words_get(w, "notice.col.name"),
		lc_words_get(w, "notice.col.sector"),
		lc_words_get(w, "notice.col.submitter")
	};
	int rc = lc_doc_table(d, lc_words_get(w, "notice.list"), 5, head,
			      "rilll");

	for (size_t i = 0; rc == 0 && i < no->n; i++) {
		struct lc_tech *t = NULL;
		char k[24], name[600];
		const char *row[5];

		rc = lc_catalog_get_tech(cat, no->id[i], &t, err);
		if (rc)
			return rc;
		snprintf(k, sizeof k, "%zu", i + 1);
		snprintf(name, sizeof name, "%s%s", lc_tech_name(t, lang),
			 lc_tech_status(t) == LC_ST_WITHDRAWN ?
			 lc_words_get(w, "notice.withdrawn") : "");
		row[0] = k;
		row[1] = no->id[i];
		row[2] = name;
		row[3] = lc_sector_label(lc_tech_sector(t), lang);
		row[4] = lc_tech_get(t, LC_F_SUBMITTER);
		rc = lc_doc_row(d, row);
		lc_tech_free(t);
	}
	return rc;
}

int lc_notice_build(struct lc_catalog *cat, const char *edition,
		    const struct lc_publication *pub, const char *lang,
		    struct lc_doc **out, struct lc_error *err)
{
	struct lc_notice *no = NULL;
	struct lc_selection *sel = NULL;
	struct lc_words *w = NULL;
	struct lc_doc *d = NULL;
	char buf[2048], n[24];
	const char *names[] = { "edition", "n", "start", "end", "contact",
				"number", "date", "method", "hash" };
	const char *vals[9];
	int rc;

	*out = NULL;
	rc = lc_notice_get(cat, edition, &no, err);
	if (rc == LC_ENOTFOUND)
		return lc_error_set(err, LC_EDATA, NULL, 0, "edition",
				    "edition %s is not under public notice",
				    edition);
	if (rc == 0)
		rc = lc_words_load(lang, &w, err);
	if (rc == 0 && lc_selection_get(cat, edition, &sel, NULL) != 0)
		sel = NULL;
	d = rc == 0 ? lc_doc_new(lang) : NULL;
	if (rc == 0 && !d)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
	if (rc)
		goto out;
	snprintf(n, sizeof n, "%zu", no->n);
	vals[0] = edition;
	vals[1] = n;
	vals[2] = no->start;
	vals[3] = no->end;
	vals[4] = lc_publication_get(pub, "contact", lang);
	vals[5] = lc_publication_get(pub, "number", lang);
	vals[6] = lc_publication_get(pub, "date", lang) ?
		lc_publication_get(pub, "date", lang) : no->start;
	vals[7] = sel ? sel->method : "";
	vals[8] = no->hash;
	titled(lc_publication_get(pub, "notice-title", lang), edition, buf,
	       sizeof buf);
	lc_doc_title(d, buf, lc_publication_get(pub, "authority", lang));
	if (vals[5])
		lc_doc_title_line(d, lc_words_fill(w, "doc.number", names,
						   vals, 9, buf, sizeof buf));
	lc_doc_title_line(d, lc_words_fill(w, "doc.date", names, vals, 9, buf,
					   sizeof buf));
	lc_doc_para(d, lc_words_fill(w, "notice.intro", names, vals, 9, buf,
				     sizeof buf));
	lc_doc_para(d, lc_words_fill(w, "notice.period", names, vals, 9, buf,
				     sizeof buf));
	rc = table(d, cat, no, w, lang, err);
	if (rc)
		goto out;
	lc_doc_para(d, lc_words_fill(w, "notice.objection", names, vals, 9,
				     buf, sizeof buf));
	lc_doc_para(d, lc_words_fill(w, "notice.contact", names, vals, 9, buf,
				     sizeof buf));
	if (sel)
		lc_doc_para(d, lc_words_fill(w, "notice.selection", names,
					     vals, 9, buf, sizeof buf));
	lc_doc_para(d, lc_publication_get(pub, "authority", lang));
	rc = lc_doc_para(d, vals[6]);
	if (rc)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
out:
	lc_words_free(w);
	lc_notice_free(no);
	lc_selection_free(sel);
	if (rc) {
		lc_doc_free(d);
		return rc;
	}
	*out = d;
	return 0;
}
