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
	lc_doc_section(m->d, 1, rm_chapter(m, no, "chapter.milestones", "",
					   t, sizeof t));
	{
		static const char *const key[3] = { "milestones.2025",
						    "milestones.2030",
						    "milestones.2060" };
		const char *names[] = { "n", "pot" };
		const char *vals[2];
		char nb[24];

		for (int h = 0; h < 2; h++) {
			if (!byh[h])
				continue;
			snprintf(nb, sizeof nb, "%ld", byh[h]);
			vals[0] = nb;
			vals[1] = rm_co2(m, poth[h], h ? b : a);
			rm_say(m, 1, key[h], names, vals, 2);
		}
		rm_say(m, 1, "milestones.2035", names, vals, 0);
		if (byh[2]) {
			snprintf(nb, sizeof nb, "%ld", byh[2]);
			vals[0] = nb;
			vals[1] = rm_co2(m, poth[2], c);
			rm_say(m, 1, key[2], names, vals, 2);
		}
	}
	return 0;
}
