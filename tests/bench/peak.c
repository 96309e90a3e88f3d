/* peak.c - runs a command and writes the peak of its anonymous memory
 * (RssAnon: heap, stacks, anonymous maps) and of its whole resident set
 * (VmHWM, which also counts the pages of files it maps, such as the
 * catalog) to a file, sampling /proc/PID/status every 5 ms; optionally
 * kills it after a number of seconds. For `make bench`, under GNU time.
 * usage: peak OUTFILE SECONDS|0 CMD [ARG...]
 * OUTFILE gets "ANON_KIB HWM_KIB STATUS" where STATUS is the command's
 * exit status, or "timeout" when it was killed at SECONDS. The exit
 * status is the command's (124 after a timeout). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void sample(pid_t pid, long *anon, long *hwm)
{
	char path[64], line[256];
	FILE *fp;
	long v;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	fp = fopen(path, "r");
	if (!fp)
		return;
	while (fgets(line, sizeof line, fp)) {
		if (sscanf(line, "RssAnon: %ld", &v) == 1 && v > *anon)
			*anon = v;
		else if (sscanf(line, "VmHWM: %ld", &v) == 1 && v > *hwm)
			*hwm = v;
	}
	fclose(fp);
}

int main(int argc, char **argv)
{
	long anon = 0, hwm = 0;
	double limit, t0;
	int st = 0, timed_out = 0;
	struct timespec tick = { 0, 5000000 }, now;
	pid_t pid;
	FILE *o;

	if (argc < 4) {
		fputs("usage: peak OUTFILE SECONDS|0 CMD [ARG...]\n", stderr);
		return 2;
	}
	limit = strtod(argv[2], NULL);
	clock_gettime(CLOCK_MONOTONIC, &now);
	t0 = (double)now.tv_sec + (double)now.tv_nsec * 1e-9;
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[3], argv + 3);
		perror(argv[3]);
		_exit(127);
	}
	for (;;) {
		pid_t r = waitpid(pid, &st, WNOHANG);

		if (r == pid)
			break;
		sample(pid, &anon, &hwm);
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (limit > 0 && !timed_out && (double)now.tv_sec +
		    (double)now.tv_nsec * 1e-9 - t0 >= limit) {
			kill(pid, SIGKILL);
			timed_out = 1;
		}
		nanosleep(&tick, NULL);
	}
	o = fopen(argv[1], "w");
	if (!o) {
		perror(argv[1]);
		return 2;
	}
	if (timed_out)
		fprintf(o, "%ld %ld timeout\n", anon, hwm);
	else
		fprintf(o, "%ld %ld %d\n", anon, hwm,
			WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
	if (fclose(o) != 0)
		return 2;
	if (timed_out)
		return 124;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
