/* build.c - turns a raw dossier (texts and lines, from any reader) into an
 * lc_tech, checking every field rule and the cross-field rules, and
 * reporting every problem with its line and field, not just the first. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "importers/internal.h"

/* Reports rule's message for field f of r. */
static void rule_problem(struct imp_sink *s, struct imp_raw *r, int f,
			 const char *rule, const char *value,
			 const char *expected, const char *code)
{
	char msg[512];
	long line = r->line[f] ? r->line[f] : r->line0;
	imp_rules_message(rule, value, expected, code, msg, sizeof msg);
	imp_problem(s, line, imp_label(s, f), "%s", msg);
	r->problems++;
}

/* 1 when v is a number as a spreadsheet writes a long one: "5.11E+17". */
static int spreadsheet_number(const char *v)
{
	size_t i = strspn(v, "0123456789");
	if (i == 0)
		return 0;
	if (v[i] == '.')
		i += 1 + strspn(v + i + 1, "0123456789");
	if (v[i] != 'E' && v[i] != 'e')
		return 0;
	i++;
	if (v[i] == '+')
		i++;
	return v[i] && strspn(v + i, "0123456789") == strlen(v + i);
}

/* Checks value against rule; reports and returns -1 when it fails. */
static int check(struct imp_sink *s, struct imp_raw *r, int f,
		 const char *rule, const char *value)
{
	struct lc_error e;
	if (lc_rules_check(rule, value, &e) == 0)
		return 0;
	imp_problem(s, r->line[f] ? r->line[f] : r->line0, imp_label(s, f),
		    "%s%s", e.msg, (f == LC_F_CREDIT_CODE || f == LC_F_PHONE) &&
		    spreadsheet_number(value) && !imp_says_spreadsheet(e.msg) ?
		    dgettext("lowcarb", "; a spreadsheet turned it into a "
			     "number: format the column as text and type "
			     "it again") : "");
	r->problems++;
	return -1;
}

static void num_text(double v, char *buf, size_t n)
{
	if (!lc_num_format(v, buf, n))
		snprintf(buf, n, "?");
}

/* The text kept as "what the submitter wrote" for a quantity. */
static char *src_text(const char *val, const char *unit)
{
	size_t a = strlen(val), b = unit ? strlen(unit) : 0;
	char *s = malloc(a + b + 2);
	if (!s)
		return NULL;
	memcpy(s, val, a + 1);
	if (b) {
		s[a] = ' ';
		memcpy(s + a + 1, unit, b + 1);
	}
	return s;
}

static int set_quantity(struct imp_sink *s, struct imp_raw *r,
			struct lc_tech *t, int f)
{
	struct lc_error e;
	double v;
	char nb[40];
	char *src;
	if (lc_quantity_parse(f, r->val[f], r->unit[f], &v, &e) != 0) {
		imp_problem(s, r->line[f] ? r->line[f] : r->line0,
			    imp_label(s, f), "%s", e.msg);
		r->problems++;
		return 0;
	}
	num_text(v, nb, sizeof nb);
	switch (f) {
	case LC_F_PENETRATION_NOW:
	case LC_F_PENETRATION_TARGET:
		if (v < 0 || v > 100)
			rule_problem(s, r, f, "percent", nb, NULL, NULL);
		break;
	case LC_F_LIFETIME:
	case LC_F_PAYBACK:
		if (!(v > 0))
			rule_problem(s, r, f, "positive", nb, NULL, NULL);
		break;
	case LC_F_ABATEMENT:
	case LC_F_POTENTIAL:
	case LC_F_INVESTMENT:
		if (v < 0)
			rule_problem(s, r, f, "nonnegative", nb, NULL, NULL);
		break;
	default:
		break;
	}
	src = r->given[f] ? strdup(r->given[f]) :
		src_text(r->val[f], r->unit[f]);
	if (!src || lc_tech_set_num(t, f, v, src) != 0) {
		free(src);
		return LC_ENOMEM;
	}
	free(src);
	return 0;
}

static int set_field(struct imp_sink *s, struct imp_raw *r,
		     struct lc_tech *t, int f, struct lc_error *err)
{
	const char *v = r->val[f];
	struct lc_error e;
	int bad = 0;

	switch (f) {
	case LC_F_EDITION: bad = check(s, r, f, "edition", v); break;
	case LC_F_TRL: bad = check(s, r, f, "trl", v); break;
	case LC_F_DEMONSTRATIONS:
	case LC_F_PATENTS: bad = check(s, r, f, "count", v); break;
	case LC_F_CREDIT_CODE: bad = check(s, r, f, "credit_code", v); break;
	case LC_F_EMAIL: bad = check(s, r, f, "email", v); break;
	case LC_F_PHONE: bad = check(s, r, f, "phone", v); break;
	case LC_F_ID: bad = check(s, r, f, "id", v); break;
	case LC_F_LINEAGE: bad = check(s, r, f, "id", v); break;
	case LC_F_PENETRATION_TARGET_YEAR:
		bad = check(s, r, f, "year", v);
		break;
	case LC_F_TRL_SCALE: bad = check(s, r, f, "trl_scale", v); break;
	case LC_F_ORIGIN: bad = check(s, r, f, "origin", v); break;
	case LC_F_PRODUCT:
		bad = check(s, r, f, "product", v);
		if (!bad && imp_product_known(v) == 0) {
			imp_problem(s, r->line[f] ? r->line[f] : r->line0,
				    imp_label(s, f), "'%s' is not on the list "
				    "of products (see lowcarb products)", v);
			r->problems++;
			bad = 1;
		}
		break;
	case LC_F_GAS:
		if (lc_gas_from_name(v) < 0) {
			rule_problem(s, r, f, "gas", v, NULL, NULL);
			bad = 1;
		}
		break;
	case LC_F_SECTOR:
		if (lc_sector_from_name(v) < 0) {
			rule_problem(s, r, f, "sector", v, NULL, NULL);
			bad = 1;
		}
		break;
	case LC_F_CATEGORY:
		if (lc_category_from_name(v) < 0) {
			rule_problem(s, r, f, "category", v, NULL, NULL);
			bad = 1;
		}
		break;
	case LC_F_OWNERS: {
		char *o = imp_owners_norm(v);
		int rc;
		if (!o)
			return lc_error_set(err, LC_ENOMEM, s->file, 0, NULL,
					    "out of memory");
		rc = lc_tech_set(t, f, o, &e);
		free(o);
		if (rc == LC_ENOMEM)
			return lc_error_set(err, LC_ENOMEM, s->file, 0, NULL,
					    "out of memory");
		return 0;
	}
	default:
		if (lc_field_type(f) == LC_FT_NUM) {
			if (set_quantity(s, r, t, f) != 0)
				return lc_error_set(err, LC_ENOMEM, s->file,
						    0, NULL,
						    "out of memory");
			return 0;
		}
		break;
	}
	if (bad)
		return 0;
	if (lc_tech_set(t, f, v, &e) != 0) {
		if (e.status == LC_ENOMEM)
			return lc_error_set(err, LC_ENOMEM, s->file, 0, NULL,
					    "out of memory");
		imp_problem(s, r->line[f] ? r->line[f] : r->line0,
			    imp_label(s, f), "%s", e.msg);
		r->problems++;
	}
	return 0;
}

/* Text from outside holds text only: no control character, no stray
 * byte-order mark, no non-character, a line break only in the fields
 * written as paragraphs, and a bounded length. Reports and returns -1
 * when v is not such text. */
static int text_ok(struct imp_sink *s, struct imp_raw *r, int f, long line,
		   const char *what, const char *v)
{
	int para = f == LC_F_SUMMARY || f == LC_F_SCOPE ||
		   f == LC_F_KEY_INDICATORS || f == LC_F_PROJECTS ||
		   f == LC_F_SUMMARY_EN || f == LC_F_SCOPE_EN ||
		   f == LC_F_KEY_INDICATORS_EN;
	char why[160];

	if (lc_text_check(v, para, para ? 32768 : 2048, why, sizeof why) == 0)
		return 0;
	imp_problem(s, line ? line : r->line0, imp_label(s, f), "%s%s",
		    what ? what : "", why);
	r->problems++;
	return -1;
}

/* id YYYY-SS-NNN against edition and sector. */
static void check_id(struct imp_sink *s, struct imp_raw *r)
{
	char year[16], code[8], seq[16];
	const char *id = r->val[LC_F_ID];
	int sec;
	if (!id || imp_rules_group("id", id, "year", year, sizeof year) != 1)
		return;
	if (imp_rules_group("id", id, "code", code, sizeof code) != 1 ||
	    imp_rules_group("id", id, "seq", seq, sizeof seq) != 1)
		return;
	if (r->val[LC_F_EDITION] && strcmp(year, r->val[LC_F_EDITION]) != 0)
		rule_problem(s, r, LC_F_ID, "id.edition", year,
			     r->val[LC_F_EDITION], NULL);
	sec = r->val[LC_F_SECTOR] ? lc_sector_from_name(r->val[LC_F_SECTOR])
		: -1;
	if (sec >= 0 && strcmp(code, lc_sector_code(sec)) != 0)
		rule_problem(s, r, LC_F_ID, "id.sector", code,
			     r->val[LC_F_SECTOR], lc_sector_code(sec));
	if (sec < 0 && lc_sector_from_code(code) < 0)
		rule_problem(s, r, LC_F_ID, "id.sector", code, "?", "?");
	if (imp_rules_match("id.sequence", seq) == 0)
		rule_problem(s, r, LC_F_ID, "id.sequence", seq, NULL, NULL);
}

/* Years against the edition: a lineage names an earlier edition's
 * dossier, a target penetration is for the edition's year or later. */
static void check_years(struct imp_sink *s, struct imp_raw *r,
			const struct lc_tech *t)
{
	const char *ed = lc_tech_get(t, LC_F_EDITION);
	const char *lin = lc_tech_get(t, LC_F_LINEAGE);
	double y;

	if (!ed)
		return;
	if (lin && strncmp(lin, ed, 4) >= 0)
		rule_problem(s, r, LC_F_LINEAGE, "lineage", lin, ed, NULL);
	if (lc_tech_num(t, LC_F_PENETRATION_TARGET_YEAR, &y) &&
	    y < strtol(ed, NULL, 10))
		rule_problem(s, r, LC_F_PENETRATION_TARGET_YEAR, "target_year",
			     lc_tech_get(t, LC_F_PENETRATION_TARGET_YEAR), ed,
			     NULL);
}

/* What a dossier of a foreign catalog (one with an origin: read through
 * a mapping profile) may lack that an association's submission may not:
 * a unified social credit code (foreign publishers have none), and the
 * Chinese name when the source gives an English one (no name is
 * invented). 1 when field f may be absent from r. */
static int foreign_optional(const struct imp_raw *r, int f)
{
	if (!r->val[LC_F_ORIGIN] || !*r->val[LC_F_ORIGIN])
		return 0;
	if (f == LC_F_CREDIT_CODE)
		return 1;
	return f == LC_F_NAME_ZH && r->val[LC_F_NAME_EN] &&
	       *r->val[LC_F_NAME_EN];
}

/* The TRL for ranking against the TRL as given, when the latter is a
 * number or a range ("7.0", "4-5", "10-11"): trl must lie within it,
 * read on the dossier's scale (10 and 11 of 1-11 count 9). Text that is
 * neither is kept as it is, unchecked. */
static void check_trl_source(struct imp_sink *s, struct imp_raw *r,
			     const struct lc_tech *t)
{
	const char *src = lc_tech_get(t, LC_F_TRL_SOURCE);
	int trl = lc_tech_trl(t), lo, hi;
	char nb[16];

	if (!src || !trl || lc_trl_range(src, &lo, &hi) != 0)
		return;
	if (trl >= lc_trl_rank(lo) && trl <= lc_trl_rank(hi))
		return;
	snprintf(nb, sizeof nb, "%d", trl);
	rule_problem(s, r, LC_F_TRL, "trl.source", nb, src, NULL);
}

/* One project of the "projects" text, into the raw dossier. */
static int take_project(char *const f[LC_PROJECT_FIELDS], long line,
			void *ctx)
{
	struct imp_raw *r = ctx;
	struct imp_raw_demo *d = imp_raw_add_demo(r);

	if (!d)
		return LC_ENOMEM;
	d->line = r->line[LC_F_PROJECTS] ? r->line[LC_F_PROJECTS] + line - 1
		: r->line0;
	if ((*f[0] && !(d->site = strdup(f[0]))) ||
	    (*f[1] && !(d->enterprise = strdup(f[1]))) ||
	    (*f[2] && !(d->year = strdup(f[2]))) ||
	    (*f[3] && !(d->capacity = strdup(f[3]))) ||
	    (*f[4] && !(d->abatement = strdup(f[4]))) ||
	    (*f[5] && !(d->site_en = strdup(f[5]))) ||
	    (*f[6] && !(d->enterprise_en = strdup(f[6]))) ||
	    (*f[7] && !(d->capacity_en = strdup(f[7]))))
		return LC_ENOMEM;
	return 0;
}

/* The "projects" column of a CSV row: its projects as the XML reader
 * would have given them. Returns 0, -1 after reporting a problem, or
 * LC_ENOMEM. */
static int read_projects(struct imp_sink *s, struct imp_raw *r)
{
	char why[160], nb[24];
	long line;
	int rc;

	if (r->have_demos) {
		imp_problem(s, r->line[LC_F_PROJECTS], "projects", "projects "
			    "given twice (as text and as elements)");
		r->problems++;
		return -1;
	}
	r->have_demos = 1;
	rc = lc_projects_parse(r->val[LC_F_PROJECTS], take_project, r, &line,
			       why, sizeof why);
	if (rc == LC_ENOMEM)
		return rc;
	if (rc) {
		snprintf(nb, sizeof nb, "%ld", line);
		rule_problem(s, r, LC_F_PROJECTS, "projects", why, nb, NULL);
		return -1;
	}
	return 0;
}

static int add_demos(struct imp_sink *s, struct imp_raw *r,
		     struct lc_tech *t, struct lc_error *err)
{
	size_t i;
	for (i = 0; i < r->ndemos; i++) {
		struct imp_raw_demo *d = &r->demos[i];
		struct lc_demo ld;
		struct lc_error e;
		char what[32];
		memset(&ld, 0, sizeof ld);
		ld.abatement = NAN;
		snprintf(what, sizeof what, "project %zu: ", i + 1);
		if ((d->site && text_ok(s, r, LC_F_DEMONSTRATIONS, d->line,
					what, d->site) < 0) ||
		    (d->enterprise && text_ok(s, r, LC_F_DEMONSTRATIONS,
					      d->line, what,
					      d->enterprise) < 0) ||
		    (d->capacity && text_ok(s, r, LC_F_DEMONSTRATIONS,
					    d->line, what, d->capacity) < 0) ||
		    (d->site_en && text_ok(s, r, LC_F_DEMONSTRATIONS,
					   d->line, what, d->site_en) < 0) ||
		    (d->enterprise_en && text_ok(s, r, LC_F_DEMONSTRATIONS,
						 d->line, what,
						 d->enterprise_en) < 0) ||
		    (d->capacity_en && text_ok(s, r, LC_F_DEMONSTRATIONS,
					       d->line, what,
					       d->capacity_en) < 0))
			continue;
		ld.site = d->site;
		ld.enterprise = d->enterprise;
		ld.capacity = d->capacity;
		ld.site_en = d->site_en;
		ld.enterprise_en = d->enterprise_en;
		ld.capacity_en = d->capacity_en;
		if (d->year && *d->year) {
			if (lc_rules_check("year", d->year, &e) != 0) {
				imp_problem(s, d->line, "demonstrations",
					    "project %zu: %s", i + 1, e.msg);
				r->problems++;
			} else {
				ld.year = (int)strtol(d->year, NULL, 10);
			}
		}
		if (d->abatement && *d->abatement &&
		    lc_quantity_parse(LC_F_ABATEMENT, d->abatement,
				      d->abatement_unit, &ld.abatement,
				      &e) != 0) {
			imp_problem(s, d->line, "demonstrations",
				    "project %zu: abatement: %s", i + 1,
				    e.msg);
			r->problems++;
			ld.abatement = NAN;
		}
		if (lc_tech_add_demo(t, &ld) != 0)
			return lc_error_set(err, LC_ENOMEM, s->file, 0, NULL,
					    "out of memory");
	}
	return 0;
}

int imp_build(struct imp_raw *r, struct imp_sink *s, struct lc_tech **out,
	      struct lc_error *err)
{
	struct lc_tech *t;
	int f, rc;
	double now, target;

	*out = NULL;
	rc = imp_rules_ensure(err);
	if (rc)
		return rc;
	t = lc_tech_new();
	if (!t)
		return lc_error_set(err, LC_ENOMEM, s->file, 0, NULL,
				    "out of memory");
	if (r->val[LC_F_PROJECTS] && *r->val[LC_F_PROJECTS] &&
	    !r->flagged[LC_F_PROJECTS] &&
	    text_ok(s, r, LC_F_PROJECTS, r->line[LC_F_PROJECTS], NULL,
		    r->val[LC_F_PROJECTS]) == 0 &&
	    read_projects(s, r) == LC_ENOMEM)
		goto nomem;
	if (r->have_demos && !r->val[LC_F_DEMONSTRATIONS]) {
		char nb[32];
		snprintf(nb, sizeof nb, "%zu", r->ndemos);
		if (imp_raw_set(r, LC_F_DEMONSTRATIONS, nb, -1, r->line0))
			goto nomem;
	}
	for (f = 0; f < LC_F__COUNT; f++) {
		if (!r->val[f] || !*r->val[f]) {
			if (lc_field_required(f) && !r->flagged[f] &&
			    !foreign_optional(r, f))
				rule_problem(s, r, f, "required", NULL, NULL,
					     NULL);
			continue;
		}
		if (f == LC_F_PROJECTS || r->flagged[f] ||
		    text_ok(s, r, f, r->line[f], NULL, r->val[f]) < 0)
			continue;
		rc = set_field(s, r, t, f, err);
		if (rc)
			goto fail;
	}
	check_id(s, r);
	check_years(s, r, t);
	check_trl_source(s, r, t);
	if (lc_tech_num(t, LC_F_PENETRATION_NOW, &now) &&
	    lc_tech_num(t, LC_F_PENETRATION_TARGET, &target) &&
	    target < now) {
		char a[40], b[40];
		num_text(target, a, sizeof a);
		num_text(now, b, sizeof b);
		rule_problem(s, r, LC_F_PENETRATION_TARGET, "penetration", a,
			     b, NULL);
	}
	if (r->have_demos && r->val[LC_F_DEMONSTRATIONS] && r->ndemos > 0) {
		char nb[32];
		snprintf(nb, sizeof nb, "%zu", r->ndemos);
		if (strcmp(nb, r->val[LC_F_DEMONSTRATIONS]) != 0)
			rule_problem(s, r, LC_F_DEMONSTRATIONS,
				     "demonstrations",
				     r->val[LC_F_DEMONSTRATIONS], nb, NULL);
	}
	rc = add_demos(s, r, t, err);
	if (rc)
		goto fail;
	if (r->status) {
		int st = lc_status_from_name(r->status);
		if (st < 0) {
			char msg[512];
			imp_rules_message("status", r->status, NULL, NULL,
					  msg, sizeof msg);
			imp_problem(s, r->line0, "status", "%s", msg);
			r->problems++;
		} else if (lc_tech_set_status(t, st, r->status_reason)) {
			goto nomem;
		}
	}
	*out = t;
	return r->problems;
nomem:
	rc = lc_error_set(err, LC_ENOMEM, s->file, 0, NULL, "out of memory");
fail:
	lc_tech_free(t);
	return rc;
}
