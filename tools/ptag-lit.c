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
static int nlitrules, litrulecap;
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

/* FNV-1a over s[0..n), from a seed: names and literals by hash. */
uint64_t
lit_hash(const char *s, size_t n, unsigned seed)
{
	uint64_t h = 1469598103934665603ULL ^ seed;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/*
 * The literals by hash (index + 1 in an open-addressed table), so that a
 * rules file of many rules is read in linear time.
 */
static int *litslot;
static uint64_t *lithv;
static size_t litcap;

static int *
litfind(uint64_t h, const char *s, size_t n, int fl)
{
	size_t i;
	const struct lit *l;

	for (i = h & (litcap - 1);; i = (i + 1) & (litcap - 1)) {
		if (litslot[i] == 0)
			return &litslot[i];
		l = &lits[litslot[i] - 1];
		if (lithv[i] == h && l->n == n && l->fl == fl &&
		    memcmp(l->s, s, n) == 0)
			return &litslot[i];
	}
}

static void
litgrow(void)
{
	int *os = litslot;
	uint64_t *oh = lithv;
	size_t oc = litcap, i, j;

	litcap = litcap ? 2 * litcap : 64;
	litslot = ecalloc(litcap, sizeof(*litslot));
	lithv = ecalloc(litcap, sizeof(*lithv));
	for (i = 0; i < oc; i++) {
		if (os[i] == 0)
			continue;
		for (j = oh[i] & (litcap - 1); litslot[j] != 0;
		    j = (j + 1) & (litcap - 1))
			;
		litslot[j] = os[i];
		lithv[j] = oh[i];
	}
	free(os);
	free(oh);
}

static void
addlit(int ri, const char *s, size_t n, int fl)
{
	struct lit *l;
	uint64_t h = lit_hash(s, n, (unsigned)fl);
	uint32_t w;
	int i, k, *sl;

	if (2 * ((size_t)nlits + 1) > litcap)
		litgrow();
	sl = litfind(h, s, n, fl);
	i = *sl != 0 ? *sl - 1 : nlits;
	if (i == nlits) {
		*sl = nlits + 1;
		lithv[sl - litslot] = h;
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

/*
 * Give rule ri (rules are numbered from 0, each given once, in order) its
 * required literals, if the pattern has any we can see.  raw: the pattern
 * is used as written, without the word edges ptag adds around it.
 */
void
lit_rule(int ri, const char *pat, size_t n, int raw)
{
	struct lset ls;
	int i;

	if (ri >= nlitrules) {
		if (ri >= litrulecap) {		/* grown by doubling */
			litrulecap = ri + 1 > 2 * litrulecap ? ri + 1 :
			    2 * litrulecap;
			litrules = erealloc(litrules, (size_t)litrulecap *
			    sizeof(*litrules));
		}
		memset(litrules + nlitrules, 0,
		    (ri + 1 - nlitrules) * sizeof(*litrules));
		nlitrules = ri + 1;
	}
	if (lit_parse(&ls, pat, n, raw) == -1)
		return;
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
