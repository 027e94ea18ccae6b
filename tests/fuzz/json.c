/*
 * json.c: libFuzzer target for the record scanner.  Arbitrary bytes go to
 * json_scan and to jansson; both must agree on accept/reject, and for an
 * accepted object every top-level string member must decode to the same
 * text.  Inputs where the two are known to differ by design are skipped:
 * lone surrogate escapes (we decode to U+FFFD, jansson refuses them), an
 * escaped NUL and a raw NUL byte (jansson stops reading there), and
 * nesting deeper than jansson's limit, numbers jansson cannot convert.
 */
#include <stdint.h>
#include <stdlib.h>

#include <jansson.h>

#include "paperpipe.h"

/* The 4 hex digits at s as a number, or -1. */
static long
hex4(const char *s)
{
	long v = 0;
	int i, d;

	for (i = 0; i < 4; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d = s[i] - '0';
		else if (s[i] >= 'a' && s[i] <= 'f')
			d = s[i] - 'a' + 10;
		else if (s[i] >= 'A' && s[i] <= 'F')
			d = s[i] - 'A' + 10;
		else
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static int
lone_surrogate(const char *s, size_t n)
{
	size_t i;
	long c, lo;

	for (i = 0; i + 6 <= n; i++) {
		if (s[i] != '\\')
			continue;
		if (s[i + 1] != 'u' || (c = hex4(s + i + 2)) < 0) {
			i++;
			continue;
		}
		if (c >= 0xdc00 && c <= 0xdfff)
			return 1;
		if (c >= 0xd800 && c <= 0xdbff) {
			if (i + 12 > n || s[i + 6] != '\\' || s[i + 7] != 'u' ||
			    (lo = hex4(s + i + 8)) < 0xdc00 || lo > 0xdfff)
				return 1;
			i += 6;
		}
	}
	return 0;
}

static int
deep(const char *s, size_t n)
{
	size_t i, d = 0, max = 0;

	for (i = 0; i < n; i++)
		if (s[i] == '[' || s[i] == '{')
			if (++d > max)
				max = d;
	return max > 1000;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct jindex ix;
	static struct buf b;
	const char *s = (const char *)data;
	struct jerr err;
	json_error_t jerr;
	json_t *root, *v;
	size_t i;
	int ours;

	ours = json_scan(s, size, &ix, &err) == 0;
	if (!ours && (err.off > size || err.why == NULL))
		abort();
	if (lone_surrogate(s, size) || deep(s, size) ||
	    memmem(s, size, "\\u0000", 6) != NULL || memchr(s, 0, size) != NULL)
		return 0;
	root = json_loadb(s, size, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
	/* jansson converts numbers and refuses ones out of double range */
	if (root == NULL && ours && (strstr(jerr.text, "overflow") != NULL ||
	    strstr(jerr.text, "too big") != NULL))
		return 0;
	if ((root != NULL) != ours)
		abort();
	if (root == NULL)
		return 0;
	if (json_is_object(root) != ix.isobj)
		abort();
	if (ix.isobj) {
		for (i = 0; i < ix.n; i++) {
			b.len = 0;
			json_str_decode(&b, ix.m[i].key.p, ix.m[i].key.n);
			buf_addc(&b, '\0');
			v = json_object_get(root, b.p);
			if (v == NULL)
				abort();
			if (json_is_string(v) && ix.m[i].val.p[0] == '"') {
				b.len = 0;
				json_str_decode(&b, ix.m[i].val.p + 1,
				    ix.m[i].val.n - 2);
				/* jansson keeps the last of duplicate keys */
				if (i + 1 == ix.n &&
				    (b.len != json_string_length(v) ||
				    memcmp(b.p, json_string_value(v), b.len) != 0))
					abort();
			}
		}
	}
	json_decref(root);
	return 0;
}
