/* psplit-util.c: what psplit's readers share, and the table of formats */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"
#include "psplit.h"

/*
 * -f auto tries the detectors in this order; a new format is one more row.
 * CSV is judged by its header line alone, the arXiv shapes by lines no other
 * page has; the Hugging Face page, the loosest, comes last.
 */
const struct format psplit_formats[] = {
	{ "csv",	csv_detect,		csv_read },
	{ "arxiv-mail",	arxiv_mail_detect,	arxiv_mail_read },
	{ "arxiv-list",	arxiv_list_detect,	arxiv_list_read },
	{ "hf",		hf_detect,		hf_read },
};
const size_t psplit_nformats =
    sizeof(psplit_formats) / sizeof(psplit_formats[0]);

/* How much of an input -f auto looks at. */
#define PEEK		(16 * 1024)

/*
 * Scanning for the few bytes that need care, 16 at a time with the
 * compiler's portable vector extension (SSE2 or NEON code where there is
 * such a unit, plain words elsewhere).
 */
typedef unsigned char	vbytes __attribute__((vector_size(16)));
typedef signed char	vmask __attribute__((vector_size(16)));

static int
anyset(vmask m)
{
	uint64_t w[2];

	memcpy(w, &m, sizeof(w));
	return (w[0] | w[1]) != 0;
}

/* Length of the prefix of s that is ASCII without NUL: no checks needed. */
static size_t
plain(const char *s, size_t n)
{
	size_t i;
	vbytes v;

	for (i = 0; i + 16 <= n; i += 16) {
		memcpy(&v, s + i, 16);
		if (anyset((vmask)(v == 0) | (vmask)(v >= 0x80)))
			break;
	}
	while (i < n && s[i] != '\0' && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

/*
 * json_str_encode with a fast scan for the bytes that need escaping: page
 * text is long runs of plain characters.
 */
void
psplit_encode(struct buf *b, const char *s, size_t n)
{
	const char *e = s + n, *q;
	unsigned char c;
	vbytes v;

	while (s < e) {
		for (q = s; e - q >= 16; q += 16) {
			memcpy(&v, q, 16);
			if (anyset((vmask)(v < 0x20) | (vmask)(v == '"') |
			    (vmask)(v == '\\')))
				break;
		}
		for (; q < e; q++) {
			c = *q;
			if (c < 0x20 || c == '"' || c == '\\')
				break;
		}
		buf_add(b, s, q - s);
		if (q == e)
			break;
		json_str_encode(b, q, 1);
		s = q + 1;
	}
}

/* Messages about an input: "psplit: FILE:LINE: ..." (no LINE when 0). */
void
psplit_warn(struct psplit *ps, unsigned long long lineno, const char *fmt,
    ...)
{
	va_list ap;

	if (lineno > 0)
		fprintf(stderr, "%s: %s:%llu: ", argv0, ps->file, lineno);
	else
		fprintf(stderr, "%s: %s: ", argv0, ps->file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/*
 * The next line for a reader (see lines_next): a NUL byte ends the input
 * with an error, since the file is not text; bad UTF-8 is repaired, so a
 * reader only ever sees valid UTF-8 and records are always valid JSON.
 */
long long
psplit_next(struct psplit *ps, struct lines *l, char **line)
{
	static struct buf fix;
	long long n;
	size_t k;

	if (ps->nulstop || (n = lines_next(l, line)) < 0)
		return -1;
	if ((k = plain(*line, (size_t)n)) == (size_t)n)
		return n;
	if (memchr(*line + k, '\0', (size_t)n - k) != NULL) {
		psplit_warn(ps, l->lineno, "NUL byte: not a text file");
		ps->status = EXIT_TROUBLE;
		ps->nulstop = 1;
		return -1;
	}
	if (utf8_valid(*line + k, (size_t)n - k) != (size_t)n - k) {
		fix.len = 0;
		utf8_repair(&fix, *line, (size_t)n);
		psplit_warn(ps, l->lineno,
		    "invalid UTF-8 replaced with U+FFFD");
		*line = fix.p;
		n = (long long)fix.len;
	}
	return n;
}

/*
 * Append a JSON array of the words of s[0..n), split at any byte of seps:
 * "cs.AI cs.CL" becomes ["cs.AI","cs.CL"].
 */
void
psplit_addwords(struct buf *b, const char *s, size_t n, const char *seps)
{
	size_t i = 0, j;

	buf_addc(b, '[');
	while (i < n) {
		while (i < n && s[i] != '\0' && strchr(seps, s[i]) != NULL)
			i++;
		for (j = i; j < n && (s[j] == '\0' || strchr(seps, s[j]) == NULL);
		    j++)
			;
		if (j > i) {
			json_sep(b);
			json_add_str(b, s + i, j - i);
		}
		i = j;
	}
	buf_addc(b, ']');
}

/* Write the record a reader built in ps->rec and start the next one. */
void
psplit_emit(struct psplit *ps)
{
	buf_addc(&ps->rec, '\n');
	out_write(&out_stdout, ps->rec.p, ps->rec.len);
	ps->rec.len = 0;
	ps->npapers++;
}

/* Which format is this input?  NULL when no detector claims it. */
const struct format *
psplit_detect(struct psplit *ps, struct lines *l)
{
	const char *p, *nul;
	size_t n, i;
	unsigned long long lineno;

	n = lines_peek(l, PEEK, &p);
	if ((nul = memchr(p, '\0', n)) != NULL) {
		/* Say where, as psplit_next would. */
		for (lineno = 1; p < nul; p++)
			lineno += *p == '\n';
		psplit_warn(ps, lineno, "NUL byte: not a text file");
		ps->status = EXIT_TROUBLE;
		ps->nulstop = 1;
		return NULL;
	}
	for (i = 0; i < psplit_nformats; i++)
		if (psplit_formats[i].detect(p, n))
			return &psplit_formats[i];
	for (i = 0; i < n; i++)
		if (strchr(" \t\r\n", p[i]) == NULL)
			break;
	if (i == n)
		return NULL;		/* blank: "no papers found" says it */
	psplit_warn(ps, 0, "unrecognised format (use -f)");
	ps->status = EXIT_TROUBLE;
	return NULL;
}
