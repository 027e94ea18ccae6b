/* psplit-util.c: what psplit's readers share */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "paperpipe.h"
#include "psplit.h"

/*
 * Scanning for the few bytes that need care, 16 at a time with the
 * compiler's portable vector extension (SSE2 or NEON code where there is
 * such a unit, plain words elsewhere).
 */
typedef unsigned char	vbytes __attribute__((vector_size(16)));
typedef signed char	vmask __attribute__((vector_size(16)));

static int
anyset(vmask m)
{
	uint64_t w[2];

	memcpy(w, &m, sizeof(w));
	return (w[0] | w[1]) != 0;
}

/* The index of the first lane set in m, 16 when there is none. */
static size_t
firstset(vmask m)
{
#ifdef __SSE2__
	unsigned k = (unsigned)_mm_movemask_epi8((__m128i)m);

	return k != 0 ? (size_t)__builtin_ctz(k) : 16;
#else
	uint64_t w[2];

	memcpy(w, &m, sizeof(w));
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	if (w[0] != 0)
		return __builtin_clzll(w[0]) / 8;
	if (w[1] != 0)
		return 8 + __builtin_clzll(w[1]) / 8;
#else
	if (w[0] != 0)
		return __builtin_ctzll(w[0]) / 8;
	if (w[1] != 0)
		return 8 + __builtin_ctzll(w[1]) / 8;
#endif
	return 16;
#endif
}

/* Length of the prefix of s that is ASCII without NUL: no checks needed. */
static size_t
plain(const char *s, size_t n)
{
	size_t i;
	vbytes v;

	for (i = 0; i + 16 <= n; i += 16) {
		memcpy(&v, s + i, 16);
		if (anyset((vmask)(v == 0) | (vmask)(v >= 0x80)))
			break;
	}
	while (i < n && s[i] != '\0' && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

/* Messages about an input: "psplit: FILE:LINE: ..." (no LINE when 0). */
void
psplit_warn(struct psplit *ps, unsigned long long lineno, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(ps->file, lineno, fmt, ap);
	va_end(ap);
}

/*
 * The next line for a reader (see lines_next): a NUL byte ends the input
 * with an error, since the file is not text; bad UTF-8 is repaired, so a
 * reader only ever sees valid UTF-8 and records are always valid JSON.
 */
long long
psplit_next(struct psplit *ps, struct lines *l, char **line)
{
	static struct buf fix;
	long long n;
	size_t k;

	if (ps->nulstop || (n = lines_next(l, line)) < 0)
		return -1;
	if ((k = plain(*line, (size_t)n)) == (size_t)n)
		return n;
	if (memchr(*line + k, '\0', (size_t)n - k) != NULL) {
		psplit_warn(ps, l->lineno, "NUL byte: not a text file");
		ps->status = EXIT_TROUBLE;
		ps->nulstop = 1;
		return -1;
	}
	if (utf8_valid(*line + k, (size_t)n - k) != (size_t)n - k) {
		fix.len = 0;
		utf8_repair(&fix, *line, (size_t)n);
		psplit_warn(ps, l->lineno,
		    "invalid UTF-8 replaced with U+FFFD");
		*line = fix.p;
		n = (long long)fix.len;
	}
	return n;
}

/*
 * Append a JSON array of the words of s[0..n), split at any byte of seps:
 * "cs.AI cs.CL" becomes ["cs.AI","cs.CL"].  The separators are looked up
 * in a bit set rather than with strchr for every byte, and one separator
 * (the names of struct paper) is found with memchr.
 */
void
psplit_addwords(struct buf *b, const char *s, size_t n, const char *seps)
{
	uint64_t set[4] = { 0, 0, 0, 0 };
	const unsigned char *u = (const unsigned char *)s;
	const char *k, *q;
	size_t i = 0, j;
	int one = seps[0] != '\0' && seps[1] == '\0';

#define ISSEP(c)	(set[(c) >> 6] >> ((c) & 63) & 1)
	for (k = seps; *k != '\0'; k++)
		set[(unsigned char)*k >> 6] |= 1ULL << ((unsigned char)*k & 63);
	buf_addc(b, '[');
	while (i < n) {
		while (i < n && ISSEP(u[i]))
			i++;
		if (one)
			j = (q = memchr(s + i, *seps, n - i)) != NULL ?
			    (size_t)(q - s) : n;
		else
			for (j = i; j < n && !ISSEP(u[j]); j++)
				;
		if (j > i) {
			json_sep(b);
			json_add_str(b, s + i, j - i);
		}
		i = j;
	}
	buf_addc(b, ']');
#undef ISSEP
}

/* Write the record a reader built in ps->rec and start the next one. */
void
psplit_emit(struct psplit *ps)
{
	buf_addc(&ps->rec, '\n');
	out_write(&out_stdout, ps->rec.p, ps->rec.len);
	ps->rec.len = 0;
	ps->npapers++;
}

/*
 * Append the text s[0..n) with its white space as a page shows it: runs
 * collapse to one space and the ends are trimmed.  With paras, a line
 * break followed by a blank line or an indented line (arXiv's paragraph
 * mark) is a paragraph break, "\n\n", as the other readers write them.
 */
void
psplit_text(struct buf *b, const char *s, size_t n, int paras)
{
	static const unsigned char ws[256] = {
		[' '] = 1, ['\t'] = 1, ['\r'] = 1, ['\n'] = 1
	};
	const char *e = s + n, *p, *run;
	int nl, sp;

	while (s < e && ws[(unsigned char)*s])
		s++;
	while (e > s && ws[(unsigned char)e[-1]])
		e--;
	/*
	 * Copy runs of text with their single spaces; mend the rest.  The
	 * bytes that may need it, a control byte or a space before white
	 * space, are found 16 at a time.
	 */
	for (run = p = s; p < e; p++) {
		while (e - p > 16) {
			vbytes v, w;
			size_t k;

			memcpy(&v, p, 16);
			memcpy(&w, p + 1, 16);
			k = firstset((vmask)(v < 0x0e) | ((vmask)(v == ' ') &
			    (vmask)(w <= ' ')));
			p += k;
			if (k < 16)
				break;
		}
		if (!ws[(unsigned char)*p] || (*p == ' ' &&
		    !ws[(unsigned char)p[1]]))
			continue;
		buf_add(b, run, p - run);
		for (nl = sp = 0; ws[(unsigned char)*p]; p++) {
			if (*p == '\n') {
				nl++;
				sp = 0;
			} else if (*p != '\r')
				sp++;
		}
		/* A blank line, or a new line indented: a paragraph. */
		if (paras && (nl >= 2 || (nl == 1 && sp >= 2)))
			buf_add(b, "\n\n", 2);
		else
			buf_addc(b, ' ');
		run = p--;
	}
	buf_add(b, run, e - run);
}

void
paper_clear(struct paper *p)
{
	p->id.len = p->version.len = p->title.len = p->abstract.len = 0;
	p->authors.len = p->url.len = p->published.len = p->updated.len = 0;
	p->cats.len = p->primary.len = p->comments.len = p->doi.len = 0;
	p->jref.len = p->announce.len = p->links.len = 0;
	p->upvotes = p->ncomments = -1;
	p->valid = 0;
}

static void
pfield(struct buf *r, const char *k, const struct buf *v)
{
	if (v->len == 0)
		return;
	json_key(r, k);
	buf_addc(r, '"');
	json_str_encode(r, v->p, v->len);
	buf_addc(r, '"');
}

/* A list of names separated by '\n', as a JSON array. */
static void
plist(struct buf *r, const char *k, const struct buf *v)
{
	if (v->len == 0)
		return;
	json_key(r, k);
	psplit_addwords(r, v->p, v->len, "\n");
}

/* A string member, unless v is empty (v: JSON string contents). */
void
psplit_addfield(struct buf *r, const char *k, const struct buf *v)
{
	if (v->len == 0)
		return;
	json_key(r, k);
	json_add_str(r, v->p, v->len);
}

/* A count, unless it is unknown (negative). */
void
psplit_addnum(struct buf *r, const char *k, long long v)
{
	char num[24], *d = num + sizeof(num);

	if (v < 0)
		return;
	json_key(r, k);
	do
		*--d = '0' + v % 10;
	while ((v /= 10) > 0);
	buf_add(r, d, num + sizeof(num) - d);
}

/*
 * Write a gathered paper.  The code and project links go into comments,
 * after the paper's own, since plinks reads that field by default.
 */
void
paper_emit(struct psplit *ps, struct paper *p)
{
	struct buf *r = &ps->rec;

	if (p->links.len > 0) {
		if (p->comments.len > 0)
			buf_adds(&p->comments, "; ");
		buf_add(&p->comments, p->links.p, p->links.len);
	}
	r->len = 0;
	buf_addc(r, '{');
	/* title and abstract first, as in every record of psplit's */
	pfield(r, "title", &p->title);
	json_key(r, "abstract");
	buf_addc(r, '"');
	json_str_encode(r, p->abstract.p, p->abstract.len);
	buf_addc(r, '"');
	pfield(r, "arxiv_id", &p->id);
	pfield(r, "version", &p->version);
	plist(r, "authors", &p->authors);
	plist(r, "categories", &p->cats);
	pfield(r, "primary_category", &p->primary);
	pfield(r, "comments", &p->comments);
	pfield(r, "journal_ref", &p->jref);
	pfield(r, "doi", &p->doi);
	pfield(r, "url", &p->url);
	pfield(r, "published", &p->published);
	pfield(r, "updated", &p->updated);
	psplit_addnum(r, "upvotes", p->upvotes);
	psplit_addnum(r, "num_comments", p->ncomments);
	pfield(r, "announce_type", &p->announce);
	buf_addc(r, '}');
	/* The HTML parser passes bad UTF-8 through: records never do. */
	if (!p->valid && utf8_valid(r->p, r->len) != r->len) {
		static struct buf fix;
		struct buf t;

		fix.len = 0;
		utf8_repair(&fix, r->p, r->len);
		t = *r;
		*r = fix;
		fix = t;
		psplit_warn(ps, 0, "invalid UTF-8 replaced with U+FFFD");
	}
	psplit_emit(ps);
}

/*
 * The one place the feed and API readers read an arXiv id: "2604.26951v1",
 * "astro-ph/0601001v1", or either after an abs/ URL or "arXiv:" or
 * "oai:arXiv.org:".  Sets id (no version) and version ("v1" or empty);
 * returns 0 when s holds no id.  Read by common/ident.h, as every tool reads ids.
 */
int
psplit_arxiv_id(const char *s, size_t n, struct buf *id, struct buf *ver)
{
	struct ident d;

	/* A relative link, /abs/ID, as listing pages write them. */
	if (n > 5 && memcmp(s, "/abs/", 5) == 0) {
		s += 5;
		n -= 5;
	}
	if (ident_parse(s, n, &d) != ID_ARXIV &&
	    ident_find(s, n, 0, IDF_ANY, &d) != ID_ARXIV)
		return 0;
	id->len = 0;
	ident_canon(id, s, &d);
	ver->len = 0;
	if (d.vlen > 0) {
		buf_addc(ver, 'v');
		buf_add(ver, s + d.ver + 1, d.vlen - 1);
	}
	return 1;
}
