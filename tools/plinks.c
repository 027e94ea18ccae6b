/* plinks: add the links found in each record's text, classified by kind */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"
#include "plinks.h"

static const char *deffields[] = { "title", "abstract", "comments" };

static const char **fields = deffields;
static size_t nfields = sizeof(deffields) / sizeof(deffields[0]);
static struct fpath *fpaths;	/* the fields as paths */
static int fgiven;		/* -F given: warn of fields no record had */
static int eflag;		/* --each: a record per link */
static int tflag;		/* --text: plain text in */
static enum { O_URL, O_TEXT, O_JSONL } oformat = O_URL;

static struct links links;
static struct buf text, obuf;

static const char *kinds[NKIND + 1];	/* filled from plinks-kind */
static const char *oformats[] = { "url", "text", "jsonl", NULL };

static const struct opt opts[] = {
	{ 'F', "field", OPT_REQ, "field", "scan this string field "
	    "(repeatable; default title, abstract, comments)", NULL },
	{ 'k', "kind", OPT_REQ, "kind",
	    "keep only links of these kinds (repeatable, or commas)", kinds },
	{ 'e', "each", OPT_NONE, NULL,
	    "write one record per link, with the record's title and arxiv_id",
	    NULL },
	{ 'c', "canonical", OPT_NONE, NULL, "URLs in a form for comparison: "
	    "lower-case host, no www., no trailing / or .git, arXiv version "
	    "in \"version\"", NULL },
	{ 't', "text", OPT_NONE, NULL,
	    "read plain text, not records; print one link per line", NULL },
	{ 'o', "output", OPT_REQ, "format", "with --text: url (default), text "
	    "or jsonl", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};
static const struct tool tool = { "plinks", opts, NULL, NULL };

/* A string found at a -F path: its links. */
static int
scanstr(void *arg, const char *p, size_t n)
{
	if (*p != '"')
		return 0;
	/* most strings have no escapes: scan them where they are */
	if (memchr(p + 1, '\\', n - 2) == NULL) {
		links_scan(&links, p + 1, n - 2);
		return 0;
	}
	text.len = 0;
	json_str_decode(&text, p + 1, n - 2);
	links_scan(&links, text.p, text.len);
	return 0;
}

static void
addraw(struct buf *b, const struct rec *r, const char *key)
{
	const struct member *m = rec_get(r, key);
	size_t i;

	if (m == NULL)
		return;
	buf_addc(b, ',');
	json_add_str(b, key, strlen(key));
	buf_addc(b, ':');
	for (i = 0; i < m->val.n; i++)	/* CR: white space, never output */
		if (m->val.p[i] != '\r')
			buf_addc(b, m->val.p[i]);
}

/* Find the links of one record and write it, or its links with -e. */
static void
dorecord(const struct rec *r)
{
	const struct member *m;
	struct field f;
	size_t i, j;

	links_reset(&links);
	/* in the record's order; a link found twice is kept once */
	for (i = 0; i < r->ix.n; i++) {
		m = &r->ix.m[i];
		for (j = 0; j < nfields; j++)
			if (path_member(&fpaths[j], m) && path_walk(&fpaths[j],
			    1, m->val.p, m->val.n, scanstr, NULL) > 0)
				fpaths[j].seen++;
	}
	obuf.len = 0;
	if (eflag) {
		for (i = 0; i < links.n; i++) {
			links_json(&obuf, &links, &links.v[i]);
			obuf.len--;	/* reopen the object */
			addraw(&obuf, r, "title");
			addraw(&obuf, r, "arxiv_id");
			buf_adds(&obuf, "}\n");
		}
		if (obuf.len > 0)
			out_write(&out_stdout, obuf.p, obuf.len);
		return;
	}
	buf_addc(&obuf, '[');
	for (i = 0; i < links.n; i++) {
		if (i > 0)
			buf_addc(&obuf, ',');
		links_json(&obuf, &links, &links.v[i]);
	}
	buf_addc(&obuf, ']');
	f.key = "links";
	f.val = obuf.p;
	f.vlen = obuf.len;
	rec_write(&out_stdout, r, &f, 1);
}

/* Plain text: every link of every line, repeats included, like grep -o. */
static void
doline(const char *s, size_t n)
{
	struct link *l;
	size_t i;

	if (utf8_valid(s, n) != n) {
		text.len = 0;
		utf8_repair(&text, s, n);
		s = text.p;
		n = text.len;
	}
	links_reset(&links);
	links_scan(&links, s, n);
	obuf.len = 0;
	for (i = 0; i < links.n; i++) {
		l = &links.v[i];
		if (oformat == O_JSONL)
			links_json(&obuf, &links, l);
		else if (oformat == O_TEXT)
			buf_add(&obuf, links.b.p + l->text, l->tlen);
		else
			buf_add(&obuf, links.b.p + l->url, l->ulen);
		buf_addc(&obuf, '\n');
	}
	if (obuf.len > 0)
		out_write(&out_stdout, obuf.p, obuf.len);
}

static int
dotext(int argc, char **argv)
{
	static char *stdinonly[] = { "-", NULL };
	struct lines l;
	long long n;
	char *line;
	int i, status = EXIT_OK;

	if (argc == 0) {
		argc = 1;
		argv = stdinonly;
	}
	for (i = 0; i < argc; i++) {
		if (lines_open(&l, argv[i]) == -1) {
			status = EXIT_TROUBLE;
			continue;
		}
		while ((n = lines_next(&l, &line)) >= 0)
			doline(line, (size_t)n);
		if (lines_close(&l))
			status = EXIT_TROUBLE;
	}
	return status;
}

int
main(int argc, char **argv)
{
	const char *oarg = NULL, *why;
	unsigned long long nrec = 0;
	struct rin in;
	struct rec *r;
	int ch, k, status, nf = 0;

	for (k = 0; k < NKIND; k++)
		kinds[k] = links_kindname(k);
	while ((ch = tool_getopt(&tool, argc, argv)) != -1) {
		switch (ch) {
		case 'F':
			if (nf == 0)
				fields = emalloc(argc * sizeof(*fields));
			fields[nf++] = optarg;
			nfields = nf;
			break;
		case 'c':
			links.canonical = 1;
			break;
		case 'e':
			eflag = 1;
			break;
		case 'k':
			links.kinds |= tool_choices(ch, optarg, "kind", kinds);
			break;
		case 'o':
			oarg = optarg;
			oformat = tool_choice(ch, optarg, "format", oformats);
			break;
		case 't':
			tflag = 1;
			break;
		}
	}
	argc -= optind;
	argv += optind;
	if (oarg != NULL && !tflag)
		tool_usage("-o needs --text");
	if (eflag && tflag)
		tool_usage("--each reads records, not --text");
	fgiven = fields != deffields;
	fpaths = ecalloc(nfields, sizeof(*fpaths));
	for (k = 0; k < (int)nfields; k++)
		if ((why = path_parse(&fpaths[k], fields[k], PATH_ONE)) !=
		    NULL)
			tool_usage("-F %s: %s", fields[k], why);
	links_init();
	if (tflag) {
		links.repeats = 1;
		status = dotext(argc, argv);
	} else {
		rin_init(&in, argc, argv);
		while ((r = rin_next(&in)) != NULL) {
			dorecord(r);
			nrec++;
		}
		status = rin_close(&in);
	}
	if (out_close(&out_stdout))
		status = EXIT_TROUBLE;
	if (fgiven && nrec > 0)
		path_unseen(fpaths, nfields);
	return status;
}
