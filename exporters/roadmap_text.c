/* roadmap_text.c - the words and numbers the roadmap's chapters share:
 * labels of sectors, statuses, horizons and methods, quantities for
 * prose, formatted paragraphs. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/chapters.h"

const char *rm_num(double v, int dec, char *buf)
{
	return lc_num_human(v, dec, buf, 48);
}

const char *rm_sector_label(const struct rm *m, int s)
{
	const char *l = lc_sector_label(s, m->lang);

	return l ? l : "—";
}

const char *rm_status_label(const struct rm *m, int st)
{
	char key[48];

	if (st < 0 || st >= LC_ST__COUNT || !lc_status_name(st))
		return "—";
	snprintf(key, sizeof key, "status.%s", lc_status_name(st));
	return lc_words_get(m->w, key) ? lc_words_get(m->w, key) :
	       lc_status_name(st);
}

const char *rm_horizon_label(const struct rm *m, int h)
{
	static const char *const key[3] = { "horizon.0", "horizon.1",
					    "horizon.2" };

	return h < 0 || h > 2 ? "—" : W(m, key[h]);
}

int rm_add_f(struct rm *m, int item, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return item ? lc_doc_item(m->d, buf) : lc_doc_para(m->d, buf);
}

/* An annual CO2 quantity for prose (see lc_co2_human). */
const char *rm_co2(const struct rm *m, double t, char *buf)
{
	return lc_co2_human(t, m->lang, buf, 64);
}

const char *rm_co2e(const struct rm *m, double t, int eq, char *buf)
{
	return lc_co2e_human(t, m->lang, eq, buf, 64);
}

/* The method's name for a reader. */
const char *rm_method_label(const struct rm *m, const char *id)
{
	char key[64];
	const char *v;

	if (!id)
		return "—";
	snprintf(key, sizeof key, "name.%s", id);
	v = lc_words_get(m->w, key);
	return v ? v : id;
}

void rm_top3(const struct rm *m, size_t top[3], size_t *ntop, size_t i)
{
	for (size_t k = 0; k < 3; k++)
		if (k == *ntop || m->cur.v[i].pot > m->cur.v[top[k]].pot) {
			memmove(top + k + 1, top + k, (2 - k) * sizeof *top);
			top[k] = i;
			if (*ntop < 3)
				(*ntop)++;
			return;
		}
}

/* Index of the dossier id in the edition, or -1. */
long rm_tech_index(const struct rm *m, const char *id)
{
	for (size_t k = 0; id && k < m->cur.n; k++)
		if (strcmp(lc_tech_get(m->cur.v[k].t, LC_F_ID), id) == 0)
			return (long)k;
	return -1;
}


int rm_say(struct rm *m, int item, const char *key,
	   const char *const *names, const char *const *vals, size_t nv)
{
	char buf[2048];

	lc_words_fill(m->w, key, names, vals, nv, buf, sizeof buf);
	return item ? lc_doc_item(m->d, buf) : lc_doc_para(m->d, buf);
}

const char *rm_chapter(const struct rm *m, int no, const char *key,
		       const char *sector, char *buf, size_t n)
{
	const char *names[] = { "no", "sector" };
	const char *vals[2];
	const char *p = W(m, "chapter.numerals");
	char num[32];
	size_t len;

	/* the no-th word of the numerals (1-based), else the number */
	snprintf(num, sizeof num, "%d", no);
	for (int k = 1; *p; k++) {
		p += strspn(p, " ");
		len = strcspn(p, " ");
		if (k == no && len && len < sizeof num) {
			memcpy(num, p, len);
			num[len] = '\0';
			break;
		}
		p += len;
	}
	vals[0] = num;
	vals[1] = sector;
	return lc_words_fill(m->w, key, names, vals, 2, buf, n);
}
