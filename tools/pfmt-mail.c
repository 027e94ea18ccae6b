/* pfmt-mail.c: an RFC 5322 message with MIME text and HTML parts */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "paperpipe.h"
#include "pfmt.h"

#define B64CHUNK 39	/* bytes per encoded word: 52 characters of base64 */

/* An address as given to -t or -u: one line, something @ something. */
int
mail_addr_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return strchr(s, '@') != NULL && strchr(s, '@')[1] != '\0';
}

static void
b64(struct buf *b, const unsigned char *s, size_t n)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	uint32_t v;
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		v = (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8 | s[i + 2];
		buf_addc(b, tab[v >> 18]);
		buf_addc(b, tab[(v >> 12) & 63]);
		buf_addc(b, tab[(v >> 6) & 63]);
		buf_addc(b, tab[v & 63]);
	}
	if (i < n) {
		v = (uint32_t)s[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)s[i + 1] << 8;
		buf_addc(b, tab[v >> 18]);
		buf_addc(b, tab[(v >> 12) & 63]);
		buf_addc(b, i + 1 < n ? tab[(v >> 6) & 63] : '=');
		buf_addc(b, '=');
	}
}

/* The text on one line: control characters and runs of space as a space. */
static void
oneline(struct buf *t, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int sp = 0;

	t->len = 0;
	for (; *p != '\0'; p++) {
		if (*p <= 0x20 || *p == 0x7f) {
			sp = 1;
			continue;
		}
		if (sp && t->len > 0)
			buf_addc(t, ' ');
		sp = 0;
		buf_addc(t, *p);
	}
}

static int
plain(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 ||
		    (s[i] == '=' && i + 1 < n && s[i + 1] == '?'))
			return 0;
	return 1;
}

/* Append a word, folding the line first when it would pass 78 columns. */
static void
token(struct buf *b, size_t *col, const char *s, size_t n)
{
	if (*col == 0)
		;	/* the first word of an address */
	else if (*col + 1 + n > 78) {
		buf_adds(b, "\n ");
		*col = 1;
	} else {
		buf_addc(b, ' ');
		(*col)++;
	}
	buf_add(b, s, n);
	*col += n;
}

/*
 * Encoded words (RFC 2047, "B") for s[0..n), cut between characters, not
 * inside one; the white space between two of them is not part of the text.
 */
static void
words(struct buf *b, size_t *col, const char *s, size_t n)
{
	static struct buf w;
	size_t k;

	while (n > 0) {
		k = n < B64CHUNK ? n : B64CHUNK;
		while (k < n && k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
			k--;
		w.len = 0;
		buf_adds(&w, "=?UTF-8?B?");
		b64(&w, (const unsigned char *)s, k);
		buf_adds(&w, "?=");
		token(b, col, w.p, w.len);
		s += k;
		n -= k;
	}
}

/*
 * A header's text on one line, folded at spaces: words that are plain
 * ASCII as they are, each run of other words as encoded words.
 */
static void
unstructured(struct buf *b, const char *name, const char *val)
{
	static struct buf t;
	const char *s, *e, *w, *r;
	size_t col;

	oneline(&t, val);
	buf_adds(b, name);
	buf_addc(b, ':');
	col = strlen(name) + 1;
	for (s = t.p, e = s + t.len; s < e; s = w < e ? w + 1 : w) {
		for (w = s; w < e && *w != ' '; w++)
			;
		if (plain(s, w - s)) {
			token(b, &col, s, w - s);
			continue;
		}
		/* the run of words that need encoding, spaces and all */
		for (r = w; r < e; r = w) {
			for (w = r + 1; w < e && *w != ' '; w++)
				;
			if (plain(r + 1, w - r - 1)) {
				w = r;
				break;
			}
		}
		words(b, &col, s, w - s);
	}
	buf_addc(b, '\n');
}

/* "Name <a@b>" or "a@b"; a name with specials quoted, or encoded. */
static void
address(struct buf *b, const char *s)
{
	static struct buf t;
	const char *lt, *e;
	size_t i, n, col;

	oneline(&t, s);
	s = t.p;
	n = t.len;
	lt = memchr(s, '<', n);
	if (lt == NULL || s[n - 1] != '>') {
		buf_add(b, s, n);
		return;
	}
	for (e = lt; e > s && e[-1] == ' '; e--)
		;
	if (e > s) {
		col = 0;
		if (!plain(s, e - s))
			words(b, &col, s, e - s);
		else if (strcspn(s, "()<>[]:;@\\,.\"") < (size_t)(e - s)) {
			buf_addc(b, '"');
			for (i = 0; i < (size_t)(e - s); i++) {
				if (s[i] == '"' || s[i] == '\\')
					buf_addc(b, '\\');
				buf_addc(b, s[i]);
			}
			buf_addc(b, '"');
		} else
			buf_add(b, s, e - s);
		buf_addc(b, ' ');
	}
	buf_add(b, lt, s + n - lt);
}

/*
 * Quoted-printable (RFC 2045): lines of at most 76 characters, soft
 * breaks where longer, and what a mail transport may mangle (a lone
 * ".", "From " at a line's start, trailing space) encoded.
 */
static void
qp(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	const char *e = s + n, *eol;
	unsigned char c;
	size_t col, k;
	int enc;

	while (s < e) {
		if ((eol = memchr(s, '\n', e - s)) == NULL)
			eol = e;
		col = 0;
		for (; s < eol; s++) {
			c = (unsigned char)*s;
			enc = c == '=' || c < 0x20 || c > 0x7e ||
			    (c == ' ' && s + 1 == eol);
			k = enc ? 3 : 1;
			if (col + k > 75) {
				buf_adds(b, "=\n");
				col = 0;
			}
			if (col == 0 && (c == '.' || (c == 'F' && eol - s >= 5 &&
			    memcmp(s, "From ", 5) == 0)))
				enc = 1, k = 3;
			if (enc) {
				buf_addc(b, '=');
				buf_addc(b, hex[c >> 4]);
				buf_addc(b, hex[c & 15]);
			} else
				buf_addc(b, c);
			col += k;
		}
		buf_addc(b, '\n');
		if (s < e)
			s++;
	}
}

static uint64_t
fnv(uint64_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void
part(struct buf *b, const char *bound, const char *type, const struct buf *p)
{
	buf_adds(b, "\n--");
	buf_adds(b, bound);
	buf_adds(b, "\nContent-Type: ");
	buf_adds(b, type);
	buf_adds(b, "; charset=utf-8\n"
	    "Content-Transfer-Encoding: quoted-printable\n\n");
	qp(b, p->p, p->len);
}

/* The whole message, for sendmail -t: "\n" line ends, as it expects. */
void
mail_write(struct buf *b, const struct mailhdr *h, const struct buf *text,
    const struct buf *html)
{
	static const char days[] = "SunMonTueWedThuFriSat";
	static const char mons[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	char bound[64], id[128], date[64];
	const char *dom, *end;
	time_t t = (time_t)h->when;
	struct tm tm;
	uint64_t hash;
	size_t i;

	gmtime_r(&t, &tm);
	snprintf(date, sizeof(date), "%.3s, %02d %.3s %04d %02d:%02d:%02d "
	    "+0000", days + 3 * tm.tm_wday, tm.tm_mday, mons + 3 * tm.tm_mon,
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	hash = fnv(0xcbf29ce484222325ULL, text->p, text->len);
	hash = fnv(hash, html->p, html->len);
	hash = fnv(hash, date, strlen(date));
	snprintf(bound, sizeof(bound), "=_pfmt_%016llx",
	    (unsigned long long)hash);
	dom = strrchr(h->from, '@') + 1;
	for (end = dom; *end != '\0' && *end != '>' && *end != ' '; end++)
		;
	snprintf(id, sizeof(id), "<%lld.%016llx.pfmt@%.*s>", h->when,
	    (unsigned long long)hash, (int)(end - dom > 60 ? 60 : end - dom),
	    dom);

	buf_adds(b, "From: ");
	address(b, h->from);
	buf_adds(b, "\nTo: ");
	for (i = 0; i < h->nto; i++) {
		if (i > 0)
			buf_adds(b, ",\n ");
		address(b, h->to[i]);
	}
	buf_addc(b, '\n');
	unstructured(b, "Subject", h->subject);
	buf_adds(b, "Date: ");
	buf_adds(b, date);
	buf_adds(b, "\nMessage-ID: ");
	buf_adds(b, id);
	buf_adds(b, "\nMIME-Version: 1.0\n"
	    "Content-Type: multipart/alternative;\n boundary=\"");
	buf_adds(b, bound);
	buf_adds(b, "\"\n\nThis is a message in MIME format: a text part "
	    "and an HTML part.\n");
	part(b, bound, "text/plain", text);
	part(b, bound, "text/html", html);
	buf_adds(b, "\n--");
	buf_adds(b, bound);
	buf_adds(b, "--\n");
}
