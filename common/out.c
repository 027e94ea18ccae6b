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

/* Room for one write of n bytes; stdout's buffer is static at first. */
void
out_grow(struct out *o, size_t n)
{
	if (o->buf == stdoutbuf)
		o->buf = emalloc(n);
	else
		o->buf = erealloc(o->buf, n);
	o->cap = n;
}

/*
 * A reader that went away is normal (`| head`): die by SIGPIPE as if it
 * had not been ignored, as git does.  Any other failure is fatal and loud.
 */
void
out_flush(struct out *o)
{
	size_t done = 0;
	ssize_t r;

	while (done < o->len) {
		r = write(o->fd, o->buf + done, o->len - done);
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
	o->len = 0;
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
