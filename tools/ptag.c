/* ptag: add topic tags to records from PCRE2 rules */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "paperpipe.h"

/* Generous for real texts; a runaway pattern stops in well under a second. */
#define MATCHLIMIT	10000000
#define DEPTHLIMIT	100000
#define JITSTACK	(1024 * 1024)
#define ANCHTRIES	8	/* anchored tries of a rule per record */

extern const char ptag_builtin[];

struct rule {
	int		 tag;		/* index into tags */
	int		 veto;
	int		 field;		/* index into fields; -1: the -F fields */
	int		 nlits;		/* 0: no literal known, always tried */
	pcre2_code	*re;
	const char	*file;
	unsigned long	 line;
	unsigned long	 cand;		/* record number it may match in */
	int		 anch;		/* every literal starts a match */
	uint32_t	 infield;	/* fields a literal occurs in (FBIT) */
	size_t		*at;		/* where, in the lower-cased text */
	size_t		 nat, atcap;
};

struct tag {
	char		*name;
	size_t		 namelen;
	int		*pos, *veto;	/* rule indexes, in file order */
	int		 npos, nveto;
	unsigned long	 count, vetoed;
	int		 isnew;		/* scratch: on this record already */
};

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

#define FBIT(f)	(1U << ((f) < 31 ? (f) : 31))

#define H4BITS	16
#define H4(w)	((uint32_t)((w) * 2654435761u) >> (32 - H4BITS))

static struct rule *rules;
static int nrules;
static struct tag *tags;
static int ntags;
static struct lit *lits;
static int nlits;
static uint64_t bm2[65536 / 64], bm4[(1 << H4BITS) / 64];
static int head2[65536], head4[1 << H4BITS];

static char **fields;
static int nfields, ndefault;
static struct buf *ftext;
static int *fhave;
static size_t *fstart, *fend;	/* each field's span in the lower-cased text */
static int folded;		/* lower-casing changed some offsets */

static char **onlytags;
static int nonly;
static int cflag, eflag, lflag, Nflag, sflag, uflag;
static int status;
static unsigned long recno, ntagged, nnew;

static pcre2_match_data *md;
static pcre2_match_context *mctx;

/*
 * Names to indexes by hash, so that reading a rules file of many rules,
 * tags, fields and literals takes linear time: an open-addressed table of
 * index + 1, with each entry's hash kept for growing it.
 */
struct itab {
	int		*slot;
	uint64_t	*hv;
	size_t		 cap, n;
};

static struct itab fieldtab, tagtab, littab;

static uint64_t
hbytes(const char *s, size_t n, uint64_t h)
{
	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/* The slot for hash h: the first empty one, or one whose entry same() takes. */
static int *
itab_find(struct itab *t, uint64_t h, int (*same)(int, const void *),
    const void *k)
{
	size_t i;

	if (t->cap == 0)
		return NULL;
	for (i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1))
		if (t->slot[i] == 0 || (t->hv[i] == h &&
		    same(t->slot[i] - 1, k)))
			return &t->slot[i];
}

/* Enter index idx under hash h (not present yet). */
static void
itab_add(struct itab *t, uint64_t h, int idx)
{
	struct itab o = *t;
	size_t i, j;

	if (2 * (t->n + 1) > t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->slot = ecalloc(t->cap, sizeof(*t->slot));
		t->hv = ecalloc(t->cap, sizeof(*t->hv));
		t->n = 0;
		for (j = 0; j < o.cap; j++)
			if (o.slot[j] != 0)
				itab_add(t, o.hv[j], o.slot[j] - 1);
		free(o.slot);
		free(o.hv);
	}
	for (i = h & (t->cap - 1); t->slot[i] != 0; i = (i + 1) & (t->cap - 1))
		;
	t->slot[i] = idx + 1;
	t->hv[i] = h;
	t->n++;
}

/* A name looked for: its bytes. */
struct key {
	const char	*s;
	size_t		 n;
	int		 fl;
};

static int
samefield(int i, const void *k)
{
	const struct key *q = k;

	return strlen(fields[i]) == q->n && memcmp(fields[i], q->s, q->n) == 0;
}

static int
sametag(int i, const void *k)
{
	const struct key *q = k;

	return tags[i].namelen == q->n && memcmp(tags[i].name, q->s, q->n) == 0;
}

static int
fieldindex(const char *name, size_t n)
{
	struct key k = { name, n, 0 };
	uint64_t h = hbytes(name, n, 1469598103934665603ULL);
	int *sl = itab_find(&fieldtab, h, samefield, &k);

	if (sl != NULL && *sl != 0)
		return *sl - 1;
	itab_add(&fieldtab, h, nfields);
	if ((nfields & (nfields - 1)) == 0)	/* grown by doubling */
		fields = erealloc(fields, (nfields ? 2 * nfields : 1) *
		    sizeof(*fields));
	fields[nfields] = emalloc(n + 1);
	memcpy(fields[nfields], name, n);
	fields[nfields][n] = '\0';
	return nfields++;
}

static int
tagindex(const char *name, size_t n)
{
	struct key k = { name, n, 0 };
	uint64_t h = hbytes(name, n, 1469598103934665603ULL);
	int *sl = itab_find(&tagtab, h, sametag, &k);

	if (sl != NULL && *sl != 0)
		return *sl - 1;
	itab_add(&tagtab, h, ntags);
	if ((ntags & (ntags - 1)) == 0)	/* grown by doubling */
		tags = erealloc(tags, (ntags ? 2 * ntags : 1) * sizeof(*tags));
	memset(&tags[ntags], 0, sizeof(*tags));
	tags[ntags].name = emalloc(n + 1);
	memcpy(tags[ntags].name, name, n);
	tags[ntags].name[n] = '\0';
	tags[ntags].namelen = n;
	return ntags++;
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

static int
samelit(int i, const void *k)
{
	const struct key *q = k;

	return lits[i].n == q->n && lits[i].fl == q->fl &&
	    memcmp(lits[i].s, q->s, q->n) == 0;
}

static void
addlit(int ri, const char *s, size_t n, int fl)
{
	struct lit *l;
	struct key key = { s, n, fl };
	uint64_t h = hbytes(s, n, 1469598103934665603ULL ^ (unsigned)fl);
	uint32_t w;
	int i, k, *sl;

	sl = itab_find(&littab, h, samelit, &key);
	i = sl != NULL && *sl != 0 ? *sl - 1 : nlits;
	if (i == nlits) {
		itab_add(&littab, h, nlits);
		if ((nlits & (nlits - 1)) == 0)	/* grown by doubling */
			lits = erealloc(lits, (nlits ? 2 * nlits : 1) *
			    sizeof(*lits));
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
	if ((l->nrules & (l->nrules - 1)) == 0)	/* grown by doubling */
		l->rules = erealloc(l->rules, (l->nrules ? 2 * l->nrules : 1) *
		    sizeof(int));
	l->rules[l->nrules++] = ri;
}

/* Give rule ri its required literals, if the pattern has any we can see. */
static void
rule_literals(int ri, const char *pat, size_t n, int raw)
{
	struct lparse lp = { pat, pat + n, 0 };
	struct lset ls;
	int i;

	lalt(&lp, &ls, !raw);
	if (lp.bad || lp.p != lp.e || lset_score(&ls) < 2) {
		lset_free(&ls);
		return;
	}
	rules[ri].anch = !raw;
	for (i = 0; i < ls.cnt; i++) {
		addlit(ri, ls.s[i], ls.n[i], raw ? 0 : ls.fl[i]);
		if (!(ls.fl[i] & LB))
			rules[ri].anch = 0;
	}
	rules[ri].nlits = ls.cnt;
	lset_free(&ls);
}

static int
ruleerr(const char *file, unsigned long line, size_t col, const char *msg)
{
	warnf("%s:%lu:%zu: %s", file, line, col, msg);
	return -1;
}

static int
istagbyte(int c)
{
	return c > ' ' && c != '@' && c != '"' && c != '\\' && c != 0x7f;
}

/*
 * One line of a rules file:
 *	[!]TAG[@FIELD] [=][~]PATTERN [# comment]
 * Returns 0, or -1 after reporting the error.
 */
static int
parserule(const char *file, unsigned long lineno, const char *s, size_t n)
{
	static struct buf pat, wrap;
	struct rule *r;
	const char *p = s, *e = s + n, *tag, *fld = NULL, *ps;
	size_t tagn, fldn = 0, off;
	int veto = 0, caseful = 0, raw = 0, err;
	PCRE2_SIZE eoff;
	PCRE2_UCHAR msg[256];
	uint32_t opt;
	pcre2_code *re;

	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (p == e || *p == '#')
		return 0;
	if (*p == '!') {
		veto = 1;
		p++;
	}
	tag = p;
	while (p < e && istagbyte((unsigned char)*p))
		p++;
	tagn = p - tag;
	if (tagn == 0 || utf8_valid(tag, tagn) != tagn)
		return ruleerr(file, lineno, tag - s + 1, "bad tag name");
	if (p < e && *p == '@') {
		fld = ++p;
		while (p < e && istagbyte((unsigned char)*p))
			p++;
		fldn = p - fld;
		if (fldn == 0)
			return ruleerr(file, lineno, fld - s + 1,
			    "missing field name after '@'");
	}
	if (p < e && *p != ' ' && *p != '\t')
		return ruleerr(file, lineno, p - s + 1,
		    "bad character in tag or field name");
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	for (; p < e && (*p == '=' || *p == '~'); p++) {
		if (*p == '=' ? caseful++ : raw++)
			return ruleerr(file, lineno, p - s + 1,
			    "repeated pattern flag");
	}
	ps = p;
	/* A '#' after a blank starts a comment; so does trailing blank. */
	for (; p < e; p++)
		if (*p == '#' && p > ps && (p[-1] == ' ' || p[-1] == '\t'))
			break;
	while (p > ps && (p[-1] == ' ' || p[-1] == '\t'))
		p--;
	if (p == ps)
		return ruleerr(file, lineno, ps - s + 1, "missing pattern");
	pat.len = 0;
	buf_add(&pat, ps, p - ps);

	opt = PCRE2_UTF | PCRE2_UCP | (caseful ? 0 : PCRE2_CASELESS);
	re = pcre2_compile((PCRE2_SPTR)pat.p, pat.len, opt, &err, &eoff, NULL);
	if (re == NULL) {
		pcre2_get_error_message(err, msg, sizeof(msg));
		return ruleerr(file, lineno, ps - s + eoff + 1, (char *)msg);
	}
	if (!raw) {
		/* Word edges that work for any first or last character. */
		pcre2_code_free(re);
		wrap.len = 0;
		buf_adds(&wrap, "(?<!\\w)(?:");
		off = wrap.len;
		buf_add(&wrap, pat.p, pat.len);
		buf_adds(&wrap, "\\E)(?!\\w)");
		re = pcre2_compile((PCRE2_SPTR)wrap.p, wrap.len, opt, &err,
		    &eoff, NULL);
		if (re == NULL) {
			pcre2_get_error_message(err, msg, sizeof(msg));
			eoff = eoff < off ? 0 : eoff - off;
			if (eoff > pat.len)
				eoff = pat.len;
			warnf("%s:%lu:%zu: %s (with word edges added; "
			    "use '~' for a raw pattern)", file, lineno,
			    (size_t)(ps - s + eoff + 1), (char *)msg);
			return -1;
		}
	}
	/* Without JIT (some platforms) the interpreter runs the same code. */
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);

	if ((nrules & (nrules - 1)) == 0)	/* grown by doubling */
		rules = erealloc(rules, (nrules ? 2 * nrules : 1) *
		    sizeof(*rules));
	r = &rules[nrules];
	memset(r, 0, sizeof(*r));
	r->tag = tagindex(tag, tagn);
	r->veto = veto;
	r->field = fld ? fieldindex(fld, fldn) : -1;
	r->re = re;
	r->file = file;
	r->line = lineno;
	{
		struct tag *t = &tags[r->tag];
		int **v = veto ? &t->veto : &t->pos;
		int *c = veto ? &t->nveto : &t->npos;

		if ((*c & (*c - 1)) == 0)	/* grown by doubling */
			*v = erealloc(*v, (*c ? 2 * *c : 1) * sizeof(int));
		(*v)[(*c)++] = nrules;
	}
	nrules++;
	rule_literals(nrules - 1, pat.p, pat.len, raw);
	return 0;
}

/* Parse a whole rules text; returns the number of bad lines. */
static int
parsetext(const char *file, const char *s, size_t n)
{
	const char *e = s + n, *nl;
	unsigned long lineno = 0;
	size_t len;
	int bad = 0;

	while (s < e) {
		lineno++;
		nl = memchr(s, '\n', e - s);
		len = nl ? (size_t)(nl - s) : (size_t)(e - s);
		if (len > 0 && s[len - 1] == '\r')
			len--;
		if (memchr(s, '\0', len) != NULL) {
			ruleerr(file, lineno, (char *)memchr(s, '\0', len) - s + 1,
			    "NUL byte in rule");
			bad++;
		} else if (parserule(file, lineno, s, len) == -1)
			bad++;
		s = nl ? nl + 1 : e;
	}
	return bad;
}

static int
parsefile(const char *path, struct buf *all)
{
	struct lines l;
	struct buf b = { 0 };
	char *line;
	long long n;
	int bad;

	if (lines_open(&l, path) == -1)
		return -1;
	while ((n = lines_next(&l, &line)) >= 0) {
		buf_add(&b, line, n);
		buf_addc(&b, '\n');
	}
	if (lines_close(&l)) {
		free(b.p);
		return -1;
	}
	bad = parsetext(l.name, b.p ? b.p : "", b.len);
	if (all != NULL) {
		buf_adds(all, "# rules from ");
		buf_adds(all, path);
		buf_addc(all, '\n');
		buf_add(all, b.p, b.len);
	}
	free(b.p);
	return bad;
}

/*
 * Lower-case ASCII, and fold the two non-ASCII letters that PCRE2 matches
 * caselessly with ASCII ones (KELVIN SIGN, LATIN SMALL LETTER LONG S), so
 * the literal scan never rules out a rule PCRE2 would match.
 */
static void
lower_add(struct buf *b, const char *s, size_t n)
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
markrules(const struct lit *l, size_t i)
{
	struct rule *r;
	uint32_t fb = 0;
	int k, f;

	for (f = 0; f < nfields; f++)
		if (fhave[f] && i >= fstart[f] && i < fend[f]) {
			fb = FBIT(f);
			break;
		}
	for (k = 0; k < l->nrules; k++) {
		r = &rules[l->rules[k]];
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

/* Mark the rules whose literals occur in the lower-cased text t. */
static void
scan(const char *t, size_t n)
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
				if (i + l->n <= n &&
				    memcmp(p + i + 2, l->s + 2, l->n - 2) == 0 &&
				    edges(l, p, i, n))
					markrules(l, i);
			}
		if (i + 4 > n)
			continue;
		memcpy(&w, p + i, 4);
		k = H4(w);
		if (bm4[k / 64] & (1ULL << (k % 64)))
			for (j = head4[k]; j >= 0; j = l->next) {
				l = &lits[j];
				if (l->w4 == w && i + l->n <= n &&
				    memcmp(p + i + 4, l->s + 4, l->n - 4) == 0 &&
				    edges(l, p, i, n))
					markrules(l, i);
			}
	}
}

static const char *
pcre2msg(int rc)
{
	static PCRE2_UCHAR msg[256];

	pcre2_get_error_message(rc, msg, sizeof(msg));
	return (char *)msg;
}

static void
matcherr(const struct rec *rec, const struct rule *r, int f, int rc)
{
	rec_warn(rec, "rule %s:%lu (%s%s): field %s: %s", r->file, r->line,
	    r->veto ? "!" : "", tags[r->tag].name, fields[f], pcre2msg(rc));
	status = EXIT_TROUBLE;
}

/* The field in lo..hi whose text holds offset at, or hi. */
static int
atfield(size_t at, int lo, int hi)
{
	int f;

	for (f = lo; f < hi; f++)
		if (fhave[f] && at >= fstart[f] && at < fstart[f] + ftext[f].len)
			break;
	return f;
}

/*
 * Does rule ri match this record?  On a match, *fi is the field and the
 * match data holds the span.  A pattern that runs into the limits is
 * reported with the rule and the record, and counts as no match.
 */
static int
rulematch(const struct rec *rec, int ri, int *fi)
{
	const struct rule *r = &rules[ri];
	size_t k;
	int f, lo, hi, rc;

	if (r->nlits > 0 && r->cand != recno)
		return 0;
	if (r->field >= 0)
		lo = r->field, hi = r->field + 1;
	else
		lo = 0, hi = ndefault;
	if (r->nlits > 0 && r->anch && !folded) {
		/*
		 * Offsets in the lower-cased text are offsets in the fields.
		 * The first ANCHTRIES occurrences are tried anchored, with
		 * a share of the match limit each; from the next one on (or
		 * the one that ran out), one unanchored match per field with
		 * the whole limit finds any later match.  So the work per
		 * rule and record is bounded, however often its literal
		 * occurs.
		 */
		pcre2_set_match_limit(mctx, MATCHLIMIT / ANCHTRIES);
		for (k = 0, rc = 0; k < r->nat && k < ANCHTRIES; k++) {
			if ((f = atfield(r->at[k], lo, hi)) == hi)
				continue;
			rc = pcre2_match(r->re, (PCRE2_SPTR)ftext[f].p,
			    ftext[f].len, r->at[k] - fstart[f],
			    PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, md, mctx);
			if (rc >= 0) {
				pcre2_set_match_limit(mctx, MATCHLIMIT);
				*fi = f;
				return 1;
			}
			if (rc != PCRE2_ERROR_NOMATCH)
				break;
		}
		pcre2_set_match_limit(mctx, MATCHLIMIT);
		while (k < r->nat) {
			if ((f = atfield(r->at[k], lo, hi)) == hi) {
				k++;
				continue;
			}
			rc = pcre2_match(r->re, (PCRE2_SPTR)ftext[f].p,
			    ftext[f].len, r->at[k] - fstart[f],
			    PCRE2_NO_UTF_CHECK, md, mctx);
			if (rc >= 0) {
				*fi = f;
				return 1;
			}
			if (rc != PCRE2_ERROR_NOMATCH)
				matcherr(rec, r, f, rc);
			while (k < r->nat && r->at[k] < fstart[f] +
			    ftext[f].len)
				k++;
		}
		return 0;
	}
	for (f = lo; f < hi; f++) {
		if (!fhave[f] || (r->nlits > 0 && !(r->infield & FBIT(f))))
			continue;
		rc = pcre2_match(r->re, (PCRE2_SPTR)ftext[f].p, ftext[f].len,
		    0, PCRE2_NO_UTF_CHECK, md, mctx);
		if (rc >= 0) {	/* 0: matched, groups not kept */
			*fi = f;
			return 1;
		}
		if (rc != PCRE2_ERROR_NOMATCH)
			matcherr(rec, r, f, rc);
	}
	return 0;
}

static void
explain(struct buf *ex, int ri, int f)
{
	const struct rule *r = &rules[ri];
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	char num[32];

	json_sep(ex);
	buf_adds(ex, "{\"tag\":");
	json_add_str(ex, tags[r->tag].name, tags[r->tag].namelen);
	if (r->veto)
		buf_adds(ex, ",\"veto\":true");
	buf_adds(ex, ",\"rule\":");
	snprintf(num, sizeof(num), ":%lu", r->line);
	{
		static struct buf rb;

		rb.len = 0;
		buf_adds(&rb, r->file);
		buf_adds(&rb, num);
		json_add_str(ex, rb.p, rb.len);
	}
	buf_adds(ex, ",\"field\":");
	json_add_str(ex, fields[f], strlen(fields[f]));
	buf_adds(ex, ",\"match\":");
	if (ov[0] <= ov[1] && ov[1] <= ftext[f].len)
		json_add_str(ex, ftext[f].p + ov[0], ov[1] - ov[0]);
	else
		buf_adds(ex, "\"\"");
	buf_addc(ex, '}');
}

/* Decode a string field, or the strings of an array, one per line. */
static int
getfield(const struct rec *rec, const char *name, struct buf *b)
{
	const struct member *m = rec_get(rec, name);
	const char *p, *e, *q;
	int any = 0;

	if (m == NULL)
		return 0;
	if (m->val.p[0] == '"') {
		json_str_decode(b, m->val.p + 1, m->val.n - 2);
		return 1;
	}
	if (m->val.p[0] != '[')
		return 0;
	e = m->val.p + m->val.n - 1;
	for (p = json_ws(m->val.p + 1, e); p < e; p = json_ws(p, e)) {
		q = json_skip(p, e);
		if (*p == '"') {
			if (any)
				buf_addc(b, '\n');
			json_str_decode(b, p + 1, q - p - 2);
			any = 1;
		}
		p = json_ws(q, e);
		if (p < e && *p == ',')
			p++;
	}
	return any;
}

static int
isonly(const char *s, size_t n)
{
	int i;

	for (i = 0; i < nonly; i++)
		if (strlen(onlytags[i]) == n && memcmp(onlytags[i], s, n) == 0)
			return 1;
	return 0;
}

static void
dorecord(const struct rec *rec)
{
	static struct buf low, arr, ex, tmp;
	const struct member *tm;
	const char *p, *e, *q;
	struct field fl[2];
	int i, j, f, nf = 0, added = 0, total = 0, keep, badtags;

	recno++;
	low.len = 0;
	folded = 0;
	for (f = 0; f < nfields; f++) {
		ftext[f].len = 0;
		fhave[f] = getfield(rec, fields[f], &ftext[f]);
		if (fhave[f]) {
			fstart[f] = low.len;
			lower_add(&low, ftext[f].p, ftext[f].len);
			fend[f] = low.len;
			if (low.len - fstart[f] != ftext[f].len)
				folded = 1;
			buf_addc(&low, '\n');
		}
	}
	scan(low.p, low.len);

	ex.len = 0;
	if (eflag)
		buf_addc(&ex, '[');
	for (i = 0; i < ntags; i++) {
		struct tag *t = &tags[i];

		t->isnew = 0;
		for (j = 0; j < t->npos; j++)
			if (rulematch(rec, t->pos[j], &f))
				break;
		if (j == t->npos)
			continue;
		if (eflag)
			explain(&ex, t->pos[j], f);
		for (j = 0; j < t->nveto; j++)
			if (rulematch(rec, t->veto[j], &f))
				break;
		if (j < t->nveto) {
			t->vetoed++;
			if (eflag)
				explain(&ex, t->veto[j], f);
			continue;
		}
		t->count++;
		t->isnew = 1;
	}

	/* The tags array: the record's own elements, then new tags. */
	arr.len = 0;
	buf_addc(&arr, '[');
	keep = nonly == 0 && !uflag;
	badtags = 0;
	tm = rec_get(rec, "tags");
	if (tm != NULL && tm->val.p[0] != '[') {
		rec_warn(rec, "tags is not an array; record left as it is");
		status = EXIT_TROUBLE;
		badtags = 1;
		for (i = 0; i < ntags; i++)
			tags[i].isnew = 0;
	} else if (tm != NULL) {
		e = tm->val.p + tm->val.n - 1;
		for (p = json_ws(tm->val.p + 1, e); p < e; p = json_ws(p, e)) {
			q = json_skip(p, e);
			json_sep(&arr);
			buf_add(&arr, p, q - p);
			total++;
			if (*p == '"') {
				tmp.len = 0;
				json_str_decode(&tmp, p + 1, q - p - 2);
				for (i = 0; i < ntags; i++)
					if (tags[i].isnew &&
					    tags[i].namelen == tmp.len &&
					    memcmp(tags[i].name, tmp.p,
					    tmp.len) == 0)
						tags[i].isnew = 0;
				if (isonly(tmp.p, tmp.len))
					keep = 1;
			}
			p = json_ws(q, e);
			if (p < e && *p == ',')
				p++;
		}
	}
	for (i = 0; i < ntags; i++) {
		if (!tags[i].isnew)
			continue;
		json_sep(&arr);
		json_add_str(&arr, tags[i].name, tags[i].namelen);
		added++;
		total++;
		if (isonly(tags[i].name, tags[i].namelen))
			keep = 1;
	}
	buf_addc(&arr, ']');
	nnew += added;
	if (total > 0)
		ntagged++;
	if (uflag && total == 0)
		keep = 1;
	if (!keep)
		return;
	/* Untouched records go out byte for byte. */
	if (!badtags && (tm == NULL || added > 0)) {
		fl[nf].key = "tags";
		fl[nf].val = arr.p;
		fl[nf++].vlen = arr.len;
	}
	if (eflag) {
		buf_addc(&ex, ']');
		fl[nf].key = "explain";
		fl[nf].val = ex.p;
		fl[nf++].vlen = ex.len;
	}
	rec_write(&out_stdout, rec, fl, nf);
}

static void
printstats(void)
{
	int i;

	fprintf(stderr, "%s: %lu records, %lu tagged (%.1f%%), "
	    "%.2f new tags per record\n", argv0, recno, ntagged,
	    recno ? 100.0 * ntagged / recno : 0.0,
	    recno ? (double)nnew / recno : 0.0);
	for (i = 0; i < ntags; i++) {
		fprintf(stderr, "%10lu %5.1f%%  %s", tags[i].count,
		    recno ? 100.0 * tags[i].count / recno : 0.0, tags[i].name);
		if (tags[i].vetoed)
			fprintf(stderr, " (%lu vetoed)", tags[i].vetoed);
		fputc('\n', stderr);
	}
}

/*
 * Before any rule is read: the fields that rules without @field match
 * (the -F ones, or title and abstract) come first, fields[0..ndefault).
 */
static void
rules_begin(char **df, int ndf)
{
	int i;

	if (ndf == 0) {
		fieldindex("title", 5);
		fieldindex("abstract", 8);
	}
	for (i = 0; i < ndf; i++)
		fieldindex(df[i], strlen(df[i]));
	ndefault = nfields;
	memset(head2, -1, sizeof(head2));
	memset(head4, -1, sizeof(head4));
}

/* After the rules are read: per-field buffers, match data and limits. */
static void
matcher_init(void)
{
	pcre2_jit_stack *js;

	ftext = ecalloc(nfields, sizeof(*ftext));
	fhave = ecalloc(nfields, sizeof(*fhave));
	fstart = ecalloc(nfields, sizeof(*fstart));
	fend = ecalloc(nfields, sizeof(*fend));
	md = pcre2_match_data_create(1, NULL);
	mctx = pcre2_match_context_create(NULL);
	if (md == NULL || mctx == NULL)
		die(EXIT_TROUBLE, "pcre2: out of memory");
	pcre2_set_match_limit(mctx, MATCHLIMIT);
	pcre2_set_depth_limit(mctx, DEPTHLIMIT);
	if ((js = pcre2_jit_stack_create(32 * 1024, JITSTACK, NULL)) != NULL)
		pcre2_jit_stack_assign(mctx, NULL, js);
}

static void
usage(void)
{
	fprintf(stderr, "usage: %s [-cehlNsu] [-F field] [-o tag] [-r file] "
	    "[file ...]\n", argv0);
	exit(EXIT_USAGE);
}

static void
help(void)
{
	printf("usage: %s [-cehlNsu] [-F field] [-o tag] [-r file] "
	    "[file ...]\n", argv0);
	puts("  -c, --check        check the rules and exit; read no records");
	puts("  -e, --explain      add an \"explain\" field: rule and text "
	    "behind each tag");
	puts("  -F, --field NAME   match the rules in this field "
	    "(repeatable; default title, abstract)");
	puts("  -h, --help         print this help and exit");
	puts("  -l, --list         print the rules in use, in the rules-file "
	    "syntax, and exit");
	puts("  -N, --no-builtin   do not use the built-in rules");
	puts("  -o, --only TAG     keep only records carrying TAG (repeatable)");
	puts("  -r, --rules FILE   add the rules in FILE (repeatable)");
	puts("  -s, --stats        print per-tag counts on stderr at the end");
	puts("  -u, --untagged     keep only records with no tag");
	puts("  -V, --version      print the version and exit");
	exit(fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK : EXIT_TROUBLE);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "check",	no_argument,		NULL, 'c' },
		{ "explain",	no_argument,		NULL, 'e' },
		{ "field",	required_argument,	NULL, 'F' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "list",	no_argument,		NULL, 'l' },
		{ "no-builtin",	no_argument,		NULL, 'N' },
		{ "only",	required_argument,	NULL, 'o' },
		{ "rules",	required_argument,	NULL, 'r' },
		{ "stats",	no_argument,		NULL, 's' },
		{ "untagged",	no_argument,		NULL, 'u' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL,		0,			NULL, 0 }
	};
	static struct buf listing;
	static char **rfiles, **dfields;
	int nrfiles = 0, ndfields = 0, bad = 0, c, i, b;
	struct rin in;
	struct rec *r;

	setprogname(argv[0]);
	argv[0] = (char *)argv0;	/* getopt's messages name the tool */
	/* No option repeats more often than there are arguments. */
	dfields = emalloc(argc * sizeof(*dfields));
	onlytags = emalloc(argc * sizeof(*onlytags));
	rfiles = emalloc(argc * sizeof(*rfiles));
	while ((c = getopt_long(argc, argv, "ceF:hlNo:r:suV", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'c':
			cflag = 1;
			break;
		case 'e':
			eflag = 1;
			break;
		case 'F':
			dfields[ndfields++] = optarg;
			break;
		case 'h':
			help();
			break;
		case 'l':
			lflag = 1;
			break;
		case 'N':
			Nflag = 1;
			break;
		case 'o':
			onlytags[nonly++] = optarg;
			break;
		case 'r':
			rfiles[nrfiles++] = optarg;
			break;
		case 's':
			sflag = 1;
			break;
		case 'u':
			uflag = 1;
			break;
		case 'V':
			version();
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;

	rules_begin(dfields, ndfields);

	if (!Nflag) {
		bad += parsetext("<builtin>", ptag_builtin, strlen(ptag_builtin));
		if (lflag)
			buf_adds(&listing, ptag_builtin);
	}
	for (i = 0; i < nrfiles; i++) {
		b = parsefile(rfiles[i], lflag ? &listing : NULL);
		if (b == -1)
			die(EXIT_USAGE, "%s: cannot read rules", rfiles[i]);
		bad += b;
	}
	if (bad > 0)
		die(EXIT_USAGE, "%d bad rule%s; nothing done", bad,
		    bad == 1 ? "" : "s");
	if (cflag)
		return EXIT_OK;
	if (lflag) {
		out_write(&out_stdout, listing.p, listing.len);
		out_close(&out_stdout);
		return EXIT_OK;
	}

	matcher_init();

	rin_init(&in, argc, argv);
	while ((r = rin_next(&in)) != NULL)
		dorecord(r);
	if (rin_close(&in))
		status = EXIT_TROUBLE;
	out_close(&out_stdout);
	if (sflag)
		printstats();
	return status;
}
