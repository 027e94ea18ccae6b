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
	/* Without escapes the text is the string's inside as it is. */
	if (memchr(v.p + 1, '\\', v.n - 2) == NULL) {
		psplit_text(dst, v.p + 1, v.n - 2, paras);
		return;
	}
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

/* Is member m's key the literal k?  Its length is known when compiling. */
#define KEY(m, k)	json_key_eq((m), (k), sizeof(k) - 1)

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

/*
 * The authors array at v, which ends by e: one name per line.  Returns the
 * end of the array, or NULL when it is not an array of objects (what came
 * before that is kept).
 */
static const char *
authors(struct buf *dst, const char *v, const char *e)
{
	const char *p = v + 1, *q;
	struct jiter it;
	struct member m;
	struct span name;

	/*
	 * Each author object is walked once, its members' ends telling where
	 * it closes, and the array's end is where the last one closes,
	 * rather than found first and walked again.
	 */
	if (e - v < 2 || *v != '[')
		return NULL;
	for (;;) {
		p = json_ws(p, e);
		if (p < e && *p == ',')
			p = json_ws(p + 1, e);
		if (p < e && *p == ']')
			return p + 1;
		if (p >= e || *p != '{')
			return NULL;
		name.p = NULL;
		if (!jval_open(&it, p, e - p))
			return NULL;
		q = p + 1;
		while (jval_next(&it, &m)) {
			if (json_key_eq(&m, "name", 4))
				name = m.val;
			q = m.val.p + m.val.n;
		}
		q = json_ws(q, e);
		if (q >= e || *q != '}')
			return NULL;
		p = q + 1;
		if (name.p != NULL) {
			if (dst->len > 0)
				buf_addc(dst, '\n');
			jtext(dst, name, 0);
		}
	}
}

/*
 * One item of the daily papers list, {"paper": {...}, "numComments": ...},
 * or a paper page's {"paper": {...}, "comments": [...]}: checked by the
 * record scanner, whose index of the item's (ix) and then the paper's
 * members saves walking them.  The top-level title and summary repeat the
 * paper's and are not used.
 */
static void
item(struct psplit *ps, struct paper *p, const struct jindex *ix)
{
	struct span paper = { NULL, 0 };
	struct member *m, pm;
	struct jiter it;
	const char *q;
	size_t i;

	paper_clear(p);
	/*
	 * The item was checked, UTF-8 included; its strings are decoded as
	 * UTF-8 and their white space alone is changed.
	 */
	p->valid = 1;
	for (i = 0; i < ix->n; i++) {
		m = &ix->m[i];
		if (KEY(m, "paper"))
			paper = m->val;
		else if (KEY(m, "numComments"))
			p->ncomments = jnum(m->val);
	}
	/* The paper was checked with the item: walk its members. */
	if (paper.p == NULL || !jval_open(&it, paper.p, paper.n) || !it.obj)
		return;
	while (jval_key(&it, &pm)) {
		m = &pm;
		if (KEY(m, "authors")) {
			q = authors(&p->authors, m->val.p, it.e);
			jval_value(&it, m, q);
			continue;
		}
		jval_value(&it, m, NULL);
		if (KEY(m, "id")) {
			tmp.len = 0;
			if (m->val.n > 2 && m->val.p[0] == '"')
				json_str_decode(&tmp, m->val.p + 1,
				    m->val.n - 2);
			if (!psplit_arxiv_id(tmp.p, tmp.len, &p->id,
			    &p->version))
				p->id.len = 0;
		} else if (KEY(m, "title"))
			jtext(&p->title, m->val, 0);
		else if (KEY(m, "summary"))
			jtext(&p->abstract, m->val, 1);
		else if (KEY(m, "publishedAt"))
			jtext(&p->published, m->val, 0);
		else if (KEY(m, "upvotes"))
			p->upvotes = jnum(m->val);
		else if (KEY(m, "githubRepo"))
			addlink(&p->links, "Code: ", m->val);
		else if (KEY(m, "projectPage"))
			addlink(&p->links, "Project page: ", m->val);
	}
	if (p->title.len == 0)
		return;
	if (p->id.len > 0) {
		buf_adds(&p->url, "https://arxiv.org/abs/");
		buf_add(&p->url, p->id.p, p->id.len);
	}
	paper_emit(ps, p);
}

/* The item s[0..n), which must be valid JSON: -1 (err set) when not. */
int
hfapi_item(struct psplit *ps, struct paper *p, const char *s, size_t n,
    struct jerr *err)
{
	static struct jindex ix;

	if (json_scan(s, n, &ix, err) == -1)
		return -1;
	if (!ix.isobj) {
		err->why = "not an object";
		return -1;
	}
	item(ps, p, &ix);
	return 0;
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

/*
 * The array is scanned where lines_peek holds it (a mapped file, or a
 * window of blocks read), and the record scanner finds where each item
 * ends (it stops at the comma after it); what is scanned is let go, so
 * memory holds one item however long the array (curl gives it on one
 * line).  An item cut by the end of the window is scanned again once more
 * has been read, the window doubling so that a long item costs linear time.
 */
void
hfapi_read(struct lines *l, struct psplit *ps)
{
	static struct paper p;
	static struct jindex ix;
	struct jerr err;
	long long k;
	const char *b, *s, *e, *q, *done;
	size_t n, want = CHUNK;
	unsigned long nth = 0;
	int state = 0;		/* 0 before "[", 1 in it, 2 after "]" */
	int more, first = 1;

	for (;;) {
		n = lines_peek(l, want, &b);
		s = done = b;
		e = b + n;
		if (first && n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
			s += 3;
		first = 0;
		more = 0;
		while (s < e && !more) {
			if (*s == ' ' || *s == '\n' || *s == '\t' ||
			    *s == '\r') {
				s++;
			} else if (state == 0 && *s == '[') {
				state = 1;
				s++;
			} else if (state == 1 && *s == ',' && nth > 0)
				s++;
			else if (state == 1 && *s == ']') {
				state = 2;
				s++;
			} else if (state == 1 && *s == '{') {
				if ((k = json_scan_prefix(s, e - s, &ix,
				    &err)) >= 0) {
					nth++;
					item(ps, &p, &ix);
					s += k;
				} else if ((q = jval_close(s, e)) != NULL) {
					nth++;
					psplit_warn(ps, 0, "item %lu: %s; "
					    "skipped", nth, err.why);
					ps->status = EXIT_TROUBLE;
					s = q;
				} else
					more = 1;	/* cut by the window */
				lines_skip(l, s - done);
				done = s;
			} else if (state == 2) {
				psplit_warn(ps, 0, "text after the JSON array");
				ps->status = EXIT_TROUBLE;
				return;
			} else {
				psplit_warn(ps, 0, "item %lu: not a JSON array "
				    "of objects; stopped", nth + 1);
				ps->status = EXIT_TROUBLE;
				return;
			}
		}
		lines_skip(l, s - done);
		if (l->err || n == 0 || (more && n < want))
			break;		/* the end, or an item it cuts */
		want = more ? 2 * n : CHUNK;
	}
	if (l->err)
		ps->status = EXIT_TROUBLE;
	else if (state != 2) {
		psplit_warn(ps, 0, "the JSON array is cut short after %lu "
		    "items", nth);
		ps->status = EXIT_TROUBLE;
	} else if (nth == 0)
		ps->emptyok = 1;	/* a day without papers */
}
