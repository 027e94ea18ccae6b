/*
 * ident.c: libFuzzer target for the identity recogniser.  The input, in a
 * buffer exactly its size (so that ASan sees any read past the end), goes
 * to ident_parse and to ident_find for every form; every id found must lie
 * inside its spelling, and its canonical form must read back as the same
 * id, canonical already.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
same(const char *s, size_t n, const struct ident *id)
{
	static struct buf c, c2;
	struct ident again;
	char *t;

	if (!(id->at <= id->id && id->id < id->idend && id->idend <= id->end &&
	    id->end <= n && id->ver >= id->idend &&
	    id->ver + id->vlen <= id->end))
		abort();
	c.len = 0;
	ident_canon(&c, s, id);
	if (c.len != id->idend - id->id)
		abort();
	t = malloc(c.len);
	memcpy(t, c.p, c.len);
	if (ident_parse(t, c.len, &again) != id->kind ||
	    again.id != 0 || again.idend != c.len || again.vlen != 0)
		abort();
	c2.len = 0;
	ident_canon(&c2, t, &again);
	if (c2.len != c.len || memcmp(c2.p, c.p, c.len) != 0)
		abort();
	free(t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int forms[] = { IDF_ANY, IDF_BARE, IDF_PREFIX, IDF_URL };
	struct ident id;
	char *s = malloc(size ? size : 1);
	size_t at, i, e, ie, h;
	int f;

	memcpy(s, data, size);
	if (ident_parse(s, size, &id) != ID_NONE)
		same(s, size, &id);
	for (f = 0; f < 4; f++)
		for (at = 0; ident_find(s, size, at, forms[f], &id) != ID_NONE;
		    at = id.end) {
			if (id.at < at || !(id.form & forms[f]))
				abort();
			same(s, size, &id);
		}
	for (i = 0; i < size && i < 512; i++) {
		if ((e = ident_arxiv(s, size, i, &ie)) != 0 &&
		    (e > size || ie > e || ie <= i))
			abort();
		if ((h = ident_doihead(s, size, i)) != 0 &&
		    (h > size || ident_doiend(s, size, h) > size))
			abort();
	}
	free(s);
	return 0;
}
