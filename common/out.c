/* out.c: buffered, checked output; quiet on a closed pipe, loud otherwise */
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paperpipe.h"

#define OUTBUF	(128 * 1024)

static char stdoutbuf[OUTBUF];
struct out out_stdout = { 1, "<stdout>", stdoutbuf, 0, OUTBUF, 0 };

void
out_open(struct out *o, int fd, const char *name)
{
	o->fd = fd;
	o->name = name;
	o->buf = emalloc(OUTBUF);
	o->len = 0;
	o->cap = OUTBUF;
	o->err = 0;
}

/*
 * A reader that went away is normal (`| head`): die by SIGPIPE as if it
 * had not been ignored, as git does.  Any other failure is fatal and loud.
 */
static void
writeall(struct out *o, const char *p, size_t n)
{
	size_t done = 0;
	ssize_t r;

	while (done < n) {
		r = write(o->fd, p + done, n - done);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE) {
				signal(SIGPIPE, SIG_DFL);
				raise(SIGPIPE);
				_exit(EXIT_TROUBLE);
			}
			die(EXIT_TROUBLE, "%s: write error:", o->name);
		}
		done += r;
	}
}

void
out_flush(struct out *o)
{
	writeall(o, o->buf, o->len);
	o->len = 0;
}

/*
 * More than a buffer's worth at once: flush, then write it straight through
 * (stdout's buffer is static and cannot grow).
 */
void
out_big(struct out *o, const void *p, size_t n)
{
	out_flush(o);
	writeall(o, p, n);
}

/* Flush and close; returns 0 (a failure has already exited). */
int
out_close(struct out *o)
{
	out_flush(o);
	if ((o->fd > 2 || o == &out_stdout) && close(o->fd) == -1)
		die(EXIT_TROUBLE, "%s: close:", o->name);
	if (o != &out_stdout) {
		free(o->buf);
		o->buf = NULL;
	}
	return 0;
}
