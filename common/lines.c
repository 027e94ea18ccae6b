/* lines.c: read a file or stdin in large blocks, one line at a time */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paperpipe.h"

#define BLOCK	(256 * 1024)
#define DIRECT	(64 * 1024)	/* lines_read reads this much or more itself */

/* Open path ("-" is stdin); on failure warn and return -1. */
int
lines_open(struct lines *l, const char *path)
{
	memset(l, 0, sizeof(*l));
	if (strcmp(path, "-") == 0) {
		l->fd = 0;
		l->name = "<stdin>";
	} else {
		l->name = path;
		if ((l->fd = open(path, O_RDONLY)) == -1) {
			warnf("%s:", path);
			return -1;
		}
	}
	l->cap = BLOCK;
	l->buf = emalloc(l->cap);
	return 0;
}

/* One read(2) into dst, again after a signal; the end or an error is noted. */
static ssize_t
readsome(struct lines *l, void *dst, size_t n)
{
	ssize_t r;

	while ((r = read(l->fd, dst, n)) < 0)
		if (errno != EINTR) {
			warnf("%s: read error:", l->name);
			l->err = 1;
			l->eof = 1;
			return -1;
		}
	if (r == 0)
		l->eof = 1;
	return r;
}

/* Read more input after the unread part, growing the buffer for long lines. */
static int
fill(struct lines *l)
{
	ssize_t r;

	if (l->pos > 0) {
		memmove(l->buf, l->buf + l->pos, l->end - l->pos);
		l->end -= l->pos;
		l->pos = 0;
	}
	if (l->end == l->cap) {
		l->cap *= 2;
		l->buf = erealloc(l->buf, l->cap);
	}
	if ((r = readsome(l, l->buf + l->end, l->cap - l->end)) < 0)
		return -1;
	l->end += r;
	return (int)(r > 0);
}

/*
 * Make at least want bytes of unread input available (fewer at the end of
 * input) without consuming them; point *p at them and return how many.
 * For format detection from a file's first lines.
 */
size_t
lines_peek(struct lines *l, size_t want, const char **p)
{
	while (l->end - l->pos < want && !l->eof)
		fill(l);
	*p = l->buf + l->pos;
	return l->end - l->pos;
}

/*
 * Return the next line's length and point *line at it (valid until the next
 * call), without its "\n" or "\r\n"; -1 at the end of input or on a read
 * error.  A last line without a newline is still a line.  No length limit.
 */
long long
lines_next(struct lines *l, char **line)
{
	char *nl, *s;
	size_t scanned = 0, n;

	for (;;) {
		nl = memchr(l->buf + l->pos + scanned, '\n',
		    l->end - l->pos - scanned);
		if (nl != NULL)
			break;
		if (l->eof) {
			if (l->end == l->pos)
				return -1;
			nl = l->buf + l->end;
			break;
		}
		scanned = l->end - l->pos;
		fill(l);
	}
	s = l->buf + l->pos;
	n = nl - s;
	l->pos = nl - l->buf + (nl < l->buf + l->end);
	l->lineno++;
	l->crlf = n > 0 && s[n - 1] == '\r';
	if (l->crlf)
		n--;
	*line = s;
	return (long long)n;
}

/* Close and free; returns 1 if a read error happened, else 0. */
int
lines_close(struct lines *l)
{
	if (l->fd > 0)
		close(l->fd);
	free(l->buf);
	l->buf = NULL;
	return l->err;
}

/*
 * Read up to n raw bytes of what lines_next has not consumed, for readers
 * that parse a byte stream (XML, JSON) rather than lines: 0 at the end of
 * input, -1 on a read error.  Line numbers are not kept.  When nothing is
 * buffered, a request of DIRECT bytes or more is read into dst directly,
 * saving a copy.
 */
long long
lines_read(struct lines *l, char *dst, size_t n)
{
	size_t k;

	/* Nothing buffered and a large read: straight into dst. */
	if (l->pos == l->end && !l->eof && n >= DIRECT)
		return (long long)readsome(l, dst, n);
	if (l->pos == l->end && !l->eof) {
		l->pos = l->end = 0;
		fill(l);
	}
	if (l->err)
		return -1;
	k = l->end - l->pos;
	if (k > n)
		k = n;
	memcpy(dst, l->buf + l->pos, k);
	l->pos += k;
	return (long long)k;
}
