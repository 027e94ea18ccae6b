/* jval.c: members and elements of a nested JSON value, without a tree */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "paperpipe.h"

/*
 * Bit i set for each of the first 16 bytes at p (fewer when e comes
 * sooner) that is '"' or '\\', and with brackets also '{', '}', '[' or ']':
 * the only bytes a walk over valid JSON must look at.  Sixteen at a time
 * with SSE2 (every x86-64).
 */
static inline unsigned
stops(const char *p, const char *e, int brackets)
{
	unsigned m = 0;
	int i;

#ifdef __SSE2__
	if (e - p >= 16) {
		__m128i v, s;

		v = _mm_loadu_si128((const __m128i *)(const void *)p);
		s = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
		if (brackets) {
			/* '[' and ']' are '{' and '}' without bit 5. */
			v = _mm_or_si128(v, _mm_set1_epi8(0x20));
			s = _mm_or_si128(s, _mm_or_si128(
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('{')),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('}'))));
		}
		return (unsigned)_mm_movemask_epi8(s);
	}
#endif
	for (i = 0; i < 16 && i < e - p; i++)
		if (p[i] == '"' || p[i] == '\\' || (brackets &&
		    (p[i] == '{' || p[i] == '}' || p[i] == '[' || p[i] == ']')))
			m |= 1u << i;
	return m;
}

/*
 * The rest of a string that has gone 32 bytes without a quote or a
 * backslash, likely an abstract: libc's memchr, wider than the vectors
 * above, finds each quote, and the run of backslashes before it (counted
 * back to p, which is never inside an escape) tells whether it is escaped.
 */
static const char *
longend(const char *p, const char *e, int *esc)
{
	const char *q, *b, *s = p;

	for (;;) {
		if ((q = memchr(p, '"', e - p)) == NULL)
			return e;
		for (b = q; b > s && b[-1] == '\\'; b--)
			;
		if ((q - b) % 2 == 0)
			break;
		p = q + 1;
	}
	if (esc != NULL && memchr(s, '\\', q - s) != NULL)
		*esc = 1;
	return q;
}

/*
 * p follows a string's opening quote; return its closing quote (e when
 * there is none), and set *esc, unless esc is NULL, when the string holds
 * a backslash.  Each backslash takes the byte after it along.
 */
static inline const char *
strend(const char *p, const char *e, int *esc)
{
	unsigned m;
	int plain = 0;

	while (p < e) {
		if ((m = stops(p, e, 0)) == 0) {
			p += e - p < 16 ? e - p : 16;
			if (++plain == 2 && p < e)
				return longend(p, e, esc);
			continue;
		}
		plain = 0;
		p += __builtin_ctz(m);
		if (*p == '"')
			return p;
		if (esc != NULL)
			*esc = 1;
		if (e - p < 2)
			break;
		p += 2;
	}
	return e;
}

/*
 * The quotes, backslashes, opening and closing brackets among the first 64
 * bytes at p (fewer when e comes sooner), as bit masks; returns how many
 * bytes they cover.  Sixteen at a time with SSE2.
 */
static inline size_t
masks(const char *p, const char *e, uint64_t *q, uint64_t *b, uint64_t *o,
    uint64_t *c)
{
	size_t n = e - p < 64 ? (size_t)(e - p) : 64, k = 0;

	*q = *b = *o = *c = 0;
#ifdef __SSE2__
	for (; k + 16 <= n; k += 16) {
		__m128i v, t;

		v = _mm_loadu_si128((const __m128i *)(const void *)(p + k));
		/* '[' and ']' are '{' and '}' without bit 5. */
		t = _mm_or_si128(v, _mm_set1_epi8(0x20));
		*q |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
		    _mm_set1_epi8('"'))) << k;
		*b |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
		    _mm_set1_epi8('\\'))) << k;
		*o |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(t,
		    _mm_set1_epi8('{'))) << k;
		*c |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(t,
		    _mm_set1_epi8('}'))) << k;
	}
#endif
	for (; k < n; k++) {
		if (p[k] == '"')
			*q |= 1ULL << k;
		else if (p[k] == '\\')
			*b |= 1ULL << k;
		else if (p[k] == '{' || p[k] == '[')
			*o |= 1ULL << k;
		else if (p[k] == '}' || p[k] == ']')
			*c |= 1ULL << k;
	}
	return n;
}

static inline unsigned
pop64(uint64_t x)
{
	x -= (x >> 1) & 0x5555555555555555ULL;
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (x * 0x0101010101010101ULL) >> 56;
}

/*
 * The first byte after the object or array that starts at p, found by its
 * brackets alone, outside strings: the text need not be valid.  NULL when
 * it is not closed before e.  It goes 64 bytes at a time.  In a block
 * without backslashes, a running xor of the quotes marks the bytes inside
 * strings, so the brackets outside are known at once, and when the block
 * cannot close the value its brackets are only counted.  A block with a
 * backslash is walked a quote or bracket at a time, each backslash taking
 * the byte after it (maybe the next block's first) along.
 */
const char *
jval_close(const char *p, const char *e)
{
	uint64_t q, b, o, c, in, m, carry = 0;
	size_t depth = 0, n;
	int instr = 0, i;

	while (p < e) {
		n = masks(p, e, &q, &b, &o, &c);
		q &= ~carry;
		b &= ~carry;
		carry = 0;
		if (b == 0) {
			in = q ^ q << 1;
			in ^= in << 2;
			in ^= in << 4;
			in ^= in << 8;
			in ^= in << 16;
			in ^= in << 32;
			in ^= -(uint64_t)instr;
			o &= ~in;
			c &= ~in;
			instr = in >> 63;
			if (c == 0 || pop64(c) < depth) {
				depth += pop64(o);
				depth -= pop64(c);
			} else
				for (m = o | c; m != 0; m &= m - 1) {
					i = __builtin_ctzll(m);
					if (o >> i & 1)
						depth++;
					else if (--depth == 0)
						return p + i + 1;
				}
			p += n;
			continue;
		}
		for (m = q | b | o | c; m != 0; m &= m - 1) {
			i = __builtin_ctzll(m);
			switch (p[i]) {
			case '"':
				instr = !instr;
				break;
			case '\\':
				if (!instr)
					break;
				if (i == 63)
					carry = 1;
				else
					m &= ~(2ULL << i);
				break;
			case '{': case '[':
				depth += !instr;
				break;
			default:
				if (!instr && --depth == 0)
					return p + i + 1;
				break;
			}
		}
		p += n;
	}
	return NULL;
}

/*
 * The first byte after the value that starts at p (no white space before
 * it).  The text must be valid JSON, as rin_next and json_scan guarantee.
 * Inline for the iterator below, whose values are mostly strings and
 * words.
 */
static inline const char *
valend(const char *p, const char *e)
{
	const char *q;

	if (p >= e)
		return e;
	if (*p == '"') {
		p = strend(p + 1, e, NULL);
		return p < e ? p + 1 : e;
	}
	if (*p == '{' || *p == '[')
		return (q = jval_close(p, e)) != NULL ? q : e;
	while (p < e && *p != ',' && *p != '}' && *p != ']' &&
	    *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
		p++;
	return p;
}

const char *
jval_end(const char *p, const char *e)
{
	return valend(p, e);
}

/*
 * Start iterating the value s[0..n) when it is an object or an array
 * (white space around it allowed); return 0 for any other value.
 */
int
jval_open(struct jiter *it, const char *s, size_t n)
{
	const char *p = json_ws(s, s + n);

	it->e = s + n;
	if (p >= it->e || (*p != '{' && *p != '[')) {
		it->p = it->e;
		return 0;
	}
	it->obj = *p == '{';
	it->p = p + 1;
	return 1;
}

/*
 * jval_next in two steps, for a caller that walks some values itself:
 * jval_key finds the next member's key and where its value starts
 * (m->val.n is 0), then jval_value finds where the value ends, or takes
 * end from a caller that knows it, and steps past it.
 */
static inline int
nextkey(struct jiter *it, struct member *m)
{
	const char *p = json_ws(it->p, it->e), *e = it->e, *q;

	if (p < e && *p == ',')
		p = json_ws(p + 1, e);
	if (p >= e || *p == '}' || *p == ']') {
		it->p = e;
		return 0;
	}
	m->key.p = NULL;
	m->key.n = 0;
	m->kesc = 0;
	if (it->obj) {
		q = strend(p + 1, e, &m->kesc);
		m->key.p = p + 1;
		m->key.n = q - (p + 1);
		p = json_ws(q + 1, e);
		if (p < e && *p == ':')
			p = json_ws(p + 1, e);
	}
	m->val.p = it->p = p;
	m->val.n = 0;
	return 1;
}

int
jval_key(struct jiter *it, struct member *m)
{
	return nextkey(it, m);
}

void
jval_value(struct jiter *it, struct member *m, const char *end)
{
	if (end == NULL)
		end = valend(m->val.p, it->e);
	m->val.n = end - m->val.p;
	it->p = end;
}

/*
 * The next member (key raw without quotes, as in struct member) or element
 * (empty key); 0 after the last one.
 */
int
jval_next(struct jiter *it, struct member *m)
{
	const char *q;

	if (!nextkey(it, m))
		return 0;
	q = valend(m->val.p, it->e);
	m->val.n = q - m->val.p;
	it->p = q;
	return 1;
}

/*
 * Find member key (decoded, kn bytes) of the object s[0..n); the last one
 * when it is there twice, as jq does.  Returns 1 and sets *val when found.
 */
int
jval_get(const char *s, size_t n, const char *key, size_t kn, struct span *val)
{
	struct jiter it;
	struct member m;
	int found = 0;

	if (!jval_open(&it, s, n) || !it.obj)
		return 0;
	while (jval_next(&it, &m))
		if (json_key_eq(&m, key, kn)) {
			*val = m.val;
			found = 1;
		}
	return found;
}

/*
 * Append the value s[0..n) without the white space outside its strings;
 * with canon, each string decoded and encoded again.
 */
static void
compact(struct buf *b, const char *s, size_t n, int canon)
{
	static struct buf t;
	const char *p = s, *e = s + n, *q;

	while (p < e) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			p++;
			continue;
		}
		if (*p == '"') {
			q = strend(p + 1, e, NULL);
			if (canon) {
				t.len = 0;
				json_str_decode(&t, p + 1, q - p - 1);
				json_add_str(b, t.p, t.len);
			}
			q = q < e ? q + 1 : e;
			if (!canon)
				buf_add(b, p, q - p);
			p = q;
			continue;
		}
		buf_addc(b, *p++);
	}
}

/* Append the value s[0..n) without the white space outside its strings. */
void
jval_compact(struct buf *b, const char *s, size_t n)
{
	compact(b, s, n, 0);
}

/*
 * Append the valid JSON value s[0..n) in one spelling of its strings and
 * keys: without white space, each string decoded and encoded again (so
 * "\u0041" and "A" are one spelling).  Numbers keep theirs.
 */
void
jval_canon(struct buf *b, const char *s, size_t n)
{
	compact(b, s, n, 1);
}
