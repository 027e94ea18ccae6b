/* rec.c: records read from file operands, fields found and set in place */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"

static char *stdinonly[] = { "-", NULL };

/* Read records from the operands, like cat: none or "-" means stdin. */
void
rin_init(struct rin *in, int argc, char **argv)
{
	memset(in, 0, sizeof(*in));
	if (argc == 0) {
		argc = 1;
		argv = stdinonly;
	}
	in->files = argv;
	in->nfiles = argc;
}

void
rec_warn(const struct rec *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(r->file, r->lineno, fmt, ap);
	va_end(ap);
}

enum { SH_UNSURE, SH_LINES, SH_NOT };

static void
badline(const struct rin *in, const struct held *h)
{
	if (h->col > 0)
		warn_at(in->l.name, h->line, "column %zu: %s", h->col, h->why);
	else
		warn_at(in->l.name, h->line, "not a JSON object");
}

/*
 * The input is not JSON Lines at all: say once what it looks like and
 * what to do, from its first byte, and keep quiet about its other lines.
 */
static void
notlines(struct rin *in)
{
	const char *what, *fix;

	if (in->first == '[') {
		what = "a JSON array";
		fix = "convert it with jq -c '.[]'";
	} else if (in->first == '{') {
		what = "a pretty-printed JSON document";
		fix = "convert it with jq -c . (jq -c '.[]' for an array)";
	} else {
		what = "text";
		fix = "psplit makes records of a page's text";
	}
	warn_at(in->l.name, in->held[0].line, "not JSON Lines (one object a "
	    "line) but %s; lines that are not records are skipped; %s", what,
	    fix);
	in->shape = SH_NOT;
}

/* A line that is no record: told now, held, or part of a verdict. */
static void
hold(struct rin *in, size_t col, const char *why, int whole, int opener)
{
	struct held h = { in->l.lineno, col, why };

	in->status = EXIT_TROUBLE;
	if (in->shape == SH_LINES)
		badline(in, &h);
	if (in->shape != SH_UNSURE)
		return;
	in->held[in->nheld++] = h;
	/*
	 * Three bad lines before any record, a line that is an array, or a
	 * first line that only opens a pretty-printed document: "[", "{".
	 */
	if (in->nheld == 3 || (whole && in->first == '[') || opener)
		notlines(in);
}

/* What was held, told line by line: the input is JSON Lines after all. */
static void
release(struct rin *in)
{
	int i;

	if (in->shape == SH_UNSURE && in->nheld >= 2)
		notlines(in);
	else
		for (i = 0; i < in->nheld; i++)
			badline(in, &in->held[i]);
	in->nheld = 0;
}

/*
 * The next valid record, or NULL at the end of all input.  Blank lines are
 * skipped; a line that is not a JSON object is reported with its position,
 * skipped, and makes the final status 1.  Until a file's first record, its
 * bad lines are held: when its first lines are all bad, it is not JSON
 * Lines at all, and one message says so instead of one a line.
 */
struct rec *
rin_next(struct rin *in)
{
	struct rec *r = &in->rec;
	struct jerr err;
	const char *p;
	long long n;
	size_t k;
	char *line;
	int opener;

	for (;;) {
		if (!in->open) {
			if (in->next == in->nfiles)
				return NULL;
			if (lines_open(&in->l, in->files[in->next++]) == -1) {
				in->status = EXIT_TROUBLE;
				continue;
			}
			in->open = 1;
			in->shape = SH_UNSURE;
			in->first = in->nheld = 0;
		}
		if ((n = lines_next(&in->l, &line)) < 0) {
			if (in->shape == SH_UNSURE && in->nheld > 0)
				release(in);
			if (lines_close(&in->l))
				in->status = EXIT_TROUBLE;
			in->open = 0;
			continue;
		}
		r->line = line;
		r->len = (size_t)n;
		r->file = in->l.name;
		r->lineno = in->l.lineno;
		if ((p = json_ws(line, line + n)) == line + n)
			continue;
		opener = 0;
		if (in->first == 0) {
			in->first = (unsigned char)*p;
			k = line + n - p;
			p = trim(p, &k);
			opener = (k == 1 && (*p == '[' || *p == '{')) ||
			    (k == 2 && p[0] == '[' && p[1] == '{');
		}
		if (json_scan(line, (size_t)n, &r->ix, &err) == -1) {
			hold(in, err.off + 1, err.why, 0, opener);
			continue;
		}
		if (!r->ix.isobj) {
			hold(in, 0, NULL, 1, 0);
			continue;
		}
		if (in->shape == SH_UNSURE) {
			for (n = 0; n < in->nheld; n++)
				badline(in, &in->held[n]);
			in->nheld = 0;
			in->shape = SH_LINES;
		}
		return r;
	}
}

int
rin_close(struct rin *in)
{
	if (in->open) {
		if (lines_close(&in->l))
			in->status = EXIT_TROUBLE;
		in->open = 0;
	}
	free(in->rec.ix.m);
	in->rec.ix.m = NULL;
	return in->status;
}

/* The member named key (the last one, as jq does with duplicates), or NULL. */
const struct member *
rec_get(const struct rec *r, const char *key)
{
	size_t kn = strlen(key), i;

	for (i = r->ix.n; i-- > 0;)
		if (json_key_eq(&r->ix.m[i], key, kn))
			return &r->ix.m[i];
	return NULL;
}

/*
 * Append the decoded text of string field key to b.  Returns 1 when it is
 * a string, 0 when absent, -1 when present but not a string.
 */
int
rec_str(const struct rec *r, const char *key, struct buf *b)
{
	const struct member *m = rec_get(r, key);

	if (m == NULL)
		return 0;
	if (m->val.p[0] != '"')
		return -1;
	json_str_decode(b, m->val.p + 1, m->val.n - 2);
	return 1;
}

static void
putkey(struct out *o, const char *key)
{
	static struct buf kb;

	kb.len = 0;
	json_add_str(&kb, key, strlen(key));
	buf_addc(&kb, ':');
	out_write(o, kb.p, kb.len);
}

/*
 * Write r with each field in f set: a present one replaced in place, a
 * missing one appended after the last member, in the order given.  All else
 * is copied byte for byte.  The line is written whole, with "\n".
 */
void
rec_write(struct out *o, const struct rec *r, const struct field *f, size_t nf)
{
	static const struct member **at;
	static size_t atcap;
	const struct member *m;
	const char *p = r->line, *tail;
	size_t i, j, k, nm = r->ix.n;
	int first;

	if (nf > atcap) {
		atcap = nf;
		at = erealloc(at, atcap * sizeof(*at));
	}
	for (i = 0; i < nf; i++)
		at[i] = rec_get(r, f[i].key);
	/* Members in line order, each replaced if some field names it. */
	for (j = 0; j < nm; j++) {
		m = &r->ix.m[j];
		for (i = 0; i < nf && at[i] != m; i++)
			;
		if (i == nf)
			continue;
		out_write(o, p, m->val.p - p);
		out_write(o, f[i].val, f[i].vlen);
		p = m->val.p + m->val.n;
	}
	/* Appended members go after the last value, or right after "{". */
	tail = r->ix.last ? r->ix.last : json_ws(r->line, r->line + r->len) + 1;
	if (tail < p)
		tail = p;
	out_write(o, p, tail - p);
	p = tail;
	first = nm == 0;
	for (k = 0; k < nf; k++) {
		if (at[k] != NULL)
			continue;
		for (i = 0; i < k && strcmp(f[i].key, f[k].key) != 0; i++)
			;
		if (i < k)
			continue;	/* the same key twice: first wins */
		if (!first)
			out_putc(o, ',');
		first = 0;
		putkey(o, f[k].key);
		out_write(o, f[k].val, f[k].vlen);
	}
	out_write(o, p, r->line + r->len - p);
	out_putc(o, '\n');
}
