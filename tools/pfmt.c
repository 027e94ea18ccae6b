/* pfmt: records as a digest people read: Markdown, HTML, text or a mail */
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

static struct paper *papers;
static size_t npapers, papercap;
static int status;

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
	read_fields(r, 0);
	if (read_paper(r, &papers[npapers], 0))
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

static void
setfields(const char *s)
{
	char *l = estrdup(s), *w, *save = NULL;

	popt.fields = 0;
	for (w = strtok_r(l, ",", &save); w != NULL;
	    w = strtok_r(NULL, ",", &save))
		if (strcmp(w, "title") != 0)	/* always there */
			popt.fields |= 1 << tool_choice('F', w, "field", fieldnames);
	free(l);
}

static const char *whens[] = { "never", "always", "auto", NULL };
static const char *sorts[] = { "input", "upvotes", "date", "title", NULL };

static const struct opt opts[] = {
	{ 'f', "format", OPT_REQ, "form", "the output form (default text)",
	    forms },
	{ 'F', "fields", OPT_REQ, "fields", "show these, comma-separated "
	    "(default all)", fieldnames },
	{ 'a', "abstract", OPT_REQ, "sentences",
	    "the abstract's first SENTENCES sentences (0: none)", NULL },
	{ 'n', "authors", OPT_REQ, "authors",
	    "the first AUTHORS authors, then et al. (default 3, 0: all)", NULL },
	{ 'g', "group", OPT_REQ, "field",
	    "a section per value of FIELD, such as tags", NULL },
	{ '1', "first", OPT_NONE, NULL,
	    "with -g, a paper under its first value only", NULL },
	{ 's', "sort", OPT_REQ, "field", "order by this field", sorts },
	{ 'r', "reverse", OPT_NONE, NULL, "the other way round", NULL },
	{ 'T', "title", OPT_REQ, "title", "the digest's title (default Papers)",
	    NULL },
	{ 'q', "no-header", OPT_NONE, NULL,
	    "no title, count and dates at the top", NULL },
	{ 'w', "width", OPT_REQ, "width",
	    "text: wrap at WIDTH columns (default 72)", NULL },
	{ 'C', "color", OPT_REQ, "when", "text: colour (default auto)", whens },
	{ 'x', "fragment", OPT_NONE, NULL,
	    "html: the body's content, no document", NULL },
	{ 't', "to", OPT_REQ, "address", "mail: a recipient (repeatable)",
	    NULL },
	{ 'u', "from", OPT_REQ, "address", "mail: the sender (default $EMAIL)",
	    NULL },
	{ 'S', "subject", OPT_REQ, "subject",
	    "mail: the subject (default the title, count, dates)", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};
static const struct tool tool = { "pfmt", opts, NULL, NULL };

/* All of the command line but the operands; returns optind. */
static int
options(int argc, char **argv)
{
	int c;

	while ((c = tool_getopt(&tool, argc, argv)) != -1) {
		switch (c) {
		case '1':
			popt.first = 1;
			break;
		case 'C':
			color = tool_choice(c, optarg, "colour setting", whens);
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
		case 'a':
			popt.sentences = (long)tool_num(c, optarg, 0, 1000000);
			break;
		case 'f':
			form = tool_choice(c, optarg, "form", forms);
			break;
		case 'g':
			popt.group = optarg;
			popt.grouped = 1;
			break;
		case 'n':
			popt.nauthors = (size_t)tool_num(c, optarg, 0, 1000000);
			break;
		case 'q':
			qflag = 1;
			break;
		case 'r':
			rflag = 1;
			break;
		case 's':
			sortby = tool_choice(c, optarg, "field", sorts);
			break;
		case 't':
			if (!mail_addr_ok(optarg))
				tool_usage("-t: not an address on one line");
			to = erealloc(to, (nto + 1) * sizeof(*to));
			to[nto++] = optarg;
			break;
		case 'u':
			if (!mail_addr_ok(optarg))
				tool_usage("-u: not an address on one line");
			from = optarg;
			break;
		case 'w':
			popt.width = (size_t)tool_num(c, optarg, 20, 100000);
			break;
		case 'x':
			popt.fragment = 1;
			break;
		}
	}
	if (form == MAIL) {
		if (nto == 0)
			tool_usage("-f mail needs -t address");
		if (from == NULL && (from = getenv("EMAIL")) != NULL &&
		    !mail_addr_ok(from))
			die(EXIT_USAGE, "EMAIL: not an address on one line");
		if (from == NULL)
			tool_usage("-f mail needs -u address or EMAIL");
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

	n = options(argc, argv);
	argc -= n;
	argv += n;
	if (color < 0)
		color = isatty(1) && ((nc = getenv("NO_COLOR")) == NULL ||
		    *nc == '\0');
	popt.color = color;
	popt.mdabstract = form == MD;
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
		read_fields(r, !twice_marking(&in));
		if (read_paper(r, &p, RP_HEAD)) {
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
