/* pcount-run.c: a run of pcount: counting records, merging -o jsonl lines */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL	/* keys are short: a call costs more than XXH3 */
#include <xxhash.h>

#include "paperpipe.h"
#include "pcount.h"

struct fpath *paths;
size_t npaths, ngiven;
struct ent **rows;		/* what to print, in order (gather) */
size_t nrows;
unsigned long long total;
int form = TEXT;
int pflag, rflag, vflag, cflag, tflag, mflag, xflag;
static int *bkt;		/* each path's time bucket, or BNONE */
static unsigned long long nodate;	/* values that were no date */
static char *nodatewhere;	/* the first of them: FILE:LINE */
static const char *nodatename;
static const struct rec *cur;
static int norecs;		/* --merge: a row without "record_count" */
static int fgiven;		/* -f given: warn of paths no record had */
unsigned long long nflag;
long wflag;
static int status;

struct ent *tab;
size_t tabcap, tabn;
struct buf keys;
unsigned long long nrecords, other;

static struct buf *fvals;	/* each path's components in this record */
static size_t *pos;
static size_t nheld;		/* paths run_path added */
static struct buf kb, gkb, tmp;

/* Names from the inputs of --merge (their "fields"). */
char **mnames;
size_t nmnames;
int havemnames;
static size_t arity;

/* A -f path (paperpipe(7) FIELD PATHS), its arrays exploded. */
void
run_path(const char *arg)
{
	const char *why;
	char *s = estrdup(arg);
	int b = bucket_split(s);

	paths = erealloc(paths, (npaths + 1) * sizeof(*paths));
	bkt = erealloc(bkt, (npaths + 1) * sizeof(*bkt));
	if ((why = path_parse(&paths[npaths], s, PATH_EACH)) != NULL)
		die(EXIT_USAGE, "-f %s: %s", arg, why);
	free(paths[npaths].name);
	paths[npaths].name = estrdup(arg);	/* the column's name */
	bkt[npaths] = b;
	free(s);
	npaths++;
	nheld = npaths;
}

void
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
const char *
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

/* The bytes of the first g components of e's key. */
size_t
prefix(const struct ent *e, size_t g)
{
	const char *p = keys.p + e->off, *s;
	size_t n, j;
	int kind;

	for (j = 0; j < g && p < keys.p + e->off + e->len; j++)
		p = getcomp(p, &kind, &s, &n);
	return (size_t)(p - (keys.p + e->off));
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

/* Add c (> 0) to the count of key k: its slot, NULL if the sum overflows. */
static struct ent *
add(const char *k, size_t n, unsigned long long c)
{
	uint64_t h = XXH3_64bits(k, n);
	size_t i, mask;
	struct ent *e;

	if ((tabn + 1) * 2 > tabcap)
		grow();		/* first, so that e stays where it is */
	mask = tabcap - 1;
	for (i = h & mask;; i = (i + 1) & mask) {
		e = &tab[i];
		if (e->count == 0)
			break;
		if (e->h == h && e->len == n &&
		    memcmp(keys.p + e->off, k, n) == 0) {
			if (e->count > ULLONG_MAX - c)
				return NULL;
			e->count += c;
			return e;
		}
	}
	e->h = h;
	e->off = keys.len;
	e->len = n;
	e->count = c;
	e->recs = e->last = 0;
	buf_add(&keys, k, n);
	tabn++;
	return e;
}

/* The slot of key k, or NULL. */
const struct ent *
find(const char *k, size_t n)
{
	uint64_t h = XXH3_64bits(k, n);
	size_t i, mask = tabcap - 1;
	const struct ent *e;

	for (i = h & mask; tab[i].count != 0; i = (i + 1) & mask) {
		e = &tab[i];
		if (e->h == h && e->len == n &&
		    memcmp(keys.p + e->off, k, n) == 0)
			return e;
	}
	return NULL;
}

/* Count key k once more in this record. */
static void
addrec(const char *k, size_t n)
{
	struct ent *e = add(k, n, 1);

	if (e == NULL)	/* one at a time: past 2^64 records */
		die(EXIT_TROUBLE, "a count passed %llu", ULLONG_MAX);
	if (e->last != nrecords) {
		e->last = nrecords;
		e->recs++;
	}
}

/*
 * Append the component of the time bucket b of the JSON value p[0..n);
 * 0 if none: with -x a value that is no date is not counted, as (none).
 */
static int
bucketleaf(struct buf *b, int bk, const char *p, size_t n, size_t fi)
{
	char t[16];
	size_t tn = 0;

	if (*p == '"' && memchr(p + 1, '\\', n - 2) == NULL)
		tn = bucket_text(bk, p + 1, n - 2, t);
	else if (*p == '"') {
		tmp.len = 0;
		json_str_decode(&tmp, p + 1, n - 2);
		tn = bucket_text(bk, tmp.p, tmp.len, t);
	}
	if (tn > 0) {
		addcomp(b, KSTR, t, tn);
		return 1;
	}
	if (nodate++ == 0) {
		tmp.len = 0;
		buf_adds(&tmp, cur->file);
		buf_addc(&tmp, '\0');
		nodatewhere = emalloc(tmp.len + 24);
		snprintf(nodatewhere, tmp.len + 24, "%s:%llu", tmp.p,
		    cur->lineno);
		nodatename = paths[fi].name;
	}
	if (xflag)
		return 0;
	addcomp(b, KNONE, "", 0);
	return 1;
}

/* A value found at path *fi. */
static int
value(void *arg, const char *p, size_t n)
{
	size_t fi = *(size_t *)arg;
	struct buf *b = npaths == 1 ? &kb : &fvals[fi];
	int got = 1;

	if (npaths == 1)
		kb.len = 0;
	if (bkt[fi] != BNONE)
		got = bucketleaf(b, bkt[fi], p, n, fi);
	else
		leaf(b, p, n);
	if (npaths == 1 && got)
		addrec(kb.p, kb.len);
	return 0;
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
		for (i = 0; i < npaths; i++) {
			if (i + 1 == npaths && rflag) {
				/* -r: the records of the group, once each */
				gkb.len = 0;
				addcomp(&gkb, KGROUP, "", 0);
				buf_add(&gkb, kb.p, kb.len);
				addrec(gkb.p, gkb.len);
			}
			buf_add(&kb, fvals[i].p + pos[i],
			    getcomp(fvals[i].p + pos[i], &kind, &s, &sn) -
			    (fvals[i].p + pos[i]));
		}
		addrec(kb.p, kb.len);
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

/* One record, counted. */
void
run_count(const struct rec *r)
{
	size_t i;
	int miss = 0;

	nrecords++;
	cur = r;
	for (i = 0; i < npaths; i++) {
		fvals[i].len = 0;
		if (path_rec(&paths[i], r, value, &i) > 0 &&
		    (npaths == 1 || fvals[i].len > 0))
			continue;	/* empty: -x, and no value was a date */
		miss = 1;
		if (xflag)
			continue;	/* the other paths are still seen */
		if (npaths == 1) {
			kb.len = 0;
			addcomp(&kb, KNONE, "", 0);
			addrec(kb.p, kb.len);
		} else
			addcomp(&fvals[i], KNONE, "", 0);
	}
	if (npaths > 1 && !(miss && xflag))
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

static int
bynum(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The indexes in the "missing" list of a --merge row, sorted into miss[],
 * so that a row's values and its list are walked once each.
 */
static size_t *miss;
static size_t nmiss, misscap;

static void
getmissing(const struct member *mm)
{
	struct jiter it;
	struct member m;
	unsigned long long v;

	nmiss = 0;
	if (mm == NULL || !jval_open(&it, mm->val.p, mm->val.n))
		return;
	while (jval_next(&it, &m)) {
		if (!getcount(&m, &v) || v > SIZE_MAX)
			continue;
		if (nmiss == misscap) {
			misscap = misscap ? misscap * 2 : 16;
			miss = erealloc(miss, misscap * sizeof(*miss));
		}
		miss[nmiss++] = (size_t)v;
	}
	qsort(miss, nmiss, sizeof(*miss), bynum);
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
void
run_merge(const struct rec *r)
{
	const struct member *mc, *mv, *mm, *mr;
	struct jiter it, it2;
	struct member m, m2;
	unsigned long long c, rc = 0;
	size_t k, mi = 0;
	int none = 0, isother, isgroup;
	struct ent *e;

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
	if (rec_get(r, "cells") != NULL) {
		rec_warn(r, "a cross table (-c) cannot be merged: merge the "
		    "parts' plain -o jsonl, then -c");
		status = EXIT_TROUBLE;
		return;
	}
	isother = istrue(rec_get(r, "other"));
	isgroup = istrue(rec_get(r, "group"));
	if ((mr = rec_get(r, "record_count")) == NULL || !getcount(mr, &rc))
		norecs |= !isother;	/* (other) rows have none */
	mv = rec_get(r, "value");
	if (isother && (mv == NULL || mv->val.p[0] != '[')) {
		if (other > ULLONG_MAX - c)
			overflow(r);
		else
			other += c;
		return;
	}
	if (mv == NULL) {
		rec_warn(r, "not pcount -o jsonl output: no \"value\"");
		status = EXIT_TROUBLE;
		return;
	}
	mm = rec_get(r, "missing");
	kb.len = 0;
	if (isgroup)
		addcomp(&kb, KGROUP, "", 0);	/* -r: a group's records */
	k = 1;
	if (mv->val.p[0] == '[') {
		if (json_ws(mv->val.p + 1, mv->val.p + mv->val.n) ==
		    mv->val.p + mv->val.n - 1) {
			rec_warn(r, "\"value\" is an empty list of values");
			status = EXIT_TROUBLE;
			return;
		}
		getmissing(mm);
		jval_open(&it, mv->val.p, mv->val.n);
		for (k = 0; jval_next(&it, &m); k++) {
			while (mi < nmiss && miss[mi] < k)
				mi++;
			it2 = it;
			if (isother && !jval_next(&it2, &m2))
				addcomp(&kb, KOTHER, "", 0);	/* a group's */
			else if (mi < nmiss && miss[mi] == k) {
				addcomp(&kb, KNONE, "", 0);
				none = 1;
			} else
				leaf(&kb, m.val.p, m.val.n);
		}
	} else if (istrue(mm)) {
		addcomp(&kb, KNONE, "", 0);
		none = 1;
	} else
		leaf(&kb, mv->val.p, mv->val.n);
	if (isgroup) {
		add(kb.p, kb.len, 1)->recs += rc;
		return;
	}
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
	if ((e = add(kb.p, kb.len, c)) == NULL) {
		overflow(r);
		return;
	}
	e->recs += rc;
}

/* After the options: the default path, and the tables. */
void
run_start(void)
{
	fgiven = npaths > 0;
	if (npaths == 0)
		run_path("tags");
	fvals = ecalloc(npaths, sizeof(*fvals));
	pos = ecalloc(npaths, sizeof(*pos));
	grow();
}

/* After the input: the columns to show; EXIT_TROUBLE if a line was bad. */
int
run_end(void)
{
	ngiven = npaths;
	/* Merged counts have the inputs' columns, whatever -f says. */
	if (mflag && arity > 0)
		npaths = arity;
	else if (mflag && havemnames && nmnames > 0)
		npaths = nmnames;
	if (rflag && mflag && norecs && tabn > 0)
		warnf("warning: -r: some merged rows have no \"record_count\" "
		    "(make the parts with -r)");
	return status;
}

/* After the output: the warnings about paths no record had, and dates. */
void
run_warn(void)
{
	if (fgiven && !mflag && nrecords > 0)
		path_unseen(paths, ngiven);
	if (nodate > 0)
		warnf("warning: %s: %llu value%s of %s %s no ISO 8601 date, "
		    "%s", nodatewhere, nodate, nodate == 1 ? "" : "s",
		    nodatename, nodate == 1 ? "is" : "are",
		    xflag ? "not counted (-x)" : "counted as (none)");
}

/* Everything the run holds, freed: the next run starts afresh. */
void
run_free(void)
{
	size_t i;

	for (i = 0; i < nrows; i++)	/* pergroup's (other) rows */
		if ((uintptr_t)rows[i] < (uintptr_t)tab ||
		    (uintptr_t)rows[i] >= (uintptr_t)(tab + tabcap))
			free(rows[i]);
	free(rows);
	rows = NULL;
	nrows = 0;
	total = 0;
	for (i = 0; i < nheld; i++) {
		path_free(&paths[i]);
		if (fvals != NULL)
			free(fvals[i].p);
	}
	free(paths);
	free(fvals);
	free(pos);
	free(bkt);
	paths = NULL;
	fvals = NULL;
	pos = NULL;
	bkt = NULL;
	npaths = ngiven = nheld = 0;
	free(tab);
	tab = NULL;
	tabcap = tabn = 0;
	buf_free(&keys);
	buf_free(&kb);
	buf_free(&gkb);
	buf_free(&tmp);
	nrecords = other = 0;
	for (i = 0; i < nmnames; i++)
		free(mnames[i]);
	free(mnames);
	mnames = NULL;
	nmnames = 0;
	havemnames = 0;
	arity = 0;
	free(miss);
	miss = NULL;
	nmiss = misscap = 0;
	free(nodatewhere);
	nodatewhere = NULL;
	nodatename = NULL;
	nodate = 0;
	cur = NULL;
	norecs = fgiven = status = 0;
}
