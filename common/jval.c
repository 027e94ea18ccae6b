/* jval.c: members and elements of a nested JSON value, without a tree */
#include <stddef.h>
#include <string.h>

#include "paperpipe.h"

/* p follows a string's opening quote; return its closing quote. */
static const char *
strend(const char *p, const char *e)
{
	const char *q, *b;

	for (;;) {
		if ((q = memchr(p, '"', e - p)) == NULL)
			return e;
		/* An odd run of backslashes before it escapes the quote. */
		for (b = q; b > p && b[-1] == '\\'; b--)
			;
		if ((q - b) % 2 == 0)
			return q;
		p = q + 1;
	}
}

/*
 * The first byte after the value that starts at p (no white space before
 * it).  The text must be valid JSON, as rin_next and json_scan guarantee.
 */
const char *
jval_end(const char *p, const char *e)
{
	size_t depth = 0;

	if (p >= e)
		return e;
	if (*p == '"') {
		p = strend(p + 1, e);
		return p < e ? p + 1 : e;
	}
	if (*p != '{' && *p != '[') {
		while (p < e && *p != ',' && *p != '}' && *p != ']' &&
		    *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
			p++;
		return p;
	}
	for (; p < e; p++) {
		switch (*p) {
		case '{': case '[':
			depth++;
			break;
		case '}': case ']':
			if (--depth == 0)
				return p + 1;
			break;
		case '"':
			p = strend(p + 1, e);
			if (p == e)
				return e;
			break;
		}
	}
	return e;
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
 * The next member (key raw without quotes, as in struct member) or element
 * (empty key); 0 after the last one.
 */
int
jval_next(struct jiter *it, struct member *m)
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
		q = strend(p + 1, e);
		m->key.p = p + 1;
		m->key.n = q - (p + 1);
		m->kesc = memchr(m->key.p, '\\', m->key.n) != NULL;
		p = json_ws(q + 1, e);
		if (p < e && *p == ':')
			p = json_ws(p + 1, e);
	}
	q = jval_end(p, e);
	m->val.p = p;
	m->val.n = q - p;
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

/* Append the value s[0..n) without the white space outside its strings. */
void
jval_compact(struct buf *b, const char *s, size_t n)
{
	const char *p = s, *e = s + n, *q;

	while (p < e) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			p++;
			continue;
		}
		if (*p == '"') {
			q = strend(p + 1, e);
			if (q < e)
				q++;
			buf_add(b, p, q - p);
			p = q;
			continue;
		}
		buf_addc(b, *p++);
	}
}

/*
 * Append the valid JSON value s[0..n) in one spelling of its strings and
 * keys: without white space, each string decoded and encoded again (so
 * "\u0041" and "A" are one spelling).  Numbers keep theirs.
 */
void
jval_canon(struct buf *b, const char *s, size_t n)
{
	static struct buf t;
	const char *p = s, *e = s + n, *q;

	while (p < e) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			p++;
			continue;
		}
		if (*p == '"') {
			q = strend(p + 1, e);
			t.len = 0;
			json_str_decode(&t, p + 1, q - p - 1);
			json_add_str(b, t.p, t.len);
			p = q < e ? q + 1 : e;
			continue;
		}
		buf_addc(b, *p++);
	}
}
