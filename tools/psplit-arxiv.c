/*
 * psplit-arxiv.c: the entry psplit's arXiv text readers gather (its fields,
 * author names, category codes and record), and the e-mail digest reader;
 * the listing page reader is psplit-arxiv-list.c.
 */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "paperpipe.h"
#include "psplit.h"
#include "psplit-arxiv.h"

struct entry arxiv_e;
struct kv arxiv_fl;

/* Append s, trimmed, to b with one space between it and what b holds. */
void
arxiv_addjoin(struct buf *b, const char *s, size_t n)
{
	s = trim_left(s, &n);
	n = trim_right(s, n);
	if (n == 0)
		return;
	if (b->len > 0)
		buf_addc(b, ' ');
	buf_add(b, s, n);
}

void
arxiv_bufset(struct buf *b, const char *s, size_t n)
{
	b->len = 0;
	arxiv_addjoin(b, s, n);
}

void
arxiv_reset(void)
{
	arxiv_e.id.len = arxiv_e.version.len = arxiv_e.date.len = 0;
	arxiv_e.title.len = arxiv_e.authors.len = 0;
	arxiv_e.cats.len = arxiv_e.comments.len = arxiv_e.jref.len = 0;
	arxiv_e.doi.len = arxiv_e.extra.len = arxiv_e.abstract.len = 0;
	arxiv_e.url.len = 0;
	arxiv_e.cross = arxiv_e.replaced = arxiv_e.parbreak = 0;
	arxiv_e.codes = arxiv_e.nfields = arxiv_e.guessed = 0;
	arxiv_fl.open = arxiv_fl.ownline = 0;
	arxiv_fl.val.len = 0;
}

/*
 * The identifier after "arXiv:" (new 2601.11559 or old hep-th/9901001
 * style), with its version suffix apart, into id and ver when they are not
 * NULL; return the bytes it takes, 0 if s does not start with one.
 */
size_t
arxiv_parse_id(const char *s, size_t n, struct buf *id, struct buf *ver)
{
	struct ident x;
	size_t e, ie;

	if ((e = ident_arxiv(s, n, 0, &ie)) == 0 || (e < n && !isws(s[e])))
		return 0;
	if (id == NULL)
		return e;
	id->len = ver->len = 0;
	memset(&x, 0, sizeof(x));
	x.kind = ID_ARXIV;
	x.idend = ie;
	ident_canon(id, s, &x);
	if (e > ie) {
		buf_addc(ver, 'v');
		buf_add(ver, s + ie + 1, e - ie - 1);
	}
	return e;
}

/* Append s trimmed, and without a leading "and ", as an array element. */
static void
add_name(struct buf *r, const char *s, size_t n)
{
	s = trim_left(s, &n);
	n = trim_right(s, n);
	if (n >= 4 && memcmp(s, "and ", 4) == 0) {
		s += 4;
		n -= 4;
		s = trim_left(s, &n);
	}
	if (n > 0) {
		json_sep(r);
		json_add_str(r, s, n);
	}
}

/*
 * The names of an author list, split on "," ";" and " and " outside
 * brackets, so that "A (1,2), B ((1) MIT and ETH)" gives two names.
 */
static void
add_names(struct buf *r, const char *s, size_t n)
{
	size_t i, start = 0;
	int depth = 0;

	buf_addc(r, '[');
	for (i = 0; i < n; i++) {
		if (s[i] == '(' || s[i] == '[')
			depth++;
		else if ((s[i] == ')' || s[i] == ']') && depth > 0)
			depth--;
		else if (depth == 0 && (s[i] == ',' || s[i] == ';')) {
			add_name(r, s + start, i - start);
			start = i + 1;
		} else if (depth == 0 && s[i] == ' ' && n - i >= 5 &&
		    memcmp(s + i, " and ", 5) == 0) {
			add_name(r, s + start, i - start);
			start = i + 4;
			i += 3;
		}
	}
	add_name(r, s + start, n - start);
	buf_addc(r, ']');
}

/* Is s[0..n) a category code such as cs.CL, hep-th or cond-mat.stat-mech? */
static int
iscode(const char *s, size_t n)
{
	size_t i, dots = 0;

	if (n < 2 || !isalph(s[0]) || s[0] < 'a')
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (++dots > 1 || i + 1 == n || !isalph(s[i + 1]))
				return 0;
		} else if (!isalph(s[i]) && s[i] != '-')
			return 0;
	}
	return 1;
}

/* The codes in parentheses of "Computation and Language (cs.CL); ...". */
static void
add_codes(struct buf *r, const char *s, size_t n)
{
	size_t i, j;

	buf_addc(r, '[');
	for (i = 0; i < n; i++) {
		if (s[i] != '(')
			continue;
		for (j = i + 1; j < n && s[j] != ')' && s[j] != '('; j++)
			;
		if (j < n && s[j] == ')' && iscode(s + i + 1, j - i - 1)) {
			json_sep(r);
			json_add_str(r, s + i + 1, j - i - 1);
		}
		i = j - 1;
	}
	buf_addc(r, ']');
}

/* Does a line (trimmed) end in a parenthesised category code? */
int
arxiv_endscode(const char *s, size_t n)
{
	size_t i;

	n = trim_right(s, n);
	if (n < 4 || s[n - 1] != ')')
		return 0;
	for (i = n - 1; i > 0 && s[i - 1] != '('; i--)
		;
	return i > 0 && iscode(s + i, n - 1 - i);
}

/* Cut a trailing "(704kb)" size or similar from a date. */
static size_t
cutparen(const char *s, size_t n)
{
	size_t i;

	n = trim_right(s, n);
	if (n == 0 || s[n - 1] != ')')
		return n;
	for (i = n; i > 0 && s[i - 1] != '('; i--)
		;
	return i > 0 ? trim_right(s, i - 1) : n;
}

static void
keyname(struct buf *r, const char *k)
{
	size_t i;

	json_sep(r);
	buf_addc(r, '"');
	for (i = 0; k[i] != '\0'; i++) {
		char c = k[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		else if (c == '-' || c == ' ')
			c = '_';
		else if (c == '"' || c == '\\')
			continue;
		buf_addc(r, c);
	}
	buf_add(r, "\":", 2);
}

/* The field being read is complete: put it where it belongs. */
void
arxiv_field_end(void)
{
	const char *k = arxiv_fl.key, *v = arxiv_fl.val.p;
	size_t n = arxiv_fl.val.len;

	if (!arxiv_fl.open)
		return;
	arxiv_fl.open = arxiv_fl.ownline = 0;
	if (strcasecmp(k, "Title") == 0)
		arxiv_bufset(&arxiv_e.title, v, n);
	else if (strcasecmp(k, "Authors") == 0)
		arxiv_bufset(&arxiv_e.authors, v, n);
	else if (strcasecmp(k, "Categories") == 0) {
		arxiv_bufset(&arxiv_e.cats, v, n);
		arxiv_e.codes = 0;
	} else if (strcasecmp(k, "Subjects") == 0) {
		arxiv_bufset(&arxiv_e.cats, v, n);
		arxiv_e.codes = 1;
	} else if (strcasecmp(k, "Comments") == 0)
		arxiv_bufset(&arxiv_e.comments, v, n);
	else if (strcasecmp(k, "Journal-ref") == 0)
		arxiv_bufset(&arxiv_e.jref, v, n);
	else if (strcasecmp(k, "DOI") == 0)
		arxiv_bufset(&arxiv_e.doi, v, n);
	else if (strcasecmp(k, "Date") == 0)
		arxiv_bufset(&arxiv_e.date, v, cutparen(v, n));
	else if (n > 0) {
		keyname(&arxiv_e.extra, k);
		json_add_str(&arxiv_e.extra, v, n);
	}
}

/* Start field k (n bytes) with the value that follows its colon. */
void
arxiv_field_start(const char *k, size_t kn, const char *v, size_t vn)
{
	arxiv_field_end();
	if (kn >= sizeof(arxiv_fl.key))
		kn = sizeof(arxiv_fl.key) - 1;
	memcpy(arxiv_fl.key, k, kn);
	arxiv_fl.key[kn] = '\0';
	arxiv_fl.val.len = 0;
	arxiv_addjoin(&arxiv_fl.val, v, vn);
	arxiv_fl.open = 1;
	arxiv_fl.ownline = arxiv_fl.val.len == 0;
	arxiv_e.nfields++;
}

/* A "Key:" at the start of a line (letters and '-'): the key's length. */
size_t
arxiv_label(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || !isalph(s[0]))
		return 0;
	for (i = 1; i < n && i < 24 && (isalph(s[i]) || s[i] == '-'); i++)
		;
	if (i < n && s[i] == ':' && (i + 1 == n || isws(s[i + 1])))
		return i;
	return 0;
}

/* Add one abstract line: wrapped lines joined, paragraphs as "\n\n". */
void
arxiv_abstract_line(const char *s, size_t n, int newpar)
{
	s = trim_left(s, &n);
	n = trim_right(s, n);
	if (n == 0) {
		arxiv_e.parbreak = 1;
		return;
	}
	if (arxiv_e.abstract.len > 0) {
		if (newpar || arxiv_e.parbreak)
			buf_add(&arxiv_e.abstract, "\n\n", 2);
		else
			buf_addc(&arxiv_e.abstract, ' ');
	}
	arxiv_e.parbreak = 0;
	buf_add(&arxiv_e.abstract, s, n);
}

/* Write the entry as a record; an entry without a title is only reported. */
void
arxiv_emit(struct psplit *ps)
{
	struct buf *r = &ps->rec;

	arxiv_field_end();
	if (arxiv_e.title.len == 0) {
		psplit_warn(ps, arxiv_e.line, "arXiv:%.*s has no title; "
		    "skipped",
		    (int)arxiv_e.id.len, arxiv_e.id.p);
		ps->status = EXIT_TROUBLE;
		return;
	}
	r->len = 0;
	buf_addc(r, '{');
	/* title and abstract first, as every record of psplit's */
	psplit_addfield(r, "title", &arxiv_e.title);
	json_key(r, "abstract");
	json_add_str(r, arxiv_e.abstract.len > 0 ? arxiv_e.abstract.p : "",
	    arxiv_e.abstract.len);
	psplit_addfield(r, "arxiv_id", &arxiv_e.id);
	psplit_addfield(r, "version", &arxiv_e.version);
	psplit_addfield(r, "date", &arxiv_e.date);
	if (arxiv_e.authors.len > 0) {
		json_key(r, "authors");
		add_names(r, arxiv_e.authors.p, arxiv_e.authors.len);
	}
	if (arxiv_e.cats.len > 0) {
		json_key(r, "categories");
		if (arxiv_e.codes)
			add_codes(r, arxiv_e.cats.p, arxiv_e.cats.len);
		else
			psplit_addwords(r, arxiv_e.cats.p, arxiv_e.cats.len,
			    " \t");
	}
	psplit_addfield(r, "comments", &arxiv_e.comments);
	psplit_addfield(r, "journal_ref", &arxiv_e.jref);
	psplit_addfield(r, "doi", &arxiv_e.doi);
	if (arxiv_e.extra.len > 0) {
		json_sep(r);
		buf_add(r, arxiv_e.extra.p, arxiv_e.extra.len);
	}
	psplit_addfield(r, "url", &arxiv_e.url);
	if (arxiv_e.cross)
		buf_adds(r, ",\"cross_list\":true");
	if (arxiv_e.replaced)
		buf_adds(r, ",\"replaced\":true");
	buf_addc(r, '}');
	psplit_emit(ps);
}

/* Iterate over the whole lines of a detector's bytes; the last may be cut. */
const char *
arxiv_peekline(const char **p, const char *end, size_t *n)
{
	const char *s = *p, *nl;

	if (s >= end)
		return NULL;
	if ((nl = memchr(s, '\n', end - s)) == NULL)
		nl = end;
	*p = nl + (nl < end);
	*n = trim_right(s, nl - s);
	return s;
}

/* ---------------------------------------------------------------------- */
/* The e-mail digest (FORMATS.md B). */

static int
isbs(const char *s, size_t n)
{
	return trim_right(s, n) == 2 && s[0] == '\\' && s[1] == '\\';
}

/* The "\\ ( https://arxiv.org/abs/ID ,  704kb)" line that ends an entry. */
static int
isend(const char *s, size_t n)
{
	return prefix_is(s, n, "\\\\ (");
}

static int
isdashes(const char *s, size_t n)
{
	size_t i;

	n = trim_right(s, n);
	if (n < 40)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] != '-')
			return 0;
	return 1;
}

int
arxiv_mail_detect(const char *p, size_t n)
{
	const char *end = p + n, *s;
	size_t len;
	int bs = 0;

	while ((s = arxiv_peekline(&p, end, &len)) != NULL) {
		if (bs && prefix_is(s, len, "arXiv:") &&
		    arxiv_parse_id(s + 6, len - 6, NULL, NULL) > 0)
			return 1;
		bs = isbs(s, len);
		if (prefix_is(s, len, "Send any comments regarding submissions "
		    "directly to submitter."))
			return 1;
	}
	return 0;
}

static void
mail_url(const char *s, size_t n)
{
	size_t i, j;

	for (i = 2; i < n && (isws(s[i]) || s[i] == '('); i++)
		;
	for (j = i; j < n && !isws(s[j]) && s[j] != ','; j++)
		;
	arxiv_bufset(&arxiv_e.url, s + i, j - i);
}

void
arxiv_mail_read(struct lines *l, struct psplit *ps)
{
	char *s;
	long long len;
	size_t n, k;
	int st = OUT;

	arxiv_reset();
	while ((len = psplit_next(ps, l, &s)) >= 0) {
		n = (size_t)len;
		switch (st) {
		case OUT:
			if (isbs(s, n))
				st = BACKSLASH;
			break;
		case BACKSLASH:
			st = OUT;
			if (isbs(s, n))
				st = BACKSLASH;
			else if (prefix_is(s, n, "arXiv:") &&
			    arxiv_parse_id(s + 6, n - 6, &arxiv_e.id,
			    &arxiv_e.version) > 0) {
				arxiv_e.line = l->lineno;
				arxiv_e.cross = memmem(s, n,
				    "(*cross-listing*)", 17) != NULL;
				st = HEAD;
			}
			break;
		case HEAD:
			if (isend(s, n)) {
				mail_url(s, n);
				arxiv_emit(ps);
				arxiv_reset();
				st = OUT;
			} else if (isbs(s, n)) {
				arxiv_field_end();
				st = ABSTRACT;
			} else if (isdashes(s, n)) {
				goto cut;
			} else if (trim_right(s, n) == 0) {
				arxiv_field_end();
			} else if (isws(s[0])) {
				if (arxiv_fl.open)
					arxiv_addjoin(&arxiv_fl.val, s, n);
			} else if (prefix_is(s, n, "replaced with revised version ")) {
				arxiv_field_end();
				arxiv_e.replaced = 1;
				k = strlen("replaced with revised version ");
				arxiv_bufset(&arxiv_e.date, s + k,
				    cutparen(s + k, n - k));
			} else if (prefix_is(s, n, "Date (revised ")) {
				arxiv_field_end();
				k = strlen("Date (revised ");
				if (n > k && s[k] == 'v') {
					size_t j;

					for (j = k + 1; j < n && isdig(s[j]); j++)
						;
					arxiv_bufset(&arxiv_e.version, s + k,
					    j - k);
				}
			} else if ((k = arxiv_label(s, n)) > 0) {
				arxiv_field_start(s, k, s + k + 1, n - k - 1);
			} else if (arxiv_fl.open) {
				arxiv_addjoin(&arxiv_fl.val, s, n);
			}
			break;
		case ABSTRACT:
			if (isend(s, n)) {
				mail_url(s, n);
				arxiv_emit(ps);
				arxiv_reset();
				st = OUT;
			} else if (isdashes(s, n)) {
				goto cut;
			} else
				arxiv_abstract_line(s, n, isws(s[0]));
			break;
		}
		continue;
cut:
		psplit_warn(ps, arxiv_e.line, "arXiv:%.*s: entry ends without "
		    "its \"\\\\ ( URL , size)\" line", (int)arxiv_e.id.len,
		    arxiv_e.id.p);
		ps->status = EXIT_TROUBLE;
		arxiv_emit(ps);
		arxiv_reset();
		st = OUT;
	}
	if (st == HEAD || st == ABSTRACT) {
		psplit_warn(ps, arxiv_e.line, "arXiv:%.*s: input ends inside "
		    "the entry", (int)arxiv_e.id.len, arxiv_e.id.p);
		ps->status = EXIT_TROUBLE;
		arxiv_emit(ps);
	}
}
