/* roadmap_method.c - the annex's statement of the method. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

/* Where criterion j's values come from, for a reader: the dossier
 * field's label in the document's language, not its name in the data
 * model. */
static const char *source(const struct rm *m, const struct lc_profile *p,
			  size_t j)
{
	const char *src = lc_profile_source(p, j);
	int f = src ? lc_field_lookup(src) : -1;
	const char *lab = f >= 0 ? lc_field_label(f, m->lang) : NULL;

	return lab ? lab : W(m, "method.dossier");
}

int rm_method(struct rm *m)
{
	const char *head[5], *row[5];
	char w[48], a[48];
	int rc = 0;

	lc_doc_section(m->d, 2, L(m, "附录B 评价方法", "Annex B Method"));
	if (!m->prof) {
		para_f(m, "%s%s", L(m, "评价方案不可用：",
				    "Criteria profile not available: "),
		       m->rank_error);
	} else {
		const struct lc_profile *p = m->prof;

		para_f(m, m->en ? "Profile '%s': method %s, normalisation "
		       "%s, panel scores aggregated by %s; the best %d "
		       "eligible technologies are selected, within sector "
		       "quotas." : "评价方案“%s”：%s，%s标准化，"
		       "专家评分按%s"
		       "汇总；在行业配额内选出得分最高的%d项合格技术。",
		       lc_profile_name(p),
		       rm_method_label(m, lc_profile_method(p)),
		       rm_method_label(m, lc_profile_normalization(p)),
		       rm_method_label(m, lc_profile_aggregation(p)),
		       lc_profile_select(p));
		head[0] = L(m, "指标", "Criterion");
		head[1] = L(m, "来源", "Source");
		head[2] = L(m, "方向", "Direction");
		head[3] = L(m, "权重", "Weight");
		rc = lc_doc_table(m->d, L(m, "表 评价指标与权重",
					  "Table: criteria and weights"), 4,
				  head, "lllr");
		for (size_t j = 0; rc == 0 && j < lc_profile_count(p); j++) {
			row[0] = lc_profile_label(p, j, m->lang);
			row[1] = lc_profile_is_panel(p, j) ?
				 W(m, "method.panel") : source(m, p, j);
			row[2] = lc_profile_is_cost(p, j) ?
				 L(m, "越低越好", "lower is better") :
				 L(m, "越高越好", "higher is better");
			row[3] = rm_num(lc_profile_weight(p, j), 3, w);
			rc = lc_doc_row(m->d, row);
		}
	}
	if (rc == 0) {
		const char *nm[] = { "rate" };
		const char *vl[] = { rm_num(m->o->discount_rate * 100, 1, a) };
		char buf[1024];

		rc = lc_doc_para(m->d, lc_words_fill(m->w, "method.crf", nm, vl,
						     1, buf, sizeof buf));
	}
	return rc;
}
