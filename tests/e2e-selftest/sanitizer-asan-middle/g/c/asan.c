/* A heap buffer overflow: AddressSanitizer reports it and aborts. */
#include <stdlib.h>

int main(int argc, char **argv)
{
	char *p = malloc(4);
	int r;

	(void)argv;
	p[argc + 3] = 1;
	r = p[0];
	free(p);
	return r & 0;
}
