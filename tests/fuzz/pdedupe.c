/*
 * pdedupe.c: libFuzzer target for pdedupe's key builder.  Each input is a
 * record (one line; the first byte picks the key: the default identity,
 * or -k paths).  Its key is built as pdedupe builds it; then the record is
 * spelled again (strings decoded and re-encoded, white space dropped) and
 * the default key must not change, unless it fell back to the line: the
 * same record is the same paper however it is escaped.  Nothing may crash
 * or leak (ASan/UBSan).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The tool itself, with its main renamed: its static key builder is the target. */
#define main pdedupe_main
#include "../../tools/pdedupe.c"
#undef main

/* The value p[0..n) again, every string in it decoded and re-encoded. */
static void
respell(struct buf *b, const char *p, size_t n)
{
	struct jiter it;
	struct member m;
	int first = 1;

	if (*p == '"') {
		size_t at = db.len;

		json_str_decode(&db, p + 1, n - 2);
		json_add_str(b, db.p + at, db.len - at);
		db.len = at;
		return;
	}
	if (*p != '{' && *p != '[') {
		buf_add(b, p, n);
		return;
	}
	if (!jval_open(&it, p, n))
		abort();
	buf_addc(b, it.obj ? '{' : '[');
	while (jval_next(&it, &m)) {
		if (!first)
			buf_addc(b, ',');
		first = 0;
		if (it.obj) {
			size_t at = db.len;

			json_str_decode(&db, m.key.p, m.key.n);
			json_add_str(b, db.p + at, db.len - at);
			db.len = at;
			buf_addc(b, ':');
		}
		respell(b, m.val.p, m.val.n);
	}
	buf_addc(b, it.obj ? '}' : ']');
}

static int
record(struct rec *r, const char *p, size_t n)
{
	struct jerr err;

	r->line = p;
	r->len = n;
	r->file = "<fuzz>";
	r->lineno = 1;
	return json_scan(p, n, &r->ix, &err) != -1 && r->ix.isobj;
}

static char kpbuf[3][8];

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf line, key;
	static struct rec r, s;
	const char *p = (const char *)data + 1;
	size_t n = size - 1;
	int c, mode;

	if (kpath == NULL) {
		for (c = 0; c < 256; c++)
			fold[c] = isdig(c) || isalph(c) ? (c >= 'A' &&
			    c <= 'Z' ? c | 0x20 : c) : 0;
		kpath = ecalloc(3, sizeof(*kpath));
		kparts = ecalloc(3, sizeof(*kparts));
		memcpy(kpbuf[0], "title", 6);
		memcpy(kpbuf[1], "a\0" "0\0" "b", 6);
		memcpy(kpbuf[2], "links", 6);
		kpath[0] = kpbuf[0], kparts[0] = 1;
		kpath[1] = kpbuf[1], kparts[1] = 3;
		kpath[2] = kpbuf[2], kparts[2] = 1;
	}
	if (size == 0 || memchr(p, '\n', n) != NULL)
		return 0;
	mode = data[0] % 4;
	nkpath = mode == 0 ? 0 : (size_t)mode;
	rawflag = nkpath > 0 && (data[0] & 0x80);
	if (!record(&r, p, n))
		return 0;
	mkkey(&r);
	if (mode != 0)
		return 0;	/* -k keeps values other than strings as text */
	key.len = 0;
	buf_add(&key, kb.p, kb.len);
	if (key.len > 0 && key.p[0] == 'l')
		return 0;	/* the line itself: its spelling counts */
	line.len = 0;
	respell(&line, p + (json_ws(p, p + n) - p),
	    jval_end(json_ws(p, p + n), p + n) - json_ws(p, p + n));
	if (!record(&s, line.p, line.len))
		abort();	/* the respelling is no JSON object */
	mkkey(&s);
	if (kb.len != key.len || memcmp(kb.p, key.p, key.len) != 0) {
		fprintf(stderr, "key %.*s\nrespelled %.*s\n", (int)key.len,
		    key.p, (int)kb.len, kb.p);
		abort();
	}
	return 0;
}
