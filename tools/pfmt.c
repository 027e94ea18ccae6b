/* pfmt: records as a digest people read: Markdown, HTML, text or a mail */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "paperpipe.h"
#include "pfmt.h"

enum { MD, HTML, TEXT, MAIL };
enum { S_INPUT, S_UPVOTES, S_DATE, S_TITLE };

static const char *forms[] = { "md", "html", "text", "mail", NULL };
static const char *fieldnames[] = { "authors", "date", "tags", "links",
    "upvotes", "abstract", NULL };

static int form = TEXT;
static int qflag, rflag;
static int sortby = S_INPUT;
static const char *title = "Papers", *subject, *from;
static char **to;
static size_t nto;
static int color = -1;		/* -1: on a terminal without NO_COLOR */

struct popt popt = { F_AUTHORS | F_DATE | F_TAGS | F_LINKS | F_UPVOTES |
    F_ABSTRACT, 3, 72, 0, 0, 0, NULL, 0, -1 };

static struct paper *papers;
static size_t npapers, papercap;
static int status;

#define USAGE "usage: pfmt [-1hqrVx] [-a sentences] [-C when] [-F fields] " \
	"[-f form] [-g field] [-n authors] [-S subject] [-s field] " \
	"[-T title] [-t address] [-u address] [-w width] [file ...]\n"

static void
usage(void)
{
	fputs(USAGE, stderr);
	exit(EXIT_USAGE);
}

static void
help(void)
{
	printf(USAGE
	    "  -f, --format FORM     md, html, text (default) or mail\n"
	    "  -F, --fields LIST     show these, comma-separated: authors, date,"
	    " tags,\n"
	    "                        links, upvotes, abstract (default all)\n"
	    "  -a, --abstract N      the abstract's first N sentences (0: "
	    "none)\n"
	    "  -n, --authors N       the first N authors, then et al. (default "
	    "3, 0: all)\n"
	    "  -g, --group FIELD     a section per value of FIELD, such as "
	    "tags\n"
	    "  -1, --first           with -g, a paper under its first value "
	    "only\n"
	    "  -s, --sort FIELD      order by upvotes, date or title\n"
	    "  -r, --reverse         the other way round\n"
	    "  -T, --title TEXT      the digest's title (default Papers)\n"
	    "  -q, --no-header       no title, count and dates at the top\n"
	    "  -w, --width N         text: wrap at N columns (default 72)\n"
	    "  -C, --color WHEN      text: colour always, never or auto "
	    "(default)\n"
	    "  -x, --fragment        html: the body's content, no document\n"
	    "  -t, --to ADDRESS      mail: a recipient (repeatable)\n"
	    "  -u, --from ADDRESS    mail: the sender (default $EMAIL)\n"
	    "  -S, --subject TEXT    mail: the subject (default the title, "
	    "count, dates)\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n");
	exit(fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK : EXIT_TROUBLE);
}


/* The count and the first and last dates, for the header. */
static size_t ncount;
static long long lokey = -1, hikey = -1;
static struct buf lodate, hidate;

static void
note(const struct paper *p)
{
	ncount++;
	if (p->datekey < 0)
		return;
	if (lokey < 0 || p->datekey < lokey) {
		lokey = p->datekey;
		lodate.len = 0;
		buf_add(&lodate, SP(p->date), p->date.len);
	}
	if (hikey < 0 || p->datekey > hikey) {
		hikey = p->datekey;
		hidate.len = 0;
		buf_add(&hidate, SP(p->date), p->date.len);
	}
}

static void
addpaper(const struct rec *r)
{
	if (npapers == papercap) {
		papercap = papercap ? papercap * 2 : 256;
		papers = erealloc(papers, papercap * sizeof(*papers));
	}
	if (read_paper(r, &papers[npapers], 0, 0))
		note(&papers[npapers++]);
	else
		status = EXIT_TROUBLE;
}

static int
cmp(const void *a, const void *b)
{
	const struct paper *p = &papers[*(const size_t *)a];
	const struct paper *q = &papers[*(const size_t *)b];
	size_t n;
	int c = 0;

	switch (sortby) {
	case S_UPVOTES:
		if (p->hasupv != q->hasupv)
			return q->hasupv - p->hasupv;
		c = p->upv < q->upv ? 1 : p->upv > q->upv ? -1 : 0;
		break;
	case S_DATE:
		if ((p->datekey < 0) != (q->datekey < 0))
			return p->datekey < 0 ? 1 : -1;
		c = p->datekey < q->datekey ? 1 : p->datekey > q->datekey ?
		    -1 : 0;
		break;
	case S_TITLE:
		n = p->title.len < q->title.len ? p->title.len : q->title.len;
		if ((c = memcmp(SP(p->title), SP(q->title), n)) == 0)
			c = p->title.len < q->title.len ? -1 :
			    p->title.len > q->title.len;
		break;
	}
	if (rflag)
		c = -c;
	if (c != 0)
		return c;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* "12 papers, Sep 2 – Sep 4" */
static void
summary(struct buf *b)
{
	char nb[32];

	snprintf(nb, sizeof(nb), "%zu", ncount);
	buf_adds(b, nb);
	buf_adds(b, ncount == 1 ? " paper" : " papers");
	if (lokey < 0)
		return;
	buf_adds(b, ", ");
	buf_add(b, lodate.p, lodate.len);
	if (hikey != lokey) {
		buf_adds(b, " \xe2\x80\x93 ");
		buf_add(b, hidate.p, hidate.len);
	}
}

struct gent {
	struct sp	 name;
	size_t		 count, first;
};

static struct gent *gents;
static size_t ngents;

static int
gcmp(const void *a, const void *b)
{
	const struct gent *g = a, *h = b;

	if (g->count != h->count)
		return g->count < h->count ? 1 : -1;
	return g->first < h->first ? -1 : 1;
}

/* Sections in order of size, then of first appearance; "Other" last. */
static void
groups(const size_t *order)
{
	size_t i, j, k;
	struct paper *p;

	for (i = 0; i < npapers; i++) {
		p = &papers[order[i]];
		for (j = 0; j < p->ngroups; j++) {
			struct sp s = items[p->groups + j];

			for (k = 0; k < ngents && (gents[k].name.len != s.len ||
			    memcmp(SP(gents[k].name), SP(s), s.len) != 0); k++)
				;
			if (k == ngents) {
				gents = erealloc(gents, (ngents + 1) *
				    sizeof(*gents));
				gents[k].name = s;
				gents[k].count = 0;
				gents[k].first = i;
				ngents++;
			}
			gents[k].count++;
		}
	}
	qsort(gents, ngents, sizeof(*gents), gcmp);
}

static void
flush(struct buf *b, int stream)
{
	if (stream && b->len >= 65536) {
		out_write(&out_stdout, b->p, b->len);
		b->len = 0;
	}
}

static void
begin(const struct form *f, struct buf *b)
{
	struct buf sum = { 0 };

	summary(&sum);
	buf_addc(&sum, '\0');
	f->begin(b, title, qflag ? NULL : sum.p);
	buf_free(&sum);
}

static void
render(const struct form *f, struct buf *b, const size_t *order, int stream)
{
	struct paper *p;
	size_t g, i, j;
	int any;

	begin(f, b);
	if (!popt.grouped) {
		for (i = 0; i < npapers; i++) {
			f->paper(b, &papers[order[i]]);
			flush(b, stream);
		}
	}
	for (g = 0; popt.grouped && g <= ngents; g++) {
		any = 0;
		for (i = 0; i < npapers; i++) {
			p = &papers[order[i]];
			if (g < ngents) {
				for (j = 0; j < p->ngroups; j++)
					if (items[p->groups + j].len ==
					    gents[g].name.len &&
					    memcmp(SP(items[p->groups + j]),
					    SP(gents[g].name),
					    gents[g].name.len) == 0)
						break;
				if (j == p->ngroups)
					continue;
			} else if (p->ngroups > 0)
				continue;
			if (!any) {
				if (g < ngents)
					f->group(b, SP(gents[g].name),
					    gents[g].name.len);
				else
					f->group(b, "Other", 5);
				any = 1;
			}
			f->paper(b, p);
			flush(b, stream);
		}
	}
	f->end(b);
}

static void
writemail(const size_t *order)
{
	struct mailhdr h = { 0 };
	struct buf tb = { 0 }, hb = { 0 }, mb = { 0 }, sub = { 0 };
	const char *e;

	popt.color = 0;
	popt.fragment = 0;
	render(&form_text, &tb, order, 0);
	render(&form_html, &hb, order, 0);
	if (subject == NULL) {
		buf_adds(&sub, title);
		buf_adds(&sub, ": ");
		summary(&sub);
		buf_addc(&sub, '\0');
		subject = sub.p;
	}
	h.from = from;
	h.to = to;
	h.nto = nto;
	h.subject = subject;
	h.when = (long long)time(NULL);
	if ((e = getenv("SOURCE_DATE_EPOCH")) != NULL && *e != '\0')
		h.when = estrtonum(e, 0, 253402300799LL, "SOURCE_DATE_EPOCH");
	mail_write(&mb, &h, &tb, &hb);
	out_write(&out_stdout, mb.p, mb.len);
	buf_free(&tb);
	buf_free(&hb);
	buf_free(&mb);
	buf_free(&sub);
}

static int
lookup(const char **names, const char *s, const char *opt)
{
	struct buf b = { 0 };
	int i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	for (i = 0; names[i] != NULL; i++) {
		buf_adds(&b, i == 0 ? "" : names[i + 1] == NULL ? " or " :
		    ", ");
		buf_adds(&b, names[i]);
	}
	buf_addc(&b, '\0');
	die(EXIT_USAGE, "%s %s: not %s", opt, s, b.p);
}

static void
setfields(const char *s)
{
	char *l = estrdup(s), *w, *save = NULL;

	popt.fields = 0;
	for (w = strtok_r(l, ",", &save); w != NULL;
	    w = strtok_r(NULL, ",", &save))
		if (strcmp(w, "title") != 0)	/* always there */
			popt.fields |= 1 << lookup(fieldnames, w, "-F");
	free(l);
}

static const struct option longopts[] = {
	{ "first", no_argument, NULL, '1' },
	{ "color", required_argument, NULL, 'C' },
	{ "colour", required_argument, NULL, 'C' },
	{ "fields", required_argument, NULL, 'F' },
	{ "subject", required_argument, NULL, 'S' },
	{ "title", required_argument, NULL, 'T' },
	{ "version", no_argument, NULL, 'V' },
	{ "abstract", required_argument, NULL, 'a' },
	{ "format", required_argument, NULL, 'f' },
	{ "group", required_argument, NULL, 'g' },
	{ "help", no_argument, NULL, 'h' },
	{ "authors", required_argument, NULL, 'n' },
	{ "no-header", no_argument, NULL, 'q' },
	{ "reverse", no_argument, NULL, 'r' },
	{ "sort", required_argument, NULL, 's' },
	{ "to", required_argument, NULL, 't' },
	{ "from", required_argument, NULL, 'u' },
	{ "width", required_argument, NULL, 'w' },
	{ "fragment", no_argument, NULL, 'x' },
	{ NULL, 0, NULL, 0 }
};

/* All of the command line but the operands; returns optind. */
static int
options(int argc, char **argv)
{
	static const char *whens[] = { "never", "always", "auto", NULL };
	static const char *sorts[] = { "input", "upvotes", "date", "title",
	    NULL };
	int c;

	opterr = 0;	/* getopt would name the tool by its whole path */
	while ((c = getopt_long(argc, argv, ":1C:F:S:T:Va:f:g:hn:qrs:t:u:w:x",
	    longopts, NULL)) != -1) {
		switch (c) {
		case '1':
			popt.first = 1;
			break;
		case 'C':
			color = lookup(whens, optarg, "-C");
			if (color == 2)
				color = -1;
			break;
		case 'F':
			setfields(optarg);
			break;
		case 'S':
			subject = optarg;
			break;
		case 'T':
			title = optarg;
			break;
		case 'V':
			version();
			break;
		case 'a':
			popt.sentences = (long)estrtonum(optarg, 0, 1000000,
			    "-a");
			break;
		case 'f':
			form = lookup(forms, optarg, "-f");
			break;
		case 'g':
			popt.group = optarg;
			popt.grouped = 1;
			break;
		case 'h':
			help();
			break;
		case 'n':
			popt.nauthors = (size_t)estrtonum(optarg, 0, 1000000,
			    "-n");
			break;
		case 'q':
			qflag = 1;
			break;
		case 'r':
			rflag = 1;
			break;
		case 's':
			sortby = lookup(sorts, optarg, "-s");
			break;
		case 't':
			if (!mail_addr_ok(optarg))
				die(EXIT_USAGE, "-t: not an address on one "
				    "line");
			to = erealloc(to, (nto + 1) * sizeof(*to));
			to[nto++] = optarg;
			break;
		case 'u':
			if (!mail_addr_ok(optarg))
				die(EXIT_USAGE, "-u: not an address on one "
				    "line");
			from = optarg;
			break;
		case 'w':
			popt.width = (size_t)estrtonum(optarg, 20, 100000,
			    "-w");
			break;
		case 'x':
			popt.fragment = 1;
			break;
		case ':':
			if (optopt != 0)
				warnf("option -%c needs an argument", optopt);
			else
				warnf("option %s needs an argument",
				    argv[optind - 1]);
			usage();
			break;
		default:
			if (optopt != 0)
				warnf("unknown option -%c", optopt);
			else
				warnf("unknown option %s", argv[optind - 1]);
			usage();
		}
	}
	if (form == MAIL) {
		if (nto == 0)
			die(EXIT_USAGE, "-f mail needs -t address");
		if (from == NULL && (from = getenv("EMAIL")) != NULL &&
		    !mail_addr_ok(from))
			die(EXIT_USAGE, "EMAIL: not an address on one line");
		if (from == NULL)
			die(EXIT_USAGE, "-f mail needs -u address or EMAIL");
	}
	return optind;
}

int
main(int argc, char *argv[])
{
	static const struct form *writers[] = { &form_md, &form_html,
	    &form_text };
	struct rin in;
	struct rec *r;
	struct buf ob = { 0 };
	struct paper p;
	size_t i, *order;
	const char *nc;
	int n, two;

	setprogname(argv[0]);
	n = options(argc, argv);
	argc -= n;
	argv += n;
	if (color < 0)
		color = isatty(1) && ((nc = getenv("NO_COLOR")) == NULL ||
		    *nc == '\0');
	popt.color = color;
	read_init();
	/*
	 * Papers in their input order from files are written on a second
	 * reading, once the first has counted them for the header.
	 */
	two = form != MAIL && sortby == S_INPUT && !popt.grouped &&
	    twice_ok(argc, argv);
	rin_init(&in, argc, argv);
	while ((r = rin_next(&in)) != NULL) {
		if (!two) {
			addpaper(r);
			continue;
		}
		arena.len = 0;
		nitems = 0;
		if (read_paper(r, &p, 1, 0)) {
			note(&p);
			twice_note(&in, r);
		} else
			status = EXIT_TROUBLE;
	}
	if (rin_close(&in) != 0)
		status = EXIT_TROUBLE;
	if (two && ncount > 0) {
		begin(writers[form], &ob);
		twice_write(writers[form], &ob);
		writers[form]->end(&ob);
		out_write(&out_stdout, ob.p, ob.len);
	} else if (npapers > 0) {
		order = emalloc(npapers * sizeof(*order));
		for (i = 0; i < npapers; i++)
			order[i] = i;
		if (sortby != S_INPUT)
			qsort(order, npapers, sizeof(*order), cmp);
		if (popt.grouped)
			groups(order);
		if (form == MAIL)
			writemail(order);
		else {
			render(writers[form], &ob, order, 1);
			out_write(&out_stdout, ob.p, ob.len);
		}
		free(order);
	}
	buf_free(&ob);
	out_close(&out_stdout);
	return status;
}
