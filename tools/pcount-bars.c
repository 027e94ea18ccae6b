/* pcount-bars.c: pcount's counts as a bar chart, small multiples per group */
#include <sys/ioctl.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <utf8proc.h>

#include "paperpipe.h"
#include "pcount.h"

#define MINBAR	10	/* bar columns kept when labels are shortened */

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

void
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
		if (eighths > barw * 8) {
			/* (other) or (none) beyond the scale: cut, and marked */
			for (j = 0; j + 1 < barw; j++)
				buf_adds(&b, "\xe2\x96\x88");
			buf_adds(&b, "\xc2\xbb");	/* U+00BB: goes on */
		} else {
			for (j = 0; j < eighths / 8; j++)
				buf_adds(&b, "\xe2\x96\x88");
			buf_adds(&b, part[eighths % 8]);
		}
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

