/* files.c - opening an input file the same way for every reader: "-" is
 * standard input; a FIFO, a pipe or a device is read once into an
 * anonymous temporary file, so that a reader may look at it twice (sniff
 * the encoding, then parse) and an endless stream stops at a limit; a
 * directory or an input above the size limit is refused by name. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <nettle/sha2.h>
#include "catalog/catalog.h"

#define DEFAULT_MAX (4LL << 30)    /* 4 GiB */
#define MAX_SPOOLED 16

/* Inputs already read once (a stream cannot be read twice): the path as
 * given and the descriptor of its unlinked copy. Lives for the process. */
static struct {
	char *path;
	int fd;
	long long size;
} spooled[MAX_SPOOLED];
static size_t nspooled;

int lc_input_limit(long long *out, struct lc_error *err)
{
	const char *s = getenv("LOWCARB_MAX_INPUT");
	double v;

	*out = DEFAULT_MAX;
	if (!s || !*s)
		return 0;
	if (lc_num_parse(s, &v) != 0 || !(v >= 1) || v > 9e18 ||
	    v != (double)(long long)v)
		return lc_error_set(err, LC_EUSAGE, NULL, 0,
				    "LOWCARB_MAX_INPUT", "'%s' is not a "
				    "whole number of bytes", s);
	*out = (long long)v;
	return 0;
}

static int too_big(const char *path, long long limit, struct lc_error *err)
{
	return lc_error_set(err, LC_EDATA, path, 0, NULL,
			    "input larger than %lld bytes: refused (an "
			    "endless stream? LOWCARB_MAX_INPUT sets the "
			    "limit)", limit);
}

/* Copies the stream fd into an unlinked temporary file, up to limit
 * bytes and no further than a NUL byte (no text input holds one: the
 * reader reports it at its line, and /dev/zero ends at once). */
static int spool(const char *path, int in, long long limit, int *out,
		 long long *size, struct lc_error *err)
{
	const char *dir = getenv("TMPDIR");
	char tmpl[4096], buf[65536];
	long long total = 0;
	int fd;

	snprintf(tmpl, sizeof tmpl, "%s/lowcarb-in-XXXXXX",
		 dir && *dir ? dir : "/tmp");
	fd = mkstemp(tmpl);
	if (fd < 0)
		return lc_error_set(err, LC_EIO, path, 0, NULL,
				    "unable to make a temporary copy: %s",
				    strerror(errno));
	unlink(tmpl);
	for (;;) {
		ssize_t n = read(in, buf, sizeof buf);
		char *nul;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;

			close(fd);
			return lc_error_set(err, LC_EIO, path, 0, NULL,
					    "read error: %s", strerror(e));
		}
		if (n == 0)
			break;
		nul = memchr(buf, '\0', (size_t)n);
		if (nul)
			n = nul - buf + 1;
		if (total + n > limit) {
			close(fd);
			return too_big(path, limit, err);
		}
		if (write(fd, buf, (size_t)n) != n) {
			int e = errno;

			close(fd);
			return lc_error_set(err, LC_EIO, path, 0, NULL,
					    "unable to make a temporary copy: "
					    "%s", strerror(e));
		}
		total += n;
		if (nul)
			break;
	}
	*out = fd;
	*size = total;
	return 0;
}

/* A new stream on the copy, with its own offset. */
static FILE *reopen(int fd)
{
	char proc[64];
	int nfd;
	FILE *fp;

	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	nfd = open(proc, O_RDONLY);
	if (nfd < 0) {
		/* no /proc: a duplicate shares the offset, which is enough
		 * for readers that look at an input one after the other */
		nfd = dup(fd);
		if (nfd >= 0)
			lseek(nfd, 0, SEEK_SET);
	}
	if (nfd < 0)
		return NULL;
	fp = fdopen(nfd, "rb");
	if (!fp)
		close(nfd);
	return fp;
}

FILE *lc_file_open(const char *path, long long *size, struct lc_error *err)
{
	struct stat sb;
	long long limit, got = 0;
	int stdin_ = strcmp(path, "-") == 0, fd, e;
	FILE *fp;

	if (size)
		*size = -1;
	if (lc_input_limit(&limit, err) < 0)
		return NULL;
	for (size_t i = 0; i < nspooled; i++)
		if (strcmp(spooled[i].path, path) == 0) {
			fp = reopen(spooled[i].fd);
			if (!fp)
				lc_error_set(err, LC_EIO, path, 0, NULL,
					     "unable to open: %s",
					     strerror(errno));
			else if (size)
				*size = spooled[i].size;
			return fp;
		}
	if (!stdin_ && stat(path, &sb) != 0) {
		lc_error_set(err, LC_EIO, path, 0, NULL, "unable to open: %s",
			     strerror(errno));
		return NULL;
	}
	/* a path to our own standard input when that is a pipe or a FIFO
	 * (/dev/stdin, /dev/fd/0): reopening it would wait for a writer
	 * once the one feeding us has closed, so it is read as "-" */
	if (!stdin_ && (S_ISFIFO(sb.st_mode) || S_ISSOCK(sb.st_mode))) {
		struct stat in;

		stdin_ = fstat(0, &in) == 0 && in.st_dev == sb.st_dev &&
			 in.st_ino == sb.st_ino;
	}
	if (!stdin_ && S_ISDIR(sb.st_mode)) {
		lc_error_set(err, LC_EIO, path, 0, NULL,
			     "is a directory, not a file");
		return NULL;
	}
	if (!stdin_ && S_ISREG(sb.st_mode)) {
		if ((long long)sb.st_size > limit) {
			too_big(path, limit, err);
			return NULL;
		}
		fp = fopen(path, "rb");
		if (!fp)
			lc_error_set(err, LC_EIO, path, 0, NULL,
				     "unable to open: %s", strerror(errno));
		else if (size)
			*size = (long long)sb.st_size;
		return fp;
	}
	if (nspooled == MAX_SPOOLED) {
		lc_error_set(err, LC_EUSAGE, path, 0, NULL, "more than %d "
			     "inputs that are not files", MAX_SPOOLED);
		return NULL;
	}
	fd = stdin_ ? dup(0) : open(path, O_RDONLY);
	if (fd < 0) {
		lc_error_set(err, LC_EIO, path, 0, NULL, "unable to open: %s",
			     strerror(errno));
		return NULL;
	}
	e = spool(path, fd, limit, &spooled[nspooled].fd, &got, err);
	close(fd);
	if (e < 0)
		return NULL;
	spooled[nspooled].path = strdup(path);
	if (!spooled[nspooled].path) {
		close(spooled[nspooled].fd);
		lc_error_set(err, LC_ENOMEM, path, 0, NULL, "out of memory");
		return NULL;
	}
	spooled[nspooled].size = got;
	nspooled++;
	return lc_file_open(path, size, err);
}

int lc_file_sha256(const char *path, char hex[65], struct lc_error *err)
{
	static const char digits[] = "0123456789abcdef";
	FILE *fp = lc_file_open(path, NULL, err);
	struct sha256_ctx c;
	uint8_t d[SHA256_DIGEST_SIZE], buf[65536];
	size_t n;
	int bad;

	if (!fp)
		return err ? err->status : LC_EIO;
	sha256_init(&c);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		sha256_update(&c, n, buf);
	bad = ferror(fp);
	fclose(fp);
	if (bad)
		return lc_error_set(err, LC_EIO, path, 0, NULL, "read error");
	sha256_digest(&c, sizeof d, d);
	for (size_t i = 0; i < sizeof d; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[64] = '\0';
	return 0;
}
