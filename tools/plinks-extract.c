/*
 * plinks-extract.c: find URLs, arXiv ids, DOIs and bare hosts in text.
 * The recognisers at ':', '.' and '/', the tests of a bare host's TLD, and
 * the list of links found, without repeats.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libpsl.h>

#include "paperpipe.h"
#include "plinks.h"
#include "plinks-url.h"

/*
 * A bare host (no www., path or port) is a link only with one of these
 * top-level domains or a two-letter country code that is not also a
 * common file extension: "model.py" and "README.md" are files.
 */
static const char *safetld[] = {
	"com", "net", "org", "edu", "gov", "mil", "int", "info", "biz",
};
static const char *filetld[] = {
	"py", "md", "sh", "rs", "pl", "pm", "pt", "so", "cc", "ps", "ml", "mk",
};

static const psl_ctx_t *psl;

void
links_init(void)
{
	cls_init();
	if ((psl = psl_latest(NULL)) == NULL && (psl = psl_builtin()) == NULL)
		die(EXIT_TROUBLE, "cannot load the public suffix list");
}

/*
 * Is the label s[0..n) a top-level domain?  Asks the public suffix list,
 * through a small cache since abstracts repeat the same few endings.
 */
static int
istld(const char *s, size_t n)
{
	static struct {
		char	 k[24];
		int	 v;
	} cache[256];
	char t[80];
	size_t i;
	unsigned hv = 0;
	int v, ascii = 1;

	if (n < 2 || n > 63)
		return 0;
	t[0] = 'x';
	t[1] = '.';
	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] >= 0x80)
			ascii = 0;
		else if (!(cls[(uc)s[i]] & C_LABEL))
			return 0;
		t[i + 2] = (char)lower((unsigned char)s[i]);
		hv = hv * 31 + (unsigned char)t[i + 2];
	}
	t[n + 2] = '\0';
	/* ASCII TLDs are letters, or punycode */
	if (ascii && t[2] != 'x')
		for (i = 0; i < n; i++)
			if (t[i + 2] < 'a' || t[i + 2] > 'z')
				return 0;
	hv &= 255;
	if (n < sizeof(cache[0].k) && strcmp(cache[hv].k, t + 2) == 0)
		return cache[hv].v;
	/* "x.ck" as well: some TLDs are listed only as "*.ck" */
	v = psl_is_public_suffix2(psl, t + 2,
	    PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) ||
	    psl_is_public_suffix2(psl, t, PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE);
	if (n < sizeof(cache[0].k)) {
		memcpy(cache[hv].k, t + 2, n + 1);
		cache[hv].v = v;
	}
	return v;
}

static int
inlist(const char *s, size_t n, const char **list, size_t nlist)
{
	size_t i;

	for (i = 0; i < nlist; i++)
		if (strlen(list[i]) == n && memcmp(s, list[i], n) == 0)
			return 1;
	return 0;
}

/*
 * A bare host needs a conservative TLD, and a TLD with capitals is a
 * missing space ("results.In", "tasks.AI") unless the whole host is
 * capital letters ("EXAMPLE.CZ"; not "3.0.CO").
 */
static int
baretld(const char *host, size_t hn, const char *tld, size_t n)
{
	char t[8];
	size_t i;
	int up = 0, low = 0, alpha = 0;

	if (n > 4)
		return 0;
	for (i = 0; i < n; i++) {
		if ((unsigned char)tld[i] >= 0x80)
			return 0;
		if (tld[i] >= 'A' && tld[i] <= 'Z')
			up = 1;
		t[i] = (char)lower((unsigned char)tld[i]);
	}
	if (up) {
		if (tld[0] >= 'A' && tld[0] <= 'Z' && n > 1 &&
		    tld[1] >= 'a' && tld[1] <= 'z')
			return 0;
		for (i = 0; i < hn; i++) {
			if (host[i] >= 'a' && host[i] <= 'z')
				low = 1;
			if (host[i] >= 'A' && host[i] <= 'Z')
				alpha = 1;
		}
		if (low || !alpha)
			return 0;
	}
	if (inlist(t, n, safetld, sizeof(safetld) / sizeof(safetld[0])))
		return 1;
	return n == 2 && !inlist(t, n, filetld,
	    sizeof(filetld) / sizeof(filetld[0]));
}

/* --- adding links --- */

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

void
links_reset(struct links *L)
{
	L->n = 0;
	L->b.len = 0;
	if (++L->curgen == 0) {
		if (L->gen != NULL)
			memset(L->gen, 0, L->nslot * sizeof(*L->gen));
		L->curgen = 1;
	}
}

/* Find the slot of url, or the empty slot where it would go. */
static size_t *
lookup(struct links *L, const char *u, size_t un)
{
	size_t i = (size_t)hash(u, un) & (L->nslot - 1);
	struct link *l;

	for (;; i = (i + 1) & (L->nslot - 1)) {
		if (L->gen[i] != L->curgen) {
			L->gen[i] = L->curgen;
			L->slot[i] = 0;
			return &L->slot[i];
		}
		if (L->slot[i] == 0)
			return &L->slot[i];
		l = &L->v[L->slot[i] - 1];
		if (l->ulen == un && memcmp(L->b.p + l->url, u, un) == 0)
			return &L->slot[i];
	}
}

static void
rehash(struct links *L)
{
	size_t i, *sl;

	free(L->slot);
	free(L->gen);
	L->nslot = L->nslot ? L->nslot * 2 : 64;
	L->slot = ecalloc(L->nslot, sizeof(*L->slot));
	L->gen = ecalloc(L->nslot, sizeof(*L->gen));
	L->curgen = 1;
	for (i = 0; i < L->n; i++) {
		sl = lookup(L, L->b.p + L->v[i].url, L->v[i].ulen);
		*sl = i + 1;
	}
}

/*
 * Add the link whose text is s[at..at+tn): its URL is pre (a scheme or a
 * resolver) followed by the id or the text itself.  kind < 0 means decide
 * from the URL.  Drops repeats and unwanted kinds.
 */
static void
add(struct links *L, const char *s, size_t at, size_t tn, const char *pre,
    const char *id, size_t idn, int kind)
{
	struct link *l;
	size_t *sl, mark = L->b.len;

	if (L->n == L->cap) {
		L->cap = L->cap ? L->cap * 2 : 16;
		L->v = erealloc(L->v, L->cap * sizeof(*L->v));
	}
	l = &L->v[L->n];
	l->at = at;
	l->url = L->b.len;
	buf_adds(&L->b, pre);
	buf_add(&L->b, id, idn);
	l->ulen = L->b.len - l->url;
	l->kind = kind >= 0 ? kind : classify(L->b.p + l->url, l->ulen);
	l->vlen = 0;
	if (L->kinds != 0 && !(L->kinds & 1U << l->kind)) {
		L->b.len = mark;
		return;
	}
	if (L->canonical)
		canon(L, l);
	if (L->repeats)
		goto keep;
	if (2 * (L->n + 1) > L->nslot)
		rehash(L);
	sl = lookup(L, L->b.p + l->url, l->ulen);
	if (*sl != 0) {
		L->b.len = mark;
		return;
	}
	*sl = L->n + 1;
keep:
	l->text = L->b.len;
	buf_add(&L->b, s + at, tn);
	l->tlen = tn;
	L->n++;
}

/* --- the recognisers; each returns the end of its match, or 0 --- */

/* An id recognised at w, with prefix (arXiv:, doi:) starting at t. */
static size_t
idlink(struct links *L, const char *s, size_t n, size_t t, size_t w)
{
	size_t e, h;

	if ((e = ident_arxiv(s, n, w, NULL)) != 0) {
		add(L, s, t, e - t, "https://arxiv.org/abs/", s + w, e - w,
		    K_PAPER);
		return e;
	}
	if ((h = ident_doihead(s, n, w)) != 0 &&
	    (e = ident_doiend(s, n, h)) > h) {
		add(L, s, t, e - t, "https://doi.org/", s + w, e - w, K_DOI);
		return e;
	}
	return 0;
}

/*
 * At a ':': a URL with a scheme (http, https, ftp), or an id after
 * "arXiv:" or "doi:".  lo is where the previous link ended.
 */
static size_t
atcolon(struct links *L, const char *s, size_t n, size_t i, size_t lo,
    size_t *skip)
{
	size_t st, a, e, x, h, q, t, k;
	const char *at;
	struct ident id;

	for (k = 0; k < 2; k++) {
		t = i - (k == 0 ? 5 : 3);
		if (i < (k == 0 ? 5U : 3U) || t < lo || glued(s, t, "") ||
		    ident_at(s, n, t, &id) == ID_NONE || id.form != IDF_PREFIX)
			continue;
		add(L, s, t, id.end - t, id.kind == ID_ARXIV ?
		    "https://arxiv.org/abs/" : "https://doi.org/", s + id.id,
		    id.end - id.id, id.kind == ID_ARXIV ? K_PAPER : K_DOI);
		return id.end;
	}
	if (i + 2 >= n || s[i + 1] != '/' || s[i + 2] != '/')
		return 0;
	if (i >= 5 && prefix_ci(s + i - 5, 5, "https"))
		st = i - 5;
	else if (i >= 4 && prefix_ci(s + i - 4, 4, "http"))
		st = i - 4;
	else if (i >= 3 && prefix_ci(s + i - 3, 3, "ftp"))
		st = i - 3;
	else
		return 0;
	if (st < lo || (st > 0 && (cls[(uc)s[st - 1]] & C_WORD)))
		return 0;
	a = i + 3;
	e = urlend(s, cjkend(s, n, st, a), a, a);
	*skip = e > a ? e : a;
	/* the authority: [userinfo@]host[:port] up to / ? # */
	for (x = a; x < e && s[x] != '/' && s[x] != '?' && s[x] != '#'; x++)
		;
	at = NULL;
	for (h = a; h < x; h++)
		if (s[h] == '@')
			at = s + h;
	h = at ? (size_t)(at - s) + 1 : a;
	if (h < x && s[h] == '[') {
		for (q = h + 1; q < x && s[q] != ']'; q++)
			if (!(cls[(uc)s[q]] & C_LABEL) && s[q] != ':' &&
			    s[q] != '.')
				return 0;
		if (q == x || q == h + 1)
			return 0;
		for (q++; q < x && (s[q] == ':' || (cls[(uc)s[q]] & C_DIGIT));
		    q++)
			;
		if (q < x || s[q - 1] == ':')
			return 0;
	} else {
		for (q = x; q > h && (cls[(uc)s[q - 1]] & C_DIGIT); q--)
			;
		if (q > h && s[q - 1] == ':' && q < x)
			x = q - 1;
		if (h == x || s[h] == '.' || s[h] == '-' || s[x - 1] == '.')
			return 0;
		for (q = h; q < x; q++) {
			if ((uc)s[q] >= 0x80 || (cls[(uc)s[q]] & C_LABEL) ||
			    s[q] == '_' || s[q] == '~' || s[q] == '%')
				continue;
			if (s[q] != '.' || s[q + 1] == '.')
				return 0;
		}
	}
	add(L, s, st, e - st, "", s + st, e - st, -1);
	return e;
}

/*
 * At a '.': an arXiv id or DOI starting at the word, or a host without
 * a scheme (github.com/x/y, www.example.org, foo.co.jp).
 */
static size_t
atdot(struct links *L, const char *s, size_t n, size_t i, size_t lo,
    size_t *skip)
{
	uc *u = (uc *)s;
	size_t w, h, p, k, e, last, lab;
	long c;
	int bare, explicit;

	if (i == lo || i + 1 >= n || !(cls[u[i - 1]] & C_LABEL ||
	    u[i - 1] >= 0x80) || !(cls[u[i + 1]] & C_WORD || u[i + 1] >= 0x80))
		return 0;
	for (w = i; w > lo; w -= k) {
		c = utf8_prev(u + lo, u + w, &k);
		if (!ulabel(c))
			break;
	}
	if (!glued(s, w, "./-:@+%") && (e = idlink(L, s, n, w, w)) != 0)
		return e;
	/* labels, greedily: foo.comm is not foo.com */
	last = w;
	for (p = w;;) {
		lab = p;
		for (; p < n; p += k) {
			c = utf8_next(u + p, u + n, &k);
			if (!ulabel(c))
				break;
		}
		if (p == lab || s[lab] == '-' || s[p - 1] == '-') {
			*skip = p;
			return 0;
		}
		if (p + 1 < n && s[p] == '.' && (cls[u[p + 1]] & C_LABEL ||
		    u[p + 1] >= 0x80)) {
			last = ++p;
			continue;
		}
		break;
	}
	h = p;
	*skip = h;
	if (last == w || glued(s, w, "./-:@+%"))
		return 0;
	/* part of an e-mail address */
	for (p = h; p < n && (cls[u[p]] & C_EMAIL); p++)
		;
	if (p < n && s[p] == '@')
		return 0;
	if (h < n && s[h] == '_')
		return 0;
	if (!istld(s + last, h - last))
		return 0;
	p = h;
	if (p + 1 < n && s[p] == ':' && (cls[u[p + 1]] & C_DIGIT)) {
		for (p++; p < n && (cls[u[p]] & C_DIGIT); p++)
			;
		if (p < n && (cls[u[p]] & C_WORD))
			p = h;
	}
	if (p < n && (s[p] == '/' || s[p] == '?' || s[p] == '#'))
		e = urlend(s, n, p, p);
	else
		e = p;
	if (e < h)
		e = h;
	explicit = (w > 0 && s[w - 1] == '<' && e < n && s[e] == '>') ||
	    (w > 1 && s[w - 2] == ']' && s[w - 1] == '(' && e < n &&
	    s[e] == ')');
	bare = e == h && !prefix_ci(s + w, h - w, "www.");
	if (bare && !explicit && !baretld(s + w, last - w, s + last, h - last))
		return 0;
	add(L, s, w, e - w, "https://", s + w, e - w, -1);
	return e;
}

/* At a '/': an old-style arXiv id without a subject class, cs/0112017. */
static size_t
atslash(struct links *L, const char *s, size_t n, size_t i, size_t lo)
{
	size_t w;

	if (i == lo || i + 1 >= n || !(cls[(uc)s[i + 1]] & C_DIGIT))
		return 0;
	for (w = i; w > lo && i - w < 9 && ((s[w - 1] >= 'a' &&
	    s[w - 1] <= 'z') || s[w - 1] == '-'); w--)
		;
	if (w == i || glued(s, w, "./-:@+%"))
		return 0;
	return idlink(L, s, n, w, w);
}

/*
 * Every link in s[0..n), in order, appended to L.  Candidates start at the
 * bytes every form has: ':' (schemes, arXiv:, doi:), '.' (hosts, ids,
 * DOIs) and '/' (old arXiv ids), found with memchr; each is checked
 * around that byte, so the cost is in the candidates, not in the text.
 */
void
links_scan(struct links *L, const char *s, size_t n)
{
	const char *pc, *pd, *ps, *q;
	size_t cur = 0, lo = 0, i, e, skip;

	if (n == 0)
		return;
	pc = memchr(s, ':', n);
	pd = memchr(s, '.', n);
	ps = memchr(s, '/', n);
	for (;;) {
		if (pc != NULL && pc < s + cur)
			pc = memchr(s + cur, ':', n - cur);
		if (pd != NULL && pd < s + cur)
			pd = memchr(s + cur, '.', n - cur);
		if (ps != NULL && ps < s + cur)
			ps = memchr(s + cur, '/', n - cur);
		q = pc;
		if (pd != NULL && (q == NULL || pd < q))
			q = pd;
		if (ps != NULL && (q == NULL || ps < q))
			q = ps;
		if (q == NULL)
			break;
		i = q - s;
		skip = i + 1;
		if (*q == ':')
			e = atcolon(L, s, n, i, lo, &skip);
		else if (*q == '.')
			e = atdot(L, s, n, i, lo, &skip);
		else
			e = atslash(L, s, n, i, lo);
		if (e != 0)
			cur = lo = e;
		else
			cur = skip > i ? skip : i + 1;
		if (cur >= n)
			break;
	}
}
