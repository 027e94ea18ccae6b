/* pcount-out.c: pcount's counts as a table, TSV, CSV, JSON or bars */
#include <sys/ioctl.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>
#include <utf8proc.h>

#include "paperpipe.h"
#include "pcount.h"

#define MINBAR	10	/* bar columns kept when labels are shortened */

/* One cell of the table as it is shown: its text in cellb, display width. */
struct cell {
	size_t		 off, len, w;
};

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

static const char *
pct(unsigned long long c)
{
	return share(c, total);
}

/* Row i's share of the records (-r); an (other) row has none: "-". */
static const char *
rpct(size_t i)
{
	return i < nrows && rows[i]->recs > 0 ?
	    share(rows[i]->recs, nrecords) : "-";
}

/* A share right-aligned in a text column headed h: "  %values". */
static void
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

static const char *
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
		buf_adds(&b, "  %values");
	if (rflag)
		buf_adds(&b, "  %records");
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
		if (pflag)
			textpct(&b, "%values", pct(rowcount(i)));
		if (rflag)
			textpct(&b, "%records", rpct(i));
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
	if (tflag) {
		free(colw);
		return;
	}
	putnum(&b, total, cw);
	if (pflag)
		textpct(&b, "%values", total ? "100.0" : "0.0");
	if (rflag)
		textpct(&b, "%records", "-");
	buf_adds(&b, "  ");
	buf_adds(&b, totallabel());
	buf_addc(&b, '\n');
	emit(&b);
	free(colw);
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
	if (rflag) {
		buf_adds(&b, sep);
		buf_adds(&b, "record_percent");
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
		if (rflag) {
			buf_adds(&b, sep);
			if (*rpct(i) != '-')
				buf_adds(&b, rpct(i));
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
	if (tflag)
		return;
	putnum(&b, total, 0);
	if (pflag) {
		buf_adds(&b, sep);
		buf_adds(&b, total ? "100.0" : "0.0");
	}
	if (rflag)
		buf_adds(&b, sep);
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
	int kind, grp = 0;

	buf_addc(b, '{');
	if (i == nrows)
		buf_adds(b, "\"other\":true");
	else {
		grp = 0;
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
			else if (kind == KOTHER) {
				buf_adds(b, "null");
				grp = 1;
			} else {
				buf_adds(b, "null");
				none++;
			}
		}
		if (npaths > 1)
			buf_addc(b, ']');
		if (grp)
			buf_adds(b, ",\"other\":true");
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
	if (rflag && *rpct(i) != '-') {
		buf_adds(b, ",\"record_count\":");
		putnum(b, rows[i]->recs, 0);
		buf_adds(b, ",\"record_percent\":");
		buf_adds(b, rpct(i));
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
		if (form == JSONL)
			buf_addc(&b, '\n');
		else if (!tflag || i + 1 < nrows + (other > 0))
			buf_addc(&b, ',');
		if (form == JSON && (!tflag || i + 1 < nrows + (other > 0)))
			buf_addc(&b, '\n');
		emit(&b);
	}
	if (tflag) {
		if (form == JSON)
			buf_adds(&b, nrows + (other > 0) ? "\n]\n" : "]\n");
		emit(&b);
		return;
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

/* (other) or (none) in row i: shown, but never setting the bar scale. */
static int
special(size_t i)
{
	const char *p, *pe, *s;
	size_t n;
	int kind;

	if (i >= nrows)
		return 1;
	p = keys.p + rows[i]->off;
	pe = p + rows[i]->len;
	while (p < pe) {
		p = getcomp(p, &kind, &s, &n);
		if (kind == KNONE || kind == KOTHER)
			return 1;
	}
	return 0;
}

/* Is row i in the group of row i - 1 (all cells but the last equal)? */
static int
samecells(size_t i)
{
	const struct cell *a = &cells[(i - 1) * npaths], *c = &cells[i * npaths];
	size_t j;

	for (j = 0; j + 1 < npaths; j++)
		if (a[j].len != c[j].len || memcmp(cellb.p + a[j].off,
		    cellb.p + c[j].off, c[j].len) != 0)
			return 0;
	return 1;
}

static void
bars(void)
{
	static const struct cell blank;
	static const char *part[] = { "", "\xe2\x96\x8f", "\xe2\x96\x8e",
	    "\xe2\x96\x8d", "\xe2\x96\x8c", "\xe2\x96\x8b", "\xe2\x96\x8a",
	    "\xe2\x96\x89" };
	static struct buf b;
	size_t *colw, width = termwidth(), cw, fixed, lw, barw, i, j, widest;
	size_t eighths;
	unsigned long long max = 0;
	int grouped = npaths > 1 && nflag > 0;

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
		if (!special(i) && rowcount(i) > max)
			max = rowcount(i);
	for (i = 0; max == 0 && i < ncellrows; i++)
		if (rowcount(i) > max)
			max = rowcount(i);
	cw = digits(total);
	fixed = 2 + cw + (pflag ? 8 : 0) + (rflag ? 10 : 0) + 2;
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
		/* per group, small multiples: the group named once */
		if (grouped && i > 0 && !samecells(i))
			buf_addc(&b, '\n');
		for (j = 0; j < npaths; j++) {
			if (j > 0)
				buf_adds(&b, "  ");
			fitcell(&b, grouped && j + 1 < npaths && i > 0 &&
			    samecells(i) ? &blank : &cells[i * npaths + j],
			    colw[j], 0);
		}
		buf_adds(&b, "  ");
		putnum(&b, rowcount(i), cw);
		if (pflag) {
			buf_adds(&b, "  ");
			pad(&b, 5 - strlen(pct(rowcount(i))));
			buf_adds(&b, pct(rowcount(i)));
			buf_addc(&b, '%');
		}
		if (rflag)
			textpct(&b, "%records", rpct(i));
		buf_adds(&b, "  ");
		eighths = (size_t)((long double)rowcount(i) * barw * 8 / max +
		    0.5L);
		if (eighths == 0)
			eighths = 1;	/* a count is never shown as nothing */
		if (eighths > barw * 8)
			eighths = barw * 8;	/* (other) beyond the scale */
		for (j = 0; j < eighths / 8; j++)
			buf_adds(&b, "\xe2\x96\x88");
		buf_adds(&b, part[eighths % 8]);
		buf_addc(&b, '\n');
		emit(&b);
	}
	if (tflag) {
		free(colw);
		return;
	}
	/* The total's count under the counts; its records after them. */
	buf_adds(&b, "(total)");
	if (lw > 7)
		pad(&b, lw - 7);
	buf_adds(&b, "  ");
	putnum(&b, total, cw);
	if (pflag)
		buf_adds(&b, total ? "  100.0%" : "    0.0%");
	if (rflag)
		textpct(&b, "%records", "");
	buf_adds(&b, "  ");
	buf_adds(&b, records());
	buf_addc(&b, '\n');
	emit(&b);
	free(colw);
}

/* The rows in order, printed in the form -o asked for. */
void
render(void)
{
	gather();
	if (cflag) {
		cross();
		return;
	}
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
}
