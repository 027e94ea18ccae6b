/* pdedupe: drop records seen before, in this stream or in a state file */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xxhash.h>

#include "paperpipe.h"
#include "pdedupe.h"

/* Documented in pdedupe.1, where the choice is explained. */
#define NEAR_DEFAULT	0.7

static int lflag, rawflag, nearflag, nflag, deferflag, commitflag, sflag;
static int pflag;
static long long expire = -1;
static double neart = NEAR_DEFAULT;
static struct fpath *kpath;		/* the -k paths */
static size_t nkpath;
static const char *statepath, *dupspath;
static char **kname;			/* the -k paths as given */

static struct table tab;
static struct state st;
static struct out dups;
static struct buf nb, ib;		/* near text, id */
static unsigned today;
static unsigned long long nin, npass, ndup, nnear, nnew, nrefused;
static unsigned long long nout, ncommit;	/* owed: handed out, committed */
static struct keys ks;			/* a record's keys */

static const struct opt opts[] = {
	{ 'k', "key", OPT_REQ, "path",
	    "key on this field (repeatable; a.b.0 goes into objects, arrays)",
	    NULL },
	{ 'l', "line", OPT_NONE, NULL, "key on the whole line", NULL },
	{ 'r', "raw", OPT_NONE, NULL,
	    "compare -k values byte for byte, not normalised", NULL },
	{ 'N', "near", OPT_OPT, "T",
	    "also drop records whose title and abstract are T similar (0.7)",
	    NULL },
	{ 's', "state", OPT_REQ, "file", "remember keys across runs in FILE",
	    NULL },
	{ 'd', "defer", OPT_NONE, NULL, "write the records owed first; new "
	    "ones stay owed until --commit", NULL },
	{ 'c', "commit", OPT_NONE, NULL, "mark the owed records in the files "
	    "(all: none given) delivered", NULL },
	{ 'p', "pending", OPT_NONE, NULL,
	    "write the records owed, and change nothing", NULL },
	{ 'e', "expire", OPT_REQ, "days", "forget keys not seen for DAYS days",
	    NULL },
	{ 'n', "dry-run", OPT_NONE, NULL, "leave the state file as it is",
	    NULL },
	{ 'S', "stats", OPT_NONE, NULL,
	    "print records in, passed and dropped on stderr", NULL },
	{ 'D', "dups", OPT_REQ, "file", "write the dropped records to FILE",
	    NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};
/* -d, -c, -p and -e need -s, which the table cannot say. */
static const struct tool tool = { "pdedupe", opts, NULL,
    "[-lnrS] [-k path] [-N[T]] [-s file [-d | -c | -p] [-e days]] "
    "[-D file] [file ...]" };

static void
touch(struct fp *s)			/* met today, by this run */
{
	s->hi = (s->hi & ~(FP_DAY | FP_PENDING)) | today | FP_RUN;
}

static uint64_t
h64(const struct buf *b, size_t from)
{
	return b->len > from ? XXH3_64bits(b->p + from, b->len - from) : 0;
}

/* Is this record a near-duplicate of one passed earlier? */
static int
isnear(const struct rec *r)
{
	struct span t;
	uint64_t aid, did;
	int refused = 0, dup;

	ib.len = 0;
	aid = arxivof(r, &ib) ? h64(&ib, 0) : 0;
	ib.len = 0;
	did = doiof(r, &ib) ? h64(&ib, 0) : 0;
	nb.len = 0;
	if (strfield(r, "title", &t))
		norm_add(&nb, t.p, t.n);
	if (strfield(r, "abstract", &t))
		norm_add(&nb, t.p, t.n);
	dup = near_check(nb.p, nb.len, aid, did, &refused);
	if (refused)
		nrefused++;
	return dup;
}

/*
 * Meet the record's keys: 1 when one of them was seen before (this run,
 * or committed by an earlier one).  Every key is remembered, so a paper
 * met under one identity is known by all of those it came with.  Titles
 * stand in for missing ids only: a title key notes whether records with
 * ids (FP_TID) or without (FP_TONLY) had it, and two records with ids are
 * told apart by their ids alone; a title-only copy that is dropped adds
 * nothing, lest its title stand for papers with other ids.  A key of an
 * old state that was pending (format 1) lets the record through again.
 */
static int
meet(void)
{
	struct fp *s;
	size_t i;
	int isnew, seen = 0;

	for (i = 0; i < ks.nid; i++) {
		s = tab_get(&tab, ks.f[i], &isnew);
		if (isnew)
			nnew++;
		else
			seen |= fp_known(s);
		touch(s);
	}
	if (!ks.title)
		return seen;
	if (ks.nid > 0) {
		s = tab_get(&tab, ks.f[ks.nid], &isnew);
		if (isnew)
			nnew++;
		else if (s->hi & FP_TONLY)
			seen |= fp_known(s);
		s->hi |= FP_TID;
	} else if ((s = tab_find(&tab, ks.f[ks.nid])) != NULL) {
		seen = fp_known(s);
		if (!seen)
			s->hi |= FP_TONLY;
	} else {
		s = tab_get(&tab, ks.f[ks.nid], &isnew);
		s->hi |= FP_TONLY;
		nnew++;
	}
	touch(s);
	return seen;
}

/*
 * Keep r as owed, as it is written: without carriage returns, which in a
 * valid record can only be white space (in a string one is escaped).
 */
static void
owe(const struct rec *r)
{
	static struct buf b;
	const char *p, *e = r->line + r->len, *cr;

	if (memchr(r->line, '\r', r->len) == NULL) {
		state_owe(&st, r->line, r->len, ks.f, ks.n);
		return;
	}
	b.len = 0;
	for (p = r->line; (cr = memchr(p, '\r', e - p)) != NULL; p = cr + 1)
		buf_add(&b, p, cr - p);
	buf_add(&b, p, e - p);
	state_owe(&st, b.p, b.len, ks.f, ks.n);
}

static void
dorecord(const struct rec *r)
{
	int drop = 0;

	nin++;
	mkkeys(r, &tab, &ks);
	if (meet())
		drop = 1;
	if (!drop && nearflag && isnear(r))
		drop = 2;
	if (drop) {
		if (drop == 1)
			ndup++;
		else
			nnear++;
		if (dupspath != NULL) {
			rec_write(&dups, r, NULL, 0);
		}
		return;
	}
	npass++;
	if (deferflag)
		owe(r);
	rec_write(&out_stdout, r, NULL, 0);
}

/* A record kept in the state, for --near and --commit. */
static int
owedrec(const struct owed *o, struct rec *r)
{
	struct jerr err;

	r->line = st.lines.p + o->off;
	r->len = o->len;
	r->file = st.path;
	r->lineno = 0;
	return json_scan(r->line, r->len, &r->ix, &err) == 0 && r->ix.isobj;
}

/*
 * --defer and --pending: write the records owed, in the order they were
 * first handed out.  --defer also makes their keys known to this run.
 */
static void
handout(void)
{
	struct rec r = { 0 };
	struct fp *s;
	size_t i, j;
	int isnew;

	for (i = 0; i < st.nowed; i++) {
		const struct owed *o = &st.owed[i];

		if (deferflag) {
			for (j = 0; j < o->nfp; j++) {
				s = tab_get(&tab, st.fps[o->fpoff + j], &isnew);
				touch(s);
			}
			if (nearflag && owedrec(o, &r))
				isnear(&r);
		}
		out_write(&out_stdout, st.lines.p + o->off, o->len);
		out_putc(&out_stdout, '\n');
		nout++;
	}
	free(r.ix.m);
}

/*
 * --commit: the owed records that share a key with a record of the files
 * (the output of a --defer run) are delivered; with no file, all are.  A
 * pending key of an old state is made seen the same way.
 */
static int
commit(int argc, char *argv[])
{
	struct table ct;
	struct rin in;
	struct rec *r;
	struct fp *f;
	size_t si, i, j;
	int status = EXIT_OK, all = argc == 0, isnew;

	if (!all) {
		tab_init(&ct);
		rin_init(&in, argc, argv);
		while ((r = rin_next(&in)) != NULL) {
			mkkeys(r, &tab, &ks);
			for (i = 0; i < ks.n; i++)
				tab_get(&ct, ks.f[i], &isnew);
		}
		status = rin_close(&in);
	}
	for (si = 0; si < TAB_NSEG; si++)
		for (i = 0; i < tab.seg[si].cap; i++) {
			f = &tab.seg[si].slot[i];
			if (!fp_empty(f) && (f->hi & FP_PENDING) &&
			    (all || tab_find(&ct, *f))) {
				f->hi = (f->hi & ~(FP_PENDING | FP_DAY)) | today;
				ncommit++;
			}
		}
	for (i = 0; i < st.nowed; i++) {
		struct owed *o = &st.owed[i];

		for (j = 0; j < o->nfp && !o->done; j++)
			if (all || tab_find(&ct, st.fps[o->fpoff + j]))
				o->done = 1;
		ncommit += o->done;
	}
	if (!all)
		tab_free(&ct);
	return status;
}

/* Today as a day number; SOURCE_DATE_EPOCH, when set, says when now is. */
static unsigned
getday(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	long long t;

	t = s != NULL && *s != '\0' ?
	    estrtonum(s, 0, 65535LL * 86400, "SOURCE_DATE_EPOCH") :
	    (long long)time(NULL);
	if (t < 0 || t / 86400 > 65535)
		die(EXIT_TROUBLE, "the date is out of range");
	return (unsigned)(t / 86400);
}

/* What the keys are made of, as written in the state file's header. */
static char *
keydesc(void)
{
	struct buf b = { 0 };
	size_t i;

	if (lflag)
		buf_adds(&b, "--line");
	else if (nkpath == 0)
		buf_adds(&b, "default");
	for (i = 0; i < nkpath; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, "-k ");
		buf_adds(&b, kname[i]);
	}
	if (rawflag && nkpath > 0)
		buf_adds(&b, " --raw");
	buf_addc(&b, '\0');
	return b.p;
}

static double
nearvalue(const char *s)
{
	char *end;
	double t;

	t = strtod(s, &end);
	if (end == s || *end != '\0' || !(t > 0 && t <= 1))
		tool_usage("--near: %s: not a similarity between 0 and 1", s);
	return t;
}

static size_t
nowed(void)
{
	size_t i, n = 0;

	for (i = 0; i < st.nowed; i++)
		n += !st.owed[i].done;
	return n;
}

static void
stats(int saved, unsigned long long kept, unsigned long long gone)
{
	if (commitflag)
		fprintf(stderr, nflag ? "%s: dry run: %llu owed records or "
		    "pending keys would be committed, none was\n" : !saved ?
		    "%s: %llu owed records or pending keys not committed\n" :
		    "%s: %llu owed records or pending keys committed\n", argv0,
		    ncommit);
	else if (pflag)
		fprintf(stderr, "%s: %llu records owed\n", argv0, nout);
	else {
		fprintf(stderr, "%s: %llu in, %llu passed, %llu dropped "
		    "(%llu seen, %llu near)", argv0, nin, npass, ndup + nnear,
		    ndup, nnear);
		if (nearflag)
			fprintf(stderr, ", %llu near but ids differ", nrefused);
		if (statepath != NULL)
			fprintf(stderr, "; state %s: %llu keys before, %llu new",
			    statepath, st.nloaded, nnew);
		if (deferflag)
			fprintf(stderr, "; %llu owed written first", nout);
		fputc('\n', stderr);
	}
	if (statepath == NULL || nflag || pflag)
		return;
	if (saved)
		fprintf(stderr, "%s: state %s: %llu keys written, %llu expired, "
		    "%zu records owed\n", argv0, statepath, kept, gone, nowed());
	else
		fprintf(stderr, "%s: state %s: not written, left as it was\n",
		    argv0, statepath);
}

int
main(int argc, char *argv[])
{
	struct rin in;
	struct rec *r;
	unsigned long long kept = 0, gone = 0;
	int c, fd, status, saved = 1;

	stdfds();
	kpath = ecalloc(argc, sizeof(*kpath));
	kname = ecalloc(argc, sizeof(*kname));
	while ((c = tool_getopt(&tool, argc, argv)) != -1) {
		switch (c) {
		case 'c':
			commitflag = 1;
			break;
		case 'd':
			deferflag = 1;
			break;
		case 'D':
			dupspath = optarg;
			break;
		case 'e':
			expire = tool_num(c, optarg, 0, 65535);
			break;
		case 'k':
			if (strchr(optarg, '\n') != NULL ||
			    path_parse(&kpath[nkpath], optarg, PATH_ONE) != NULL)
				tool_usage("-k: %s: not a field path", optarg);
			kname[nkpath++] = optarg;
			break;
		case 'l':
			lflag = 1;
			break;
		case 'n':
			nflag = 1;
			break;
		case 'N':
			nearflag = 1;
			if (optarg != NULL)
				neart = nearvalue(optarg);
			break;
		case 'p':
			pflag = 1;
			break;
		case 'r':
			rawflag = 1;
			break;
		case 's':
			statepath = optarg;
			break;
		case 'S':
			sflag = 1;
			break;
		}
	}
	argc -= optind;
	argv += optind;
	if (lflag && nkpath > 0)
		tool_usage("--line and -k exclude each other");
	if (rawflag && nkpath == 0)
		tool_usage("--raw needs -k");
	if (statepath == NULL && (deferflag || commitflag || pflag || nflag ||
	    expire >= 0))
		tool_usage("--defer, --commit, --pending, --expire and "
		    "--dry-run need --state");
	if (deferflag + commitflag + pflag > 1)
		tool_usage("--defer, --commit and --pending exclude each other");
	if (pflag && argc > 0)
		tool_usage("--pending reads no records");

	key_init(lflag, rawflag, kpath, nkpath);
	today = getday();
	tab_init(&tab);
	if (nearflag)
		near_init(neart);
	if (statepath != NULL)
		state_open(&st, statepath, keydesc(), nflag || pflag, &tab);
	if (dupspath != NULL) {
		if ((fd = open(dupspath, O_WRONLY | O_CREAT | O_TRUNC,
		    0666)) == -1)
			die(EXIT_TROUBLE, "%s:", dupspath);
		out_open(&dups, fd, dupspath);
	}

	status = EXIT_OK;
	if (commitflag)
		status = commit(argc, argv);
	else {
		if (deferflag || pflag)
			handout();
		if (!pflag) {
			rin_init(&in, argc, argv);
			while ((r = rin_next(&in)) != NULL)
				dorecord(r);
			status = rin_close(&in);
		}
	}
	/* A failed write has exited by now, and left the state as it was. */
	out_close(&out_stdout);
	if (dupspath != NULL)
		out_close(&dups);
	if (statepath != NULL && !pflag && state_save(&st, &tab, today, expire,
	    &kept, &gone) == -1) {
		status = EXIT_TROUBLE;
		saved = 0;
	}
	if (sflag)
		stats(saved, kept, gone);
	return status;
}
