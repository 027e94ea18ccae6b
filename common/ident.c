/* ident.c: arXiv ids and DOIs in every spelling, read within bounds */
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "ident.h"
#include "text.h"

/* Old-style arXiv archives (hep-th/9901001), before the 0704 scheme. */
static const char *archives[] = {
	"acc-phys", "adap-org", "alg-geom", "ao-sci", "astro-ph", "atom-ph",
	"bayes-an", "chao-dyn", "chem-ph", "cmp-lg", "comp-gas", "cond-mat",
	"cs", "dg-ga", "funct-an", "gr-qc", "hep-ex", "hep-lat", "hep-ph",
	"hep-th", "math", "math-ph", "mtrl-th", "nlin", "nucl-ex", "nucl-th",
	"patt-sol", "physics", "plasm-ph", "q-alg", "q-bio", "quant-ph",
	"solv-int", "supr-con",
};



static int
isword(int c)
{
	return isdig(c) || isalph(c) || c == '_' || (unsigned char)c >= 0x80;
}

static int
isarchive(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(archives) / sizeof(archives[0]); i++)
		if (strlen(archives[i]) == n && memcmp(archives[i], s, n) == 0)
			return 1;
	return 0;
}

size_t
ident_arxiv(const char *s, size_t n, size_t p, size_t *idend)
{
	size_t q = p, d, a;
	int yy, mm;

	for (d = 0; q < n && isdig(s[q]); q++)
		d++;
	if (d == 4 && q < n && s[q] == '.') {
		yy = (s[p] - '0') * 10 + s[p + 1] - '0';
		mm = (s[p + 2] - '0') * 10 + s[p + 3] - '0';
		if (mm < 1 || mm > 12 || yy < 7 || (yy == 7 && mm < 4))
			return 0;
		for (d = 0, q++; q < n && isdig(s[q]); q++)
			d++;
		if (d != (yy < 15 ? 4U : 5U))
			return 0;
	} else if (d == 0) {
		for (; q < n && q - p < 9 && ((s[q] >= 'a' && s[q] <= 'z') ||
		    s[q] == '-'); q++)
			;
		if (!isarchive(s + p, q - p))
			return 0;
		if (q < n && s[q] == '.') {
			for (a = ++q; q < n && (isalph(s[q]) || s[q] == '-');
			    q++)
				;
			if (q - a < 2)
				return 0;
		}
		if (q >= n || s[q] != '/')
			return 0;
		for (d = 0, a = ++q; q < n && isdig(s[q]); q++)
			d++;
		if (d != 7)
			return 0;
		mm = (s[a + 2] - '0') * 10 + s[a + 3] - '0';
		if (mm < 1 || mm > 12)
			return 0;
	} else
		return 0;
	if (idend != NULL)
		*idend = q;
	if (q + 1 < n && (s[q] | 0x20) == 'v' && isdig(s[q + 1]))
		for (q++; q < n && isdig(s[q]); q++)
			;
	/* not glued to more of a word or number: 2401.123456, 2401.12345.6 */
	if (q < n && (isword(s[q]) ||
	    (s[q] == '.' && q + 1 < n && isdig(s[q + 1]))))
		return 0;
	return q;
}

size_t
ident_doihead(const char *s, size_t n, size_t p)
{
	size_t q, d;

	if (p >= n || n - p < 3 || s[p] != '1' || s[p + 1] != '0' ||
	    s[p + 2] != '.')
		return 0;
	for (q = p + 3;;) {
		for (d = 0; q < n && isdig(s[q]); q++)
			d++;
		if (d < (q - d == p + 3 ? 4U : 1U) || d > 9 || q >= n)
			return 0;
		if (s[q] == '/')
			return q + 1;
		if (s[q] != '.')
			return 0;
		q++;
	}
}

/*
 * Scan a DOI suffix from q: return where it stops, and in *cut where it
 * ends, before the first bracket left open.  Brackets nest: a closer that
 * does not match the last opener stops it, and so does nesting deeper
 * than any DOI does; so the part before *cut reads back the same.
 */
static size_t
doiscan(const char *s, size_t n, size_t q, size_t *cut)
{
	static const char opens[] = "([{", closes[] = ")]}";
	const char *o;
	size_t open[32];
	char kind[32];
	int depth = 0;
	unsigned char c;

	for (; q < n; q++) {
		c = (unsigned char)s[q];
		if (c <= ' ' || c == 0x7f || c >= 0x80 || c == '"' ||
		    c == '<' || c == '>' || c == '`')
			break;
		if ((o = strchr(opens, c)) != NULL) {
			if (depth == 32)
				break;
			open[depth] = q;
			kind[depth++] = (char)(o - opens);
		} else if ((o = strchr(closes, c)) != NULL) {
			if (depth == 0 || kind[depth - 1] != o - closes)
				break;
			depth--;
		}
	}
	*cut = depth > 0 ? open[0] : q;
	return q;
}

size_t
ident_doiend(const char *s, size_t n, size_t q)
{
	size_t e, start = q;

	doiscan(s, n, q, &e);
	while (e > start && strchr(".,;:!?*'", s[e - 1]) != NULL)
		e--;
	return e;
}

/* The id after a prefix or URL path at q, of the kind given. */
static int
idafter(const char *s, size_t n, size_t p, size_t q, int kind, int form,
    struct ident *id)
{
	size_t e, ie, h;

	if (kind == ID_ARXIV) {
		if ((e = ident_arxiv(s, n, q, &ie)) == 0)
			return ID_NONE;
		id->ver = ie;
		id->vlen = e - ie;
	} else {
		if ((h = ident_doihead(s, n, q)) == 0 ||
		    (e = ident_doiend(s, n, h)) == h)
			return ID_NONE;
		ie = e;
		id->ver = e;
		id->vlen = 0;
	}
	id->kind = kind;
	id->form = form;
	id->at = p;
	id->end = e;
	id->id = q;
	id->idend = ie;
	return kind;
}

/* Skip the spaces and tabs that may follow "arXiv:" or "doi:". */
static size_t
blanks(const char *s, size_t n, size_t q)
{
	while (q < n && (s[q] == ' ' || s[q] == '\t'))
		q++;
	return q;
}

int
ident_at(const char *s, size_t n, size_t p, struct ident *id)
{
	static const char *dirs[] = { "abs/", "pdf/", "html/" };
	size_t q, k, i;
	int r, scheme = 0;

	if (p >= n)
		return ID_NONE;
	if ((k = prefix_ci(s + p, n - p, "arxiv:")) != 0)
		return idafter(s, n, p, blanks(s, n, p + k), ID_ARXIV,
		    IDF_PREFIX, id);
	if ((k = prefix_ci(s + p, n - p, "oai:arxiv.org:")) != 0)
		return idafter(s, n, p, p + k, ID_ARXIV, IDF_PREFIX, id);
	if ((k = prefix_ci(s + p, n - p, "doi:")) != 0)
		return idafter(s, n, p, blanks(s, n, p + k), ID_DOI,
		    IDF_PREFIX, id);
	q = p;
	if ((k = prefix_ci(s + q, n - q, "https://")) != 0 ||
	    (k = prefix_ci(s + q, n - q, "http://")) != 0) {
		q += k;
		scheme = 1;
	}
	q += prefix_ci(s + q, n - q, "www.");
	if ((k = prefix_ci(s + q, n - q, "arxiv.org/")) != 0 ||
	    (k = prefix_ci(s + q, n - q, "export.arxiv.org/")) != 0) {
		q += k;
		for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
			if ((k = prefix_ci(s + q, n - q, dirs[i])) != 0)
				break;
		if (k == 0 ||
		    !idafter(s, n, p, q + k, ID_ARXIV, IDF_URL, id))
			return ID_NONE;
		if (i == 1)
			id->end += prefix_ci(s + id->end, n - id->end, ".pdf");
		return ID_ARXIV;
	}
	if ((k = prefix_ci(s + q, n - q, "doi.org/")) != 0 ||
	    (k = prefix_ci(s + q, n - q, "dx.doi.org/")) != 0)
		return idafter(s, n, p, q + k, ID_DOI, IDF_URL, id);
	if (scheme || q != p)
		return ID_NONE;
	if ((r = idafter(s, n, p, p, ID_ARXIV, IDF_BARE, id)) != ID_NONE)
		return r;
	return idafter(s, n, p, p, ID_DOI, IDF_BARE, id);
}

int
ident_parse(const char *s, size_t n, struct ident *id)
{
	size_t p, e;

	p = (size_t)(trim(s, &n) - s);	/* n is now the trimmed length */
	n += p;
	if (ident_at(s, n, p, id) == ID_NONE)
		return ID_NONE;
	e = id->end;
	/* a URL may go on with a slash, a query or a fragment */
	if (id->form == IDF_URL && e < n && s[e] == '/')
		e++;
	if (id->form == IDF_URL && e < n && (s[e] == '?' || s[e] == '#'))
		e = n;
	/* and any id may end a sentence */
	while (e < n && strchr(".,;", s[e]) != NULL)
		e++;
	return e == n ? id->kind : ID_NONE;
}

/* Can an id start at s[p], after what comes before it? */
static int
boundary(const char *s, size_t p)
{
	return p == 0 || (!isword(s[p - 1]) &&
	    strchr("./-:@+%", s[p - 1]) == NULL);
}

int
ident_find(const char *s, size_t n, size_t from, int forms,
    struct ident *id)
{
	size_t p, cut;

	for (p = from; p < n; p++) {
		if (!isword(s[p]) || !boundary(s, p))
			continue;
		if (ident_at(s, n, p, id) == ID_NONE)
			continue;
		if (id->form & forms)
			return id->kind;
		/* not a form asked for: go on after it */
		p = id->end - 1;
		if (id->kind == ID_DOI)
			p = doiscan(s, n, id->idend, &cut) - 1;
	}
	return ID_NONE;
}

void
ident_canon(struct buf *b, const char *s, const struct ident *id)
{
	size_t i;
	int cls = 0;
	char c;

	for (i = id->id; i < id->idend; i++) {
		c = s[i];
		if (id->kind == ID_DOI || !cls) {
			if (c >= 'A' && c <= 'Z')
				c = (char)(c | 0x20);
		} else if (c >= 'a' && c <= 'z')
			c = (char)(c & ~0x20);
		if (c == '.' && !isdig(s[id->id]))
			cls = 1;
		if (c == '/')
			cls = 0;
		buf_addc(b, c);
	}
}
