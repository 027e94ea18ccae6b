/*
 * plinks-kind.c: the kinds of links.  The table of hosts and paths that
 * says what kind a URL is, the kinds' names, the canonical form of a URL
 * (-c) and a link as JSON.
 */
#include <stddef.h>
#include <string.h>

#include "paperpipe.h"
#include "plinks.h"

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

const char *
links_kindname(int k)
{
	return kindnames[k];
}

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

int
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
void
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
