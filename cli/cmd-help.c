/* cmd-help.c - `lowcarb help [COMMAND]`. */
#include <string.h>
#include "cli/cli.h"

void cli_print_help(const struct cli_cmd *c)
{
	fputs(c->help, stdout);
	if (c->more)
		fputs(c->more, stdout);
}

static int run(int argc, char **argv)
{
	if (argc > 1) {
		for (int i = 0; cli_commands[i]; i++)
			if (strcmp(argv[1], cli_commands[i]->name) == 0) {
				cli_print_help(cli_commands[i]);
				return 0;
			}
		return cli_usage("help", "unknown command '%s'", argv[1]);
	}
	puts("usage: lowcarb [--catalog FILE] COMMAND [ARGS]\n"
	     "\n"
	     "lowcarb runs the annual selection of low-carbon technologies:\n"
	     "submissions in, panel scores, ranking, the Top 20 and the\n"
	     "roadmap out.\n\ncommands:");
	for (int i = 0; cli_commands[i]; i++)
		printf("  %-10s %s\n", cli_commands[i]->name,
		       cli_commands[i]->summary);
	puts("\n'lowcarb help COMMAND' (or COMMAND --help) tells more.\n"
	     "The catalog is --catalog FILE, else $LOWCARB_CATALOG, else\n"
	     "./lowcarb.tct. Exit status: 0 ok, 1 data or validation error,\n"
	     "2 usage error, 3 catalog or I/O error.");
	return 0;
}

const struct cli_cmd cli_cmd_help = {
	"help", "show help for lowcarb or one command",
	"usage: lowcarb help [COMMAND]\n", run, NULL
};
