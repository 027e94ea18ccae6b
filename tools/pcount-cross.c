/* pcount-cross.c: pcount -c, a cross table: a row per value of the first
 * field, a column per value of the second, in every output form */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "paperpipe.h"
#include "pcount.h"

struct col {
	const struct ent *rep;		/* a key with this second value */
	unsigned long long sum;
	size_t	 at;			/* its column, after ordering */
};

static struct col *cols;
static size_t ncols, nshown;		/* all columns; shown ones, no (other) */
static int hasother;
static unsigned long long *cell, *colsum;

/* Component j of e's key. */
static void
compat(const struct ent *e, size_t j, int *kind, const char **s, size_t *n)
{
	const char *p = keys.p + e->off;

	do
		p = getcomp(p, kind, s, n);
	while (j-- > 0);
}

static int
cmpcomp(const struct ent *a, const struct ent *b, size_t j)
{
	const char *sa, *sb;
	size_t na, nb;
	int ka, kb, c;

	compat(a, j, &ka, &sa, &na);
	compat(b, j, &kb, &sb, &nb);
	if ((ka == KNONE) != (kb == KNONE))
		return ka == KNONE ? 1 : -1;
	if ((c = memcmp(sa, sb, na < nb ? na : nb)) != 0)
		return c;
	if (na != nb)
		return na < nb ? -1 : 1;
	return ka < kb ? -1 : ka > kb;
}

static int
bysecond(const void *a, const void *b)
{
	return cmpcomp(*(struct ent *const *)a, *(struct ent *const *)b, 1);
}

static int
byfirst(const void *a, const void *b)
{
	return cmpcomp(*(struct ent *const *)a, *(struct ent *const *)b, 0);
}

static int
bycolsum(const void *a, const void *b)
{
	const struct col *x = a, *y = b;

	if (vflag != SVALUE && x->sum != y->sum)
		return x->sum > y->sum ? -1 : 1;
	return cmpcomp(x->rep, y->rep, 1);
}

/* Number the columns: e->last becomes the column of e's second value. */
static void
mkcols(void)
{
	size_t i, j, *at;

	qsort(rows, nrows, sizeof(*rows), bysecond);
	cols = emalloc((nrows ? nrows : 1) * sizeof(*cols));
	for (i = 0; i < nrows; i++) {
		if (i == 0 || cmpcomp(rows[i - 1], rows[i], 1) != 0) {
			cols[ncols].rep = rows[i];
			cols[ncols].sum = 0;
			cols[ncols].at = ncols;
			ncols++;
		}
		cols[ncols - 1].sum += rows[i]->count;
		rows[i]->last = ncols - 1;
	}
	qsort(cols, ncols, sizeof(*cols), bycolsum);
	nshown = nflag > 0 && ncols > nflag ? nflag : ncols;
	hasother = nshown < ncols;
	at = emalloc((ncols ? ncols : 1) * sizeof(*at));
	for (j = 0; j < ncols; j++)
		at[cols[j].at] = j < nshown ? j : nshown;
	for (i = 0; i < nrows; i++)
		rows[i]->last = at[rows[i]->last];
	free(at);
	cell = ecalloc(nshown + 1, sizeof(*cell));
	colsum = ecalloc(nshown + 1, sizeof(*colsum));
	for (i = 0; i < nrows; i++)
		colsum[rows[i]->last] += rows[i]->count;
	qsort(rows, nrows, sizeof(*rows), byfirst);
}

/* A label: a shown column's value, or the first value of rows[i]. */
static void
label(struct buf *b, const struct ent *e, size_t j, int tsv)
{
	const char *s;
	size_t n;
	int kind;

	compat(e, j, &kind, &s, &n);
	if (form == CSV && kind != KNONE)
		buf_add(b, s, n);
	else
		showcomp(b, kind, s, n, tsv);
}

static void
collabel(struct buf *b, size_t c, int tsv)
{
	if (c == nshown)
		buf_adds(b, "(other)");
	else
		label(b, cols[c].rep, 1, tsv);
}

/* The rows of one group [a, i) into cell[]; returns i. */
static size_t
fill(size_t a, unsigned long long *sum)
{
	size_t i;

	memset(cell, 0, (nshown + 1) * sizeof(*cell));
	*sum = 0;
	for (i = a; i < nrows && (i == a || byfirst(&rows[a], &rows[i]) == 0);
	    i++) {
		cell[rows[i]->last] += rows[i]->count;
		*sum += rows[i]->count;
	}
	return i;
}

static void
crosstext(void)
{
	static struct buf b, l;
	size_t a, i, c, w0, *w, nc = nshown + hasother;
	unsigned long long sum;

	w = emalloc((nc + 1) * sizeof(*w));
	w0 = strlen(colname(0));
	if (!tflag && w0 < 7)
		w0 = 7;		/* (total) */
	for (a = 0; a < nrows; a = fill(a, &sum)) {
		l.len = 0;
		label(&l, rows[a], 0, 0);
		if (dwidth(l.p, l.len) > w0)
			w0 = dwidth(l.p, l.len);
	}
	buf_adds(&b, colname(0));
	pad(&b, w0 - dwidth(colname(0), strlen(colname(0))));
	for (c = 0; c < nc; c++) {
		l.len = 0;
		collabel(&l, c, 0);
		w[c] = dwidth(l.p, l.len);
		if (digits(colsum[c]) > w[c])
			w[c] = digits(colsum[c]);
		buf_adds(&b, "  ");
		pad(&b, w[c] - dwidth(l.p, l.len));
		buf_add(&b, l.p, l.len);
	}
	w[nc] = digits(total) > 5 ? digits(total) : 5;
	buf_adds(&b, "  ");
	pad(&b, w[nc] - 5);
	buf_adds(&b, "total\n");
	emit(&b);
	for (a = 0; a < nrows; a = i) {
		i = fill(a, &sum);
		l.len = 0;
		label(&l, rows[a], 0, 0);
		buf_add(&b, l.p, l.len);
		pad(&b, w0 - dwidth(l.p, l.len));
		for (c = 0; c < nc; c++) {
			buf_adds(&b, "  ");
			putnum(&b, cell[c], w[c]);
		}
		buf_adds(&b, "  ");
		putnum(&b, sum, w[nc]);
		buf_addc(&b, '\n');
		emit(&b);
	}
	if (!tflag) {
		buf_adds(&b, "(total)");
		pad(&b, w0 - 7);
		for (c = 0; c < nc; c++) {
			buf_adds(&b, "  ");
			putnum(&b, colsum[c], w[c]);
		}
		buf_adds(&b, "  ");
		putnum(&b, total, w[nc]);
		buf_addc(&b, '\n');
		emit(&b);
	}
	free(w);
}

static void
addfield(struct buf *b, struct buf *l)
{
	if (form == CSV)
		csvfield(b, l->p, l->len);
	else
		buf_add(b, l->p, l->len);
}

static void
crosstable(void)
{
	static struct buf b, l;
	const char *sep = form == CSV ? "," : "\t";
	size_t a, i, c, nc = nshown + hasother;
	unsigned long long sum;

	l.len = 0;
	buf_adds(&l, colname(0));
	addfield(&b, &l);
	for (c = 0; c < nc; c++) {
		buf_adds(&b, sep);
		l.len = 0;
		collabel(&l, c, 1);
		addfield(&b, &l);
	}
	buf_adds(&b, sep);
	buf_adds(&b, "total\n");
	emit(&b);
	for (a = 0; a < nrows; a = i) {
		i = fill(a, &sum);
		l.len = 0;
		label(&l, rows[a], 0, 1);
		addfield(&b, &l);
		for (c = 0; c < nc; c++) {
			buf_adds(&b, sep);
			putnum(&b, cell[c], 0);
		}
		buf_adds(&b, sep);
		putnum(&b, sum, 0);
		buf_addc(&b, '\n');
		emit(&b);
	}
	if (!tflag) {
		buf_adds(&b, "(total)");
		for (c = 0; c < nc; c++) {
			buf_adds(&b, sep);
			putnum(&b, colsum[c], 0);
		}
		buf_adds(&b, sep);
		putnum(&b, total, 0);
		buf_addc(&b, '\n');
		emit(&b);
	}
}

/* A value as JSON: a string's text, other JSON as is, (none) as null. */
static void
jsonvalue(struct buf *b, const struct ent *e, size_t j)
{
	const char *s;
	size_t n;
	int kind;

	compat(e, j, &kind, &s, &n);
	if (kind == KSTR)
		json_add_str(b, s, n);
	else if (kind == KJSON)
		buf_add(b, s, n);
	else
		buf_adds(b, "null");
}

/* "cells": {column: count}, a column named by its value's text. */
static void
jsoncells(struct buf *b, const unsigned long long *v)
{
	static struct buf l;
	const char *s;
	size_t c, n;
	int kind;

	buf_adds(b, "\"cells\":{");
	for (c = 0; c < nshown + hasother; c++) {
		if (c > 0)
			buf_addc(b, ',');
		l.len = 0;
		if (c == nshown)
			buf_adds(&l, "(other)");
		else {
			compat(cols[c].rep, 1, &kind, &s, &n);
			if (kind == KNONE)
				buf_adds(&l, "(none)");
			else
				buf_add(&l, s, n);
		}
		json_add_str(b, l.p, l.len);
		buf_addc(b, ':');
		putnum(b, v[c], 0);
	}
	buf_addc(b, '}');
}

static void
crossjson(void)
{
	static struct buf b;
	size_t a, i;
	unsigned long long sum;

	if (form == JSON)
		buf_adds(&b, "[\n");
	for (a = 0; a < nrows; a = i) {
		i = fill(a, &sum);
		if (form == JSON && a > 0)
			buf_adds(&b, ",\n");
		buf_adds(&b, "{\"value\":");
		jsonvalue(&b, rows[a], 0);
		buf_addc(&b, ',');
		jsoncells(&b, cell);
		buf_adds(&b, ",\"count\":");
		putnum(&b, sum, 0);
		buf_addc(&b, '}');
		if (form == JSONL)
			buf_addc(&b, '\n');
		emit(&b);
	}
	if (!tflag) {
		if (form == JSON && nrows > 0)
			buf_adds(&b, ",\n");
		buf_adds(&b, "{\"records\":");
		putnum(&b, nrecords, 0);
		buf_adds(&b, ",\"values\":");
		putnum(&b, total, 0);
		buf_adds(&b, ",\"fields\":[");
		json_add_str(&b, colname(0), strlen(colname(0)));
		buf_addc(&b, ',');
		json_add_str(&b, colname(1), strlen(colname(1)));
		buf_adds(&b, "],");
		jsoncells(&b, colsum);
		buf_addc(&b, '}');
		if (form == JSONL)
			buf_addc(&b, '\n');
	}
	if (form == JSON)
		buf_adds(&b, nrows > 0 || !tflag ? "\n]\n" : "]\n");
	emit(&b);
}

/*
 * --bars: a line per column (value of the second field), its total, and
 * a sparkline of its counts across the rows (the first field's values, in
 * order: time, for a time bucket), each line scaled to its own largest.
 */
static void
crossbars(void)
{
	static const char *tick[] = { "\xe2\x96\x81", "\xe2\x96\x82",
	    "\xe2\x96\x83", "\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86",
	    "\xe2\x96\x87", "\xe2\x96\x88" };
	static struct buf b, l;
	unsigned long long *m, max, sum;
	size_t a, i, c, g, ng = 0, lw = 0, cw, nc = nshown + hasother;

	for (a = 0; a < nrows; a = fill(a, &sum))
		ng++;
	m = ecalloc((ng ? ng : 1) * nc, sizeof(*m));
	for (g = 0, a = 0; a < nrows; a = i, g++) {
		i = fill(a, &sum);
		for (c = 0; c < nc; c++)
			m[c * ng + g] = cell[c];
	}
	for (c = 0; c < nc; c++) {
		l.len = 0;
		collabel(&l, c, 0);
		if (dwidth(l.p, l.len) > lw)
			lw = dwidth(l.p, l.len);
	}
	if (!tflag && lw < 7)
		lw = 7;		/* (total) */
	cw = digits(total);
	if (nrows > 0) {
		pad(&b, lw + 2 + cw + 2);
		label(&b, rows[0], 0, 0);
		buf_adds(&b, " \xe2\x80\xa6 ");	/* first … last */
		for (a = 0; a < nrows; a = i)
			i = fill(a, &sum), g = a;
		label(&b, rows[g], 0, 0);
		buf_addc(&b, '\n');
		emit(&b);
	}
	for (c = 0; c < nc; c++) {
		l.len = 0;
		collabel(&l, c, 0);
		buf_add(&b, l.p, l.len);
		pad(&b, lw - dwidth(l.p, l.len));
		buf_adds(&b, "  ");
		putnum(&b, colsum[c], cw);
		buf_adds(&b, "  ");
		for (max = 0, g = 0; g < ng; g++)
			if (m[c * ng + g] > max)
				max = m[c * ng + g];
		for (g = 0; g < ng; g++)
			if (m[c * ng + g] == 0)
				buf_addc(&b, ' ');
			else
				buf_adds(&b, tick[(m[c * ng + g] * 7 +
				    max / 2) / max]);
		buf_addc(&b, '\n');
		emit(&b);
	}
	if (!tflag) {
		buf_adds(&b, "(total)");
		pad(&b, lw - 7);
		buf_adds(&b, "  ");
		putnum(&b, total, cw);
		buf_adds(&b, "  ");
		buf_adds(&b, records());
		buf_addc(&b, '\n');
		emit(&b);
	}
	free(m);
}

void
cross(void)
{
	mkcols();
	switch (form) {
	case TEXT:
		crosstext();
		break;
	case TSV:
	case CSV:
		crosstable();
		break;
	case JSONL:
	case JSON:
		crossjson();
		break;
	case BARS:
		crossbars();
		break;
	}
}
