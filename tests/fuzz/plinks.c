/*
 * plinks.c: libFuzzer target for the link extractor.  Arbitrary bytes,
 * repaired to UTF-8 as plinks --text does, go to links_scan, in the
 * canonical form when the first byte is odd.  Every link must be a
 * non-empty piece of the input at the place it claims, in order, with a
 * known kind and an absolute URL, no URL twice; and the links array built
 * from them must be a record the JSON scanner accepts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"
#include "plinks.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct links L;
	static struct buf in, rec;
	static struct jindex ix;
	static int init;
	const struct link *l, *m;
	struct jerr err;
	size_t i, j, prev = 0;

	if (!init) {
		links_init();
		init = 1;
	}
	in.len = 0;
	utf8_repair(&in, (const char *)data, size);
	L.canonical = size > 0 && (data[0] & 1);
	links_reset(&L);
	links_scan(&L, in.p, in.len);
	rec.len = 0;
	buf_adds(&rec, "{\"links\":[");
	for (i = 0; i < L.n; i++) {
		l = &L.v[i];
		if (l->tlen == 0 || l->at < prev || l->at + l->tlen > in.len ||
		    memcmp(L.b.p + l->text, in.p + l->at, l->tlen) != 0)
			abort();
		prev = l->at + l->tlen;
		if (l->kind < 0 || l->kind >= NKIND || l->ulen < 7 ||
		    memmem(L.b.p + l->url, l->ulen, "://", 3) == NULL)
			abort();
		for (j = 0; j < i; j++) {
			m = &L.v[j];
			if (m->ulen == l->ulen &&
			    memcmp(L.b.p + m->url, L.b.p + l->url, l->ulen) == 0)
				abort();
		}
		if (i > 0)
			buf_addc(&rec, ',');
		links_json(&rec, &L, l);
	}
	buf_adds(&rec, "]}");
	if (json_scan(rec.p, rec.len, &ix, &err) != 0 || !ix.isobj)
		abort();
	return 0;
}
