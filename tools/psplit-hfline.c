/*
 * psplit-hfline.c: the line classifier of psplit's Hugging Face reader:
 * what each line of a copied papers page is (metadata of a card, the site's
 * boilerplate, a text browser's link marks, or text), and the -f auto
 * detector.  psplit-hf.c assembles the cards from what it says.
 */
#include <stddef.h>
#include <string.h>

#include "paperpipe.h"
#include "psplit.h"
#include "psplit-hf.h"

#define METAMAX		200	/* longer lines are never metadata */

struct hfmeta hf_mv;

static const char *months[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

/* Lines of the site's header, navigation and tabs. */
static const char *boiler[] = {
	"new", "Get trending papers in your email inbox!",
	"Get trending papers in your email inbox once a day!", "Subscribe",
	"Daily Papers", "Trending Papers", "byAK and the research community",
	"by AK and the research community", "Daily", "Weekly", "Monthly",
	"Models", "Datasets", "Spaces", "Buckets", "Buckets new", "Docs",
	"Enterprise", "Pricing", "Log In", "Sign Up", "arXiv Page",
	"Hugging Face"
};

/* Of those, the ones that only this site prints, for -f auto. */
static const char *marks[] = {
	"Get trending papers in your email inbox!",
	"Get trending papers in your email inbox once a day!",
	"Daily Papers", "Trending Papers", "byAK and the research community",
	"by AK and the research community"
};

#define DOT	"\xc2\xb7"		/* U+00B7 MIDDLE DOT */
#define BULLET	"\xe2\x80\xa2"	/* U+2022 BULLET */


int
hf_eq(const char *s, size_t n, const char *lit)
{
	return n > 0 && *s == *lit && strlen(lit) == n &&
	    memcmp(s, lit, n) == 0;
}

int
hf_hasurl(const char *s, size_t n)
{
	const char *e = s + n, *p;

	for (; (p = memchr(s, ':', e - s)) != NULL; s = p + 1)
		if (e - p >= 3 && p[1] == '/' && p[2] == '/')
			return 1;
	return 0;
}

static int
inlist(const char *s, size_t n, const char **list, size_t nlist)
{
	size_t i;

	for (i = 0; i < nlist; i++)
		if (hf_eq(s, n, list[i]))
			return 1;
	return 0;
}

/* A run of 1 to 9 digits at s: its length and value, else 0. */
static size_t
number(const char *s, size_t n, long long *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < n && i < 10 && isdig(s[i]); i++)
		*v = *v * 10 + (s[i] - '0');
	if (i == 0 || i == 10 || (i < n && isdig(s[i])))
		return 0;
	return i;
}

/* A count the site abbreviates, "1.2k" or "12k": its value (1200). */
static int
kilo(const char *s, size_t n, long long *v)
{
	long long frac = 0;
	size_t k, f = 0;

	if (n < 2 || s[n - 1] != 'k' || (k = number(s, n - 1, v)) == 0 ||
	    k > 6)
		return 0;
	if (k + 1 < n - 1 && s[k] == '.') {
		if ((f = number(s + k + 1, n - 2 - k, &frac)) != n - 2 - k ||
		    f > 3)
			return 0;
		while (f++ < 3)
			frac *= 10;
	} else if (k != n - 1)
		return 0;
	*v = *v * 1000 + frac;
	return 1;
}

/* A login after "Submitted by": one word, not an upvote count. */
int
hf_islogin(const char *s, size_t n)
{
	long long v;

	return n > 0 && n <= 100 && memchr(s, ' ', n) == NULL &&
	    memchr(s, '\t', n) == NULL && number(s, n, &v) != n &&
	    !hf_eq(s, n, "-") && !hf_eq(s, n, "Upvote");
}

/*
 * A card or page date, "Mon D" or "Mon D, YYYY" (a real month, day 1-31),
 * optionally with a comment count glued on ("May 29[6]", "Mar 8, 2024
 * [ 6]").  Sets hf_mv.date (without the count) and hf_mv.ncomments.
 */
static int
isdate(const char *s, size_t n)
{
	const char *p = s + 4, *e = s + n;
	long long v;
	size_t k;

	if (n < 5 || s[3] != ' ' || !inlist(s, 3, months, 12))
		return 0;
	if (*p == '0' || (k = number(p, e - p, &v)) == 0 || k > 2 || v > 31)
		return 0;
	p += k;
	if (e - p >= 6 && p[0] == ',' && p[1] == ' ' &&
	    number(p + 2, 4, &v) == 4)
		p += 6;
	hf_mv.date = s;
	hf_mv.daten = p - s;
	hf_mv.ncomments = -1;
	if (p < e && *p == ' ')
		p++;
	if (p < e && *p == '[') {
		for (p++; p < e && *p == ' '; p++)
			;
		if ((k = number(p, e - p, &hf_mv.ncomments)) == 0)
			return 0;
		for (p += k; p < e && *p == ' '; p++)
			;
		if (p == e || *p++ != ']')
			return 0;
	}
	return p == e;
}

/* "3 authors", "1 authors", "* 3 authors", "- 8 authors". */
int
hf_isauthors(const char *s, size_t n)
{
	size_t k;

	if (n > 2 && (s[0] == '*' || s[0] == '-') && s[1] == ' ') {
		s += 2;
		n -= 2;
	}
	if ((k = number(s, n, &hf_mv.num)) == 0)
		return 0;
	return hf_eq(s + k, n - k, " authors") || hf_eq(s + k, n - k, " author");
}

/* A date, "Published on" a date, or "N authors": what follows a "·". */
static int
isdateish(const char *s, size_t n)
{
	hf_mv.published = 0;
	if (n > 13 && prefix_is(s, n, "Published on ")) {
		hf_mv.published = 1;
		s += 13;
		n -= 13;
	}
	return isdate(s, n);
}

/*
 * The separators renderers print around card metadata: "·", "•", "|",
 * and, in text browsers and markdown, "*" and "-".  The length of the one
 * at s (0 when none); with strong, only the first three.
 */
static size_t
sepat(const char *s, size_t n, int strong)
{
	if (n >= 2 && memcmp(s, DOT, 2) == 0)
		return 2;
	if (n >= 3 && memcmp(s, BULLET, 3) == 0)
		return 3;
	if (n >= 1 && (*s == '|' || (!strong && (*s == '*' || *s == '-'))))
		return 1;
	return 0;
}

/* The separator that ends s, as sepat. */
static size_t
sepend(const char *s, size_t n, int strong)
{
	if (n >= 2 && sepat(s + n - 2, 2, strong) == 2)
		return 2;
	if (n >= 3 && sepat(s + n - 3, 3, strong) == 3)
		return 3;
	if (n >= 1 && sepat(s + n - 1, 1, strong) == 1)
		return 1;
	return 0;
}

/* The first " · ", " • " or " | " inside s (or a "·" glued on): *k its length. */
static const char *
sepin(const char *s, size_t n, size_t *k)
{
	const char *e = s + n, *p;

	for (p = s; p < e; p++) {
		if (*p != DOT[0] && *p != BULLET[0] && *p != '|')
			continue;
		if ((*k = sepat(p, e - p, 1)) == 0)
			continue;
		if (*p != '|' || ((p == s || p[-1] == ' ') &&
		    (p + 1 == e || p[1] == ' ')))
			return p;
	}
	return NULL;
}

/*
 * Metadata with a separator before or after it ("• 3 authors", "May 30 |",
 * "Microsoft •"): what it is without the separator, or L_TEXT.  A line
 * that starts with "*" or "-" and is not metadata stays text (a list item
 * of an abstract).
 */
static int
separated(const char *s, size_t n, int weak)
{
	const char *r;
	size_t k, rn;
	int c;

	if ((k = sepat(s, n, 0)) > 0 && k < n && s[k] == ' ') {
		for (r = s + k, rn = n - k; rn > 0 && *r == ' '; r++, rn--)
			;
		c = hf_classify(r, rn, weak);
		if (c != L_TEXT && c != L_SKIP && (c != L_UPVOTE || weak))
			return c;
	}
	if ((k = sepend(s, n, 0)) > 0 && k < n && s[n - k - 1] == ' ') {
		for (rn = n - k; rn > 0 && s[rn - 1] == ' '; rn--)
			;
		c = hf_classify(s, rn, weak);
		if (c != L_TEXT && c != L_SKIP && (c != L_UPVOTE || weak))
			return c;
		if (sepend(s, n, 1) > 0 && rn <= 100) {
			/* "Microsoft ·": the organisation, as "Org" then "·". */
			hf_mv.org = s;
			hf_mv.orgn = rn;
			hf_mv.date = NULL;
			return L_INLINE;
		}
	}
	return L_TEXT;
}

/*
 * Classify a trimmed line.  Lines that could end a paragraph of re-wrapped
 * text (a bare number, a date, a word of the header) count as metadata
 * only at the start of a block (weak); the rest anywhere.
 */
int
hf_classify(const char *s, size_t n, int weak)
{
	const char *d;
	size_t k;

	if (n > METAMAX)
		return L_TEXT;
	if (hf_eq(s, n, DOT) || hf_eq(s, n, BULLET) || hf_eq(s, n, "|") ||
	    hf_eq(s, n, "*"))
		return L_DOT;
	hf_mv.orgn = 0;
	if (hf_eq(s, n, "Submitted by"))
		return L_SUBMITTED;
	if (weak && n > 13 && prefix_is(s, n, "Submitted by ") &&
	    hf_islogin(s + 13, n - 13)) {
		hf_mv.org = s + 13;	/* the login, on the same line */
		hf_mv.orgn = n - 13;
		return L_SUBMITTED;
	}
	if (hf_isauthors(s, n))
		return L_AUTHORS;
	if (prefix_is(s, n, "GitHub")) {
		hf_mv.stars = s + n;
		hf_mv.starsn = 0;
		if (n == 6)
			return L_GITHUB;
		for (k = 7; k < n && (isdig(s[k]) || s[k] == '.'); k++)
			;
		if (s[6] == ' ' && k > 7 && isdig(s[7]) && (k == n ||
		    (k + 1 == n && memchr("kKmM", s[k], 4) != NULL))) {
			hf_mv.stars = s + 7;
			hf_mv.starsn = n - 7;
			return L_GITHUB;
		}
	}
	/* "Org · Published on Oct 4, 2026", "3 authors | May 30", "· May 30" */
	if ((d = sepin(s, n, &k)) != NULL) {
		const char *r = d + k, *e = s + n;
		size_t ln = d - s;

		while (r < e && *r == ' ')
			r++;
		while (ln > 0 && s[ln - 1] == ' ')
			ln--;
		/* A separator at the end is for separated() to read. */
		if (r < e && isdateish(r, e - r)) {
			hf_mv.org = s;
			hf_mv.orgn = ln;
			hf_mv.published = 1;
			return L_INLINE;
		}
	}
	if (n > 13 && prefix_is(s, n, "Published on ") &&
	    isdate(s + 13, n - 13)) {
		hf_mv.published = 1;
		return L_DATE;
	}
	if ((k = separated(s, n, weak)) != L_TEXT)
		return (int)k;
	if (!weak)
		return L_TEXT;
	if (isdate(s, n)) {
		hf_mv.published = 0;
		return L_DATE;
	}
	if (hf_eq(s, n, "-")) {
		hf_mv.num = 0;
		return L_UPVOTE;
	}
	if (hf_eq(s, n, "Upvote")) {
		hf_mv.num = -1;
		return L_UPVOTE;
	}
	if (number(s, n, &hf_mv.num) == n || kilo(s, n, &hf_mv.num))
		return L_UPVOTE;
	if (hf_isboiler(s, n))
		return L_SKIP;
	return L_TEXT;
}

/* A line of the site's header, navigation or tabs. */
int
hf_isboiler(const char *s, size_t n)
{
	return inlist(s, n, boiler, sizeof(boiler) / sizeof(boiler[0]));
}

/*
 * lynx -dump puts a reference number before each link's text,
 * "[12]Title", also after a list bullet ("* [2]Models"): drop it.
 */
void
hf_unmark(const char **sp, size_t *np)
{
	const char *s = *sp;
	size_t n = *np, b = 0, k;

	if (n > 2 && (s[0] == '*' || s[0] == '+' || s[0] == '-') &&
	    s[1] == ' ')
		b = 2;
	if (n < b + 3 || s[b] != '[')
		return;
	for (k = b + 1; k < n && k < b + 8 && isdig(s[k]); k++)
		;
	if (k == b + 1 || k == n || s[k] != ']' || k + 1 == n)
		return;
	if (b == 0) {
		*sp = s + k + 1;
		*np = n - k - 1;
	} else {
		/* Keep the bullet: "* 3 authors" means something. */
		static char tmp[METAMAX + 1];

		if (n - (k + 1 - b) > METAMAX)
			return;
		memcpy(tmp, s, b);
		memcpy(tmp + b, s + k + 1, n - k - 1);
		*sp = tmp;
		*np = n - (k + 1 - b);
	}
}

/* The first line of lynx's list of references: "1. https://...". */
int
hf_reflist(const char *s, size_t n)
{
	long long v;
	size_t k = number(s, n, &v);

	return k > 0 && k + 2 < n && s[k] == '.' && s[k + 1] == ' ' &&
	    hf_hasurl(s + k + 2, n - k - 2);
}

/* Lines a text browser prints around links: "[", "]", "][31]". */
int
hf_isnoise(const char *s, size_t n)
{
	long long v;

	if (n == 1)
		return *s == '[' || *s == ']';
	if (n >= 3 && s[0] == ']' && s[1] == '[' && s[n - 1] == ']')
		return number(s + 2, n - 3, &v) == n - 3;
	return 0;
}

/*
 * A markdown or text-browser heading, "### Title", "### [Title][32]" or
 * "### [Title](https://...)": strip it to the title and say so.
 */
int
hf_heading(const char **sp, size_t *np)
{
	const char *s = *sp, *m;
	size_t n = *np, k;

	for (k = 0; k < n && s[k] == '#'; k++)
		;
	if (k == 0 || k + 1 >= n || s[k] != ' ')
		return 0;
	s += k + 1;
	n -= k + 1;
	if (n > 4 && s[0] == '[' && s[n - 1] == ']') {
		for (m = s + n - 2; m > s && isdig(*m); m--)
			;
		if (m > s + 1 && m < s + n - 2 && m[0] == '[' && m[-1] == ']') {
			n = m - 1 - (s + 1);
			s++;
		}
	} else if (n > 4 && s[0] == '[' && s[n - 1] == ')') {
		for (m = s + n - 2; m > s + 1 && *m != '(' && *m != ' '; m--)
			;
		if (m > s + 1 && m[0] == '(' && m[-1] == ']') {
			n = m - 1 - (s + 1);
			s++;
		}
	}
	*sp = s;
	*np = n;
	return 1;
}

int
hf_detect(const char *p, size_t n)
{
	const char *e = p + n, *nl, *s;
	size_t k;

	for (; p < e; p = nl + 1) {
		if ((nl = memchr(p, '\n', e - p)) == NULL)
			nl = e;
		s = p;
		k = nl - p;
		if (p == e - n)
			s = bom_skip(s, &k);
		s = trim(s, &k);
		hf_unmark(&s, &k);
		hf_heading(&s, &k);
		if (inlist(s, k, marks, sizeof(marks) / sizeof(marks[0])))
			return 1;
	}
	return 0;
}
