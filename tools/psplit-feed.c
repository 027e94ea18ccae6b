/*
 * psplit-feed.c: psplit's readers for the arXiv API and RSS feeds (Atom,
 * RSS 2.0), streamed through libxml2, and what they share with the HTML
 * readers of psplit-html.c: the input callbacks, the error handlers that
 * load nothing from outside, and the format tests.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include "paperpipe.h"
#include "psplit.h"
#include "psplit-feed.h"

struct psplit *feed_ps;		/* the input, for libxml2's callbacks */
struct lines *feed_lines;
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
	if (feed_ps != NULL) {
		psplit_warn(feed_ps, 0, "external entity %s not loaded",
		    url != NULL ? url : id != NULL ? id : "?");
		feed_ps->status = EXIT_TROUBLE;
	}
	return NULL;
}

/* libxml2's messages, as "psplit: FILE:LINE: message". */
static void
xmlerr(void *arg, xmlErrorPtr err)
{
	size_t n;

	if (err == NULL || err->level < XML_ERR_ERROR || feed_ps == NULL)
		return;
	if (xmlerrs++ > 0)
		return;			/* the first says where it went wrong */
	n = err->message != NULL ? strlen(err->message) : 0;
	while (n > 0 && err->message[n - 1] == '\n')
		n--;
	psplit_warn(feed_ps, err->line > 0 ? (unsigned long long)err->line : 0,
	    "%.*s", (int)n, err->message != NULL ? err->message : "XML error");
	feed_ps->status = EXIT_TROUBLE;
}

int
feed_readcb(void *arg, char *buf, int len)
{
	long long r = lines_read(feed_lines, buf, (size_t)len);

	return r < 0 ? -1 : (int)r;
}

int
feed_closecb(void *arg)
{
	return 0;
}

/* Real HTML is rarely valid: the HTML parser recovers, silently. */
void
feed_quiet(void *arg, xmlErrorPtr err)
{
}

void
feed_setup(struct lines *l, struct psplit *ps, int html)
{
	feed_ps = ps;
	feed_lines = l;
	xmlerrs = 0;
	xmlSetExternalEntityLoader(noload);
	xmlSetStructuredErrorFunc(NULL, html ? feed_quiet : xmlerr);
}

int
feed_has(const char *p, size_t n, const char *lit)
{
	return n > 0 && memmem(p, n, lit, strlen(lit)) != NULL;
}

int
feed_hascase(const char *p, size_t n, const char *lit)
{
	size_t k = strlen(lit), i;

	for (i = 0; i + k <= n; i++)
		if (strncasecmp(p + i, lit, k) == 0)
			return 1;
	return 0;
}

/* An XML document (a BOM, a declaration or white space before "<"). */
const char *
feed_xmlstart(const char *p, size_t n)
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
	return feed_xmlstart(p, n) != NULL && (feed_has(p, n, "<feed") ||
	    feed_has(p, n, ":feed ")) &&
	    feed_has(p, n, "http://www.w3.org/2005/Atom");
}

int
rss_detect(const char *p, size_t n)
{
	return feed_xmlstart(p, n) != NULL && feed_has(p, n, "<rss") &&
	    feed_has(p, n, "<channel");
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

void
feed_addname(struct buf *list, const char *s, size_t n)
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
		feed_addname(list, s, c - s);
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
	if (feed_has(idtext->p, idtext->len, "/api/errors")) {
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

	feed_setup(l, ps, 0);
	r = xmlReaderForIO(feed_readcb, feed_closecb, NULL, NULL, NULL,
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
			feed_addname(&pp.authors, tmp.p, tmp.len);
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
			feed_addname(&pp.cats, tmp.p, tmp.len);
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
	feed_ps = NULL;
}
