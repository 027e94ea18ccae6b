/* plinks: add the links found in each record's text, classified by kind */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"
#include "plinks.h"

static const char *deffields[] = { "title", "abstract", "comments" };

static const char **fields = deffields;
static size_t nfields = sizeof(deffields) / sizeof(deffields[0]);
static size_t *flen;		/* their lengths */
static int eflag;		/* --each: a record per link */
static int tflag;		/* --text: plain text in */
static enum { O_URL, O_TEXT, O_JSONL } oformat = O_URL;

static struct links links;
static struct buf text, obuf;

static void
usage(void)
{
	fprintf(stderr, "usage: %s [-cet] [-F field] [-k kind] [-o format] "
	    "[file ...]\n", argv0);
	exit(EXIT_USAGE);
}

static void
help(void)
{
	printf("usage: %s [-cet] [-F field] [-k kind] [-o format] [file ...]\n"
	    "  -F, --field field   scan this string field (repeatable; "
	    "default title, abstract, comments)\n"
	    "  -k, --kind kind     keep only links of this kind (repeatable): "
	    "code project\n"
	    "                      model dataset space paper doi web\n"
	    "  -e, --each          write one record per link, with the "
	    "record's title and arxiv_id\n"
	    "  -c, --canonical     URLs in a form for comparison: lower-case "
	    "host, no www.,\n"
	    "                      no trailing / or .git, arXiv version in "
	    "\"version\"\n"
	    "  -t, --text          read plain text, not records; print one "
	    "link per line\n"
	    "  -o, --output format with --text: url (default), text or jsonl\n"
	    "      --help          print this help and exit\n"
	    "      --version       print the version and exit\n", argv0);
	exit(EXIT_OK);
}

static int
wanted(const struct member *m)
{
	size_t i;

	for (i = 0; i < nfields; i++)
		if ((m->key.n == flen[i] || m->kesc) &&
		    json_key_eq(m, fields[i], flen[i]))
			return 1;
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
	size_t i;

	links_reset(&links);
	for (i = 0; i < r->ix.n; i++) {
		m = &r->ix.m[i];
		if (m->val.p[0] != '"' || !wanted(m))
			continue;
		/* most strings have no escapes: scan them where they are */
		if (memchr(m->val.p + 1, '\\', m->val.n - 2) == NULL) {
			links_scan(&links, m->val.p + 1, m->val.n - 2);
			continue;
		}
		text.len = 0;
		json_str_decode(&text, m->val.p + 1, m->val.n - 2);
		links_scan(&links, text.p, text.len);
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
	static const struct option longopts[] = {
		{ "canonical",	no_argument,		NULL, 'c' },
		{ "each",	no_argument,		NULL, 'e' },
		{ "field",	required_argument,	NULL, 'F' },
		{ "kind",	required_argument,	NULL, 'k' },
		{ "output",	required_argument,	NULL, 'o' },
		{ "text",	no_argument,		NULL, 't' },
		{ "help",	no_argument,		NULL, 'H' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL,		0,			NULL, 0 }
	};
	const char *oarg = NULL;
	struct rin in;
	struct rec *r;
	int ch, k, status, nf = 0;

	setprogname(argv[0]);
	argv[0] = (char *)argv0;	/* getopt's messages say "plinks:" */
	while ((ch = getopt_long(argc, argv, "F:cek:o:t", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'F':
			if (nf == 0)
				fields = emalloc(argc * sizeof(*fields));
			fields[nf++] = optarg;
			nfields = nf;
			break;
		case 'H':
			help();
			break;
		case 'V':
			version();
			break;
		case 'c':
			links.canonical = 1;
			break;
		case 'e':
			eflag = 1;
			break;
		case 'k':
			if ((k = links_kindbyname(optarg)) < 0) {
				warnf("unknown kind: %s", optarg);
				usage();
			}
			links.kinds |= 1U << k;
			break;
		case 'o':
			oarg = optarg;
			if (strcmp(optarg, "url") == 0)
				oformat = O_URL;
			else if (strcmp(optarg, "text") == 0)
				oformat = O_TEXT;
			else if (strcmp(optarg, "jsonl") == 0)
				oformat = O_JSONL;
			else {
				warnf("unknown output format: %s", optarg);
				usage();
			}
			break;
		case 't':
			tflag = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (oarg != NULL && !tflag) {
		warnf("-o needs --text");
		usage();
	}
	if (eflag && tflag) {
		warnf("--each reads records, not --text");
		usage();
	}
	flen = emalloc(nfields * sizeof(*flen));
	for (k = 0; k < (int)nfields; k++)
		flen[k] = strlen(fields[k]);
	links_init();
	if (tflag) {
		links.repeats = 1;
		status = dotext(argc, argv);
	} else {
		rin_init(&in, argc, argv);
		while ((r = rin_next(&in)) != NULL)
			dorecord(r);
		status = rin_close(&in);
	}
	if (out_close(&out_stdout))
		status = EXIT_TROUBLE;
	return status;
}
