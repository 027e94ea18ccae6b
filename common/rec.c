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

	fprintf(stderr, "%s: %s:%llu: ", argv0, r->file, r->lineno);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/*
 * The next valid record, or NULL at the end of all input.  Blank lines are
 * skipped; a line that is not a JSON object is reported with its position,
 * skipped, and makes the final status 1.
 */
struct rec *
rin_next(struct rin *in)
{
	struct rec *r = &in->rec;
	struct jerr err;
	long long n;
	char *line;

	for (;;) {
		if (!in->open) {
			if (in->next == in->nfiles)
				return NULL;
			if (lines_open(&in->l, in->files[in->next++]) == -1) {
				in->status = EXIT_TROUBLE;
				continue;
			}
			in->open = 1;
		}
		if ((n = lines_next(&in->l, &line)) < 0) {
			if (lines_close(&in->l))
				in->status = EXIT_TROUBLE;
			in->open = 0;
			continue;
		}
		r->line = line;
		r->len = (size_t)n;
		r->file = in->l.name;
		r->lineno = in->l.lineno;
		if (json_ws(line, line + n) == line + n)
			continue;
		if (json_scan(line, (size_t)n, &r->ix, &err) == -1) {
			rec_warn(r, "column %zu: %s", err.off + 1, err.why);
			in->status = EXIT_TROUBLE;
			continue;
		}
		if (!r->ix.isobj) {
			rec_warn(r, "not a JSON object");
			in->status = EXIT_TROUBLE;
			continue;
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
 * Copy bytes of a record's line, without its carriage returns: in a valid
 * line a raw CR can only be white space between tokens (strings hold none),
 * and output never holds one.
 */
static void
putline(struct out *o, const char *p, size_t n)
{
	const char *e = p + n, *cr;

	while ((cr = memchr(p, '\r', e - p)) != NULL) {
		out_write(o, p, cr - p);
		p = cr + 1;
	}
	out_write(o, p, e - p);
}

/*
 * Write r with each field in f set: a present one replaced in place, a
 * missing one appended after the last member, in the order given.  All else
 * is copied byte for byte, but for carriage returns.  The line is written
 * whole, with "\n".  With nf 0, this is how a record passes through.
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
		putline(o, p, m->val.p - p);
		out_write(o, f[i].val, f[i].vlen);
		p = m->val.p + m->val.n;
	}
	/* Appended members go after the last value, or right after "{". */
	tail = r->ix.last ? r->ix.last : json_ws(r->line, r->line + r->len) + 1;
	if (tail < p)
		tail = p;
	putline(o, p, tail - p);
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
	putline(o, p, r->line + r->len - p);
	out_putc(o, '\n');
}
