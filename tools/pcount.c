/* pcount: count the values of fields of records; a table, CSV, JSON or bars */
#include <sys/ioctl.h>

#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>
#include <utf8proc.h>
#define XXH_INLINE_ALL	/* keys are short: a call costs more than XXH3 */
#include <xxhash.h>

#include "paperpipe.h"

enum { TEXT, TSV, CSV, JSONL, JSON, BARS };

/*
 * A counted key is a sequence of components, one per -f path: a kind byte,
 * the length as a base-128 varint, then the bytes.  A string is its decoded
 * text, any other value its compact JSON text, a missing value empty.
 */
enum { KJSON = 'j', KNONE = 'n', KSTR = 's' };

#define MINBAR	10	/* bar columns kept when labels are shortened */

struct path {
	char		*name;		/* as given, for headers */
	char		**comp;		/* components, unescaped */
	size_t		*clen;
	size_t		 n;
};

struct ent {
	uint64_t	 h;
	size_t		 off, len;	/* the key, in keys.p */
	unsigned long long count;	/* 0: a free slot */
};

/* One cell of the table as it is shown: its text in cellb, display width. */
struct cell {
	size_t		 off, len, w;
};

static const char *forms[] = { "text", "tsv", "csv", "jsonl", "json", "bars",
    NULL };

static struct path *paths;
static size_t npaths, ngiven;
static int form = TEXT;
static int mflag, pflag, vflag, xflag;
static unsigned long long nflag;
static long wflag;
static int status;

static struct ent *tab;
static size_t tabcap, tabn;
static struct buf keys;
static unsigned long long nrecords, other;

static struct buf *fvals;	/* each path's components in this record */
static size_t *nvals, *pos;
static struct buf kb, tmp;
static struct jiter *stk;	/* arrays being exploded */
static size_t nstk, stkcap;

/* Names from the inputs of --merge (their "fields"). */
static char **mnames;
static size_t nmnames;
static int havemnames;
static size_t arity;

static void
usage(void)
{
	fputs("usage: pcount [-bmpx] [-f path] [-n count] [-o form] [-s key] "
	    "[-w width] [file ...]\n", stderr);
	exit(EXIT_USAGE);
}

static void
help(void)
{
	printf("usage: pcount [-bmpx] [-f path] [-n count] [-o form] [-s key] "
	    "[-w width] [file ...]\n"
	    "  -b, --bars          a bar chart (same as -o bars)\n"
	    "  -f, --field PATH    count the values at PATH (default tags); "
	    "repeat for pairs\n"
	    "  -m, --merge         add up the output of pcount -o jsonl\n"
	    "  -n, --top N         show the N most frequent values, then "
	    "(other)\n"
	    "  -o, --output FORM   text, tsv, csv, jsonl, json or bars\n"
	    "  -p, --percent       show each count's share of the total\n"
	    "  -s, --sort KEY      order by count (default) or value\n"
	    "  -w, --width N       columns for the bar chart\n"
	    "  -x, --skip-missing  no (none) row for records without a value\n"
	    "      --help          show this help\n"
	    "      --version       show the version\n");
	exit(fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK : EXIT_TROUBLE);
}

/* Split a dotted path; a backslash makes the next character literal. */
static void
addpath(const char *s)
{
	struct path *pa;
	struct buf b = { 0 };
	size_t i, n = 1, k;

	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == '\\' && s[i + 1] != '\0')
			i++;
		else if (s[i] == '.')
			n++;
	}
	paths = erealloc(paths, (npaths + 1) * sizeof(*paths));
	pa = &paths[npaths++];
	pa->name = estrdup(s);
	pa->comp = emalloc(n * sizeof(*pa->comp));
	pa->clen = emalloc(n * sizeof(*pa->clen));
	pa->n = 0;
	for (i = 0;; i++) {
		if (s[i] == '\\' && s[i + 1] != '\0') {
			buf_addc(&b, s[++i]);
			continue;
		}
		if (s[i] != '.' && s[i] != '\0') {
			buf_addc(&b, s[i]);
			continue;
		}
		if (b.len == 0)
			die(EXIT_USAGE, "-f %s: empty name in path", s);
		k = pa->n++;
		pa->clen[k] = b.len;
		buf_addc(&b, '\0');
		pa->comp[k] = b.p;
		memset(&b, 0, sizeof(b));
		if (s[i] == '\0')
			break;
	}
}

static void
addcomp(struct buf *b, int kind, const char *s, size_t n)
{
	size_t v = n;

	buf_addc(b, kind);
	while (v >= 0x80) {
		buf_addc(b, (int)((v & 0x7f) | 0x80));
		v >>= 7;
	}
	buf_addc(b, (int)v);
	buf_add(b, s, n);
}

/* Read the component at p; return the byte after it. */
static const char *
getcomp(const char *p, int *kind, const char **s, size_t *n)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t v = 0;
	int sh = 0;

	*kind = *u++;
	do {
		v |= (size_t)(*u & 0x7f) << sh;
		sh += 7;
	} while (*u++ & 0x80);
	*s = (const char *)u;
	*n = v;
	return *s + v;
}

/* Append the component for the valid JSON value p[0..n). */
static void
leaf(struct buf *b, const char *p, size_t n)
{
	const char *s;
	size_t sn;

	if (*p == '"') {
		s = p + 1;
		sn = n - 2;
		if (memchr(s, '\\', sn) != NULL) {
			tmp.len = 0;
			json_str_decode(&tmp, s, sn);
			s = tmp.p;
			sn = tmp.len;
		}
		addcomp(b, KSTR, s, sn);
	} else if (*p == '{' || *p == '[') {
		/* an array only in a --merge tuple: counted arrays explode */
		tmp.len = 0;
		jval_canon(&tmp, p, n);
		addcomp(b, KJSON, tmp.p, tmp.len);
	} else
		addcomp(b, KJSON, p, n);
}

static void
grow(void)
{
	struct ent *old = tab;
	size_t oldcap = tabcap, i, j;

	tabcap = tabcap ? tabcap * 2 : 64;
	tab = ecalloc(tabcap, sizeof(*tab));
	for (i = 0; i < oldcap; i++) {
		if (old[i].count == 0)
			continue;
		for (j = old[i].h & (tabcap - 1); tab[j].count != 0;
		    j = (j + 1) & (tabcap - 1))
			;
		tab[j] = old[i];
	}
	free(old);
}

/* Add c (> 0) to the count of key k; -1 when the sum would not fit. */
static int
add(const char *k, size_t n, unsigned long long c)
{
	uint64_t h = XXH3_64bits(k, n);
	size_t i, mask = tabcap - 1;
	struct ent *e;

	for (i = h & mask;; i = (i + 1) & mask) {
		e = &tab[i];
		if (e->count == 0)
			break;
		if (e->h == h && e->len == n &&
		    memcmp(keys.p + e->off, k, n) == 0) {
			if (e->count > ULLONG_MAX - c)
				return -1;
			e->count += c;
			return 0;
		}
	}
	e->h = h;
	e->off = keys.len;
	e->len = n;
	e->count = c;
	buf_add(&keys, k, n);
	if (++tabn * 2 > tabcap)
		grow();
	return 0;
}

static void
value(size_t fi, const char *p, size_t n)
{
	nvals[fi]++;
	if (npaths == 1) {
		kb.len = 0;
		leaf(&kb, p, n);
		(void)add(kb.p, kb.len, 1);
	} else
		leaf(&fvals[fi], p, n);
}

static void
push(const char *p, size_t n)
{
	if (nstk == stkcap) {
		stkcap = stkcap ? stkcap * 2 : 16;
		stk = erealloc(stk, stkcap * sizeof(*stk));
	}
	jval_open(&stk[nstk++], p, n);
}

/*
 * Find the values at path fi from component depth on, in the value p[0..n).
 * Arrays are exploded at any level with a stack of iterators, so deep
 * nesting costs heap, not C stack; recursion is as deep as the path.
 */
static void
walk(size_t fi, size_t depth, const char *p, size_t n)
{
	const struct path *pa = &paths[fi];
	struct member m;
	struct span v;
	size_t base;

	while (*p != '[') {
		if (depth == pa->n) {
			value(fi, p, n);
			return;
		}
		if (*p != '{' || !jval_get(p, n, pa->comp[depth],
		    pa->clen[depth], &v))
			return;
		p = v.p;
		n = v.n;
		depth++;
	}
	base = nstk;
	push(p, n);
	while (nstk > base) {
		if (!jval_next(&stk[nstk - 1], &m))
			nstk--;
		else if (m.val.p[0] == '[')
			push(m.val.p, m.val.n);
		else
			walk(fi, depth, m.val.p, m.val.n);
	}
}

/* Count each combination of the paths' values: an odometer over them. */
static void
product(void)
{
	const char *s;
	size_t i, sn;
	int kind;

	for (i = 0; i < npaths; i++)
		pos[i] = 0;
	for (;;) {
		kb.len = 0;
		for (i = 0; i < npaths; i++)
			buf_add(&kb, fvals[i].p + pos[i],
			    getcomp(fvals[i].p + pos[i], &kind, &s, &sn) -
			    (fvals[i].p + pos[i]));
		(void)add(kb.p, kb.len, 1);
		for (i = npaths; i-- > 0;) {
			pos[i] = getcomp(fvals[i].p + pos[i], &kind, &s, &sn) -
			    fvals[i].p;
			if (pos[i] < fvals[i].len)
				break;
			pos[i] = 0;
		}
		if (i == (size_t)-1)
			return;
	}
}

static void
count(const struct rec *r)
{
	const struct member *m;
	size_t i;

	nrecords++;
	for (i = 0; i < npaths; i++) {
		nvals[i] = 0;
		fvals[i].len = 0;
		if ((m = rec_get(r, paths[i].comp[0])) != NULL)
			walk(i, 1, m->val.p, m->val.n);
		if (nvals[i] > 0)
			continue;
		if (xflag)
			return;
		if (npaths == 1) {
			kb.len = 0;
			addcomp(&kb, KNONE, "", 0);
			(void)add(kb.p, kb.len, 1);
		} else
			addcomp(&fvals[i], KNONE, "", 0);
	}
	if (npaths > 1)
		product();
}

/* A count in --merge input: a JSON integer >= 0. */
static int
getcount(const struct member *m, unsigned long long *c)
{
	const char *p = m->val.p;
	size_t i;
	unsigned long long v = 0;

	if (m->val.n == 0 || m->val.n > 20)
		return 0;
	for (i = 0; i < m->val.n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		if (v > (~0ULL - (unsigned)(p[i] - '0')) / 10)
			return 0;
		v = v * 10 + (unsigned)(p[i] - '0');
	}
	*c = v;
	return 1;
}

static int
istrue(const struct member *m)
{
	return m != NULL && m->val.n == 4 && memcmp(m->val.p, "true", 4) == 0;
}

/* The names in a total line's "fields", checked against earlier inputs. */
static void
mergefields(const struct rec *r, const struct member *mf)
{
	struct jiter it;
	struct member m;
	size_t k = 0;
	int same = 1;

	if (mf == NULL || !jval_open(&it, mf->val.p, mf->val.n) || it.obj)
		return;
	while (jval_next(&it, &m)) {
		if (m.val.p[0] != '"')
			continue;
		tmp.len = 0;
		json_str_decode(&tmp, m.val.p + 1, m.val.n - 2);
		buf_addc(&tmp, '\0');
		if (!havemnames) {
			mnames = erealloc(mnames, (k + 1) * sizeof(*mnames));
			mnames[k] = estrdup(tmp.p);
		} else if (k >= nmnames || strcmp(mnames[k], tmp.p) != 0)
			same = 0;
		k++;
	}
	if (!havemnames) {
		nmnames = k;
		havemnames = 1;
	} else if (!same || k != nmnames) {
		rec_warn(r, "fields differ from an earlier input's");
		status = EXIT_TROUBLE;
	}
}

/* Does index k appear in the "missing" list of a --merge row? */
static int
ismissing(const struct member *mm, size_t k)
{
	struct jiter it;
	struct member m;
	char num[32];
	int n;

	if (mm == NULL || !jval_open(&it, mm->val.p, mm->val.n))
		return 0;
	n = snprintf(num, sizeof(num), "%zu", k);
	while (jval_next(&it, &m))
		if (m.val.n == (size_t)n && memcmp(m.val.p, num, n) == 0)
			return 1;
	return 0;
}

/* A count that does not fit: the line is left out, and the status is 1. */
static void
overflow(const struct rec *r)
{
	rec_warn(r, "count overflows: the sum is more than %llu; line skipped",
	    ULLONG_MAX);
	status = EXIT_TROUBLE;
}

/* One line of pcount -o jsonl output, added to the counts. */
static void
merge(const struct rec *r)
{
	const struct member *mc, *mv, *mm, *mr;
	struct jiter it;
	struct member m;
	unsigned long long c;
	size_t k;
	int none = 0;

	if ((mr = rec_get(r, "records")) != NULL) {
		if (!getcount(mr, &c)) {
			rec_warn(r, "\"records\" is not a count");
			status = EXIT_TROUBLE;
			return;
		}
		if (nrecords > ULLONG_MAX - c) {
			overflow(r);
			return;
		}
		nrecords += c;
		mergefields(r, rec_get(r, "fields"));
		return;
	}
	if ((mc = rec_get(r, "count")) == NULL || !getcount(mc, &c)) {
		rec_warn(r, "not pcount -o jsonl output: "
		    "no \"count\" (a whole number)");
		status = EXIT_TROUBLE;
		return;
	}
	if (istrue(rec_get(r, "other"))) {
		if (other > ULLONG_MAX - c)
			overflow(r);
		else
			other += c;
		return;
	}
	if ((mv = rec_get(r, "value")) == NULL) {
		rec_warn(r, "not pcount -o jsonl output: no \"value\"");
		status = EXIT_TROUBLE;
		return;
	}
	mm = rec_get(r, "missing");
	kb.len = 0;
	k = 1;
	if (mv->val.p[0] == '[') {
		if (json_ws(mv->val.p + 1, mv->val.p + mv->val.n) ==
		    mv->val.p + mv->val.n - 1) {
			rec_warn(r, "\"value\" is an empty list of values");
			status = EXIT_TROUBLE;
			return;
		}
		jval_open(&it, mv->val.p, mv->val.n);
		for (k = 0; jval_next(&it, &m); k++)
			if (ismissing(mm, k)) {
				addcomp(&kb, KNONE, "", 0);
				none = 1;
			} else
				leaf(&kb, m.val.p, m.val.n);
	} else if (istrue(mm)) {
		addcomp(&kb, KNONE, "", 0);
		none = 1;
	} else
		leaf(&kb, mv->val.p, mv->val.n);
	if (arity == 0)
		arity = k;
	else if (k != arity) {
		rec_warn(r, "%zu values, where earlier lines have %zu", k,
		    arity);
		status = EXIT_TROUBLE;
		return;
	}
	if ((none && xflag) || c == 0)
		return;
	if (add(kb.p, kb.len, c) == -1)
		overflow(r);
}

static int
cmpvalue(const struct ent *a, const struct ent *b)
{
	const char *p = keys.p + a->off, *pe = p + a->len;
	const char *q = keys.p + b->off, *qe = q + b->len;
	const char *sa, *sb;
	size_t na, nb;
	int ka, kb_, c;

	while (p < pe && q < qe) {
		p = getcomp(p, &ka, &sa, &na);
		q = getcomp(q, &kb_, &sb, &nb);
		/* (none) after every value, so it ends a run of ties. */
		if ((ka == KNONE) != (kb_ == KNONE))
			return ka == KNONE ? 1 : -1;
		if ((c = memcmp(sa, sb, na < nb ? na : nb)) != 0)
			return c;
		if (na != nb)
			return na < nb ? -1 : 1;
		if (ka != kb_)
			return ka < kb_ ? -1 : 1;
	}
	return (p < pe) - (q < qe);
}

static int
byvalue(const void *a, const void *b)
{
	return cmpvalue(*(struct ent *const *)a, *(struct ent *const *)b);
}

static int
bycount(const void *a, const void *b)
{
	const struct ent *x = *(struct ent *const *)a;
	const struct ent *y = *(struct ent *const *)b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return cmpvalue(x, y);
}

/* Display width of UTF-8 text on a terminal (wide CJK 2, combining 0). */
static size_t
dwidth(const char *s, size_t n)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	size_t w = 0;
	int cw;

	while (n > 0) {
		if ((unsigned char)*s < 0x80) {
			w++;
			s++;
			n--;
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)n, &c);
		if (k <= 0)
			k = 1, c = 0xfffd;
		if ((cw = utf8proc_charwidth(c)) > 0)
			w += (size_t)cw;
		s += k;
		n -= (size_t)k;
	}
	return w;
}

/* The longest prefix of s[0..n) no wider than w columns. */
static size_t
dcut(const char *s, size_t n, size_t w)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	size_t i = 0, used = 0, cw;
	int r;

	while (i < n) {
		k = 1;
		cw = 1;
		if ((unsigned char)s[i] >= 0x80) {
			k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
			    (utf8proc_ssize_t)(n - i), &c);
			if (k <= 0)
				k = 1, c = 0xfffd;
			cw = (r = utf8proc_charwidth(c)) > 0 ? (size_t)r : 0;
		}
		if (used + cw > w)
			break;
		used += cw;
		i += (size_t)k;
	}
	return i;
}

/*
 * A value as people read it: the string's text, or the JSON text, with
 * control characters shown as escapes so a row stays one line.  With tsv,
 * also the backslash (in JSON text too), so the escapes can be undone.
 */
static void
showcomp(struct buf *b, int kind, const char *s, size_t n, int tsv)
{
	const char *e = s + n;
	unsigned char c;
	char x[8];
	int c1;		/* a C1 control character: U+0080 to U+009F */

	if (kind == KNONE) {
		buf_adds(b, "(none)");
		return;
	}
	if (kind == KJSON && !tsv) {
		buf_add(b, s, n);
		return;
	}
	for (; s < e; s++) {
		c = (unsigned char)*s;
		c1 = c == 0xc2 && s + 1 < e && (unsigned char)s[1] < 0xa0;
		if (c >= 0x20 && c != 0x7f && c != '\\' && !c1) {
			buf_addc(b, c);
			continue;
		}
		if (c == '\\') {
			buf_adds(b, tsv ? "\\\\" : "\\");
			continue;
		}
		switch (c) {
		case '\t': buf_adds(b, "\\t"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': buf_adds(b, "\\r"); break;
		case 0xc2:
			snprintf(x, sizeof(x), "\\u%04x", (unsigned char)*++s);
			buf_adds(b, x);
			break;
		default:
			snprintf(x, sizeof(x), "\\x%02x", c);
			buf_adds(b, x);
			break;
		}
	}
}

/* The rows to print, in order, and the numbers around them. */
static struct ent **rows;
static size_t nrows;
static unsigned long long total;

static void
gather(void)
{
	size_t i;

	rows = emalloc((tabn ? tabn : 1) * sizeof(*rows));
	total = other;
	for (i = 0; i < tabcap; i++)
		if (tab[i].count != 0) {
			rows[nrows++] = &tab[i];
			if (total > ULLONG_MAX - tab[i].count)
				die(EXIT_TROUBLE, "the counts add up to more "
				    "than %llu", ULLONG_MAX);
			total += tab[i].count;
		}
	qsort(rows, nrows, sizeof(*rows), bycount);
	if (nflag > 0 && nrows > nflag) {
		for (i = nflag; i < nrows; i++)
			other += rows[i]->count;
		nrows = nflag;
	}
	if (vflag)
		qsort(rows, nrows, sizeof(*rows), byvalue);
}

static const char *
pct(unsigned long long c)
{
	static char s[32];

	snprintf(s, sizeof(s), "%.1f", total ? 100.0 * (double)c /
	    (double)total : 0.0);
	return s;
}

static const char *
records(void)
{
	static char s[64];

	snprintf(s, sizeof(s), "%llu record%s", nrecords,
	    nrecords == 1 ? "" : "s");
	return s;
}

static const char *
totallabel(void)
{
	static char s[80];

	snprintf(s, sizeof(s), "(total: %s)", records());
	return s;
}

static const char *
colname(size_t i)
{
	if (havemnames && i < nmnames)
		return mnames[i];
	return i < ngiven ? paths[i].name : "value";
}

/*
 * The text of every cell of the value columns: one row per counted key,
 * then (other) when there is one.  The total line is written apart.
 */
static struct buf cellb;
static struct cell *cells;
static size_t ncellrows;

static void
addcell(struct cell *c, const char *s, size_t n)
{
	c->off = cellb.len;
	buf_add(&cellb, s, n);
	c->len = n;
	c->w = dwidth(s, n);
}

static void
mkcells(void)
{
	const char *p, *pe, *s;
	size_t i, j, n, start;
	int kind;

	ncellrows = nrows + (other > 0);
	cells = ecalloc(ncellrows * npaths, sizeof(*cells));
	for (i = 0; i < nrows; i++) {
		p = keys.p + rows[i]->off;
		pe = p + rows[i]->len;
		for (j = 0; j < npaths && p < pe; j++) {
			p = getcomp(p, &kind, &s, &n);
			start = cellb.len;
			showcomp(&cellb, kind, s, n, 0);
			cells[i * npaths + j].off = start;
			cells[i * npaths + j].len = cellb.len - start;
			cells[i * npaths + j].w = dwidth(cellb.p + start,
			    cellb.len - start);
		}
	}
	if (other > 0) {
		addcell(&cells[nrows * npaths], "(other)", 7);
		for (j = 1; j < npaths; j++)
			addcell(&cells[nrows * npaths + j], "", 0);
	}
}

static unsigned long long
rowcount(size_t i)
{
	return i < nrows ? rows[i]->count : other;
}

static void
pad(struct buf *b, size_t n)
{
	while (n-- > 0)
		buf_addc(b, ' ');
}

static void
putnum(struct buf *b, unsigned long long v, size_t w)
{
	char s[32];
	int n = snprintf(s, sizeof(s), "%llu", v);

	if ((size_t)n < w)
		pad(b, w - n);
	buf_add(b, s, n);
}

static size_t
digits(unsigned long long v)
{
	size_t n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

static void
emit(struct buf *b)
{
	out_write(&out_stdout, b->p, b->len);
	b->len = 0;
}

static void
text(void)
{
	static struct buf b;
	size_t *colw, cw, i, j;
	const char *name;

	mkcells();
	colw = ecalloc(npaths, sizeof(*colw));
	for (j = 0; j < npaths; j++) {
		colw[j] = dwidth(colname(j), strlen(colname(j)));
		for (i = 0; i < ncellrows; i++)
			if (cells[i * npaths + j].w > colw[j])
				colw[j] = cells[i * npaths + j].w;
	}
	cw = digits(total) > 5 ? digits(total) : 5;
	pad(&b, cw - 5);
	buf_adds(&b, "count");
	if (pflag)
		buf_adds(&b, "       %");
	for (j = 0; j < npaths; j++) {
		name = colname(j);
		buf_adds(&b, "  ");
		buf_adds(&b, name);
		if (j + 1 < npaths)
			pad(&b, colw[j] - dwidth(name, strlen(name)));
	}
	buf_addc(&b, '\n');
	emit(&b);
	for (i = 0; i < ncellrows; i++) {
		putnum(&b, rowcount(i), cw);
		if (pflag) {
			buf_adds(&b, "  ");
			pad(&b, 6 - strlen(pct(rowcount(i))) - 1);
			buf_adds(&b, pct(rowcount(i)));
			buf_addc(&b, '%');
		}
		for (j = 0; j < npaths; j++) {
			struct cell *c = &cells[i * npaths + j];

			buf_adds(&b, "  ");
			buf_add(&b, cellb.p + c->off, c->len);
			if (j + 1 < npaths)
				pad(&b, colw[j] - c->w);
		}
		buf_addc(&b, '\n');
		emit(&b);
	}
	putnum(&b, total, cw);
	if (pflag)
		buf_adds(&b, total ? "  100.0%" : "    0.0%");
	buf_adds(&b, "  ");
	buf_adds(&b, totallabel());
	buf_addc(&b, '\n');
	emit(&b);
	free(colw);
}

/* A CSV field: quoted by libcsv when it holds a separator, quote or EOL. */
static void
csvfield(struct buf *b, const char *s, size_t n)
{
	size_t i, need;

	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' ||
		    s[i] == '\r')
			break;
	if (i == n && !(n > 0 && (s[0] == ' ' || s[n - 1] == ' '))) {
		buf_add(b, s, n);
		return;
	}
	need = 2 * n + 2;
	if (b->cap - b->len < need)
		buf_grow(b, need);
	b->len += csv_write(b->p + b->len, need, s, n);
}

static void
field(struct buf *b, const char *s, size_t n)
{
	if (form == CSV)
		csvfield(b, s, n);
	else
		buf_add(b, s, n);
}

static void
table(void)
{
	static struct buf b, v;
	const char *p, *pe, *s, *sep = form == CSV ? "," : "\t";
	size_t i, j, n;
	int kind;

	buf_adds(&b, "count");
	if (pflag) {
		buf_adds(&b, sep);
		buf_adds(&b, "percent");
	}
	for (j = 0; j < npaths; j++) {
		buf_adds(&b, sep);
		field(&b, colname(j), strlen(colname(j)));
	}
	buf_addc(&b, '\n');
	emit(&b);
	for (i = 0; i < nrows + (other > 0); i++) {
		putnum(&b, rowcount(i), 0);
		if (pflag) {
			buf_adds(&b, sep);
			buf_adds(&b, pct(rowcount(i)));
		}
		if (i == nrows) {
			buf_adds(&b, sep);
			buf_adds(&b, "(other)");
			for (j = 1; j < npaths; j++)
				buf_adds(&b, sep);
		} else {
			p = keys.p + rows[i]->off;
			pe = p + rows[i]->len;
			while (p < pe) {
				p = getcomp(p, &kind, &s, &n);
				buf_adds(&b, sep);
				if (form == CSV && kind != KNONE) {
					csvfield(&b, s, n);
					continue;
				}
				v.len = 0;
				showcomp(&v, kind, s, n, 1);
				field(&b, v.p, v.len);
			}
		}
		buf_addc(&b, '\n');
		emit(&b);
	}
	putnum(&b, total, 0);
	if (pflag) {
		buf_adds(&b, sep);
		buf_adds(&b, total ? "100.0" : "0.0");
	}
	buf_adds(&b, sep);
	buf_adds(&b, totallabel());
	for (j = 1; j < npaths; j++)
		buf_adds(&b, sep);
	buf_addc(&b, '\n');
	emit(&b);
}

static void
jsonrow(struct buf *b, size_t i)
{
	const char *p, *pe, *s;
	size_t j, n, none = 0;
	int kind;

	buf_addc(b, '{');
	if (i == nrows)
		buf_adds(b, "\"other\":true");
	else {
		buf_adds(b, "\"value\":");
		if (npaths > 1)
			buf_addc(b, '[');
		p = keys.p + rows[i]->off;
		pe = p + rows[i]->len;
		for (j = 0; p < pe; j++) {
			p = getcomp(p, &kind, &s, &n);
			if (j > 0)
				buf_addc(b, ',');
			if (kind == KSTR)
				json_add_str(b, s, n);
			else if (kind == KJSON)
				buf_add(b, s, n);
			else {
				buf_adds(b, "null");
				none++;
			}
		}
		if (npaths > 1)
			buf_addc(b, ']');
		if (none > 0 && npaths == 1)
			buf_adds(b, ",\"missing\":true");
		else if (none > 0) {
			buf_adds(b, ",\"missing\":[");
			p = keys.p + rows[i]->off;
			for (j = 0; p < pe; j++) {
				p = getcomp(p, &kind, &s, &n);
				if (kind != KNONE)
					continue;
				if (b->p[b->len - 1] != '[')
					buf_addc(b, ',');
				putnum(b, j, 0);
			}
			buf_addc(b, ']');
		}
	}
	buf_adds(b, ",\"count\":");
	putnum(b, rowcount(i), 0);
	if (pflag) {
		buf_adds(b, ",\"percent\":");
		buf_adds(b, pct(rowcount(i)));
	}
	buf_addc(b, '}');
}

static void
jsonout(void)
{
	static struct buf b;
	size_t i, j;

	if (form == JSON)
		buf_adds(&b, "[\n");
	for (i = 0; i < nrows + (other > 0); i++) {
		jsonrow(&b, i);
		buf_adds(&b, form == JSON ? ",\n" : "\n");
		emit(&b);
	}
	buf_adds(&b, "{\"records\":");
	putnum(&b, nrecords, 0);
	buf_adds(&b, ",\"values\":");
	putnum(&b, total, 0);
	buf_adds(&b, ",\"fields\":[");
	for (j = 0; j < npaths; j++) {
		json_sep(&b);
		json_add_str(&b, colname(j), strlen(colname(j)));
	}
	buf_adds(&b, "]}\n");
	if (form == JSON)
		buf_adds(&b, "]\n");
	emit(&b);
}

static size_t
termwidth(void)
{
	struct winsize ws;

	if (wflag > 0)
		return (size_t)wflag;
	if (isatty(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* Append c's text cut to w columns ("…" marks a cut), padded to w. */
static void
fitcell(struct buf *b, const struct cell *c, size_t w, int last)
{
	const char *s = cellb.p + c->off;
	size_t n;

	if (c->w <= w) {
		buf_add(b, s, c->len);
		if (!last)
			pad(b, w - c->w);
		return;
	}
	n = dcut(s, c->len, w > 0 ? w - 1 : 0);
	buf_add(b, s, n);
	if (w > 0)
		buf_adds(b, "\xe2\x80\xa6");
	pad(b, w - (w > 0) - dwidth(s, n));
}

static void
bars(void)
{
	static const char *part[] = { "", "\xe2\x96\x8f", "\xe2\x96\x8e",
	    "\xe2\x96\x8d", "\xe2\x96\x8c", "\xe2\x96\x8b", "\xe2\x96\x8a",
	    "\xe2\x96\x89" };
	static struct buf b;
	size_t *colw, width = termwidth(), cw, fixed, lw, barw, i, j, widest;
	size_t eighths;
	unsigned long long max = 0;

	mkcells();
	colw = ecalloc(npaths, sizeof(*colw));
	lw = 2 * (npaths - 1);
	colw[0] = 7;		/* "(total)" */
	for (j = 0; j < npaths; j++) {
		for (i = 0; i < ncellrows; i++)
			if (cells[i * npaths + j].w > colw[j])
				colw[j] = cells[i * npaths + j].w;
		lw += colw[j];
	}
	for (i = 0; i < ncellrows; i++)
		if (rowcount(i) > max)
			max = rowcount(i);
	cw = digits(total);
	fixed = 2 + cw + (pflag ? 8 : 0) + 2;
	/* Shorten the widest labels until a bar of MINBAR columns fits. */
	while (lw + fixed + MINBAR > width && lw > 7) {
		for (widest = 0, j = 1; j < npaths; j++)
			if (colw[j] > colw[widest])
				widest = j;
		if (colw[widest] <= 4)
			break;
		colw[widest]--;
		lw--;
	}
	barw = width > lw + fixed ? width - lw - fixed : 1;
	for (i = 0; i < ncellrows; i++) {
		for (j = 0; j < npaths; j++) {
			if (j > 0)
				buf_adds(&b, "  ");
			fitcell(&b, &cells[i * npaths + j], colw[j], 0);
		}
		buf_adds(&b, "  ");
		putnum(&b, rowcount(i), cw);
		if (pflag) {
			buf_adds(&b, "  ");
			pad(&b, 5 - strlen(pct(rowcount(i))));
			buf_adds(&b, pct(rowcount(i)));
			buf_addc(&b, '%');
		}
		buf_adds(&b, "  ");
		eighths = (size_t)((long double)rowcount(i) * barw * 8 / max +
		    0.5L);
		if (eighths == 0)
			eighths = 1;	/* a count is never shown as nothing */
		for (j = 0; j < eighths / 8; j++)
			buf_adds(&b, "\xe2\x96\x88");
		buf_adds(&b, part[eighths % 8]);
		buf_addc(&b, '\n');
		emit(&b);
	}
	/* The total's count under the counts; its records after them. */
	buf_adds(&b, "(total)");
	if (lw > 7)
		pad(&b, lw - 7);
	buf_adds(&b, "  ");
	putnum(&b, total, cw);
	if (pflag)
		buf_adds(&b, total ? "  100.0%" : "    0.0%");
	buf_adds(&b, "  ");
	buf_adds(&b, records());
	buf_addc(&b, '\n');
	emit(&b);
	free(colw);
}

static const struct option longopts[] = {
	{ "bars", no_argument, NULL, 'b' },
	{ "field", required_argument, NULL, 'f' },
	{ "merge", no_argument, NULL, 'm' },
	{ "top", required_argument, NULL, 'n' },
	{ "output", required_argument, NULL, 'o' },
	{ "percent", no_argument, NULL, 'p' },
	{ "sort", required_argument, NULL, 's' },
	{ "width", required_argument, NULL, 'w' },
	{ "skip-missing", no_argument, NULL, 'x' },
	{ "help", no_argument, NULL, 'H' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

int
main(int argc, char *argv[])
{
	struct rin in;
	struct rec *r;
	size_t i;
	int c;

	setprogname(argv[0]);
	opterr = 0;	/* getopt would name the tool by its whole path */
	while ((c = getopt_long(argc, argv, ":bf:mn:o:ps:w:x", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'b':
			form = BARS;
			break;
		case 'f':
			addpath(optarg);
			break;
		case 'm':
			mflag = 1;
			break;
		case 'n':
			nflag = (unsigned long long)estrtonum(optarg, 1,
			    LLONG_MAX, "-n");
			break;
		case 'o':
			for (i = 0; forms[i] != NULL &&
			    strcmp(forms[i], optarg) != 0; i++)
				;
			if (forms[i] == NULL)
				die(EXIT_USAGE, "-o %s: not one of text, tsv, "
				    "csv, jsonl, json, bars", optarg);
			form = (int)i;
			break;
		case 'p':
			pflag = 1;
			break;
		case 's':
			if (strcmp(optarg, "value") == 0)
				vflag = 1;
			else if (strcmp(optarg, "count") == 0)
				vflag = 0;
			else
				die(EXIT_USAGE, "-s %s: not count or value",
				    optarg);
			break;
		case 'w':
			wflag = (long)estrtonum(optarg, 1, 100000, "-w");
			break;
		case 'x':
			xflag = 1;
			break;
		case 'H':
			help();
			break;
		case 'V':
			version();
			break;
		case ':':
			if (optopt != 0)
				warnf("option -%c needs an argument", optopt);
			else
				warnf("option %s needs an argument",
				    argv[optind - 1]);
			usage();
			break;
		default:
			if (optopt != 0)
				warnf("unknown option -%c", optopt);
			else
				warnf("unknown option %s", argv[optind - 1]);
			usage();
		}
	}
	argc -= optind;
	argv += optind;

	if (npaths == 0)
		addpath("tags");
	fvals = ecalloc(npaths, sizeof(*fvals));
	nvals = ecalloc(npaths, sizeof(*nvals));
	pos = ecalloc(npaths, sizeof(*pos));
	grow();
	rin_init(&in, argc, argv);
	while ((r = rin_next(&in)) != NULL) {
		if (mflag)
			merge(r);
		else
			count(r);
	}
	if (rin_close(&in) != 0)
		status = EXIT_TROUBLE;
	ngiven = npaths;
	/* Merged counts have the inputs' columns, whatever -f says. */
	if (mflag && arity > 0)
		npaths = arity;
	else if (mflag && havemnames && nmnames > 0)
		npaths = nmnames;
	gather();
	switch (form) {
	case TEXT:
		text();
		break;
	case TSV:
	case CSV:
		table();
		break;
	case JSONL:
	case JSON:
		jsonout();
		break;
	case BARS:
		bars();
		break;
	}
	out_close(&out_stdout);
	return status;
}
