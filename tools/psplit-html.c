/*
 * psplit-html.c: psplit's readers for HTML pages, through libxml2's HTML
 * parser: arXiv listing and search pages, and the Hugging Face papers page
 */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "paperpipe.h"
#include "psplit.h"
#include "psplit-feed.h"

static struct paper pp;
static struct buf tmp;

static int
htmlish(const char *p, size_t n)
{
	return feed_xmlstart(p, n) != NULL &&
	    (feed_hascase(p, n, "<!doctype html") ||
	    feed_hascase(p, n, "<html"));
}

int
hfhtml_detect(const char *p, size_t n)
{
	return htmlish(p, n) && (feed_has(p, n, "huggingface.co") ||
	    feed_has(p, n, "data-target=\"DailyPapers\"") ||
	    feed_has(p, n, "data-target=\"PaperContent\""));
}

int
arxivhtml_detect(const char *p, size_t n)
{
	return htmlish(p, n) && feed_hascase(p, n, "arxiv") &&
	    (feed_has(p, n, "list-title") || feed_has(p, n, "arxiv-result") ||
	    feed_has(p, n, "/list/") || feed_has(p, n, "list-identifier") ||
	    feed_has(p, n, "/abs/"));
}

/* What text inside an arXiv list entry is, by the class around it. */
enum { F_NONE, F_TITLE, F_AUTHORS, F_COMMENTS, F_JREF, F_SUBJECTS,
	F_ABSTRACT, F_ID, F_SKIP };

static struct html {
	int		 depth;		/* of the element being read */
	int		 inentry;	/* in a <dd> or an arxiv-result */
	int		 entrydepth, fdepth, field, sdepth, adepth;
	int		 isdt, primary, pdepth;
	struct buf	 text, name, idtext, subjects, prim;
	unsigned long	 nentries;
} h;

static const char *
hattr(const xmlChar **atts, const char *name)
{
	for (; atts != NULL && atts[0] != NULL; atts += 2)
		if (strcasecmp((const char *)atts[0], name) == 0)
			return atts[1] != NULL ? (const char *)atts[1] : "";
	return NULL;
}

/* Whether the class attribute holds the word w. */
static int
hasclass(const xmlChar **atts, const char *w)
{
	const char *c = hattr(atts, "class"), *p;
	size_t k = strlen(w);

	if (c == NULL)
		return 0;
	for (p = c; (p = strstr(p, w)) != NULL; p += k)
		if ((p == c || p[-1] == ' ') && (p[k] == '\0' || p[k] == ' '))
			return 1;
	return 0;
}

/* "Computation and Language (cs.CL); Machine Learning (cs.LG)" */
static void
subjects(struct buf *cats, const char *s, size_t n)
{
	const char *e = s + n, *o, *c;

	if (n == 0)
		return;
	while ((o = memchr(s, '(', e - s)) != NULL &&
	    (c = memchr(o, ')', e - o)) != NULL) {
		feed_addname(cats, o + 1, c - o - 1);
		s = c + 1;
	}
}

static void
list_entry(void)
{
	struct paper *p = &pp;

	if (!h.inentry)
		return;
	h.inentry = 0;
	subjects(&p->cats, h.subjects.p, h.subjects.len);
	tmp.len = 0;
	subjects(&tmp, h.prim.p, h.prim.len);
	buf_add(&p->primary, tmp.p, tmp.len);
	if (!psplit_arxiv_id(h.idtext.p, h.idtext.len, &p->id, &p->version) ||
	    p->title.len == 0)
		return;
	buf_adds(&p->url, "https://arxiv.org/abs/");
	buf_add(&p->url, p->id.p, p->id.len);
	paper_emit(feed_ps, p);
}

static void
list_begin(void)
{
	list_entry();
	h.inentry = 1;
	h.entrydepth = h.depth;
	h.field = F_NONE;
	h.subjects.len = h.prim.len = 0;
	paper_clear(&pp);
}

/* The text of the field that just closed goes to its place. */
static void
field_end(void)
{
	struct paper *p = &pp;
	const char *s = h.text.p;
	size_t n = h.text.len;

	switch (h.field) {
	case F_TITLE:
		psplit_text(&p->title, s, n, 0);
		break;
	case F_COMMENTS:
		psplit_text(&p->comments, s, n, 0);
		break;
	case F_JREF:
		psplit_text(&p->jref, s, n, 0);
		break;
	case F_SUBJECTS:
		buf_add(&h.subjects, s, n);
		break;
	case F_ABSTRACT:
		p->abstract.len = 0;
		psplit_text(&p->abstract, s, n, 1);
		break;
	}
	h.field = F_NONE;
	h.text.len = 0;
}

static void
h_start(void *ctx, const xmlChar *tag, const xmlChar **atts)
{
	const char *t = (const char *)tag, *v;

	h.depth++;
	if (strcmp(t, "div") == 0 || strcmp(t, "p") == 0 ||
	    strcmp(t, "span") == 0 || strcmp(t, "a") == 0 ||
	    strcmp(t, "dt") == 0 || strcmp(t, "dd") == 0 ||
	    strcmp(t, "li") == 0)
		;
	else
		return;
	if (strcmp(t, "dt") == 0) {
		list_begin();
		h.idtext.len = 0;
		h.isdt = 1;
		return;
	}
	if (strcmp(t, "li") == 0 && hasclass(atts, "arxiv-result")) {
		list_begin();
		h.idtext.len = 0;
		h.isdt = 0;
		return;
	}
	if (!h.inentry)
		return;
	if (strcmp(t, "a") == 0 && (v = hattr(atts, "href")) != NULL &&
	    h.idtext.len == 0 && strstr(v, "/abs/") != NULL) {
		buf_adds(&h.idtext, v);
		return;
	}
	if (h.field == F_AUTHORS && strcmp(t, "a") == 0) {
		h.name.len = 0;
		h.adepth = h.depth;
		return;
	}
	if (h.field != F_NONE) {
		/* Inside a field: labels and the "Less" link are not text. */
		if (hasclass(atts, "descriptor") || (h.field == F_ABSTRACT &&
		    strcmp(t, "a") == 0)) {
			if (h.sdepth == 0)
				h.sdepth = h.depth;
		} else if (h.field == F_SUBJECTS &&
		    hasclass(atts, "primary-subject")) {
			h.primary = 1;
			h.pdepth = h.depth;
		}
		return;
	}
	h.fdepth = h.depth;
	h.sdepth = 0;
	if (hasclass(atts, "list-title") && strcmp(t, "div") == 0)
		h.field = F_TITLE;
	else if (hasclass(atts, "title") && strcmp(t, "p") == 0)
		h.field = F_TITLE;
	else if (hasclass(atts, "list-authors") || hasclass(atts, "authors"))
		h.field = F_AUTHORS;
	else if (hasclass(atts, "list-comments") || hasclass(atts, "comments"))
		h.field = F_COMMENTS;
	else if (hasclass(atts, "list-journal-ref"))
		h.field = F_JREF;
	else if (hasclass(atts, "list-subjects"))
		h.field = F_SUBJECTS;
	else if ((hasclass(atts, "mathjax") && strcmp(t, "p") == 0 &&
	    !hasclass(atts, "abstract")) ||
	    hasclass(atts, "abstract-full"))
		h.field = F_ABSTRACT;
	h.text.len = 0;
}

static void
h_end(void *ctx, const xmlChar *tag)
{
	const char *t = (const char *)tag;

	if (h.sdepth == h.depth)
		h.sdepth = 0;
	if (h.primary && h.pdepth == h.depth)
		h.primary = 0;
	if (h.field == F_AUTHORS && h.adepth == h.depth) {
		feed_addname(&pp.authors, h.name.p, h.name.len);
		h.adepth = 0;
	}
	if (h.field != F_NONE && h.fdepth == h.depth)
		field_end();
	if (h.inentry && ((strcmp(t, "dd") == 0 && h.isdt) ||
	    (strcmp(t, "li") == 0 && !h.isdt && h.depth == h.entrydepth)))
		list_entry();
	h.depth--;
}

static void
h_text(void *ctx, const xmlChar *s, int n)
{
	if (!h.inentry || h.field == F_NONE || h.sdepth != 0)
		return;
	if (h.field == F_AUTHORS) {
		if (h.adepth != 0)
			buf_add(&h.name, s, (size_t)n);
		return;
	}
	if (h.primary)
		buf_add(&h.prim, s, (size_t)n);
	buf_add(&h.text, s, (size_t)n);
}

/* The Hugging Face page: the list is the JSON in one element's data-props. */
static void
hf_start(void *ctx, const xmlChar *tag, const xmlChar **atts)
{
	static struct jindex ix;
	const char *target, *props;
	struct jerr err;
	struct span v;
	struct jiter it;
	struct member m;
	size_t n;

	if ((target = hattr(atts, "data-target")) == NULL ||
	    (props = hattr(atts, "data-props")) == NULL)
		return;
	if (strcmp(target, "DailyPapers") != 0 &&
	    strcmp(target, "PaperContent") != 0)
		return;
	h.nentries++;
	n = strlen(props);
	if (json_scan(props, n, &ix, &err) == -1 || !ix.isobj) {
		psplit_warn(feed_ps, 0, "data-props of %s: %s", target,
		    err.why != NULL ? err.why : "not an object");
		feed_ps->status = EXIT_TROUBLE;
		return;
	}
	if (strcmp(target, "PaperContent") == 0) {
		hfapi_item(feed_ps, &pp, props, n, &err);
		return;
	}
	if (!jval_get(props, n, "dailyPapers", 11, &v) ||
	    !jval_open(&it, v.p, v.n) || it.obj) {
		psplit_warn(feed_ps, 0, "data-props of %s: no dailyPapers list",
		    target);
		feed_ps->status = EXIT_TROUBLE;
		return;
	}
	while (jval_next(&it, &m))
		if (hfapi_item(feed_ps, &pp, m.val.p, m.val.n, &err) == -1) {
			psplit_warn(feed_ps, 0, "data-props of %s: %s", target,
			    err.why);
			feed_ps->status = EXIT_TROUBLE;
		}
}

static void
html_read(struct lines *l, struct psplit *ps, int hf)
{
	xmlSAXHandler sax;
	htmlParserCtxtPtr ctx;

	feed_setup(l, ps, 1);
	memset(&sax, 0, sizeof(sax));
	memset(&h.depth, 0, offsetof(struct html, text));
	h.text.len = h.name.len = h.idtext.len = 0;
	h.nentries = 0;
	paper_clear(&pp);
	if (hf)
		sax.startElement = hf_start;
	else {
		sax.startElement = h_start;
		sax.endElement = h_end;
		sax.characters = h_text;
	}
	sax.serror = feed_quiet;
	if ((ctx = htmlNewParserCtxt()) == NULL || ctx->sax == NULL) {
		psplit_warn(ps, 0, "cannot start the HTML parser");
		ps->status = EXIT_TROUBLE;
		return;
	}
	memcpy(ctx->sax, &sax, sizeof(sax));
	/*
	 * Pulled through the read callback rather than pushed: the pull
	 * parser drops what it feed_has read (the push parser keeps it all), so
	 * memory does not grow with the page.
	 */
	htmlCtxtReadIO(ctx, feed_readcb, feed_closecb, NULL, NULL, "UTF-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_RECOVER | HTML_PARSE_COMPACT);
	if (feed_lines->err)
		ps->status = EXIT_TROUBLE;
	if (!hf)
		list_entry();
	else if (h.nentries == 0) {
		psplit_warn(ps, 0, "no DailyPapers or PaperContent data-props "
		    "in this Hugging Face page");
		ps->status = EXIT_TROUBLE;
	}
	htmlFreeParserCtxt(ctx);
	feed_ps = NULL;
}

void
hfhtml_read(struct lines *l, struct psplit *ps)
{
	html_read(l, ps, 1);
}

void
arxivhtml_read(struct lines *l, struct psplit *ps)
{
	html_read(l, ps, 0);
}

