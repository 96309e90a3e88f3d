/* rules.c - the field rules as data (data/rules/fields.rules): patterns
 * compiled once with PCRE2 (JIT when available), numeric ranges and the
 * messages shown to submitters; plus the GB 32100-2015 check character. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <errno.h>
#include <libintl.h>
#include <math.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include "importers/internal.h"

/* One [section]: every member optional but the name. */
struct rule {
	char *name;
	char *message;
	pcre2_code *re;
	pcre2_match_data *md;
	int has_min, has_max;
	double min, max;
};

static struct rule *rules;
static size_t nrules;
static int loaded;

void lc_rules_free(void)
{
	size_t i;
	for (i = 0; i < nrules; i++) {
		free(rules[i].name);
		free(rules[i].message);
		pcre2_match_data_free(rules[i].md);
		pcre2_code_free(rules[i].re);
	}
	free(rules);
	rules = NULL;
	nrules = 0;
	loaded = 0;
}

static struct rule *find(const char *name)
{
	size_t i;
	for (i = 0; i < nrules; i++)
		if (strcmp(rules[i].name, name) == 0)
			return &rules[i];
	return NULL;
}

static int set_key(struct rule *r, const char *key, const char *val,
		   const char *path, long line, struct lc_error *err)
{
	if (strcmp(key, "message") == 0) {
		free(r->message);
		r->message = strdup(val);
		if (!r->message)
			return lc_error_set(err, LC_ENOMEM, path, line, NULL,
					    "out of memory");
	} else if (strcmp(key, "pattern") == 0) {
		int ec;
		PCRE2_SIZE off;
		pcre2_code_free(r->re);
		pcre2_match_data_free(r->md);
		r->re = pcre2_compile((PCRE2_SPTR)val, PCRE2_ZERO_TERMINATED,
				      PCRE2_UTF, &ec, &off, NULL);
		if (!r->re) {
			PCRE2_UCHAR msg[160];
			pcre2_get_error_message(ec, msg, sizeof msg);
			return lc_error_set(err, LC_EDATA, path, line, NULL,
					    "rule [%s]: bad pattern at "
					    "offset %zu: %s", r->name,
					    (size_t)off, (char *)msg);
		}
		/* JIT is an optimisation: without it matching still works. */
		if (lc_regex_jit())
			(void)pcre2_jit_compile(r->re, PCRE2_JIT_COMPLETE);
		r->md = pcre2_match_data_create_from_pattern(r->re, NULL);
		if (!r->md)
			return lc_error_set(err, LC_ENOMEM, path, line, NULL,
					    "out of memory");
	} else if (strcmp(key, "min") == 0 || strcmp(key, "max") == 0) {
		char *end;
		double v;
		errno = 0;
		v = strtod(val, &end);
		if (end == val || *end || errno)
			return lc_error_set(err, LC_EDATA, path, line, NULL,
					    "rule [%s]: %s is not a number",
					    r->name, key);
		if (key[1] == 'i') {
			r->min = v;
			r->has_min = 1;
		} else {
			r->max = v;
			r->has_max = 1;
		}
	} else {
		return lc_error_set(err, LC_EDATA, path, line, NULL,
				    "rule [%s]: unknown key '%s'", r->name,
				    key);
	}
	return 0;
}

int lc_rules_load(const char *path, struct lc_error *err)
{
	char pbuf[4096], line[4096];
	FILE *fp;
	long ln = 0;
	struct rule *cur = NULL;
	int rc = 0;

	lc_rules_free();
	if (!path) {
		rc = lc_data_path("rules/fields.rules", pbuf, sizeof pbuf,
				  err);
		if (rc)
			return rc;
		path = pbuf;
	}
	fp = fopen(path, "r");
	if (!fp)
		return lc_error_set(err, LC_EIO, path, 0, NULL,
				    "unable to open rules: %s",
				    strerror(errno));
	while (rc == 0 && fgets(line, sizeof line, fp)) {
		char *s = line, *eq;
		ln++;
		imp_trim(s);
		if (*s == '\0' || *s == '#')
			continue;
		if (*s == '[') {
			char *e = strchr(s, ']');
			struct rule *nr;
			if (!e || e[1]) {
				rc = lc_error_set(err, LC_EDATA, path, ln,
						  NULL, "bad section line");
				break;
			}
			*e = '\0';
			nr = realloc(rules, (nrules + 1) * sizeof *rules);
			if (!nr) {
				rc = lc_error_set(err, LC_ENOMEM, path, ln,
						  NULL, "out of memory");
				break;
			}
			rules = nr;
			cur = &rules[nrules];
			memset(cur, 0, sizeof *cur);
			cur->name = strdup(s + 1);
			nrules++;
			if (!cur->name)
				rc = lc_error_set(err, LC_ENOMEM, path, ln,
						  NULL, "out of memory");
			continue;
		}
		eq = strchr(s, '=');
		if (!eq || !cur) {
			rc = lc_error_set(err, LC_EDATA, path, ln, NULL,
					  "expected 'key = value' in a "
					  "[section]");
			break;
		}
		*eq = '\0';
		rc = set_key(cur, imp_trim(s), imp_trim(eq + 1), path, ln,
			     err);
	}
	if (rc == 0 && ferror(fp))
		rc = lc_error_set(err, LC_EIO, path, 0, NULL,
				  "unable to read rules");
	fclose(fp);
	if (rc) {
		lc_rules_free();
		return rc;
	}
	loaded = 1;
	return 0;
}

int imp_rules_ensure(struct lc_error *err)
{
	if (loaded)
		return 0;
	return lc_rules_load(NULL, err);
}

/* 1 when value matches r's whole pattern (no pattern: 1). */
static int match(struct rule *r, const char *value)
{
	int n;
	if (!r->re)
		return 1;
	n = pcre2_match(r->re, (PCRE2_SPTR)value, PCRE2_ZERO_TERMINATED, 0,
			0, r->md, NULL);
	return n > 0;
}

int imp_rules_match(const char *rule, const char *value)
{
	struct rule *r = find(rule);
	if (!r)
		return -1;
	return match(r, value);
}

int imp_rules_group(const char *rule, const char *value, const char *group,
		    char *buf, size_t n)
{
	struct rule *r = find(rule);
	PCRE2_SIZE len = n;
	if (!r || !r->re)
		return -1;
	if (!match(r, value))
		return 0;
	if (n)
		buf[0] = '\0';
	if (pcre2_substring_copy_byname(r->md, (PCRE2_SPTR)group,
					(PCRE2_UCHAR *)buf, &len) != 0)
		return -1;
	return 1;
}

static size_t append(char *buf, size_t n, size_t o, const char *s,
		     size_t len)
{
	if (o >= n)
		return o;
	if (len > n - 1 - o)
		len = n - 1 - o;
	memcpy(buf + o, s, len);
	buf[o + len] = '\0';
	return o + len;
}

const char *imp_rules_message(const char *key, const char *value,
			      const char *expected, const char *code,
			      char *buf, size_t n)
{
	struct rule *r = find(key);
	/* the rules file's message in the front end's language (make pot
	 * lists them) */
	const char *m = (r && r->message) ? dgettext("lowcarb", r->message) :
		key;
	size_t o = 0;
	if (n == 0)
		return buf;
	buf[0] = '\0';
	while (*m) {
		const char *sub = NULL;
		size_t skip = 0;
		if (strncmp(m, "{value}", 7) == 0) {
			sub = value;
			skip = 7;
		} else if (strncmp(m, "{expected}", 10) == 0) {
			sub = expected;
			skip = 10;
		} else if (strncmp(m, "{expected_code}", 15) == 0) {
			sub = code;
			skip = 15;
		}
		if (skip) {
			if (sub)
				o = append(buf, n, o, sub, strlen(sub));
			m += skip;
		} else {
			o = append(buf, n, o, m, 1);
			m++;
		}
	}
	return buf;
}

/* 1 when v reads like a spreadsheet's number in scientific notation:
 * digits, an optional fraction, E or e, an optional sign, digits. */
static int looks_scientific(const char *v)
{
	size_t n = strspn(v, "0123456789");

	if (!n)
		return 0;
	v += n;
	if (*v == '.' || *v == ',')
		v += 1 + strspn(v + 1, "0123456789");
	if (*v != 'E' && *v != 'e')
		return 0;
	v++;
	if (*v == '+' || *v == '-')
		v++;
	n = strspn(v, "0123456789");
	return n && !v[n];
}

char lc_credit_code_check_char(const char *code17)
{
	static const char cs[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static const int w[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25,
				   13, 8, 24, 10, 30, 28 };
	int i, sum = 0;
	for (i = 0; i < 17; i++) {
		const char *p;
		if (code17[i] == '\0')
			return 0;
		p = strchr(cs, code17[i]);
		if (!p)
			return 0;
		sum += (int)(p - cs) * w[i];
	}
	return cs[(31 - sum % 31) % 31];
}

int lc_rules_check(const char *rule, const char *value,
		   struct lc_error *err)
{
	struct rule *r;
	char msg[512];
	int rc = imp_rules_ensure(err);
	if (rc)
		return rc;
	r = find(rule);
	if (!r)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, rule,
				    "no rule named '%s'", rule);
	if (!value)
		value = "";
	if (!match(r, value))
		goto bad;
	if (r->has_min || r->has_max) {
		char *end;
		double v;
		errno = 0;
		v = strtod(value, &end);
		if (end == value || *end || errno || !isfinite(v) ||
		    (r->has_min && v < r->min) ||
		    (r->has_max && v > r->max))
			goto bad;
	}
	if (strcmp(rule, "credit_code") == 0) {
		char c = lc_credit_code_check_char(value);
		if (c != value[17]) {
			char want[2] = { c, '\0' };
			imp_rules_message("credit_code.check", value, want,
					  NULL, msg, sizeof msg);
			return lc_error_set(err, LC_EDATA, NULL, 0, rule,
					    "%s", msg);
		}
	}
	return 0;
bad:
	if (strcmp(rule, "credit_code") == 0 && looks_scientific(value))
		rule = "credit_code.excel";
	imp_rules_message(rule, value, NULL, NULL, msg, sizeof msg);
	return lc_error_set(err, LC_EDATA, NULL, 0, rule, "%s", msg);
}
