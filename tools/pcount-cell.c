/*
 * pcount-cell.c: what every one of pcount's renderers uses: display
 * widths, a value as people read it, shares, the cells of the value
 * columns, numbers and padding, CSV fields, checked writes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <utf8proc.h>

#include "paperpipe.h"
#include "pcount.h"

/* Display width of UTF-8 text on a terminal (wide CJK 2, combining 0). */
size_t
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

/*
 * A value as people read it: the string's text, or the JSON text, with
 * control characters shown as escapes so a row stays one line.  With tsv,
 * also the backslash (in JSON text too), so the escapes can be undone.
 */
void
showcomp(struct buf *b, int kind, const char *s, size_t n, int tsv)
{
	const char *e = s + n;
	unsigned char c;
	char x[8];
	int c1;		/* a C1 control character: U+0080 to U+009F */

	if (kind == KNONE || kind == KOTHER) {
		buf_adds(b, kind == KNONE ? "(none)" : "(other)");
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

static const char *
share(unsigned long long c, unsigned long long of)
{
	static char s[32];

	snprintf(s, sizeof(s), "%.1f", of ? 100.0 * (double)c /
	    (double)of : 0.0);
	return s;
}

const char *
pct(unsigned long long c)
{
	return share(c, total);
}

/* The records of e's group: those with its values of all paths but the
 * last. */
static unsigned long long
grouprecs(const struct ent *e)
{
	static struct buf g;
	const struct ent *ge;

	g.len = 0;
	addcomp(&g, KGROUP, "", 0);
	buf_add(&g, keys.p + e->off, prefix(e, npaths - 1));
	return (ge = find(g.p, g.len)) != NULL ? ge->recs : 0;
}

/* Row i's share of the records (-r); an (other) row has none: "-". */
const char *
rpct(size_t i)
{
	if (i >= nrows || rows[i]->recs == 0)
		return "-";
	return share(rows[i]->recs, npaths > 1 ? grouprecs(rows[i]) :
	    nrecords);
}

/* A share right-aligned in a text column headed h: "  %values". */
void
textpct(struct buf *b, const char *h, const char *v)
{
	size_t n = strlen(v) + (*v != '-');

	buf_adds(b, "  ");
	pad(b, strlen(h) > n ? strlen(h) - n : 0);
	buf_adds(b, v);
	if (*v != '-')
		buf_addc(b, '%');
}

const char *
records(void)
{
	static char s[64];

	snprintf(s, sizeof(s), "%llu record%s", nrecords,
	    nrecords == 1 ? "" : "s");
	return s;
}

const char *
totallabel(void)
{
	static char s[80];

	snprintf(s, sizeof(s), "(total: %s)", records());
	return s;
}

const char *
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
struct buf cellb;
struct cell *cells;
size_t ncellrows;

static void
addcell(struct cell *c, const char *s, size_t n)
{
	c->off = cellb.len;
	buf_add(&cellb, s, n);
	c->len = n;
	c->w = dwidth(s, n);
}

void
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

unsigned long long
rowcount(size_t i)
{
	return i < nrows ? rows[i]->count : other;
}

void
pad(struct buf *b, size_t n)
{
	while (n-- > 0)
		buf_addc(b, ' ');
}

void
putnum(struct buf *b, unsigned long long v, size_t w)
{
	char s[32];
	int n = snprintf(s, sizeof(s), "%llu", v);

	if ((size_t)n < w)
		pad(b, w - n);
	buf_add(b, s, n);
}

size_t
digits(unsigned long long v)
{
	size_t n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

void
emit(struct buf *b)
{
	if (b->len > 0)		/* b->p may still be NULL */
		out_write(&out_stdout, b->p, b->len);
	b->len = 0;
}

/* A CSV field: quoted by libcsv when it holds a separator, quote or EOL. */
void
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
