/* psplit-csv.c: psplit's reader for CSV exports (RFC 4180, with libcsv) */
#include <csv.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"
#include "psplit.h"

/* What a column becomes in the record. */
enum { C_OTHER, C_SKIP, C_TITLE, C_ABSTRACT, C_AUTHORS, C_ARXIV, C_DOI,
	C_URL, C_DATE, C_YEAR, C_CATS, C_UPVOTES };

static const char *rolekey[] = {
	NULL, NULL, "title", "abstract", "authors", "arxiv_id", "doi", "url",
	"date", "year", "categories", "upvotes"
};

/*
 * Header names, compared after lower-casing and turning "_" and "-" into
 * spaces: the record's own names and the spellings of reference managers
 * (Zotero "Abstract Note", "Publication Year"; IEEE "Document Title").
 */
static const struct {
	const char	*name;
	int		 role;
} names[] = {
	{ "title", C_TITLE }, { "paper title", C_TITLE },
	{ "article title", C_TITLE }, { "document title", C_TITLE },
	{ "abstract", C_ABSTRACT }, { "abstract note", C_ABSTRACT },
	{ "summary", C_ABSTRACT },
	{ "authors", C_AUTHORS }, { "author", C_AUTHORS },
	{ "author(s)", C_AUTHORS },
	{ "arxiv id", C_ARXIV }, { "arxiv", C_ARXIV },
	{ "doi", C_DOI },
	{ "url", C_URL }, { "link", C_URL },
	{ "date", C_DATE }, { "publication date", C_DATE },
	{ "year", C_YEAR }, { "publication year", C_YEAR },
	{ "categories", C_CATS }, { "upvotes", C_UPVOTES },
	{ NULL, 0 }
};

struct csvrd {
	struct psplit	*ps;
	struct buf	 cells;		/* the row's fields, back to back */
	size_t		*end;		/* where field i ends in cells */
	size_t		 n, cap;
	struct buf	 hnames;	/* the header's names, back to back */
	size_t		*hend;
	int		*role;
	size_t		 ncol;
	int		 header, refused, inrow;
	unsigned long long rowline;	/* where the current row began */
};

/* The role of a header name. */
static int
role(const char *s, size_t n)
{
	char low[32];
	size_t i;
	int j;

	s = trim(s, &n);
	if (n == 0)
		return C_SKIP;
	if (n >= sizeof(low))
		return C_OTHER;
	for (i = 0; i < n; i++) {
		low[i] = s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 'a' - 'A' : s[i];
		if (low[i] == '_' || low[i] == '-')
			low[i] = ' ';
	}
	low[n] = '\0';
	for (j = 0; names[j].name != NULL; j++)
		if (strcmp(low, names[j].name) == 0)
			return names[j].role;
	return C_OTHER;
}

static void
field_cb(void *s, size_t n, void *data)
{
	struct csvrd *rd = data;

	buf_add(&rd->cells, s, n);
	if (rd->n == rd->cap) {
		rd->cap = rd->cap ? rd->cap * 2 : 64;
		rd->end = erealloc(rd->end, rd->cap * sizeof(rd->end[0]));
	}
	rd->end[rd->n++] = rd->cells.len;
}

static const char *
cell(const struct buf *b, const size_t *end, size_t i, size_t *n)
{
	size_t start = i > 0 ? end[i - 1] : 0;

	*n = end[i] - start;
	return b->p + start;
}

static void
header(struct csvrd *rd)
{
	const char *s, *t;
	size_t i, j, n, m;
	int title = 0;

	rd->header = 1;
	rd->ncol = rd->n;
	rd->hnames.len = 0;
	rd->hend = erealloc(rd->hend, rd->n * sizeof(rd->hend[0]));
	rd->role = erealloc(rd->role, rd->n * sizeof(rd->role[0]));
	for (i = 0; i < rd->n; i++) {
		s = trim(cell(&rd->cells, rd->end, i, &n), &n);
		buf_add(&rd->hnames, s, n);
		rd->hend[i] = rd->hnames.len;
		rd->role[i] = role(s, n);
		/* A second column for a field, or a repeated name, is left out. */
		for (j = 0; j < i; j++) {
			t = cell(&rd->hnames, rd->hend, j, &m);
			if ((rd->role[i] > C_SKIP && rd->role[i] == rd->role[j]) ||
			    (m == n && memcmp(s, t, n) == 0 &&
			    rd->role[i] != C_SKIP)) {
				psplit_warn(rd->ps, rd->rowline, "column %zu "
				    "(\"%.*s\") repeats column %zu; left out",
				    i + 1, (int)n, s, j + 1);
				rd->ps->status = EXIT_TROUBLE;
				rd->role[i] = C_SKIP;
				break;
			}
		}
		title |= rd->role[i] == C_TITLE;
	}
	if (!title) {
		psplit_warn(rd->ps, rd->rowline, "the CSV header has no title "
		    "column (Title, Paper Title, ...); file skipped");
		rd->ps->status = EXIT_TROUBLE;
		rd->refused = 1;
	}
}

/* Authors "A. One; Two, B." split on ";" into an array. */
static void
add_authors(struct buf *r, const char *s, size_t n)
{
	const char *e = s + n, *q, *p;
	size_t k;

	buf_addc(r, '[');
	for (p = s; p < e; p = q + 1) {
		if ((q = memchr(p, ';', e - p)) == NULL)
			q = e;
		k = q - p;
		p = trim(p, &k);
		if (k > 0) {
			json_sep(r);
			json_add_str(r, p, k);
		}
	}
	buf_addc(r, ']');
}

/* An upvote count is a number in records; other text stays a string. */
static void
add_count(struct buf *r, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i == n && n < 16 && (n == 1 || s[0] != '0'))
		buf_add(r, s, n);
	else
		json_add_str(r, s, n);
}

/* Does the header have a column that writes "version" itself? */
static int
hasversion(struct csvrd *rd)
{
	const char *t;
	size_t j, m;

	for (j = 0; j < rd->ncol; j++) {
		t = cell(&rd->hnames, rd->hend, j, &m);
		if (rd->role[j] == C_OTHER && m == 7 &&
		    memcmp(t, "version", 7) == 0)
			return 1;
	}
	return 0;
}

static void
row(struct csvrd *rd)
{
	struct buf *r = &rd->ps->rec;
	const char *s, *k;
	size_t i, n, kn;
	struct ident id;
	int abstract = 0, any = 0;

	for (i = 0; i < rd->n; i++)
		any |= rd->end[i] > (i > 0 ? rd->end[i - 1] : 0);
	if (!rd->header) {
		header(rd);
		return;
	}
	if (!any)
		return;		/* an empty row, as spreadsheets pad with */
	if (rd->n != rd->ncol) {
		psplit_warn(rd->ps, rd->rowline, "row has %zu fields, the "
		    "header %zu; row skipped", rd->n, rd->ncol);
		rd->ps->status = EXIT_TROUBLE;
		return;
	}
	r->len = 0;
	buf_addc(r, '{');
	for (i = 0; i < rd->n; i++) {
		s = cell(&rd->cells, rd->end, i, &n);
		switch (rd->role[i]) {
		case C_SKIP:
			continue;
		case C_OTHER:
			if (n == 0)
				continue;
			k = cell(&rd->hnames, rd->hend, i, &kn);
			json_sep(r);
			json_add_str(r, k, kn);
			buf_addc(r, ':');
			json_add_str(r, s, n);
			continue;
		case C_TITLE:
			s = trim(s, &n);
			if (n == 0) {
				psplit_warn(rd->ps, rd->rowline, "row has an "
				    "empty title; row skipped");
				rd->ps->status = EXIT_TROUBLE;
				return;
			}
			break;
		case C_ABSTRACT:
			abstract = 1;
			s = trim(s, &n);
			json_key(r, "abstract");
			json_add_str(r, s, n);
			continue;
		case C_AUTHORS:
		case C_CATS:
		case C_UPVOTES:
			s = trim(s, &n);
			if (n == 0)
				continue;
			json_key(r, rolekey[rd->role[i]]);
			if (rd->role[i] == C_AUTHORS)
				add_authors(r, s, n);
			else if (rd->role[i] == C_CATS)
				psplit_addwords(r, s, n, " \t\r\n,;");
			else
				add_count(r, s, n);
			continue;
		case C_ARXIV:
		case C_DOI:
			/* an id in any spelling is written as the id */
			s = trim(s, &n);
			if (ident_parse(s, n, &id) == (rd->role[i] == C_ARXIV ?
			    ID_ARXIV : ID_DOI)) {
				static struct buf c;

				c.len = 0;
				if (id.kind == ID_ARXIV)
					ident_canon(&c, s, &id);
				else
					buf_add(&c, s + id.id, id.idend - id.id);
				json_key(r, rolekey[rd->role[i]]);
				json_add_str(r, c.p, c.len);
				if (id.vlen == 0 || hasversion(rd))
					continue;
				c.len = 0;
				buf_addc(&c, 'v');
				buf_add(&c, s + id.ver + 1, id.vlen - 1);
				json_key(r, "version");
				json_add_str(r, c.p, c.len);
				continue;
			}
			break;
		default:
			s = trim(s, &n);
			break;
		}
		if (n == 0)
			continue;
		json_key(r, rolekey[rd->role[i]]);
		json_add_str(r, s, n);
	}
	if (!abstract)
		buf_adds(r, ",\"abstract\":\"\"");
	buf_addc(r, '}');
	psplit_emit(rd->ps);
}

static void
row_cb(int c, void *data)
{
	struct csvrd *rd = data;

	if (!rd->refused)
		row(rd);
	rd->n = 0;
	rd->cells.len = 0;
	rd->inrow = 0;
}

/*
 * The header line of a CSV file: two or more names, one of them known,
 * separated by commas, or else by semicolons (spreadsheets in locales with
 * a decimal comma) or tabs.  Returns the separator, 0 when it is no header.
 */
static int
header_delim(const char *p, size_t n)
{
	static const char delims[] = ",;\t";
	const char *e, *s, *t, *d;
	size_t i, k, cols, known;
	int q;

	p = bom_skip(p, &n);
	if ((e = memchr(p, '\n', n)) == NULL)
		e = p + n;
	for (d = delims; *d != '\0'; d++) {
		cols = 1;
		known = 0;
		q = 0;
		for (s = p, i = 0; p + i <= e; i++) {
			if (p + i < e && p[i] == '"')
				q = !q;
			if (p + i == e || (p[i] == *d && !q)) {
				k = p + i - s;
				t = trim(s, &k);
				if (k >= 2 && t[0] == '"' && t[k - 1] == '"') {
					t++;
					k -= 2;
				}
				known += role(t, k) > C_SKIP;
				cols += p + i < e;
				s = p + i + 1;
			}
		}
		if (cols >= 2 && known > 0)
			return *d;
	}
	return 0;
}

int
csv_detect(const char *p, size_t n)
{
	return header_delim(p, n) != 0;
}

void
csv_read(struct lines *l, struct psplit *ps)
{
	static struct csvrd rd;
	struct csv_parser cp;
	char *s;
	long long len;
	size_t n;
	int delim;

	rd.ps = ps;
	/* Allocated, so that an empty cell is never a null pointer. */
	buf_grow(&rd.cells, 1);
	buf_grow(&rd.hnames, 1);
	rd.n = rd.cells.len = 0;
	rd.header = rd.refused = rd.inrow = 0;
	if (csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI) != 0)
		die(EXIT_TROUBLE, "csv_init: out of memory");
	delim = 0;
	while ((len = psplit_next(ps, l, &s)) >= 0) {
		n = (size_t)len;
		if (rd.refused)
			continue;	/* read to the end all the same */
		if (l->lineno == 1)
			s += bom_skip(s, &n) - s;
		if (n == 0 && !rd.inrow)
			continue;
		if (delim == 0) {	/* the header's line */
			if ((delim = header_delim(s, n)) == 0)
				delim = ',';
			csv_set_delim(&cp, (unsigned char)delim);
		}
		if (!rd.inrow)
			rd.rowline = l->lineno;
		rd.inrow = 1;
		if (csv_parse(&cp, s, n, field_cb, row_cb, &rd) != n ||
		    csv_parse(&cp, "\n", 1, field_cb, row_cb, &rd) != 1) {
			psplit_warn(ps, rd.rowline, "bad CSV quoting (a quote "
			    "inside an unquoted field, or text after a closing "
			    "quote); row skipped");
			ps->status = EXIT_TROUBLE;
			csv_free(&cp);
			csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI);
			csv_set_delim(&cp, (unsigned char)delim);
			rd.n = rd.cells.len = 0;
			rd.inrow = 0;
		}
	}
	if (csv_fini(&cp, field_cb, row_cb, &rd) != 0) {
		psplit_warn(ps, rd.rowline, "quoted field not closed at the end "
		    "of the input; row skipped");
		ps->status = EXIT_TROUBLE;
	}
	csv_free(&cp);
}
