/* psplit-arxiv.c: psplit's readers for arXiv e-mail digests and listing pages */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "paperpipe.h"
#include "psplit.h"

/* One entry being gathered; the buffers are reused for every entry. */
struct entry {
	struct buf	 id, version, date, title, authors, cats, comments;
	struct buf	 jref, doi, extra, abstract, url;
	int		 cross, replaced, parbreak, codes, nfields;
	int		 guessed;	/* the open Authors field had no label */
	unsigned long long line;	/* of its arXiv: line, for messages */
};

/* A "Key: value" field whose value may go on over several lines. */
struct kv {
	char		 key[32];
	struct buf	 val;
	int		 open, ownline;
};

static struct entry e;
static struct kv fl;

static int
isws(int c)
{
	return c == ' ' || c == '\t';
}

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static int
isalpha_(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Append s, trimmed, to b with one space between it and what b holds. */
static void
addjoin(struct buf *b, const char *s, size_t n)
{
	s = trim_left(s, &n);
	n = trim_right(s, n);
	if (n == 0)
		return;
	if (b->len > 0)
		buf_addc(b, ' ');
	buf_add(b, s, n);
}

static void
bufset(struct buf *b, const char *s, size_t n)
{
	b->len = 0;
	addjoin(b, s, n);
}

static void
entry_reset(void)
{
	e.id.len = e.version.len = e.date.len = e.title.len = 0;
	e.authors.len = 0;
	e.cats.len = e.comments.len = e.jref.len = e.doi.len = 0;
	e.extra.len = e.abstract.len = e.url.len = 0;
	e.cross = e.replaced = e.parbreak = e.codes = e.nfields = 0;
	e.guessed = 0;
	fl.open = fl.ownline = 0;
	fl.val.len = 0;
}

/*
 * The identifier after "arXiv:" (new 2601.11559 or old hep-th/9901001
 * style), with its version suffix apart, into id and ver when they are not
 * NULL; return the bytes it takes, 0 if s does not start with one.
 */
static size_t
parse_id(const char *s, size_t n, struct buf *id, struct buf *ver)
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

	if (n < 2 || !isalpha_(s[0]) || s[0] < 'a')
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (++dots > 1 || i + 1 == n || !isalpha_(s[i + 1]))
				return 0;
		} else if (!isalpha_(s[i]) && s[i] != '-')
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
static int
endscode(const char *s, size_t n)
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
static void
field_end(void)
{
	const char *k = fl.key, *v = fl.val.p;
	size_t n = fl.val.len;

	if (!fl.open)
		return;
	fl.open = fl.ownline = 0;
	if (strcasecmp(k, "Title") == 0)
		bufset(&e.title, v, n);
	else if (strcasecmp(k, "Authors") == 0)
		bufset(&e.authors, v, n);
	else if (strcasecmp(k, "Categories") == 0) {
		bufset(&e.cats, v, n);
		e.codes = 0;
	} else if (strcasecmp(k, "Subjects") == 0) {
		bufset(&e.cats, v, n);
		e.codes = 1;
	} else if (strcasecmp(k, "Comments") == 0)
		bufset(&e.comments, v, n);
	else if (strcasecmp(k, "Journal-ref") == 0)
		bufset(&e.jref, v, n);
	else if (strcasecmp(k, "DOI") == 0)
		bufset(&e.doi, v, n);
	else if (strcasecmp(k, "Date") == 0)
		bufset(&e.date, v, cutparen(v, n));
	else if (n > 0) {
		keyname(&e.extra, k);
		json_add_str(&e.extra, v, n);
	}
}

/* Start field k (n bytes) with the value that follows its colon. */
static void
field_start(const char *k, size_t kn, const char *v, size_t vn)
{
	field_end();
	if (kn >= sizeof(fl.key))
		kn = sizeof(fl.key) - 1;
	memcpy(fl.key, k, kn);
	fl.key[kn] = '\0';
	fl.val.len = 0;
	addjoin(&fl.val, v, vn);
	fl.open = 1;
	fl.ownline = fl.val.len == 0;
	e.nfields++;
}

/* A "Key:" at the start of a line (letters and '-'): the key's length. */
static size_t
label(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || !isalpha_(s[0]))
		return 0;
	for (i = 1; i < n && i < 24 && (isalpha_(s[i]) || s[i] == '-'); i++)
		;
	if (i < n && s[i] == ':' && (i + 1 == n || isws(s[i + 1])))
		return i;
	return 0;
}

/* Add one abstract line: wrapped lines joined, paragraphs as "\n\n". */
static void
abstract_line(const char *s, size_t n, int newpar)
{
	s = trim_left(s, &n);
	n = trim_right(s, n);
	if (n == 0) {
		e.parbreak = 1;
		return;
	}
	if (e.abstract.len > 0) {
		if (newpar || e.parbreak)
			buf_add(&e.abstract, "\n\n", 2);
		else
			buf_addc(&e.abstract, ' ');
	}
	e.parbreak = 0;
	buf_add(&e.abstract, s, n);
}

static void
addfield(struct buf *r, const char *k, const struct buf *v)
{
	if (v->len == 0)
		return;
	json_key(r, k);
	json_add_str(r, v->p, v->len);
}

/* Write the entry as a record; an entry without a title is only reported. */
static void
entry_emit(struct psplit *ps)
{
	struct buf *r = &ps->rec;

	field_end();
	if (e.title.len == 0) {
		psplit_warn(ps, e.line, "arXiv:%.*s has no title; skipped",
		    (int)e.id.len, e.id.p);
		ps->status = EXIT_TROUBLE;
		return;
	}
	r->len = 0;
	buf_addc(r, '{');
	addfield(r, "arxiv_id", &e.id);
	addfield(r, "version", &e.version);
	addfield(r, "date", &e.date);
	addfield(r, "title", &e.title);
	if (e.authors.len > 0) {
		json_key(r, "authors");
		add_names(r, e.authors.p, e.authors.len);
	}
	if (e.cats.len > 0) {
		json_key(r, "categories");
		if (e.codes)
			add_codes(r, e.cats.p, e.cats.len);
		else
			psplit_addwords(r, e.cats.p, e.cats.len, " \t");
	}
	addfield(r, "comments", &e.comments);
	addfield(r, "journal_ref", &e.jref);
	addfield(r, "doi", &e.doi);
	if (e.extra.len > 0) {
		json_sep(r);
		buf_add(r, e.extra.p, e.extra.len);
	}
	json_key(r, "abstract");
	json_add_str(r, e.abstract.len > 0 ? e.abstract.p : "", e.abstract.len);
	addfield(r, "url", &e.url);
	if (e.cross)
		buf_adds(r, ",\"cross_list\":true");
	if (e.replaced)
		buf_adds(r, ",\"replaced\":true");
	buf_addc(r, '}');
	psplit_emit(ps);
}

/* Iterate over the whole lines of a detector's bytes; the last may be cut. */
static const char *
peekline(const char **p, const char *end, size_t *n)
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

	while ((s = peekline(&p, end, &len)) != NULL) {
		if (bs && prefix_is(s, len, "arXiv:") &&
		    parse_id(s + 6, len - 6, NULL, NULL) > 0)
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
	bufset(&e.url, s + i, j - i);
}

enum { OUT, BACKSLASH, HEAD, ABSTRACT };

void
arxiv_mail_read(struct lines *l, struct psplit *ps)
{
	char *s;
	long long len;
	size_t n, k;
	int st = OUT;

	entry_reset();
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
			    parse_id(s + 6, n - 6, &e.id, &e.version) > 0) {
				e.line = l->lineno;
				e.cross = memmem(s, n, "(*cross-listing*)",
				    17) != NULL;
				st = HEAD;
			}
			break;
		case HEAD:
			if (isend(s, n)) {
				mail_url(s, n);
				entry_emit(ps);
				entry_reset();
				st = OUT;
			} else if (isbs(s, n)) {
				field_end();
				st = ABSTRACT;
			} else if (isdashes(s, n)) {
				goto cut;
			} else if (trim_right(s, n) == 0) {
				field_end();
			} else if (isws(s[0])) {
				if (fl.open)
					addjoin(&fl.val, s, n);
			} else if (prefix_is(s, n, "replaced with revised version ")) {
				field_end();
				e.replaced = 1;
				k = strlen("replaced with revised version ");
				bufset(&e.date, s + k, cutparen(s + k, n - k));
			} else if (prefix_is(s, n, "Date (revised ")) {
				field_end();
				k = strlen("Date (revised ");
				if (n > k && s[k] == 'v') {
					size_t j;

					for (j = k + 1; j < n && isdig(s[j]); j++)
						;
					bufset(&e.version, s + k, j - k);
				}
			} else if ((k = label(s, n)) > 0) {
				field_start(s, k, s + k + 1, n - k - 1);
			} else if (fl.open) {
				addjoin(&fl.val, s, n);
			}
			break;
		case ABSTRACT:
			if (isend(s, n)) {
				mail_url(s, n);
				entry_emit(ps);
				entry_reset();
				st = OUT;
			} else if (isdashes(s, n)) {
				goto cut;
			} else
				abstract_line(s, n, isws(s[0]));
			break;
		}
		continue;
cut:
		psplit_warn(ps, e.line, "arXiv:%.*s: entry ends without its "
		    "\"\\\\ ( URL , size)\" line", (int)e.id.len, e.id.p);
		ps->status = EXIT_TROUBLE;
		entry_emit(ps);
		entry_reset();
		st = OUT;
	}
	if (st == HEAD || st == ABSTRACT) {
		psplit_warn(ps, e.line, "arXiv:%.*s: input ends inside the entry",
		    (int)e.id.len, e.id.p);
		ps->status = EXIT_TROUBLE;
		entry_emit(ps);
	}
}

/* ---------------------------------------------------------------------- */
/* A listing page copied as text (FORMATS.md C). */

/* "[12] arXiv:2601.10001 ..." (or "[12]" alone): after the "]", or 0. */
static size_t
entryno(const char *s, size_t n)
{
	size_t i = 1;

	if (n < 3 || s[0] != '[' || !isdig(s[1]))
		return 0;
	while (i < n && isdig(s[i]))
		i++;
	if (i == n || s[i] != ']')
		return 0;
	return i + 1;
}

/* Is this "arXiv:ID [pdf, ...]", the rest of an entry's first line? */
static int
list_isentry(const char *s, size_t n)
{
	s = trim_left(s, &n);
	return prefix_is(s, n, "arXiv:") &&
	    parse_id(s + 6, n - 6, NULL, NULL) > 0;
}

/* "arXiv:ID [pdf, html, other]" without its "[n]", as some copies have. */
static int
list_linked(const char *s, size_t n)
{
	return list_isentry(s, n) && (memmem(s, n, " [pdf", 5) != NULL ||
	    memmem(s, n, " [html", 6) != NULL ||
	    memmem(s, n, " [other", 7) != NULL);
}

static void
list_begin(const char *s, size_t n, int sec, const struct buf *date,
    unsigned long long line)
{
	s = trim_left(s, &n);
	parse_id(s + 6, n - 6, &e.id, &e.version);
	e.cross = sec == 2 || memmem(s, n, "(cross-list", 11) != NULL;
	e.replaced = sec == 3 || memmem(s, n, "(replaced", 9) != NULL;
	e.date.len = 0;
	buf_add(&e.date, date->p, date->len);
	e.line = line;
	/* The page links the entry to its abstract page. */
	buf_adds(&e.url, "https://arxiv.org/abs/");
	buf_add(&e.url, e.id.p, e.id.len);
}

/*
 * Before its first field, an entry whose parts stand on lines of their own
 * may go on with "[pdf, html, other]" and "(cross-list from cs.LG)".
 */
static int
list_marker(const char *s, size_t n)
{
	if (n < 2 || e.title.len > 0 || fl.open)
		return 0;
	if (s[0] == '(' && s[n - 1] == ')') {
		e.cross |= prefix_is(s, n, "(cross-list");
		e.replaced |= prefix_is(s, n, "(replaced");
		return 1;
	}
	return s[0] == '[' && s[n - 1] == ']';
}

static const char *sections[] = {
	"New submissions", "Cross submissions", "Cross-lists",
	"Replacement submissions", "Replacements", NULL
};

/* A section heading: 1 new, 2 cross-lists, 3 replacements; else 0. */
static int
section(const char *s, size_t n, const char **date, size_t *dn)
{
	size_t k;
	int i;

	for (i = 0; sections[i] != NULL; i++) {
		if (!prefix_is(s, n, sections[i]))
			continue;
		k = strlen(sections[i]);
		if (k == n || prefix_is(s + k, n - k, " (showing ")) {
			*dn = 0;
			return i == 0 ? 1 : i < 3 ? 2 : 3;
		}
		if (prefix_is(s + k, n - k, " for ")) {
			*date = s + k + 5;
			*dn = n - k - 5;
			return i == 0 ? 1 : i < 3 ? 2 : 3;
		}
	}
	return 0;
}

static const char *listlabels[] = {
	"Title", "Authors", "Comments", "Subjects", "Journal-ref", "DOI",
	"Report-no", "ACM-class", "MSC-class", "Abstract", NULL
};

static size_t
listlabel(const char *s, size_t n)
{
	size_t k;
	int i;

	if ((k = label(s, n)) == 0)
		return 0;
	for (i = 0; listlabels[i] != NULL; i++)
		if (strlen(listlabels[i]) == k &&
		    strncasecmp(s, listlabels[i], k) == 0)
			return k;
	return 0;
}

/*
 * The abstract follows the subjects, so where the subject list ends matters:
 * it goes on while it lacks its closing ")" or its next line ends in a
 * category code.
 */
static int
subjects(void)
{
	return fl.val.len > 0 && strcasecmp(fl.key, "Subjects") == 0;
}

/* "Wed, 7 Oct 2026 (showing first 50 of 350 entries )" on /recent pages. */
static size_t
dayheading(const char *s, size_t n)
{
	const char *p;

	if (n < 10 || !isalpha_(s[0]) || !isalpha_(s[1]) || !isalpha_(s[2]) ||
	    s[3] != ',' || s[4] != ' ' || !isdig(s[5]))
		return 0;
	if ((p = memmem(s, n, " (showing ", 10)) == NULL)
		return 0;
	return p - s;
}

/*
 * Text after the last entry of a page, where entries stop: "Total of 251
 * entries", "Showing up to 2000 entries per page: fewer | more | all".
 */
static int
footer(const char *s, size_t n)
{
	size_t i = 9;

	if (prefix_is(s, n, "Total of ")) {
		while (i < n && isdig(s[i]))
			i++;
		return i > 9 && n - i == 8 && memcmp(s + i, " entries", 8) == 0;
	}
	return (prefix_is(s, n, "Showing up to ") &&
	    memmem(s, n, " entries per page", 17) != NULL) ||
	    prefix_is(s, n, "Which authors of this paper are endorsers?");
}

int
arxiv_list_detect(const char *p, size_t n)
{
	const char *end = p + n, *s;
	size_t len, k;
	int num = 0;

	while ((s = peekline(&p, end, &len)) != NULL) {
		s = trim_left(s, &len);
		if ((num && list_isentry(s, len)) || list_linked(s, len))
			return 1;
		if (len > 0)
			num = 0;
		if ((k = entryno(s, len)) > 0) {
			if (k == len)
				num = 1;
			else if (list_isentry(s + k, len - k))
				return 1;
		}
		if (prefix_is(s, len, "Showing new listings for "))
			return 1;
	}
	return 0;
}

/* Headings and footers end the entry before them; some carry a date. */
static int
list_heading(const char *s, size_t n, int *sec, struct buf *date)
{
	const char *d = NULL;
	size_t dn = 0, k;
	int i;

	if ((i = section(s, n, &d, &dn)) > 0)
		*sec = i;
	else if (prefix_is(s, n, "Showing new listings for ")) {
		d = s + 25;
		dn = n - 25;
	} else if ((k = dayheading(s, n)) > 0) {
		d = s;
		dn = k;
	} else if (!footer(s, n))
		return 0;
	if (d != NULL)
		bufset(date, d, dn);
	return 1;
}

void
arxiv_list_read(struct lines *l, struct psplit *ps)
{
	static struct buf date;
	char *line;
	const char *s;
	long long len;
	size_t n, k;
	int st = OUT, sec = 0, num = 0, in, ent;

	date.len = 0;
	entry_reset();
	while ((len = psplit_next(ps, l, &line)) >= 0) {
		n = trim_right(line, (size_t)len);
		in = n > 0 && isws(line[0]);
		s = trim_left(line, &n);
		if (num && n == 0)
			continue;
		k = entryno(s, n);
		if (k > 0)
			ent = k < n && list_isentry(s + k, n - k);
		else
			ent = (num && list_isentry(s, n)) || list_linked(s, n);
		if (ent || (k > 0 && k == n) || list_heading(s, n, &sec, &date)) {
			if (st != OUT)
				entry_emit(ps);
			entry_reset();
			st = OUT;
			/* "[12]" alone: its "arXiv:" line follows. */
			num = k > 0 && k == n;
			if (ent) {
				list_begin(s + k, n - k, sec, &date, l->lineno);
				st = HEAD;
			}
			continue;
		}
		num = 0;
		switch (st) {
		case OUT:
			break;
		case HEAD:
			if (n == 0) {
				if (!fl.ownline)
					field_end();
			} else if (list_marker(s, n)) {
				;
			} else if ((k = listlabel(s, n)) == 8 &&
			    prefix_ci(s, n, "Abstract")) {
				field_end();
				st = ABSTRACT;
				abstract_line(s + 9, n - 9, 0);
			} else if (k > 0) {
				/*
				 * A labelled Authors line after a guessed one:
				 * the guess was the title's second line.
				 */
				if (e.guessed && k == 7 &&
				    prefix_ci(s, n, "Authors")) {
					if (fl.open)
						addjoin(&e.title, fl.val.p,
						    fl.val.len);
					else
						addjoin(&e.title, e.authors.p,
						    e.authors.len);
					fl.open = 0;
					e.authors.len = 0;
				}
				e.guessed = 0;
				field_start(s, k, s + k + 1, n - k - 1);
			} else if (fl.open && (fl.ownline || (in &&
			    !subjects()) || (subjects() && (endscode(s, n) ||
			    fl.val.p[fl.val.len - 1] != ')')))) {
				addjoin(&fl.val, s, n);
				fl.ownline = 0;
			} else if (e.nfields == 1 && e.authors.len == 0 &&
			    strcasecmp(fl.key, "Title") == 0 && !in) {
				/* Pages now show the names without a label. */
				field_start("Authors", 7, s, n);
				e.guessed = 1;
			} else {
				field_end();
				st = ABSTRACT;
				abstract_line(s, n, 0);
			}
			break;
		case ABSTRACT:
			abstract_line(s, n, 0);
			break;
		}
	}
	if (st != OUT)
		entry_emit(ps);
}
