/* pfmt-out.c: the Markdown, HTML and text writers, each escaping its own */
#include <stdio.h>
#include <string.h>

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "paperpipe.h"
#include "pfmt.h"

#define DOT	" \xc2\xb7 "	/* U+00B7, between the parts of a line */

/*
 * The first of & < > " ' from s on, or e.  With SSE2 16 bytes at a time:
 * & and ' are the bytes that are 0x27 with bit 0 set, < and > those that
 * are 0x3E with bit 1 set.
 */
static const char *
htmlplain(const char *s, const char *e)
{
#ifdef __SSE2__
	__m128i v;
	unsigned mask;

	while (e - s >= 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)s);
		mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(v,
		    _mm_set1_epi8(1)), _mm_set1_epi8(0x27)),
		    _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(2)),
		    _mm_set1_epi8(0x3e))), _mm_cmpeq_epi8(v,
		    _mm_set1_epi8('"'))));
		if (mask != 0)
			return s + __builtin_ctz(mask);
		s += 16;
	}
#endif
	while (s < e && *s != '&' && *s != '<' && *s != '>' && *s != '"' &&
	    *s != '\'')
		s++;
	return s;
}

void
html_esc(struct buf *b, const char *s, size_t n)
{
	const char *e = s + n, *q;

	while (s < e) {
		q = htmlplain(s, e);
		buf_add(b, s, q - s);
		if (q == e)
			break;
		switch (*q) {
		case '&': LIT(b, "&amp;"); break;
		case '<': LIT(b, "&lt;"); break;
		case '>': LIT(b, "&gt;"); break;
		case '"': LIT(b, "&quot;"); break;
		default: LIT(b, "&#39;"); break;
		}
		s = q + 1;
	}
}

/* Columns on a terminal: wide characters count two, combining ones none. */
size_t
text_width(const char *s, size_t n)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	size_t w = 0, i = 0;
	int cw;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			w++;
			i++;
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i), &c);
		if (k <= 0) {
			w++;
			i++;
			continue;
		}
		if ((cw = utf8proc_charwidth(c)) > 0)
			w += (size_t)cw;
		i += (size_t)k;
	}
	return w;
}

/* "A, B, C et al." */
static void
authors(struct buf *b, const struct paper *p,
    void (*esc)(struct buf *, const char *, size_t, int))
{
	size_t i, n = p->nauthors;

	if (popt.nauthors > 0 && n > popt.nauthors)
		n = popt.nauthors;
	for (i = 0; i < n; i++) {
		if (i > 0)
			LIT(b, ", ");
		esc(b, SP(items[p->authors + i]), items[p->authors + i].len,
		    i == 0);
	}
	if (n < p->nauthors)
		LIT(b, " et al.");
}

static void
upvotes(struct buf *b, const struct paper *p)
{
	buf_add(b, SP(p->upvotes), p->upvotes.len);
	LIT(b, " upvote");
	if (p->upv != 1)
		buf_addc(b, 's');
}

/* ---- Markdown (CommonMark) ---- */

static void
md_begin(struct buf *b, const char *title, const char *sum)
{
	if (sum == NULL)
		return;
	LIT(b, "# ");
	md_esc(b, title, strlen(title), 0);
	LIT(b, "\n\n");
	md_esc(b, sum, strlen(sum), 1);
	LIT(b, "\n\n");
}

static void
md_group(struct buf *b, const char *s, size_t n)
{
	LIT(b, "## ");
	md_esc(b, s, n, 0);
	LIT(b, "\n\n");
}

/* Lines of a paragraph are joined by a backslash, a hard line break. */
static void
md_line(struct buf *b, int *nl)
{
	if (*nl)
		LIT(b, "\\\n");
	*nl = 1;
}

static void
md_paper(struct buf *b, const struct paper *p)
{
	const char *a, *e, *q;
	size_t i;
	int nl = 0, sep;

	LIT(b, "##");
	if (popt.grouped)
		buf_addc(b, '#');
	buf_addc(b, ' ');
	if (p->url.len > 0)
		buf_addc(b, '[');
	md_esc(b, SP(p->title), p->title.len, 0);
	if (p->url.len > 0) {
		LIT(b, "](<");
		buf_add(b, SP(p->url), p->url.len);
		LIT(b, ">)");
	}
	LIT(b, "\n\n");
	if ((popt.fields & F_AUTHORS) && p->nauthors > 0) {
		md_line(b, &nl);
		authors(b, p, md_esc);
	}
	sep = 0;
	if ((popt.fields & F_DATE) && p->date.len > 0) {
		md_line(b, &nl);
		md_esc(b, SP(p->date), p->date.len, 1);
		sep = 1;
	}
	if ((popt.fields & F_UPVOTES) && p->hasupv) {
		if (sep)
			LIT(b, DOT);
		else
			md_line(b, &nl);
		upvotes(b, p);
	}
	if ((popt.fields & F_TAGS) && p->ntags > 0) {
		md_line(b, &nl);
		LIT(b, "Tags: ");
		for (i = 0; i < p->ntags; i++) {
			if (i > 0)
				LIT(b, ", ");
			md_esc(b, SP(items[p->tags + i]),
			    items[p->tags + i].len, 0);
		}
	}
	if ((popt.fields & F_LINKS) && p->nlinks > 0) {
		md_line(b, &nl);
		for (i = 0; i < p->nlinks; i++) {
			if (i > 0)
				LIT(b, DOT);
			buf_addc(b, '[');
			buf_add(b, SP(items[p->links + 2 * i]),
			    items[p->links + 2 * i].len);
			LIT(b, "](<");
			buf_add(b, SP(items[p->links + 2 * i + 1]),
			    items[p->links + 2 * i + 1].len);
			LIT(b, ">)");
		}
	}
	if (nl)
		LIT(b, "\n\n");
	if (p->rawabstract.p != NULL) {
		md_clean(b, p->rawabstract.p, p->rawabstract.n);
		return;
	}
	for (a = SP(p->abstract), e = a + p->abstract.len; a < e; a = q + 1) {
		if ((q = memchr(a, '\n', e - a)) == NULL)
			q = e;
		md_esc(b, a, q - a, 1);
		LIT(b, "\n\n");
	}
}

static void
md_end(struct buf *b)
{
}

const struct form form_md = { md_begin, md_group, md_paper, md_end };

/* ---- HTML ---- */

static void
html_esc3(struct buf *b, const char *s, size_t n, int atstart)
{
	html_esc(b, s, n);
}

static void
html_begin(struct buf *b, const char *title, const char *sum)
{
	if (!popt.fragment) {
		buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		    "<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, "
		    "initial-scale=1\">\n<title>");
		html_esc(b, title, strlen(title));
		buf_adds(b, "</title>\n<style>\n"
		    "body { max-width: 46em; margin: 1em auto; padding: 0 1em;"
		    " font-family: sans-serif; line-height: 1.4; }\n"
		    ".meta, .tags, .links { margin: 0.2em 0; color: #555; }\n"
		    "</style>\n</head>\n<body>\n");
	}
	if (sum == NULL)
		return;
	LIT(b, "<h1>");
	html_esc(b, title, strlen(title));
	LIT(b, "</h1>\n<p class=\"summary\">");
	html_esc(b, sum, strlen(sum));
	LIT(b, "</p>\n");
}

static void
html_group(struct buf *b, const char *s, size_t n)
{
	LIT(b, "<h2 dir=\"auto\">");
	html_esc(b, s, n);
	LIT(b, "</h2>\n");
}

static void
html_link(struct buf *b, struct sp url, const char *s, size_t n)
{
	LIT(b, "<a href=\"");
	html_esc(b, SP(url), url.len);
	LIT(b, "\">");
	html_esc(b, s, n);
	LIT(b, "</a>");
}

static void
html_paper(struct buf *b, const struct paper *p)
{
	const char *h = popt.grouped ? "h3" : "h2", *a, *e, *q;
	size_t i;
	int sep = 0;

	LIT(b, "<article>\n<");
	buf_adds(b, h);
	LIT(b, " dir=\"auto\">");
	if (p->url.len > 0)
		html_link(b, p->url, SP(p->title), p->title.len);
	else
		html_esc(b, SP(p->title), p->title.len);
	LIT(b, "</");
	buf_adds(b, h);
	LIT(b, ">\n");
	if ((popt.fields & F_AUTHORS) && p->nauthors > 0) {
		LIT(b, "<p class=\"authors\" dir=\"auto\">");
		authors(b, p, html_esc3);
		LIT(b, "</p>\n");
	}
	if (((popt.fields & F_DATE) && p->date.len > 0) ||
	    ((popt.fields & F_UPVOTES) && p->hasupv)) {
		LIT(b, "<p class=\"meta\">");
		if ((popt.fields & F_DATE) && p->date.len > 0) {
			html_esc(b, SP(p->date), p->date.len);
			sep = 1;
		}
		if ((popt.fields & F_UPVOTES) && p->hasupv) {
			if (sep)
				LIT(b, DOT);
			upvotes(b, p);
		}
		LIT(b, "</p>\n");
	}
	if ((popt.fields & F_TAGS) && p->ntags > 0) {
		LIT(b, "<p class=\"tags\">Tags: ");
		for (i = 0; i < p->ntags; i++) {
			if (i > 0)
				LIT(b, ", ");
			html_esc(b, SP(items[p->tags + i]),
			    items[p->tags + i].len);
		}
		LIT(b, "</p>\n");
	}
	if ((popt.fields & F_LINKS) && p->nlinks > 0) {
		LIT(b, "<p class=\"links\">");
		for (i = 0; i < p->nlinks; i++) {
			if (i > 0)
				LIT(b, DOT);
			html_link(b, items[p->links + 2 * i + 1],
			    SP(items[p->links + 2 * i]),
			    items[p->links + 2 * i].len);
		}
		LIT(b, "</p>\n");
	}
	for (a = SP(p->abstract), e = a + p->abstract.len; a < e; a = q + 1) {
		if ((q = memchr(a, '\n', e - a)) == NULL)
			q = e;
		LIT(b, "<p class=\"abstract\" dir=\"auto\">");
		html_esc(b, a, q - a);
		LIT(b, "</p>\n");
	}
	LIT(b, "</article>\n");
}

static void
html_end(struct buf *b)
{
	if (!popt.fragment)
		LIT(b, "</body>\n</html>\n");
}

const struct form form_html = { html_begin, html_group, html_paper,
    html_end };

/* ---- plain text ---- */

#define BOLD	"\033[1m"
#define DIM	"\033[2m"
#define ULINE	"\033[4m"
#define CYAN	"\033[36m"
#define RESET	"\033[0m"

static void
on(struct buf *b, const char *c)
{
	if (popt.color && c != NULL)
		buf_adds(b, c);
}

static void
indent(struct buf *b, size_t n)
{
	while (n-- > 0)
		buf_addc(b, ' ');
}

/*
 * Fill s[0..n) into lines of popt.width columns, after the first line's
 * lead (already written, first columns wide) and an indent of ind on the
 * others.  A word longer than a line has a line of its own.  "\n" in s
 * is a paragraph break.  col is where each line's colour goes on.
 */
static void
wrap(struct buf *b, const char *s, size_t n, size_t first, size_t ind,
    const char *col)
{
	const char *e = s + n, *w, *off = col != NULL ? RESET : NULL;
	const char *rs = s, *re = s;	/* words to write as they are */
	size_t x = first, ww;
	int start = 1;
	unsigned char hi;

	on(b, col);
	while (s < e) {
		if (*s == ' ') {
			s++;
			continue;
		}
		if (*s == '\n') {
			buf_add(b, rs, re - rs);
			rs = re = s + 1;
			on(b, off);
			LIT(b, "\n\n");
			indent(b, ind);
			on(b, col);
			x = ind;
			start = 1;
			s++;
			continue;
		}
		for (w = s, hi = 0; w < e && *w != ' ' && *w != '\n'; w++)
			hi |= (unsigned char)*w;
		ww = hi & 0x80 ? text_width(s, w - s) : (size_t)(w - s);
		if (!start && x + 1 + ww > popt.width) {
			buf_add(b, rs, re - rs);
			rs = s;
			on(b, off);
			buf_addc(b, '\n');
			indent(b, ind);
			on(b, col);
			x = ind;
		} else if (!start) {
			/* one space between: the run goes on over it */
			if (s != re + 1) {
				buf_add(b, rs, re - rs);
				buf_addc(b, ' ');
				rs = s;
			}
			x++;
		} else
			rs = s;
		re = w;
		x += ww;
		start = 0;
		s = w;
	}
	buf_add(b, rs, re - rs);
	on(b, off);
	buf_addc(b, '\n');
}

static void
text_esc3(struct buf *b, const char *s, size_t n, int atstart)
{
	buf_add(b, s, n);
}

static void
underline(struct buf *b, const char *s, int c)
{
	size_t n = text_width(s, strlen(s));

	on(b, BOLD);
	buf_adds(b, s);
	on(b, RESET);
	buf_addc(b, '\n');
	while (n-- > 0)
		buf_addc(b, c);
	buf_addc(b, '\n');
}

static void
text_begin(struct buf *b, const char *title, const char *sum)
{
	if (sum == NULL)
		return;
	underline(b, title, '=');
	buf_adds(b, sum);
	LIT(b, "\n\n");
}

static void
text_group(struct buf *b, const char *s, size_t n)
{
	struct buf t = { 0 };

	buf_add(&t, s, n);
	buf_addc(&t, '\0');
	buf_addc(b, '\n');
	underline(b, t.p, '-');
	buf_addc(b, '\n');
	buf_free(&t);
}

static void
text_paper(struct buf *b, const struct paper *p)
{
	static struct buf l;
	size_t i;

	l.len = 0;
	LIT(b, "* ");
	wrap(b, SP(p->title), p->title.len, 2, 2, BOLD);
	if (p->url.len > 0) {
		LIT(b, "  ");
		on(b, ULINE);
		buf_add(b, SP(p->url), p->url.len);
		on(b, RESET);
		buf_addc(b, '\n');
	}
	if ((popt.fields & F_AUTHORS) && p->nauthors > 0) {
		authors(&l, p, text_esc3);
		LIT(b, "  ");
		wrap(b, l.p, l.len, 2, 2, NULL);
	}
	l.len = 0;
	if ((popt.fields & F_DATE) && p->date.len > 0)
		buf_add(&l, SP(p->date), p->date.len);
	if ((popt.fields & F_UPVOTES) && p->hasupv) {
		if (l.len > 0)
			LIT(&l, DOT);
		upvotes(&l, p);
	}
	if ((popt.fields & F_TAGS) && p->ntags > 0) {
		if (l.len > 0)
			LIT(&l, DOT);
		LIT(&l, "tags: ");
		for (i = 0; i < p->ntags; i++) {
			if (i > 0)
				LIT(&l, ", ");
			buf_add(&l, SP(items[p->tags + i]),
			    items[p->tags + i].len);
		}
	}
	if (l.len > 0) {
		LIT(b, "  ");
		wrap(b, l.p, l.len, 2, 2, DIM);
	}
	for (i = 0; (popt.fields & F_LINKS) && i < p->nlinks; i++) {
		LIT(b, "  ");
		buf_add(b, SP(items[p->links + 2 * i]),
		    items[p->links + 2 * i].len);
		LIT(b, ": ");
		on(b, CYAN);
		buf_add(b, SP(items[p->links + 2 * i + 1]),
		    items[p->links + 2 * i + 1].len);
		on(b, RESET);
		buf_addc(b, '\n');
	}
	if (p->abstract.len > 0) {
		LIT(b, "\n  ");
		wrap(b, SP(p->abstract), p->abstract.len, 2, 2, NULL);
	}
	buf_addc(b, '\n');
}

static void
text_end(struct buf *b)
{
}

const struct form form_text = { text_begin, text_group, text_paper,
    text_end };
