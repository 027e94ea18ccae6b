/* utf8.c: UTF-8 validation and repair (RFC 3629: no overlongs, no surrogates) */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "paperpipe.h"

/*
 * Length of the well-formed multi-byte sequence at p, or 0 when the bytes
 * there are not one.  The caller has handled ASCII already.
 */
size_t
utf8_seqlen(const unsigned char *p, const unsigned char *e)
{
	size_t n = e - p;
	unsigned c = p[0];

	if (c >= 0xc2 && c <= 0xdf) {
		if (n < 2 || (p[1] & 0xc0) != 0x80)
			return 0;
		return 2;
	}
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
			return 0;
		if (c == 0xe0 && p[1] < 0xa0)
			return 0;		/* overlong */
		if (c == 0xed && p[1] > 0x9f)
			return 0;		/* surrogate */
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80 ||
		    (p[3] & 0xc0) != 0x80)
			return 0;
		if (c == 0xf0 && p[1] < 0x90)
			return 0;		/* overlong */
		if (c == 0xf4 && p[1] > 0x8f)
			return 0;		/* above U+10FFFF */
		return 4;
	}
	return 0;
}

/* Length of the longest valid UTF-8 prefix of s; n when all of it is valid. */
size_t
utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	size_t k;

	while (p < e) {
#ifdef __SSE2__
		/* ASCII 16 bytes at a time: none has its top bit set. */
		while (e - p >= 16 && _mm_movemask_epi8(_mm_loadu_si128(
		    (const __m128i *)(const void *)p)) == 0)
			p += 16;
		if (p == e)
			break;
#endif
		if (e - p >= 8) {
			uint64_t w;

			memcpy(&w, p, 8);
			if ((w & 0x8080808080808080ULL) == 0) {
				p += 8;
				continue;
			}
		}
		if (*p < 0x80) {
			p++;
			continue;
		}
		if ((k = utf8_seqlen(p, e)) == 0)
			break;
		p += k;
	}
	return p - (const unsigned char *)s;
}

/*
 * Append s to b with every ill-formed byte replaced by U+FFFD.
 * Returns the number of replacements made.
 */
size_t
utf8_repair(struct buf *b, const char *s, size_t n)
{
	size_t bad = 0, ok;

	while (n > 0) {
		ok = utf8_valid(s, n);
		buf_add(b, s, ok);
		s += ok;
		n -= ok;
		if (n > 0) {
			buf_add(b, "\xef\xbf\xbd", 3);
			bad++;
			s++;
			n--;
		}
	}
	return bad;
}

/* Write code point c as UTF-8 into out (room for 4); returns its length. */
size_t
utf8_encode(char *out, unsigned long c)
{
	unsigned char *o = (unsigned char *)out;

	if (c < 0x80) {
		o[0] = c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = 0xc0 | (c >> 6);
		o[1] = 0x80 | (c & 0x3f);
		return 2;
	}
	if (c < 0x10000) {
		o[0] = 0xe0 | (c >> 12);
		o[1] = 0x80 | ((c >> 6) & 0x3f);
		o[2] = 0x80 | (c & 0x3f);
		return 3;
	}
	o[0] = 0xf0 | (c >> 18);
	o[1] = 0x80 | ((c >> 12) & 0x3f);
	o[2] = 0x80 | ((c >> 6) & 0x3f);
	o[3] = 0x80 | (c & 0x3f);
	return 4;
}

/*
 * Stepping through text: the code point at p (before e), or the one that
 * ends at p (not reaching below lo, lo < p), its length in *len; -1 and a
 * length of 1 for a byte that is not part of a well-formed sequence.
 */
long
utf8_next(const unsigned char *p, const unsigned char *e, size_t *len)
{
	size_t k;

	*len = 1;
	if (*p < 0x80)
		return *p;
	if ((k = utf8_seqlen(p, e)) == 0)
		return -1;
	*len = k;
	if (k == 2)
		return (long)(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
	if (k == 3)
		return (long)(p[0] & 0x0f) << 12 | (long)(p[1] & 0x3f) << 6 |
		    (p[2] & 0x3f);
	return (long)(p[0] & 0x07) << 18 | (long)(p[1] & 0x3f) << 12 |
	    (long)(p[2] & 0x3f) << 6 | (p[3] & 0x3f);
}

long
utf8_prev(const unsigned char *lo, const unsigned char *p, size_t *len)
{
	const unsigned char *q = p - 1;
	size_t k;
	long c;

	*len = 1;
	if (*q < 0x80)
		return *q;
	while (q > lo && p - q < 4 && (*q & 0xc0) == 0x80)
		q--;
	c = utf8_next(q, p, &k);
	if (c < 0 || q + k != p)
		return -1;
	*len = k;
	return c;
}
