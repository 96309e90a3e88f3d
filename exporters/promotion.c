/* promotion.c - the promotion catalog as a document: the edition's
 * selected (or published, or eligible) technologies in the layout of the
 * national key low-carbon technology promotion catalogs, one table per
 * sector, entries numbered through the catalog; the words from the text
 * catalogues. Also gathers the entries for the CSV (promotion_table.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/promotion.h"

/* ---- the entries -------------------------------------------------------- */

void lc_promo_opts_init(struct lc_promo_opts *o)
{
	memset(o, 0, sizeof *o);
	o->sector = -1;
	o->status = LC_PROMO_DEFAULT;
	o->lang = "zh";
}

static int in_status(int want, int st)
{
	switch (want) {
	case LC_PROMO_PUBLISHED:
		return st == LC_ST_PUBLISHED;
	case LC_PROMO_ELIGIBLE:
		/* the selected are eligible too */
		return st == LC_ST_ELIGIBLE || st == LC_ST_SELECTED ||
		       st == LC_ST_NOTICED || st == LC_ST_PUBLISHED;
	default:
		return st == LC_ST_SELECTED || st == LC_ST_NOTICED ||
		       st == LC_ST_PUBLISHED;
	}
}

static int collect(const struct lc_tech *t, void *ctx)
{
	struct promo *p = ctx;
	struct lc_tech *c;

	if (!in_status(p->status, lc_tech_status(t)))
		return 0;
	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 64;
		struct lc_tech **v = realloc(p->t, cap * sizeof *v);

		if (!v) {
			p->oom = 1;
			return 1;
		}
		p->t = v;
		p->cap = cap;
	}
	c = lc_tech_dup(t);
	if (!c) {
		p->oom = 1;
		return 1;
	}
	p->t[p->n++] = c;
	return 0;
}

/* By sector (enum order), then id. */
static int by_sector(const void *va, const void *vb)
{
	const struct lc_tech *a = *(struct lc_tech *const *)va;
	const struct lc_tech *b = *(struct lc_tech *const *)vb;
	int sa = lc_tech_sector(a), sb = lc_tech_sector(b);

	if (sa != sb)
		return sa < sb ? -1 : 1;
	return strcmp(lc_tech_get(a, LC_F_ID), lc_tech_get(b, LC_F_ID));
}

void promo_release(struct promo *p)
{
	for (size_t i = 0; i < p->n; i++)
		lc_tech_free(p->t[i]);
	free(p->t);
	memset(p, 0, sizeof *p);
}

/* LC_ENOTFOUND: no dossier of that status in the edition (and sector
 * when not negative); one whole sentence a case, to translate as one. */
static int none_found(enum lc_promo_status status, const char *edition,
		      int sector, struct lc_error *err)
{
	const char *s = sector >= 0 ? lc_sector_name(sector) : NULL;

	switch (status) {
	case LC_PROMO_PUBLISHED:
		return s ? lc_error_set(err, LC_ENOTFOUND, NULL, 0, "status",
					"no published dossier in edition %s, "
					"sector %s", edition, s) :
			   lc_error_set(err, LC_ENOTFOUND, NULL, 0, "status",
					"no published dossier in edition %s",
					edition);
	case LC_PROMO_ELIGIBLE:
		return s ? lc_error_set(err, LC_ENOTFOUND, NULL, 0, "status",
					"no eligible dossier in edition %s, "
					"sector %s (`lowcarb rank` records "
					"the selection; --status eligible "
					"takes every eligible one)", edition,
					s) :
			   lc_error_set(err, LC_ENOTFOUND, NULL, 0, "status",
					"no eligible dossier in edition %s "
					"(`lowcarb rank` records the "
					"selection; --status eligible takes "
					"every eligible one)", edition);
	default:
		return s ? lc_error_set(err, LC_ENOTFOUND, NULL, 0, "status",
					"no selected dossier in edition %s, "
					"sector %s (`lowcarb rank` records "
					"the selection; --status eligible "
					"takes every eligible one)", edition,
					s) :
			   lc_error_set(err, LC_ENOTFOUND, NULL, 0, "status",
					"no selected dossier in edition %s "
					"(`lowcarb rank` records the "
					"selection; --status eligible takes "
					"every eligible one)", edition);
	}
}

int promo_load(struct lc_catalog *cat, const struct lc_promo_opts *o,
	       struct promo *p, struct lc_error *err)
{
	struct lc_notice *no = NULL;
	struct lc_filter f;
	int rc;

	memset(p, 0, sizeof *p);
	if (!o->edition || strlen(o->edition) != 4 ||
	    strspn(o->edition, "0123456789") != 4)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "edition",
				    "edition must be a year, not '%s'",
				    o->edition ? o->edition : "");
	rc = lc_notice_get(cat, o->edition, &no, err);
	if (rc < 0 && rc != LC_ENOTFOUND)
		return rc;
	p->published = rc == 0 && no->published;
	lc_notice_free(no);
	p->status = o->status != LC_PROMO_DEFAULT ? o->status :
		    p->published ? LC_PROMO_PUBLISHED : LC_PROMO_SELECTED;
	lc_filter_init(&f);
	f.edition = o->edition;
	f.sector = o->sector;
	rc = lc_catalog_each_tech(cat, &f, collect, p, err);
	if (p->oom)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
	if (rc == 0 && p->n == 0)
		rc = none_found(p->status, o->edition, o->sector, err);
	if (rc < 0) {
		promo_release(p);
		return rc;
	}
	qsort(p->t, p->n, sizeof *p->t, by_sector);
	return 0;
}

/* ---- numbers ------------------------------------------------------------ */

const char *promo_exact(double v, int p10, char *buf, size_t n)
{
	char d[48], digits[64];
	const char *s, *dot;
	size_t ni, nf, len, o = 0;
	long point;
	int neg;

	buf[0] = '\0';
	if (!isfinite(v) || !lc_num_format(v, d, sizeof d))
		return buf;
	if (strchr(d, 'e') || strchr(d, 'E')) {
		snprintf(buf, n, "%.15g", v / pow(10, p10));
		return buf;
	}
	neg = d[0] == '-';
	s = d + neg;
	dot = strchr(s, '.');
	ni = dot ? (size_t)(dot - s) : strlen(s);
	nf = dot ? strlen(dot + 1) : 0;
	/* all digits in a row, the point after ni of them */
	snprintf(digits, sizeof digits, "%.*s%s", (int)ni, s,
		 dot ? dot + 1 : "");
	len = ni + nf;
	point = (long)ni - p10;
	if (neg)
		buf[o++] = '-';
	if (point <= 0) {
		o += (size_t)snprintf(buf + o, n - o, "0.");
		for (long k = point; k < 0 && o + 1 < n; k++)
			buf[o++] = '0';
		o += (size_t)snprintf(buf + o, n - o, "%s", digits);
	} else {
		for (long k = 0; k < point && o + 1 < n; k++)
			buf[o++] = (size_t)k < len ? digits[k] : '0';
		if ((size_t)point < len && o + 1 < n) {
			buf[o++] = '.';
			o += (size_t)snprintf(buf + o, n - o, "%s",
					      digits + point);
		}
	}
	buf[o < n ? o : n - 1] = '\0';
	/* no trailing zeros after the point, no leading ones before it */
	if (strchr(buf, '.')) {
		char *e = buf + strlen(buf);

		while (e > buf && e[-1] == '0')
			*--e = '\0';
		if (e > buf && e[-1] == '.')
			*--e = '\0';
	}
	{
		char *b = buf + neg;
		size_t z = 0;

		while (b[z] == '0' && b[z + 1] && b[z + 1] != '.')
			z++;
		memmove(b, b + z, strlen(b + z) + 1);
	}
	if (strcmp(buf, "-0") == 0)
		memmove(buf, buf + 1, 2);
	return buf;
}

const char *promo_round(double v, int p10, char *buf, size_t n)
{
	char *e;

	buf[0] = '\0';
	if (!isfinite(v))
		return buf;
	snprintf(buf, n, "%.2f", v / pow(10, p10));
	e = buf + strlen(buf);
	while (e > buf && e[-1] == '0')
		*--e = '\0';
	if (e > buf && e[-1] == '.')
		*--e = '\0';
	if (strcmp(buf, "-0") == 0)
		memmove(buf, buf + 1, 2);
	return buf;
}

double promo_national(const struct lc_tech *t, int f)
{
	double v, pot, ab;

	if (!lc_tech_num(t, f, &v) || !lc_tech_num(t, LC_F_POTENTIAL, &pot) ||
	    !lc_tech_num(t, LC_F_ABATEMENT, &ab) || !(ab > 0))
		return NAN;
	return v * (pot / ab);
}

/* ---- the document ------------------------------------------------------- */

/* The house style of lowcarb's documents (the roadmap's style sheet),
 * when it is there; else the HTML writer's own. */
static void house_style(struct lc_doc *d)
{
	char path[4096];
	FILE *fp;
	char *css = NULL;
	size_t len = 0;

	if (lc_data_path("templates/roadmap-style.css", path, sizeof path,
			 NULL) != 0)
		return;
	fp = fopen(path, "r");
	if (fp && getdelim(&css, &len, '\0', fp) >= 0)
		lc_doc_css(d, css);
	free(css);
	if (fp)
		fclose(fp);
}

struct pb {
	struct lc_doc *d;
	struct lc_words *w;
	const struct lc_promo_opts *o;
	const char *lang;
};

static const char *W(const struct pb *b, const char *key)
{
	const char *s = lc_words_get(b->w, key);

	return s ? s : key;
}

/* key filled with {edition}, {sector}, {n}, {no} into buf. */
static const char *fill(const struct pb *b, const char *key,
			const char *sector, size_t n, const char *no,
			char *buf, size_t size)
{
	const char *names[] = { "edition", "sector", "n", "no" };
	const char *vals[4];
	char nb[24];

	snprintf(nb, sizeof nb, "%zu", n);
	vals[0] = b->o->edition;
	vals[1] = sector ? sector : "";
	vals[2] = nb;
	vals[3] = no ? no : "";
	return lc_words_fill(b->w, key, names, vals, 4, buf, size);
}

/* The title page's lines in the publisher's words (the publication
 * file, as the roadmap's): issuing authority, document number, date,
 * contact; none of them a program's name. */
static void title_lines(const struct pb *b, const struct lc_publication *pub)
{
	static const char *const names[] = { "number", "date" };
	const char *vals[2], *txt;
	char buf[1024];

	vals[0] = lc_publication_get(pub, "number", b->lang);
	vals[1] = lc_publication_get(pub, "date", b->lang);
	txt = lc_publication_get(pub, "authority", b->lang);
	if (txt)
		lc_doc_title_line(b->d, txt);
	if (vals[0])
		lc_doc_title_line(b->d, lc_words_fill(b->w, "doc.number",
						      names, vals, 2, buf,
						      sizeof buf));
	if (vals[1])
		lc_doc_title_line(b->d, lc_words_fill(b->w, "doc.date",
						      names, vals, 2, buf,
						      sizeof buf));
	txt = lc_publication_get(pub, "contact", b->lang);
	if (txt)
		lc_doc_title_line(b->d, txt);
}

/* Appends s to buf (len, size), cut at the end of buf. */
static void cat_s(char *buf, size_t size, size_t *len, const char *s)
{
	int k = snprintf(buf + *len, *len < size ? size - *len : 0, "%s", s);

	if (k > 0)
		*len += (size_t)k;
	if (*len >= size)
		*len = size - 1;
}

/* The typical projects as a reader sees them: each project's site,
 * enterprise, year and capacity, projects one after another. */
static const char *projects(const struct pb *b, const struct lc_tech *t,
			    char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < lc_tech_demo_count(t); i++) {
		const struct lc_demo *d = lc_tech_demo(t, i);
		const char *part[4];
		char year[48];
		int first = 1;

		year[0] = '\0';
		if (d->year) {
			char y[16];
			const char *nm[] = { "year" };
			const char *v[] = { y };

			snprintf(y, sizeof y, "%d", d->year);
			lc_words_fill(b->w, "promo.project.year", nm, v, 1,
				      year, sizeof year);
		}
		part[0] = lc_demo_text(d, LC_DC_SITE, b->lang);
		part[1] = lc_demo_text(d, LC_DC_ENTERPRISE, b->lang);
		part[2] = year;
		part[3] = lc_demo_text(d, LC_DC_CAPACITY, b->lang);
		if (i)
			cat_s(buf, size, &len, W(b, "promo.projects.sep"));
		for (int k = 0; k < 4; k++) {
			if (!part[k] || !*part[k])
				continue;
			if (!first)
				cat_s(buf, size, &len,
				      W(b, "promo.project.sep"));
			cat_s(buf, size, &len, part[k]);
			first = 0;
		}
	}
	return buf;
}

/* A penetration in percent; the target with its year when that is not
 * five years after the edition. */
static const char *pct(const struct pb *b, const struct lc_tech *t, int f,
		       char *buf, size_t size)
{
	double v, y;
	char num[64], yb[24];

	if (!lc_tech_num(t, f, &v)) {
		snprintf(buf, size, "—");
		return buf;
	}
	snprintf(buf, size, "%s%%", promo_exact(v, 0, num, sizeof num));
	if (f == LC_F_PENETRATION_TARGET &&
	    lc_tech_num(t, LC_F_PENETRATION_TARGET_YEAR, &y) &&
	    y != strtol(b->o->edition, NULL, 10) + 5) {
		const char *nm[] = { "pct", "year" };
		const char *vals[2];

		snprintf(num, sizeof num, "%s", buf);
		snprintf(yb, sizeof yb, "%.0f", y);
		vals[0] = num;
		vals[1] = yb;
		lc_words_fill(b->w, "promo.pen-year", nm, vals, 2, buf, size);
	}
	return buf;
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : "—";
}

/* The table of sector s: entries [from, to) of p, numbered from no. */
static int sector_table(struct pb *b, const struct promo *p, size_t from,
			size_t to, int s, int chapter)
{
	const char *head[11], *row[11], *num = W(b, "chapter.numerals");
	char t[256], nob[16], c[5][64], pr[4096];
	int other_gas = 0, rc;

	/* the chapter-th of the catalogue's numerals, else the number */
	snprintf(nob, sizeof nob, "%d", chapter);
	for (int k = 1; *num; k++) {
		size_t len;

		num += strspn(num, " ");
		len = strcspn(num, " ");
		if (k == chapter && len && len < sizeof nob) {
			memcpy(nob, num, len);
			nob[len] = '\0';
			break;
		}
		num += len;
	}
	/* the sectors' tables follow one another, as the national
	 * catalogs print them, none left alone on a page */
	lc_doc_run_on(b->d);
	rc = lc_doc_section(b->d, 1, fill(b, "promo.section",
		lc_sector_label(s, b->lang), 0, nob, t, sizeof t));
	for (size_t i = from; i < to; i++)
		other_gas |= lc_tech_not_co2(p->t[i]);
	head[0] = W(b, "promo.col.no");
	head[1] = W(b, "promo.col.name");
	head[2] = W(b, "promo.col.scope");
	head[3] = W(b, "promo.col.content");
	head[4] = W(b, "promo.col.indicators");
	head[5] = W(b, "promo.col.projects");
	head[6] = W(b, "promo.col.pen-now");
	head[7] = W(b, "promo.col.pen-5y");
	head[8] = W(b, "promo.col.investment");
	head[9] = W(b, other_gas ? "promo.col.abatement-e" :
		    "promo.col.abatement");
	head[10] = W(b, "promo.col.energy");
	if (rc == 0)
		rc = lc_doc_table(b->d, NULL, 11, head, "rlllllrrrrr");
	for (size_t i = from; rc == 0 && i < to; i++) {
		const struct lc_tech *e = p->t[i];
		char no[24];
		double pot;

		snprintf(no, sizeof no, "%zu", i + 1);
		row[0] = no;
		row[1] = lc_tech_name(e, b->lang);
		row[2] = or_dash(lc_tech_text(e, LC_F_SCOPE, b->lang));
		row[3] = or_dash(lc_tech_text(e, LC_F_SUMMARY, b->lang));
		row[4] = or_dash(lc_tech_text(e, LC_F_KEY_INDICATORS,
					      b->lang));
		row[5] = or_dash(projects(b, e, pr, sizeof pr));
		row[6] = pct(b, e, LC_F_PENETRATION_NOW, c[0], sizeof c[0]);
		row[7] = pct(b, e, LC_F_PENETRATION_TARGET, c[1],
			     sizeof c[1]);
		row[8] = or_dash(promo_round(promo_national(e,
			LC_F_INVESTMENT), 8, c[2], sizeof c[2]));
		row[9] = or_dash(lc_tech_num(e, LC_F_POTENTIAL, &pot) ?
				 promo_round(pot, 4, c[3], sizeof c[3]) : "");
		row[10] = or_dash(promo_round(promo_national(e,
			LC_F_ENERGY_SAVING), 4, c[4], sizeof c[4]));
		rc = lc_doc_row(b->d, row);
	}
	return rc;
}

int lc_promo_build(struct lc_catalog *cat, const struct lc_promo_opts *o,
		   struct lc_doc **out, struct lc_error *err)
{
	static const char *const scope[] = { "", "promo.scope.selected",
		"promo.scope.eligible", "promo.scope.published" };
	struct promo p;
	struct pb b;
	char buf[1024];
	const char *sl;
	int rc, any_gas = 0, chapter = 0;
	struct lc_publication *pub = NULL;

	*out = NULL;
	memset(&b, 0, sizeof b);
	b.o = o;
	b.lang = exp_is_en(o->lang) ? "en" : "zh";
	rc = promo_load(cat, o, &p, err);
	if (rc < 0)
		return rc;
	rc = lc_words_load(b.lang, &b.w, err);
	if (rc == 0)
		rc = lc_publication_load(o->publication, &pub, err);
	if (rc < 0) {
		lc_words_free(b.w);
		promo_release(&p);
		return rc;
	}
	b.d = lc_doc_new(b.lang);
	if (!b.d) {
		rc = LC_ENOMEM;
		goto out;
	}
	house_style(b.d);
	/* eleven columns: on the page on its side, as the national
	 * catalogs print them */
	lc_doc_landscape(b.d);
	sl = o->sector >= 0 ? lc_sector_label(o->sector, b.lang) : NULL;
	lc_doc_title(b.d, fill(&b, sl ? "promo.title.sector" : "promo.title",
			       sl, 0, NULL, buf, sizeof buf), NULL);
	lc_doc_title_line(b.d, fill(&b, "promo.line.edition", sl, 0, NULL,
				    buf, sizeof buf));
	title_lines(&b, pub);
	lc_doc_para(b.d, fill(&b, scope[p.status], sl, p.n, NULL, buf,
			      sizeof buf));
	for (size_t i = 0; i < p.n; i++)
		any_gas |= lc_tech_not_co2(p.t[i]);
	lc_doc_para(b.d, W(&b, "promo.note.units"));
	lc_doc_para(b.d, W(&b, "promo.note.national"));
	if (any_gas)
		lc_doc_para(b.d, W(&b, "promo.note.gas"));
	for (size_t i = 0; i < p.n && !b.d->broken;) {
		int s = lc_tech_sector(p.t[i]);
		size_t j = i;

		while (j < p.n && lc_tech_sector(p.t[j]) == s)
			j++;
		if (sector_table(&b, &p, i, j, s, ++chapter))
			break;
		i = j;
	}
	rc = b.d->broken ? LC_ENOMEM : 0;
out:
	if (rc == LC_ENOMEM) {
		lc_error_set(err, rc, NULL, 0, NULL, "out of memory");
		lc_doc_free(b.d);
	} else {
		*out = b.d;
	}
	lc_words_free(b.w);
	lc_publication_free(pub);
	promo_release(&p);
	return rc;
}
