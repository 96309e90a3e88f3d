/* read_mapped.c - a foreign CSV layout read through a mapping profile:
 * the header bound to the profile (every column read, tested or
 * ignored, none missing), then each row turned into a raw dossier
 * (columns, constants, rules, defaults, skips, ranges, units, ids) for
 * the same rules as a submission. Problems name the source file's line
 * and column ("减排能力(万tCO2/a) (potential)"). The binding and a row's
 * mapping work on a workbook's rows too (read_mapped_xlsx.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "importers/mapping.h"
#include "importers/xlsx.h"

#define LABEL 64

/* The profile bound to one file's header. */
struct map_bind {
	const struct lc_mapping *m;
	const char *edition;    /* --edition, else the profile's constant
				   edition, or NULL */
	int edition_opt;        /* it is --edition */
	size_t ncols;           /* the file's columns */
	char **hdr;             /* their headers, normalised */
	char **pname;           /* the profile's columns, expanded and
				   normalised */
	long *col_of;           /* the file's index of each, or -1 */
	long seq_col;           /* the id's sequence column, or -1 */
	char label[LC_F__COUNT][LABEL];
	const char *plabel[LC_F__COUNT];
	struct lc_strmap *ids;  /* ids generated in this file */
};

/* Cell i of the record or row src (an xlsx row may end early: ""). */
static const char *get(const struct map_src *src, size_t i)
{
	if (src->csv)
		return lc_csv_get(src->csv, i);
	return i < src->xr->n ? src->xr->text[i] : "";
}

/* The line cell i begins on: a CSV cell's own, a workbook's row. */
static long get_line(const struct map_src *src, size_t i)
{
	return src->csv ? lc_csv_get_line(src->csv, i) : src->xr->row;
}

static void bind_free(struct map_bind *b)
{
	for (size_t i = 0; b->hdr && i < b->ncols; i++)
		free(b->hdr[i]);
	for (size_t i = 0; b->pname && i < b->m->ncol; i++)
		free(b->pname[i]);
	free(b->hdr);
	free(b->pname);
	free(b->col_of);
	lc_strmap_free(b->ids);
}

/* The file's column whose normalised header is name (normalised), or -1. */
static long find_col(const struct map_bind *b, const char *norm)
{
	for (size_t i = 0; i < b->ncols; i++)
		if (strcmp(b->hdr[i], norm) == 0)
			return (long)i;
	return -1;
}

static long find_named(const struct map_bind *b, const char *name)
{
	char n[512];

	map_header_norm(name, n, sizeof n);
	return find_col(b, n);
}

/* Copies s into a label of at most LABEL - 1 bytes, cut on a character. */
static void label_set(char *dst, const char *s)
{
	size_t n = strlen(s);

	if (n >= LABEL) {
		n = LABEL - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* How problems name each field in this file. */
static void labels(struct map_bind *b, const struct map_src *src)
{
	const struct lc_mapping *m = b->m;
	char t[600];

	for (int f = 0; f < LC_F__COUNT; f++) {
		const char *fn = lc_field_name(f);

		b->plabel[f] = NULL;
		if (m->given[f] == MAP_CONSTANT)
			snprintf(t, sizeof t, "%s (profile constant)", fn);
		else if (m->given[f] == MAP_RULES)
			snprintf(t, sizeof t, "%s (profile rule)", fn);
		else
			continue;
		label_set(b->label[f], t);
		b->plabel[f] = b->label[f];
	}
	for (size_t k = 0; k < m->ncol; k++) {
		int f = m->col[k].field;
		const char *h;

		if (b->col_of[k] < 0)
			continue;
		h = get(src, (size_t)b->col_of[k]);
		if (strcmp(h, lc_field_name(f)) == 0)
			snprintf(t, sizeof t, "%s", h);
		else
			snprintf(t, sizeof t, "%s (%s)", h, lc_field_name(f));
		label_set(b->label[f], t);
		b->plabel[f] = b->label[f];
		if (f == LC_F_TRL) {
			b->plabel[LC_F_TRL_SOURCE] = b->label[f];
			b->plabel[LC_F_TRL_SCALE] = b->label[f];
		}
	}
	if (b->edition_opt && m->given[LC_F_EDITION] != MAP_COLUMN) {
		label_set(b->label[LC_F_EDITION], "edition (--edition)");
		b->plabel[LC_F_EDITION] = b->label[LC_F_EDITION];
	}
	if (m->id_kind == MAP_ID_SEQUENCE && b->seq_col >= 0) {
		snprintf(t, sizeof t, "%s (id)",
			 get(src, (size_t)b->seq_col));
		label_set(b->label[LC_F_ID], t);
		b->plabel[LC_F_ID] = b->label[LC_F_ID];
	} else if (m->id_kind == MAP_ID_HASH) {
		label_set(b->label[LC_F_ID], "id (generated)");
		b->plabel[LC_F_ID] = b->label[LC_F_ID];
	}
}

/* 1 when header h (normalised; raw as written) is read, tested or
 * ignored by the profile. */
static int known(const struct map_bind *b, const char *h, const char *raw)
{
	const struct lc_mapping *m = b->m;
	char n[512];

	for (size_t k = 0; k < m->ncol; k++)
		if (strcmp(b->pname[k], h) == 0)
			return 1;
	for (size_t i = 0; i < m->nrule; i++)
		for (size_t j = 0; j < m->rule[i].nm; j++)
			if (m->rule[i].m[j].column) {
				map_header_norm(m->rule[i].m[j].column, n,
						sizeof n);
				if (strcmp(n, h) == 0)
					return 1;
			}
	for (size_t i = 0; i < m->nskip; i++)
		for (size_t j = 0; j < m->skip[i].nm; j++)
			if (m->skip[i].m[j].column) {
				map_header_norm(m->skip[i].m[j].column, n,
						sizeof n);
				if (strcmp(n, h) == 0)
					return 1;
			}
	if (m->id_column) {
		map_header_norm(m->id_column, n, sizeof n);
		if (strcmp(n, h) == 0)
			return 1;
	}
	for (size_t i = 0; i < m->nign; i++) {
		if (m->ign[i].column) {
			map_header_norm(m->ign[i].column, n, sizeof n);
			if (strcmp(n, h) == 0)
				return 1;
		} else if (map_re_match(m, m->ign[i].re, raw)) {
			return 1;
		}
	}
	return 0;
}

/* A column the profile tests must be in the file. */
static int need(struct map_bind *b, struct imp_sink *s, long line,
		const char *name)
{
	if (find_named(b, name) >= 0)
		return 0;
	imp_problem(s, line, name, "column '%s' of profile %s is missing",
		    name, b->m->name);
	return 1;
}

/* Binds the profile to the header just read; reports every problem and
 * returns their count, or a negative status. */
static int bind_header(struct map_bind *b, struct imp_sink *s,
		       const struct map_src *src, size_t nf, long line)
{
	const struct lc_mapping *m = b->m;
	char t[512], why[200];
	int bad = 0;

	b->ncols = nf;
	b->hdr = calloc(nf, sizeof *b->hdr);
	b->pname = calloc(m->ncol + 1, sizeof *b->pname);
	b->col_of = calloc(m->ncol + 1, sizeof *b->col_of);
	b->ids = lc_strmap_new();
	if (!b->hdr || !b->pname || !b->col_of || !b->ids)
		return LC_ENOMEM;
	for (size_t i = 0; i < nf; i++) {
		map_header_norm(get(src, i), t, sizeof t);
		b->hdr[i] = strdup(t);
		if (!b->hdr[i])
			return LC_ENOMEM;
	}
	for (size_t k = 0; k < m->ncol; k++) {
		char x[512];

		if (map_expand(m->col[k].name, b->edition, x, sizeof x, why,
			       sizeof why) != 0) {
			imp_problem(s, line, m->col[k].name, "%s", why);
			return bad + 1;
		}
		map_header_norm(x, t, sizeof t);
		b->pname[k] = strdup(t);
		if (!b->pname[k])
			return LC_ENOMEM;
		b->col_of[k] = find_col(b, t);
		if (b->col_of[k] < 0 && !m->col[k].optional) {
			imp_problem(s, line, x, "column '%s' of profile %s is "
				    "missing", x, m->name);
			bad++;
		}
	}
	for (size_t i = 0; i < nf; i++) {
		const char *raw = get(src, i);

		if (find_col(b, b->hdr[i]) != (long)i) {
			imp_problem(s, get_line(src, i), raw, "column "
				    "'%s' appears twice", raw);
			bad++;
		} else if (!known(b, b->hdr[i], raw)) {
			imp_problem(s, get_line(src, i), raw, "column "
				    "'%s' is neither read nor ignored by "
				    "profile %s", raw, m->name);
			bad++;
		}
	}
	for (size_t i = 0; i < m->nrule; i++)
		for (size_t j = 0; j < m->rule[i].nm; j++)
			if (m->rule[i].m[j].column)
				bad += need(b, s, line,
					    m->rule[i].m[j].column);
	for (size_t i = 0; i < m->nskip; i++)
		for (size_t j = 0; j < m->skip[i].nm; j++)
			if (m->skip[i].m[j].column)
				bad += need(b, s, line,
					    m->skip[i].m[j].column);
	b->seq_col = -1;
	if (m->id_kind == MAP_ID_SEQUENCE) {
		bad += need(b, s, line, m->id_column);
		b->seq_col = find_named(b, m->id_column);
	}
	labels(b, src);
	return bad;
}

/* ---- one row ------------------------------------------------------------ */

static int set(struct imp_raw *r, int f, const char *v, long line)
{
	return imp_raw_set(r, f, v, -1, line);
}

static const char *val(const struct imp_raw *r, int f)
{
	return r->val[f] && *r->val[f] ? r->val[f] : NULL;
}

/* 1 when every match holds for this row. */
/* The pattern of x for edition ed ({edition} filled), compiled once per
 * edition the rows have; NULL when there is none (no edition, or one
 * that makes no pattern). */
static pcre2_code *edition_re(struct map_match *x, const char *ed)
{
	char buf[1100], why[200];
	int ec;
	PCRE2_SIZE off;

	if (!ed || strlen(ed) >= sizeof x->ed)
		return NULL;
	if (x->ed_re && !strcmp(x->ed, ed))
		return x->ed_re;
	pcre2_code_free(x->ed_re);
	x->ed_re = NULL;
	x->ed[0] = '\0';
	if (map_expand(x->pattern, ed, buf, sizeof buf, why, sizeof why))
		return NULL;
	x->ed_re = pcre2_compile((PCRE2_SPTR)buf, PCRE2_ZERO_TERMINATED,
				 PCRE2_UTF, &ec, &off, NULL);
	if (!x->ed_re)
		return NULL;
	(void)pcre2_jit_compile(x->ed_re, PCRE2_JIT_COMPLETE);
	snprintf(x->ed, sizeof x->ed, "%s", ed);
	return x->ed_re;
}

static int all_hold(const struct map_bind *b, const struct map_src *src,
		    const struct imp_raw *r, struct map_match *x, size_t n)
{
	for (size_t j = 0; j < n; j++) {
		const char *v;
		pcre2_code *re = x[j].re;

		if (x[j].column) {
			long c = find_named(b, x[j].column);

			v = c >= 0 ? get(src, (size_t)c) : NULL;
		} else {
			v = val(r, x[j].field);
		}
		if (x[j].per_edition)
			re = edition_re(&x[j], b->edition ? b->edition :
					val(r, LC_F_EDITION));
		if (!v || !re || !map_re_match(b->m, re, v))
			return 0;
	}
	return 1;
}

/* A problem with field f of r: reported, the field dropped and marked so
 * that the rules do not report it again. */
static void drop(struct imp_sink *s, struct imp_raw *r, int f,
		 const char *why)
{
	imp_problem(s, r->line[f] ? r->line[f] : r->line0, imp_label(s, f),
		    "%s", why);
	free(r->val[f]);
	r->val[f] = NULL;
	r->flagged[f] = 1;
	r->problems++;
}

/* Values written in the profile (placeholders filled). */
static int put_value(struct map_bind *b, struct imp_sink *s, struct imp_raw *r,
		     int f, const char *tmpl)
{
	char v[1100], why[200];

	if (map_expand(tmpl, b->edition ? b->edition : val(r, LC_F_EDITION),
		       v, sizeof v, why, sizeof why) != 0) {
		imp_problem(s, r->line0, imp_label(s, f), "%s", why);
		r->flagged[f] = 1;
		r->problems++;
		return 0;
	}
	return set(r, f, v, r->line0);
}

/* Converts the cells that need it: TRL levels and ranges, quantity
 * ranges and unit hints. */
static int convert(struct map_bind *b, struct imp_sink *s, struct imp_raw *r)
{
	const struct lc_mapping *m = b->m;
	char buf[512], why[300];

	for (size_t k = 0; k < m->ncol; k++) {
		const struct map_column *c = &m->col[k];
		int f = c->field, trl;
		const char *cell = val(r, f), *unit;

		if (!cell)
			continue;
		if (f == LC_F_TRL) {
			if (map_trl(c, cell, &trl, why, sizeof why) != 0) {
				drop(s, r, f, why);
				continue;
			}
			snprintf(buf, sizeof buf, "%d", trl);
			if (set(r, LC_F_TRL_SOURCE, cell, r->line[f]) ||
			    (c->scale_given && set(r, LC_F_TRL_SCALE,
						   c->scale11 ? "1-11" : "1-9",
						   r->line[f])) ||
			    set(r, f, buf, r->line[f]))
				return LC_ENOMEM;
		} else if (lc_field_type(f) == LC_FT_NUM) {
			if (map_quantity(c, cell, buf, sizeof buf, &unit, why,
					 sizeof why) != 0) {
				drop(s, r, f, why);
				continue;
			}
			if (strcmp(buf, cell) != 0 &&
			    !(r->given[f] = strdup(cell)))
				return LC_ENOMEM;
			if (unit && !(r->unit[f] = strdup(unit)))
				return LC_ENOMEM;
			if (set(r, f, buf, r->line[f]))
				return LC_ENOMEM;
		}
	}
	return 0;
}

/* The dossier's id, when the profile makes it. */
static int make_id(struct map_bind *b, const struct map_src *src,
		   struct imp_sink *s, struct imp_raw *r)
{
	const struct lc_mapping *m = b->m;
	const char *ed = val(r, LC_F_EDITION), *sec = val(r, LC_F_SECTOR);
	int si = sec ? lc_sector_from_name(sec) : -1;
	char num[16], id[48];

	if (m->id_kind == MAP_ID_COLUMN)
		return 0;
	if (!ed || si < 0 || r->flagged[LC_F_EDITION]) {
		/* the sector's or edition's own problem says why */
		r->flagged[LC_F_ID] = 1;
		return 0;
	}
	if (m->id_kind == MAP_ID_SEQUENCE) {
		const char *cell = b->seq_col >= 0 ?
			get(src, (size_t)b->seq_col) : "";
		char t[64];

		snprintf(t, sizeof t, "%s", cell);
		imp_trim(t);
		if (map_sequence(t, num, sizeof num) != 0) {
			r->line[LC_F_ID] = b->seq_col >= 0 ?
				get_line(src, (size_t)b->seq_col) : 0;
			imp_problem(s, r->line[LC_F_ID] ? r->line[LC_F_ID] :
				    r->line0, imp_label(s, LC_F_ID), "'%s' is "
				    "not a sequence number (1 to 7 digits, "
				    "not 0)", t);
			r->flagged[LC_F_ID] = 1;
			r->problems++;
			return 0;
		}
		snprintf(id, sizeof id, "%s-%s-%s", ed, lc_sector_code(si),
			 num);
	} else {
		const char *key = val(r, m->id_field);
		unsigned long seq;

		if (!key) {
			r->flagged[LC_F_ID] = 1;
			imp_problem(s, r->line0, imp_label(s, LC_F_ID), "no "
				    "%s to make the id from",
				    lc_field_name(m->id_field));
			r->problems++;
			return 0;
		}
		/* the same name gets the same number on every run; names
		 * that collide in this file take the next free one */
		seq = map_hash_seq(key);
		for (;;) {
			snprintf(id, sizeof id, "%s-%s-%lu", ed,
				 lc_sector_code(si), seq);
			if (lc_strmap_get(b->ids, id, 0) == 0)
				break;
			seq = seq == 99999 ? 10000 : seq + 1;
		}
		if (lc_strmap_put(b->ids, id, 1))
			return LC_ENOMEM;
	}
	return set(r, LC_F_ID, id, r->line0);
}

/* One row into r: returns 0 (emit it), 1 (skipped: reported) or a
 * negative status. */
static int map_row(struct map_bind *b, const struct map_src *src,
		   struct imp_sink *s, struct imp_raw *r)
{
	const struct lc_mapping *m = b->m;
	int rc = set(r, LC_F_ORIGIN, m->name, r->line0);

	for (size_t k = 0; rc == 0 && k < m->ncol; k++) {
		const char *cell;

		if (b->col_of[k] < 0)
			continue;
		cell = get(src, (size_t)b->col_of[k]);
		if (cell[strspn(cell, " \t")])
			rc = set(r, m->col[k].field, cell,
				 get_line(src, (size_t)b->col_of[k]));
	}
	if (rc == 0 && b->edition && m->given[LC_F_EDITION] != MAP_COLUMN)
		rc = set(r, LC_F_EDITION, b->edition, r->line0);
	for (size_t i = 0; rc == 0 && i < m->ncst; i++)
		if (m->cst[i].when < 0 && !val(r, m->cst[i].field))
			rc = put_value(b, s, r, m->cst[i].field,
				       m->cst[i].value);
	for (size_t i = 0; rc == 0 && i < m->nrule; i++) {
		const struct map_rule *x = &m->rule[i];

		if (!val(r, x->field) &&
		    all_hold(b, src, r, x->m, x->nm))
			rc = put_value(b, s, r, x->field, x->value);
	}
	for (size_t i = 0; rc == 0 && i < m->ndflt; i++)
		if (!val(r, m->dflt[i].field))
			rc = put_value(b, s, r, m->dflt[i].field,
				       m->dflt[i].value);
	for (size_t i = 0; rc == 0 && i < m->ncst; i++)
		if (m->cst[i].when >= 0 && val(r, m->cst[i].when) &&
		    !val(r, m->cst[i].field))
			rc = put_value(b, s, r, m->cst[i].field,
				       m->cst[i].value);
	if (rc)
		return rc;
	for (size_t i = 0; i < m->nskip; i++) {
		const struct map_skip *x = &m->skip[i];
		char why[300], reason[600];

		if (x->unless >= 0 ? val(r, x->unless) != NULL :
		    !all_hold(b, src, r, x->m, x->nm))
			continue;
		if (map_expand(x->reason, b->edition ? b->edition :
			       val(r, LC_F_EDITION), reason, sizeof reason,
			       why, sizeof why) != 0)
			snprintf(reason, sizeof reason, "%s", x->reason);
		imp_skipped(s, r->line0, reason);
		return 1;
	}
	rc = convert(b, s, r);
	return rc ? rc : make_id(b, src, s, r);
}

/* ---- what the workbook reader shares (read_mapped_xlsx.c) ------------- */

int map_bind_new(struct map_bind **out, const struct lc_import_opts *o)
{
	struct map_bind *b = calloc(1, sizeof *b);

	*out = b;
	if (!b)
		return LC_ENOMEM;
	b->m = o->mapping;
	b->edition = o->edition;
	b->edition_opt = o->edition != NULL;
	/* without --edition, a profile's constant edition fills {edition} */
	for (size_t i = 0; !b->edition && i < b->m->ncst; i++)
		if (b->m->cst[i].field == LC_F_EDITION &&
		    !strchr(b->m->cst[i].value, '{'))
			b->edition = b->m->cst[i].value;
	return 0;
}

void map_bind_free(struct map_bind *b)
{
	if (b)
		bind_free(b);
	free(b);
}

int map_bind_header(struct map_bind *b, struct imp_sink *s,
		    const struct map_src *src, size_t nf, long line)
{
	return bind_header(b, s, src, nf, line);
}

const char *const *map_bind_labels(const struct map_bind *b)
{
	return b->plabel;
}

int map_bind_row(struct map_bind *b, const struct map_src *src,
		 struct imp_sink *s, struct imp_raw *r)
{
	return map_row(b, src, s, r);
}

size_t map_bind_ncols(const struct map_bind *b)
{
	return b->ncols;
}

int map_bind_field(const struct map_bind *b, size_t col)
{
	for (size_t k = 0; b->col_of && k < b->m->ncol; k++)
		if (b->col_of[k] == (long)col)
			return b->m->col[k].field;
	return -1;
}

long map_bind_column(const struct map_bind *b, const char *name)
{
	char n[512];

	if (!b->hdr)
		return -1;
	for (int f = 0; f < LC_F__COUNT; f++)
		if (b->plabel[f] && strcmp(b->plabel[f], name) == 0)
			for (size_t k = 0; k < b->m->ncol; k++)
				if (b->m->col[k].field == f)
					return b->col_of[k];
	map_header_norm(name, n, sizeof n);
	return find_col(b, n);
}
