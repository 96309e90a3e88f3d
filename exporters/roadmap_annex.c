/* roadmap_annex.c - the annex: the full catalog table, then the method
 * and the changes since the previous edition (their own files). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

int rm_annex(struct rm *m, int no)
{
	const char *head[9], *row[9];
	char t[64], a[48], b[48], trl[16];
	int rc;

	lc_doc_section(m->d, 1, rm_chapter(m, no, "chapter.annex", "", t,
					   sizeof t));
	lc_doc_section(m->d, 2, W(m, "annex.a"));
	head[0] = W(m, "col.id");
	head[1] = W(m, "col.name");
	head[2] = W(m, "col.sector");
	head[3] = W(m, "col.category");
	head[4] = W(m, "col.trl");
	head[5] = W(m, "col.status");
	head[6] = W(m, "col.potential");
	head[7] = W(m, "col.cost");
	head[8] = W(m, "col.submitter");
	rc = lc_doc_table(m->d, NULL, 9, head, "illlrlrrl");
	for (size_t i = 0; rc == 0 && i < m->cur.n; i++) {
		const struct tinfo *ti = &m->cur.v[i];
		const char *cat = lc_category_label(lc_tech_category(ti->t),
						    m->lang);

		lc_tech_trl_text(ti->t, trl, sizeof trl);
		row[0] = lc_tech_get(ti->t, LC_F_ID);
		row[1] = lc_tech_name(ti->t, m->lang);
		row[2] = rm_sector_label(m, ti->sector);
		row[3] = cat ? cat : "—";
		row[4] = trl;
		row[5] = rm_status_label(m, lc_tech_status(ti->t));
		row[6] = rm_num(ti->pot, 0, a);
		row[7] = rm_num(ti->cost, 0, b);
		row[8] = lc_tech_get(ti->t, LC_F_SUBMITTER);
		rc = lc_doc_row(m->d, row);
	}
	if (rc == 0)
		rc = rm_method(m);
	if (rc == 0)
		rc = rm_changes(m);
	return rc;
}

