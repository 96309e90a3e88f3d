/* A leak: LeakSanitizer reports it at exit. */
#include <stdlib.h>

void *volatile keep;

int main(void)
{
	keep = malloc(100);
	keep = NULL;
	return 0;
}
