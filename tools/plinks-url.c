/*
 * plinks-url.c: the URL scanner.  The byte classes and the Unicode tests
 * the recognisers share, and where a URL ends: at a space, an unbalanced
 * bracket, CJK punctuation or the next URL, without trailing punctuation.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "paperpipe.h"
#include "plinks-url.h"

unsigned char cls[256];

void
cls_init(void)
{
	int c;

	for (c = 0; c < 0x80; c++) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			cls[c] |= C_LABEL | C_WORD | C_EMAIL;
		if (c >= '0' && c <= '9')
			cls[c] |= C_LABEL | C_WORD | C_EMAIL | C_DIGIT;
		if (c <= ' ' || c == 0x7f || strchr("<>\"`", c) != NULL)
			cls[c] |= C_STOP;
		if (c != 0 && strchr("([{", c) != NULL)
			cls[c] |= C_OPEN;
		if (c != 0 && strchr(")]}", c) != NULL)
			cls[c] |= C_CLOSE;
		if (c != 0 && strchr(".,:;!?*'\"", c) != NULL)
			cls[c] |= C_TRAIL;
		if (c != 0 && strchr("_.%+-", c) != NULL)
			cls[c] |= C_EMAIL;
	}
	cls['-'] |= C_LABEL;
	cls['_'] |= C_WORD;
}

static int
ucat(long c)
{
	return utf8proc_category((utf8proc_int32_t)c);
}

/* Letters, marks and digits: what a word or a host label is made of. */
static int
ualnum(long c)
{
	int k;

	if (c < 0x80)
		return c >= 0 && (cls[c] & C_WORD) && c != '_';
	k = ucat(c);
	return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_NO;
}

int
ulabel(long c)
{
	return c == '-' || ualnum(c);
}

/* Characters no URL contains: spaces, controls, ill-formed bytes. */
static int
ustop(long c)
{
	int k;

	if (c < 0x80)
		return c < 0 || (cls[c] & C_STOP);
	if (c < 0xa0 || c == 0x200b || c == 0xfeff)
		return 1;
	k = ucat(c);
	return k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL ||
	    k == UTF8PROC_CATEGORY_ZP;
}

/*
 * Punctuation of CJK text (U+3000..U+303F and the full-width forms): 2 for
 * a bracket, 1 for other punctuation, 0 for anything else.
 */
static int
ucjkpunct(long c)
{
	int k;

	if (!((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff65)))
		return 0;
	k = ucat(c);
	if (k == UTF8PROC_CATEGORY_PS || k == UTF8PROC_CATEGORY_PE)
		return 2;
	return k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO;
}

static int
upunct(long c)
{
	int k = ucat(c);

	return k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO;
}


/* Does a URL with a scheme start at s[p]? */
static size_t
schemeat(const char *s, size_t n, size_t p)
{
	size_t k;

	if (prefix_ci(s + p, n - p, "https://"))
		k = 8;
	else if (prefix_ci(s + p, n - p, "http://") ||
	    prefix_ci(s + p, n - p, "ftp://"))
		k = p + 6 < n && s[p + 6] == '/' ? 7 : 6;
	else
		return 0;
	return p + k < n && !(cls[(uc)s[p + k]] & C_STOP) ? k : 0;
}

/*
 * The end of a URL whose rest starts at p: stop at a space, a control
 * character, < > " `, or a closing bracket with no opener inside the URL;
 * then drop trailing sentence punctuation and quotes.  The end never
 * moves below keep.  A bracket still open BRACKETSPAN bytes after it was
 * opened counts as never closed: otherwise text without spaces full of
 * URLs cut back at a bracket ("(-https://a.org/" repeated) is scanned to
 * its end once per URL, in time that grows with its square.
 */
#define BRACKETSPAN 1024

size_t
urlend(const char *s, size_t n, size_t p, size_t keep)
{
	uc *u = (uc *)s;
	int depth[3] = { 0, 0, 0 }, b;
	size_t k, open[3], cut, first = SIZE_MAX;
	long c;

	while (p < n) {
		if (first != SIZE_MAX && p - first > BRACKETSPAN)
			break;
		c = u[p];
		if (c < 0x80) {
			/* a list glued by commas: "https://a.org/x,https://b.org" */
			if ((c == ',' || c == ';') && p + 4 < n &&
			    memchr(s + p + 1, ':', n - p - 1 < 7 ? n - p - 1 : 7)
			    != NULL && schemeat(s, n, p + 1))
				break;
			if (cls[c] & (C_STOP | C_OPEN | C_CLOSE)) {
				if (cls[c] & C_STOP)
					break;
				b = c == '(' || c == ')' ? 0 :
				    c == '[' || c == ']' ? 1 : 2;
				if (cls[c] & C_OPEN) {
					/* TeX's \href{url}{url} */
					if (schemeat(s, n, p + 1))
						break;
					if (depth[b]++ == 0) {
						open[b] = p;
						if (p < first)
							first = p;
					}
				} else if (depth[b]-- == 0)
					break;
				else if (depth[b] == 0 && open[b] == first)
					for (first = SIZE_MAX, b = 0; b < 3;
					    b++)
						if (depth[b] > 0 &&
						    open[b] < first)
							first = open[b];
			}
			p++;
			continue;
		}
		c = utf8_next(u + p, u + n, &k);
		if (ustop(c))
			break;
		/*
		 * A CJK bracket ends the URL, and so does other CJK
		 * punctuation followed by more CJK text, a space, the end or
		 * another URL ("https://a.org/x。数据"); followed by ASCII it
		 * may be part of a path ("？.png").
		 */
		if ((b = ucjkpunct(c)) == 2 || (b == 1 && (p + k == n ||
		    u[p + k] >= 0x80 || (cls[u[p + k]] & C_STOP) ||
		    schemeat(s, n, p + k))))
			break;
		p += k;
	}
	/* a bracket opened and never closed is not part of the URL */
	for (cut = p, b = 0; b < 3; b++)
		if (depth[b] > 0 && open[b] < cut)
			cut = open[b];
	p = cut;
	while (p > keep) {
		c = u[p - 1];
		if (c < 0x80) {
			if (!(cls[c] & C_TRAIL))
				break;
			p--;
			continue;
		}
		c = utf8_prev(u + keep, u + p, &k);
		if (c < 0 || !upunct(c))
			break;
		p -= k;
	}
	return p;
}

/* Is s[p] preceded by a word character, or by one of the given bytes? */
int
glued(const char *s, size_t p, const char *also)
{
	size_t k;
	long c;

	if (p == 0)
		return 0;
	c = utf8_prev((uc *)s, (uc *)s + p, &k);
	if (c < 0)
		return 0;
	return c == '_' || ualnum(c) ||
	    (c < 0x80 && c != 0 && strchr(also, (int)c) != NULL);
}

/*
 * Where a URL with a scheme at st, its rest at a, can end: in text written
 * without spaces (Chinese, Japanese), a URL that a letter runs into also
 * ends at the next non-ASCII letter: "代码在https://github.com/a/b中".
 */
size_t
cjkend(const char *s, size_t n, size_t st, size_t a)
{
	size_t k;
	long c;

	if (st == 0 || (c = utf8_prev((uc *)s, (uc *)s + st, &k)) < 0x80 ||
	    !ualnum(c))
		return n;
	for (; a < n; a += k) {
		k = 1;
		if ((uc)s[a] < 0x80) {
			if (cls[(uc)s[a]] & C_STOP)
				return a;	/* the URL ends here anyway */
			continue;
		}
		if ((c = utf8_next((uc *)s + a, (uc *)s + n, &k)) < 0)
			return a;
		if (ualnum(c))
			return a;
	}
	return n;
}
