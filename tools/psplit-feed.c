/*
 * psplit-feed.c: psplit's readers for what scripts fetch as XML or HTML:
 * the arXiv API and RSS feeds (Atom, RSS 2.0), arXiv listing and search
 * pages, and the Hugging Face papers page, all through libxml2.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include "paperpipe.h"
#include "psplit.h"


static struct psplit *cur;		/* the input, for libxml2's callbacks */
static struct lines *curl;
static struct paper pp;
static struct buf tmp;
static int xmlerrs;

/*
 * These documents come from the network: nothing they name outside
 * themselves is ever loaded, whatever the parser options say.
 */
static xmlParserInputPtr
noload(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	if (cur != NULL) {
		psplit_warn(cur, 0, "external entity %s not loaded",
		    url != NULL ? url : id != NULL ? id : "?");
		cur->status = EXIT_TROUBLE;
	}
	return NULL;
}

/* libxml2's messages, as "psplit: FILE:LINE: message". */
static void
xmlerr(void *arg, xmlErrorPtr err)
{
	size_t n;

	if (err == NULL || err->level < XML_ERR_ERROR || cur == NULL)
		return;
	if (xmlerrs++ > 0)
		return;			/* the first says where it went wrong */
	n = err->message != NULL ? strlen(err->message) : 0;
	while (n > 0 && err->message[n - 1] == '\n')
		n--;
	psplit_warn(cur, err->line > 0 ? (unsigned long long)err->line : 0,
	    "%.*s", (int)n, err->message != NULL ? err->message : "XML error");
	cur->status = EXIT_TROUBLE;
}

static int
readcb(void *arg, char *buf, int len)
{
	long long r = lines_read(curl, buf, (size_t)len);

	return r < 0 ? -1 : (int)r;
}

static int
closecb(void *arg)
{
	return 0;
}

/* Real HTML is rarely valid: the HTML parser recovers, silently. */
static void
quiet(void *arg, xmlErrorPtr err)
{
}

static void
setup(struct lines *l, struct psplit *ps, int html)
{
	cur = ps;
	curl = l;
	xmlerrs = 0;
	xmlSetExternalEntityLoader(noload);
	xmlSetStructuredErrorFunc(NULL, html ? quiet : xmlerr);
}

static int
has(const char *p, size_t n, const char *lit)
{
	return n > 0 && memmem(p, n, lit, strlen(lit)) != NULL;
}

static int
hascase(const char *p, size_t n, const char *lit)
{
	size_t k = strlen(lit), i;

	for (i = 0; i + k <= n; i++)
		if (strncasecmp(p + i, lit, k) == 0)
			return 1;
	return 0;
}

/* An XML document (a BOM, a declaration or white space before "<"). */
static const char *
xmlstart(const char *p, size_t n)
{
	const char *e = p + n;

	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p < e && *p == '<' ? p : NULL;
}

int
atom_detect(const char *p, size_t n)
{
	return xmlstart(p, n) != NULL && (has(p, n, "<feed") ||
	    has(p, n, ":feed ")) && has(p, n, "http://www.w3.org/2005/Atom");
}

int
rss_detect(const char *p, size_t n)
{
	return xmlstart(p, n) != NULL && has(p, n, "<rss") &&
	    has(p, n, "<channel");
}

/* ---- the arXiv API and RSS feeds (Atom and RSS 2.0), streamed */

static const xmlChar *
attr(xmlTextReaderPtr r, const char *name)
{
	static xmlChar *v;

	xmlFree(v);
	v = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
	return v;
}

/* The text of the element the reader is on, into dst, white space as a page. */
static void
text(xmlTextReaderPtr r, struct buf *dst, int paras)
{
	xmlChar *s = xmlTextReaderReadString(r);

	if (s == NULL)
		return;
	psplit_text(dst, (const char *)s, strlen((const char *)s), paras);
	xmlFree(s);
}

static void
addname(struct buf *list, const char *s, size_t n)
{
	size_t at;

	if (list->len > 0)
		buf_addc(list, '\n');
	at = list->len;
	psplit_text(list, s, n, 0);
	if (list->len == at && at > 0)
		list->len--;
}

/* "A. One, B. Two, C. Three" (dc:creator) as one name per line. */
static void
addnames(struct buf *list, const char *s, size_t n)
{
	const char *e = s + n, *c;

	while (s < e) {
		if ((c = memchr(s, ',', e - s)) == NULL)
			c = e;
		addname(list, s, c - s);
		s = c + 1;
	}
}

/*
 * RSS descriptions (and Atom-flavour summaries) start with
 * "arXiv:2405.01234v1 Announce Type: new" before "Abstract: ...".
 */
static void
announce(struct paper *p)
{
	const char *s = p->abstract.p, *e = s + p->abstract.len, *a, *t;
	static struct buf id, ver;

	if (p->abstract.len < 6 || memcmp(s, "arXiv:", 6) != 0)
		return;
	if ((a = memmem(s, e - s, "Abstract:", 9)) == NULL)
		return;
	if (psplit_arxiv_id(s, a - s, &id, &ver) && ver.len > 0 &&
	    p->version.len == 0)
		buf_add(&p->version, ver.p, ver.len);
	if ((t = memmem(s, a - s, "Announce Type:", 14)) != NULL &&
	    p->announce.len == 0) {
		t += 14;
		while (t < a && *t == ' ')
			t++;
		tmp.len = 0;
		while (t < a && *t != ' ')
			buf_addc(&tmp, *t++);
		buf_add(&p->announce, tmp.p, tmp.len);
	}
	for (a += 9; a < e && *a == ' '; a++)
		;
	memmove(p->abstract.p, a, e - a);
	p->abstract.len = e - a;
}

static const char *wdays = "SunMonTueWedThuFriSat";
static const char *mons = "JanFebMarAprMayJunJulAugSepOctNovDec";

/* RFC 822 "Mon, 27 May 2024 00:00:00 -0400" as ISO 8601; else as is. */
static void
rfcdate(struct buf *dst, struct buf *src)
{
	char out[40];
	const char *s = src->p, *m;
	int d, y, hh, mm, ss, k = 0;
	char mon[4], zone[8];

	if (src->len > 4 && s[3] == ',' && memmem(wdays, 21, s, 3) != NULL)
		s += 5;
	buf_addc(src, '\0');
	if (sscanf(s, "%d %3s %d %d:%d:%d %7s%n", &d, mon, &y, &hh, &mm, &ss,
	    zone, &k) != 7 || (m = strstr(mons, mon)) == NULL ||
	    strlen(mon) != 3 || (m - mons) % 3 != 0) {
		src->len--;
		buf_add(dst, src->p, src->len);
		return;
	}
	if (strcmp(zone, "GMT") == 0 || strcmp(zone, "UT") == 0 ||
	    strcmp(zone, "Z") == 0)
		strcpy(zone, "Z");
	else if (strlen(zone) == 5 && (zone[0] == '+' || zone[0] == '-')) {
		zone[6] = '\0';
		zone[5] = zone[4];
		zone[4] = zone[3];
		zone[3] = ':';
	}
	snprintf(out, sizeof(out), "%04d-%02d-%02dT%02d:%02d:%02d%s", y,
	    (int)(m - mons) / 3 + 1, d, hh, mm, ss, zone);
	buf_adds(dst, out);
}

/* An entry or item is complete. */
static void
feed_entry(struct psplit *ps, struct paper *p, struct buf *idtext,
    struct buf *date)
{
	if (date->len > 0)
		rfcdate(&p->published, date);
	announce(p);
	if (has(idtext->p, idtext->len, "/api/errors")) {
		psplit_warn(ps, 0, "the arXiv API says: %.*s",
		    (int)p->abstract.len, p->abstract.p);
		ps->status = EXIT_TROUBLE;
		return;
	}
	if (!psplit_arxiv_id(idtext->p, idtext->len, &p->id, &tmp) ||
	    p->title.len == 0) {
		psplit_warn(ps, 0, "an entry without %s; skipped",
		    p->title.len == 0 ? "a title" : "an arXiv id");
		ps->status = EXIT_TROUBLE;
		return;
	}
	if (p->version.len == 0)
		buf_add(&p->version, tmp.p, tmp.len);
	buf_adds(&p->url, "https://arxiv.org/abs/");
	buf_add(&p->url, p->id.p, p->id.len);
	paper_emit(ps, p);
}

/*
 * Whether the document's DTD declares entities: an old RSS 0.91 DOCTYPE
 * line is harmless, a DTD with entities is how entity bombs and
 * external-entity reads are built.
 */
static int
declares(xmlTextReaderPtr r, xmlDocPtr *docp)
{
	xmlDocPtr doc;
	xmlDtdPtr d;

	/* From now on the document is ours to free (see feed_read). */
	if ((doc = *docp = xmlTextReaderCurrentDoc(r)) == NULL)
		return 1;
	d = doc->intSubset;
	return d != NULL && ((d->entities != NULL &&
	    xmlHashSize(d->entities) > 0) || (d->pentities != NULL &&
	    xmlHashSize(d->pentities) > 0));
}

static int
is(const xmlChar *s, const char *lit)
{
	return s != NULL && strcmp((const char *)s, lit) == 0;
}

/*
 * Atom <entry> and RSS <item>, read with the streaming reader so memory
 * holds one entry however long the feed.  A DTD is refused: feeds have
 * none, and one is how entity bombs are built.
 */
void
feed_read(struct lines *l, struct psplit *ps)
{
	static struct buf idtext, date, alt;
	xmlTextReaderPtr r;
	xmlDocPtr doc = NULL;
	const xmlChar *name;
	int ret, type, depth, in = -1, author = 0, channel = 0, dtd = 0;

	setup(l, ps, 0);
	r = xmlReaderForIO(readcb, closecb, NULL, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_COMPACT);
	if (r == NULL) {
		psplit_warn(ps, 0, "cannot start the XML reader");
		ps->status = EXIT_TROUBLE;
		return;
	}
	xmlTextReaderSetStructuredErrorHandler(r, xmlerr, NULL);
	while ((ret = xmlTextReaderRead(r)) == 1) {
		type = xmlTextReaderNodeType(r);
		depth = xmlTextReaderDepth(r);
		name = xmlTextReaderConstLocalName(r);
		if (type == XML_READER_TYPE_DOCUMENT_TYPE && declares(r, &doc)) {
			psplit_warn(ps, 0, "a DTD that declares entities: not "
			    "read (they could expand without bound or name "
			    "files)");
			ps->status = EXIT_TROUBLE;
			dtd = 1;
			break;
		}
		if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
			psplit_warn(ps, 0, "entity &%s; not expanded",
			    (const char *)name);
			ps->status = EXIT_TROUBLE;
			continue;
		}
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (depth == in) {
				if (alt.len > 0 && idtext.len == 0)
					buf_add(&idtext, alt.p, alt.len);
				feed_entry(ps, &pp, &idtext, &date);
				in = -1;
			} else if (author && depth == in + 1 && is(name,
			    "author"))
				author = 0;
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (in < 0) {
			if (is(name, "channel") || is(name, "feed"))
				channel = 1;
			if (is(name, "entry") || is(name, "item")) {
				in = depth;
				paper_clear(&pp);
				idtext.len = date.len = alt.len = 0;
				author = 0;
				if (xmlTextReaderIsEmptyElement(r)) {
					feed_entry(ps, &pp, &idtext, &date);
					in = -1;
				}
			}
			continue;
		}
		if (depth == in + 2 && author && is(name, "name")) {
			tmp.len = 0;
			text(r, &tmp, 0);
			addname(&pp.authors, tmp.p, tmp.len);
			continue;
		}
		if (depth != in + 1)
			continue;
		if (is(name, "id") || is(name, "guid"))
			text(r, &idtext, 0);
		else if (is(name, "link")) {
			const xmlChar *h = attr(r, "href");

			if (h != NULL && alt.len == 0)
				psplit_text(&alt, (const char *)h,
				    strlen((const char *)h), 0);
			else if (h == NULL)
				text(r, &alt, 0);
		} else if (is(name, "title"))
			text(r, &pp.title, 0);
		else if (is(name, "summary") || is(name, "description"))
			text(r, &pp.abstract, 1);
		else if (is(name, "published"))
			text(r, &pp.published, 0);
		else if (is(name, "pubDate"))
			text(r, &date, 0);
		else if (is(name, "updated"))
			text(r, &pp.updated, 0);
		else if (is(name, "author"))
			author = !xmlTextReaderIsEmptyElement(r);
		else if (is(name, "creator")) {
			tmp.len = 0;
			text(r, &tmp, 0);
			addnames(&pp.authors, tmp.p, tmp.len);
		} else if (is(name, "category")) {
			const xmlChar *t = attr(r, "term");

			tmp.len = 0;
			if (t != NULL)
				psplit_text(&tmp, (const char *)t,
				    strlen((const char *)t), 0);
			else
				text(r, &tmp, 0);
			addname(&pp.cats, tmp.p, tmp.len);
		} else if (is(name, "primary_category")) {
			const xmlChar *t = attr(r, "term");

			if (t != NULL && pp.primary.len == 0)
				psplit_text(&pp.primary, (const char *)t,
				    strlen((const char *)t), 0);
		} else if (is(name, "comment"))
			text(r, &pp.comments, 0);
		else if (is(name, "journal_ref") ||
		    is(name, "journal_reference"))
			text(r, &pp.jref, 0);
		else if (is(name, "doi") || is(name, "DOI"))
			text(r, &pp.doi, 0);
		else if (is(name, "announce_type")) {
			pp.announce.len = 0;
			text(r, &pp.announce, 0);
		}
	}
	if (ret == -1 && !dtd) {
		psplit_warn(ps, 0, "not well-formed XML: stopped after %lu "
		    "papers", ps->npapers);
		ps->status = EXIT_TROUBLE;
	}
	if (ret == 0 && !channel) {
		psplit_warn(ps, 0, "neither an Atom feed nor an RSS channel");
		ps->status = EXIT_TROUBLE;
	}
	if (ret == 0 && in < 0)
		ps->emptyok = 1;	/* a feed without entries: no papers */
	xmlFreeTextReader(r);
	if (doc != NULL)
		xmlFreeDoc(doc);
	cur = NULL;
}

/* ---- HTML pages: the Hugging Face papers page, arXiv lists and search */

static int
htmlish(const char *p, size_t n)
{
	return xmlstart(p, n) != NULL && (hascase(p, n, "<!doctype html") ||
	    hascase(p, n, "<html"));
}

int
hfhtml_detect(const char *p, size_t n)
{
	return htmlish(p, n) && (has(p, n, "huggingface.co") ||
	    has(p, n, "data-target=\"DailyPapers\"") ||
	    has(p, n, "data-target=\"PaperContent\""));
}

int
arxivhtml_detect(const char *p, size_t n)
{
	return htmlish(p, n) && hascase(p, n, "arxiv") &&
	    (has(p, n, "list-title") || has(p, n, "arxiv-result") ||
	    has(p, n, "/list/") || has(p, n, "list-identifier") ||
	    has(p, n, "/abs/"));
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
		addname(cats, o + 1, c - o - 1);
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
	paper_emit(cur, p);
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
		addname(&pp.authors, h.name.p, h.name.len);
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
		psplit_warn(cur, 0, "data-props of %s: %s", target,
		    err.why != NULL ? err.why : "not an object");
		cur->status = EXIT_TROUBLE;
		return;
	}
	if (strcmp(target, "PaperContent") == 0) {
		hfapi_item(cur, &pp, props, n, &err);
		return;
	}
	if (!jval_get(props, n, "dailyPapers", 11, &v) ||
	    !jval_open(&it, v.p, v.n) || it.obj) {
		psplit_warn(cur, 0, "data-props of %s: no dailyPapers list",
		    target);
		cur->status = EXIT_TROUBLE;
		return;
	}
	while (jval_next(&it, &m))
		if (hfapi_item(cur, &pp, m.val.p, m.val.n, &err) == -1) {
			psplit_warn(cur, 0, "data-props of %s: %s", target,
			    err.why);
			cur->status = EXIT_TROUBLE;
		}
}

static void
html_read(struct lines *l, struct psplit *ps, int hf)
{
	xmlSAXHandler sax;
	htmlParserCtxtPtr ctx;

	setup(l, ps, 1);
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
	sax.serror = quiet;
	if ((ctx = htmlNewParserCtxt()) == NULL || ctx->sax == NULL) {
		psplit_warn(ps, 0, "cannot start the HTML parser");
		ps->status = EXIT_TROUBLE;
		return;
	}
	memcpy(ctx->sax, &sax, sizeof(sax));
	/*
	 * Pulled through the read callback rather than pushed: the pull
	 * parser drops what it has read (the push parser keeps it all), so
	 * memory does not grow with the page.
	 */
	htmlCtxtReadIO(ctx, readcb, closecb, NULL, NULL, "UTF-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_RECOVER | HTML_PARSE_COMPACT);
	if (curl->err)
		ps->status = EXIT_TROUBLE;
	if (!hf)
		list_entry();
	else if (h.nentries == 0) {
		psplit_warn(ps, 0, "no DailyPapers or PaperContent data-props "
		    "in this Hugging Face page");
		ps->status = EXIT_TROUBLE;
	}
	htmlFreeParserCtxt(ctx);
	cur = NULL;
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
