/* pcount-group.c: the rows' order, the top N per group, the cross table */
#include <stdint.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"
#include "pcount.h"

/* Where a kind sorts: values, then a group's (other), then (none). */
static int
rank(int kind)
{
	return kind == KNONE ? 2 : kind == KOTHER;
}

/* Order keys by their first maxc components, each in byte order. */
static int
cmpkey(const struct ent *a, const struct ent *b, size_t maxc)
{
	const char *p = keys.p + a->off, *pe = p + a->len;
	const char *q = keys.p + b->off, *qe = q + b->len;
	const char *sa, *sb;
	size_t na, nb, j;
	int ka, kb, c;

	for (j = 0; j < maxc && p < pe && q < qe; j++) {
		p = getcomp(p, &ka, &sa, &na);
		q = getcomp(q, &kb, &sb, &nb);
		if (rank(ka) != rank(kb))
			return rank(ka) - rank(kb);
		if ((c = memcmp(sa, sb, na < nb ? na : nb)) != 0)
			return c;
		if (na != nb)
			return na < nb ? -1 : 1;
		if (ka != kb)
			return ka < kb ? -1 : 1;
	}
	if (j == maxc)
		return 0;
	return (p < pe) - (q < qe);
}

int
cmpvalue(const struct ent *a, const struct ent *b)
{
	return cmpkey(a, b, SIZE_MAX);
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

/* -s time: the time-bucket columns first, in time order, then by count. */
static int *tcol;

static int
bytime(const void *a, const void *b)
{
	const struct ent *x = *(struct ent *const *)a;
	const struct ent *y = *(struct ent *const *)b;
	const char *p = keys.p + x->off, *pe = p + x->len;
	const char *q = keys.p + y->off, *qe = q + y->len;
	const char *sa, *sb;
	size_t na, nb, j;
	int ka, kb, c;

	for (j = 0; p < pe && q < qe; j++) {
		p = getcomp(p, &ka, &sa, &na);
		q = getcomp(q, &kb, &sb, &nb);
		if (!tcol[j])
			continue;
		if (rank(ka) != rank(kb))
			return rank(ka) - rank(kb);
		if ((c = memcmp(sa, sb, na < nb ? na : nb)) != 0)
			return c;
		if (na != nb)
			return na < nb ? -1 : 1;
	}
	return bycount(a, b);
}

static int
samegroup(const struct ent *a, const struct ent *b, size_t g)
{
	size_t n = prefix(a, g);

	return n == prefix(b, g) &&
	    memcmp(keys.p + a->off, keys.p + b->off, n) == 0;
}

/* Groups in value order; in a group, by count, the (other) rows last. */
static int
bygroup(const void *a, const void *b)
{
	const struct ent *x = *(struct ent *const *)a;
	const struct ent *y = *(struct ent *const *)b;
	int c;

	if ((c = cmpkey(x, y, npaths - 1)) != 0)
		return c;
	return vflag == SVALUE ? cmpvalue(x, y) : bycount(a, b);
}

static int
isother(const struct ent *e)
{
	const char *p = keys.p + e->off, *pe = p + e->len, *s;
	size_t n;
	int kind = 0;

	while (p < pe)
		p = getcomp(p, &kind, &s, &n);
	return kind == KOTHER;
}

/*
 * -n with two or more fields: in each group (the values of all fields but
 * the last) the N largest rows, then one (other) row with the rest and
 * any (other) rows merged in.
 */
static void
pergroup(void)
{
	static struct buf k;
	struct ent **out, *o;
	size_t i, j, a, kept, nout = 0, g = npaths - 1, plen;
	unsigned long long rest;

	qsort(rows, nrows, sizeof(*rows), bygroup);
	out = emalloc(2 * (nrows ? nrows : 1) * sizeof(*out));
	for (a = 0; a < nrows; a = i) {
		for (i = a + 1; i < nrows && samegroup(rows[a], rows[i], g); i++)
			;
		/* bygroup put a run by count; -s value needs the top first */
		if (vflag == SVALUE)
			qsort(rows + a, i - a, sizeof(*rows), bycount);
		rest = kept = 0;
		for (j = a; j < i; j++) {
			if (isother(rows[j]) || kept >= nflag)
				rest += rows[j]->count;
			else
				out[nout + kept++] = rows[j];
		}
		if (vflag == SVALUE)
			qsort(out + nout, kept, sizeof(*out), byvalue);
		nout += kept;
		if (rest == 0)
			continue;
		plen = prefix(rows[a], g);
		k.len = 0;
		buf_add(&k, keys.p + rows[a]->off, plen);
		addcomp(&k, KOTHER, "", 0);
		o = ecalloc(1, sizeof(*o));
		o->off = keys.len;
		o->len = k.len;
		o->count = rest;
		buf_add(&keys, k.p, k.len);
		out[nout++] = o;
	}
	free(rows);
	rows = out;
	nrows = nout;
}

void
gather(void)
{
	size_t i, j;

	rows = emalloc((tabn ? tabn : 1) * sizeof(*rows));
	total = other;
	for (i = 0; i < tabcap; i++)
		if (tab[i].count != 0 && keys.p[tab[i].off] != KGROUP) {
			rows[nrows++] = &tab[i];
			if (total > ULLONG_MAX - tab[i].count)
				die(EXIT_TROUBLE, "the counts add up to more "
				    "than %llu", ULLONG_MAX);
			total += tab[i].count;
		}
	if (cflag)
		return;
	if (npaths > 1 && nflag > 0) {
		pergroup();
		return;
	}
	qsort(rows, nrows, sizeof(*rows), bycount);
	if (nflag > 0 && nrows > nflag) {
		for (i = nflag; i < nrows; i++)
			other += rows[i]->count;
		nrows = nflag;
	}
	if (vflag == SVALUE)
		qsort(rows, nrows, sizeof(*rows), byvalue);
	else if (vflag == STIME) {
		free(tcol);	/* a run before this one's */
		tcol = ecalloc(npaths, sizeof(*tcol));
		for (j = 0; j < npaths; j++)
			tcol[j] = bucket_of_name(colname(j)) != BNONE;
		qsort(rows, nrows, sizeof(*rows), bytime);
	}
}
