/* json.c: unit tests of the JSON scanner, decoder and encoder */
#include <stdio.h>
#include <stdlib.h>

#include "paperpipe.h"
#include "unit.h"

static int
valid(const char *s)
{
	struct jerr err;

	return json_scan(s, strlen(s), NULL, &err) == 0;
}

static int
decodes(const char *in, const char *want)
{
	struct buf b = { 0 };
	int ok;

	json_str_decode(&b, in, strlen(in));
	ok = b.len == strlen(want) && memcmp(b.p, want, b.len) == 0;
	buf_free(&b);
	return ok;
}

static int
encodes(const char *in, size_t n, const char *want)
{
	struct buf b = { 0 };
	int ok;

	json_add_str(&b, in, n);
	ok = b.len == strlen(want) && memcmp(b.p, want, b.len) == 0;
	buf_free(&b);
	return ok;
}

static void
scan_errors(void)
{
	struct jerr err;
	const char *s = "{\"a\": tru}";

	check(json_scan(s, strlen(s), NULL, &err) == -1 && err.off == 6,
	    "json: error offset points at the bad word");
	s = "{\"a\": \"x";
	check(json_scan(s, strlen(s), NULL, &err) == -1 &&
	    strcmp(err.why, "unterminated string") == 0,
	    "json: unterminated string named");
	s = "[1] [2]";
	check(json_scan(s, strlen(s), NULL, &err) == -1 && err.off == 4,
	    "json: second value is trailing garbage");
}

static void
index_members(void)
{
	struct jindex ix = { 0 };
	struct jerr err;
	const char *s = " {\"a\" : [1,{\"b\":2}], \"c\\u0064\":\"x\\\"y\" ,\"e\":{}} ";

	check(json_scan(s, strlen(s), &ix, &err) == 0 && ix.isobj &&
	    ix.n == 3, "json: index finds 3 top-level members");
	check(ix.n == 3 && ix.m[0].val.n == 11 &&
	    memcmp(ix.m[0].val.p, "[1,{\"b\":2}]", 11) == 0,
	    "json: value span of a nested array");
	check(ix.n == 3 && ix.m[1].kesc && json_key_eq(&ix.m[1], "cd", 2),
	    "json: escaped key compares decoded");
	check(ix.n == 3 && ix.m[2].val.n == 2 && *ix.close == '}' &&
	    ix.last == ix.m[2].val.p + 2, "json: closing brace and last value");
	s = "[{\"a\":1}]";
	check(json_scan(s, strlen(s), &ix, &err) == 0 && !ix.isobj &&
	    ix.n == 0, "json: array is not indexed as an object");
	free(ix.m);
}

/*
 * One special piece of a string at every offset from 0 to 47 in strings of
 * up to 64 plain bytes, so it falls in every lane of the sixteen-byte scan
 * and in the bytewise tail.  The text sits in a buffer of its exact size
 * (ASan sees any read past it), alone or followed by more of an array.
 * bad: the piece must be rejected at its first byte.
 */
static int
scan_at_offsets(const char *piece, int bad)
{
	struct jerr err;
	size_t pn = strlen(piece), k, tail, n, i;
	char *s;
	int r, wrap, ok = 1;

	for (wrap = 0; wrap < 2; wrap++)
		for (k = 0; k < 48; k++)
			for (tail = 0; tail < 17; tail++) {
				n = wrap + 1 + k + pn + tail + 1 + 4 * wrap;
				if ((s = malloc(n)) == NULL)
					abort();
				i = 0;
				if (wrap)
					s[i++] = '[';
				s[i++] = '"';
				memset(s + i, 'a', k);
				memcpy(s + i + k, piece, pn);
				memset(s + i + k + pn, 'a', tail);
				i += k + pn + tail;
				s[i++] = '"';
				if (wrap)
					memcpy(s + i, ",\"\"]", 4);
				r = json_scan(s, n, NULL, &err);
				if (bad ? r != -1 || err.off != (size_t)wrap + 1 + k :
				    r != 0 || json_skip(s, s + n) != s + n)
					ok = 0;
				free(s);
			}
	return ok;
}

void
unit_json(void)
{
	check(valid("{\"a\":[1,2.5e3,-0,true,false,null,\"x\"]}"),
	    "json: scan nested");
	check(!valid("{\"a\":01}"), "json: leading zero rejected");
	check(!valid("{\"a\":1,}"), "json: trailing comma rejected");
	check(!valid("\"a\tb\""), "json: raw tab in string rejected");
	check(!valid("\"\xc0\xaf\""), "json: overlong UTF-8 rejected");
	check(!valid("\"\xed\xa0\x80\""), "json: UTF-8 surrogate rejected");
	check(valid("\"\xf0\x9f\x98\x80\""), "json: 4-byte UTF-8 accepted");
	check(!valid(""), "json: empty text rejected");
	check(!valid("{\"a\" 1}"), "json: missing colon rejected");
	check(valid(" [ ] "), "json: white space around a value");
	scan_errors();
	index_members();
	check(scan_at_offsets("", 0), "json: plain strings of every length");
	check(scan_at_offsets("\\n", 0), "json: escape at every offset");
	check(scan_at_offsets("\\\"", 0),
	    "json: escaped quote at every offset");
	check(scan_at_offsets("\\u00e9\\\\", 0),
	    "json: \\u escape at every offset");
	check(scan_at_offsets("\x7f ~!#", 0),
	    "json: DEL, space, '!' and '#' are plain at every offset");
	check(scan_at_offsets("\xc3\xa9", 0), "json: 2-byte UTF-8 at every offset");
	check(scan_at_offsets("\xe2\x82\xac\xf0\x9f\x98\x80", 0),
	    "json: 3- and 4-byte UTF-8 at every offset");
	check(scan_at_offsets("\xe4\xb8\xad\xe6\x96\x87\xc3\xa9\xf0\x9f\x98\x80"
	    "\xee\x80\x80", 0), "json: a run of non-ASCII at every offset");
	check(scan_at_offsets("\xe0\x80\x80", 1),
	    "json: overlong 3-byte UTF-8 rejected at every offset");
	check(scan_at_offsets("\xe4\xb8" "a", 1),
	    "json: cut 3-byte UTF-8 rejected at every offset");
	check(scan_at_offsets("\xc3\xc3\xa9", 1),
	    "json: lead byte without continuation rejected at every offset");
	check(scan_at_offsets("\x01", 1),
	    "json: control byte rejected at every offset");
	check(scan_at_offsets("\x1f", 1),
	    "json: byte 0x1f rejected at every offset");
	check(scan_at_offsets("\t", 1), "json: raw tab rejected at every offset");
	check(scan_at_offsets("\xff", 1),
	    "json: byte 0xff rejected at every offset");
	check(scan_at_offsets("\xc3" "a", 1),
	    "json: cut UTF-8 rejected at every offset");
	check(scan_at_offsets("\xed\xa0\x80", 1),
	    "json: UTF-8 surrogate rejected at every offset");
	check(decodes("a\\n\\t\\\"\\\\\\/b", "a\n\t\"\\/b"),
	    "json: decode short escapes");
	check(decodes("\\u00e9\\u20ac", "\xc3\xa9\xe2\x82\xac"),
	    "json: decode \\u escapes to UTF-8");
	check(decodes("\\ud83d\\ude00", "\xf0\x9f\x98\x80"),
	    "json: decode a surrogate pair");
	check(decodes("x\\ud800y", "x\xef\xbf\xbdy"),
	    "json: lone surrogate decodes to U+FFFD");
	check(encodes("a\"b\\c\n\x01\xc3\xa9", 9, "\"a\\\"b\\\\c\\n\\u0001\xc3\xa9\""),
	    "json: encode escapes quote, backslash, controls only");
	check(encodes("", 0, "\"\""), "json: encode empty string");
	check(encodes("\xc3\xa9" "bcdefgh\\j\x1f" "l", 13,
	    "\"\xc3\xa9" "bcdefgh\\\\j\\u001fl\""),
	    "json: encode escapes after a plain word");
	check(encodes("0123456789abcde\"\\123456789abcd\x1f\xc3\xa9"
	    "456789abcdef\x7f\x80\xff", 48, "\"0123456789abcde\\\"\\\\"
	    "123456789abcd\\u001f\xc3\xa9" "456789abcdef\x7f\x80\xff\""),
	    "json: encode escapes on both sides of a 16-byte block");
	check(encodes("ab\"defghijklmnopq\nr", 19,
	    "\"ab\\\"defghijklmnopq\\nr\""),
	    "json: encode escapes in the last 16 bytes, after another");
	check(encodes("abcdefghijklmnopqrs", 19, "\"abcdefghijklmnopqrs\""),
	    "json: encode a string a little longer than a block");
	check(encodes("abcdefghijklmnopqr\"s", 20,
	    "\"abcdefghijklmnopqr\\\"s\""),
	    "json: encode an escape after the last whole block");
}
