/* cli.h - the lowcarb command-line front end: one file per command, each
 * exporting a struct cli_cmd that main.c lists. Commands parse arguments,
 * call the library and print; they hold no domain logic. */
#ifndef LC_CLI_H
#define LC_CLI_H

#include <getopt.h>
#include <libintl.h>
#include <stdio.h>
#include "catalog/catalog.h"

/* Messages to the terminal go through gettext (i18n.c): _("text") where
 * it is printed, N_("text") to mark a text kept for later (the commands'
 * help). po/lowcarb.pot lists them (make pot). */
#define _(s) gettext(s)
#define N_(s) (s)

/* Sets the messages' language from the environment (LANGUAGE,
 * LC_ALL, LC_MESSAGES, LANG) and finds the catalogs. */
void cli_i18n_init(void);

/* A command: run() gets argv with argv[0] the command name (global
 * options already removed) and returns the process exit code. */
struct cli_cmd {
	const char *name;
	const char *summary;   /* one line for `lowcarb help` (N_: printed
				* through gettext) */
	const char *help;      /* full usage text for `lowcarb help NAME`
				* (N_, as more) */
	int (*run)(int argc, char **argv);
	const char *more;      /* the help's continuation, or NULL (C17
				* bounds one string literal at 4095 bytes) */
};

/* Prints the command's full help to standard output. */
void cli_print_help(const struct cli_cmd *c);

extern const struct cli_cmd cli_cmd_init, cli_cmd_list, cli_cmd_show,
	cli_cmd_history, cli_cmd_stats, cli_cmd_help, cli_cmd_validate,
	cli_cmd_import, cli_cmd_mcda, cli_cmd_weights, cli_cmd_ahp,
	cli_cmd_rank, cli_cmd_explain, cli_cmd_experts, cli_cmd_conflicts,
	cli_cmd_assign, cli_cmd_sheets, cli_cmd_scores, cli_cmd_panel,
	cli_cmd_audit, cli_cmd_export, cli_cmd_check, cli_cmd_notice,
	cli_cmd_objection, cli_cmd_publish, cli_cmd_profile, cli_cmd_track,
	cli_cmd_benchmark, cli_cmd_costs, cli_cmd_products,
	cli_cmd_template;

/* NULL-terminated list of every command, in help order. */
extern const struct cli_cmd *const cli_commands[];

/* The catalog chosen by --catalog, $LOWCARB_CATALOG or the default. */
const char *cli_catalog(void);
void cli_set_catalog(const char *path);

/* Opens the chosen catalog (mode: enum lc_open_mode); on failure prints the
 * error and returns the exit code (non-zero), else 0 and *cat is set. */
int cli_open(struct lc_catalog **cat, int mode);

/* Prints "lowcarb: file:line: field: message" on stderr; returns the exit
 * code for err->status. */
int cli_fail(const struct lc_error *err);
/* Prints "lowcarb: CMD: message" and a hint to `lowcarb help CMD` on
 * stderr; returns 2. */
int cli_usage(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The filter options of `list`, shared by every command that selects
 * dossiers the same way (`export catalog`): put CLI_FILTER_OPTIONS in the
 * getopt_long option table, and pass each option to cli_filter_opt, which
 * fills f and returns 1 when it was a filter option, 0 when it was not,
 * 2 (usage error printed) when its value is bad. Uses the option values
 * 'e', 's', 'c', 'm', 'M', 't', 'x', 'o'. */
#define CLI_FILTER_OPTIONS \
	{ "edition", required_argument, NULL, 'e' }, \
	{ "sector", required_argument, NULL, 's' }, \
	{ "category", required_argument, NULL, 'c' }, \
	{ "min-trl", required_argument, NULL, 'm' }, \
	{ "max-trl", required_argument, NULL, 'M' }, \
	{ "status", required_argument, NULL, 't' }, \
	{ "match", required_argument, NULL, 'x' }, \
	{ "sort", required_argument, NULL, 'o' }
int cli_filter_opt(const char *cmd, int c, const char *arg,
		   struct lc_filter *f);

/* Parses a whole decimal integer in [lo, hi]; 0 ok, -1 otherwise. */
int cli_int(const char *s, long lo, long hi, long *out);

/* Prints "lowcarb: file:line: field: message" for e on stderr: the
 * problem callback of the library's validating readers (ctx unused). */
void cli_problem(const struct lc_error *e, void *ctx);

/* "lowcarb CMD SUB ...": when (*argv)[1] is sub, drops the command name
 * so that (*argv)[0] is sub and returns 0; otherwise prints "CMD: missing
 * subcommand 'SUB'" (cli_usage) and returns 2. */
int cli_subcommand(const char *cmd, const char *sub, int *argc,
		   char ***argv);

/* The getopt_long loop of a command: parses argv (argv[0] the command or
 * subcommand name; optind is reset here) with shortopts and opts (NULL-
 * terminated). For each option found, val[i] (i the index in opts of the
 * entry whose .val getopt returned; the caller NULLs val first) receives
 * its argument, or "" for an option without one; the last one wins.
 * Returns 0 with *first the index of the first operand, or 2 after
 * printing the usage error: "bad option" for an unknown option or a
 * missing value, "unexpected argument 'X'" when there are more than
 * maxargs operands (maxargs < 0: any number). */
int cli_options(const char *cmd, int argc, char **argv,
		const char *shortopts, const struct option *opts,
		const char **val, int maxargs, int *first);

/* The index of name in allowed (a comma-separated list, e.g.
 * "table,csv,json") into *out: returns 0, or 2 after printing "CMD:
 * unknown format 'NAME'" followed by " (HINT)" when hint is not NULL. */
int cli_format(const char *cmd, const char *name, const char *allowed,
	       const char *hint, int *out);

/* The arguments of a list subcommand (argv[0] "list"): only "--format
 * NAME" or "--format=NAME", NAME one of allowed (see cli_format; *fmt its
 * index, left as is when not given). Returns 0, or 2 after printing
 * "CMD: list: bad argument 'ARG' (--format A|B|C)". */
int cli_list_format(const char *cmd, int argc, char **argv,
		    const char *allowed, int *fmt);

/* A subcommand: "lowcarb CMD NAME ..." runs run(argc, argv) with argv[0]
 * NAME. */
struct cli_sub {
	const char *name;
	int (*run)(int argc, char **argv);
};
/* Runs the entry of subs (ended by a NULL name) named argv[1] and
 * returns its exit code; without one prints "CMD: missing subcommand (A
 * or B)", for another name "CMD: unknown subcommand 'X'", and returns 2. */
int cli_dispatch(const char *cmd, int argc, char **argv,
		 const struct cli_sub *subs);

/* "lowcarb CMD list [--format table|csv|json]" over the panel's records
 * of kind (see lc_rows_kind): parses the arguments (cli_list_format),
 * opens the catalog read-only and writes the records through o, whose
 * ncol becomes csv_ncol with --format csv when csv_ncol is not 0.
 * Returns the exit code (errors printed). */
struct lc_rows;
int cli_list_kind(const char *cmd, int argc, char **argv, const char *kind,
		  const char *const *from, struct lc_rows *o,
		  size_t csv_ncol);

/* The output of a command (out.c): a temporary beside -o FILE, renamed
 * into place by cli_out_finish only when all was written, or stdout
 * (path NULL or "-"). */
struct cli_out {
	FILE *fp;
	char *tmp;            /* owned: the temporary's name */
	const char *path;     /* borrowed; NULL for stdout */
};
/* 0, or the exit code after printing why the output cannot be made. */
int cli_out_open(struct cli_out *o, const char *path);
/* Closes o; rc < 0 or a write error removes the temporary and prints
 * err (named after the output when it names no file). Returns the exit
 * code. */
int cli_out_finish(struct cli_out *o, int rc, struct lc_error *err);
/* Checks --format of a document (html, fodt or md; md needs -o FILE):
 * 0, or 2 after printing the usage error. */
int cli_doc_format(const char *cmd, const char *format, const char *out);
/* Writes doc (not freed) as format to out; returns the exit code. */
struct lc_doc;
int cli_doc_write(struct lc_doc *doc, const char *format, const char *out);
/* ---- foreign layouts (cmd-profile.c) ----------------------------------
 * What `import --profile` and `validate --profile` share. */
struct lc_mapping;
/* Loads the mapping profile (NULL profile: none, and then no edition
 * either); checks that an edition is a year and is given when the
 * profile needs one. Returns 0 with *out set (NULL without a profile;
 * free with lc_mapping_free), or the exit code after printing why. */
int cli_mapping(const char *cmd, const char *profile, const char *edition,
		struct lc_mapping **out);
/* Rows skipped, counted by reason (the first 16 reasons; the rest as
 * "other"). */
struct cli_skips {
	struct { char reason[200]; long count; } v[16];
	size_t n;
	long total, other;
};
void cli_skips_add(struct cli_skips *k, const char *reason);
/* "skipped N rows: REASON" lines on stdout. */
void cli_skips_print(const struct cli_skips *k);

/* ---- published assumptions and costs (assumptions.c) ------------------ */
struct lc_assumptions;
/* Loads the assumptions file path (--assumptions; NULL: the default
 * data/assumptions/default.xml): 0 with *out set (free with
 * lc_assumptions_free), or the exit code after printing why. */
int cli_assumptions(const char *path, struct lc_assumptions **out);
/* Writes "assumptions": {"path": ..., "sha256": ...} (no comma). */
void cli_assumptions_json(FILE *fp, const struct lc_assumptions *a);
/* A cost figure in buf: "" for NaN, rounded to 2 decimals when round2,
 * else the shortest round trip; the catalog's codec (no locale).
 * Returns buf. */
char *cli_cost_num(double v, int round2, char *buf, size_t n);
/* The cost check of validate and import: when t's stated abatement cost
 * diverges from the computed one beyond a's tolerance, or has the
 * opposite sign, fills e ("file:line: abatement_cost: stated X differs
 * from computed Y (...the inputs...)") and returns 1; else 0. a NULL:
 * the shipped defaults. */
int cli_cost_warning(const struct lc_tech *t, const char *file, long line,
		     const struct lc_assumptions *a, struct lc_error *e);

#endif
