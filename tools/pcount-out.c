/* pcount-out.c: pcount's counts as a table, TSV, CSV or JSON, and which
 * form to render (bars and cross tables have their own files) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paperpipe.h"
#include "pcount.h"



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

/* ",\"missing\":[...]": the places of the (none) components in p..pe. */
static void
missing(struct buf *b, const char *p, const char *pe)
{
	const char *s;
	size_t j, n;
	int kind;

	buf_adds(b, ",\"missing\":[");
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
		else if (none > 0)
			missing(b, keys.p + rows[i]->off, pe);
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
		if (none)
			missing(b, getcomp(keys.p + e->off, &kind, &s, &n), pe);
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
