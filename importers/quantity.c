/* quantity.c - numbers as submitters write them ("3.5万", "0.35 Mt",
 * "2,400万元", "1.2万tCO2/a") converted to the base unit of a field.
 * A number is [sign] digits [, groups] [. digits] [e exp], then Chinese
 * multipliers (百 千 万 亿), then an optional unit "num[/den]". */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "importers/internal.h"

enum dim { D_NONE, D_MASS, D_CO2, D_ENERGY, D_MONEY, D_TIME, D_PCT };

static const char *const dim_name[] = {
	"a plain number", "a mass", "a CO2 mass", "an energy", "money",
	"a time", "a percentage"
};

struct atom {
	const char *sym;
	enum dim dim;
	double factor;
};

/* Symbols after white space removal and CO2 spelling normalisation. */
static const struct atom atoms[] = {
	{ "t", D_MASS, 1 }, { "kt", D_MASS, 1e3 }, { "Mt", D_MASS, 1e6 },
	{ "Gt", D_MASS, 1e9 }, { "kg", D_MASS, 1e-3 }, { "吨", D_MASS, 1 },
	{ "tCO2", D_CO2, 1 }, { "ktCO2", D_CO2, 1e3 },
	{ "MtCO2", D_CO2, 1e6 }, { "GtCO2", D_CO2, 1e9 },
	{ "kgCO2", D_CO2, 1e-3 }, { "吨CO2", D_CO2, 1 },
	{ "吨二氧化碳", D_CO2, 1 },
	{ "tce", D_ENERGY, 1 }, { "ktce", D_ENERGY, 1e3 },
	{ "Mtce", D_ENERGY, 1e6 }, { "kgce", D_ENERGY, 1e-3 },
	{ "吨标煤", D_ENERGY, 1 }, { "吨标准煤", D_ENERGY, 1 },
	{ "元", D_MONEY, 1 }, { "CNY", D_MONEY, 1 }, { "RMB", D_MONEY, 1 },
	{ "yuan", D_MONEY, 1 },
	{ "a", D_TIME, 1 }, { "年", D_TIME, 1 }, { "yr", D_TIME, 1 },
	{ "y", D_TIME, 1 }, { "year", D_TIME, 1 }, { "years", D_TIME, 1 },
	{ "月", D_TIME, 1.0 / 12 }, { "months", D_TIME, 1.0 / 12 },
	{ "%", D_PCT, 1 }, { "％", D_PCT, 1 },
};

/* What a field takes: numerator and denominator dimensions (D_NONE
 * denominator: none allowed). A missing denominator is read as the base
 * one ("35 kt" of abatement is 35 kt per year). */
static int field_dims(int f, enum dim *num, enum dim *den)
{
	switch (f) {
	case LC_F_CO2_PER_UNIT: *num = D_CO2; *den = D_MASS; return 0;
	case LC_F_ABATEMENT:
	case LC_F_POTENTIAL: *num = D_CO2; *den = D_TIME; return 0;
	case LC_F_ENERGY_SAVING: *num = D_ENERGY; *den = D_TIME; return 0;
	case LC_F_INVESTMENT: *num = D_MONEY; *den = D_NONE; return 0;
	case LC_F_OPEX_CHANGE: *num = D_MONEY; *den = D_TIME; return 0;
	case LC_F_LIFETIME:
	case LC_F_PAYBACK: *num = D_TIME; *den = D_NONE; return 0;
	case LC_F_ABATEMENT_COST: *num = D_MONEY; *den = D_CO2; return 0;
	case LC_F_PENETRATION_NOW:
	case LC_F_PENETRATION_TARGET: *num = D_PCT; *den = D_NONE; return 0;
	default: return -1;
	}
}

static int dim_ok(enum dim want, enum dim got)
{
	return want == got || (want == D_CO2 && got == D_MASS);
}

/* Reads Chinese multipliers at *p; returns their product (1 if none). */
static double multipliers(const char **p)
{
	double m = 1;
	for (;;) {
		if (strncmp(*p, "百", 3) == 0)
			m *= 1e2;
		else if (strncmp(*p, "千", 3) == 0)
			m *= 1e3;
		else if (strncmp(*p, "万", 3) == 0)
			m *= 1e4;
		else if (strncmp(*p, "亿", 3) == 0)
			m *= 1e8;
		else
			return m;
		*p += 3;
	}
}

/* Copies s into buf without white space, "CO₂" as "CO2" and "CO2e",
 * "CO2eq", "CO2-eq" as "CO2". Returns -1 when it does not fit. */
static int unit_norm(const char *s, char *buf, size_t n)
{
	size_t o = 0;
	while (*s) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			s++;
			continue;
		}
		if (strncmp(s, "\u2082", 3) == 0) {   /* subscript two */
			if (o + 1 >= n)
				return -1;
			buf[o++] = '2';
			s += 3;
		} else {
			if (o + 1 >= n)
				return -1;
			buf[o++] = *s++;
		}
		if (o >= 3 && memcmp(buf + o - 3, "CO2", 3) == 0) {
			if (strncmp(s, "-eq", 3) == 0)
				s += 3;
			else if (strncmp(s, "eq", 2) == 0)
				s += 2;
			else if (*s == 'e')
				s++;
		}
	}
	buf[o] = '\0';
	return 0;
}

/* Parses one side of a unit ("万tCO2"); 0 and dim/factor, or -1. */
static int unit_side(const char *s, enum dim *dim, double *factor)
{
	double m = multipliers(&s);
	size_t i;
	for (i = 0; i < sizeof atoms / sizeof atoms[0]; i++) {
		if (strcmp(s, atoms[i].sym) == 0) {
			*dim = atoms[i].dim;
			*factor = m * atoms[i].factor;
			return 0;
		}
	}
	return -1;
}

/* Parses the number at the start of s into *v and the end into *end;
 * thousands separators must group by three. Returns 0 or -1. */
static int number(const char *s, double *v, const char **end)
{
	char buf[128];
	size_t o = 0;
	const char *p = s;
	int digits = 0, group = -1;
	if (*p == '+' || *p == '-') {
		buf[o++] = *p++;
	} else if (strncmp(p, "\u2212", 3) == 0) {   /* minus sign */
		buf[o++] = '-';
		p += 3;
	}
	while ((*p >= '0' && *p <= '9') || *p == ',') {
		if (*p == ',') {
			if (digits == 0 || (group >= 0 && group != 3) ||
			    (group < 0 && digits > 3))
				return -1;
			group = 0;
			p++;
			continue;
		}
		if (o + 1 >= sizeof buf)
			return -1;
		buf[o++] = *p++;
		digits++;
		if (group >= 0)
			group++;
	}
	if (group >= 0 && group != 3)
		return -1;
	if (*p == '.') {
		buf[o++] = *p++;
		while (*p >= '0' && *p <= '9') {
			if (o + 1 >= sizeof buf)
				return -1;
			buf[o++] = *p++;
			digits++;
		}
	}
	if (digits == 0)
		return -1;
	if ((*p == 'e' || *p == 'E') &&
	    ((p[1] >= '0' && p[1] <= '9') ||
	     ((p[1] == '-' || p[1] == '+') && p[2] >= '0' && p[2] <= '9'))) {
		buf[o++] = *p++;
		if (*p == '-' || *p == '+')
			buf[o++] = *p++;
		while (*p >= '0' && *p <= '9') {
			if (o + 1 >= sizeof buf)
				return -1;
			buf[o++] = *p++;
		}
	}
	buf[o] = '\0';
	{
		char *e;
		errno = 0;
		*v = strtod(buf, &e);
		if (*e != '\0' || errno == ERANGE || !isfinite(*v))
			return -1;
	}
	*end = p;
	return 0;
}

static const char *field_of(int f)
{
	const char *n = lc_field_name(f);
	return n ? n : "";
}

int lc_quantity_parse(int f, const char *text, const char *unit,
		      double *out, struct lc_error *err)
{
	enum dim want_num, want_den, num_dim = D_NONE, den_dim = D_NONE;
	double v, mult, fnum = 1, fden = 1;
	const char *p, *rest;
	char u[128], *slash;

	if (field_dims(f, &want_num, &want_den) != 0)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, field_of(f),
				    "not a quantity field");
	p = text ? text : "";
	while (*p == ' ' || *p == '\t')
		p++;
	if (number(p, &v, &rest) != 0)
		return lc_error_set(err, LC_EDATA, NULL, 0, field_of(f),
				    "'%s' is not a number", text ? text : "");
	while (*rest == ' ' || *rest == '\t')
		rest++;
	mult = multipliers(&rest);
	if (unit_norm(rest, u, sizeof u) != 0)
		return lc_error_set(err, LC_EDATA, NULL, 0, field_of(f),
				    "unit of '%s' too long", text);
	if (unit && *unit) {
		if (u[0] != '\0')
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f),
					    "'%s' has a unit and a unit "
					    "attribute '%s'", text, unit);
		if (unit_norm(unit, u, sizeof u) != 0)
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f), "unit too long");
	}
	if (u[0] != '\0') {
		const char *shown = (unit && *unit) ? unit : rest;
		slash = strchr(u, '/');
		if (slash)
			*slash = '\0';
		if (u[0] == '\0' && slash)   /* "/a" alone */
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f), "unknown unit '%s'",
					    shown);
		if (u[0] != '\0' && unit_side(u, &num_dim, &fnum) != 0)
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f), "unknown unit '%s'",
					    shown);
		if (slash && unit_side(slash + 1, &den_dim, &fden) != 0)
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f), "unknown unit '%s'",
					    shown);
		if (!dim_ok(want_num, num_dim) ||
		    (slash && (want_den == D_NONE ||
			       !dim_ok(want_den, den_dim))))
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f),
					    "unit '%s' is %s%s, not a unit "
					    "of %s", shown,
					    dim_name[num_dim],
					    slash ? " per something" : "",
					    lc_field_unit(f));
	}
	v = v * mult * fnum / fden;
	if (!isfinite(v))
		return lc_error_set(err, LC_EDATA, NULL, 0, field_of(f),
				    "'%s' is out of range", text);
	*out = v;
	return 0;
}
