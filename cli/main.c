/* main.c - the lowcarb front end: global options, then one command. */
#include <getopt.h>
#include <string.h>
#include "cli/cli.h"

#ifndef LC_VERSION
#define LC_VERSION "0"
#endif

const struct cli_cmd *const cli_commands[] = {
	&cli_cmd_init, &cli_cmd_template, &cli_cmd_validate, &cli_cmd_import,
	&cli_cmd_profile,
	&cli_cmd_list,
	&cli_cmd_show, &cli_cmd_history, &cli_cmd_track, &cli_cmd_stats,
	&cli_cmd_products,
	&cli_cmd_check,
	&cli_cmd_experts, &cli_cmd_conflicts, &cli_cmd_assign,
	&cli_cmd_sheets, &cli_cmd_scores, &cli_cmd_panel, &cli_cmd_audit,
	&cli_cmd_rank, &cli_cmd_explain, &cli_cmd_costs, &cli_cmd_notice, &cli_cmd_objection,
	&cli_cmd_publish, &cli_cmd_mcda, &cli_cmd_weights,
	&cli_cmd_ahp, &cli_cmd_benchmark, &cli_cmd_export, &cli_cmd_help, NULL
};

/* Takes --catalog FILE / --catalog=FILE out of argv wherever it stands
 * (before "--"); returns the new argc. */
static int strip_catalog(int argc, char **argv)
{
	int out = 1;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < argc)
				argv[out++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--catalog") == 0 && i + 1 < argc) {
			cli_set_catalog(argv[++i]);
			continue;
		}
		if (strncmp(argv[i], "--catalog=", 10) == 0) {
			cli_set_catalog(argv[i] + 10);
			continue;
		}
		argv[out++] = argv[i];
	}
	argv[out] = NULL;
	return out;
}

int main(int argc, char **argv)
{
	cli_i18n_init();
	argc = strip_catalog(argc, argv);
	if (argc < 2) {
		fprintf(stderr, _("usage: lowcarb [--catalog FILE] COMMAND "
			"[ARGS]\ntry 'lowcarb help'\n"));
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cli_cmd_help.run(argc - 1, argv + 1);
	if (strcmp(argv[1], "--version") == 0) {
		printf("lowcarb %s\n", LC_VERSION);
		return 0;
	}
	for (int i = 0; cli_commands[i]; i++) {
		if (strcmp(argv[1], cli_commands[i]->name) != 0)
			continue;
		/* `lowcarb CMD --help` is `lowcarb help CMD`. */
		for (int j = 2; j < argc && strcmp(argv[j], "--"); j++)
			if (strcmp(argv[j], "--help") == 0) {
				cli_print_help(cli_commands[i]);
				return 0;
			}
		optind = 0;
		return cli_commands[i]->run(argc - 1, argv + 1);
	}
	fprintf(stderr, _("lowcarb: unknown command '%s'\n"
			  "try 'lowcarb help'\n"), argv[1]);
	return 2;
}
