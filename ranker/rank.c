/* rank.c - the Top N selection of an edition: reads dossiers and panel
 * scores through the catalog API, aggregates, applies eligibility, runs
 * the profile's method, breaks ties by the stated chain, applies sector
 * quotas, and records the selection. Also sensitivity and explanations. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <nettle/sha2.h>
#include "ranker/ranker.h"
#include "ranker/internal.h"

/* One dossier of the edition. Invariant: x, nsc, flag and contrib have
 * ncrit (profile criteria) entries; row >= 0 iff eligible. */
struct entry {
	char *id, *name;
	int sector, status;
	char *excluded;        /* rule that excluded it, or NULL */
	char *tiebreak, *quota;
	double *x;             /* criterion values, NaN when missing */
	int *nsc;              /* panel scores counted per criterion */
	int *flag;             /* disagreement per criterion */
	double *contrib;
	double spread;         /* largest panel spread */
	int top;               /* panel scores at the scale maximum */
	long row;              /* row in the eligible matrix, or -1 */
	int rank, selected, merit;
	double score;
	long in_top;           /* sensitivity counts */
	int rlo, rhi;
};

struct lc_ranking {
	char edition[32], profile[33], method[16], params[256], hash[65];
	char profile_hash[65];  /* SHA-256 of the profile file's bytes */
	char *notes;
	size_t notes_len;
	size_t n;
	struct entry *e;       /* output order after finish() */
	size_t ncrit;          /* profile criteria */
	struct lc_rk_crit crit[LC_RK_MAXCRIT]; /* labels not owned */
	int active[LC_RK_MAXCRIT];     /* 0: dropped (no panel scores) */
	double w[LC_RK_MAXCRIT];       /* weights in use (0 for dropped) */
	int select_n, topsis_norm;
	double v;
	int quota_min[LC_SECTOR__COUNT], quota_max[LC_SECTOR__COUNT];
	size_t nkey;
	int key[LC_RK_MAXKEY], key_crit[LC_RK_MAXKEY];
	size_t m;              /* eligible */
	double *X;             /* m x ncrit, row order = entry row */
	size_t *byrow;         /* row -> entry index */
	size_t nsel;
	double cutoff;
	long cut_row, out_row; /* merit cut-off row, first row out */
	long runs;
	size_t ncmp;
	const char *cmp_name[4];
	double rho[4], tau[4];
};

static const char *const method_names[] = { "wsm", "topsis", "vikor",
					    "promethee2" };

static int method_index(const char *m)
{
	for (int i = 0; i < 4; i++)
		if (m && !strcmp(m, method_names[i]))
			return i;
	return -1;
}

static char *sdup(const char *s)
{
	size_t n = strlen(s ? s : "") + 1;
	char *d = malloc(n);

	if (d)
		memcpy(d, s ? s : "", n);
	return d;
}

static int oom(struct lc_error *err)
{
	return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL, "out of memory");
}

static void note(struct lc_ranking *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void note(struct lc_ranking *r, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	size_t n;
	char *p;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	n = strlen(buf);
	p = realloc(r->notes, r->notes_len + n + 2);
	if (!p)
		return;
	r->notes = p;
	memcpy(p + r->notes_len, buf, n);
	p[r->notes_len + n] = '\n';
	p[r->notes_len + n + 1] = '\0';
	r->notes_len += n + 1;
}

void lc_rank_opts_init(struct lc_rank_opts *o)
{
	memset(o, 0, sizeof *o);
	o->seed = 1;
}

void lc_ranking_free(struct lc_ranking *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		struct entry *e = &r->e[i];

		free(e->id);
		free(e->name);
		free(e->excluded);
		free(e->tiebreak);
		free(e->quota);
		free(e->x);
		free(e->nsc);
		free(e->flag);
		free(e->contrib);
	}
	free(r->e);
	free(r->X);
	free(r->byrow);
	free(r->notes);
	free(r);
}

/* ---- reading the catalog ----------------------------------------------- */

struct collect {
	struct lc_ranking *r;
	const struct lc_profile *p;
	size_t cap;
	int failed;
};

static double tech_value(const struct lc_tech *t, int field)
{
	double v;

	if (lc_tech_num(t, field, &v))
		return v;
	if (field == LC_F_DEMONSTRATIONS && lc_tech_demo_count(t) > 0)
		return (double)lc_tech_demo_count(t);
	return NAN;
}

static int complete(const struct lc_tech *t, const struct lc_profile *p)
{
	for (int f = 0; f < LC_F__COUNT; f++)
		if (lc_field_required(f) && !lc_tech_get(t, f))
			return 0;
	for (size_t j = 0; j < p->ncrit; j++)
		if (!p->crit[j].panel && isnan(tech_value(t, p->crit[j].field)))
			return 0;
	return 1;
}

static const char *op_text(int op)
{
	static const char *const t[] = { ">=", ">", "<=", "<", "=", "!=" };

	return op >= 0 && op < 6 ? t[op] : "?";
}

/* Returns a new string naming the failed rule, or NULL when t passes. */
static char *check_rules(const struct lc_tech *t, const struct lc_profile *p)
{
	char buf[256];

	for (size_t k = 0; k < p->nrule; k++) {
		const struct lc_rk_rule *u = &p->rule[k];
		const char *label = u->label_en ? u->label_en : u->id;
		int ok;

		if (!strcmp(u->field, "complete")) {
			if (complete(t, p))
				continue;
			snprintf(buf, sizeof buf, "%s: %s (a required field "
				 "or an indicator is missing)", u->id, label);
			return sdup(buf);
		}
		if (!strcmp(u->field, "status")) {
			int st = lc_tech_status(t);
			int want = lc_status_from_name(u->value);

			ok = u->op == LC_RK_EQ ? st == want : st != want;
			if (ok)
				continue;
			snprintf(buf, sizeof buf, "%s: %s (status is %s)",
				 u->id, label, lc_status_name(st));
			return sdup(buf);
		}
		{
			double lim;
			double v = tech_value(t, lc_field_lookup(u->field));
			char vb[32];

			lc_num_parse(u->value, &lim);
			switch (u->op) {
			case LC_RK_GT: ok = v > lim; break;
			case LC_RK_LE: ok = v <= lim; break;
			case LC_RK_LT: ok = v < lim; break;
			case LC_RK_EQ: ok = v == lim; break;
			case LC_RK_NE: ok = v != lim; break;
			default: ok = v >= lim; break;
			}
			if (ok && !isnan(v))
				continue;
			snprintf(buf, sizeof buf, "%s: %s (%s %s %s; it is %s)",
				 u->id, label, u->field, op_text(u->op),
				 u->value, isnan(v) ? "missing" :
				 lc_num_format(v, vb, sizeof vb));
			return sdup(buf);
		}
	}
	return NULL;
}

static int collect_tech(const struct lc_tech *t, void *ctx)
{
	struct collect *c = ctx;
	struct lc_ranking *r = c->r;
	struct entry *e;
	size_t nc = c->p->ncrit;

	if (r->n == c->cap) {
		size_t ncap = c->cap ? 2 * c->cap : 64;
		struct entry *ne = realloc(r->e, ncap * sizeof *ne);

		if (!ne) {
			c->failed = 1;
			return 1;
		}
		r->e = ne;
		c->cap = ncap;
	}
	e = &r->e[r->n];
	memset(e, 0, sizeof *e);
	e->id = sdup(lc_tech_get(t, LC_F_ID));
	e->name = sdup(lc_tech_get(t, LC_F_NAME_ZH));
	e->x = calloc(nc, sizeof *e->x);
	e->nsc = calloc(nc, sizeof *e->nsc);
	e->flag = calloc(nc, sizeof *e->flag);
	e->contrib = calloc(nc, sizeof *e->contrib);
	r->n++;    /* counted now so that free releases what was made */
	if (!e->id || !e->name || !e->x || !e->nsc || !e->flag ||
	    !e->contrib) {
		c->failed = 1;
		return 1;
	}
	e->sector = lc_tech_sector(t);
	e->status = lc_tech_status(t);
	e->row = -1;
	for (size_t j = 0; j < nc; j++)
		e->x[j] = c->p->crit[j].panel ? NAN
			: tech_value(t, c->p->crit[j].field);
	e->excluded = check_rules(t, c->p);
	return 0;
}

/* Panel scores of one dossier. */
struct score_row {
	size_t entry;
	int crit;
	char expert[64];
	double score;
};

struct scores {
	struct lc_ranking *r;
	const struct lc_profile *p;
	size_t *byid;      /* entry indices sorted by id */
	char **conf;       /* "EXPERT:ID" of every declared conflict */
	size_t nconf, confcap;
	struct score_row *row;
	char **val;        /* each row's score as stored (for the hash) */
	size_t n, cap;
	long conflicted, unknown, bad;
	int failed;
};

/* The entry whose id is id, through the sorted index; -1 if none. */
static long find_entry(const struct scores *s, const char *id)
{
	size_t lo = 0, hi = s->r->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->r->e[s->byid[mid]].id, id);

		if (c == 0)
			return (long)s->byid[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static const struct lc_ranking *byid_r;   /* for cmp_byid only */

static int cmp_byid(const void *a, const void *b)
{
	return strcmp(byid_r->e[*(const size_t *)a].id,
		      byid_r->e[*(const size_t *)b].id);
}

/* Keeps "EXPERT:ID" of one conflict record (key "conflict:EXPERT:ID"). */
static int collect_conflict(const char *key, const struct lc_rec *rec,
			    void *ctx)
{
	struct scores *s = ctx;
	const char *k = strchr(key, ':');

	(void)rec;
	if (!k)
		return 0;
	if (s->nconf == s->confcap) {
		size_t nc = s->confcap ? 2 * s->confcap : 64;
		char **nv = realloc(s->conf, nc * sizeof *nv);

		if (!nv) {
			s->failed = 1;
			return 1;
		}
		s->conf = nv;
		s->confcap = nc;
	}
	s->conf[s->nconf] = sdup(k + 1);
	if (!s->conf[s->nconf]) {
		s->failed = 1;
		return 1;
	}
	s->nconf++;
	return 0;
}

static int collect_score(const char *key, const struct lc_rec *rec,
			 void *ctx)
{
	struct scores *s = ctx;
	const char *crit = lc_rec_get(rec, "criterion");
	const char *ex = lc_rec_get(rec, "expert");
	const char *val = lc_rec_get(rec, "score");
	double v;
	long j = -1;

	const char *tech = lc_rec_get(rec, "tech");
	char *ck = NULL, *cp;
	long cur;

	(void)key;
	cur = tech ? find_entry(s, tech) : -1;
	if (cur < 0)
		return 0;   /* another edition's dossier */
	if (!crit || !ex || !val) {
		s->bad++;
		return 0;
	}
	for (size_t k = 0; k < s->p->ncrit; k++)
		if (s->p->crit[k].panel && !strcmp(s->p->crit[k].id, crit))
			j = (long)k;
	if (j < 0) {
		s->unknown++;
		return 0;
	}
	if (lc_num_parse(val, &v) || !isfinite(v) ||
	    v < s->p->crit[j].lo || v > s->p->crit[j].hi) {
		s->bad++;
		return 0;
	}
	/* a conflicted expert's score never counts, whoever stored it */
	if (s->nconf) {
		size_t len = strlen(ex) + strlen(tech) + 2;

		ck = malloc(len);
		if (!ck) {
			s->failed = 1;
			return 1;
		}
		snprintf(ck, len, "%s:%s", ex, tech);
		cp = ck;
		if (bsearch(&cp, s->conf, s->nconf, sizeof *s->conf,
			    cmp_str)) {
			free(ck);
			s->conflicted++;
			return 0;
		}
		free(ck);
	}
	if (s->n == s->cap) {
		size_t nc = s->cap ? 2 * s->cap : 256;
		struct score_row *nr = realloc(s->row, nc * sizeof *nr);
		char **nv;

		if (!nr) {
			s->failed = 1;
			return 1;
		}
		s->row = nr;
		nv = realloc(s->val, nc * sizeof *nv);
		if (!nv) {
			s->failed = 1;
			return 1;
		}
		s->val = nv;
		s->cap = nc;
	}
	s->val[s->n] = sdup(val);
	if (!s->val[s->n]) {
		s->failed = 1;
		return 1;
	}
	s->row[s->n].entry = (size_t)cur;
	s->row[s->n].crit = (int)j;
	snprintf(s->row[s->n].expert, sizeof s->row[s->n].expert, "%s", ex);
	s->row[s->n].score = v;
	s->n++;
	return 0;
}

/* Reads the panel scores of the edition in two scans of the catalog (the
 * declared conflicts, then every score record), not one query per
 * dossier, and orders the rows entry by entry (a stable counting sort,
 * so each entry's rows keep the key order of the records). */
static int read_scores(struct lc_catalog *cat, struct scores *s,
		       struct lc_error *err)
{
	struct lc_ranking *r = s->r;
	size_t *start = NULL;
	struct score_row *row2 = NULL;
	char **val2 = NULL;
	int rc;

	s->byid = malloc((r->n ? r->n : 1) * sizeof *s->byid);
	if (!s->byid)
		return oom(err);
	for (size_t i = 0; i < r->n; i++)
		s->byid[i] = i;
	byid_r = r;
	if (r->n > 1)
		qsort(s->byid, r->n, sizeof *s->byid, cmp_byid);
	rc = lc_catalog_rec_each(cat, "conflict", NULL, NULL,
				 collect_conflict, s, err);
	if (!rc && s->failed)
		rc = oom(err);
	if (rc)
		return rc;
	if (s->nconf > 1)
		qsort(s->conf, s->nconf, sizeof *s->conf, cmp_str);
	rc = lc_catalog_rec_each(cat, "score", NULL, NULL, collect_score,
				 s, err);
	if (!rc && s->failed)
		rc = oom(err);
	if (rc || s->n == 0)
		return rc;
	start = calloc(r->n + 1, sizeof *start);
	row2 = malloc(s->n * sizeof *row2);
	val2 = malloc(s->n * sizeof *val2);
	if (!start || !row2 || !val2) {
		free(start);
		free(row2);
		free(val2);
		return oom(err);
	}
	for (size_t t = 0; t < s->n; t++)
		start[s->row[t].entry + 1]++;
	for (size_t i = 0; i < r->n; i++)
		start[i + 1] += start[i];
	for (size_t t = 0; t < s->n; t++) {
		size_t q = start[s->row[t].entry]++;

		row2[q] = s->row[t];
		val2[q] = s->val[t];
	}
	free(s->row);
	free(s->val);
	s->row = row2;
	s->val = val2;
	free(start);
	return 0;
}

static void scores_free(struct scores *s)
{
	for (size_t t = 0; s->val && t < s->n; t++)
		free(s->val[t]);
	free(s->val);
	s->val = NULL;
	free(s->row);
	s->row = NULL;
	for (size_t k = 0; k < s->nconf; k++)
		free(s->conf[k]);
	free(s->conf);
	s->conf = NULL;
	s->nconf = 0;
	free(s->byid);
	s->byid = NULL;
}

/* Aggregates the panel criteria of every entry. */
static int aggregate(struct lc_ranking *r, const struct lc_profile *p,
		     struct scores *s, struct lc_error *err)
{
	/* buf: one entry's scores on one criterion; raw: the scores as the
	 * experts gave them, for the disagreement (a panel discusses its
	 * own scores, whatever the aggregation does with them) */
	double *buf = malloc((s->n ? s->n : 1) * 2 * sizeof *buf);
	double *raw = buf + (s->n ? s->n : 1);
	struct lc_panel_score *ps = NULL;

	if (!buf)
		return oom(err);
	for (size_t t = 0; t < s->n; t++)
		raw[t] = s->row[t].score;
	/* top scores count on the scale as given, before any z-scores */
	for (size_t t = 0; t < s->n; t++)
		if (s->row[t].score >= p->crit[s->row[t].crit].hi)
			r->e[s->row[t].entry].top++;
	if (p->agg == LC_AGG_ZSCORE) {
		ps = malloc((s->n ? s->n : 1) * sizeof *ps);
		if (!ps) {
			free(buf);
			return oom(err);
		}
		for (size_t j = 0; j < p->ncrit; j++) {
			size_t k = 0;

			if (!p->crit[j].panel)
				continue;
			for (size_t t = 0; t < s->n; t++)
				if (s->row[t].crit == (int)j) {
					ps[k].tech = r->e[s->row[t].entry].id;
					ps[k].expert = s->row[t].expert;
					ps[k].score = s->row[t].score;
					k++;
				}
			if (lc_panel_zscore(ps, k, p->crit[j].lo,
					    p->crit[j].hi, err)) {
				free(ps);
				free(buf);
				return err ? err->status : LC_EDATA;
			}
			k = 0;
			for (size_t t = 0; t < s->n; t++)
				if (s->row[t].crit == (int)j)
					s->row[t].score = ps[k++].score;
		}
	}
	/* rows were collected entry by entry, so each entry's are adjacent */
	for (size_t i = 0, t = 0; i < r->n; i++) {
		struct entry *e = &r->e[i];
		size_t start = t;

		while (t < s->n && s->row[t].entry == i)
			t++;
		for (size_t j = 0; j < p->ncrit; j++) {
			size_t k = 0;
			double sp;

			if (!p->crit[j].panel)
				continue;
			for (size_t q = start; q < t; q++)
				if (s->row[q].crit == (int)j)
					buf[k++] = raw[q];
			e->nsc[j] = (int)k;
			if (k == 0)
				continue;
			sp = lc_panel_spread(buf, k, p->crit[j].lo,
					     p->crit[j].hi);
			e->flag[j] = sp > p->disagreement;
			e->spread = sp > e->spread ? sp : e->spread;
			k = 0;
			for (size_t q = start; q < t; q++)
				if (s->row[q].crit == (int)j)
					buf[k++] = s->row[q].score;
			e->x[j] = lc_panel_aggregate(buf, k, p->agg);
		}
	}
	free(ps);
	free(buf);
	return 0;
}

/* ---- methods on the eligible matrix ----------------------------------- */

/* Scores (higher better) of the m rows of X with weights w (ncrit, zeros
 * for dropped criteria); contrib (m x ncrit, may be NULL) the WSM
 * decomposition by each criterion's own normalisation. */
static int run_method(const struct lc_ranking *r, int method,
		      const double *X, const double *w, double *score,
		      double *contrib, struct lc_error *err)
{
	size_t m = r->m, n = r->ncrit;
	int cost[LC_RK_MAXCRIT];
	struct lc_pref pref[LC_RK_MAXCRIT];
	double *tmp;
	int rc = 0;

	for (size_t j = 0; j < n; j++) {
		cost[j] = r->crit[j].cost;
		pref[j] = r->crit[j].pref;
	}
	tmp = malloc((m * n + 2 * m) * sizeof *tmp);
	if (!tmp)
		return oom(err);
	if (method == 0 || contrib) {
		/* WSM with each criterion's own normalisation */
		double *col = tmp + m * n, *nc = col + m;

		(void)nc;
		for (size_t j = 0; j < n && !rc; j++) {
			int one = cost[j];

			for (size_t i = 0; i < m; i++)
				col[i] = X[i * n + j];
			rc = lc_mcda_normalize(col, m, 1, r->crit[j].norm,
					       col, err);
			if (!rc)
				rc = lc_mcda_cost(col, m, 1, &one,
						  r->crit[j].norm, err);
			if (rc && err) {
				char msg[sizeof err->msg + 64];

				/* copied: err->msg is also the destination;
				 * the row at fault named by its dossier */
				long row = err->line;

				if (row >= 1 && (size_t)row <= m)
					snprintf(msg, sizeof msg, "dossier %s: %s",
						 r->e[r->byrow[row - 1]].id,
						 err->msg);
				else
					snprintf(msg, sizeof msg, "%s",
						 err->msg);
				lc_error_set(err, err->status, NULL, 0,
					     r->crit[j].id, "%s (profile %s)",
					     msg, r->profile);
			}
			for (size_t i = 0; i < m; i++)
				tmp[i * n + j] = w[j] * col[i];
		}
		for (size_t i = 0; !rc && i < m; i++) {
			double s = 0;

			for (size_t j = 0; j < n; j++)
				s += tmp[i * n + j];
			if (method == 0)
				score[i] = s;
			if (contrib)
				memcpy(contrib + i * n, tmp + i * n,
				       n * sizeof *tmp);
		}
	}
	if (!rc && method == 1)
		rc = lc_mcda_topsis(X, m, n, cost, w, r->topsis_norm, score,
				    NULL, NULL, err);
	if (!rc && method == 2) {
		double *S = tmp, *R = tmp + m;

		rc = lc_mcda_vikor(X, m, n, cost, w, r->v, S, R, score, NULL,
				   err);
		for (size_t i = 0; !rc && i < m; i++)
			score[i] = 1 - score[i];
	}
	if (!rc && method == 3)
		rc = lc_mcda_promethee2(X, m, n, cost, w, pref, NULL, NULL,
					score, err);
	free(tmp);
	if (rc && err) {
		long j = lc_error_crit_of(err, n);

		/* name the profile's criterion rather than its position */
		if (j >= 0)
			snprintf(err->field, sizeof err->field, "%s",
				 r->crit[j].id);
	}
	return rc;
}

/* ---- ordering, ties, quotas ------------------------------------------- */

struct order_ctx {
	const struct lc_ranking *r;
	const double *X;       /* the matrix the tie-break keys read */
	const double *score;   /* by row */
};

/* Compares rows a and b by score then the tie-break chain; which
 * (may be NULL) receives the index of the key that decided (-1 score). */
static int cmp_rows(const struct order_ctx *c, size_t a, size_t b,
		    int *which)
{
	const struct lc_ranking *r = c->r;
	const struct entry *ea = &r->e[r->byrow[a]], *eb = &r->e[r->byrow[b]];

	if (which)
		*which = -1;
	if (!lc_rk_near(c->score[a], c->score[b]))
		return c->score[a] > c->score[b] ? -1 : 1;
	for (size_t k = 0; k < r->nkey; k++) {
		int d = 0;

		if (which)
			*which = (int)k;
		switch (r->key[k]) {
		case LC_RK_KEY_CRIT: {
			size_t j = (size_t)r->key_crit[k];
			double va = c->X[a * r->ncrit + j];
			double vb = c->X[b * r->ncrit + j];

			if (r->crit[j].cost) {
				va = -va;
				vb = -vb;
			}
			if (!lc_rk_near(va, vb))
				d = va > vb ? -1 : 1;
			break;
		}
		case LC_RK_KEY_TOP:
			d = ea->top != eb->top ? (ea->top > eb->top ? -1 : 1)
					       : 0;
			break;
		case LC_RK_KEY_DISAGREE:
			if (!lc_rk_near(ea->spread, eb->spread))
				d = ea->spread < eb->spread ? -1 : 1;
			break;
		default:
			d = strcmp(ea->id, eb->id);
			break;
		}
		if (d)
			return d;
	}
	if (which)
		*which = (int)r->nkey;
	return strcmp(ea->id, eb->id);
}

/* Insertion into a merge sort keeps this stable and free of qsort's
 * missing context argument. */
static void sort_rows(const struct order_ctx *c, size_t *ord, size_t *tmp,
		      size_t n)
{
	size_t h, i, j, k;

	if (n < 2)
		return;
	h = n / 2;
	sort_rows(c, ord, tmp, h);
	sort_rows(c, ord + h, tmp, n - h);
	for (i = 0, j = h, k = 0; i < h && j < n;)
		tmp[k++] = cmp_rows(c, ord[i], ord[j], NULL) <= 0 ? ord[i++]
								   : ord[j++];
	while (i < h)
		tmp[k++] = ord[i++];
	while (j < n)
		tmp[k++] = ord[j++];
	memcpy(ord, tmp, n * sizeof *ord);
}

/* Selection codes of a row. */
enum { SEL_NO, SEL_MERIT, SEL_QUOTA, SEL_DISPLACED, SEL_MAXED };
#define SELECTED(c) ((c) == SEL_MERIT || (c) == SEL_QUOTA)

/* Orders the rows, then selects N: merit first (skipping a sector at its
 * maximum), then each sector below its minimum takes its best unselected
 * rows in place of the lowest selected rows of sectors above their own
 * minimum. ord receives rows best first; sel[row] a SEL_ code; *cut the
 * last row selected on merit (-1 none), *out the first row left out
 * (-1 none). */
static int order_select(const struct lc_ranking *r, const double *X,
			const double *score, size_t *ord, char *sel, long *cut,
			long *out)
{
	struct order_ctx c = { r, X, score };
	size_t m = r->m, *tmp = malloc((m ? m : 1) * sizeof *tmp);
	int count[LC_SECTOR__COUNT] = { 0 };
	size_t n = (size_t)r->select_n, taken = 0;

	if (!tmp)
		return LC_ENOMEM;
	for (size_t i = 0; i < m; i++)
		ord[i] = i;
	sort_rows(&c, ord, tmp, m);
	free(tmp);
	memset(sel, SEL_NO, m ? m : 1);
	*cut = *out = -1;
	for (size_t k = 0; k < m && taken < n; k++) {
		int s = r->e[r->byrow[ord[k]]].sector;

		if (s >= 0 && r->quota_max[s] >= 0 &&
		    count[s] >= r->quota_max[s]) {
			sel[ord[k]] = SEL_MAXED;
			continue;
		}
		sel[ord[k]] = SEL_MERIT;
		if (s >= 0)
			count[s]++;
		taken++;
	}
	for (int s = 0; s < LC_SECTOR__COUNT; s++) {
		for (size_t k = 0; k < m && count[s] < r->quota_min[s]; k++) {
			long victim = -1;

			if (r->e[r->byrow[ord[k]]].sector != s ||
			    SELECTED(sel[ord[k]]))
				continue;
			if (taken < n) {
				sel[ord[k]] = SEL_QUOTA;
				count[s]++;
				taken++;
				continue;
			}
			for (size_t q = m; q-- > 0;) {
				int vs = r->e[r->byrow[ord[q]]].sector;

				if (sel[ord[q]] == SEL_MERIT && vs != s &&
				    (vs < 0 || count[vs] > r->quota_min[vs])) {
					victim = (long)q;
					break;
				}
			}
			if (victim < 0)
				break;
			sel[ord[victim]] = SEL_DISPLACED;
			count[r->e[r->byrow[ord[victim]]].sector]--;
			sel[ord[k]] = SEL_QUOTA;
			count[s]++;
		}
	}
	for (size_t k = 0; k < m; k++) {
		if (sel[ord[k]] == SEL_MERIT)
			*cut = (long)ord[k];
		if (*out < 0 && !SELECTED(sel[ord[k]]))
			*out = (long)ord[k];
	}
	return 0;
}

/* ---- the hash of the inputs ---------------------------------------------- */

static void hex(const uint8_t *d, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void hash_line(struct sha256_ctx *h, const char *s)
{
	sha256_update(h, strlen(s), (const uint8_t *)s);
}

/* ---- the main entry point -------------------------------------------- */

static int finish(struct lc_ranking *r, int method, struct lc_error *err);
static int sensitivity(struct lc_ranking *r, int method,
		       const struct lc_rank_opts *opts, struct lc_error *err);
static int compare(struct lc_ranking *r, int method, struct lc_error *err);

/* What tie-break key k orders by, as the output says it ("higher
 * carbon", "dossier id" for the final key and past the chain's end);
 * buf (64 bytes) holds a criterion's text. */
static const char *key_text(const struct lc_ranking *r, long k, char *buf)
{
	if (k < 0 || (size_t)k >= r->nkey || r->key[k] == LC_RK_KEY_ID)
		return "dossier id";
	if (r->key[k] == LC_RK_KEY_TOP)
		return "more top panel scores";
	if (r->key[k] == LC_RK_KEY_DISAGREE)
		return "lower panel disagreement";
	snprintf(buf, 64, "%s %s", r->crit[r->key_crit[k]].cost ? "lower"
		 : "higher", r->crit[r->key_crit[k]].id);
	return buf;
}

/* Notes the tie-break chain as applied (a criterion left out for want of
 * panel scores says so: it decides nothing). */
static void tiebreak_note(struct lc_ranking *r)
{
	char buf[400], kb[64];
	size_t used = (size_t)snprintf(buf, sizeof buf, "ties: equal scores "
				       "are ordered by ");

	for (size_t k = 0; k <= r->nkey && used < sizeof buf; k++) {
		int last = k == r->nkey || r->key[k] == LC_RK_KEY_ID;
		int left_out = !last && r->key[k] == LC_RK_KEY_CRIT &&
			       !r->active[r->key_crit[k]];

		used += (size_t)snprintf(buf + used, sizeof buf - used,
					 "%s%s%s", k ? ", then " : "",
					 key_text(r, (long)k, kb), left_out ?
					 " (left out: no effect)" : "");
		if (last)
			break;
	}
	note(r, "%s", buf);
}

int lc_rank_edition(struct lc_catalog *cat, const char *edition,
		    const struct lc_profile *p,
		    const struct lc_rank_opts *opts,
		    struct lc_ranking **out, struct lc_error *err)
{
	struct lc_rank_opts dflt;
	struct lc_ranking *r;
	struct collect c = { 0 };
	struct scores s = { 0 };
	struct lc_filter f;
	struct sha256_ctx h;
	int rc, method, npanel = 0;
	uint8_t dig[SHA256_DIGEST_SIZE];
	char line[512];

	*out = NULL;
	if (!opts) {
		lc_rank_opts_init(&dflt);
		opts = &dflt;
	}
	method = method_index(opts->method ? opts->method : p->method);
	if (method < 0)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, "method",
				    "unknown method '%s' (wsm, topsis, vikor, "
				    "promethee2)", opts->method);
	r = calloc(1, sizeof *r);
	if (!r)
		return oom(err);
	snprintf(r->edition, sizeof r->edition, "%s", edition);
	snprintf(r->profile, sizeof r->profile, "%s", p->name);
	snprintf(r->profile_hash, sizeof r->profile_hash, "%s", p->hash);
	snprintf(r->method, sizeof r->method, "%s", method_names[method]);
	r->ncrit = p->ncrit;
	memcpy(r->crit, p->crit, p->ncrit * sizeof p->crit[0]);
	r->select_n = p->select_n;
	r->topsis_norm = p->topsis_norm;
	r->v = p->v;
	memcpy(r->quota_min, p->quota_min, sizeof r->quota_min);
	memcpy(r->quota_max, p->quota_max, sizeof r->quota_max);
	r->nkey = p->nkey;
	memcpy(r->key, p->key, sizeof r->key);
	memcpy(r->key_crit, p->key_crit, sizeof r->key_crit);
	r->cut_row = r->out_row = -1;
	r->cutoff = NAN;

	lc_filter_init(&f);
	f.edition = edition;
	f.sort = "id";
	c.r = r;
	c.p = p;
	rc = lc_catalog_each_tech(cat, &f, collect_tech, &c, err);
	if (!rc && c.failed)
		rc = oom(err);
	if (rc)
		goto fail;
	if (r->n == 0) {
		rc = lc_error_set(err, LC_ENOTFOUND, NULL, 0, "edition",
				  "edition %s has no dossier", edition);
		goto fail;
	}
	sha256_init(&h);
	snprintf(line, sizeof line, "lowcarb-rank 1\nprofile|%s|%s\n"
		 "method|%s\nindicators-only|%d\nedition|%s\n", p->name,
		 p->hash, r->method, opts->indicators_only, edition);
	hash_line(&h, line);
	s.r = r;
	s.p = p;
	rc = read_scores(cat, &s, err);
	if (rc)
		goto fail;
	for (size_t i = 0, t = 0; i < r->n; i++) {
		struct entry *e = &r->e[i];

		/* the status itself is not an input (rank sets it); only
		 * what the rules made of it is */
		snprintf(line, sizeof line, "tech|%s|%d|%s\n", e->id,
			 e->sector, e->excluded ? e->excluded : "");
		hash_line(&h, line);
		for (size_t j = 0; j < p->ncrit; j++) {
			char vb[32];

			if (p->crit[j].panel)
				continue;
			snprintf(line, sizeof line, "value|%s|%s|%s\n", e->id,
				 p->crit[j].id, isnan(e->x[j]) ? "NA" :
				 lc_num_format(e->x[j], vb, sizeof vb));
			hash_line(&h, line);
		}
		/* the same lines, in the same order, as when each dossier's
		 * scores were read by a query of their own */
		for (; t < s.n && s.row[t].entry == i; t++) {
			snprintf(line, sizeof line, "score|%s|%s|%s|%s\n",
				 e->id, s.row[t].expert,
				 p->crit[s.row[t].crit].id, s.val[t]);
			hash_line(&h, line);
		}
	}
	sha256_digest(&h, sizeof dig, dig);
	hex(dig, sizeof dig, r->hash);
	for (size_t j = 0; j < p->ncrit; j++)
		npanel += p->crit[j].panel;
	for (size_t j = 0; j < p->ncrit; j++) {
		r->active[j] = 1;
		r->w[j] = p->crit[j].weight;
	}
	if (npanel && (opts->indicators_only || s.n == 0)) {
		double sum = 0;

		if (!opts->indicators_only && p->refuse_without_scores) {
			rc = lc_error_set(err, LC_EDATA, p->path, 0, "panel",
				"edition %s has no panel score and profile "
				"'%s' refuses to rank without them (use "
				"--indicators-only)", edition, p->name);
			goto fail;
		}
		for (size_t j = 0; j < p->ncrit; j++)
			if (p->crit[j].panel) {
				r->active[j] = 0;
				r->w[j] = 0;
			} else {
				sum += r->w[j];
			}
		if (!(sum > 0)) {
			rc = lc_error_set(err, LC_EDATA, p->path, 0, "panel",
				"without panel scores profile '%s' has no "
				"criterion with weight left", p->name);
			goto fail;
		}
		for (size_t j = 0; j < p->ncrit; j++)
			r->w[j] /= sum;
		note(r, "%s: panel criteria missing, left out;",
		     opts->indicators_only ? "--indicators-only"
		     : "no panel score in this edition");
		note(r, "the indicator weights were renormalised to sum 1");
	} else if (npanel) {
		rc = aggregate(r, p, &s, err);
		if (rc)
			goto fail;
	}
	if (s.conflicted)
		note(r, "%ld score(s) of conflicted experts were not counted",
		     s.conflicted);
	if (s.bad || s.unknown)
		note(r, "%ld score record(s) ignored (unknown criterion or "
		     "out of scale)", s.bad + s.unknown);
	/* panel minimums and missing values come after the profile's rules */
	for (size_t i = 0; i < r->n; i++) {
		struct entry *e = &r->e[i];
		char buf[256];

		for (size_t j = 0; j < p->ncrit && !e->excluded; j++) {
			if (!r->active[j])
				continue;
			if (p->crit[j].panel && e->nsc[j] < p->min_scores) {
				snprintf(buf, sizeof buf, "min-scores: fewer "
					 "than %d panel scores on %s (%d)",
					 p->min_scores, p->crit[j].id,
					 e->nsc[j]);
				e->excluded = sdup(buf);
			} else if (isnan(e->x[j])) {
				snprintf(buf, sizeof buf, "missing: no value "
					 "for %s", p->crit[j].id);
				e->excluded = sdup(buf);
			}
		}
	}
	{
		char vb[32];
		size_t used;

		used = (size_t)snprintf(r->params, sizeof r->params,
			"n=%d", p->select_n);
		if (method == 1)
			used += (size_t)snprintf(r->params + used,
				sizeof r->params - used, ";normalization=%s",
				lc_norm_name(p->topsis_norm));
		if (method == 2 && used < sizeof r->params)
			snprintf(r->params + used, sizeof r->params - used,
				 ";v=%s", lc_num_format(p->v, vb, sizeof vb));
		if (method == 3 && used < sizeof r->params)
			snprintf(r->params + used, sizeof r->params - used,
				 ";preference=per-criterion");
		if (opts->indicators_only || (npanel && s.n == 0)) {
			used = strlen(r->params);
			if (used < sizeof r->params)
				snprintf(r->params + used,
					 sizeof r->params - used,
					 ";indicators-only");
		}
	}
	scores_free(&s);
	if (fabs(p->weight_sum - 1) > 1e-9)
		note(r, "weights: the profile's weights sum to %.10g; they "
		     "were divided by their sum", p->weight_sum);
	tiebreak_note(r);
	rc = finish(r, method, err);
	if (rc)
		goto fail;
	if (r->nsel < (size_t)r->select_n && r->m > r->nsel)
		note(r, "selection: %zu selected, fewer than %d: the sector "
		     "quotas' maximums leave no room for the other %zu "
		     "eligible", r->nsel, r->select_n, r->m - r->nsel);
	else if (r->m < (size_t)r->select_n)
		note(r, "selection: only %zu eligible, fewer than %d", r->m,
		     r->select_n);
	if (opts->sensitivity > 0 && r->m > 0) {
		rc = sensitivity(r, method, opts, err);
		if (rc)
			goto fail;
	}
	if (opts->compare && r->m >= 2) {
		rc = compare(r, method, err);
		if (rc)
			goto fail;
	}
	*out = r;
	return 0;
fail:
	scores_free(&s);
	lc_ranking_free(r);
	return rc;
}

static int cmp_entry_id(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return strcmp(x->id, y->id);
}

/* Builds the eligible matrix, scores, orders, selects, and puts the
 * entries in output order. */
static int finish(struct lc_ranking *r, int method, struct lc_error *err)
{
	size_t n = r->ncrit, m = 0, k = 0;
	double *score = NULL, *contrib = NULL;
	size_t *ord = NULL;
	char *sel = NULL;
	struct entry *sorted = NULL;
	int rc = 0;

	for (size_t i = 0; i < r->n; i++)
		m += !r->e[i].excluded;
	r->m = m;
	r->X = malloc((m ? m : 1) * n * sizeof *r->X);
	r->byrow = malloc((m ? m : 1) * sizeof *r->byrow);
	score = malloc((m ? m : 1) * sizeof *score);
	contrib = malloc((m ? m : 1) * n * sizeof *contrib);
	ord = malloc((m ? m : 1) * sizeof *ord);
	sel = malloc(m ? m : 1);
	sorted = malloc(r->n * sizeof *sorted);
	if (!r->X || !r->byrow || !score || !contrib || !ord || !sel ||
	    !sorted) {
		rc = oom(err);
		goto out;
	}
	for (size_t i = 0; i < r->n; i++) {
		struct entry *e = &r->e[i];

		if (e->excluded)
			continue;
		e->row = (long)k;
		r->byrow[k] = i;
		for (size_t j = 0; j < n; j++)
			/* a dropped criterion enters as 0 with weight 0 */
			r->X[k * n + j] = r->active[j] ? e->x[j] : 0;
		k++;
	}
	if (m > 0) {
		rc = run_method(r, method, r->X, r->w, score, contrib, err);
		if (rc)
			goto out;
		rc = order_select(r, r->X, score, ord, sel, &r->cut_row,
				  &r->out_row);
		if (rc) {
			rc = oom(err);
			goto out;
		}
	}
	for (size_t q = 0; q < m; q++) {
		struct entry *e = &r->e[r->byrow[ord[q]]];
		char buf[256];

		e->rank = (int)q + 1;
		e->score = score[ord[q]];
		e->selected = SELECTED(sel[ord[q]]);
		e->merit = sel[ord[q]] == SEL_MERIT;
		for (size_t j = 0; j < n; j++)
			e->contrib[j] = r->active[j] ?
				contrib[ord[q] * n + j] : NAN;
		/* ties with the previous entry are stated, never hidden */
		if (q > 0 && lc_rk_near(score[ord[q]], score[ord[q - 1]])) {
			struct order_ctx c = { r, r->X, score };
			int which;
			char kb[64];

			cmp_rows(&c, ord[q - 1], ord[q], &which);
			snprintf(buf, sizeof buf, "tied on score with %s; "
				 "ranked after it by %s",
				 r->e[r->byrow[ord[q - 1]]].id,
				 key_text(r, which, kb));
			e->tiebreak = sdup(buf);
		}
		if (sel[ord[q]] == SEL_QUOTA) {
			snprintf(buf, sizeof buf, "selected by the minimum "
				 "quota of %s", lc_sector_name(e->sector));
			e->quota = sdup(buf);
		} else if (sel[ord[q]] == SEL_DISPLACED) {
			snprintf(buf, sizeof buf, "left out: its place went "
				 "to a sector below its minimum quota");
			e->quota = sdup(buf);
		} else if (sel[ord[q]] == SEL_MAXED) {
			snprintf(buf, sizeof buf, "left out: %s already has "
				 "its maximum of %d", lc_sector_name(e->sector),
				 r->quota_max[e->sector]);
			e->quota = sdup(buf);
		}
	}
	for (size_t q = 0; q < m; q++)
		r->nsel += SELECTED(sel[q]);
	if (r->cut_row >= 0)
		r->cutoff = score[r->cut_row];
	{
		int lacking = 0;

		for (int s = 0; s < LC_SECTOR__COUNT; s++) {
			int have = 0;

			for (size_t q = 0; q < m; q++)
				have += SELECTED(sel[q]) &&
					r->e[r->byrow[q]].sector == s;
			if (have < r->quota_min[s]) {
				note(r, "quota: %s has %d eligible selected, "
				     "fewer than its minimum %d",
				     lc_sector_name(s), have,
				     r->quota_min[s]);
				lacking = 1;
			}
		}
		(void)lacking;
	}
	/* output order: eligible by rank, then the ineligible by id */
	k = 0;
	for (size_t q = 0; q < m; q++)
		sorted[k++] = r->e[r->byrow[ord[q]]];
	{
		size_t first_bad = k;

		for (size_t i = 0; i < r->n; i++)
			if (r->e[i].excluded)
				sorted[k++] = r->e[i];
		qsort(sorted + first_bad, k - first_bad, sizeof *sorted,
		      cmp_entry_id);
	}
	memcpy(r->e, sorted, r->n * sizeof *sorted);
	/* rows now map to the new positions */
	for (size_t i = 0; i < r->n; i++)
		if (r->e[i].row >= 0)
			r->byrow[r->e[i].row] = i;
out:
	free(score);
	free(contrib);
	free(ord);
	free(sel);
	free(sorted);
	return rc;
}

/* ---- robustness --------------------------------------------------------- */

/* Perturbs the weights N times (Dirichlet around the profile weights,
 * concentration c: w' ~ Dir(c w), mean w), re-ranks and re-selects with
 * the same ties and quotas, and counts Top N memberships and ranks. */
static int sensitivity(struct lc_ranking *r, int method,
		       const struct lc_rank_opts *opts, struct lc_error *err)
{
	size_t m = r->m, n = r->ncrit;
	double *score = malloc(m * sizeof *score), w[LC_RK_MAXCRIT];
	size_t *ord = malloc(m * sizeof *ord);
	char *sel = malloc(m);
	double conc = opts->concentration > 0 ? opts->concentration : 100;
	struct lc_rng rng;
	int rc = 0;
	long cut, out, flat = 0;

	if (!score || !ord || !sel) {
		rc = oom(err);
		goto done;
	}
	lc_rng_seed(&rng, opts->seed);
	for (size_t i = 0; i < r->n; i++) {
		r->e[i].rlo = 0;
		r->e[i].rhi = 0;
		r->e[i].in_top = 0;
	}
	for (long run = 0; run < opts->sensitivity; run++) {
		double sum = 0;

		for (size_t j = 0; j < n; j++) {
			w[j] = r->w[j] > 0 ? lc_rng_gamma(&rng, conc * r->w[j])
					   : 0;
			sum += w[j];
		}
		if (!(sum > 0)) {
			/* every gamma draw 0 (a tiny concentration): this
			 * run keeps the profile's weights, and says so */
			memcpy(w, r->w, n * sizeof *w);
			sum = 1;
			flat++;
		}
		for (size_t j = 0; j < n; j++)
			w[j] /= sum;
		rc = run_method(r, method, r->X, w, score, NULL, err);
		if (rc)
			goto done;
		if (order_select(r, r->X, score, ord, sel, &cut, &out)) {
			rc = oom(err);
			goto done;
		}
		for (size_t q = 0; q < m; q++) {
			struct entry *e = &r->e[r->byrow[ord[q]]];
			int rk = (int)q + 1;

			if (SELECTED(sel[ord[q]]))
				e->in_top++;
			if (e->rlo == 0 || rk < e->rlo)
				e->rlo = rk;
			if (rk > e->rhi)
				e->rhi = rk;
		}
	}
	r->runs = opts->sensitivity;
	if (flat)
		note(r, "sensitivity: %ld of %ld perturbations drew no weight "
		     "at all (concentration %g too small) and kept the "
		     "profile's weights", flat, opts->sensitivity, conc);
done:
	free(score);
	free(ord);
	free(sel);
	return rc;
}

/* Ranks by every method with the same weights and compares each ranking
 * with the chosen method's (Spearman, Kendall tau-b). */
static int compare(struct lc_ranking *r, int method, struct lc_error *err)
{
	size_t m = r->m;
	double *score = malloc(m * sizeof *score);
	double *base = malloc(m * sizeof *base), *pos = malloc(m * sizeof *pos);
	size_t *ord = malloc(m * sizeof *ord);
	char *sel = malloc(m);
	long cut, out;
	int rc = 0;

	if (!score || !base || !pos || !ord || !sel) {
		rc = oom(err);
		goto done;
	}
	for (size_t q = 0; q < m; q++)
		base[q] = r->e[r->byrow[q]].rank;
	r->ncmp = 0;
	for (int k = 0; k < 4; k++) {
		if (k == method)
			continue;
		if (run_method(r, k, r->X, r->w, score, NULL, NULL)) {
			note(r, "comparison: %s cannot rank these values "
			     "(see lowcarb rank --method %s)", method_names[k],
			     method_names[k]);
			continue;
		}
		if (order_select(r, r->X, score, ord, sel, &cut, &out)) {
			rc = oom(err);
			goto done;
		}
		for (size_t q = 0; q < m; q++)
			pos[ord[q]] = (double)q + 1;
		r->cmp_name[r->ncmp] = method_names[k];
		if (lc_mcda_spearman(base, pos, m, &r->rho[r->ncmp], NULL))
			r->rho[r->ncmp] = 0;
		if (lc_mcda_kendall(base, pos, m, &r->tau[r->ncmp], NULL))
			r->tau[r->ncmp] = 0;
		r->ncmp++;
	}
done:
	free(score);
	free(base);
	free(pos);
	free(ord);
	free(sel);
	return rc;
}

/* ---- explanations ------------------------------------------------------- */

/* Scratch for re-selecting: scores, order, selection codes. */
struct resel {
	double *score;
	size_t *ord;
	char *sel;
};

static int resel_init(struct resel *z, size_t m)
{
	z->score = malloc((m ? m : 1) * sizeof *z->score);
	z->ord = malloc((m ? m : 1) * sizeof *z->ord);
	z->sel = malloc(m ? m : 1);
	return z->score && z->ord && z->sel ? 0 : LC_ENOMEM;
}

static void resel_free(struct resel *z)
{
	free(z->score);
	free(z->ord);
	free(z->sel);
}

/* Whether row is selected by the whole rule (ranking, ties and quotas)
 * when the scores are z->score; *in receives 1 or 0. */
static int selected_now(const struct lc_ranking *r, const double *X,
			struct resel *z, size_t row, int *in)
{
	long cut, out;

	if (order_select(r, X, z->score, z->ord, z->sel, &cut, &out))
		return LC_ENOMEM;
	*in = SELECTED(z->sel[row]);
	return 0;
}

/* Whether row is selected when X[row][j] = v, the method re-run. */
static int selected_with(const struct lc_ranking *r, int method, double *X,
			 struct resel *z, size_t row, size_t j, double v,
			 int *in, struct lc_error *err)
{
	double keep = X[row * r->ncrit + j];
	int rc;

	X[row * r->ncrit + j] = v;
	rc = run_method(r, method, X, r->w, z->score, NULL, err);
	if (!rc && selected_now(r, X, z, row, in))
		rc = oom(err);
	X[row * r->ncrit + j] = keep;
	return rc;
}

double lc_ranking_threshold(const struct lc_ranking *r, size_t i)
{
	struct resel z;
	double lo = INFINITY, hi = -INFINITY, a, b;
	size_t row;
	int in, want, sel;

	if (i >= r->n || r->e[i].row < 0)
		return NAN;
	row = (size_t)r->e[i].row;
	sel = r->e[i].selected;
	if (resel_init(&z, r->m)) {
		resel_free(&z);
		return NAN;
	}
	for (size_t q = 0; q < r->m; q++) {
		z.score[q] = r->e[r->byrow[q]].score;
		lo = fmin(lo, z.score[q]);
		hi = fmax(hi, z.score[q]);
	}
	/* scores beyond every other one: first place, last place */
	a = z.score[row];
	b = sel ? lo - 1 - fabs(lo) : hi + 1 + fabs(hi);
	z.score[row] = b;
	if (selected_now(r, r->X, &z, row, &in)) {
		resel_free(&z);
		return NAN;
	}
	if (in == sel) {
		/* in at any score (a minimum quota), or out at any */
		resel_free(&z);
		return sel ? -INFINITY : INFINITY;
	}
	/* a keeps the current state, b the other: bisect between them */
	want = !sel;
	for (int it = 0; it < 200 && a != b; it++) {
		double mid = a / 2 + b / 2;

		if (mid == a || mid == b)
			break;
		z.score[row] = mid;
		if (selected_now(r, r->X, &z, row, &in))
			break;
		if (in == want)
			b = mid;
		else
			a = mid;
	}
	resel_free(&z);
	/* the score at which the state changes: the lowest that gets in
	 * (not selected), the lowest that stays in (selected) */
	return sel ? a : b;
}

/* How far a criterion value may go in the direction dir (+1 up, -1
 * down) from the column's values: a panel criterion its scale, TRL 1 to
 * 9; another indicator 1e6 times the spread beyond the observed extreme,
 * but not below 0 when every value seen is >= 0 (a potential, a payback)
 * or the normalisation needs it (> 0 for a cost column under max and
 * sum). */
static double far_value(const struct lc_ranking *r, int method, size_t j,
			double lo, double hi, int dir)
{
	const struct lc_rk_crit *c = &r->crit[j];
	double span = hi > lo ? hi - lo : fmax(fabs(hi), 1);
	int norm = method == 0 ? c->norm : method == 1 ? r->topsis_norm
			       : LC_NORM_MINMAX;

	if (c->panel)
		return dir > 0 ? c->hi : c->lo;
	if (c->field == LC_F_TRL)
		return dir > 0 ? 9 : 1;
	if (dir > 0)
		return hi + 1e6 * span;
	if (norm == LC_NORM_MINMAX && lo < 0)
		return lo - 1e6 * span;
	if (c->cost && (norm == LC_NORM_MAX || norm == LC_NORM_SUM))
		return fmin(lo, span * 1e-9);
	return fmin(lo, 0);
}

int lc_ranking_explain(const struct lc_ranking *r, size_t i, size_t j,
		       double *value, int *reach, struct lc_error *err)
{
	const struct entry *e;
	size_t m = r->m, n = r->ncrit, row;
	double *X = NULL, lo = INFINITY, hi = -INFINITY, a, b;
	int method = method_index(r->method), rc = 0, dir, in = 0;
	struct resel z;

	*reach = 0;
	*value = NAN;
	if (i >= r->n || j >= n)
		return lc_error_set(err, LC_EUSAGE, NULL, 0, NULL,
				    "no such entry or criterion");
	e = &r->e[i];
	if (e->row < 0 || !(r->w[j] > 0))
		return lc_error_set(err, LC_EUSAGE, NULL, 0, r->crit[j].id,
				    "not ranked, or criterion without weight");
	row = (size_t)e->row;
	X = malloc((m ? m : 1) * n * sizeof *X);
	if (!X || resel_init(&z, m)) {
		free(X);
		resel_free(&z);
		return oom(err);
	}
	memcpy(X, r->X, m * n * sizeof *X);
	for (size_t q = 0; q < m; q++) {
		lo = fmin(lo, X[q * n + j]);
		hi = fmax(hi, X[q * n + j]);
	}
	/* improving means up for a benefit criterion, down for a cost; a
	 * selected entry is asked how far it can worsen */
	dir = r->crit[j].cost ? -1 : 1;
	if (e->selected)
		dir = -dir;
	a = X[row * n + j];
	/* the observed extreme first, then the farthest admissible value */
	b = dir > 0 ? fmax(hi, a) : fmin(lo, a);
	rc = selected_with(r, method, X, &z, row, j, b, &in, err);
	if (!rc && in == e->selected) {
		b = far_value(r, method, j, lo, hi, dir);
		if ((dir > 0 && b <= a) || (dir < 0 && b >= a))
			goto out;
		rc = selected_with(r, method, X, &z, row, j, b, &in, err);
	}
	if (rc || in == e->selected)
		goto out;       /* no value on this criterion alone will do */
	for (int it = 0; it < 200; it++) {
		double mid = a / 2 + b / 2;

		if (mid == a || mid == b)
			break;
		rc = selected_with(r, method, X, &z, row, j, mid, &in, err);
		if (rc)
			goto out;
		if (in != e->selected)
			b = mid;
		else
			a = mid;
	}
	/* not selected: b is the first value found that gets it in;
	 * selected: a is the last value found that keeps it in */
	*value = e->selected ? a : b;
	/* a whole-number field (TRL, counts) takes the next whole value
	 * towards the current one: still past the boundary */
	if (!r->crit[j].panel && r->crit[j].field >= 0 &&
	    lc_field_type(r->crit[j].field) == LC_FT_INT)
		*value = (e->selected ? -dir : dir) > 0 ? ceil(*value)
							 : floor(*value);
	*reach = 1;
out:
	free(X);
	resel_free(&z);
	return rc;
}

/* ---- recording --------------------------------------------------------- */

int lc_ranking_record(struct lc_catalog *cat, const struct lc_ranking *r,
		      struct lc_error *err)
{
	struct lc_rec *rec = lc_rec_new();
	char key[64], when[32], num[32], *ids = NULL;
	size_t len = 0;
	int rc;

	if (!rec)
		return oom(err);
	for (size_t i = 0; i < r->n; i++)
		if (r->e[i].selected)
			len += strlen(r->e[i].id) + 1;
	ids = calloc(len + 1, 1);
	if (!ids) {
		lc_rec_free(rec);
		return oom(err);
	}
	len = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->e[i].selected) {
			size_t l = strlen(r->e[i].id);

			if (len)
				ids[len++] = ',';
			memcpy(ids + len, r->e[i].id, l);
			len += l;
		}
	ids[len] = '\0';
	snprintf(key, sizeof key, "selection:%s", r->edition);
	snprintf(num, sizeof num, "%zu", r->nsel);
	rc = lc_rec_set(rec, "edition", r->edition);
	rc = rc ? rc : lc_rec_set(rec, "hash", r->hash);
	rc = rc ? rc : lc_rec_set(rec, "profile", r->profile);
	rc = rc ? rc : lc_rec_set(rec, "profile_sha256", r->profile_hash);
	rc = rc ? rc : lc_rec_set(rec, "method", r->method);
	rc = rc ? rc : lc_rec_set(rec, "params", r->params);
	rc = rc ? rc : lc_rec_set(rec, "n", num);
	rc = rc ? rc : lc_rec_set(rec, "ids", ids);
	rc = rc ? rc : lc_rec_set(rec, "who", lc_catalog_who());
	rc = rc ? rc : lc_rec_set(rec, "when",
				  lc_catalog_now(when, sizeof when));
	if (rc) {
		rc = oom(err);
		goto out;
	}
	rc = lc_catalog_begin(cat, err);
	if (rc)
		goto out;
	rc = lc_catalog_rec_put(cat, key, rec, err);
	for (size_t i = 0; !rc && i < r->n; i++) {
		const struct entry *e = &r->e[i];
		int want = e->status;

		if (e->selected)
			want = LC_ST_SELECTED;
		else if (e->status == LC_ST_SELECTED)
			want = e->excluded ? LC_ST_SUBMITTED : LC_ST_ELIGIBLE;
		if (want != e->status)
			rc = lc_catalog_set_status(cat, e->id, want, NULL,
						   "lowcarb rank", err);
	}
	if (rc)
		lc_catalog_abort(cat);
	else
		rc = lc_catalog_commit(cat, err);
out:
	free(ids);
	lc_rec_free(rec);
	return rc;
}

/* ---- accessors ---------------------------------------------------------- */

size_t lc_ranking_count(const struct lc_ranking *r) { return r->n; }
const char *lc_ranking_edition(const struct lc_ranking *r)
{
	return r->edition;
}
const char *lc_ranking_profile(const struct lc_ranking *r)
{
	return r->profile;
}
const char *lc_ranking_method(const struct lc_ranking *r)
{
	return r->method;
}
const char *lc_ranking_params(const struct lc_ranking *r)
{
	return r->params;
}
const char *lc_ranking_hash(const struct lc_ranking *r) { return r->hash; }
size_t lc_ranking_selected_count(const struct lc_ranking *r)
{
	return r->nsel;
}
double lc_ranking_cutoff(const struct lc_ranking *r) { return r->cutoff; }
const char *lc_ranking_notes(const struct lc_ranking *r)
{
	return r->notes ? r->notes : "";
}

long lc_ranking_find(const struct lc_ranking *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->e[i].id, id))
			return (long)i;
	return -1;
}

const char *lc_ranking_id(const struct lc_ranking *r, size_t i)
{
	return i < r->n ? r->e[i].id : NULL;
}

const char *lc_ranking_name(const struct lc_ranking *r, size_t i)
{
	return i < r->n ? r->e[i].name : NULL;
}

int lc_ranking_sector(const struct lc_ranking *r, size_t i)
{
	return i < r->n ? r->e[i].sector : -1;
}

int lc_ranking_rank(const struct lc_ranking *r, size_t i)
{
	return i < r->n ? r->e[i].rank : 0;
}

double lc_ranking_score(const struct lc_ranking *r, size_t i)
{
	return i < r->n && r->e[i].row >= 0 ? r->e[i].score : NAN;
}

int lc_ranking_selected(const struct lc_ranking *r, size_t i)
{
	return i < r->n && r->e[i].selected;
}

int lc_ranking_eligible(const struct lc_ranking *r, size_t i)
{
	return i < r->n && !r->e[i].excluded;
}

const char *lc_ranking_excluded(const struct lc_ranking *r, size_t i)
{
	return i < r->n ? r->e[i].excluded : NULL;
}

const char *lc_ranking_tiebreak(const struct lc_ranking *r, size_t i)
{
	return i < r->n ? r->e[i].tiebreak : NULL;
}

const char *lc_ranking_quota_note(const struct lc_ranking *r, size_t i)
{
	return i < r->n ? r->e[i].quota : NULL;
}

size_t lc_ranking_criteria(const struct lc_ranking *r) { return r->ncrit; }

const char *lc_ranking_criterion(const struct lc_ranking *r, size_t j)
{
	return j < r->ncrit ? r->crit[j].id : NULL;
}

double lc_ranking_weight(const struct lc_ranking *r, size_t j)
{
	return j < r->ncrit ? r->w[j] : 0;
}

int lc_ranking_is_cost(const struct lc_ranking *r, size_t j)
{
	return j < r->ncrit && r->crit[j].cost;
}

double lc_ranking_value(const struct lc_ranking *r, size_t i, size_t j)
{
	if (i >= r->n || j >= r->ncrit || !r->active[j])
		return NAN;
	return r->e[i].x[j];
}

double lc_ranking_contribution(const struct lc_ranking *r, size_t i,
			       size_t j)
{
	if (i >= r->n || j >= r->ncrit || r->e[i].row < 0)
		return NAN;
	return r->e[i].contrib[j];
}

int lc_ranking_nscores(const struct lc_ranking *r, size_t i, size_t j)
{
	return i < r->n && j < r->ncrit ? r->e[i].nsc[j] : 0;
}

int lc_ranking_disagreement(const struct lc_ranking *r, size_t i,
			    size_t j)
{
	return i < r->n && j < r->ncrit ? r->e[i].flag[j] : 0;
}

double lc_ranking_gap(const struct lc_ranking *r, size_t i)
{
	double t = lc_ranking_threshold(r, i);

	return isnan(t) ? NAN : r->e[i].score - t;
}

long lc_ranking_runs(const struct lc_ranking *r) { return r->runs; }

double lc_ranking_prob_top(const struct lc_ranking *r, size_t i)
{
	if (i >= r->n || r->runs <= 0 || r->e[i].row < 0)
		return 0;
	return (double)r->e[i].in_top / (double)r->runs;
}

void lc_ranking_rank_range(const struct lc_ranking *r, size_t i, int *lo,
			   int *hi)
{
	*lo = i < r->n ? r->e[i].rlo : 0;
	*hi = i < r->n ? r->e[i].rhi : 0;
}

size_t lc_ranking_compare_count(const struct lc_ranking *r)
{
	return r->ncmp;
}

const char *lc_ranking_compare_method(const struct lc_ranking *r, size_t k)
{
	return k < r->ncmp ? r->cmp_name[k] : NULL;
}

double lc_ranking_compare_spearman(const struct lc_ranking *r, size_t k)
{
	return k < r->ncmp ? r->rho[k] : 0;
}

double lc_ranking_compare_kendall(const struct lc_ranking *r, size_t k)
{
	return k < r->ncmp ? r->tau[k] : 0;
}

/* ---- a recorded selection ------------------------------------------------ */

struct lc_selection {
	char *hash, *profile, *profile_hash, *method, *params, *when, *idbuf;
	size_t n;
	char **id;
};

void lc_selection_free(struct lc_selection *s)
{
	if (!s)
		return;
	free(s->hash);
	free(s->profile);
	free(s->profile_hash);
	free(s->method);
	free(s->params);
	free(s->when);
	free(s->idbuf);
	free(s->id);
	free(s);
}

int lc_selection_get(struct lc_catalog *cat, const char *edition,
		     struct lc_selection **out, struct lc_error *err)
{
	struct lc_rec *rec = NULL;
	struct lc_selection *s;
	char key[64];
	int rc;

	*out = NULL;
	snprintf(key, sizeof key, "selection:%s", edition);
	rc = lc_catalog_rec_get(cat, key, &rec, err);
	if (rc)
		return rc;
	s = calloc(1, sizeof *s);
	if (!s) {
		lc_rec_free(rec);
		return oom(err);
	}
	s->hash = sdup(lc_rec_get(rec, "hash"));
	s->profile = sdup(lc_rec_get(rec, "profile"));
	s->profile_hash = sdup(lc_rec_get(rec, "profile_sha256"));
	s->method = sdup(lc_rec_get(rec, "method"));
	s->params = sdup(lc_rec_get(rec, "params"));
	s->when = sdup(lc_rec_get(rec, "when"));
	s->idbuf = sdup(lc_rec_get(rec, "ids"));
	lc_rec_free(rec);
	if (!s->hash || !s->profile || !s->profile_hash || !s->method ||
	    !s->params || !s->when || !s->idbuf) {
		lc_selection_free(s);
		return oom(err);
	}
	if (*s->idbuf) {
		size_t n = 1;

		for (char *p = s->idbuf; *p; p++)
			n += *p == ',';
		s->id = malloc(n * sizeof *s->id);
		if (!s->id) {
			lc_selection_free(s);
			return oom(err);
		}
		s->id[s->n++] = s->idbuf;
		for (char *p = s->idbuf; *p; p++)
			if (*p == ',') {
				*p = '\0';
				s->id[s->n++] = p + 1;
			}
	}
	*out = s;
	return 0;
}

size_t lc_selection_count(const struct lc_selection *s) { return s->n; }

const char *lc_selection_id(const struct lc_selection *s, size_t i)
{
	return i < s->n ? s->id[i] : NULL;
}

const char *lc_selection_hash(const struct lc_selection *s)
{
	return s->hash;
}

const char *lc_selection_profile(const struct lc_selection *s)
{
	return s->profile;
}

const char *lc_selection_profile_hash(const struct lc_selection *s)
{
	return s->profile_hash;
}

const char *lc_ranking_profile_hash(const struct lc_ranking *r)
{
	return r->profile_hash;
}

const char *lc_selection_method(const struct lc_selection *s)
{
	return s->method;
}

const char *lc_selection_params(const struct lc_selection *s)
{
	return s->params;
}

const char *lc_selection_when(const struct lc_selection *s)
{
	return s->when;
}
