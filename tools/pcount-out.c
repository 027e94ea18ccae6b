/* pcount-out.c: pcount's counts as a table, TSV, CSV, JSON or bars */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static int
byvalue(const void *a, const void *b)
{
	return cmpvalue(*(struct ent *const *)a, *(struct ent *const *)b);
}

/* -o jsonl -r: each group's records, for --merge, in value order. */
static void
grouplines(struct buf *b)
{
	const char *p, *pe, *s;
	struct ent **g, *e;
	size_t i, j, n, ng = 0;
	int kind, none;

	g = emalloc((tabn ? tabn : 1) * sizeof(*g));
	for (i = 0; i < tabcap; i++)
		if (tab[i].count != 0 && keys.p[tab[i].off] == KGROUP)
			g[ng++] = &tab[i];
	qsort(g, ng, sizeof(*g), byvalue);
	for (i = 0; i < ng; i++) {
		e = g[i];
		p = getcomp(keys.p + e->off, &kind, &s, &n);
		pe = keys.p + e->off + e->len;
		buf_adds(b, "{\"value\":[");
		for (none = 0, j = 0; p < pe; j++) {
			p = getcomp(p, &kind, &s, &n);
			if (j > 0)
				buf_addc(b, ',');
			if (kind == KSTR)
				json_add_str(b, s, n);
			else if (kind == KJSON)
				buf_add(b, s, n);
			else {
				buf_adds(b, "null");
				none = 1;
			}
		}
		buf_adds(b, "],\"group\":true");
		if (none) {
			buf_adds(b, ",\"missing\":[");
			p = getcomp(keys.p + e->off, &kind, &s, &n);
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
		buf_adds(b, ",\"count\":0,\"record_count\":");
		putnum(b, e->recs, 0);
		buf_adds(b, "}\n");
		emit(b);
	}
	free(g);
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
			buf_adds(&b, (nrows + (other > 0)) ? "\n]\n" : "]\n");
		emit(&b);
		return;
	}
	if (rflag && npaths > 1 && form == JSONL)
		grouplines(&b);
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
