/* membad.c - the control of `make check-valgrind`: two memory errors that
 * memcheck must report with the options the suite runs lowcarb with (a
 * heap read one byte past a block, a branch on an uninitialised byte), so
 * that options which would hide them fail the target instead of passing
 * every case. Built -O2 like lowcarb; volatile keeps the reads. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	size_t n = 16 + (size_t)argc;
	volatile char *p = malloc(n);
	char past, fresh;

	(void)argv;
	if (!p)
		return 2;
	p[0] = 'x';
	past = p[n];		/* invalid read of size 1 */
	fresh = p[1];		/* never written */
	if (fresh == 'y')	/* conditional jump on uninitialised value */
		puts("y");
	printf("%d\n", past != 0);
	free((void *)p);
	return 0;
}
