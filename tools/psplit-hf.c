/* psplit-hf.c: psplit's reader for a copied Hugging Face papers page */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "paperpipe.h"
#include "psplit.h"

/*
 * The Hugging Face papers page (/papers, /papers/date/..., ?q=, trending),
 * as a browser or a text browser copies it.
 *
 * Lines are grouped into blocks of text separated by blank lines.  Lines
 * the site prints around the papers (navigation, "Submitted by", upvotes,
 * "N authors", dates, "GitHub 3.29k", ...) are metadata: they end a block
 * and fill in the fields of the card they belong to.  A paper is a title
 * block followed by an abstract block.  A title is short (at most three
 * lines and TITLEMAX bytes), holds no URL and does not end like a sentence
 * or a clause; an abstract is anything else (every title and abstract in
 * the corpus falls on the right side of that line).  After an abstract,
 * blocks that could be titles are held back (at most NPEND) until the
 * next block shows whether the last starts the next paper (an abstract
 * follows) and the others were short last paragraphs of this abstract, or
 * metadata shows they were an organisation ("·" follows) or a paper with
 * a title-like summary.  Only the current card is kept, so memory does not
 * grow with the page.
 */

#define TITLEMAX	300	/* longest title in the corpus: 199 bytes */
#define METAMAX		200	/* longer lines are never metadata */

struct block {
	struct buf	 b;		/* text as JSON string contents */
	size_t		 raw;		/* bytes of text before escaping */
	int		 nlines;
	int		 last;		/* last byte of the text */
	int		 url;		/* holds "://" */
	int		 bslash;	/* last line ended in a backslash */
	unsigned long long lineno;	/* first line's number */
};

/* Title-like blocks held after an abstract: paragraph, title, summary. */
#define NPEND		3

/* What a card has seen so far. */
enum { C_NONE, C_TITLE, C_ABS, C_META };

/* What a line is. */
enum {
	L_TEXT, L_SKIP, L_SUBMITTED, L_UPVOTE, L_AUTHORS, L_DOT, L_DATE,
	L_INLINE, L_GITHUB
};

static struct hf {
	struct psplit	*ps;
	struct block	 cur, cur2, cur3, orgb, title, abs, pend[NPEND];
	int		 state, npend, prevtext, wantsub;
	int		 refs;		/* a "References" line came last */
	unsigned long long refsline;
	struct buf	 date, sub, org, pub, stars, lastt, lasta;
	long long	 upvotes, nauthors, ncomments;
} hf;

/* What the line classifier found besides the kind. */
static struct meta {
	const char	*org;		/* L_INLINE: the part before " · " */
	size_t		 orgn;
	const char	*date;		/* L_DATE, L_INLINE: the date */
	size_t		 daten;
	const char	*stars;		/* L_GITHUB: the star count */
	size_t		 starsn;
	int		 published;	/* "Published on" or after "·" */
	long long	 num, ncomments;
} mv;

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
#define NBSP	"\xc2\xa0"		/* U+00A0 NO-BREAK SPACE */

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static int
eq(const char *s, size_t n, const char *lit)
{
	return n > 0 && *s == *lit && strlen(lit) == n &&
	    memcmp(s, lit, n) == 0;
}

static int
hasurl(const char *s, size_t n)
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
		if (eq(s, n, list[i]))
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
static int
islogin(const char *s, size_t n)
{
	long long v;

	return n > 0 && n <= 100 && memchr(s, ' ', n) == NULL &&
	    memchr(s, '\t', n) == NULL && number(s, n, &v) != n &&
	    !eq(s, n, "-") && !eq(s, n, "Upvote");
}

/*
 * A card or page date, "Mon D" or "Mon D, YYYY" (a real month, day 1-31),
 * optionally with a comment count glued on ("May 29[6]", "Mar 8, 2024
 * [ 6]").  Sets mv.date (without the count) and mv.ncomments.
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
	mv.date = s;
	mv.daten = p - s;
	mv.ncomments = -1;
	if (p < e && *p == ' ')
		p++;
	if (p < e && *p == '[') {
		for (p++; p < e && *p == ' '; p++)
			;
		if ((k = number(p, e - p, &mv.ncomments)) == 0)
			return 0;
		for (p += k; p < e && *p == ' '; p++)
			;
		if (p == e || *p++ != ']')
			return 0;
	}
	return p == e;
}

/* "3 authors", "1 authors", "* 3 authors", "- 8 authors". */
static int
isauthors(const char *s, size_t n)
{
	size_t k;

	if (n > 2 && (s[0] == '*' || s[0] == '-') && s[1] == ' ') {
		s += 2;
		n -= 2;
	}
	if ((k = number(s, n, &mv.num)) == 0)
		return 0;
	return eq(s + k, n - k, " authors") || eq(s + k, n - k, " author");
}

/* A date, "Published on" a date, or "N authors": what follows a "·". */
static int
isdateish(const char *s, size_t n)
{
	mv.published = 0;
	if (n > 13 && prefix_is(s, n, "Published on ")) {
		mv.published = 1;
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

static int classify(const char *, size_t, int);

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
		c = classify(r, rn, weak);
		if (c != L_TEXT && c != L_SKIP && (c != L_UPVOTE || weak))
			return c;
	}
	if ((k = sepend(s, n, 0)) > 0 && k < n && s[n - k - 1] == ' ') {
		for (rn = n - k; rn > 0 && s[rn - 1] == ' '; rn--)
			;
		c = classify(s, rn, weak);
		if (c != L_TEXT && c != L_SKIP && (c != L_UPVOTE || weak))
			return c;
		if (sepend(s, n, 1) > 0 && rn <= 100) {
			/* "Microsoft ·": the organisation, as "Org" then "·". */
			mv.org = s;
			mv.orgn = rn;
			mv.date = NULL;
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
static int
classify(const char *s, size_t n, int weak)
{
	const char *d;
	size_t k;

	if (n > METAMAX)
		return L_TEXT;
	if (eq(s, n, DOT) || eq(s, n, BULLET) || eq(s, n, "|") ||
	    eq(s, n, "*"))
		return L_DOT;
	mv.orgn = 0;
	if (eq(s, n, "Submitted by"))
		return L_SUBMITTED;
	if (weak && n > 13 && prefix_is(s, n, "Submitted by ") &&
	    islogin(s + 13, n - 13)) {
		mv.org = s + 13;	/* the login, on the same line */
		mv.orgn = n - 13;
		return L_SUBMITTED;
	}
	if (isauthors(s, n))
		return L_AUTHORS;
	if (prefix_is(s, n, "GitHub")) {
		mv.stars = s + n;
		mv.starsn = 0;
		if (n == 6)
			return L_GITHUB;
		for (k = 7; k < n && (isdig(s[k]) || s[k] == '.'); k++)
			;
		if (s[6] == ' ' && k > 7 && isdig(s[7]) && (k == n ||
		    (k + 1 == n && memchr("kKmM", s[k], 4) != NULL))) {
			mv.stars = s + 7;
			mv.starsn = n - 7;
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
			mv.org = s;
			mv.orgn = ln;
			mv.published = 1;
			return L_INLINE;
		}
	}
	if (n > 13 && prefix_is(s, n, "Published on ") &&
	    isdate(s + 13, n - 13)) {
		mv.published = 1;
		return L_DATE;
	}
	if ((k = separated(s, n, weak)) != L_TEXT)
		return (int)k;
	if (!weak)
		return L_TEXT;
	if (isdate(s, n)) {
		mv.published = 0;
		return L_DATE;
	}
	if (eq(s, n, "-")) {
		mv.num = 0;
		return L_UPVOTE;
	}
	if (eq(s, n, "Upvote")) {
		mv.num = -1;
		return L_UPVOTE;
	}
	if (number(s, n, &mv.num) == n || kilo(s, n, &mv.num))
		return L_UPVOTE;
	if (inlist(s, n, boiler, sizeof(boiler) / sizeof(boiler[0])))
		return L_SKIP;
	return L_TEXT;
}

/* A block that may be a title: short, no URL, not ending like a sentence. */
static int
titleish(const struct block *b)
{
	return b->nlines <= 3 && b->raw <= TITLEMAX && !b->url &&
	    memchr(".,;:", b->last, 4) == NULL;
}

static void
swapblock(struct block *a, struct block *b)
{
	struct block t = *a;

	*a = *b;
	*b = t;
}

static void
clearblock(struct block *b)
{
	b->b.len = 0;
	b->raw = 0;
	b->nlines = 0;
	b->last = 0;
	b->url = 0;
	b->bslash = 0;
}

/* Add a text line to the current block: wrapped lines join with a space. */
static void
addline(const char *s, size_t n, unsigned long long lineno)
{
	struct block *b = &hf.cur;

	if (b->nlines == 0)
		b->lineno = lineno;
	else {
		/* A markdown hard break ("Engage\" + "with") is a wrap too. */
		if (b->bslash) {
			b->b.len -= 2;
			while (b->b.len > 0 && b->b.p[b->b.len - 1] == ' ')
				b->b.len--;
		}
		buf_addc(&b->b, ' ');
		b->raw++;
	}
	psplit_encode(&b->b, s, n);
	b->raw += n;
	b->nlines++;
	b->last = (unsigned char)s[n - 1];
	b->bslash = s[n - 1] == '\\';
	if (b->raw <= TITLEMAX && !b->url && hasurl(s, n))
		b->url = 1;
}

/* In -v mode, say what text was not used. */
static void
skipped(const struct block *b)
{
	int k = b->b.len > 40 ? 40 : (int)b->b.len;

	if (!hf.ps->verbose)
		return;
	/* Cut at a character boundary. */
	while (k > 0 && k < (int)b->b.len &&
	    ((unsigned char)b->b.p[k] & 0xc0) == 0x80)
		k--;
	psplit_warn(hf.ps, b->lineno, "skipped: %.*s%s", k, b->b.p,
	    (size_t)k < b->b.len ? "..." : "");
}

/* Append block b to the abstract as a new paragraph. */
static void
paragraph(struct block *b)
{
	buf_add(&hf.abs.b, "\\n\\n", 4);
	buf_add(&hf.abs.b, b->b.p, b->b.len);
	hf.abs.raw += 2 + b->raw;
	hf.abs.nlines += b->nlines;
}

static void
addfield(struct buf *r, const char *key, const struct buf *v)
{
	if (v->len == 0)
		return;
	json_key(r, key);
	json_add_str(r, v->p, v->len);
}

static void
addnum(struct buf *r, const char *key, long long v)
{
	char num[32];

	if (v < 0)
		return;
	json_key(r, key);
	buf_add(r, num, (size_t)snprintf(num, sizeof(num), "%lld", v));
}

static void
resetcard(void)
{
	hf.state = C_NONE;
	hf.sub.len = hf.org.len = hf.pub.len = hf.stars.len = 0;
	hf.upvotes = hf.nauthors = hf.ncomments = -1;
}

/* Take the first held block off the queue into *b. */
static void
unhold(struct block *b)
{
	int i;

	swapblock(b, &hf.pend[0]);
	for (i = 1; i < hf.npend; i++)
		swapblock(&hf.pend[i - 1], &hf.pend[i]);
	hf.npend--;
}

/* A held block that is not a title: this card's last paragraph, or junk. */
static void
drop(void)
{
	unhold(&hf.cur2);
	if (hf.state == C_ABS)
		paragraph(&hf.cur2);
	else
		skipped(&hf.cur2);
}

/* A block short enough to be an organisation's name. */
static int
orgish(const struct block *b)
{
	return b->nlines == 1 && b->raw <= 100;
}

static void
setorg(void)
{
	hf.org.len = 0;
	json_str_decode(&hf.org, hf.orgb.b.p, hf.orgb.b.len);
}

/*
 * Metadata came after title-like blocks and no abstract.  With promote,
 * the last two are a paper whose abstract is short and unpunctuated (with
 * orgok, after taking a short last one as the organisation); otherwise,
 * or with one alone, they were not papers.
 */
static void
resolve(int promote, int orgok)
{
	int org = 0;

	if (hf.state != C_TITLE)
		return;
	if (promote && orgok && hf.npend >= 2 &&
	    orgish(&hf.pend[hf.npend - 1])) {
		swapblock(&hf.orgb, &hf.pend[--hf.npend]);
		org = 1;
	}
	if (promote && hf.npend >= 1) {
		while (hf.npend > 1) {
			skipped(&hf.title);
			unhold(&hf.title);
		}
		unhold(&hf.abs);
		hf.state = C_ABS;
		if (org)
			setorg();
		return;
	}
	skipped(&hf.title);
	while (hf.npend > 0) {
		unhold(&hf.cur2);
		skipped(&hf.cur2);
	}
	hf.state = C_NONE;
}

/*
 * Write the current card if it is a paper.  Trending pages print every
 * card twice in a row (desktop and mobile): a card equal to the one just
 * written is dropped.
 */
static void
emit(void)
{
	struct buf *r = &hf.ps->rec;
	struct buf t;

	if (hf.state != C_ABS && hf.state != C_META) {
		resetcard();
		return;
	}
	if (hf.title.b.len == hf.lastt.len && hf.abs.b.len == hf.lasta.len &&
	    memcmp(hf.title.b.p, hf.lastt.p, hf.lastt.len) == 0 &&
	    memcmp(hf.abs.b.p, hf.lasta.p, hf.lasta.len) == 0) {
		resetcard();
		return;
	}
	r->len = 0;
	buf_add(r, "{\"title\":\"", 10);
	buf_add(r, hf.title.b.p, hf.title.b.len);
	buf_add(r, "\",\"abstract\":\"", 14);
	buf_add(r, hf.abs.b.p, hf.abs.b.len);
	buf_addc(r, '"');
	addfield(r, "date", &hf.date);
	addfield(r, "published", &hf.pub);
	addnum(r, "upvotes", hf.upvotes);
	addfield(r, "submitted_by", &hf.sub);
	addfield(r, "organization", &hf.org);
	addnum(r, "authors_count", hf.nauthors);
	addnum(r, "num_comments", hf.ncomments);
	addfield(r, "github_stars", &hf.stars);
	buf_addc(r, '}');
	psplit_emit(hf.ps);
	/* Keep this card's text for the duplicate check, without copying. */
	t = hf.lastt;
	hf.lastt = hf.title.b;
	hf.title.b = t;
	t = hf.lasta;
	hf.lasta = hf.abs.b;
	hf.abs.b = t;
	resetcard();
}

/* The held blocks end in the title of a paper whose abstract is abs. */
static void
newpaper(struct block *abs)
{
	while (hf.npend > 1)
		drop();
	emit();
	unhold(&hf.title);
	swapblock(&hf.abs, abs);
	hf.state = C_ABS;
}

/*
 * Metadata (or the end) follows the held blocks.  With orgok, a short last
 * one is the card's organisation ("Microsoft" then "·"); two before that
 * are a paper with a short abstract; one is a last paragraph or junk.
 */
static void
settle(int orgok)
{
	int org = 0;

	if (hf.state == C_TITLE || hf.npend == 0)
		return;
	if (orgok && orgish(&hf.pend[hf.npend - 1])) {
		swapblock(&hf.orgb, &hf.pend[--hf.npend]);
		org = 1;
	}
	if (hf.npend >= 2) {
		while (hf.npend > 2)
			drop();
		swapblock(&hf.cur3, &hf.pend[--hf.npend]);
		newpaper(&hf.cur3);
		hf.state = C_META;
	}
	while (hf.npend > 0)
		drop();
	if (org)
		setorg();
}

/* The current card is complete: write it. */
static void
endcard(void)
{
	resolve(1, 0);
	settle(0);
	emit();
}

/* The current block ended: decide what it is. */
static void
endblock(void)
{
	struct block *b = &hf.cur;
	int t;

	if (b->nlines == 0)
		return;
	t = titleish(b);
	switch (hf.state) {
	case C_NONE:
		if (t) {
			swapblock(&hf.title, b);
			hf.state = C_TITLE;
		} else
			skipped(b);
		break;
	case C_TITLE:
		/*
		 * Of title-like blocks in a row, the one an abstract follows
		 * is the title; the ones before it were not (a search query,
		 * a sort menu).  Metadata after them settles them (resolve).
		 */
		if (t && hf.npend == NPEND) {
			skipped(&hf.title);
			unhold(&hf.title);
		}
		if (t) {
			swapblock(&hf.pend[hf.npend++], b);
			break;
		}
		while (hf.npend > 0) {
			skipped(&hf.title);
			unhold(&hf.title);
		}
		swapblock(&hf.abs, b);
		hf.state = C_ABS;
		break;
	case C_ABS:
	case C_META:
		/*
		 * After an abstract, title-like blocks are held until a block
		 * that is not one shows that the last of them is the next
		 * paper's title, or metadata settles them.
		 */
		if (t) {
			if (hf.npend == NPEND)
				drop();
			swapblock(&hf.pend[hf.npend++], b);
		} else if (hf.npend > 0)
			newpaper(b);
		else if (hf.state == C_ABS)
			paragraph(b);
		else
			skipped(b);
		break;
	}
	clearblock(b);
}

static void
setstr(struct buf *b, const char *s, size_t n)
{
	b->len = 0;
	buf_add(b, s, n);
}

/* Metadata that follows a paper's abstract: in a card, after its text. */
static int
postmeta(void)
{
	resolve(1, 0);
	if (hf.state == C_NONE)
		return 0;
	hf.state = C_META;
	return 1;
}

/* Handle a metadata line of kind k (s, n: the line). */
static void
meta(int k, const char *s, size_t n)
{
	switch (k) {
	case L_SKIP:
		break;
	case L_SUBMITTED:
	case L_UPVOTE:
		/* These open a card: the previous one is complete. */
		resolve(1, 0);
		if (hf.state != C_NONE)
			endcard();
		if (k == L_SUBMITTED && mv.orgn > 0)
			setstr(&hf.sub, mv.org, mv.orgn);
		else if (k == L_SUBMITTED)
			hf.wantsub = 1;
		else if (mv.num >= 0)
			hf.upvotes = mv.num;
		break;
	case L_DOT:
		resolve(1, 1);
		settle(1);
		postmeta();
		break;
	case L_AUTHORS:
		settle(0);
		if (postmeta())
			hf.nauthors = mv.num;
		break;
	case L_GITHUB:
		settle(0);
		if (postmeta() && mv.starsn > 0)
			setstr(&hf.stars, mv.stars, mv.starsn);
		break;
	case L_INLINE:
		settle(0);
		if (!postmeta())
			break;
		if (isauthors(mv.org, mv.orgn))
			hf.nauthors = mv.num;
		else if (mv.orgn > 0)
			setstr(&hf.org, mv.org, mv.orgn);
		if (mv.date != NULL && hf.pub.len == 0) {
			setstr(&hf.pub, mv.date, mv.daten);
			hf.ncomments = mv.ncomments;
		}
		break;
	case L_DATE:
		/* Before the first card, or between header lines: the page's. */
		resolve(hf.date.len > 0 || mv.published, 1);
		if (hf.state == C_NONE) {
			if (!mv.published)
				setstr(&hf.date, mv.date, mv.daten);
			break;
		}
		settle(1);
		postmeta();
		if (hf.pub.len == 0) {
			setstr(&hf.pub, mv.date, mv.daten);
			hf.ncomments = mv.ncomments;
		}
		break;
	}
}

/*
 * lynx -dump puts a reference number before each link's text,
 * "[12]Title", also after a list bullet ("* [2]Models"): drop it.
 */
static void
unmark(const char **sp, size_t *np)
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
static int
reflist(const char *s, size_t n)
{
	long long v;
	size_t k = number(s, n, &v);

	return k > 0 && k + 2 < n && s[k] == '.' && s[k + 1] == ' ' &&
	    hasurl(s + k + 2, n - k - 2);
}

/* Lines a text browser prints around links: "[", "]", "][31]". */
static int
isnoise(const char *s, size_t n)
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
static int
heading(const char **sp, size_t *np)
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
		unmark(&s, &k);
		heading(&s, &k);
		if (inlist(s, k, marks, sizeof(marks) / sizeof(marks[0])))
			return 1;
	}
	return 0;
}

void
hf_read(struct lines *l, struct psplit *ps)
{
	const char *s;
	char *line;
	long long len;
	size_t n;
	int k;

	hf.ps = ps;
	hf.date.len = hf.lastt.len = hf.lasta.len = 0;
	hf.prevtext = hf.wantsub = hf.refs = 0;
	clearblock(&hf.cur);
	resetcard();
	hf.npend = 0;
	while ((len = psplit_next(ps, l, &line)) >= 0) {
		s = line;
		n = (size_t)len;
		if (l->lineno == 1)
			s = bom_skip(s, &n);
		s = trim(s, &n);
		unmark(&s, &n);
		if (hf.refs && n > 0) {
			/* "References" then "1. https://...": the end. */
			hf.refs = 0;
			if (reflist(s, n))
				break;
			addline("References", 10, hf.refsline);
			hf.prevtext = 1;
		}
		if (eq(s, n, "References")) {
			endblock();
			hf.refs = 1;
			hf.refsline = l->lineno;
			continue;
		}
		if (n == 0 || isnoise(s, n)) {
			endblock();
			hf.prevtext = 0;
			continue;
		}
		if (hf.wantsub) {
			hf.wantsub = 0;
			if (islogin(s, n)) {
				setstr(&hf.sub, s, n);
				continue;
			}
		}
		if (heading(&s, &n)) {
			/* A heading is a block of its own. */
			endblock();
			if (n > 0 && !inlist(s, n, boiler,
			    sizeof(boiler) / sizeof(boiler[0]))) {
				addline(s, n, l->lineno);
				endblock();
			}
			hf.prevtext = 0;
			continue;
		}
		k = classify(s, n, !hf.prevtext);
		if (k != L_TEXT) {
			endblock();
			meta(k, s, n);
			hf.prevtext = 0;
			continue;
		}
		addline(s, n, l->lineno);
		hf.prevtext = 1;
	}
	if (ps->nulstop) {
		/* Keep whole blocks only: the one with the NUL byte is gone. */
		clearblock(&hf.cur);
		hf.npend = 0;
	}
	endblock();
	endcard();
}
