/* lines.c: read a file or stdin in large blocks, one line at a time */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paperpipe.h"

#define BLOCK	(256 * 1024)
#define DIRECT	(64 * 1024)	/* lines_read reads this much or more itself */
/*
 * A regular file of LINES_MAPMIN bytes or more is mapped, and what is read
 * of it unmapped LINES_KEEP bytes at a time.  The sanitizer build maps
 * every file and unmaps at once, so that the tests go through this path
 * and a line kept past its time faults.
 */
#ifndef LINES_MAPMIN
#define LINES_MAPMIN	(1024 * 1024)
#endif
#ifndef LINES_KEEP
#define LINES_KEEP	(1024 * 1024)
#endif

/* The mapped file being read, for the message when it shrinks under us. */
static const char *mapname;

static void
onbus(int sig)
{
	static const char shrank[] = ": the file was cut short while it was "
	    "read\n";
	const char *name = mapname != NULL ? mapname : "input";

	(void)sig;
	(void)!write(2, argv0, strlen(argv0));
	(void)!write(2, ": ", 2);
	(void)!write(2, name, strlen(name));
	(void)!write(2, shrank, sizeof(shrank) - 1);
	_exit(EXIT_TROUBLE);
}

/*
 * Map a regular file (from its current offset) so that lines are read
 * where the page cache holds them, with no copy.  The part read is
 * unmapped as reading goes on, so what stays resident does not grow with
 * the file.  Returns 0 when the file is not mapped.
 */
static int
map(struct lines *l)
{
	static int handled;
	struct sigaction sa;
	struct stat st;
	off_t at, base;
	long page = sysconf(_SC_PAGESIZE);
	void *p;

	if (fstat(l->fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (at = lseek(l->fd, 0, SEEK_CUR)) == -1 ||
	    st.st_size - at < LINES_MAPMIN || page <= 0 ||
	    (uintmax_t)st.st_size > SIZE_MAX)
		return 0;
	base = at & ~(off_t)(page - 1);
	p = mmap(NULL, (size_t)(st.st_size - base), PROT_READ | PROT_WRITE,
	    MAP_PRIVATE, l->fd, base);
	if (p == MAP_FAILED)
		return 0;
	madvise(p, (size_t)(st.st_size - base), MADV_SEQUENTIAL);
	if (!handled) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = onbus;
		sigaction(SIGBUS, &sa, NULL);
		handled = 1;
	}
	mapname = l->name;
	l->buf = p;
	l->mapped = 1;
	l->base = base;
	l->kept = 0;
	l->pos = (size_t)(at - base);
	l->end = l->cap = (size_t)(st.st_size - base);
	return 1;
}

/* Let go of the mapped pages before pos, LINES_KEEP bytes at a time. */
static void
release(struct lines *l)
{
	size_t cut, page;

	if (!l->mapped || l->pos - l->kept < LINES_KEEP)
		return;
	page = (size_t)sysconf(_SC_PAGESIZE);
	cut = (l->pos - l->kept) & ~(page - 1);
	munmap(l->buf + l->kept, cut);
	l->kept += cut;
}

/*
 * The end of a mapped file: go on with read(2) from there (the file may
 * have grown since), keeping the unread part.
 */
static void
unmap(struct lines *l)
{
	size_t left = l->end - l->pos;
	char *b;

	l->cap = left > BLOCK ? 2 * left : BLOCK;
	b = emalloc(l->cap);
	memcpy(b, l->buf + l->pos, left);
	munmap(l->buf + l->kept, l->end - l->kept);
	if (lseek(l->fd, (off_t)l->base + (off_t)l->end, SEEK_SET) == -1) {
		warnf("%s: seek:", l->name);
		l->err = 1;
		l->eof = 1;
	}
	l->buf = b;
	l->base += (long long)l->pos;
	l->pos = 0;
	l->end = left;
	l->mapped = 0;
	mapname = NULL;
}

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
	if (!map(l)) {
		l->cap = BLOCK;
		l->buf = emalloc(l->cap);
		if ((l->base = lseek(l->fd, 0, SEEK_CUR)) == -1)
			l->base = 0;	/* a pipe: offsets count from here */
	}
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

	if (l->mapped)
		unmap(l);
	if (l->eof)
		return 0;
	if (l->pos > 0) {
		memmove(l->buf, l->buf + l->pos, l->end - l->pos);
		l->base += (long long)l->pos;
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
 * For format detection, and for readers that scan a byte stream in place
 * and consume it with lines_skip (a mapped file is all there at once).
 */
size_t
lines_peek(struct lines *l, size_t want, const char **p)
{
	while (l->end - l->pos < want && !l->eof)
		fill(l);
	*p = l->buf + l->pos;
	return l->end - l->pos;
}

/* Consume n bytes of what lines_peek made available. */
void
lines_skip(struct lines *l, size_t n)
{
	l->pos += n < l->end - l->pos ? n : l->end - l->pos;
	release(l);
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

	release(l);
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
	if (l->mapped) {
		munmap(l->buf + l->kept, l->end - l->kept);
		mapname = NULL;
	} else
		free(l->buf);
	if (l->fd > 0)
		close(l->fd);
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
	ssize_t r;
	size_t k;

	release(l);
	/* Nothing buffered and a large read: straight into dst. */
	if (l->pos == l->end && !l->eof && !l->mapped && n >= DIRECT) {
		l->base += (long long)l->end;
		l->pos = l->end = 0;
		if ((r = readsome(l, dst, n)) > 0)
			l->base += r;
		return (long long)r;
	}
	if (l->pos == l->end && !l->eof) {
		if (!l->mapped) {
			l->base += (long long)l->end;
			l->pos = l->end = 0;
		}
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

/*
 * The offset in the file (from where it was when opened, for a pipe) of
 * p, a byte that lines_next, lines_peek or lines_read has made available.
 */
long long
lines_offset(const struct lines *l, const char *p)
{
	return l->base + (p - l->buf);
}
