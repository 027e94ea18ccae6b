/* psplit-hf.c: psplit's reader for a copied Hugging Face papers page */
#include <stddef.h>
#include <string.h>

#include "paperpipe.h"
#include "psplit.h"
#include "psplit-hf.h"

/*
 * The Hugging Face papers page (/papers, /papers/date/..., ?q=, trending),
 * as a browser or a text browser copies it.  psplit-hfline.c says what
 * each line is; this file assembles the cards.
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

static struct hf {
	struct psplit	*ps;
	struct block	 cur, cur2, cur3, orgb, title, abs, pend[NPEND];
	int		 state, npend, prevtext, wantsub;
	int		 refs;		/* a "References" line came last */
	unsigned long long refsline;
	struct buf	 date, sub, org, pub, stars, lastt, lasta;
	long long	 upvotes, nauthors, ncomments;
} hf;

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
	json_str_encode(&b->b, s, n);
	b->raw += n;
	b->nlines++;
	b->last = (unsigned char)s[n - 1];
	b->bslash = s[n - 1] == '\\';
	if (b->raw <= TITLEMAX && !b->url && hf_hasurl(s, n))
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
	psplit_addfield(r, "date", &hf.date);
	psplit_addfield(r, "published", &hf.pub);
	psplit_addnum(r, "upvotes", hf.upvotes);
	psplit_addfield(r, "submitted_by", &hf.sub);
	psplit_addfield(r, "organization", &hf.org);
	psplit_addnum(r, "authors_count", hf.nauthors);
	psplit_addnum(r, "num_comments", hf.ncomments);
	psplit_addfield(r, "github_stars", &hf.stars);
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

/* Handle a metadata line of kind k (what else it holds: hf_mv). */
static void
meta(int k)
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
		if (k == L_SUBMITTED && hf_mv.orgn > 0)
			setstr(&hf.sub, hf_mv.org, hf_mv.orgn);
		else if (k == L_SUBMITTED)
			hf.wantsub = 1;
		else if (hf_mv.num >= 0)
			hf.upvotes = hf_mv.num;
		break;
	case L_DOT:
		resolve(1, 1);
		settle(1);
		postmeta();
		break;
	case L_AUTHORS:
		settle(0);
		if (postmeta())
			hf.nauthors = hf_mv.num;
		break;
	case L_GITHUB:
		settle(0);
		if (postmeta() && hf_mv.starsn > 0)
			setstr(&hf.stars, hf_mv.stars, hf_mv.starsn);
		break;
	case L_INLINE:
		settle(0);
		if (!postmeta())
			break;
		if (hf_isauthors(hf_mv.org, hf_mv.orgn))
			hf.nauthors = hf_mv.num;
		else if (hf_mv.orgn > 0)
			setstr(&hf.org, hf_mv.org, hf_mv.orgn);
		if (hf_mv.date != NULL && hf.pub.len == 0) {
			setstr(&hf.pub, hf_mv.date, hf_mv.daten);
			hf.ncomments = hf_mv.ncomments;
		}
		break;
	case L_DATE:
		/* Before the first card, or between header lines: the page's. */
		resolve(hf.date.len > 0 || hf_mv.published, 1);
		if (hf.state == C_NONE) {
			if (!hf_mv.published)
				setstr(&hf.date, hf_mv.date, hf_mv.daten);
			break;
		}
		settle(1);
		postmeta();
		if (hf.pub.len == 0) {
			setstr(&hf.pub, hf_mv.date, hf_mv.daten);
			hf.ncomments = hf_mv.ncomments;
		}
		break;
	}
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
		hf_unmark(&s, &n);
		if (hf.refs && n > 0) {
			/* "References" then "1. https://...": the end. */
			hf.refs = 0;
			if (hf_reflist(s, n))
				break;
			addline("References", 10, hf.refsline);
			hf.prevtext = 1;
		}
		if (hf_eq(s, n, "References")) {
			endblock();
			hf.refs = 1;
			hf.refsline = l->lineno;
			continue;
		}
		if (n == 0 || hf_isnoise(s, n)) {
			endblock();
			hf.prevtext = 0;
			continue;
		}
		if (hf.wantsub) {
			hf.wantsub = 0;
			if (hf_islogin(s, n)) {
				setstr(&hf.sub, s, n);
				continue;
			}
		}
		if (hf_heading(&s, &n)) {
			/* A heading is a block of its own. */
			endblock();
			if (n > 0 && !hf_isboiler(s, n)) {
				addline(s, n, l->lineno);
				endblock();
			}
			hf.prevtext = 0;
			continue;
		}
		k = hf_classify(s, n, !hf.prevtext);
		if (k != L_TEXT) {
			endblock();
			meta(k);
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
