/*
 * psplit-arxiv-list.c: psplit's reader for an arXiv listing page copied as
 * text (FORMATS.md C); the entry it fills in is psplit-arxiv.c's
 */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "paperpipe.h"
#include "psplit.h"
#include "psplit-arxiv.h"

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
	    arxiv_parse_id(s + 6, n - 6, NULL, NULL) > 0;
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
	arxiv_parse_id(s + 6, n - 6, &arxiv_e.id, &arxiv_e.version);
	arxiv_e.cross = sec == 2 || memmem(s, n, "(cross-list", 11) != NULL;
	arxiv_e.replaced = sec == 3 || memmem(s, n, "(replaced", 9) != NULL;
	arxiv_e.date.len = 0;
	buf_add(&arxiv_e.date, date->p, date->len);
	arxiv_e.line = line;
	/* The page links the entry to its abstract page. */
	buf_adds(&arxiv_e.url, "https://arxiv.org/abs/");
	buf_add(&arxiv_e.url, arxiv_e.id.p, arxiv_e.id.len);
}

/*
 * Before its first field, an entry whose parts stand on lines of their own
 * may go on with "[pdf, html, other]" and "(cross-list from cs.LG)".
 */
static int
list_marker(const char *s, size_t n)
{
	if (n < 2 || arxiv_e.title.len > 0 || arxiv_fl.open)
		return 0;
	if (s[0] == '(' && s[n - 1] == ')') {
		arxiv_e.cross |= prefix_is(s, n, "(cross-list");
		arxiv_e.replaced |= prefix_is(s, n, "(replaced");
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

	if ((k = arxiv_label(s, n)) == 0)
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
	return arxiv_fl.val.len > 0 &&
	    strcasecmp(arxiv_fl.key, "Subjects") == 0;
}

/* "Wed, 7 Oct 2026 (showing first 50 of 350 entries )" on /recent pages. */
static size_t
dayheading(const char *s, size_t n)
{
	const char *p;

	if (n < 10 || !isalph(s[0]) || !isalph(s[1]) || !isalph(s[2]) ||
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

	while ((s = arxiv_peekline(&p, end, &len)) != NULL) {
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
		arxiv_bufset(date, d, dn);
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
	arxiv_reset();
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
				arxiv_emit(ps);
			arxiv_reset();
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
				if (!arxiv_fl.ownline)
					arxiv_field_end();
			} else if (list_marker(s, n)) {
				;
			} else if ((k = listlabel(s, n)) == 8 &&
			    prefix_ci(s, n, "Abstract")) {
				arxiv_field_end();
				st = ABSTRACT;
				arxiv_abstract_line(s + 9, n - 9, 0);
			} else if (k > 0) {
				/*
				 * A labelled Authors line after a guessed one:
				 * the guess was the title's second line.
				 */
				if (arxiv_e.guessed && k == 7 &&
				    prefix_ci(s, n, "Authors")) {
					if (arxiv_fl.open)
						arxiv_addjoin(&arxiv_e.title,
						    arxiv_fl.val.p,
						    arxiv_fl.val.len);
					else
						arxiv_addjoin(&arxiv_e.title,
						    arxiv_e.authors.p,
						    arxiv_e.authors.len);
					arxiv_fl.open = 0;
					arxiv_e.authors.len = 0;
				}
				arxiv_e.guessed = 0;
				arxiv_field_start(s, k, s + k + 1, n - k - 1);
			} else if (arxiv_fl.open && (arxiv_fl.ownline || (in &&
			    !subjects()) || (subjects() && (arxiv_endscode(s, n) ||
			    arxiv_fl.val.p[arxiv_fl.val.len - 1] != ')')))) {
				arxiv_addjoin(&arxiv_fl.val, s, n);
				arxiv_fl.ownline = 0;
			} else if (arxiv_e.nfields == 1 &&
			    arxiv_e.authors.len == 0 &&
			    strcasecmp(arxiv_fl.key, "Title") == 0 && !in) {
				/* Pages now show the names without a label. */
				arxiv_field_start("Authors", 7, s, n);
				arxiv_e.guessed = 1;
			} else {
				arxiv_field_end();
				st = ABSTRACT;
				arxiv_abstract_line(s, n, 0);
			}
			break;
		case ABSTRACT:
			arxiv_abstract_line(s, n, 0);
			break;
		}
	}
	if (st != OUT)
		arxiv_emit(ps);
}

