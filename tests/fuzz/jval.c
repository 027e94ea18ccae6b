/*
 * jval.c: libFuzzer target for walking nested values.  For every input
 * json_scan accepts (and jansson reads the same way, see json.c), the
 * members and elements jval finds, at every depth, must be the ones jansson
 * finds: same count, same keys, same string text, and jval_get must find
 * each key's last value.  jval_compact's text must be valid and equal.
 */
#include <stdint.h>
#include <stdlib.h>

#include <jansson.h>

#include "paperpipe.h"

static struct buf kb, vb;

static int
skipped(const char *s, size_t n)
{
	size_t i, d = 0;

	if (memchr(s, 0, n) != NULL || memmem(s, n, "\\u", 2) != NULL)
		return 1;	/* NUL and surrogates differ by design */
	for (i = 0; i < n; i++)
		if ((s[i] == '[' || s[i] == '{') && ++d > 500)
			return 1;
	return 0;
}

static void
same(const char *p, size_t n, json_t *j)
{
	struct jiter it;
	struct member m;
	struct span v;
	size_t k = 0;

	if (jval_end(p, p + n) != p + n)
		abort();
	if (!jval_open(&it, p, n)) {
		if (json_is_array(j) || json_is_object(j))
			abort();
		if (json_is_string(j)) {
			vb.len = 0;
			json_str_decode(&vb, p + 1, n - 2);
			if (vb.len != json_string_length(j) ||
			    memcmp(vb.p, json_string_value(j), vb.len) != 0)
				abort();
		}
		return;
	}
	if (it.obj != json_is_object(j) || !it.obj != json_is_array(j))
		abort();
	while (jval_next(&it, &m)) {
		if (!it.obj) {
			same(m.val.p, m.val.n, json_array_get(j, k++));
			continue;
		}
		kb.len = 0;
		json_str_decode(&kb, m.key.p, m.key.n);
		buf_addc(&kb, '\0');
		if (json_object_get(j, kb.p) == NULL ||
		    !jval_get(p, n, kb.p, kb.len - 1, &v))
			abort();
		/* The last of duplicate keys is the one both keep. */
		if (v.p == m.val.p)
			same(m.val.p, m.val.n, json_object_get(j, kb.p));
		k++;
	}
	if (json_is_array(j) && k != json_array_size(j))
		abort();
	if (json_is_object(j) && k < json_object_size(j))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf cb;
	const char *s = (const char *)data, *p, *e = s + size;
	struct jerr err;
	json_error_t jerr;
	json_t *root, *again;

	if (json_scan(s, size, NULL, &err) != 0 || skipped(s, size))
		return 0;
	root = json_loadb(s, size, JSON_DECODE_ANY, &jerr);
	if (root == NULL)
		return 0;	/* numbers jansson cannot hold */
	p = json_ws(s, e);
	while (e > p && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\t' ||
	    e[-1] == '\r'))
		e--;
	same(p, e - p, root);
	cb.len = 0;
	jval_compact(&cb, p, e - p);
	if (json_scan(cb.p, cb.len, NULL, &err) != 0)
		abort();
	again = json_loadb(cb.p, cb.len, JSON_DECODE_ANY, &jerr);
	if (again == NULL || !json_equal(root, again))
		abort();
	json_decref(again);
	json_decref(root);
	return 0;
}
