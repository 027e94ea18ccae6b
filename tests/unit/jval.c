/* jval.c: unit tests of walking inside nested JSON values */
#include <stdio.h>

#include "paperpipe.h"
#include "unit.h"

/*
 * The members or elements of s, each as "key=value;" (key raw), found by
 * jval_next, or with two by jval_key then jval_value (which must leave
 * the value unmeasured and the iterator at its start between them).
 */
static const char *
walk(const char *s, int two)
{
	static struct buf b;
	struct jiter it;
	struct member m;

	b.len = 0;
	if (!jval_open(&it, s, strlen(s)))
		buf_adds(&b, "(scalar)");
	else
		while (two ? jval_key(&it, &m) : jval_next(&it, &m)) {
			if (two) {
				if (m.val.n != 0 || it.p != m.val.p)
					buf_adds(&b, "(moved)");
				jval_value(&it, &m, NULL);
			}
			buf_add(&b, m.key.p, m.key.n);
			buf_addc(&b, m.kesc ? '~' : '=');
			buf_add(&b, m.val.p, m.val.n);
			buf_addc(&b, ';');
		}
	buf_addc(&b, '\0');
	return b.p;
}

static const char *
items(const char *s)
{
	return walk(s, 0);
}

static const char *
items2(const char *s)
{
	return walk(s, 1);
}

/* A value the caller walked itself: its end taken, the next member found. */
static int
walked(void)
{
	const char *s = "{\"a\" : [1, {\"b\":2}] , \"c\":3}";
	struct jiter it;
	struct member m;

	if (!jval_open(&it, s, strlen(s)) || !jval_key(&it, &m) ||
	    m.key.n != 1 || *m.val.p != '[')
		return 0;
	jval_value(&it, &m, strstr(s, "] ,") + 1);
	if (m.val.n != 12 || !jval_key(&it, &m) || m.key.n != 1 ||
	    *m.key.p != 'c')
		return 0;
	jval_value(&it, &m, NULL);
	return m.val.n == 1 && *m.val.p == '3' && !jval_key(&it, &m);
}

static int
get(const char *s, const char *key, const char *want)
{
	struct span v;

	if (!jval_get(s, strlen(s), key, strlen(key), &v))
		return want == NULL;
	return want != NULL && v.n == strlen(want) &&
	    memcmp(v.p, want, v.n) == 0;
}

static const char *
compact(const char *s)
{
	static struct buf b;

	b.len = 0;
	jval_compact(&b, s, strlen(s));
	buf_addc(&b, '\0');
	return b.p;
}

static const char *
canon(const char *s)
{
	static struct buf b;

	b.len = 0;
	jval_canon(&b, s, strlen(s));
	buf_addc(&b, '\0');
	return b.p;
}

static int
end(const char *s, size_t want)
{
	return jval_end(s, s + strlen(s)) == s + want;
}

/* jval_close at s: the offset after the value, or -1 when it is open. */
static long
closeat(const char *s)
{
	const char *q = jval_close(s, s + strlen(s));

	return q == NULL ? -1 : q - s;
}

/* jval_close the plain way, a byte at a time: what it must agree with. */
static const char *
slowclose(const char *p, const char *e)
{
	size_t depth = 0;
	int instr = 0;

	for (; p < e; p++) {
		if (instr) {
			if (*p == '"')
				instr = 0;
			else if (*p == '\\' && ++p == e)
				break;
		} else if (*p == '"')
			instr = 1;
		else if (*p == '{' || *p == '[')
			depth++;
		else if ((*p == '}' || *p == ']') && --depth == 0)
			return p + 1;
	}
	return NULL;
}

/*
 * Texts of brackets, quotes, backslashes and letters at every length up to
 * a few blocks, so that escapes and quotes fall on each side of every
 * 16- and 64-byte boundary; one case in four has no backslash but maybe
 * the one that escapes the last byte of a block.
 */
static int
closemany(void)
{
	static const char alpha[] = "[]{}\"\\a [\"a]a{a\"";
	char s[200];
	unsigned long r = 1;
	int i, n, k, nb;

	for (k = 0; k < 40000; k++) {
		n = 1 + k % 199;
		nb = k % 4 == 0;
		s[0] = k & 1 ? '[' : '{';
		for (i = 1; i < n; i++) {
			r = r * 6364136223846793005UL + 1442695040888963407UL;
			s[i] = alpha[(r >> 33) % (sizeof(alpha) - 1)];
			if (nb && s[i] == '\\' && i != 63 && i != 127)
				s[i] = 'a';
		}
		if (jval_close(s, s + n) != slowclose(s, s + n))
			return 0;
	}
	return 1;
}

/* Where a string that starts at s[0] ends, a byte at a time. */
static size_t
slowstrend(const char *s, size_t n)
{
	size_t i = 1;

	while (i < n) {
		if (s[i] == '\\')
			i += 2;
		else if (s[i++] == '"')
			return i;
	}
	return n;
}

/*
 * Strings of every length to 300 with quotes and backslashes now and then,
 * so runs of plain bytes both shorter and longer than the vector steps
 * (past 32 bytes the scan changes hands): jval_end must agree with the
 * byte-at-a-time walk, and a key must say whether it holds a backslash.
 */
static int
strmany(void)
{
	char s[320], k[340];
	const char *e;
	unsigned long r = 7;
	size_t i, n, body;
	int j, hasesc;
	struct jiter it;
	struct member m;

	for (j = 0; j < 30000; j++) {
		n = 1 + (size_t)j % 300;
		s[0] = '"';
		for (i = 1; i < n; i++) {
			r = r * 6364136223846793005UL + 1442695040888963407UL;
			s[i] = (r >> 33) % 40 == 0 ? '\\' :
			    (r >> 33) % 40 == 1 ? '"' : 'a';
		}
		e = jval_end(s, s + n);
		if ((size_t)(e - s) != slowstrend(s, n))
			return 0;
		/* a key: plain bytes and escape pairs, closed */
		k[0] = '{';
		k[1] = '"';
		body = 0;
		hasesc = 0;
		for (i = 1; i < n && body + 4 < sizeof(k) - 8; i++) {
			if (s[i] == 'a')
				k[2 + body++] = 'a';
			else {
				k[2 + body++] = '\\';
				k[2 + body++] = s[i];
				hasesc = 1;
			}
		}
		memcpy(k + 2 + body, "\":1}", 4);
		if (!jval_open(&it, k, body + 6) || !jval_next(&it, &m) ||
		    m.key.n != body || m.kesc != hasesc ||
		    m.val.n != 1 || m.val.p[0] != '1')
			return 0;
	}
	return 1;
}

void
unit_jval(void)
{
	check(strcmp(items("[1, \"a\" ,{\"x\":[2,3]} , [] ,null]"),
	    "=1;=\"a\";={\"x\":[2,3]};=[];=null;") == 0, "jval: array elements");
	check(strcmp(items(" { \"a\" : 1 , \"b\\\"c\":\"}\" ,\"d\":{}}"),
	    "a=1;b\\\"c~\"}\";d={};") == 0, "jval: object members, escaped key");
	check(strcmp(items("{\"0123456789abcdefgh\\\"\":1,"
	    "\"0123456789abcdefgh\":2}"),
	    "0123456789abcdefgh\\\"~1;0123456789abcdefgh=2;") == 0,
	    "jval: a long key, escaped or not");
	check(strcmp(items2(" { \"a\" : 1 , \"b\\\"c\":\"}\" ,\"d\":{}}"),
	    "a=1;b\\\"c~\"}\";d={};") == 0, "jval: key, then value");
	check(strcmp(items2("[1, \"a\" ,{\"x\":[2,3]} , [] ,null]"),
	    "=1;=\"a\";={\"x\":[2,3]};=[];=null;") == 0,
	    "jval: element, then value");
	check(walked(), "jval: a value's end from the caller");
	check(strcmp(items("[]"), "") == 0, "jval: empty array");
	check(strcmp(items("{ }"), "") == 0, "jval: empty object");
	check(strcmp(items("\"[1]\""), "(scalar)") == 0, "jval: a string is no container");
	check(strcmp(items("[\"a\\\\\",\"b\\\\\\\"]\"]"),
	    "=\"a\\\\\";=\"b\\\\\\\"]\";") == 0, "jval: backslash runs before quotes");
	check(strcmp(canon("{ \"\\u006b\" :\r[\"\\u0041\\/\", 1.0 ,\"\\\"\"]}"),
	    "{\"k\":[\"A/\",1.0,\"\\\"\"]}") == 0, "jval: one spelling of strings");
	check(strcmp(canon("[\"a\\n\\u00e9\", \"\\ud83d\\ude00\"]"),
	    canon("[\"a\\n\u00e9\",\"\U0001F600\"]")) == 0,
	    "jval: escaped and plain spellings agree");
	check(get("{\"a\":1,\"b\":{\"c\":2}}", "b", "{\"c\":2}"), "jval: get member");
	check(get("{\"a\":1,\"a\":2}", "a", "2"), "jval: get last duplicate");
	check(get("{\"a\\u0062\":3}", "ab", "3"), "jval: get escaped key");
	check(get("{\"a\":1}", "b", NULL), "jval: get missing");
	check(get("[1]", "a", NULL), "jval: get from an array");
	check(end("\"a\\\"b\",1", 6), "jval: end of string");
	check(end("-1.5e3]", 6), "jval: end of number");
	check(end("[[\"]\"],{\"}\":1}] x", 15), "jval: end of nested value");
	check(end("\"abc", 4), "jval: end of unterminated text");
	check(end("\"abc\\", 5), "jval: end of text cut after a backslash");
	check(end("\"0123456789abcdef\\\"0123456789abcdef\\\\\",1", 38),
	    "jval: end of a long string with escapes");
	check(closeat("[1,{\"a\":[]}] x") == 12, "jval: close nested");
	check(closeat("{\"a\":\"}]\"}") == 10, "jval: close, brackets in a string");
	check(closeat("[\"aaaaaaaaaaaaa\\\"]\"] x") == 20,
	    "jval: close, an escape across a 16-byte block");
	check(closeat("[[1]") == -1, "jval: close, not closed");
	check(closeat("[\"]") == -1, "jval: close, string not closed");
	check(closeat("[\"\\") == -1, "jval: close, cut after a backslash");
	check(closemany(), "jval: close agrees with a byte-at-a-time walk");
	check(strmany(), "jval: string ends and key escapes agree with a "
	    "byte-at-a-time walk, short and long");
	check(strcmp(compact("{ \"a b\" : [ 1 ,\t2 ],\n\"c\":\" x \" }"),
	    "{\"a b\":[1,2],\"c\":\" x \"}") == 0, "jval: compact");
}
