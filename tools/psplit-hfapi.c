/* psplit-hfapi.c: psplit's reader for the Hugging Face papers API (JSON) */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "paperpipe.h"
#include "psplit.h"

#define CHUNK	(256 * 1024)

static struct buf tmp;

/* Append the text of the JSON string v to dst (nothing for a non-string). */
static void
jtext(struct buf *dst, struct span v, int paras)
{
	if (v.n < 2 || v.p[0] != '"')
		return;
	tmp.len = 0;
	json_str_decode(&tmp, v.p + 1, v.n - 2);
	psplit_text(dst, tmp.p, tmp.len, paras);
}

static long long
jnum(struct span v)
{
	long long x = 0;
	size_t i;

	for (i = 0; i < v.n && i < 18 && v.p[i] >= '0' && v.p[i] <= '9'; i++)
		x = x * 10 + (v.p[i] - '0');
	return i > 0 && i == v.n ? x : -1;
}

static int
key(const struct member *m, const char *k)
{
	return json_key_eq(m, k, strlen(k));
}

/* "Code: URL" and the like, for the links plinks finds in comments. */
static void
addlink(struct buf *links, const char *label, struct span v)
{
	size_t at = links->len;

	if (links->len > 0)
		buf_adds(links, "; ");
	buf_adds(links, label);
	at = links->len - at;
	jtext(links, v, 0);
	if (links->len == at)
		links->len -= at;
}

/* The authors array: one name per line. */
static void
authors(struct buf *dst, struct span v)
{
	struct jiter it;
	struct member m;
	struct span name;

	if (!jval_open(&it, v.p, v.n) || it.obj)
		return;
	while (jval_next(&it, &m))
		if (jval_get(m.val.p, m.val.n, "name", 4, &name)) {
			if (dst->len > 0)
				buf_addc(dst, '\n');
			jtext(dst, name, 0);
		}
}

/*
 * One item of the daily papers list, {"paper": {...}, "numComments": ...},
 * or a paper page's {"paper": {...}, "comments": [...]}: valid JSON.  The
 * top-level title and summary repeat the paper's and are not used.
 */
void
hfapi_item(struct psplit *ps, struct paper *p, const char *s, size_t n)
{
	struct jiter it;
	struct member m;
	struct span paper = { NULL, 0 };

	paper_clear(p);
	if (!jval_open(&it, s, n) || !it.obj)
		return;
	while (jval_next(&it, &m)) {
		if (key(&m, "paper"))
			paper = m.val;
		else if (key(&m, "numComments"))
			p->ncomments = jnum(m.val);
	}
	if (paper.p == NULL || !jval_open(&it, paper.p, paper.n) || !it.obj)
		return;
	while (jval_next(&it, &m)) {
		if (key(&m, "id")) {
			tmp.len = 0;
			if (m.val.n > 2 && m.val.p[0] == '"')
				json_str_decode(&tmp, m.val.p + 1, m.val.n - 2);
			if (!psplit_arxiv_id(tmp.p, tmp.len, &p->id,
			    &p->version))
				p->id.len = 0;
		} else if (key(&m, "title"))
			jtext(&p->title, m.val, 0);
		else if (key(&m, "summary"))
			jtext(&p->abstract, m.val, 1);
		else if (key(&m, "authors"))
			authors(&p->authors, m.val);
		else if (key(&m, "publishedAt"))
			jtext(&p->published, m.val, 0);
		else if (key(&m, "upvotes"))
			p->upvotes = jnum(m.val);
		else if (key(&m, "githubRepo"))
			addlink(&p->links, "Code: ", m.val);
		else if (key(&m, "projectPage"))
			addlink(&p->links, "Project page: ", m.val);
	}
	if (p->title.len == 0)
		return;
	if (p->id.len > 0) {
		buf_adds(&p->url, "https://arxiv.org/abs/");
		buf_add(&p->url, p->id.p, p->id.len);
	}
	paper_emit(ps, p);
}

/* The API's answer is an array of items: "[" then "{" (or "]"). */
int
hfapi_detect(const char *s, size_t n)
{
	const char *e = s + n, *p;

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	p = json_ws(s, e);
	if (p >= e || *p != '[')
		return 0;
	p = json_ws(p + 1, e);
	if (p < e && *p == ']')
		return 1;
	if (p >= e || *p != '{')
		return 0;
	return memmem(p, e - p, "\"paper\"", 7) != NULL;
}

/* An item is whole: check it and write its paper. */
static void
item(struct psplit *ps, struct paper *p, struct buf *el, unsigned long nth)
{
	static struct jindex ix;
	struct jerr err;

	if (json_scan(el->p, el->len, &ix, &err) == -1) {
		psplit_warn(ps, 0, "item %lu: %s; skipped", nth, err.why);
		ps->status = EXIT_TROUBLE;
	} else if (!ix.isobj) {
		psplit_warn(ps, 0, "item %lu: not an object; skipped", nth);
		ps->status = EXIT_TROUBLE;
	} else
		hfapi_item(ps, p, el->p, el->len);
	el->len = 0;
}

/*
 * The array is read in blocks and cut into its items by their brackets,
 * so memory holds one item however long the array (curl gives it on one
 * line).  Each item is then checked by the record scanner.
 */
void
hfapi_read(struct lines *l, struct psplit *ps)
{
	static struct paper p;
	static struct buf el;
	static char *chunk;
	const char *s, *e, *q;
	long long r;
	size_t depth = 0;
	unsigned long nth = 0;
	int state = 0;		/* 0 before "[", 1 in it, 2 after "]" */
	int instr = 0, esc = 0, bom = 1;

	if (chunk == NULL)
		chunk = emalloc(CHUNK);
	el.len = 0;
	while ((r = lines_read(l, chunk, CHUNK)) > 0) {
		s = chunk;
		e = chunk + r;
		if (bom && r >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
			s += 3;
		bom = 0;
		while (s < e) {
			if (depth > 0) {
				/* Inside an item: copy up to where it ends. */
				for (q = s; q < e; ) {
					if (esc) {
						esc = 0;
						q++;
					} else if (instr) {
						const char *x, *b;

						if ((x = memchr(q, '"', e - q)) == NULL)
							x = e;
						if ((b = memchr(q, '\\', x - q)) != NULL) {
							q = b + 1;
							esc = 1;
						} else if (x < e) {
							q = x + 1;
							instr = 0;
						} else
							q = e;
					} else if (*q == ' ' || *q == '\n') {
						q++;
					} else if (*q == '"') {
						instr = 1;
						q++;
					} else if (*q == '{' || *q == '[') {
						depth++;
						q++;
					} else if ((*q == '}' || *q == ']') &&
					    --depth == 0) {
						q++;
						break;
					} else
						q++;
				}
				buf_add(&el, s, q - s);
				s = q;
				if (depth == 0)
					item(ps, &p, &el, ++nth);
				continue;
			}
			if (*s == ' ' || *s == '\n' || *s == '\t' ||
			    *s == '\r') {
				s++;
				continue;
			}
			if (state == 0 && *s == '[') {
				state = 1;
				s++;
			} else if (state == 1 && *s == ',' && nth > 0)
				s++;
			else if (state == 1 && *s == ']') {
				state = 2;
				s++;
			} else if (state == 1 && *s == '{') {
				depth = 1;
				buf_addc(&el, *s++);
			} else {
				psplit_warn(ps, 0, "item %lu: not a JSON array "
				    "of objects; stopped", nth + 1);
				ps->status = EXIT_TROUBLE;
				return;
			}
		}
	}
	if (r < 0)
		ps->status = EXIT_TROUBLE;
	else if (state != 2) {
		psplit_warn(ps, 0, "the JSON array is cut short after %lu "
		    "items", nth);
		ps->status = EXIT_TROUBLE;
	} else if (nth == 0)
		ps->emptyok = 1;	/* a day without papers */
}
