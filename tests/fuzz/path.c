/*
 * path.c: libFuzzer target for field paths and their walk.  The input is
 * a path, a newline and a JSON value (or a value alone, walked with a few
 * fixed paths).  For every value json_scan accepts and jansson reads the
 * same way, the values path_walk finds, in both modes, must be the ones a
 * plain recursive walk over jansson's tree finds, in the same order.
 */
#include <stdint.h>
#include <stdlib.h>

#include <jansson.h>

#include "paperpipe.h"

static json_t **want;
static size_t nwant, wantcap, got;

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
oracle(const struct fpath *pa, json_t *v, size_t d)
{
	const struct pcomp *c = d < pa->n ? &pa->c[d] : NULL;
	json_t *e;
	size_t i;

	if (json_is_array(v)) {
		if (c != NULL && c->isidx) {
			if ((e = json_array_get(v, c->idx)) != NULL)
				oracle(pa, e, d + 1);
			return;
		}
		if (pa->each) {
			json_array_foreach(v, i, e)
				oracle(pa, e, d);
			return;
		}
	}
	if (c == NULL) {
		if (nwant == wantcap) {
			wantcap = wantcap ? wantcap * 2 : 16;
			want = erealloc(want, wantcap * sizeof(*want));
		}
		want[nwant++] = v;
		return;
	}
	if (json_is_object(v) && (e = json_object_getn(v, c->s, c->n)) != NULL)
		oracle(pa, e, d + 1);
}

static int
compare(void *arg, const char *p, size_t n)
{
	json_error_t jerr;
	json_t *v;

	if (got >= nwant)
		abort();
	v = json_loadb(p, n, JSON_DECODE_ANY, &jerr);
	if (v == NULL || !json_equal(v, want[got]))
		abort();
	json_decref(v);
	got++;
	return 0;
}

static void
try(const char *path, const char *s, size_t n, json_t *root)
{
	struct fpath pa;
	int mode;

	for (mode = PATH_ONE; mode <= PATH_EACH; mode++) {
		if (path_parse(&pa, path, mode) != NULL)
			return;
		nwant = got = 0;
		oracle(&pa, root, 0);
		if (path_walk(&pa, 0, s, n, compare, NULL) != nwant ||
		    got != nwant)
			abort();
		path_free(&pa);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *fixed[] = { "a", "a.b", "0", "a.0.b", "l.u", "1.1" };
	char path[65];
	const char *s = (const char *)data, *nl;
	struct jerr err;
	json_error_t jerr;
	json_t *root;
	size_t i, n = size;

	path[0] = '\0';
	if ((nl = memchr(s, '\n', size)) != NULL && nl - s < 65 &&
	    memchr(s, '\0', nl - s) == NULL) {
		memcpy(path, s, nl - s);
		path[nl - s] = '\0';
		n -= nl + 1 - s;
		s = nl + 1;
	}
	if (json_scan(s, n, NULL, &err) != 0 || skipped(s, n))
		return 0;
	if ((root = json_loadb(s, n, JSON_DECODE_ANY, &jerr)) == NULL)
		return 0;	/* numbers jansson cannot hold */
	if (path[0] != '\0')
		try(path, s, n, root);
	else
		for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
			try(fixed[i], s, n, root);
	json_decref(root);
	return 0;
}
