/*
 * ptag-litparse.c: the literals of a rule's pattern, for ptag's literal
 * prefilter (ptag-lit.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"
#include "ptag.h"

/*
 * Literal extraction: a small parser for the common subset of PCRE2 finds,
 * for each rule, a set of lower-case strings one of which every match
 * contains, with the word edges known around them.  Runs of literal text
 * are joined with small alternations and optional parts into whole
 * phrases ("3d (generation|scenes?)" gives "3d generation", "3d scene",
 * "3d scenes"), which are rare in text that does not match.  Anything the
 * parser does not model makes the rule one that is always tried.
 */
#define MAXSET	64

struct lparse {
	const char	*p, *e;
	int		 bad;		/* a construct we do not model */
};

void
lset_free(struct lset *ls)
{
	int i;

	for (i = 0; i < ls->cnt; i++)
		free(ls->s[i]);
	free(ls->s);
	free(ls->n);
	free(ls->fl);
	memset(ls, 0, sizeof(*ls));
}

static void
lset_add(struct lset *ls, const char *s, size_t n, int fl)
{
	int i;

	for (i = 0; i < ls->cnt; i++)
		if (ls->n[i] == n && memcmp(ls->s[i], s, n) == 0) {
			ls->fl[i] &= fl;
			return;
		}
	ls->s = erealloc(ls->s, (ls->cnt + 1) * sizeof(*ls->s));
	ls->n = erealloc(ls->n, (ls->cnt + 1) * sizeof(*ls->n));
	ls->fl = erealloc(ls->fl, (ls->cnt + 1) * sizeof(*ls->fl));
	ls->s[ls->cnt] = emalloc(n + 1);
	memcpy(ls->s[ls->cnt], s, n);
	ls->s[ls->cnt][n] = '\0';
	ls->n[ls->cnt] = n;
	ls->fl[ls->cnt++] = fl;
}

/* How selective a set is: its weakest string, a word edge worth a byte. */
static size_t
lset_score(const struct lset *ls)
{
	size_t best = 0, v;
	int i;

	for (i = 0; i < ls->cnt; i++) {
		if (ls->n[i] < 2)
			return 0;
		v = ls->n[i] + !!(ls->fl[i] & LB) + !!(ls->fl[i] & RB);
		if (i == 0 || v < best)
			best = v;
	}
	return best;
}

static int
lset_better(const struct lset *a, const struct lset *b)
{
	size_t sa = lset_score(a), sb = lset_score(b);

	if (sa != sb)
		return sa > sb;
	return sa > 0 && a->cnt < b->cnt;
}

static void
lset_one(struct lset *ls, int fl)
{
	lset_free(ls);
	lset_add(ls, "", 0, fl);
}

/* cur = every string of cur followed by every string of g, if not too many. */
static int
lset_cross(struct lset *cur, const struct lset *g)
{
	struct lset out = { 0 };
	struct buf b = { 0 };
	int i, j;

	if (cur->cnt * g->cnt > MAXSET)
		return -1;
	for (i = 0; i < cur->cnt; i++)
		for (j = 0; j < g->cnt; j++) {
			b.len = 0;
			buf_add(&b, cur->s[i], cur->n[i]);
			buf_add(&b, g->s[j], g->n[j]);
			lset_add(&out, b.p ? b.p : "", b.len, cur->fl[i] & LB);
		}
	free(b.p);
	lset_free(cur);
	*cur = out;
	return 0;
}


/*
 * After an item: parse an optional quantifier.  Returns -1 for none, 2 for
 * '?' (once or not at all), 0 for other counts that allow zero, 1 for the
 * rest.
 */
static int
quantifier(struct lparse *lp)
{
	const char *p = lp->p;
	int q;

	if (p >= lp->e)
		return -1;
	if (*p == '?')
		q = 2;
	else if (*p == '*')
		q = 0;
	else if (*p == '+')
		q = 1;
	else if (*p == '{') {
		p++;
		if (p >= lp->e || !isdig((unsigned char)*p)) {
			lp->bad = 1;
			return -1;
		}
		q = 0;
		for (; p < lp->e && isdig((unsigned char)*p); p++)
			if (*p != '0')
				q = 1;
		if (p < lp->e && *p == ',')
			for (p++; p < lp->e && isdig((unsigned char)*p); p++)
				;
		if (p >= lp->e || *p != '}') {
			lp->bad = 1;
			return -1;
		}
	} else
		return -1;
	p++;
	if (p < lp->e && (*p == '?' || *p == '+'))
		p++;
	lp->p = p;
	return q;
}

static int lalt(struct lparse *, struct lset *, int);

static void
skipclass(struct lparse *lp)
{
	const char *p = lp->p + 1;

	if (p < lp->e && *p == '^')
		p++;
	if (p < lp->e && *p == ']')
		p++;
	while (p < lp->e && *p != ']') {
		if (*p == '\\')
			p++;
		else if (*p == '[' && p + 1 < lp->e && p[1] == ':') {
			p = memchr(p + 2, ']', lp->e - p - 2);
			if (p == NULL) {
				lp->bad = 1;
				lp->p = lp->e;
				return;
			}
		}
		p++;
	}
	if (p >= lp->e)
		lp->bad = 1;
	lp->p = p < lp->e ? p + 1 : lp->e;
}

/* End the phrase being built: keep it if it beats the best so far. */
static void
flush(struct lset *cur, struct lset *best, int rb)
{
	int i;

	for (i = 0; i < cur->cnt; i++)
		cur->fl[i] |= rb ? RB : 0;
	if (lset_better(cur, best)) {
		lset_free(best);
		*best = *cur;
		memset(cur, 0, sizeof(*cur));
	}
	lset_one(cur, 0);
}

/* Is cur still empty at the start of the branch, after a word edge? */
static int
atbeg(const struct lset *cur)
{
	return cur->cnt == 1 && cur->n[0] == 0 && (cur->fl[0] & LB);
}

/*
 * One branch.  Returns 1 when the branch is exactly a set of strings
 * (then best is that set), else 0 with best the most selective
 * requirement found (possibly none).  atstart: the branch begins after a
 * word edge.  A phrase reaching the end of the branch is marked RB; the
 * caller takes that back when something follows.
 */
static int
lseq(struct lparse *lp, struct lset *best, int atstart)
{
	struct lset cur = { 0 }, g, one = { 0 };
	int exact = 1, q, c, zw, ge, i, end;
	char ch[1];

	memset(best, 0, sizeof(*best));
	lset_one(&cur, atstart ? LB : 0);
	while (lp->p < lp->e && !lp->bad) {
		c = (unsigned char)*lp->p;
		if (c == '|' || c == ')')
			break;
		if (c == '(') {
			zw = 0;
			lp->p++;
			if (lp->p < lp->e && *lp->p == '*') {
				lp->bad = 1;
				break;
			}
			if (lp->p < lp->e && *lp->p == '?') {
				const char *p = lp->p + 1;

				if (p < lp->e && (*p == ':' || *p == '>'))
					p++;
				else if (p < lp->e && (*p == '=' || *p == '!')) {
					p++;
					zw = 1;
				} else if (p + 1 < lp->e && *p == '<' &&
				    (p[1] == '=' || p[1] == '!')) {
					p += 2;
					zw = 1;
				} else if (p < lp->e && (*p == '<' ||
				    *p == '\'' || *p == 'P')) {
					if (*p == 'P')
						p++;
					while (p < lp->e && *p != '>' &&
					    *p != '\'')
						p++;
					p++;
				} else {
					lp->bad = 1;
					break;
				}
				lp->p = p;
			}
			ge = lalt(lp, &g, !zw && atbeg(&cur));
			if (lp->p >= lp->e || *lp->p != ')') {
				lp->bad = 1;
				lset_free(&g);
				break;
			}
			lp->p++;
			q = quantifier(lp);
			end = lp->p >= lp->e || *lp->p == '|' || *lp->p == ')';
			if (zw) {
				lset_free(&g);
				flush(&cur, best, 0);
				exact = 0;
				continue;
			}
			if (ge && q == 2)
				lset_add(&g, "", 0, 0);
			if (ge && q != 0 && lset_cross(&cur, &g) == 0) {
				lset_free(&g);
				if (q == 1) {
					flush(&cur, best, 0);
					exact = 0;
				}
				continue;
			}
			flush(&cur, best, 0);
			exact = 0;
			if (q == 0 || q == 2) {
				lset_free(&g);
				continue;
			}
			for (i = 0; i < g.cnt; i++)
				if (!end || q == 1 || ge)
					g.fl[i] &= ~RB;
			if (ge)
				for (i = 0; i < g.cnt; i++)
					g.fl[i] &= ~LB;
			if (lset_better(&g, best)) {
				lset_free(best);
				*best = g;
			} else
				lset_free(&g);
			continue;
		}
		if (c == '[') {
			flush(&cur, best, 0);
			exact = 0;
			skipclass(lp);
			quantifier(lp);
			continue;
		}
		if (c == '.' || c == '^' || c == '$' || c >= 0x80) {
			flush(&cur, best, 0);
			exact = 0;
			lp->p++;
			quantifier(lp);
			continue;
		}
		if (c == '\\') {
			if (lp->p + 1 >= lp->e) {
				lp->bad = 1;
				break;
			}
			c = (unsigned char)lp->p[1];
			lp->p += 2;
			if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
			    isdig(c)) {
				if (c == 0 || !strchr("bBAzZGKdDwWsShHvVRX", c)) {
					lp->bad = 1;
					break;
				}
				flush(&cur, best, 0);
				exact = 0;
				quantifier(lp);
				continue;
			}
		} else
			lp->p++;
		/* c is a literal ASCII character. */
		if (c >= 'A' && c <= 'Z')
			c |= 0x20;
		ch[0] = (char)c;
		q = quantifier(lp);
		lset_one(&one, 0);
		if (q == 2)
			lset_add(&one, ch, 1, 0);
		else {
			lset_free(&one);
			lset_add(&one, ch, 1, 0);
		}
		if (q != 0 && lset_cross(&cur, &one) == 0) {
			if (q == 1) {
				flush(&cur, best, 0);
				exact = 0;
			}
			continue;
		}
		flush(&cur, best, 0);
		exact = 0;
	}
	lset_free(&one);
	if (exact && !lp->bad) {
		for (i = 0; i < cur.cnt; i++)
			cur.fl[i] |= RB;
		lset_free(best);
		*best = cur;
		return 1;
	}
	flush(&cur, best, 1);
	lset_free(&cur);
	return 0;
}

/*
 * Alternatives up to ')' or the end.  Returns 1 when all are exact (out
 * is then the set of all strings); else out unites one requirement from
 * each, or is empty when some alternative has none.
 */
static int
lalt(struct lparse *lp, struct lset *out, int atstart)
{
	struct lset br;
	int i, ok = 1, exact = 1;

	memset(out, 0, sizeof(*out));
	for (;;) {
		if (!lseq(lp, &br, atstart))
			exact = 0;
		if (br.cnt == 0)
			ok = 0;
		for (i = 0; i < br.cnt; i++)
			lset_add(out, br.s[i], br.n[i], br.fl[i]);
		lset_free(&br);
		if (lp->bad || lp->p >= lp->e || *lp->p != '|')
			break;
		lp->p++;
	}
	if (!exact && (!ok || lset_score(out) == 0))
		lset_free(out);
	return exact && !lp->bad;
}

/*
 * The literals of the pattern pat[0..n) into ls: 0, or -1 (ls left empty)
 * when the parser finds none worth looking for.  raw: the pattern is used
 * as written, without the word edges ptag adds around it.
 */
int
lit_parse(struct lset *ls, const char *pat, size_t n, int raw)
{
	struct lparse lp = { pat, pat + n, 0 };

	lalt(&lp, ls, !raw);
	if (lp.bad || lp.p != lp.e || lset_score(ls) < 2) {
		lset_free(ls);
		return -1;
	}
	return 0;
}
