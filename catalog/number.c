/* number.c - numbers as text independently of the locale: the shortest
 * decimal that reads back to the same double (quantities and scores are
 * printed that way everywhere), and parsing a plain decimal. Both have
 * an exact fast path, for the many numbers a large matrix or catalog
 * holds; printf and strtod remain the reference. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog/catalog.h"

/* Clinger's fast path: a plain decimal ([-+]digits[.digits], nothing
 * else) whose digits make an integer m below 2^53 and whose point moves
 * it by k <= 22 places is m / 10^k, both exact, so one IEEE division
 * rounds it correctly, as strtod would. Returns 0 and sets *out, or -1
 * when s is not such a decimal (strtod decides then). */
static int fast_decimal(const char *s, double *out)
{
	static const double p10[23] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
		1e22
	};
	unsigned long long m = 0;
	int neg = 0, k = 0, digits = 0, point = 0;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; *s; s++) {
		if (*s == '.' && !point) {
			point = 1;
			continue;
		}
		if (*s < '0' || *s > '9' || ++digits > 15)
			return -1;
		m = 10 * m + (unsigned long long)(*s - '0');
		k += point;
	}
	if (digits == 0)
		return -1;
	*out = (double)m / p10[k];
	if (neg)
		*out = -*out;
	return 0;
}

/* Digits of the integer k (|k| < 2^53) into buf. */
static char *int_text(long long k, char *buf)
{
	char tmp[24];
	size_t i = 0, j = 0;
	unsigned long long u = k < 0 ? (unsigned long long)-k :
		(unsigned long long)k;

	do {
		tmp[i++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (k < 0)
		buf[j++] = '-';
	while (i)
		buf[j++] = tmp[--i];
	buf[j] = '\0';
	return buf;
}

/* The shortest precision from 15 that reads back, by printf and strtod:
 * the reference for every value, and the path for those fast_format
 * does not take. */
static char *slow_format(double v, char *buf, size_t n)
{
	if (!isfinite(v) || n < 32)
		return NULL;
	/* Most quantities are whole numbers: their digits are the answer. */
	if (v == trunc(v) && fabs(v) < 9007199254740992.0)
		return int_text((long long)v, buf);
	/* The shortest precision that reads back exactly. If any precision
	 * of 15 digits or fewer does, %.15g prints that shortest decimal
	 * (a double is closer to it than half a unit of the 15th digit, and
	 * %g drops the trailing zeros); otherwise 16, else 17. Subnormals
	 * have fewer bits than that argument needs: search them from 1. */
	for (int p = fabs(v) < DBL_MIN ? 1 : 15; p <= 17; p++) {
		double back;

		snprintf(buf, n, "%.*g", p, v);
		/* 17 digits always read back; 15 mostly take the fast path */
		if (p == 17 || (fast_decimal(buf, &back) == 0 ? back :
				strtod(buf, NULL)) == v) {
			/* Plain digits rather than an exponent for the
			 * magnitudes quantities have (0.000035, not 3.5e-05). */
			char *e = strchr(buf, 'e');
			int x = e ? atoi(e + 1) : 0, sig = 0;

			for (const char *c = buf; e && c < e; c++)
				sig += *c >= '0' && *c <= '9';
			if (e && x >= -5 && x < 16)
				snprintf(buf, n, "%.*f", sig - 1 - x > 0 ?
					 sig - 1 - x : 0, v);
			break;
		}
	}
	return buf;
}

int lc_num_parse(const char *s, double *out)
{
	char *end;
	double v;

	if (!s || !*s || strchr(" \t\n", *s))
		return -1;
	if (fast_decimal(s, &v) == 0) {
		*out = v;
		return 0;
	}
	errno = 0;
	v = strtod(s, &end);
	if (*end || errno == ERANGE || !isfinite(v))
		return -1;
	/* strtod takes hex and "inf"; a submission never means those. */
	if (strpbrk(s, "xXnN"))
		return -1;
	*out = v;
	return 0;
}


/* 128-bit unsigned integers (gcc, clang): exact products of a 53-bit
 * significand and a power of ten up to 10^21. */
__extension__ typedef unsigned __int128 u128;

static u128 pow10_u128(int k)
{
	u128 p = 1;

	while (k-- > 0)
		p *= 10;
	return p;
}

/* Rounds the 17-digit q17 (with the exact binary remainder below it:
 * rest out of 2^s, rest_half the half) to p digits, ties to even as
 * printf does. */
static unsigned long long round_to(u128 q17, u128 rest, u128 rest_half,
				   int p)
{
	unsigned long long d = 1, q, rem;
	int up;

	for (int i = p; i < 17; i++)
		d *= 10;
	q = (unsigned long long)(q17 / d);
	rem = (unsigned long long)(q17 % d);
	if (d == 1)
		up = rest > rest_half || (rest == rest_half && (q & 1));
	else if (2 * rem != d)
		up = 2 * rem > d;
	else
		up = rest > 0 || (q & 1);
	return q + (unsigned long long)up;
}

/* Whether q x 10^e10 (q < 2^53, |e10| <= 22) reads back as v: both
 * factors exact, one IEEE operation rounds correctly, as strtod does. */
static int reads_back(unsigned long long q, int e10, double v)
{
	static const double p10[23] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
		1e22
	};

	return (e10 >= 0 ? (double)q * p10[e10] : (double)q / p10[-e10]) ==
		v;
}

/* The plain decimal of the p digits q (no trailing zero) whose first
 * digit stands at 10^x, into buf (at least 32 bytes). */
static char *plain(int neg, unsigned long long q, int p, int x, char *buf)
{
	char d[24];
	size_t o = 0;

	for (int i = p - 1; i >= 0; i--) {
		d[i] = (char)('0' + q % 10);
		q /= 10;
	}
	if (neg)
		buf[o++] = '-';
	if (x < 0) {
		buf[o++] = '0';
		buf[o++] = '.';
		for (int i = -1; i > x; i--)
			buf[o++] = '0';
		memcpy(buf + o, d, (size_t)p);
		o += (size_t)p;
	} else {
		for (int i = 0; i < p; i++) {
			if (i == x + 1)
				buf[o++] = '.';
			buf[o++] = d[i];
		}
	}
	buf[o] = '\0';
	return buf;
}

/* The same text as slow_format, without printf, for the non-integral
 * values from 1e-5 to 1e15 (scores, shares, costs): the 17 significant
 * digits come exact from a 128-bit product, each shorter precision is
 * rounded from them knowing the exact remainder (so never rounded
 * twice), and the read-back check is exact (Clinger) where it can be.
 * Returns NULL when the value is outside that range or the check needs
 * strtod. */
static char *fast_format(double v, char *buf)
{
	double a = fabs(v), fr;
	int e2, x, s;
	unsigned long long m;
	u128 num, q17, rest, half, lo, hi;

	if (!(a >= 1e-5 && a < 1e15))
		return NULL;
	fr = frexp(a, &e2);
	m = (unsigned long long)ldexp(fr, 53);
	s = 53 - e2;    /* a = m / 2^s */
	if (s <= 0 || s > 100)
		return NULL;
	x = (int)floor(log10(a));
	for (int tries = 0;; tries++) {
		if (tries == 3 || 16 - x < 0 || 16 - x > 21)
			return NULL;
		num = (u128)m * pow10_u128(16 - x);
		q17 = num >> s;
		lo = pow10_u128(16);
		hi = lo * 10;
		if (q17 < lo)
			x--;
		else if (q17 >= hi)
			x++;
		else
			break;
	}
	rest = num & (((u128)1 << s) - 1);
	half = (u128)1 << (s - 1);
	for (int p = 15; p <= 17; p++) {
		unsigned long long q = round_to(q17, rest, half, p);
		int px = x, pp = p;

		if (q == (unsigned long long)pow10_u128(p)) {
			q /= 10;         /* carried into a new digit */
			px++;
		}
		while (q % 10 == 0) {
			q /= 10;
			pp--;
		}
		if (p == 17)
			return plain(v < 0, q, pp, px, buf);
		if (q >= 9007199254740992ULL || px - pp + 1 < -22 ||
		    px - pp + 1 > 22)
			return NULL;
		if (reads_back(q, px - pp + 1, a))
			return plain(v < 0, q, pp, px, buf);
	}
	return NULL;
}

char *lc_num_format(double v, char *buf, size_t n)
{
	if (!isfinite(v) || n < 32)
		return NULL;
	/* Most quantities are whole numbers: their digits are the answer. */
	if (v == trunc(v) && fabs(v) < 9007199254740992.0)
		return int_text((long long)v, buf);
	return fast_format(v, buf) ? buf : slow_format(v, buf, n);
}
