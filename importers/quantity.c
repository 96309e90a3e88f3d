/* quantity.c - numbers as submitters write them ("3.5万", "0.35 Mt",
 * "2,400万元", "1.2万tCO2/a") converted to the base unit of a field.
 * A number is [sign] digits [, groups] [. digits] [e exp], then Chinese
 * multipliers (百 千 万 亿), then an optional unit "num[/den]". */
#include <errno.h>
#include <libintl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "importers/internal.h"

enum dim { D_NONE, D_MASS, D_CO2, D_ENERGY, D_MONEY, D_TIME, D_PCT };

/* marks a noun phrase for xgettext (--keyword=N_), translated where it
 * is printed */
#define N_(s) (s)

static const char *const dim_name[] = {
	N_("a plain number"), N_("a mass"), N_("a CO2 mass"),
	N_("an energy"), N_("money"), N_("a time"), N_("a percentage")
};

/* A unit's factor to the base unit is 10^p10 / div: scaling by powers
 * of ten is done in the decimal text, so that "10.37万" is exactly
 * 103700, not 103699.99999999999. */
struct atom {
	const char *sym;
	enum dim dim;
	int p10, div;
};

/* Symbols after white space removal and CO2 spelling normalisation. */
static const struct atom atoms[] = {
	{ "t", D_MASS, 0, 1 }, { "kt", D_MASS, 3, 1 },
	{ "Mt", D_MASS, 6, 1 }, { "Gt", D_MASS, 9, 1 },
	{ "kg", D_MASS, -3, 1 }, { "吨", D_MASS, 0, 1 },
	{ "tCO2", D_CO2, 0, 1 }, { "ktCO2", D_CO2, 3, 1 },
	{ "MtCO2", D_CO2, 6, 1 }, { "GtCO2", D_CO2, 9, 1 },
	{ "kgCO2", D_CO2, -3, 1 }, { "吨CO2", D_CO2, 0, 1 },
	{ "吨二氧化碳", D_CO2, 0, 1 },
	{ "tce", D_ENERGY, 0, 1 }, { "ktce", D_ENERGY, 3, 1 },
	{ "Mtce", D_ENERGY, 6, 1 }, { "kgce", D_ENERGY, -3, 1 },
	{ "吨标煤", D_ENERGY, 0, 1 }, { "吨标准煤", D_ENERGY, 0, 1 },
	{ "元", D_MONEY, 0, 1 }, { "CNY", D_MONEY, 0, 1 },
	{ "RMB", D_MONEY, 0, 1 }, { "yuan", D_MONEY, 0, 1 },
	{ "a", D_TIME, 0, 1 }, { "年", D_TIME, 0, 1 }, { "yr", D_TIME, 0, 1 },
	{ "y", D_TIME, 0, 1 }, { "year", D_TIME, 0, 1 },
	{ "years", D_TIME, 0, 1 },
	{ "月", D_TIME, 0, 12 }, { "months", D_TIME, 0, 12 },
	{ "%", D_PCT, 0, 1 }, { "％", D_PCT, 0, 1 },
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

/* Reads a Chinese magnitude at *p: one of 十 百 千 万 亿, or a small one
 * before 万 or 亿 (百万, 千万, 十亿), or 万亿. Returns its power of ten (0
 * if none), or -1 when more follow (1万万 is not a way to write 1亿). */
static int multipliers(const char **p)
{
	static const struct { const char *s; int p10; } m[] = {
		{ "十", 1 }, { "百", 2 }, { "千", 3 }, { "万", 4 },
		{ "亿", 8 }
	};
	int got[2] = { -1, -1 }, n = 0;

	for (;;) {
		size_t k;

		if ((unsigned char)**p < 0x80)   /* ASCII: no magnitude */
			break;
		for (k = 0; k < sizeof m / sizeof m[0]; k++)
			if (strncmp(*p, m[k].s, 3) == 0)
				break;
		if (k == sizeof m / sizeof m[0])
			break;
		if (n == 2)
			return -1;
		got[n++] = (int)k;
		*p += 3;
	}
	if (n == 0)
		return 0;
	if (n == 1)
		return m[got[0]].p10;
	/* a pair: a small one (or 万) before a larger one */
	if ((got[0] <= 2 && got[1] >= 3) || (got[0] == 3 && got[1] == 4))
		return m[got[0]].p10 + m[got[1]].p10;
	return -1;
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

/* Parses one side of a unit ("万tCO2"); 0 and its dimension and factor
 * 10^p10 / div, or -1. */
static int unit_side(const char *s, enum dim *dim, int *p10, int *div,
		     int *mag)
{
	int m = multipliers(&s);
	size_t i;

	if (m < 0)
		return -1;
	if (mag)
		*mag = m != 0;
	for (i = 0; i < sizeof atoms / sizeof atoms[0]; i++) {
		if (s[0] == atoms[i].sym[0] && strcmp(s, atoms[i].sym) == 0) {
			*dim = atoms[i].dim;
			*p10 = m + atoms[i].p10;
			*div = atoms[i].div;
			return 0;
		}
	}
	return -1;
}

/* A number as written: sign, digits and point without the thousands
 * separators, and its decimal exponent. */
struct decimal {
	char buf[160];
	size_t len;
	long exp;
};

/* Reads the number at the start of s into *d and its end into *end;
 * thousands separators must group by three. Returns 0 or -1. */
static int number(const char *s, struct decimal *d, const char **end)
{
	char *buf = d->buf;
	long x = 0;
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
		if (o + 16 >= sizeof d->buf)
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
			if (o + 16 >= sizeof d->buf)
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
		int neg;
		p++;
		neg = *p == '-';
		if (*p == '-' || *p == '+')
			p++;
		while (*p >= '0' && *p <= '9') {
			if (x < 100000)
				x = 10 * x + (*p - '0');
			p++;
		}
		if (neg)
			x = -x;
	}
	d->len = o;
	d->exp = x;
	*end = p;
	return 0;
}

/* The value of d times 10^p10, rounded once from the decimal text (so
 * "10.37" times 10^4 is exactly 103700). Returns 0 or -1 out of range. */
static int decimal_value(struct decimal *d, int p10, double *v)
{
	char *e, digits[24];
	long x = d->exp + p10;
	unsigned long u = x < 0 ? 0UL - (unsigned long)x : (unsigned long)x;
	size_t o = d->len, k = 0;

	/* "e" and the exponent, written by hand: this runs for every
	 * quantity of every row, and snprintf cost more than the parse */
	do
		digits[k++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (o + k + 3 > sizeof d->buf)
		return -1;
	d->buf[o++] = 'e';
	if (x < 0)
		d->buf[o++] = '-';
	while (k)
		d->buf[o++] = digits[--k];
	d->buf[o] = '\0';
	errno = 0;
	*v = strtod(d->buf, &e);
	return *e != '\0' || errno == ERANGE || !isfinite(*v) ? -1 : 0;
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
	double v;
	int mult, pnum = 0, pden = 0, dnum = 1, dden = 1, mag = 0, gas = 0;
	const char *p, *rest;
	char u[128], *slash;
	struct decimal dec;

	if (field_dims(f, &want_num, &want_den) != 0)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, field_of(f),
				    "not a quantity field");
	p = text ? text : "";
	while (*p == ' ' || *p == '\t')
		p++;
	if (number(p, &dec, &rest) != 0)
		return lc_error_set(err, LC_EDATA, NULL, 0, field_of(f),
				    "'%s' is not a number", text ? text : "");
	while (*rest == ' ' || *rest == '\t')
		rest++;
	mult = multipliers(&rest);
	if (mult < 0)
		return lc_error_set(err, LC_EDATA, NULL, 0, field_of(f),
				    "'%s': a magnitude is written once (1亿, "
				    "not 1万万; 万亿 for 10^12)", text);
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
		/* tonnes of another gas ("1000 tN2O/a"): a CO2-equivalent
		 * mass by the GWP100 (lc_gwp) */
		for (int g = 1; g < LC_GAS__COUNT && u[0]; g++) {
			size_t lu = strlen(u), lg = strlen(lc_gas_name(g));

			if (lu > lg && !strcmp(u + lu - lg, lc_gas_name(g))) {
				u[lu - lg] = '\0';
				gas = g;
				break;
			}
		}
		if (u[0] == '\0' && slash)   /* "/a" alone */
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f), "unknown unit '%s'",
					    shown);
		if (u[0] != '\0' && unit_side(u, &num_dim, &pnum, &dnum, &mag) != 0)
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f), "unknown unit '%s'",
					    shown);
		if (slash && unit_side(slash + 1, &den_dim, &pden,
					     &dden, NULL) != 0)
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f), "unknown unit '%s'",
					    shown);
		if (gas > 0 && num_dim != D_MASS)
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f), "unknown unit '%s'",
					    shown);
		if (gas > 0)
			num_dim = D_CO2;
		if (mult && mag)
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f), "'%s': a magnitude "
					    "is written once", text);
		/* a rate written without its time: a bare mass is the
		 * column's shorthand ("35 kt" of abatement a year), but a
		 * unit that names what it counts must say per what */
		if (!slash && want_den == D_TIME && num_dim != D_MASS &&
		    u[0] != '\0')
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f), "'%s%s%s' is an "
					    "amount, %s is per year: write "
					    "the unit as '%s/a'", text,
					    unit && *unit ? " " : "",
					    unit && *unit ? unit : "",
					    field_of(f), shown);
		if (!slash && want_den != D_NONE && num_dim != D_MASS &&
		    u[0] != '\0')
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f), "'%s%s%s' is an "
					    "amount, %s is per tonne of "
					    "product: write the unit as "
					    "'%s/t'", text,
					    unit && *unit ? " " : "",
					    unit && *unit ? unit : "",
					    field_of(f), shown);
		if (slash && (!dim_ok(want_num, num_dim) ||
			      want_den == D_NONE ||
			      !dim_ok(want_den, den_dim)))
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f), "unit '%s' is %s "
					    "per something, not a unit of %s",
					    shown, dgettext("lowcarb",
							    dim_name[num_dim]),
					    lc_field_unit(f));
		if (!dim_ok(want_num, num_dim))
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f), "unit '%s' is %s, "
					    "not a unit of %s", shown,
					    dgettext("lowcarb",
						     dim_name[num_dim]),
					    lc_field_unit(f));
	}
	/* read once, at the final scale; when that fails, the scale
	 * decides the message: out of range only through the unit */
	if (decimal_value(&dec, mult + pnum - pden, &v) != 0) {
		if (mult + pnum - pden == 0 || decimal_value(&dec, 0, &v) != 0)
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f), "'%s' is not a "
					    "number", text ? text : "");
		return lc_error_set(err, LC_EDATA, NULL, 0, field_of(f),
				    "'%s' is out of range", text);
	}
	v = v / dnum * dden;
	if (gas > 0) {
		double k = lc_gwp(NULL, gas);

		if (!isfinite(k))
			return lc_error_set(err, LC_EDATA, NULL, 0,
					    field_of(f), "no GWP for %s "
					    "(data/assumptions/gwp.xml)",
					    lc_gas_name(gas));
		v *= k;
	}
	if (!isfinite(v))
		return lc_error_set(err, LC_EDATA, NULL, 0, field_of(f),
				    "'%s' is out of range", text);
	*out = v;
	return 0;
}
