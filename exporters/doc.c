/* doc.c - the roadmap's document model: blocks appended in order, copied
 * text (the tables' cells in one pool), one sticky out-of-memory flag so
 * builders check once. */
#include <stdlib.h>
#include <string.h>
#include "exporters/internal.h"
#include "exporters/math.h"

static char *dup_or_null(struct lc_doc *d, const char *s)
{
	char *p;

	if (!s)
		return NULL;
	p = strdup(s);
	if (!p)
		d->broken = 1;
	/* text built in a fixed buffer may end cut inside a character */
	return p ? lc_utf8_trim(p) : NULL;
}

/* A cell's text kept in the doc's pool: a table of 100,000 rows has a
 * million cells, and an allocation each cost more than their text. */
static const char *pool_cell(struct lc_doc *d, const char *s)
{
	const char *p = lc_textpool_addn(d->pool, s,
					 lc_utf8_whole(s, strlen(s)));

	if (!p)
		d->broken = 1;
	return p;
}

struct lc_doc *lc_doc_new(const char *lang)
{
	struct lc_doc *d = calloc(1, sizeof *d);

	if (!d)
		return NULL;
	d->pool = lc_textpool_new();
	if (!d->pool) {
		free(d);
		return NULL;
	}
	memcpy(d->lang, exp_is_en(lang) ? "en" : "zh", 3);
	d->last_table = -1;
	return d;
}

static void table_free(struct doc_table *t)
{
	for (size_t i = 0; i < t->ncols; i++)
		free(t->head ? t->head[i] : NULL);
	free(t->head);
	free(t->align);
	free(t->cells);
}

void lc_doc_free(struct lc_doc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->blocks[i].text);
		free(d->blocks[i].desc);
		free(d->blocks[i].svg);
		table_free(&d->blocks[i].tab);
		for (size_t k = 0; k < d->blocks[i].nrun; k++) {
			free(d->blocks[i].run[k].text);
			exp_math_free(d->blocks[i].run[k].math);
		}
		free(d->blocks[i].run);
	}
	for (size_t i = 0; i < d->nlines; i++)
		free(d->lines[i]);
	free(d->lines);
	free(d->blocks);
	free(d->title);
	free(d->subtitle);
	free(d->css);
	lc_textpool_free(d->pool);
	free(d);
}

const char *lc_doc_lang(const struct lc_doc *d)
{
	return d->lang;
}

int lc_doc_title(struct lc_doc *d, const char *title, const char *subtitle)
{
	free(d->title);
	free(d->subtitle);
	d->title = dup_or_null(d, title);
	d->subtitle = dup_or_null(d, subtitle);
	return d->broken ? LC_ENOMEM : 0;
}

int lc_doc_title_line(struct lc_doc *d, const char *text)
{
	char **l = realloc(d->lines, (d->nlines + 1) * sizeof *l);

	if (!l) {
		d->broken = 1;
		return LC_ENOMEM;
	}
	d->lines = l;
	l[d->nlines] = dup_or_null(d, text ? text : "");
	if (l[d->nlines])
		d->nlines++;
	return d->broken ? LC_ENOMEM : 0;
}

void lc_doc_run_on(struct lc_doc *d)
{
	d->run_on = 1;
}

void lc_doc_landscape(struct lc_doc *d)
{
	d->landscape = 1;
}

int lc_doc_css(struct lc_doc *d, const char *css)
{
	free(d->css);
	d->css = dup_or_null(d, css);
	return d->broken ? LC_ENOMEM : 0;
}

/* Adds a run to b: len bytes of text, or (math) the formula's notation
 * parsed, with its Unicode form appended to flat (n bytes). A notation
 * that does not parse (a sentence cut inside it) is dropped. */
static void add_run(struct lc_doc *d, struct doc_block *b, const char *s,
		    size_t len, int math, char *flat, size_t n)
{
	struct doc_run *r = realloc(b->run, (b->nrun + 1) * sizeof *r);
	struct exp_math *m = NULL;
	char why[160];
	size_t o = strlen(flat);

	if (!r) {
		d->broken = 1;
		return;
	}
	b->run = r;
	r = &b->run[b->nrun];
	r->text = NULL;
	r->math = NULL;
	if (math) {
		if (exp_math_parse(s, len, &m, why, sizeof why) < 0)
			return;
		r->math = m;
		exp_math_text(m, flat, n);
	} else {
		r->text = strndup(s, len);
		if (!r->text) {
			d->broken = 1;
			return;
		}
		if (o + len >= n)
			len = o + 1 < n ? n - o - 1 : 0;
		memcpy(flat + o, s, len);
		flat[o + len] = '\0';
		lc_utf8_trim(flat);
	}
	b->nrun++;
}

/* Splits the text of b at its formulas (between EXP_MATH_OPEN and
 * EXP_MATH_CLOSE, as lc_words_fill marks them) into runs, the text
 * then being the readable whole. */
static void split_runs(struct lc_doc *d, struct doc_block *b)
{
	char flat[4096] = "", *nt;
	const char *p = b->text;
	int only = 1, nmath = 0;

	while (*p && !d->broken) {
		const char *o = strchr(p, EXP_MATH_OPEN);
		const char *c = o ? strchr(o, EXP_MATH_CLOSE) : NULL;
		size_t lead = o && c ? (size_t)(o - p) : strlen(p);

		if (lead) {
			add_run(d, b, p, lead, 0, flat, sizeof flat);
			only &= strspn(p, " ") >= lead;
		}
		if (!o || !c)
			break;
		add_run(d, b, o + 1, (size_t)(c - o - 1), 1, flat,
			sizeof flat);
		nmath++;
		p = c + 1;
	}
	b->display = only && nmath == 1;
	nt = strdup(flat);
	if (!nt) {
		d->broken = 1;
		return;
	}
	free(b->text);
	b->text = nt;
}

/* Appends a zeroed block of kind; NULL (document broken) on failure. */
static struct doc_block *add(struct lc_doc *d, int kind, const char *text)
{
	struct doc_block *b;

	if (d->broken)
		return NULL;
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 64;
		struct doc_block *nb = realloc(d->blocks, cap * sizeof *nb);

		if (!nb) {
			d->broken = 1;
			return NULL;
		}
		d->blocks = nb;
		d->cap = cap;
	}
	b = &d->blocks[d->n];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->text = dup_or_null(d, text ? text : "");
	if (d->broken)
		return NULL;
	d->n++;
	if ((kind == BLK_PARA || kind == BLK_ITEM) &&
	    strchr(b->text, EXP_MATH_OPEN))
		split_runs(d, b);
	if (d->broken)
		return NULL;
	return b;
}

int lc_doc_section(struct lc_doc *d, int level, const char *title)
{
	struct doc_block *b = add(d, BLK_SECTION, title);

	if (!b)
		return LC_ENOMEM;
	b->level = level < 1 ? 1 : level > 3 ? 3 : level;
	if (b->level == 1) {
		b->run_on = d->run_on;
		d->run_on = 0;
	}
	return 0;
}

int lc_doc_toc(struct lc_doc *d, const char *title)
{
	return add(d, BLK_TOC, title) ? 0 : LC_ENOMEM;
}

/* Adds len bytes of s as a paragraph unless they are blank. */
static int para_part(struct lc_doc *d, const char *s, size_t len)
{
	char *part;
	int rc;

	if (strspn(s, " ") >= len)
		return 0;
	part = strndup(s, len);
	if (!part) {
		d->broken = 1;
		return LC_ENOMEM;
	}
	rc = add(d, BLK_PARA, part) ? 0 : LC_ENOMEM;
	free(part);
	return rc;
}

int lc_doc_para(struct lc_doc *d, const char *text)
{
	const char *p = text ? text : "";

	/* a displayed formula is a paragraph of its own between the
	 * sentence's parts */
	while (strchr(p, EXP_MATH_DISPLAY)) {
		const char *o = strchr(p, EXP_MATH_DISPLAY);
		const char *c = strchr(o, EXP_MATH_CLOSE);
		char *f;

		if (!c)
			break;
		if (para_part(d, p, (size_t)(o - p)) < 0)
			return LC_ENOMEM;
		f = strndup(o, (size_t)(c - o + 1));
		if (!f) {
			d->broken = 1;
			return LC_ENOMEM;
		}
		f[0] = EXP_MATH_OPEN;
		if (!add(d, BLK_PARA, f)) {
			free(f);
			return LC_ENOMEM;
		}
		free(f);
		p = c + 1;
		p += strspn(p, " ");
		if (!*p)
			return 0;
	}
	return add(d, BLK_PARA, p) ? 0 : LC_ENOMEM;
}

int lc_doc_item(struct lc_doc *d, const char *text)
{
	char *t = text ? strdup(text) : NULL;
	int rc;

	/* no room for a formula of its own in a list item: in the text */
	for (char *p = t; p && (p = strchr(p, EXP_MATH_DISPLAY)); )
		*p = EXP_MATH_OPEN;
	if (text && !t) {
		d->broken = 1;
		return LC_ENOMEM;
	}
	rc = add(d, BLK_ITEM, t ? t : text) ? 0 : LC_ENOMEM;
	free(t);
	return rc;
}

static int table_init(struct lc_doc *d, struct doc_table *t, size_t ncols,
		      const char *const *head, const char *align)
{
	t->ncols = ncols;
	t->head = calloc(ncols ? ncols : 1, sizeof *t->head);
	t->align = calloc(ncols + 1, 1);
	if (!t->head || !t->align) {
		d->broken = 1;
		return LC_ENOMEM;
	}
	for (size_t i = 0; i < ncols; i++) {
		t->head[i] = dup_or_null(d, head && head[i] ? head[i] : "");
		t->align[i] = align && strlen(align) > i &&
			      (align[i] == 'r' || align[i] == 'i') ?
			      align[i] : 'l';
	}
	d->last_table = (int)(d->n - 1);
	return d->broken ? LC_ENOMEM : 0;
}

int lc_doc_table(struct lc_doc *d, const char *caption, size_t ncols,
		 const char *const *head, const char *align)
{
	struct doc_block *b = add(d, BLK_TABLE, caption);

	if (!b)
		return LC_ENOMEM;
	return table_init(d, &b->tab, ncols, head, align);
}

void lc_doc_keep(struct lc_doc *d)
{
	for (size_t i = d->n; i > 0; i--) {
		struct doc_block *b = &d->blocks[i - 1];

		if (b->kind == BLK_TABLE) {
			b->tab.keep = 1;
			return;
		}
	}
}

int lc_doc_figure(struct lc_doc *d, const char *title, const char *desc,
		  const char *svg, size_t ncols, const char *const *head,
		  const char *align)
{
	struct doc_block *b = add(d, BLK_FIGURE, title);

	if (!b)
		return LC_ENOMEM;
	b->desc = dup_or_null(d, desc ? desc : "");
	b->svg = dup_or_null(d, svg ? svg : "");
	if (d->broken)
		return LC_ENOMEM;
	return table_init(d, &b->tab, ncols, head, align);
}

int lc_doc_row(struct lc_doc *d, const char *const *cells)
{
	struct doc_table *t;

	if (d->broken)
		return LC_ENOMEM;
	if (d->last_table < 0)
		return LC_EUSAGE;
	t = &d->blocks[d->last_table].tab;
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		const char **nc = realloc(t->cells,
				    cap * (t->ncols ? t->ncols : 1) *
				    sizeof *nc);

		if (!nc) {
			d->broken = 1;
			return LC_ENOMEM;
		}
		t->cells = nc;
		t->cap = cap;
	}
	for (size_t c = 0; c < t->ncols; c++)
		t->cells[t->nrows * t->ncols + c] =
			pool_cell(d, cells && cells[c] ? cells[c] : "");
	t->nrows++;
	return d->broken ? LC_ENOMEM : 0;
}
