/* plinks-extract.c: find URLs, arXiv ids and DOIs in text and classify them */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libpsl.h>
#include <utf8proc.h>

#include "paperpipe.h"
#include "plinks.h"

typedef const unsigned char uc;

/*
 * What kind a URL is: the first rule whose host and path prefix match, and
 * whose path has at least nseg segments.  A host "*.x" matches any
 * subdomain of x, "x.*" any host whose first label is x.  A path prefix
 * matches whole segments ("/datasets" matches "/datasets/a", not
 * "/datasetsx").  Anything no rule matches is web.  hf.co is taken for
 * huggingface.co and "www." is dropped before matching.
 */
static const struct rule {
	const char	*host;
	const char	*path;
	int		 nseg;
	int		 kind;
} rules[] = {
	{ "github.com",			"",		1, K_CODE },
	{ "gist.github.com",		"",		1, K_CODE },
	{ "raw.githubusercontent.com",	"",		1, K_CODE },
	{ "gitlab.com",			"",		1, K_CODE },
	{ "gitlab.*",			"",		1, K_CODE },
	{ "bitbucket.org",		"",		1, K_CODE },
	{ "codeberg.org",		"",		1, K_CODE },
	{ "git.sr.ht",			"",		1, K_CODE },
	{ "gitee.com",			"",		1, K_CODE },
	{ "sourceforge.net",		"/projects",	2, K_CODE },
	{ "colab.research.google.com",	"",		1, K_CODE },
	{ "pypi.org",			"/project",	2, K_CODE },
	{ "npmjs.com",			"/package",	2, K_CODE },
	{ "anonymous.4open.science",	"/r",		2, K_CODE },
	{ "anonymous.4open.science",	"/w",		2, K_PROJECT },
	{ "huggingface.co",		"/datasets",	2, K_DATASET },
	{ "huggingface.co",		"/spaces",	3, K_SPACE },
	{ "huggingface.co",		"/spaces",	0, K_WEB },
	{ "huggingface.co",		"/models",	0, K_WEB },
	{ "huggingface.co",		"/papers",	2, K_PAPER },
	{ "huggingface.co",		"/collections",	2, K_MODEL },
	{ "huggingface.co",		"/docs",	0, K_WEB },
	{ "huggingface.co",		"/blog",	0, K_WEB },
	{ "huggingface.co",		"/learn",	0, K_WEB },
	{ "huggingface.co",		"/tasks",	0, K_WEB },
	{ "huggingface.co",		"/posts",	0, K_WEB },
	{ "huggingface.co",		"/organizations", 0, K_WEB },
	{ "huggingface.co",		"/settings",	0, K_WEB },
	{ "huggingface.co",		"/pricing",	0, K_WEB },
	{ "huggingface.co",		"/enterprise",	0, K_WEB },
	{ "huggingface.co",		"/join",	0, K_WEB },
	{ "huggingface.co",		"/login",	0, K_WEB },
	{ "huggingface.co",		"/chat",	0, K_WEB },
	{ "huggingface.co",		"/datasets",	0, K_WEB },
	{ "huggingface.co",		"/papers",	0, K_WEB },
	{ "huggingface.co",		"/collections",	0, K_WEB },
	/* a user's or organisation's page lists its models */
	{ "huggingface.co",		"",		1, K_MODEL },
	{ "*.hf.space",			"",		0, K_SPACE },
	{ "modelscope.cn",		"/models",	2, K_MODEL },
	{ "modelscope.cn",		"/datasets",	2, K_DATASET },
	{ "modelscope.cn",		"/studios",	2, K_SPACE },
	{ "kaggle.com",			"/models",	2, K_MODEL },
	{ "kaggle.com",			"/datasets",	2, K_DATASET },
	{ "ollama.com",			"/library",	2, K_MODEL },
	{ "zenodo.org",			"",		1, K_DATASET },
	{ "figshare.com",		"",		1, K_DATASET },
	{ "*.figshare.com",		"",		1, K_DATASET },
	{ "data.mendeley.com",		"",		1, K_DATASET },
	{ "dataverse.harvard.edu",	"",		1, K_DATASET },
	{ "physionet.org",		"/content",	2, K_DATASET },
	{ "arxiv.org",			"",		1, K_PAPER },
	{ "export.arxiv.org",		"",		1, K_PAPER },
	{ "alphaxiv.org",		"",		1, K_PAPER },
	{ "openreview.net",		"",		1, K_PAPER },
	{ "aclanthology.org",		"",		1, K_PAPER },
	{ "aclweb.org",			"/anthology",	2, K_PAPER },
	{ "papers.nips.cc",		"",		1, K_PAPER },
	{ "proceedings.neurips.cc",	"",		1, K_PAPER },
	{ "proceedings.mlr.press",	"",		1, K_PAPER },
	{ "openaccess.thecvf.com",	"",		1, K_PAPER },
	{ "jmlr.org",			"/papers",	2, K_PAPER },
	{ "ojs.aaai.org",		"",		1, K_PAPER },
	{ "ijcai.org",			"/proceedings",	2, K_PAPER },
	{ "semanticscholar.org",	"/paper",	2, K_PAPER },
	{ "biorxiv.org",		"/content",	2, K_PAPER },
	{ "medrxiv.org",		"/content",	2, K_PAPER },
	{ "dl.acm.org",			"/doi",		2, K_PAPER },
	{ "ieeexplore.ieee.org",	"/document",	2, K_PAPER },
	{ "ecva.net",			"/papers",	2, K_PAPER },
	{ "paperswithcode.com",		"/paper",	2, K_PAPER },
	{ "paperswithcode.com",		"/dataset",	2, K_DATASET },
	{ "nature.com",			"/articles",	2, K_PAPER },
	{ "science.org",		"/doi",		2, K_PAPER },
	{ "sciencedirect.com",		"/science/article", 3, K_PAPER },
	{ "link.springer.com",		"/article",	2, K_PAPER },
	{ "link.springer.com",		"/chapter",	2, K_PAPER },
	{ "pubmed.ncbi.nlm.nih.gov",	"",		1, K_PAPER },
	{ "replicate.com",		"",		2, K_MODEL },
	{ "civitai.com",		"/models",	2, K_MODEL },
	{ "doi.org",			"",		1, K_DOI },
	{ "dx.doi.org",			"",		1, K_DOI },
	{ "*.github.io",		"",		0, K_PROJECT },
	{ "*.gitlab.io",		"",		0, K_PROJECT },
	{ "*.pages.dev",		"",		0, K_PROJECT },
	{ "*.netlify.app",		"",		0, K_PROJECT },
	{ "*.vercel.app",		"",		0, K_PROJECT },
	{ "*.web.app",			"",		0, K_PROJECT },
	{ "*.notion.site",		"",		0, K_PROJECT },
	{ "*.readthedocs.io",		"",		0, K_PROJECT },
	{ "sites.google.com",		"",		1, K_PROJECT },
};

static const char *kindnames[NKIND] = {
	"code", "project", "model", "dataset", "space", "paper", "doi", "web"
};

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

/* Byte classes for the ASCII range. */
enum {
	C_LABEL = 1,	/* letter, digit, '-': part of a host label */
	C_WORD = 2,	/* letter, digit, '_' */
	C_STOP = 4,	/* ends a URL: space, control, < > " ` */
	C_OPEN = 8,
	C_CLOSE = 16,
	C_TRAIL = 32,	/* dropped from a URL's end */
	C_EMAIL = 64,	/* may sit between a host and '@' in an address */
	C_DIGIT = 128,
};
static unsigned char cls[256];

void
links_init(void)
{
	int c;

	for (c = 0; c < 0x80; c++) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			cls[c] |= C_LABEL | C_WORD | C_EMAIL;
		if (c >= '0' && c <= '9')
			cls[c] |= C_LABEL | C_WORD | C_EMAIL | C_DIGIT;
		if (c <= ' ' || c == 0x7f || strchr("<>\"`", c) != NULL)
			cls[c] |= C_STOP;
		if (c != 0 && strchr("([{", c) != NULL)
			cls[c] |= C_OPEN;
		if (c != 0 && strchr(")]}", c) != NULL)
			cls[c] |= C_CLOSE;
		if (c != 0 && strchr(".,:;!?*'\"", c) != NULL)
			cls[c] |= C_TRAIL;
		if (c != 0 && strchr("_.%+-", c) != NULL)
			cls[c] |= C_EMAIL;
	}
	cls['-'] |= C_LABEL;
	cls['_'] |= C_WORD;
	if ((psl = psl_latest(NULL)) == NULL && (psl = psl_builtin()) == NULL)
		die(EXIT_TROUBLE, "cannot load the public suffix list");
}

const char *
links_kindname(int k)
{
	return kindnames[k];
}

int
links_kindbyname(const char *s)
{
	int k;

	for (k = 0; k < NKIND; k++)
		if (strcmp(s, kindnames[k]) == 0)
			return k;
	return -1;
}

static int
ucat(long c)
{
	return utf8proc_category((utf8proc_int32_t)c);
}

/* Letters, marks and digits: what a word or a host label is made of. */
static int
ualnum(long c)
{
	int k;

	if (c < 0x80)
		return c >= 0 && (cls[c] & C_WORD) && c != '_';
	k = ucat(c);
	return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_NO;
}

static int
ulabel(long c)
{
	return c == '-' || ualnum(c);
}

/* Characters no URL contains: spaces, controls, ill-formed bytes. */
static int
ustop(long c)
{
	int k;

	if (c < 0x80)
		return c < 0 || (cls[c] & C_STOP);
	if (c < 0xa0 || c == 0x200b || c == 0xfeff)
		return 1;
	k = ucat(c);
	return k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL ||
	    k == UTF8PROC_CATEGORY_ZP;
}

/*
 * Punctuation of CJK text (U+3000..U+303F and the full-width forms): 2 for
 * a bracket, 1 for other punctuation, 0 for anything else.
 */
static int
ucjkpunct(long c)
{
	int k;

	if (!((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff65)))
		return 0;
	k = ucat(c);
	if (k == UTF8PROC_CATEGORY_PS || k == UTF8PROC_CATEGORY_PE)
		return 2;
	return k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO;
}

static int
upunct(long c)
{
	int k = ucat(c);

	return k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Does a URL with a scheme start at s[p]? */
static size_t
schemeat(const char *s, size_t n, size_t p)
{
	size_t k;

	if (prefix_ci(s + p, n - p, "https://"))
		k = 8;
	else if (prefix_ci(s + p, n - p, "http://") ||
	    prefix_ci(s + p, n - p, "ftp://"))
		k = p + 6 < n && s[p + 6] == '/' ? 7 : 6;
	else
		return 0;
	return p + k < n && !(cls[(uc)s[p + k]] & C_STOP) ? k : 0;
}

/*
 * The end of a URL whose rest starts at p: stop at a space, a control
 * character, < > " `, or a closing bracket with no opener inside the URL;
 * then drop trailing sentence punctuation and quotes.  The end never
 * moves below keep.
 */
static size_t
urlend(const char *s, size_t n, size_t p, size_t keep)
{
	uc *u = (uc *)s;
	int depth[3] = { 0, 0, 0 }, b;
	size_t k, open[3], cut;
	long c;

	while (p < n) {
		c = u[p];
		if (c < 0x80) {
			/* a list glued by commas: "https://a.org/x,https://b.org" */
			if ((c == ',' || c == ';') && p + 4 < n &&
			    memchr(s + p + 1, ':', n - p - 1 < 7 ? n - p - 1 : 7)
			    != NULL && schemeat(s, n, p + 1))
				break;
			if (cls[c] & (C_STOP | C_OPEN | C_CLOSE)) {
				if (cls[c] & C_STOP)
					break;
				b = c == '(' || c == ')' ? 0 :
				    c == '[' || c == ']' ? 1 : 2;
				if (cls[c] & C_OPEN) {
					/* TeX's \href{url}{url} */
					if (schemeat(s, n, p + 1))
						break;
					if (depth[b]++ == 0)
						open[b] = p;
				} else if (depth[b]-- == 0)
					break;
			}
			p++;
			continue;
		}
		c = utf8_next(u + p, u + n, &k);
		if (ustop(c))
			break;
		/*
		 * A CJK bracket ends the URL, and so does other CJK
		 * punctuation followed by more CJK text, a space, the end or
		 * another URL ("https://a.org/x。数据"); followed by ASCII it
		 * may be part of a path ("？.png").
		 */
		if ((b = ucjkpunct(c)) == 2 || (b == 1 && (p + k == n ||
		    u[p + k] >= 0x80 || (cls[u[p + k]] & C_STOP) ||
		    schemeat(s, n, p + k))))
			break;
		p += k;
	}
	/* a bracket opened and never closed is not part of the URL */
	for (cut = p, b = 0; b < 3; b++)
		if (depth[b] > 0 && open[b] < cut)
			cut = open[b];
	p = cut;
	while (p > keep) {
		c = u[p - 1];
		if (c < 0x80) {
			if (!(cls[c] & C_TRAIL))
				break;
			p--;
			continue;
		}
		c = utf8_prev(u + keep, u + p, &k);
		if (c < 0 || !upunct(c))
			break;
		p -= k;
	}
	return p;
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

static void canon(struct links *, struct link *);
static int classify(const char *, size_t);

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

/* Is s[p] preceded by a word character, or by one of the given bytes? */
static int
glued(const char *s, size_t p, const char *also)
{
	size_t k;
	long c;

	if (p == 0)
		return 0;
	c = utf8_prev((uc *)s, (uc *)s + p, &k);
	if (c < 0)
		return 0;
	return c == '_' || ualnum(c) ||
	    (c < 0x80 && c != 0 && strchr(also, (int)c) != NULL);
}

/*
 * Where a URL with a scheme at st, its rest at a, can end: in text written
 * without spaces (Chinese, Japanese), a URL that a letter runs into also
 * ends at the next non-ASCII letter: "代码在https://github.com/a/b中".
 */
static size_t
cjkend(const char *s, size_t n, size_t st, size_t a)
{
	size_t k;
	long c;

	if (st == 0 || (c = utf8_prev((uc *)s, (uc *)s + st, &k)) < 0x80 ||
	    !ualnum(c))
		return n;
	for (; a < n; a += k) {
		k = 1;
		if ((uc)s[a] < 0x80) {
			if (cls[(uc)s[a]] & C_STOP)
				return a;	/* the URL ends here anyway */
			continue;
		}
		if ((c = utf8_next((uc *)s + a, (uc *)s + n, &k)) < 0)
			return a;
		if (ualnum(c))
			return a;
	}
	return n;
}

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

/* --- kinds and the canonical form --- */

struct url {
	size_t	 scheme;	/* length of "https" */
	size_t	 host, hlen;	/* after userinfo, before the port */
	size_t	 path, plen;	/* up to ? or # */
};

static void
urlsplit(const char *u, size_t n, struct url *p)
{
	size_t i, a, x;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < n && u[i] != ':'; i++)
		;
	p->scheme = i;
	a = i + 3 <= n ? i + 3 : n;
	for (x = a; x < n && u[x] != '/' && u[x] != '?' && u[x] != '#'; x++)
		;
	p->host = a;
	for (i = a; i < x; i++)
		if (u[i] == '@')
			p->host = i + 1;
	i = p->host;
	if (i < x && u[i] == '[')	/* IPv6: its colons are no port */
		while (i < x && u[i] != ']')
			i++;
	while (i < x && u[i] != ':')
		i++;
	p->hlen = i - p->host;
	p->path = x;
	for (i = x; i < n && u[i] != '?' && u[i] != '#'; i++)
		;
	p->plen = i - x;
}

/* The host in lower case without "www.", hf.co read as huggingface.co. */
static size_t
hostkey(char *t, size_t tcap, const char *h, size_t n)
{
	size_t i;

	if (n >= 4 && prefix_ci(h, n, "www."))
		h += 4, n -= 4;
	if (n >= tcap)
		n = tcap - 1;
	for (i = 0; i < n; i++)
		t[i] = (char)lower((unsigned char)h[i]);
	t[n] = '\0';
	if (strcmp(t, "hf.co") == 0) {
		strcpy(t, "huggingface.co");
		n = strlen(t);
	}
	return n;
}

static int
hostmatch(const char *pat, const char *h, size_t n)
{
	size_t k = strlen(pat);

	if (pat[0] == '*')	/* "*.x": a proper subdomain of x */
		return n > k - 1 && memcmp(h + n - (k - 1), pat + 1, k - 1) == 0;
	if (pat[k - 1] == '*')	/* "x.*" */
		return n > k - 1 && memcmp(h, pat, k - 1) == 0;
	return n == k && memcmp(h, pat, k) == 0;
}

static int
classify(const char *u, size_t n)
{
	struct url p;
	char h[256];
	const char *path;
	size_t hn, i, k, seg;
	const struct rule *r;

	urlsplit(u, n, &p);
	hn = hostkey(h, sizeof(h), u + p.host, p.hlen);
	path = u + p.path;
	for (seg = 0, i = 0; i < p.plen; i++)
		if (path[i] != '/' && (i == 0 || path[i - 1] == '/'))
			seg++;
	for (r = rules; r < rules + sizeof(rules) / sizeof(rules[0]); r++) {
		if (!hostmatch(r->host, h, hn) || seg < (size_t)r->nseg)
			continue;
		k = strlen(r->path);
		if (k > 0 && (!prefix_ci(path, p.plen, r->path) ||
		    (p.plen > k && path[k] != '/')))
			continue;
		return r->kind;
	}
	return K_WEB;
}

/*
 * Rewrite l's URL in the form used to compare links: scheme and host in
 * lower case, no "www.", no ".git" or "/" at the end of the path, arXiv
 * abs/pdf pages as https://arxiv.org/abs/ID with the version apart.
 */
static void
canon(struct links *L, struct link *l)
{
	static struct buf t, ver;
	struct url p;
	char h[256];
	const char *u = L->b.p + l->url, *path;
	size_t n = l->ulen, plen, i;
	struct ident id;

	urlsplit(u, n, &p);
	hostkey(h, sizeof(h), u + p.host, p.hlen);
	path = u + p.path;
	plen = p.plen;
	t.len = ver.len = 0;
	/* arXiv pages and DOIs as the one recogniser reads them */
	if (ident_parse(u, n, &id) != ID_NONE && id.form == IDF_URL) {
		buf_adds(&t, id.kind == ID_ARXIV ? "https://arxiv.org/abs/" :
		    "https://doi.org/");
		ident_canon(&t, u, &id);
		buf_add(&ver, u + id.ver, id.vlen);
		for (i = 0; i < ver.len; i++)
			ver.p[i] = (char)lower((unsigned char)ver.p[i]);
		goto done;
	}
	for (i = 0; i < p.scheme; i++)
		buf_addc(&t, lower((unsigned char)u[i]));
	buf_add(&t, u + p.scheme, p.host - p.scheme);	/* :// and userinfo */
	i = p.hlen >= 4 && prefix_ci(u + p.host, p.hlen, "www.") ? 4 : 0;
	if (strcmp(h, "huggingface.co") == 0)
		buf_adds(&t, h);	/* hf.co too */
	else
		for (; i < p.hlen; i++)
			buf_addc(&t, lower((unsigned char)u[p.host + i]));
	buf_add(&t, u + p.host + p.hlen, p.path - p.host - p.hlen);
	for (;;) {
		if (plen > 0 && path[plen - 1] == '/')
			plen--;
		else if (plen > 4 && memcmp(path + plen - 4, ".git", 4) == 0)
			plen -= 4;
		else
			break;
	}
	buf_add(&t, path, plen);
	buf_add(&t, u + p.path + p.plen, n - p.path - p.plen);
done:
	/* t and ver are copies: L->b may move as they are added */
	l->url = L->b.len;
	buf_add(&L->b, t.p, t.len);
	l->ulen = t.len;
	l->ver = L->b.len;
	buf_add(&L->b, ver.p, ver.len);
	l->vlen = ver.len;
}

/* Append l as a JSON object: {"url":...,"text":...,"kind":...}. */
void
links_json(struct buf *b, const struct links *L, const struct link *l)
{
	buf_adds(b, "{\"url\":");
	json_add_str(b, L->b.p + l->url, l->ulen);
	buf_adds(b, ",\"text\":");
	json_add_str(b, L->b.p + l->text, l->tlen);
	buf_adds(b, ",\"kind\":\"");
	buf_adds(b, kindnames[l->kind]);
	buf_addc(b, '"');
	if (l->vlen > 0) {
		buf_adds(b, ",\"version\":");
		json_add_str(b, L->b.p + l->ver, l->vlen);
	}
	buf_addc(b, '}');
}
