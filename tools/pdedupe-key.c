/*
 * pdedupe-key.c: a record's identity keys for pdedupe: its arXiv id, its
 * DOI and its normalised title (or the -k values, or the line), each
 * fingerprinted.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#include <xxhash.h>

#include "paperpipe.h"
#include "pdedupe.h"

static int lflag, rawflag;
static const struct fpath *kpath;	/* the -k paths */
static size_t nkpath;

static struct buf kb, db;		/* key, decoded value */
static struct buf cb;			/* a value in one spelling */
static utf8proc_int32_t *ubuf;
static utf8proc_ssize_t ucap;
static unsigned char fold[256];		/* ASCII: the byte a key keeps, or 0 */

/*
 * Keys compare what a reader would call the same words: NFKC and case
 * folding, accents and invisible characters (soft hyphen, zero-width
 * space) stripped, and every run of characters that are neither
 * letters nor digits (punctuation, symbols, spaces) as one space.  ASCII,
 * nearly every title, skips libutf8proc.
 */
void
norm_add(struct buf *b, const char *s, size_t n)
{
	const utf8proc_option_t opt = UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
	    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE;
	utf8proc_ssize_t un, i;
	utf8proc_category_t cat;
	size_t j, start = b->len;
	char *o;
	int space = b->len > 0, c;

	/*
	 * ASCII, written straight into b: at most a space and n bytes, and
	 * one byte more written ahead.  Without branches on the words, as
	 * every title goes through here.
	 */
	if (b->cap - b->len < n + 2)
		buf_grow(b, n + 2);
	o = b->p + b->len;
	for (j = 0; j < n; j++) {
		if ((unsigned char)s[j] >= 0x80)
			break;
		c = fold[(unsigned char)s[j]];
		*o = ' ';
		o += (c != 0) & space & (o > b->p);
		*o = (char)c;
		o += c != 0;
		space = c == 0;
	}
	if (j == n) {
		b->len = o - b->p;
		return;
	}
	b->len = start;
	space = b->len > 0;
	for (;;) {
		un = utf8proc_decompose((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)n, ubuf, ucap, opt);
		if (un < 0) {		/* not UTF-8: cannot come from JSON */
			buf_add(b, s, n);
			return;
		}
		if (un <= ucap)
			break;
		ucap = un + un / 2;
		ubuf = erealloc(ubuf, (size_t)ucap * sizeof(*ubuf));
	}
	un = utf8proc_normalize_utf32(ubuf, un, opt);
	for (i = 0; i < un; i++) {
		cat = utf8proc_category(ubuf[i]);
		if (!((cat >= UTF8PROC_CATEGORY_LU &&
		    cat <= UTF8PROC_CATEGORY_ME) ||
		    (cat >= UTF8PROC_CATEGORY_ND &&
		    cat <= UTF8PROC_CATEGORY_NO))) {
			space = 1;
			continue;
		}
		if (space && b->len > 0)
			buf_addc(b, ' ');
		space = 0;
		if (b->cap - b->len < 4)
			buf_grow(b, 4);
		b->len += utf8proc_encode_char(ubuf[i],
		    (utf8proc_uint8_t *)b->p + b->len);
	}
}

/* The text of a JSON string value, decoded into db only if it must be. */
static void
strval(const struct span *v, struct span *t)
{
	t->p = v->p + 1;
	t->n = v->n - 2;
	if (memchr(t->p, '\\', t->n) != NULL) {
		db.len = 0;
		json_str_decode(&db, t->p, t->n);
		t->p = db.p;
		t->n = db.len;
	}
}



/* The key options: --line, --raw, the -k paths. */
void
key_init(int line, int raw, const struct fpath *kp, size_t nkp)
{
	int c;

	lflag = line;
	rawflag = raw;
	kpath = kp;
	nkpath = nkp;
	for (c = 0; c < 256; c++)
		fold[c] = isdig(c) || isalph(c) ? (c >= 'A' && c <= 'Z' ?
		    c | 0x20 : c) : 0;
}

/*
 * Append the canonical id to k in lower case, as keys have always been
 * (state files keep their hashes).
 */
static void
idkey(struct buf *k, const char *s, const struct ident *id)
{
	size_t i = k->len;

	ident_canon(k, s, id);
	for (; i < k->len; i++)
		if (k->p[i] >= 'A' && k->p[i] <= 'Z')
			k->p[i] |= 0x20;
}

/* The first id of this kind and these forms in a text, appended to k. */
static int
idfind(const char *p, size_t n, int kind, int forms, struct buf *k)
{
	struct ident id;
	size_t at = 0;

	while (ident_find(p, n, at, forms, &id) != ID_NONE) {
		if (id.kind == kind) {
			idkey(k, p, &id);
			return 1;
		}
		at = id.end > at ? id.end : at + 1;
	}
	return 0;
}

/*
 * A record's own arxiv_id or doi field: the first id of its kind in it;
 * else, as the record's word for its identity, the field itself without
 * an "arXiv:", "doi:" or doi.org head: an arxiv_id normalised, a DOI
 * that starts "10." and has a "/" lower-cased.
 */
static int
ownid(const char *p, size_t n, int kind, struct buf *k)
{
	static const char *heads[] = { "arxiv:", "doi:", "https://", "http://",
	    "dx.doi.org/", "doi.org/" };
	size_t i, h;

	if (idfind(p, n, kind, IDF_ANY, k))
		return 1;
	p = trim(p, &n);
	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		if ((h = prefix_ci(p, n, heads[i])) != 0) {
			p += h;
			n -= h;
		}
	p = trim(p, &n);
	if (kind == ID_ARXIV) {
		if (n == 0)
			return 0;
		norm_add(k, p, n);
		return 1;
	}
	if (!prefix_is(p, n, "10.") || memchr(p, '/', n) == NULL)
		return 0;
	for (i = 0; i < n; i++)
		buf_addc(k, p[i] >= 'A' && p[i] <= 'Z' ? p[i] | 0x20 : p[i]);
	return 1;
}

/*
 * A URL-like field (url, a link's url): the whole of it an id of this kind
 * in any spelling, else the first such URL in it.
 */
static int
urlid(const char *p, size_t n, int kind, struct buf *k)
{
	struct ident id;

	if (ident_parse(p, n, &id) == kind) {
		idkey(k, p, &id);
		return 1;
	}
	return idfind(p, n, kind, IDF_URL, k);
}

int
strfield(const struct rec *r, const char *key, struct span *t)
{
	const struct member *m = rec_get(r, key);

	if (m == NULL || m->val.p[0] != '"')
		return 0;
	strval(&m->val, t);
	return 1;
}

/* An id from the url of any element of links that has one. */
struct lscan {
	struct buf	*k;
	int		 kind;
	int		 found;
};

static int
linkurl(void *arg, const char *p, size_t n)
{
	struct lscan *ls = arg;
	struct span u = { p, n }, t;

	if (*p != '"')
		return 0;
	strval(&u, &t);
	ls->found = urlid(t.p, t.n, ls->kind, ls->k);
	return ls->found;
}

static int
linkscan(const struct rec *r, struct buf *k, int kind)
{
	static struct fpath links;
	struct lscan ls = { k, kind, 0 };

	if (links.n == 0)
		path_parse(&links, "links.url", PATH_EACH);
	path_rec(&links, r, linkurl, &ls);
	return ls.found;
}

/*
 * The paper's identity: 'a' and its arXiv id, or 'd' and its DOI, appended
 * to k; 0 when the record has neither.
 */
int
arxivof(const struct rec *r, struct buf *k)
{
	static const char *text[] = { "url", "abstract", "comments", "comment" };
	struct span t;
	size_t i, len = k->len;

	buf_addc(k, 'a');
	if (strfield(r, "arxiv_id", &t) && ownid(t.p, t.n, ID_ARXIV, k))
		return 'a';
	if (strfield(r, "url", &t) && urlid(t.p, t.n, ID_ARXIV, k))
		return 'a';
	if (linkscan(r, k, ID_ARXIV))
		return 'a';
	for (i = 1; i < 4; i++)
		if (strfield(r, text[i], &t) &&
		    idfind(t.p, t.n, ID_ARXIV, IDF_URL, k))
			return 'a';
	k->len = len;
	return 0;
}

int
doiof(const struct rec *r, struct buf *k)
{
	struct span t;
	size_t len = k->len;

	buf_addc(k, 'd');
	if (strfield(r, "doi", &t) && ownid(t.p, t.n, ID_DOI, k))
		return 'd';
	if (strfield(r, "url", &t) && urlid(t.p, t.n, ID_DOI, k))
		return 'd';
	if (linkscan(r, k, ID_DOI))
		return 'd';
	k->len = len;
	return 0;
}

static struct fp
fpof(const char *p, size_t n)
{
	XXH128_hash_t h = XXH3_128bits(p, n);
	struct fp f;

	f.lo = h.low64 != 0 ? h.low64 : 1;
	f.hi = h.high64 & ~FP_FLAGS;
	return f;
}

/* Fingerprint kb as the record's next key. */
static void
addkey(struct keys *k)
{
	k->f[k->n++] = fpof(kb.p, kb.len);
	kb.len = 0;
}

/*
 * The record's keys, in k: one made of the -k values or the line, or
 * every identity the paper has (arXiv id, DOI, title), each a kind letter
 * then its bytes in kb; the title comes last.  An arXiv id known in tab is
 * enough.  Returns 1 when the key is the line itself.
 */
int
mkkeys(const struct rec *r, const struct table *tab, struct keys *k)
{
	struct span v, t;
	size_t i;
	int any = 0;

	kb.len = 0;
	k->n = k->nid = 0;
	k->title = 0;
	if (lflag)
		goto line;
	if (nkpath > 0) {
		buf_addc(&kb, 'k');
		for (i = 0; i < nkpath; i++) {
			buf_addc(&kb, '\036');
			if (!path_get(&kpath[i], r, &v)) {
				buf_addc(&kb, '-');
				continue;
			}
			any = 1;
			buf_addc(&kb, '+');
			if (v.p[0] == '"')
				strval(&v, &t);
			else if (rawflag)
				t = v;
			else {		/* one spelling of its strings */
				cb.len = 0;
				jval_canon(&cb, v.p, v.n);
				t.p = cb.p;
				t.n = cb.len;
			}
			if (rawflag)
				buf_add(&kb, t.p, t.n);
			else
				norm_add(&kb, t.p, t.n);
			buf_addc(&kb, '\037');
		}
		if (any) {
			addkey(k);
			k->nid = 1;
			return 0;
		}
		goto line;
	}
	if (arxivof(r, &kb)) {
		addkey(k);
		/* Known by its id: a duplicate, whatever else it has. */
		if (fp_known(tab_find(tab, k->f[0]))) {
			k->nid = 1;
			return 0;
		}
	}
	if (doiof(r, &kb))
		addkey(k);
	k->nid = k->n;
	if (strfield(r, "title", &t)) {
		buf_addc(&kb, 't');
		norm_add(&kb, t.p, t.n);
		if (kb.len > 1) {
			addkey(k);
			k->title = 1;
		}
		kb.len = 0;
	}
	if (k->n > 0)
		return 0;
line:		/* nothing to compare by: the line itself */
	kb.len = 0;
	buf_addc(&kb, 'l');
	buf_add(&kb, r->line, r->len);
	addkey(k);
	k->nid = 1;
	return 1;
}
