/* text.c: trimming, prefix tests, byte order marks, FILE:LINE: messages */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "util.h"

#define NBSP	"\xc2\xa0"		/* U+00A0 NO-BREAK SPACE */

/* White space: ASCII space, tab, CR, LF, VT, FF. */
static int
isspc(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
 * s[0..*n) without its leading white space, *n updated: ASCII white space
 * and the no-break spaces (U+00A0) a browser's copy leaves for &nbsp;.
 */
const char *
trim_left(const char *s, size_t *n)
{
	for (;;) {
		if (*n > 0 && isspc(*s)) {
			s++;
			(*n)--;
		} else if (*n >= 2 && memcmp(s, NBSP, 2) == 0) {
			s += 2;
			*n -= 2;
		} else
			return s;
	}
}

/* The length of s[0..n) without its trailing white space. */
size_t
trim_right(const char *s, size_t n)
{
	for (;;) {
		if (n > 0 && isspc(s[n - 1]))
			n--;
		else if (n >= 2 && memcmp(s + n - 2, NBSP, 2) == 0)
			n -= 2;
		else
			return n;
	}
}

const char *
trim(const char *s, size_t *n)
{
	s = trim_left(s, n);
	*n = trim_right(s, *n);
	return s;
}

/* strlen(p) when s[0..n) starts with p, else 0; prefix_ci ignores ASCII case. */
size_t
prefix_is(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	return n >= k && memcmp(s, p, k) == 0 ? k : 0;
}

size_t
prefix_ci(const char *s, size_t n, const char *p)
{
	size_t i;
	unsigned char a, b;

	for (i = 0; p[i] != '\0'; i++) {
		if (i == n)
			return 0;
		a = (unsigned char)s[i];
		b = (unsigned char)p[i];
		if (a >= 'A' && a <= 'Z')
			a |= 0x20;
		if (b >= 'A' && b <= 'Z')
			b |= 0x20;
		if (a != b)
			return 0;
	}
	return i;
}

/* s[0..*n) without the UTF-8 byte order mark it may start with. */
const char *
bom_skip(const char *s, size_t *n)
{
	size_t k = prefix_is(s, *n, "\xef\xbb\xbf");

	*n -= k;
	return s + k;
}

/* "TOOL: FILE:LINE: message" on stderr; without LINE when it is 0. */
void
vwarn_at(const char *file, unsigned long long line, const char *fmt,
    va_list ap)
{
	if (line > 0)
		fprintf(stderr, "%s: %s:%llu: ", argv0, file, line);
	else
		fprintf(stderr, "%s: %s: ", argv0, file);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
warn_at(const char *file, unsigned long long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(file, line, fmt, ap);
	va_end(ap);
}
