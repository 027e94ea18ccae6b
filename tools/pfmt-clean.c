/* pfmt-clean.c: text made clean to be read, and escaped for Markdown */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "paperpipe.h"
#include "pfmt.h"

/* What clean does with a byte: copy, space, drop, or look at U+0080. */
static unsigned char cls[256];

/*
 * What CommonMark (or a common extension: tables, strikethrough, TeX
 * math) would read as markup, backslash-escaped; at the start of a line
 * also what would start a block (mdstart).
 */
static const char mdspecial[] = "\\`*_[]<>#|~$&";
static unsigned char mdesc[256];

static struct buf tmp;		/* a string decoded before it is cleaned */
static struct buf scratch;	/* what blank cleans to see */

void
clean_init(void)
{
	int c;

	for (c = 0; c < 0x20; c++)
		cls[c] = 2;
	cls[0x7f] = 2;
	cls[' '] = cls['\t'] = cls['\n'] = cls['\r'] = cls['\f'] =
	    cls['\v'] = 1;
	cls[0xc2] = 3;
	for (c = 0; mdspecial[c] != '\0'; c++)
		mdesc[(unsigned char)mdspecial[c]] = 1;
}

#ifdef __SSE2__
#define LOAD(p)	_mm_loadu_si128((const __m128i *)(const void *)(p))

/*
 * Bytes of v from lo to below lo + w: moved so that lo + w - 1 becomes
 * 127, they are the signed bytes above 127 - w.
 */
#define INRANGE(v, lo, w)	_mm_cmpgt_epi8(_mm_add_epi8((v), \
			    _mm_set1_epi8((char)(0x80 - (lo) - (w)))), \
			    _mm_set1_epi8((char)(0x7f - (w))))

/*
 * The bytes of v in # to &, * or `, and the ASCII ones ending in 11011
 * to 11111: ; to ?, [ to _ and { to DEL (and controls): a few more than
 * Markdown needs escaped, which the caller looks at again.
 */
static inline __m128i
mdmaybe(__m128i v)
{
	return _mm_or_si128(_mm_or_si128(INRANGE(_mm_and_si128(v,
	    _mm_set1_epi8((char)0x9f)), 0x1b, 5), INRANGE(v, 0x23, 4)),
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('*')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('`'))));
}

/*
 * What stops a run in the 16 bytes at p: a control character, a space
 * before white space, the lead byte 0xC2, DEL and the backslash; with md
 * also what Markdown may need escaped, which takes in DEL and the
 * backslash.
 */
static inline unsigned
stops(const unsigned char *p, int md)
{
	const __m128i ctl = _mm_set1_epi8(0x1f), sp = _mm_set1_epi8(' ');
	__m128i v = LOAD(p), m;

	/* below ' ', or ' ' with a next byte not above it */
	m = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, ctl), v),
	    _mm_cmpeq_epi8(_mm_max_epu8(v, LOAD(p + 1)), sp));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xc2)));
	if (md)
		m = _mm_or_si128(m, mdmaybe(v));
	else
		m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v,
		    _mm_set1_epi8(0x7f)), _mm_cmpeq_epi8(v,
		    _mm_set1_epi8('\\'))));
	return (unsigned)_mm_movemask_epi8(m);
}

/*
 * The stops in the last 16 bytes or fewer, from p to e.  Where the 17
 * bytes from p are on p's page, read in place: the bytes past e can be
 * read without a fault, and the caller looks no further than e.  (Their
 * bytes are not the text's, so ASan is told not to check the read.)
 * Else copied before a NUL, which stops a run as e does; what the copy
 * costs is its store read back before it is done.
 */
static inline unsigned __attribute__((no_sanitize_address))
lastbytes(const unsigned char *p, const unsigned char *e, int md,
    unsigned char *tail)
{
	if (((uintptr_t)p & 4095) <= 4096 - 17)
		return stops(p, md);
	memset(tail, 0, 32);
	memcpy(tail, p, e - p);
	return stops(tail, md);
}
#endif

/*
 * The first byte from p on that clean must look at: a control character,
 * the start of U+0080 to U+00BF, a space before white space, a backslash,
 * and with md what Markdown may need escaped.  With SSE2 (every x86-64)
 * 32 or 16 bytes at a time, then byte by byte.
 */
static inline const unsigned char *
plainrun(const unsigned char *p, const unsigned char *e, int md)
{
#ifdef __SSE2__
	unsigned char tail[32];
	unsigned mask;

	while (e - p >= 33) {
		mask = stops(p, md) | stops(p + 16, md) << 16;
		if (mask != 0)
			return p + __builtin_ctz(mask);
		p += 32;
	}
	if (e - p >= 17) {
		if ((mask = stops(p, md)) != 0)
			return p + __builtin_ctz(mask);
		p += 16;
	}
	if (p < e) {
		mask = lastbytes(p, e, md, tail) | 1U << (e - p);
		p += __builtin_ctz(mask);
	}
	return p;
#else
	for (; p < e; p++)
		if ((cls[*p] != 0 || *p == '\\' || (md && mdesc[*p])) &&
		    !(*p == ' ' && p + 1 < e && cls[p[1]] == 0))
			break;
	return p;
#endif
}

/* Is p the start of U+0080 to U+009F, a C1 control? */
#define C1(p, e)	(*(p) == 0xc2 && (p) + 1 < (e) && (p)[1] >= 0x80 && \
			    (p)[1] <= 0x9f)

/*
 * The line of Markdown from b->p[at] on, escaped but for what only the
 * start of a line makes markup: a list item ("-", "+", "1." or "1)") or
 * a heading underline ("=").  Those bytes are never escaped elsewhere, so
 * they are looked for in the escaped text.
 */
static void
mdstart(struct buf *b, size_t at)
{
	size_t j, n = b->len - at;

	if (n > 0 && strchr("-+=", b->p[at]) != NULL)
		j = 0;
	else {
		for (j = 0; j < n && j < 9 && b->p[at + j] >= '0' &&
		    b->p[at + j] <= '9'; j++)
			;
		if (j == 0 || j == n || (b->p[at + j] != '.' &&
		    b->p[at + j] != ')'))
			return;
	}
	buf_addc(b, '\\');
	memmove(b->p + at + j + 1, b->p + at + j, n - j);
	b->p[at + j] = '\\';
}

/*
 * Append the text s[0..n) to b: runs of white space become one space, or
 * with par a paragraph break when they hold two newlines; control
 * characters go, and the ends are trimmed.  When json is set, s is the
 * inside of a JSON string, decoded first if it has an escape.  With md,
 * Markdown: each paragraph a line escaped, ended by a blank line; else a
 * paragraph break is "\n".
 */
static inline struct sp
cleaninto(struct buf *b, const char *s, size_t n, int par, int json, int md)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n, *q;
	struct sp r = { b->len, 0 };
	size_t line = b->len;
	int sp = 0, nl = 0, endsp = 0;

	while (p < e) {
		if (cls[*p] == 1) {
			sp = 1;
			nl += *p++ == '\n';
			continue;
		}
		if (cls[*p] == 2 || C1(p, e)) {
			p += cls[*p] == 2 ? 1 : 2;
			continue;
		}
		if (*p == '\\' && json)
			goto decode;
		if (sp && b->len > r.off) {
			if (endsp)
				b->len--;
			if (!(par && nl >= 2))
				buf_addc(b, ' ');
			else if (!md)
				buf_addc(b, '\n');
			else {
				mdstart(b, line);
				LIT(b, "\n\n");
				line = b->len;
			}
		}
		sp = nl = 0;
		/* a run of text, one space between words included */
		for (q = p; (q = plainrun(q, e, md)) < e; q++) {
			if (*q == '\\' && json)
				goto decode;
			if (md && mdesc[*q]) {
				buf_add(b, p, q - p);
				buf_addc(b, '\\');
				p = q;
				continue;
			}
			if (cls[*q] == 0)
				continue;
			if (*q == ' ' && q + 1 < e && cls[q[1]] == 0)
				continue;
			if (cls[*q] == 3 && !C1(q, e))
				continue;
			break;
		}
		buf_add(b, p, q - p);
		endsp = q[-1] == ' ';
		p = q;
	}
	if (endsp)
		b->len--;
	if (md && b->len > r.off) {
		mdstart(b, line);
		LIT(b, "\n\n");
	}
	r.len = b->len - r.off;
	return r;

decode:
	b->len = r.off;
	tmp.len = 0;
	json_str_decode(&tmp, s, n);
	return cleaninto(b, tmp.p, tmp.len, par, 0, md);
}

/* The clean text of s[0..n), appended to b (see cleaninto). */
struct sp
clean(struct buf *b, const char *s, size_t n, int par, int json)
{
	return cleaninto(b, s, n, par, json, 0);
}

/*
 * The inside of JSON string s[0..n), cleaned with paragraphs and written
 * as Markdown: what clean and then md_esc on each paragraph would write,
 * in one pass over the text.
 */
void
md_clean(struct buf *b, const char *s, size_t n)
{
	cleaninto(b, s, n, 1, 1, 1);
}

/* Is the clean text of JSON string value v empty?  Told without it. */
int
blank(const struct span *v)
{
	const unsigned char *p = (const unsigned char *)v->p + 1;
	const unsigned char *e = (const unsigned char *)v->p + v->n - 1;
	struct sp s;

	for (; p < e && *p != '\\'; p++) {
		if (C1(p, e))
			p++;
		else if (cls[*p] != 1 && cls[*p] != 2)
			return 0;
	}
	if (p == e)
		return 1;
	scratch.len = 0;	/* an escape: decoded, cleaned, let go */
	s = clean(&scratch, v->p + 1, v->n - 2, 0, 1);
	return s.len == 0;
}

/*
 * Skip what needs no escape: with SSE2, 32 or 16 bytes at a time up to a
 * byte that may need one, which the caller looks at again; then byte by
 * byte.
 */
static size_t
mdplain(const char *s, size_t i, size_t n)
{
#ifdef __SSE2__
	unsigned mask;

	while (n - i >= 32) {
		mask = (unsigned)_mm_movemask_epi8(mdmaybe(LOAD(s + i))) |
		    (unsigned)_mm_movemask_epi8(mdmaybe(LOAD(s + i + 16))) <<
		    16;
		if (mask != 0)
			return i + __builtin_ctz(mask);
		i += 32;
	}
	if (n - i >= 16) {
		mask = (unsigned)_mm_movemask_epi8(mdmaybe(LOAD(s + i)));
		if (mask != 0)
			return i + __builtin_ctz(mask);
		i += 16;
	}
#endif
	while (i < n && !mdesc[(unsigned char)s[i]])
		i++;
	return i;
}

/* Append clean text s[0..n) as Markdown; atstart: at a line's start. */
void
md_esc(struct buf *b, const char *s, size_t n, int atstart)
{
	size_t i, j, at = b->len;

	for (i = 0; i < n; i++) {
		for (j = i; (j = mdplain(s, j, n)) < n &&
		    !mdesc[(unsigned char)s[j]]; j++)
			;
		buf_add(b, s + i, j - i);
		if (j == n)
			break;
		buf_addc(b, '\\');
		buf_addc(b, s[j]);
		i = j;
	}
	if (atstart)
		mdstart(b, at);
}
