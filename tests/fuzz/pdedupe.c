/*
 * pdedupe.c: libFuzzer target for pdedupe's key builder
 * (tools/pdedupe-key.c).  Each input is a record (one line; the first byte
 * picks the key: the default identity, or -k paths).  Its keys are built
 * as pdedupe builds them; then the record is spelled again (strings
 * decoded and re-encoded, white space dropped) and the default keys must
 * not change, unless they fell back to the line: the same record is the
 * same paper however it is escaped.  Nothing may crash
 * or leak (ASan/UBSan).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"
#include "pdedupe.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct buf db;		/* decoded strings, scratch */

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

static int
samekeys(const struct keys *a, const struct keys *b)
{
	size_t i;

	if (a->n != b->n || a->nid != b->nid || a->title != b->title)
		return 0;
	for (i = 0; i < a->n; i++)
		if (a->f[i].lo != b->f[i].lo || a->f[i].hi != b->f[i].hi)
			return 0;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *kname[] = { "title", "a.0.b", "links" };
	static struct fpath kpath[3];
	static struct table tab;
	static struct buf line;
	static struct rec r, s;
	struct keys key, again;
	const char *p = (const char *)data + 1;
	size_t n = size - 1;
	int i, mode;

	if (kpath[0].n == 0) {
		for (i = 0; i < 3; i++)
			if (path_parse(&kpath[i], kname[i], PATH_ONE) != NULL)
				abort();
		tab_init(&tab);		/* empty: no id is known yet */
	}
	if (size == 0 || memchr(p, '\n', n) != NULL)
		return 0;
	mode = data[0] % 4;
	key_init(0, mode != 0 && (data[0] & 0x80), kpath, (size_t)mode);
	if (!record(&r, p, n))
		return 0;
	if (mkkeys(&r, &tab, &key))
		return 0;	/* the line itself: its spelling counts */
	if (mode != 0)
		return 0;	/* -k keeps values other than strings as text */
	line.len = 0;
	respell(&line, p + (json_ws(p, p + n) - p),
	    jval_end(json_ws(p, p + n), p + n) - json_ws(p, p + n));
	if (!record(&s, line.p, line.len))
		abort();	/* the respelling is no JSON object */
	mkkeys(&s, &tab, &again);
	if (!samekeys(&key, &again)) {
		fprintf(stderr, "keys of %.*s\ndiffer from %.*s\n", (int)n, p,
		    (int)line.len, line.p);
		abort();
	}
	return 0;
}
