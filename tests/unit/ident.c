/* ident.c: unit tests of common/ident.c (the id table) and common/text.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"
#include "unit.h"

/* Every line of tests/ident/ids.tsv: INPUT, TAB, canonical id or "-". */
static void
table(void)
{
	FILE *fp = fopen("tests/ident/ids.tsv", "r");
	static struct buf k;
	char line[1024], what[1200], *tab, *want;
	struct ident id;
	size_t n, rows = 0, bad = 0;
	int kind;

	if (fp == NULL) {
		check(0, "ident: tests/ident/ids.tsv opens");
		return;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		n = strcspn(line, "\n");
		line[n] = '\0';
		if (line[0] == '#' || (tab = strchr(line, '\t')) == NULL)
			continue;
		*tab = '\0';
		want = tab + 1;
		rows++;
		/* a copy exactly as long as the input: reads past it show */
		{
			size_t len = strlen(line);
			char *s = malloc(len ? len : 1);

			memcpy(s, line, len);
			kind = ident_parse(s, len, &id);
			k.len = 0;
			if (kind != ID_NONE)
				ident_canon(&k, s, &id);
			buf_addc(&k, '\0');
			free(s);
		}
		if (kind == ID_NONE ? strcmp(want, "-") != 0 :
		    strcmp(want, k.p) != 0 || (kind == ID_DOI) !=
		    (strncmp(want, "10.", 3) == 0)) {
			snprintf(what, sizeof(what), "ident: %s gives %s, "
			    "not %s", line, kind == ID_NONE ? "-" : k.p, want);
			check(0, what);
			bad++;
		}
	}
	fclose(fp);
	snprintf(what, sizeof(what), "ident: %zu spellings in the table, "
	    "%zu wrong", rows, bad);
	check(rows >= 100 && bad == 0, what);
}

static void
parts(void)
{
	const char *s = "see arXiv:2401.12345v2 and https://doi.org/10.1000/A.";
	struct ident id;
	size_t e;

	check(ident_find(s, strlen(s), 0, IDF_ANY, &id) == ID_ARXIV &&
	    id.at == 4 && id.end == 22 && id.id == 10 && id.idend == 20 &&
	    id.ver == 20 && id.vlen == 2 && id.form == IDF_PREFIX,
	    "ident: find an arXiv id with its prefix and version");
	check(ident_find(s, strlen(s), id.end, IDF_ANY, &id) == ID_DOI &&
	    id.form == IDF_URL && id.idend == strlen(s) - 1,
	    "ident: find a DOI URL, without the full stop");
	check(ident_find(s, strlen(s), 0, IDF_URL, &id) == ID_DOI,
	    "ident: find only URLs");
	s = "x2401.12345 a/2401.12345 hep-th/9901001";
	check(ident_find(s, strlen(s), 0, IDF_BARE, &id) == ID_ARXIV &&
	    id.at == 25, "ident: ids glued to a word are not found");
	/* arxiv.org/ at the very end: the pdedupe crash */
	s = "arxiv.org/";
	check(ident_find(s, strlen(s), 0, IDF_ANY, &id) == ID_NONE &&
	    ident_parse(s, strlen(s), &id) == ID_NONE,
	    "ident: arxiv.org/ at the end of the text");
	s = " \t2401.12345 ";
	check(ident_parse(s, strlen(s), &id) == ID_ARXIV && id.id == 2 &&
	    id.idend == 12, "ident_parse: offsets into the text given");
	s = "2401.12345v3";
	check(ident_arxiv(s, strlen(s), 0, &e) == 12 && e == 10,
	    "ident_arxiv: end and end without version");
	s = "10.1000/a(b(c";
	check(ident_doihead(s, strlen(s), 0) == 8 &&
	    ident_doiend(s, strlen(s), 8) == 9,
	    "ident_doiend: an opener never closed ends the DOI");
	s = "10.1000/a)";
	check(ident_doiend(s, strlen(s), 8) == 9,
	    "ident_doiend: a closer not opened ends the DOI");
}

static void
text(void)
{
	const char *s, *t;
	size_t n;
	long c;

	s = " \t\xc2\xa0 a b\r\n\xc2\xa0";
	n = strlen(s);
	t = trim(s, &n);
	check(n == 3 && memcmp(t, "a b", 3) == 0,
	    "trim: ASCII white space and no-break spaces");
	n = 2;
	t = trim("  ", &n);
	check(n == 0, "trim: all white space");
	n = 4;
	check(trim_right(" ab\xc2", n) == 4 && trim_left(" ab\xc2", &n) &&
	    n == 3, "trim: half a no-break space stays");
	check(prefix_is("arXiv:1", 7, "arXiv:") == 6 &&
	    prefix_is("arXi", 4, "arXiv:") == 0 &&
	    prefix_is("arxiv:1", 7, "arXiv:") == 0, "prefix_is");
	check(prefix_ci("ARXIV:1", 7, "arXiv:") == 6 &&
	    prefix_ci("arxi", 4, "arxiv") == 0 &&
	    prefix_ci("arxiv", 5, "") == 0, "prefix_ci");
	n = 5;
	t = bom_skip("\xef\xbb\xbf" "ab", &n);
	check(n == 2 && t[0] == 'a', "bom_skip: a byte order mark");
	n = 2;
	t = bom_skip("\xef\xbb", &n);
	check(n == 2, "bom_skip: half a byte order mark stays");
	s = "a\xc3\xa9\xe4\xb8\xad\xff";
	c = utf8_next((const unsigned char *)s + 1,
	    (const unsigned char *)s + 7, &n);
	check(c == 0xe9 && n == 2, "utf8_next: two bytes");
	c = utf8_next((const unsigned char *)s + 3,
	    (const unsigned char *)s + 5, &n);
	check(c == -1 && n == 1, "utf8_next: cut short at the end");
	c = utf8_prev((const unsigned char *)s, (const unsigned char *)s + 6,
	    &n);
	check(c == 0x4e2d && n == 3, "utf8_prev: three bytes");
	c = utf8_prev((const unsigned char *)s, (const unsigned char *)s + 7,
	    &n);
	check(c == -1 && n == 1, "utf8_prev: a bad byte");
	c = utf8_prev((const unsigned char *)s + 2,
	    (const unsigned char *)s + 3, &n);
	check(c == -1 && n == 1, "utf8_prev: not below its bound");
}

void
unit_ident(void)
{
	table();
	parts();
	text();
}
