/* fuzz.h - what every fuzz harness shares: the input bytes written to a
 * file in /dev/shm (the readers take paths, as the binary does), and the
 * data files found beside the tree. */
#ifndef LC_FUZZ_H
#define LC_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Writes data to a per-process file and returns its path (static). */
static inline const char *fuzz_file(const uint8_t *data, size_t size,
				    const char *ext)
{
	static char path[64];
	FILE *fp;

	snprintf(path, sizeof path, "/dev/shm/lowcarb-fuzz-%d%s",
		 (int)getpid(), ext);
	fp = fopen(path, "wb");
	if (!fp)
		abort();
	if (size && fwrite(data, 1, size, fp) != size)
		abort();
	fclose(fp);
	return path;
}

/* LOWCARB_DATA defaults to data/ of the tree the fuzzer runs in. */
static inline void fuzz_data(void)
{
	setenv("LOWCARB_DATA", "data", 0);
}

#endif
