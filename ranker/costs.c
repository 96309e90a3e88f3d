/* costs.c - a dossier's abatement cost, one way for every reader: the
 * capital recovery factor, the cost computed from the dossier's own
 * investment, operating-cost change, lifetime and abatement, the value a
 * cost basis picks (ranking, explain, MACC, roadmap), and the check of a
 * stated cost against the computed one. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "ranker/ranker.h"

static const char *const basis_names[LC_COST_BASIS__COUNT] = {
	"stated-else-computed", "stated", "computed"
};

static const char *const flag_names[LC_COST_FLAG__COUNT] = {
	"ok", "diverges", "sign", "stated-only", "computed-only", "none"
};

int lc_cost_basis_from_name(const char *name)
{
	for (int i = 0; name && i < LC_COST_BASIS__COUNT; i++)
		if (!strcmp(name, basis_names[i]))
			return i;
	return -1;
}

const char *lc_cost_basis_name(int basis)
{
	return basis >= 0 && basis < LC_COST_BASIS__COUNT ?
	       basis_names[basis] : NULL;
}

const char *lc_cost_flag_name(int flag)
{
	return flag >= 0 && flag < LC_COST_FLAG__COUNT ? flag_names[flag]
						       : NULL;
}

double lc_crf(double r, double n)
{
	double g;

	if (!(n > 0) || !(r > -1))
		return NAN;
	if (r == 0)
		return 1 / n;
	g = pow(1 + r, n);
	return r * g / (g - 1);
}

int lc_cost_stated(const struct lc_tech *t, double *out)
{
	return lc_tech_num(t, LC_F_ABATEMENT_COST, out) && isfinite(*out);
}

int lc_cost_computed(const struct lc_tech *t, double rate, double *out)
{
	double inv, life, ab, opex = 0, crf;

	if (!lc_tech_num(t, LC_F_ABATEMENT, &ab) || !(ab > 0) ||
	    !lc_tech_num(t, LC_F_INVESTMENT, &inv) ||
	    !lc_tech_num(t, LC_F_LIFETIME, &life))
		return 0;
	(void)lc_tech_num(t, LC_F_OPEX_CHANGE, &opex);
	crf = lc_crf(rate, life);
	if (!isfinite(crf) || !isfinite(inv) || !isfinite(opex))
		return 0;
	*out = (crf * inv + opex) / ab;
	return isfinite(*out);
}

int lc_cost_value(const struct lc_tech *t, int basis, double rate,
		  double *out)
{
	if (basis != LC_COST_COMPUTED && lc_cost_stated(t, out))
		return LC_COST_SRC_STATED;
	if (basis != LC_COST_STATED && lc_cost_computed(t, rate, out))
		return LC_COST_SRC_COMPUTED;
	*out = NAN;
	return LC_COST_SRC_NONE;
}

const char *lc_cost_missing(const struct lc_tech *t, int basis)
{
	static const int inputs[] = { LC_F_INVESTMENT, LC_F_LIFETIME,
				      LC_F_ABATEMENT };
	double v;

	if (basis != LC_COST_COMPUTED && lc_cost_stated(t, &v))
		return NULL;
	if (basis == LC_COST_STATED)
		return lc_field_name(LC_F_ABATEMENT_COST);
	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
		if (!lc_tech_num(t, inputs[i], &v))
			return lc_field_name(inputs[i]);
	return NULL;
}

int lc_cost_check(const struct lc_tech *t, double rate, double tolerance,
		  struct lc_cost_check *c)
{
	int hs, hc;

	memset(c, 0, sizeof *c);
	c->stated = c->computed = c->ratio = NAN;
	c->investment = c->lifetime = c->abatement = NAN;
	if (!lc_tech_num(t, LC_F_INVESTMENT, &c->investment))
		c->investment = NAN;
	if (!lc_tech_num(t, LC_F_LIFETIME, &c->lifetime))
		c->lifetime = NAN;
	if (!lc_tech_num(t, LC_F_ABATEMENT, &c->abatement))
		c->abatement = NAN;
	c->opex_given = lc_tech_num(t, LC_F_OPEX_CHANGE, &c->opex);
	if (!c->opex_given)
		c->opex = 0;
	hs = lc_cost_stated(t, &c->stated);
	hc = lc_cost_computed(t, rate, &c->computed);
	if (!hs)
		c->stated = NAN;
	if (!hc)
		c->computed = NAN;
	if (hs && hc && c->computed != 0)
		c->ratio = c->stated / c->computed;
	if (!hs && !hc)
		c->flag = LC_COST_NONE;
	else if (!hc)
		c->flag = LC_COST_STATED_ONLY;
	else if (!hs)
		c->flag = LC_COST_COMPUTED_ONLY;
	else if ((c->stated < 0 && c->computed > 0) ||
		 (c->stated > 0 && c->computed < 0))
		c->flag = LC_COST_SIGN;
	else if (fabs(c->stated - c->computed) >
		 tolerance * fabs(c->computed))
		c->flag = LC_COST_DIVERGES;
	else
		c->flag = LC_COST_OK;
	return c->flag;
}
