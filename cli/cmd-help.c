/* cmd-help.c - `lowcarb help [COMMAND]`. */
#include <string.h>
#include "cli/cli.h"

void cli_print_help(const struct cli_cmd *c)
{
	fputs(_(c->help), stdout);
	if (c->more)
		fputs(_(c->more), stdout);
}

/* Levenshtein distance of a and b, both at most 31 bytes long (longer
 * ones count as far). */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[32];

	if (la > 31 || lb > 31)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

/* Unknown command name: the nearest commands (distance at most 2), else
 * the list; exit 2. */
static int unknown(const char *name)
{
	size_t best = 3;
	const char *sep = "";

	for (int i = 0; cli_commands[i]; i++) {
		size_t d = distance(name, cli_commands[i]->name);

		if (d < best)
			best = d;
	}
	fprintf(stderr, _("lowcarb: help: unknown command '%s'\n"), name);
	if (best <= 2) {
		fputs(_("did you mean "), stderr);
		for (int i = 0; cli_commands[i]; i++)
			if (distance(name, cli_commands[i]->name) == best) {
				fprintf(stderr, _("%s'lowcarb help %s'"), sep,
					cli_commands[i]->name);
				sep = _(" or ");
			}
		fputs(_("?\n"), stderr);
	}
	fputs(_("try 'lowcarb help' for the list of commands\n"), stderr);
	return 2;
}

/* s as roff text in a no-fill block: backslashes as \e, a line that
 * would read as a request ('.' or '\'' first) guarded by \&. */
static void roff(const char *s)
{
	int bol = 1;

	for (; *s; s++) {
		if (bol && (*s == '.' || *s == '\''))
			fputs("\\&", stdout);
		if (*s == '\\')
			fputs("\\e", stdout);
		else
			putchar(*s);
		bol = *s == '\n';
	}
	if (!bol)
		putchar('\n');
}

/* The man page's COMMANDS section, from the same text as help: make
 * builds lowcarb.1 with it (one source of truth). */
static int man(void)
{
	puts(".SH COMMANDS");
	for (int i = 0; cli_commands[i]; i++) {
		printf(".SS %s\n", cli_commands[i]->name);
		roff(cli_commands[i]->summary);
		puts(".PP\n.nf");
		roff(cli_commands[i]->help);
		if (cli_commands[i]->more)
			roff(cli_commands[i]->more);
		puts(".fi");
	}
	return 0;
}

static int run(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--man"))
		return man();
	if (argc > 1) {
		for (int i = 0; cli_commands[i]; i++)
			if (strcmp(argv[1], cli_commands[i]->name) == 0) {
				cli_print_help(cli_commands[i]);
				return 0;
			}
		return unknown(argv[1]);
	}
	puts(_("usage: lowcarb [--catalog FILE] COMMAND [ARGS]\n"
	     "\n"
	     "lowcarb runs the annual selection of low-carbon technologies:\n"
	     "submissions in, panel scores, ranking, the Top 20 and the\n"
	     "roadmap out.\n\ncommands:"));
	for (int i = 0; cli_commands[i]; i++)
		printf("  %-10s %s\n", cli_commands[i]->name,
		       _(cli_commands[i]->summary));
	puts(_("\n'lowcarb help COMMAND' (or COMMAND --help) tells more.\n"
	     "The catalog is --catalog FILE, else $LOWCARB_CATALOG, else\n"
	     "./lowcarb.tct. Exit status: 0 ok, 1 data or validation error,\n"
	     "2 usage error, 3 catalog or I/O error. 'lowcarb --version'\n"
	     "prints the version."));
	return 0;
}

const struct cli_cmd cli_cmd_help = {
	"help", N_("show help for lowcarb or one command"),
	N_("usage: lowcarb help [COMMAND]\n"
	"       lowcarb help --man\n"
	"\n"
	"--man prints every command's help as the COMMANDS section of the\n"
	"man page (roff); make builds lowcarb.1 with it.\n"), run, NULL
};
