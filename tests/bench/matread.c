/* matread.c - the read-only anchor of the mcda figures in `make bench`:
 * reads a decision matrix CSV (first row criterion names, then a name and
 * C numbers a row) the way any reader must, keeping every name and every
 * number in memory (as `lowcarb mcda` does before it ranks), and prints
 * the rows, the columns and the sum of the numbers, so that nothing is
 * optimised away. No quoting, no checks beyond the numbers: a lower bound
 * for reading the file, not a CSV reader to use.
 * usage: matread FILE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	FILE *in;
	char *line = NULL, **names = NULL;
	size_t lcap = 0, rows = 0, ncap = 0, vn = 0, vcap = 0, cols = 0;
	double *v = NULL, sum = 0;
	ssize_t len;

	if (argc != 2) {
		fputs("usage: matread FILE\n", stderr);
		return 2;
	}
	in = fopen(argv[1], "r");
	if (!in) {
		perror(argv[1]);
		return 1;
	}
	if (getline(&line, &lcap, in) < 0)
		return 1;
	for (char *p = line; *p; p++)
		cols += *p == ',';
	while ((len = getline(&line, &lcap, in)) > 0) {
		char *p = strchr(line, ','), *end;

		if (!p)
			continue;
		if (rows == ncap) {
			ncap = ncap ? 2 * ncap : 1024;
			names = realloc(names, ncap * sizeof *names);
			if (!names)
				return 1;
		}
		names[rows++] = strndup(line, (size_t)(p - line));
		for (size_t j = 0; j < cols; j++) {
			if (vn == vcap) {
				vcap = vcap ? 2 * vcap : 8192;
				v = realloc(v, vcap * sizeof *v);
				if (!v)
					return 1;
			}
			v[vn] = strtod(p + 1, &end);
			if (end == p + 1) {
				fprintf(stderr, "matread: row %zu: not a "
					"number\n", rows);
				return 1;
			}
			sum += v[vn++];
			p = end;
		}
	}
	printf("%zu rows, %zu columns, sum %.17g\n", rows, cols, sum);
	return ferror(in) ? 1 : 0;
}
