/* import.c - the import driver: format detection, reading every file with
 * the rules applied, duplicate ids within a run, near-duplicate names, and
 * storing in one catalog transaction that commits whole or not at all. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "importers/dupes.h"
#include "importers/idset.h"
#include "importers/mapping.h"
#include "importers/xlsx.h"

#define DUP_THRESHOLD 0.6
#define MAX_CHANGES 10000

void lc_import_opts_init(struct lc_import_opts *o)
{
	memset(o, 0, sizeof *o);
	o->format = LC_FMT_AUTO;
	o->dup_check = 1;
}

/* State of one validate or import run. */
struct run {
	struct imp_sink sink;
	struct lc_import_opts defaults;
	const struct lc_import_opts *o;
	struct lc_import_summary sum;
	struct imp_idset *ids;       /* this run's ids */
	struct lc_catalog *cat;      /* NULL: validate only */
	long existing;               /* dossiers in cat before, -1 unknown */
	struct imp_dupes *dupes;
	struct imp_lineage *lineage; /* import: descendants so far */
	int bad;                     /* an invalid dossier or file */
	int stop_storing;            /* bad and not skip_invalid */
	char *changes;               /* "id: fields\n" lines, after commit */
	size_t clen, ccap;
	long nchanges;
	/* lc_import_read's callback */
	int (*fn)(const struct lc_tech *t, long line, int valid, void *ctx);
	void *ctx;
	struct lc_error *err;
};

static int detect(const char *path, const struct lc_import_opts *o,
		  struct lc_error *err)
{
	FILE *fp;
	unsigned char b[512];
	size_t n, i = 0;
	if (o && o->format != LC_FMT_AUTO)
		return o->format;
	fp = lc_file_open(path, NULL, err);
	if (!fp)
		return err ? err->status : LC_EIO;
	n = fread(b, 1, sizeof b, fp);
	fclose(fp);
	if (imp_xlsx_sniff(b, n))
		return LC_FMT_XLSX;
	if (n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' ||
			 b[i] == '\n'))
		i++;
	return i < n && b[i] == '<' ? LC_FMT_XML : LC_FMT_CSV;
}

static void progress(struct run *u)
{
	const struct lc_import_report *rep = u->sink.rep;
	if (rep && rep->progress && u->sum.read % 4096 == 0)
		rep->progress(u->sink.file, u->sink.pos, u->sink.size,
			      u->sum.read, rep->ctx);
}

static void note_change(struct run *u, const char *id, const char *changed)
{
	char line[600];
	int k;
	size_t need;
	u->nchanges++;
	if (u->nchanges > MAX_CHANGES)
		return;
	k = snprintf(line, sizeof line, "%s\t%s\n", id, changed);
	if (k < 0)
		return;
	need = u->clen + (size_t)k + 1;
	if (need > u->ccap) {
		size_t cap = u->ccap ? 2 * u->ccap : 4096;
		char *p;
		while (cap < need)
			cap *= 2;
		p = realloc(u->changes, cap);
		if (!p)
			return;
		u->changes = p;
		u->ccap = cap;
	}
	memcpy(u->changes + u->clen, line, (size_t)k + 1);
	u->clen += (size_t)k;
}

static const char *who_of(const struct lc_tech *t)
{
	const char *w = lc_tech_get(t, LC_F_CREDIT_CODE);
	return w ? w : lc_tech_get(t, LC_F_SUBMITTER);
}

static void dup_warning(struct run *u, const struct lc_tech *t, long line)
{
	const char *id, *name, *other;
	double score;
	const char *zh = lc_tech_get(t, LC_F_NAME_ZH);
	const char *en = lc_tech_get(t, LC_F_NAME_EN);
	const char *ed = lc_tech_get(t, LC_F_EDITION);
	if (!u->dupes)
		return;
	if (imp_dupes_find(u->dupes, ed, who_of(t), zh, en, DUP_THRESHOLD,
			   &id, &name, &other, &score)) {
		struct lc_error e;
		lc_error_set(&e, LC_EDATA, u->sink.file, line, "name_zh",
			     "%s '%s' is close to %s '%s' from another "
			     "submitter (similarity %.2f): the same "
			     "technology twice?",
			     lc_tech_get(t, LC_F_ID), zh ? zh : en, id, name,
			     score);
		u->sum.warnings++;
		if (u->sink.rep && u->sink.rep->warning)
			u->sink.rep->warning(&e, u->sink.rep->ctx);
	}
	(void)imp_dupes_add(u->dupes, lc_tech_get(t, LC_F_ID), ed, who_of(t),
			    lc_tech_sector(t), zh, en);
}

/* Stores t; old is its stored version (NULL when new). */
static int store(struct run *u, const struct lc_tech *t, int file_status,
		 const struct lc_tech *old)
{
	struct lc_tech *copy = NULL;
	char changed[1024];
	int rc;
	const struct lc_tech *put = t;
	const char *id = lc_tech_get(t, LC_F_ID);

	if (!file_status && old && lc_tech_status(old) != LC_ST_SUBMITTED) {
		/* the file says nothing about status: keep the stored one */
		copy = lc_tech_dup(t);
		if (!copy || lc_tech_set_status(copy, lc_tech_status(old),
						lc_tech_status_reason(old)))
		{
			lc_tech_free(copy);
			return lc_error_set(u->err, LC_ENOMEM, NULL, 0, NULL,
					    "out of memory");
		}
		put = copy;
	}
	changed[0] = '\0';
	rc = lc_catalog_put_tech(u->cat, put, u->sink.file, changed,
				 sizeof changed, u->err);
	lc_tech_free(copy);
	if (rc < 0)
		return rc;
	if (rc == LC_PUT_ADDED)
		u->sum.added++;
	else if (rc == LC_PUT_UPDATED) {
		u->sum.updated++;
		note_change(u, id, changed);
	} else
		u->sum.unchanged++;
	return 0;
}

/* Stores a dossier that waited for the end of the run (its lineage
 * decided then): imp_lineage_finish's callback. */
static int store_later(struct lc_tech *t, const char *file, int file_status,
		       void *ctx)
{
	struct run *u = ctx;
	struct lc_tech *old = NULL;
	int rc = 0;

	u->sink.file = file;
	if (u->existing != 0) {
		rc = lc_catalog_get_tech(u->cat, lc_tech_get(t, LC_F_ID), &old,
					 u->err);
		if (rc == LC_ENOTFOUND)
			rc = 0;
	}
	if (rc == 0)
		rc = store(u, t, file_status, old);
	lc_tech_free(old);
	return rc;
}

static int check_raw(struct imp_raw *r, void *arg)
{
	struct run *u = arg;
	struct lc_tech *t = NULL;
	int n, valid, rc = 0;
	const char *id;

	u->sum.read++;
	progress(u);
	if (r->broken) {
		u->sum.rejected++;
		u->bad = 1;
		if (!u->o->skip_invalid)
			u->stop_storing = 1;
		return 0;
	}
	n = imp_build(r, &u->sink, &t, u->err);
	if (n < 0)
		return n;
	id = r->val[LC_F_ID];
	if (id && *id && !r->flagged[LC_F_ID]) {
		long line = r->line[LC_F_ID] ? r->line[LC_F_ID] : r->line0;
		const char *ff = NULL;
		long fl = 0;
		int d = imp_idset_add(u->ids, id, u->sink.file, line, &ff, &fl);
		if (d < 0) {
			lc_tech_free(t);
			return lc_error_set(u->err, LC_ENOMEM, NULL, 0, NULL,
					    "out of memory");
		}
		if (d == 1) {
			char msg[512];
			imp_rules_message("id.duplicate", id, NULL, NULL, msg,
					  sizeof msg);
			if (ff == u->sink.file)
				imp_problem(&u->sink, line, "id",
					    "%s (first at line %ld)", msg, fl);
			else
				imp_problem(&u->sink, line, "id",
					    "%s (first in %s:%ld)", msg, ff,
					    fl);
			n++;
		}
	}
	valid = n == 0 && r->problems == 0;
	if (!valid) {
		u->sum.rejected++;
		u->bad = 1;
		if (!u->o->skip_invalid)
			u->stop_storing = 1;
	}
	if (valid && u->sink.rep && u->sink.rep->check)
		u->sum.warnings += u->sink.rep->check(t, u->sink.file,
			r->line[LC_F_ABATEMENT_COST] ?
			r->line[LC_F_ABATEMENT_COST] : r->line0,
			u->sink.rep->ctx);
	if (u->fn) {
		rc = u->fn(t, r->line0, valid, u->ctx);
	} else if (u->cat && valid) {
		struct lc_tech *old = NULL;

		if (u->existing != 0) {
			rc = lc_catalog_get_tech(u->cat, id, &old, u->err);
			if (rc == LC_ENOTFOUND)
				rc = 0;
		}
		if (rc == 0)
			rc = imp_lineage_apply(u->lineage, u->dupes, &u->sink,
					       r->line0, u->o->accept_lineage,
					       r->status != NULL, t, old,
					       u->err);
		dup_warning(u, t, r->line[LC_F_NAME_ZH] ?
			    r->line[LC_F_NAME_ZH] : r->line0);
		if (rc == 0 && !u->stop_storing)
			rc = store(u, t, r->status != NULL, old);
		else if (rc == 1)
			rc = 0;    /* stored at the end of the run */
		lc_tech_free(old);
	} else if (valid && u->dupes) {
		dup_warning(u, t, r->line[LC_F_NAME_ZH] ?
			    r->line[LC_F_NAME_ZH] : r->line0);
	}
	lc_tech_free(t);
	return rc;
}

/* A dossier as read: checked, then its problems reported in line
 * order. */
static int on_raw(struct imp_raw *r, void *arg)
{
	struct run *u = arg;
	int rc = check_raw(r, arg);

	imp_sink_flush(&u->sink);
	return rc;
}

/* Reads path in format fmt, through the mapping profile when there is
 * one (foreign layouts are CSV or workbooks). */
static int read_file(struct run *u, const char *path, int fmt)
{
	if (u->o->mapping && fmt == LC_FMT_XML)
		return lc_error_set(u->err, LC_EDATA, path, 1, NULL, "a "
				    "mapping profile reads CSV files and "
				    "workbooks, not XML");
	if (u->o->mapping && fmt == LC_FMT_XLSX)
		return imp_read_mapped_xlsx(path, u->o, &u->sink, on_raw, u,
					    u->err);
	if (fmt == LC_FMT_XLSX)
		return imp_read_xlsx(path, u->o, &u->sink, on_raw, u, u->err);
	if (u->o->mapping)
		return imp_read_mapped(path, u->o, &u->sink, on_raw, u,
				       u->err);
	if (fmt == LC_FMT_XML)
		return imp_read_xml(path, &u->sink, on_raw, u, u->err);
	return imp_read_csv(path, u->o, &u->sink, on_raw, u, u->err);
}

/* Reads one file through the run. A data error of the file itself marks
 * the run bad and returns 0 (it was reported); other errors return. */
static int run_file(struct run *u, const char *path)
{
	int fmt, rc;
	long before = u->sink.problems;
	u->sink.file = path;
	u->sink.pos = 0;
	u->sink.size = 0;
	fmt = detect(path, u->o, u->err);
	if (fmt == LC_EDATA) {
		/* an input refused whole (larger than the limit): a problem
		 * of this file, reported like the others */
		imp_problem_err(&u->sink, u->err);
		imp_sink_flush(&u->sink);
		u->bad = 1;
		if (!u->o->skip_invalid)
			u->stop_storing = 1;
		return 0;
	}
	if (fmt < 0)
		return fmt;
	rc = read_file(u, path, fmt);
	imp_sink_flush(&u->sink);
	if (rc == LC_EDATA) {
		if (u->sink.problems == before)
			imp_problem_err(&u->sink, u->err);
		imp_sink_flush(&u->sink);
		u->bad = 1;
		if (!u->o->skip_invalid)
			u->stop_storing = 1;
		return 0;
	}
	if (rc == 0 && u->sink.rep && u->sink.rep->progress && u->sum.read)
		u->sink.rep->progress(path, u->sink.size, u->sink.size,
				      u->sum.read, u->sink.rep->ctx);
	return rc;
}

/* Sets up a run (o NULL: defaults); loads the rules and, when asked, the
 * name index. Returns 0 or a status; run_free either way. */
static int run_init(struct run *u, const struct lc_import_opts *o,
		    const struct lc_import_report *rep, int dupes,
		    struct lc_error *err)
{
	memset(u, 0, sizeof *u);
	lc_import_opts_init(&u->defaults);
	u->o = o ? o : &u->defaults;
	u->sink.rep = rep;
	u->err = err;
	u->ids = imp_idset_new(0);
	if (!u->ids)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	if (dupes && u->o->dup_check) {
		u->dupes = imp_dupes_new();
		if (!u->dupes)
			return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
					    "out of memory");
	}
	return imp_rules_ensure(err);
}

static void run_free(struct run *u)
{
	imp_idset_free(u->ids);
	free(u->changes);
	imp_dupes_free(u->dupes);
	imp_lineage_free(u->lineage);
	imp_sink_release(&u->sink);
}

int lc_import_read(const char *path, const struct lc_import_opts *o,
		   const struct lc_import_report *rep,
		   int (*fn)(const struct lc_tech *t, long line, int valid,
			     void *ctx),
		   void *ctx, struct lc_error *err)
{
	struct run u;
	int rc = run_init(&u, o, rep, 0, err);
	u.fn = fn;
	u.ctx = ctx;
	if (rc == 0) {
		int fmt = detect(path, u.o, err);
		if (fmt < 0)
			rc = fmt;
		else {
			u.sink.file = path;
			rc = read_file(&u, path, fmt);
			imp_sink_flush(&u.sink);
		}
	}
	run_free(&u);
	return rc;
}

static void finish_sum(struct run *u, struct lc_import_summary *sum)
{
	imp_sink_flush(&u->sink);
	u->sum.problems = u->sink.problems;
	u->sum.skipped = u->sink.skipped;
	u->sum.warnings += u->sink.warnings;
	if (sum)
		*sum = u->sum;
}

int lc_import_validate(char *const *paths, size_t n,
		       const struct lc_import_opts *o,
		       const struct lc_import_report *rep,
		       struct lc_import_summary *sum, struct lc_error *err)
{
	struct run u;
	size_t i;
	int rc = run_init(&u, o, rep, 1, err);
	for (i = 0; rc == 0 && i < n; i++)
		rc = run_file(&u, paths[i]);
	finish_sum(&u, sum);
	if (rc == 0 && u.bad)
		rc = lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				  "%ld problem%s found", u.sink.problems,
				  u.sink.problems == 1 ? "" : "s");
	run_free(&u);
	return rc;
}

/* Fills the name index from the catalog; stops (2) once it is full,
 * rather than decoding every stored dossier for nothing. */
static int load_names(const struct lc_tech *t, void *ctx)
{
	struct run *u = ctx;
	u->existing++;
	if (imp_lineage_claim(u->lineage, lc_tech_get(t, LC_F_LINEAGE)))
		return 1;
	if (imp_dupes_add(u->dupes, lc_tech_get(t, LC_F_ID),
			  lc_tech_get(t, LC_F_EDITION), who_of(t),
			  lc_tech_sector(t),
			  lc_tech_get(t, LC_F_NAME_ZH),
			  lc_tech_get(t, LC_F_NAME_EN)))
		return 1;
	return imp_dupes_full(u->dupes) ? 2 : 0;
}

/* Large inputs are written in a bulk transaction, whose memory does not
 * grow with the number of dossiers (the catalog's indexes are rebuilt at
 * the end instead). Large is some 20,000 dossiers or more: 16 MiB of XML
 * or 6 MiB of CSV (a CSV row is some 2.5 times shorter than the same
 * dossier in XML); $LOWCARB_BULK_BYTES sets one threshold for both. */
static int large_input(char *const *paths, size_t n,
		       const struct lc_import_opts *o)
{
	const char *env = getenv("LOWCARB_BULK_BYTES");
	double xml = 16.0 * 1024 * 1024, csv = 6.0 * 1024 * 1024, v;
	double total = 0;
	struct stat sb;

	if (env && lc_num_parse(env, &v) == 0 && v >= 0)
		xml = csv = v;
	for (size_t i = 0; i < n; i++) {
		struct lc_error e;
		int fmt;

		if (stat(paths[i], &sb) != 0 || !S_ISREG(sb.st_mode))
			continue;
		fmt = detect(paths[i], o, &e);
		/* in XML-equivalent bytes */
		total += (double)sb.st_size * (fmt == LC_FMT_CSV ?
					       xml / (csv > 0 ? csv : 1) : 1);
	}
	return total >= xml;
}

int lc_import_files(struct lc_catalog *cat, char *const *paths, size_t n,
		    const struct lc_import_opts *o,
		    const struct lc_import_report *rep,
		    struct lc_import_summary *sum, struct lc_error *err)
{
	struct run u;
	size_t i;
	int rc = run_init(&u, o, rep, 1, err);
	u.cat = cat;
	u.existing = -1;
	u.lineage = imp_lineage_new();
	if (rc == 0 && !u.lineage)
		rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				  "out of memory");
	if (rc == 0 && u.dupes) {
		struct lc_filter f;
		lc_filter_init(&f);
		u.existing = 0;
		rc = lc_catalog_each_tech(cat, &f, load_names, &u, err);
		if (rc == 2)
			rc = 0;
		if (rc > 0)
			rc = lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
					  "out of memory");
	}
	if (rc == 0)
		rc = large_input(paths, n, u.o) ? lc_catalog_begin_bulk(cat, err) :
			lc_catalog_begin(cat, err);
	if (rc) {
		run_free(&u);
		return rc;
	}
	for (i = 0; rc == 0 && i < n; i++)
		rc = run_file(&u, paths[i]);
	if (rc == 0 && !u.stop_storing)
		rc = imp_lineage_finish(u.lineage, u.dupes, &u.sink,
					u.o->accept_lineage, store_later, &u,
					err);
	imp_sink_flush(&u.sink);
	if (rc == 0 && u.stop_storing) {
		rc = lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				  "%ld problem%s found: nothing imported",
				  u.sink.problems,
				  u.sink.problems == 1 ? "" : "s");
	} else if (rc == 0 && u.sum.read == u.sum.rejected) {
		/* an import that could use nothing is not a success, even
		 * when told to skip what is invalid */
		rc = lc_error_set(err, LC_EDATA, NULL, 0, NULL,
				  "nothing imported: %s",
				  u.sum.read ? "no dossier is valid" :
				  "no dossier in the input");
	}
	if (rc == 0)
		rc = lc_catalog_commit(cat, err);
	else
		lc_catalog_abort(cat);
	if (rc) {
		u.sum.added = u.sum.updated = u.sum.unchanged = 0;
	} else if (rep && rep->stored && u.changes) {
		char *line = u.changes, *nl;
		while ((nl = strchr(line, '\n')) != NULL) {
			char *tab = strchr(line, '\t');
			*nl = '\0';
			if (tab) {
				*tab = '\0';
				rep->stored(line, LC_PUT_UPDATED, tab + 1,
					    rep->ctx);
			}
			line = nl + 1;
		}
		if (u.nchanges > MAX_CHANGES)
			rep->stored("...", LC_PUT_UPDATED, "(more not shown)",
				    rep->ctx);
	}
	finish_sum(&u, sum);
	run_free(&u);
	return rc;
}
