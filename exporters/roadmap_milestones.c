/* roadmap_milestones.c - the milestones chapter (2025, 2030, 2035,
 * 2060). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

int rm_milestones(struct rm *m, int no)
{
	long byh[3] = { 0 };
	double poth[3] = { 0 };
	char t[64], a[64], b[64], c[64];

	for (size_t i = 0; i < m->cur.n; i++) {
		const struct tinfo *ti = &m->cur.v[i];

		if (ti->horizon < 0)
			continue;
		byh[ti->horizon]++;
		if (ti->pot > 0)
			poth[ti->horizon] += ti->pot;
	}
	if (m->en)
		snprintf(t, sizeof t, "%d Milestones", no);
	else
		snprintf(t, sizeof t, "%s、里程碑", no == 9 ? "九" : no == 8 ?
			 "八" : no == 7 ? "七" : no == 6 ? "六" : "五");
	lc_doc_section(m->d, 1, t);
	item_f(m, m->en ? "2025: start promoting the %ld mature technologies "
	       "(TRL 8-9), %s of potential." :
	       "2025年：启动%ld项成熟技术（TRL 8-9）的推广，对应减排潜力%s。",
	       byh[0], rm_co2(m, poth[0], a));
	item_f(m, m->en ? "2030: complete the demonstration of the %ld "
	       "technologies at TRL 6-7 (%s)." :
	       "2030年：完成%ld项TRL 6-7技术的工程示范（减排潜力%s）。",
	       byh[1], rm_co2(m, poth[1], b));
	item_f(m, "%s", L(m, "2035年：成熟技术规模化应用，示范技术进入推广，"
			  "研发技术取得突破。", "2035: mature technologies "
			  "at scale, demonstrated ones in deployment, "
			  "research ones through their breakthroughs."));
	item_f(m, m->en ? "2060: the %ld research-stage technologies "
	       "(TRL 1-5, %s) deployed in support of carbon "
	       "neutrality." : "2060年：%ld项研发阶段技术（TRL 1-5，"
	       "减排潜力%s）实现应用，支撑碳中和目标。", byh[2],
	       rm_co2(m, poth[2], c));
	return 0;
}
