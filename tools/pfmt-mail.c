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
plain(const struct buf *t)
{
	size_t i;

	for (i = 0; i < t->len; i++)
		if ((unsigned char)t->p[i] >= 0x80 ||
		    (t->p[i] == '=' && i + 1 < t->len && t->p[i + 1] == '?'))
			return 0;
	return 1;
}

/*
 * Encoded words (RFC 2047, "B"), each on a folded line of its own, cut
 * between characters, not inside one.
 */
static void
words(struct buf *b, const char *s, size_t n)
{
	size_t k;

	while (n > 0) {
		k = n < B64CHUNK ? n : B64CHUNK;
		while (k < n && k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
			k--;
		buf_adds(b, "=?UTF-8?B?");
		b64(b, (const unsigned char *)s, k);
		buf_adds(b, "?=");
		s += k;
		n -= k;
		if (n > 0)
			buf_adds(b, "\n ");
	}
}

/* Plain text folded at spaces so that lines stay within 78 columns. */
static void
folded(struct buf *b, const char *s, size_t n, size_t col)
{
	const char *e = s + n, *w;

	while (s < e) {
		for (w = s; w < e && *w != ' '; w++)
			;
		if (col + (size_t)(w - s) > 77 && col > 1) {
			buf_adds(b, "\n ");
			col = 1;
		} else if (col > 0 && b->len > 0 && b->p[b->len - 1] != ' ') {
			buf_addc(b, ' ');
			col++;
		}
		buf_add(b, s, w - s);
		col += (size_t)(w - s);
		s = w < e ? w + 1 : w;
	}
}

/* Subject: as ASCII folded, or as encoded words where it must be. */
static void
unstructured(struct buf *b, const char *name, const char *val)
{
	static struct buf t;

	oneline(&t, val);
	buf_adds(b, name);
	buf_adds(b, ": ");
	if (plain(&t))
		folded(b, t.p, t.len, strlen(name) + 2);
	else
		words(b, t.p, t.len);
	buf_addc(b, '\n');
}

/* "Name <a@b>" or "a@b"; a name with specials quoted, or encoded. */
static void
address(struct buf *b, const char *s)
{
	static struct buf t;
	struct buf name;
	const char *lt, *e;
	size_t i, n;

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
		name.p = (char *)s;
		name.len = name.cap = e - s;
		if (!plain(&name))
			words(b, s, e - s);
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
