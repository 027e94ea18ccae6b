/* ptag-lit.c: ptag's literal prefilter: which rules a record can match */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"
#include "ptag.h"

/*
 * A required literal (lower-case ASCII): a record whose lower-cased text
 * lacks all of a rule's literals cannot match that rule, so the rule is
 * not run at all.  Literals are found with bit tables on their first two
 * (short literals) or four (hashed) bytes, then compared.
 */
struct lit {
	char		*s;
	size_t		 n;
	int		 fl;		/* LB, RB: word edges around it */
	int		*rules;
	int		 nrules;
	int		 next;		/* next literal in the same bucket, or -1 */
	uint32_t	 w4;		/* its first four bytes, when it has them */
};

#define H4BITS	16
#define H4(w)	((uint32_t)((w) * 2654435761u) >> (32 - H4BITS))

struct litrule *litrules;
static int nlitrules;
static struct lit *lits;
static int nlits;
static uint64_t bm2[65536 / 64], bm4[(1 << H4BITS) / 64];
static int head2[65536], head4[1 << H4BITS];

/* Before the first rule. */
void
lit_begin(void)
{
	memset(head2, -1, sizeof(head2));
	memset(head4, -1, sizeof(head4));
}

/*
 * Literal extraction: a small parser for the common subset of PCRE2 finds,
 * for each rule, a set of lower-case strings one of which every match
 * contains, with the word edges known around them.  Runs of literal text
 * are joined with small alternations and optional parts into whole
 * phrases ("3d (generation|scenes?)" gives "3d generation", "3d scene",
 * "3d scenes"), which are rare in text that does not match.  Anything the
 * parser does not model makes the rule one that is always tried.
 */
#define LB	1	/* a word edge before the literal */
#define RB	2	/* a word edge after it */
#define MAXSET	64

struct lset {
	char		**s;
	size_t		 *n;
	int		 *fl;
	int		 cnt;
};

struct lparse {
	const char	*p, *e;
	int		 bad;		/* a construct we do not model */
};

static void
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

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
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

static void
addlit(int ri, const char *s, size_t n, int fl)
{
	struct lit *l;
	uint32_t w;
	int i, k;

	for (i = 0; i < nlits; i++)
		if (lits[i].n == n && lits[i].fl == fl &&
		    memcmp(lits[i].s, s, n) == 0)
			break;
	if (i == nlits) {
		lits = erealloc(lits, (nlits + 1) * sizeof(*lits));
		l = &lits[nlits++];
		memset(l, 0, sizeof(*l));
		l->s = emalloc(n);
		memcpy(l->s, s, n);
		l->n = n;
		l->fl = fl;
		if (n < 4) {
			k = (unsigned char)s[0] << 8 | (unsigned char)s[1];
			bm2[k / 64] |= 1ULL << (k % 64);
			l->next = head2[k];
			head2[k] = i;
		} else {
			memcpy(&w, s, 4);
			l->w4 = w;
			k = H4(w);
			bm4[k / 64] |= 1ULL << (k % 64);
			l->next = head4[k];
			head4[k] = i;
		}
	}
	l = &lits[i];
	if (l->nrules > 0 && l->rules[l->nrules - 1] == ri)
		return;
	l->rules = erealloc(l->rules, (l->nrules + 1) * sizeof(int));
	l->rules[l->nrules++] = ri;
}

/*
 * Give rule ri (rules are numbered from 0, each given once, in order) its
 * required literals, if the pattern has any we can see.  raw: the pattern
 * is used as written, without the word edges ptag adds around it.
 */
void
lit_rule(int ri, const char *pat, size_t n, int raw)
{
	struct lparse lp = { pat, pat + n, 0 };
	struct lset ls;
	int i;

	if (ri >= nlitrules) {
		litrules = erealloc(litrules, (ri + 1) * sizeof(*litrules));
		memset(litrules + nlitrules, 0,
		    (ri + 1 - nlitrules) * sizeof(*litrules));
		nlitrules = ri + 1;
	}
	lalt(&lp, &ls, !raw);
	if (lp.bad || lp.p != lp.e || lset_score(&ls) < 2) {
		lset_free(&ls);
		return;
	}
	litrules[ri].anch = !raw;
	for (i = 0; i < ls.cnt; i++) {
		addlit(ri, ls.s[i], ls.n[i], raw ? 0 : ls.fl[i]);
		if (!(ls.fl[i] & LB))
			litrules[ri].anch = 0;
	}
	litrules[ri].nlits = ls.cnt;
	lset_free(&ls);
}

/*
 * Lower-case ASCII, and fold the two non-ASCII letters that PCRE2 matches
 * caselessly with ASCII ones (KELVIN SIGN, LATIN SMALL LETTER LONG S), so
 * the literal scan never rules out a rule PCRE2 would match.
 */
void
lit_lower(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	unsigned char *o;

	if (b->cap - b->len < n + 1)
		buf_grow(b, n + 1);
	o = (unsigned char *)b->p + b->len;
	while (p < e) {
		if (*p < 0x80) {
			*o++ = *p >= 'A' && *p <= 'Z' ? *p | 0x20 : *p;
			p++;
		} else if (*p == 0xe2 && e - p >= 3 && p[1] == 0x84 &&
		    p[2] == 0xaa) {
			*o++ = 'k';
			p += 3;
		} else if (*p == 0xc5 && e - p >= 2 && p[1] == 0xbf) {
			*o++ = 's';
			p += 2;
		} else
			*o++ = *p++;
	}
	b->len = (char *)o - b->p;
}

/* ASCII word bytes; any other byte might be a non-word character. */
static const unsigned char wordbyte[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['_'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

/* Literal l found at p[i]: are its word edges there too? */
static int
edges(const struct lit *l, const unsigned char *p, size_t i, size_t n)
{
	if ((l->fl & LB) && i > 0 && wordbyte[p[i - 1]])
		return 0;
	if ((l->fl & RB) && i + l->n < n && wordbyte[p[i + l->n]])
		return 0;
	return 1;
}

/*
 * Literal l occurs at offset i.  For a rule whose every literal starts a
 * match, remember i: the rule is then only tried anchored there.
 */
static void
markrules(const struct lit *l, size_t i, unsigned long recno, int nf,
    const int *have, const size_t *start, const size_t *end)
{
	struct litrule *r;
	uint32_t fb = 0;
	int k, f;

	for (f = 0; f < nf; f++)
		if (have[f] && i >= start[f] && i < end[f]) {
			fb = LIT_FBIT(f);
			break;
		}
	for (k = 0; k < l->nrules; k++) {
		r = &litrules[l->rules[k]];
		if (r->cand != recno) {
			r->cand = recno;
			r->nat = 0;
			r->infield = 0;
		}
		r->infield |= fb;
		if (!r->anch || (r->nat > 0 && r->at[r->nat - 1] == i))
			continue;
		if (r->nat == r->atcap) {
			r->atcap = r->atcap ? 2 * r->atcap : 8;
			r->at = erealloc(r->at, r->atcap * sizeof(*r->at));
		}
		r->at[r->nat++] = i;
	}
}

/*
 * Mark the rules whose literals occur in t, the lower-cased text (see
 * lit_lower) of record number recno.  It holds the nf fields f that have
 * have[f] set, each from start[f] up to end[f].
 */
void
lit_scan(const char *t, size_t n, unsigned long recno, int nf,
    const int *have, const size_t *start, const size_t *end)
{
	const unsigned char *p = (const unsigned char *)t;
	const struct lit *l;
	uint32_t w;
	size_t i;
	int k, j;

	for (i = 0; i + 1 < n; i++) {
		k = p[i] << 8 | p[i + 1];
		if (bm2[k / 64] & (1ULL << (k % 64)))
			for (j = head2[k]; j >= 0; j = l->next) {
				l = &lits[j];
				/* Short literals: two or three bytes. */
				if (i + l->n <= n &&
				    (l->n == 2 || p[i + 2] == (unsigned char)l->s[2]) &&
				    edges(l, p, i, n))
					markrules(l, i, recno, nf, have, start, end);
			}
		if (i + 4 > n)
			continue;
		memcpy(&w, p + i, 4);
		k = H4(w);
		if (bm4[k / 64] & (1ULL << (k % 64)))
			for (j = head4[k]; j >= 0; j = l->next) {
				l = &lits[j];
				if (l->w4 == w && i + l->n <= n &&
				    (l->n == 4 ||
				    memcmp(p + i + 4, l->s + 4, l->n - 4) == 0) &&
				    edges(l, p, i, n))
					markrules(l, i, recno, nf, have, start, end);
			}
	}
}
