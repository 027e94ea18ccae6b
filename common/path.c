/* path.c: field paths and one linear walk over a JSON value, without a tree */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"

/*
 * Parse s into pa: dot-separated member names, a backslash making the next
 * character literal.  mode is PATH_ONE or PATH_EACH.  Returns NULL, or why
 * s is no path (pa is then left empty).
 */
const char *
path_parse(struct fpath *pa, const char *s, int mode)
{
	struct buf b = { 0 };
	struct pcomp *c;
	size_t i, n = 1, k;

	memset(pa, 0, sizeof(*pa));
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == '\\' && s[i + 1] != '\0')
			i++;
		else if (s[i] == '.')
			n++;
	}
	pa->c = ecalloc(n, sizeof(*pa->c));
	for (i = 0;; i++) {
		if (s[i] == '\\' && s[i + 1] != '\0') {
			buf_addc(&b, s[++i]);
			continue;
		}
		if (s[i] != '.' && s[i] != '\0') {
			buf_addc(&b, s[i]);
			continue;
		}
		if (b.len == 0) {
			path_free(pa);
			return "empty name in path";
		}
		c = &pa->c[pa->n++];
		c->n = b.len;
		c->isidx = strspn(b.p, "0123456789") >= b.len;
		buf_addc(&b, '\0');
		c->s = b.p;
		if (c->isidx)
			for (k = 0; k < c->n; k++)
				c->idx = c->idx > (SIZE_MAX - 9) / 10 ? SIZE_MAX :
				    c->idx * 10 + (size_t)(c->s[k] - '0');
		memset(&b, 0, sizeof(b));
		if (s[i] == '\0')
			break;
	}
	pa->name = estrdup(s);
	pa->each = mode == PATH_EACH;
	return NULL;
}

void
path_free(struct fpath *pa)
{
	size_t i;

	for (i = 0; i < pa->n; i++)
		free(pa->c[i].s);
	free(pa->c);
	free(pa->name);
	memset(pa, 0, sizeof(*pa));
}

/*
 * The walk: each function takes the value at p (no white space before it),
 * with components [0..d) matched, and returns the first byte after it, or
 * e once the callback has stopped the walk.  Every byte is read once by
 * the walk and once more for each member name of the path it lies under
 * (the last of equal names wins, as in jq, so a match is read to its end
 * before it is walked): linear in the value's size at any depth.  C
 * recursion is bounded by the path's length, not by the nesting.
 */
struct walk {
	const struct fpath *pa;
	path_fn		 fn;
	void		*arg;
	size_t		 hits;
	int		 stop;
};

static const char *value(struct walk *, size_t, const char *, const char *);

/* The value p[0..q) is found; return q, or e when the callback stops. */
static const char *
found(struct walk *w, const char *p, const char *q, const char *e)
{
	w->hits++;
	if (w->fn != NULL && w->fn(w->arg, p, q - p)) {
		w->stop = 1;
		return e;
	}
	return q;
}

static const char *
emit(struct walk *w, const char *p, const char *e)
{
	return found(w, p, jval_end(p, e), e);
}

/* Is the value at p, with components [0..d) matched, found whole? */
static int
whole(const struct fpath *pa, size_t d, const char *p)
{
	return d == pa->n && (*p != '[' || !pa->each);
}

/* Each element of the array at p, the elements of nested arrays too. */
static const char *
explode(struct walk *w, size_t d, const char *p, const char *e)
{
	size_t depth = 0;

	while ((p = json_ws(p, e)) < e) {
		switch (*p) {
		case '[':
			depth++;
			p++;
			break;
		case ']':
			p++;
			if (--depth == 0)
				return p;
			break;
		case ',':
			p++;
			break;
		default:
			p = value(w, d, p, e);
		}
	}
	return e;
}

/* Element c->idx of the array at p. */
static const char *
element(struct walk *w, size_t d, const char *p, const char *e)
{
	size_t i = 0;

	for (p++; (p = json_ws(p, e)) < e;) {
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p == ']')
			return p + 1;
		if (i++ == w->pa->c[d].idx)
			p = value(w, d + 1, p, e);
		else
			p = jval_end(p, e);
	}
	return e;
}

/* The (last) member named c->s of the object at p. */
static const char *
member(struct walk *w, size_t d, const char *p, const char *e)
{
	const struct pcomp *c = &w->pa->c[d];
	const char *q, *hit = NULL, *hitend = NULL;
	struct member m;

	for (p++; (p = json_ws(p, e)) < e;) {
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p == '}')
			break;
		q = jval_end(p, e);
		if (q - p < 2)
			return e;
		m.key.p = p + 1;
		m.key.n = q - p - 2;
		m.kesc = memchr(m.key.p, '\\', m.key.n) != NULL;
		p = json_ws(q, e);
		if (p < e && *p == ':')
			p = json_ws(p + 1, e);
		if (p >= e)
			return e;
		q = jval_end(p, e);
		if ((m.key.n == c->n || m.kesc) && json_key_eq(&m, c->s, c->n)) {
			hit = p;
			hitend = q;
		}
		p = q;
	}
	if (hit != NULL && whole(w->pa, d + 1, hit))
		found(w, hit, hitend, e);
	else if (hit != NULL)
		value(w, d + 1, hit, e);
	return w->stop || p >= e ? e : p + 1;
}

static const char *
value(struct walk *w, size_t d, const char *p, const char *e)
{
	const struct fpath *pa = w->pa;

	if (w->stop)
		return e;
	if (*p == '[') {
		if (d < pa->n && pa->c[d].isidx)
			return element(w, d, p, e);
		if (pa->each)
			return explode(w, d, p, e);
	}
	if (d == pa->n)
		return emit(w, p, e);
	if (*p == '{')
		return member(w, d, p, e);
	return jval_end(p, e);
}

/*
 * Walk the valid JSON value s[0..n) (white space around it allowed) with
 * components [0..from) already matched: fn gets each value found.  Returns
 * how many it got.
 */
size_t
path_walk(const struct fpath *pa, size_t from, const char *s, size_t n,
    path_fn fn, void *arg)
{
	struct walk w = { pa, fn, arg, 0, 0 };
	const char *p = json_ws(s, s + n), *e = s + n;

	if (p >= e)
		return 0;
	if (whole(pa, from, p)) {
		/* its end is known: no need to read it */
		while (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\t' ||
		    e[-1] == '\r')
			e--;
		found(&w, p, e, e);
	} else
		value(&w, from, p, e);
	return w.hits;
}

/* The values at pa in a record (its last member of the first name). */
size_t
path_rec(struct fpath *pa, const struct rec *r, path_fn fn, void *arg)
{
	size_t i, hits = 0;

	for (i = r->ix.n; i-- > 0;)
		if (path_member(pa, &r->ix.m[i])) {
			hits = path_walk(pa, 1, r->ix.m[i].val.p,
			    r->ix.m[i].val.n, fn, arg);
			break;
		}
	if (hits > 0)
		pa->seen++;
	return hits;
}

static int
first(void *arg, const char *p, size_t n)
{
	struct span *v = arg;

	v->p = p;
	v->n = n;
	return 1;
}

/* The first value at pa in a record; 0 when it has none. */
int
path_get(const struct fpath *pa, const struct rec *r, struct span *v)
{
	size_t i;

	for (i = r->ix.n; i-- > 0;)
		if (path_member(pa, &r->ix.m[i]))
			return path_walk(pa, 1, r->ix.m[i].val.p,
			    r->ix.m[i].val.n, first, v) > 0;
	return 0;
}

/* Warn of each of the paths that no record had. */
void
path_unseen(const struct fpath *pa, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (pa[i].seen == 0)
			warnf("warning: no record had field %s", pa[i].name);
}
