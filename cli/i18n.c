/* i18n.c - the language of lowcarb's messages: GNU gettext, text domain
 * "lowcarb", the catalogs compiled from po/ by make. Only what is printed
 * on the terminal changes language; numbers, files and exports do not
 * (LC_NUMERIC and the rest stay "C"). */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/cli.h"

#ifndef LC_LOCALEDIR
#define LC_LOCALEDIR "/usr/local/share/locale"
#endif

/* 1 when dir holds a compiled catalog of lowcarb (the Chinese one, the
 * only language shipped). */
static int has_catalog(const char *dir)
{
	char path[4300];
	struct stat st;

	if ((size_t)snprintf(path, sizeof path,
			     "%s/zh_CN/LC_MESSAGES/lowcarb.mo", dir) >=
	    sizeof path)
		return 0;
	return stat(path, &st) == 0;
}

/* Where the catalogs are, into buf: $LOWCARB_LOCALEDIR; else beside the
 * binary as the build tree has them (./lowcarb: build/locale; build/rel/
 * lowcarb: ../locale); else ../share/locale from an installed binary;
 * else the LOCALEDIR compiled in (make install puts them there). */
static const char *locale_dir(char *buf, size_t n)
{
	static const char *const rel[] = {
		"build/locale", "../locale", "../share/locale"
	};
	const char *env = getenv("LOWCARB_LOCALEDIR");
	char exe[4096];

	if (env && *env)
		return env;
	if (lc_exe_dir(exe, sizeof exe) == 0) {
		for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
			if ((size_t)snprintf(buf, n, "%s/%s", exe, rel[i]) <
			    n && has_catalog(buf))
				return buf;
		}
	}
	return LC_LOCALEDIR;
}

void cli_i18n_init(void)
{
	static char dir[4200];

	/* LANGUAGE, LC_ALL, LC_MESSAGES, LANG as gettext reads them; a
	 * locale the system lacks leaves "C": English */
	setlocale(LC_MESSAGES, "");
	bindtextdomain("lowcarb", locale_dir(dir, sizeof dir));
	/* the terminal gets UTF-8 whatever LC_CTYPE says (it stays "C") */
	bind_textdomain_codeset("lowcarb", "UTF-8");
	textdomain("lowcarb");
}
