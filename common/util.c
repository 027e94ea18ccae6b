/* util.c: diagnostics, checked allocation and number parsing */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"

const char *argv0 = "paperpipe";

void
setprogname(const char *s)
{
	const char *slash = strrchr(s, '/');

	argv0 = slash ? slash + 1 : s;
}

/* A format ending in ':' gets ": strerror(errno)" appended, as in sbase. */
static void
vwarnf(const char *fmt, va_list ap)
{
	int saved = errno;
	size_t n = strlen(fmt);

	fprintf(stderr, "%s: ", argv0);
	vfprintf(stderr, fmt, ap);
	if (n > 0 && fmt[n - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
}

void
warnf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnf(fmt, ap);
	va_end(ap);
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnf(fmt, ap);
	va_end(ap);
	exit(status);
}

void *
emalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		die(EXIT_TROUBLE, "malloc:");
	return p;
}

void *
ecalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		die(EXIT_TROUBLE, "calloc:");
	return p;
}

void *
erealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		die(EXIT_TROUBLE, "realloc:");
	return p;
}

char *
estrdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		die(EXIT_TROUBLE, "strdup:");
	return p;
}

/* Parse a decimal integer in [min, max]; a bad one is a usage error. */
long long
estrtonum(const char *s, long long min, long long max, const char *what)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (s[0] == '\0' || *end != '\0')
		die(EXIT_USAGE, "%s: %s: not a number", what, s);
	if (errno == ERANGE || v < min || v > max)
		die(EXIT_USAGE, "%s: %s: out of range %lld to %lld",
		    what, s, min, max);
	return v;
}

/*
 * Make sure descriptors 0, 1 and 2 are open (on /dev/null when they were
 * closed), so that no file opened later takes their place and receives
 * records or diagnostics meant for them.
 */
void
stdfds(void)
{
	int fd;

	for (fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) == -1 && errno == EBADF &&
		    open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) == -1)
			abort();	/* nowhere to say so */
}
