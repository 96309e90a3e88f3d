/* rng.c - a small seeded generator (xoshiro256** seeded by splitmix64,
 * after Blackman and Vigna's published algorithms) so that sensitivity
 * runs are reproducible on every platform; never rand(). */
#include <math.h>
#include "ranker/ranker.h"

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void lc_rng_seed(struct lc_rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t lc_rng_next(struct lc_rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return out;
}

double lc_rng_uniform(struct lc_rng *r)
{
	return (double)(lc_rng_next(r) >> 11) * 0x1.0p-53;
}

/* Standard normal by Box-Muller (one of the pair; simple and exact
 * enough for perturbations). */
static double normal(struct lc_rng *r)
{
	double u = 1.0 - lc_rng_uniform(r);   /* (0, 1] */
	double v = lc_rng_uniform(r);

	return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

/* Marsaglia and Tsang (2000), "A simple method for generating gamma
 * variables"; shape < 1 boosted by U^(1/shape). */
double lc_rng_gamma(struct lc_rng *r, double shape)
{
	double d, c;

	if (!(shape > 0))
		return 0;
	if (shape < 1) {
		double u = 1.0 - lc_rng_uniform(r);

		return lc_rng_gamma(r, shape + 1) * pow(u, 1.0 / shape);
	}
	d = shape - 1.0 / 3.0;
	c = 1.0 / sqrt(9.0 * d);
	for (;;) {
		double x = normal(r), v = 1 + c * x, u;

		if (v <= 0)
			continue;
		v = v * v * v;
		u = 1.0 - lc_rng_uniform(r);
		if (log(u) < 0.5 * x * x + d - d * v + d * log(v))
			return d * v;
	}
}
