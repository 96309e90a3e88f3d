/* Signed overflow: UndefinedBehaviorSanitizer reports it and, with
 * halt_on_error=1, exits non-zero. */
#include <limits.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	int x = INT_MAX;

	(void)argv;
	x += argc;
	printf("%d\n", x);
	return 0;
}
