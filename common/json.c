/* json.c: a strict RFC 8259 scanner, string decoding and encoding */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "paperpipe.h"

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL
#define HASZERO(v)	(((v) - ONES) & ~(v) & HIGHS)
#define HASLESS(v, c)	(((v) - ONES * (c)) & ~(v) & HIGHS)

static const signed char hexval[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6,
	['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
	['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
	['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

/* The four JSON white space bytes, as a mask of 1 << byte. */
#define WSMASK	((1ULL << ' ') | (1ULL << '\n') | (1ULL << '\t') | \
	    (1ULL << '\r'))
#define ISWS(c)	((unsigned char)(c) <= ' ' && \
	    (WSMASK >> (unsigned char)(c) & 1))

/* json_ws past its inline cases: any run of white space. */
const char *
json_ws_more(const char *p, const char *e)
{
	while (p < e && ISWS(*p))
		p++;
	return p;
}

/*
 * Skip plain string bytes (printable ASCII other than '"' and '\\') eight
 * at a time; this loop is where the time goes on real records.
 */
static inline const char *
plain(const char *p, const char *e)
{
	uint64_t w;
#ifdef __SSE2__
	/*
	 * Sixteen at a time where SSE2 is there (every x86-64).
	 * Flipping bit 1 maps '"' (0x22) to 0x20 and keeps 0x00-0x1f below
	 * 0x20 and every other byte at 0x21 or above, so one signed compare
	 * with 0x21 catches '"', control bytes and bytes >= 0x80 at once.
	 */
	const __m128i two = _mm_set1_epi8(0x02), lim = _mm_set1_epi8(0x21);
	const __m128i bs = _mm_set1_epi8('\\');
	__m128i a;
	unsigned mask;

#define STOPS(v)	_mm_or_si128(_mm_cmplt_epi8(_mm_xor_si128((v), two), \
	    lim), _mm_cmpeq_epi8((v), bs))
	while (e - p >= 16) {
		a = _mm_loadu_si128((const __m128i *)(const void *)p);
		mask = (unsigned)_mm_movemask_epi8(STOPS(a));
		if (mask != 0)
			return p + __builtin_ctz(mask);
		p += 16;
	}
#undef STOPS
#endif
	while (e - p >= 8) {
		memcpy(&w, p, 8);
		if ((HASLESS(w, 0x20) | HASZERO(w ^ (ONES * '"')) |
		    HASZERO(w ^ (ONES * '\\')) | (w & HIGHS)) != 0)
			break;
		p += 8;
	}
	while (p < e && (unsigned char)*p >= 0x20 && (unsigned char)*p < 0x80 &&
	    *p != '"' && *p != '\\')
		p++;
	return p;
}

/*
 * The rest of string() below, out of line: escapes, non-ASCII, errors.
 * p is where plain() stopped.
 */
static const char * __attribute__((noinline))
string_slow(const char *p, const char *e, int *esc, struct jerr *err,
    const char **at)
{
	const unsigned char *u;
	size_t k;
	int i;

	for (;;) {
		p = plain(p, e);
		if (p >= e) {
			err->why = "unterminated string";
			break;
		}
		if (*p == '"')
			return p;
		if (*p == '\\') {
			*esc = 1;
			if (++p >= e) {
				err->why = "unterminated string";
				break;
			}
			switch (*p) {
			case '"': case '\\': case '/': case 'b':
			case 'f': case 'n': case 'r': case 't':
				p++;
				continue;
			case 'u':
				for (i = 1; i <= 4; i++)
					if (p + i >= e ||
					    !hexval[(unsigned char)p[i]])
						break;
				if (i <= 4) {
					p += i;
					err->why = "bad \\u escape";
					goto fail;
				}
				p += 5;
				continue;
			default:
				err->why = "bad escape in string";
				goto fail;
			}
		}
		if ((unsigned char)*p < 0x20) {
			err->why = "control character in string";
			goto fail;
		}
		/*
		 * A run of non-ASCII text: the 2- and 3-byte sequences of
		 * accented Latin and CJK checked here, the rest (and the
		 * errors) by utf8_seqlen.
		 */
		do {
			u = (const unsigned char *)p;
			if (u[0] >= 0xc2 && u[0] <= 0xdf && e - p >= 2 &&
			    (u[1] & 0xc0) == 0x80)
				k = 2;
			else if (u[0] >= 0xe1 && u[0] <= 0xec && e - p >= 3 &&
			    (u[1] & 0xc0) == 0x80 && (u[2] & 0xc0) == 0x80)
				k = 3;
			else if ((k = utf8_seqlen(u,
			    (const unsigned char *)e)) == 0) {
				err->why = "invalid UTF-8 in string";
				goto fail;
			}
			p += k;
		} while (p < e && (unsigned char)*p >= 0x80);
	}
fail:
	*at = p;
	return NULL;
}

/*
 * p follows the opening quote; return the closing quote or NULL.  Inline
 * for the common case, a string of plain bytes only.
 */
static inline const char *
string(const char *p, const char *e, int *esc, struct jerr *err,
    const char **at)
{
	p = plain(p, e);
	if (p < e && *p == '"')
		return p;
	return string_slow(p, e, esc, err, at);
}

static const char *
digits(const char *p, const char *e)
{
	while (p < e && *p >= '0' && *p <= '9')
		p++;
	return p;
}

static const char *
number(const char *p, const char *e, struct jerr *err, const char **at)
{
	const char *q;

	if (*p == '-')
		p++;
	if (p < e && *p == '0')
		p++;
	else if (p < e && *p >= '1' && *p <= '9')
		p = digits(p, e);
	else
		goto bad;
	if (p < e && *p == '.') {
		q = digits(++p, e);
		if (q == p)
			goto bad;
		p = q;
	}
	if (p < e && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < e && (*p == '+' || *p == '-'))
			p++;
		q = digits(p, e);
		if (q == p)
			goto bad;
		p = q;
	}
	return p;
bad:
	err->why = "bad number";
	*at = p;
	return NULL;
}

static struct member *
addmember(struct jindex *ix)
{
	if (ix->n == ix->cap) {
		ix->cap = ix->cap ? ix->cap * 2 : 16;
		ix->m = erealloc(ix->m, ix->cap * sizeof(*ix->m));
	}
	return &ix->m[ix->n++];
}

/*
 * Scan one JSON text strictly.  Returns 0 when s[0..n) is exactly one value
 * surrounded by optional white space, -1 with err filled in otherwise.  When
 * the value is an object and ix is given, its members are indexed.  Nesting
 * depth is unlimited: the container stack is a heap bit stack kept between
 * calls, so steady state allocates nothing.
 */
int
json_scan(const char *s, size_t n, struct jindex *ix, struct jerr *err)
{
	static unsigned char *stack;
	static size_t stackcap;
	const char *p = s, *e = s + n, *q, *at = s;
	size_t depth = 0;
	struct member *m = NULL;
	int top = 0, esc;

	if (ix != NULL) {
		ix->n = 0;
		ix->isobj = 0;
		ix->close = ix->last = NULL;
	}
	err->why = NULL;
	p = json_ws(p, e);
value:
	if (p >= e) {
		err->why = depth ? "unexpected end of input" : "no value";
		goto fail;
	}
	switch (*p) {
	case '{':
	case '[':
		if (depth == stackcap * 8) {
			stackcap = stackcap ? stackcap * 2 : 64;
			stack = erealloc(stack, stackcap);
		}
		top = *p == '{';
		if (top)
			stack[depth / 8] |= 1u << (depth % 8);
		else
			stack[depth / 8] &= ~(1u << (depth % 8));
		if (depth == 0 && top && ix != NULL)
			ix->isobj = 1;
		depth++;
		p = json_ws(p + 1, e);
		if (p < e && *p == (top ? '}' : ']')) {
			p++;
			goto pop;
		}
		if (top)
			goto key;
		goto value;
	case '"':
		esc = 0;
		if ((q = string(p + 1, e, &esc, err, &at)) == NULL)
			goto failq;
		p = q + 1;
		break;
	case 't':
		if (e - p < 4 || memcmp(p, "true", 4) != 0)
			goto badlit;
		p += 4;
		break;
	case 'f':
		if (e - p < 5 || memcmp(p, "false", 5) != 0)
			goto badlit;
		p += 5;
		break;
	case 'n':
		if (e - p < 4 || memcmp(p, "null", 4) != 0)
			goto badlit;
		p += 4;
		break;
	default:
		if (*p != '-' && (*p < '0' || *p > '9')) {
			err->why = "unexpected character";
			goto fail;
		}
		if ((q = number(p, e, err, &at)) == NULL)
			goto failq;
		p = q;
		break;
	}
after:
	if (depth == 1 && m != NULL) {
		m->val.n = p - m->val.p;
		ix->last = p;
	}
	p = json_ws(p, e);
	if (depth == 0)
		goto end;
	if (p >= e) {
		err->why = "unexpected end of input";
		goto fail;
	}
	if (*p == ',') {
		p = json_ws(p + 1, e);
		if (top)
			goto key;
		goto value;
	}
	if (*p != (top ? '}' : ']')) {
		err->why = top ? "expected ',' or '}'" : "expected ',' or ']'";
		goto fail;
	}
	p++;
pop:
	depth--;
	if (depth == 0 && ix != NULL && ix->isobj)
		ix->close = p - 1;
	if (depth > 0)
		top = (stack[(depth - 1) / 8] >> ((depth - 1) % 8)) & 1;
	goto after;
key:
	if (p >= e || *p != '"') {
		err->why = p >= e ? "unexpected end of input" :
		    "expected a string key";
		goto fail;
	}
	esc = 0;
	if ((q = string(p + 1, e, &esc, err, &at)) == NULL)
		goto failq;
	if (depth == 1 && ix != NULL) {
		m = addmember(ix);
		m->key.p = p + 1;
		m->key.n = q - (p + 1);
		m->kesc = esc;
	}
	p = json_ws(q + 1, e);
	if (p >= e || *p != ':') {
		err->why = "expected ':'";
		goto fail;
	}
	p = json_ws(p + 1, e);
	if (depth == 1 && m != NULL)
		m->val.p = p;
	goto value;
end:
	if (p != e) {
		err->why = "trailing characters after the value";
		goto fail;
	}
	return 0;
badlit:
	err->why = "unexpected word";
fail:
	err->off = p - s;
	return -1;
failq:
	err->off = at - s;
	return -1;
}

/*
 * Scan the one value at the start of s[0..n), which more text may follow
 * (the comma after an array's element): as json_scan, but returns the
 * length of the value with the white space after it, or -1 when the value
 * is bad or cut off by n.  The index describes the value alone.
 */
long long
json_scan_prefix(const char *s, size_t n, struct jindex *ix, struct jerr *err)
{
	if (json_scan(s, n, ix, err) == 0)
		return (long long)n;
	if (strcmp(err->why, "trailing characters after the value") == 0) {
		err->why = NULL;
		return (long long)err->off;
	}
	return -1;
}

/*
 * Skip the value at p in text already known to be valid JSON; return the
 * first byte after it.
 */
const char *
json_skip(const char *p, const char *e)
{
	size_t depth = 0;

	do {
		p = json_ws(p, e);
		if (p >= e)
			return p;
		switch (*p) {
		case '{': case '[':
			depth++;
			p++;
			break;
		case '}': case ']':
			depth--;
			p++;
			break;
		case ',': case ':':
			p++;
			break;
		case '"':
			for (p++;;) {
				p = plain(p, e);
				if (p >= e || *p == '"')
					break;
				p += *p == '\\' ? 2 : 1;
			}
			p++;
			break;
		default:
			while (p < e && *p != ',' && *p != '}' && *p != ']' &&
			    *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
				p++;
			break;
		}
	} while (depth > 0 && p < e);
	return p;
}

static unsigned long
hex4(const char *p)
{
	return (unsigned long)(hexval[(unsigned char)p[0]] - 1) << 12 |
	    (unsigned long)(hexval[(unsigned char)p[1]] - 1) << 8 |
	    (unsigned long)(hexval[(unsigned char)p[2]] - 1) << 4 |
	    (unsigned long)(hexval[(unsigned char)p[3]] - 1);
}

/*
 * Append the decoded text of a valid string's inside (no quotes).  A lone
 * surrogate escape becomes U+FFFD so the result is always valid UTF-8.
 */
void
json_str_decode(struct buf *b, const char *p, size_t n)
{
	const char *e = p + n, *q;
	unsigned long c, lo;
	char u[4];

	while (p < e) {
		q = memchr(p, '\\', e - p);
		if (q == NULL) {
			buf_add(b, p, e - p);
			return;
		}
		buf_add(b, p, q - p);
		p = q + 1;
		switch (*p++) {
		case 'b': buf_addc(b, '\b'); break;
		case 'f': buf_addc(b, '\f'); break;
		case 'n': buf_addc(b, '\n'); break;
		case 'r': buf_addc(b, '\r'); break;
		case 't': buf_addc(b, '\t'); break;
		case 'u':
			c = hex4(p);
			p += 4;
			if (c >= 0xd800 && c <= 0xdbff && e - p >= 6 &&
			    p[0] == '\\' && p[1] == 'u' &&
			    (lo = hex4(p + 2)) >= 0xdc00 && lo <= 0xdfff) {
				c = 0x10000 + ((c - 0xd800) << 10) +
				    (lo - 0xdc00);
				p += 6;
			} else if (c >= 0xd800 && c <= 0xdfff)
				c = 0xfffd;
			buf_add(b, u, utf8_encode(u, c));
			break;
		default:	/* '"', '\\', '/' */
			buf_addc(b, p[-1]);
			break;
		}
	}
}

/*
 * Append s (valid UTF-8) as the inside of a JSON string: quote, backslash
 * and control characters escaped, everything else as is.
 */
void
json_str_encode(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const char *e, *q;
	unsigned char c;
	uint64_t w;
#ifdef __SSE2__
	const __m128i ctl = _mm_set1_epi8(0x1f), qu = _mm_set1_epi8('"');
	const __m128i bs = _mm_set1_epi8('\\');
	__m128i a;
	unsigned mask;
#endif

	if (n == 0)
		return;		/* s may be NULL */
	e = s + n;
	while (s < e) {
		q = s;
#ifdef __SSE2__
		/*
		 * 16 at a time: controls are what min(c, 0x1f) leaves.  The
		 * last block of a string of 16 bytes or more is the 16 that
		 * end it, the ones already seen masked off.
		 */
#define ESCS(p)	(a = _mm_loadu_si128((const __m128i *)(const void *)(p)), \
	    (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8( \
	    _mm_min_epu8(a, ctl), a), _mm_or_si128(_mm_cmpeq_epi8(a, qu), \
	    _mm_cmpeq_epi8(a, bs)))))
		for (; e - q >= 16; q += 16)
			if ((mask = ESCS(q)) != 0)
				break;
		if (e - q >= 16)
			q += __builtin_ctz(mask);
		else if (q < e && n >= 16) {
			mask = ESCS(e - 16) >> (16 - (e - q));
			q = mask != 0 ? q + __builtin_ctz(mask) : e;
		}
#undef ESCS
#endif
		/* Short strings, and the end where there is no SSE2: words. */
		for (; e - q >= 8; q += 8) {
			memcpy(&w, q, 8);
			if ((HASLESS(w, 0x20) | HASZERO(w ^ (ONES * '"')) |
			    HASZERO(w ^ (ONES * '\\'))) != 0)
				break;
		}
		for (; q < e; q++) {
			c = *q;
			if (c < 0x20 || c == '"' || c == '\\')
				break;
		}
		buf_add(b, s, q - s);
		if (q == e)
			return;
		c = *q;
		buf_addc(b, '\\');
		switch (c) {
		case '"': buf_addc(b, '"'); break;
		case '\\': buf_addc(b, '\\'); break;
		case '\b': buf_addc(b, 'b'); break;
		case '\f': buf_addc(b, 'f'); break;
		case '\n': buf_addc(b, 'n'); break;
		case '\r': buf_addc(b, 'r'); break;
		case '\t': buf_addc(b, 't'); break;
		default:
			buf_add(b, "u00", 3);
			buf_addc(b, hex[c >> 4]);
			buf_addc(b, hex[c & 15]);
			break;
		}
		s = q + 1;
	}
}

/* Append s as a whole JSON string, quotes included. */
void
json_add_str(struct buf *b, const char *s, size_t n)
{
	buf_addc(b, '"');
	json_str_encode(b, s, n);
	buf_addc(b, '"');
}

/* json_key_eq for a key with escapes: compare the decoded key. */
int
json_key_eq_esc(const struct member *m, const char *k, size_t kn)
{
	static struct buf tmp;

	tmp.len = 0;
	json_str_decode(&tmp, m->key.p, m->key.n);
	return tmp.len == kn && memcmp(tmp.p, k, kn) == 0;
}

/*
 * Building output: json_sep adds the comma a new member or element needs
 * (none after "{", "[" or ":"), json_key adds a separator and "key":.
 */
void
json_sep(struct buf *b)
{
	char c;

	if (b->len == 0)
		return;
	c = b->p[b->len - 1];
	if (c != '{' && c != '[' && c != ':')
		buf_addc(b, ',');
}

void
json_key(struct buf *b, const char *k)
{
	json_sep(b);
	json_add_str(b, k, strlen(k));
	buf_addc(b, ':');
}
