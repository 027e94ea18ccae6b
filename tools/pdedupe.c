/* pdedupe: drop records seen before, in this stream or in a state file */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <utf8proc.h>
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
static struct buf kb, nb, db, ib;	/* key, near text, decoded value, id */
static utf8proc_int32_t *ubuf;
static utf8proc_ssize_t ucap;
static unsigned char fold[256];		/* ASCII: the byte a key keeps, or 0 */
static unsigned today;
static unsigned long long nin, npass, ndup, nnear, nnew, nrefused;
static unsigned long long nout, ncommit;	/* owed: handed out, committed */
static struct fp kf[4];			/* a record's keys */
static size_t nk, nid;			/* keys; those before the title */
static int ktitle;			/* kf[nid] is the title's */

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

/*
 * Keys compare what a reader would call the same words: NFKC and case
 * folding, accents and invisible characters (soft hyphen, zero-width
 * space) stripped, and every run of characters that are neither
 * letters nor digits (punctuation, symbols, spaces) as one space.  ASCII,
 * nearly every title, skips libutf8proc.
 */
static void
norm_add(struct buf *b, const char *s, size_t n)
{
	const utf8proc_option_t opt = UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
	    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE;
	utf8proc_ssize_t un, i;
	utf8proc_category_t cat;
	size_t j, start = b->len;
	char *o;
	int space = b->len > 0, c;

	/*
	 * ASCII, written straight into b: at most a space and n bytes, and
	 * one byte more written ahead.  Without branches on the words, as
	 * every title goes through here.
	 */
	if (b->cap - b->len < n + 2)
		buf_grow(b, n + 2);
	o = b->p + b->len;
	for (j = 0; j < n; j++) {
		if ((unsigned char)s[j] >= 0x80)
			break;
		c = fold[(unsigned char)s[j]];
		*o = ' ';
		o += (c != 0) & space & (o > b->p);
		*o = (char)c;
		o += c != 0;
		space = c == 0;
	}
	if (j == n) {
		b->len = o - b->p;
		return;
	}
	b->len = start;
	space = b->len > 0;
	for (;;) {
		un = utf8proc_decompose((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)n, ubuf, ucap, opt);
		if (un < 0) {		/* not UTF-8: cannot come from JSON */
			buf_add(b, s, n);
			return;
		}
		if (un <= ucap)
			break;
		ucap = un + un / 2;
		ubuf = erealloc(ubuf, (size_t)ucap * sizeof(*ubuf));
	}
	un = utf8proc_normalize_utf32(ubuf, un, opt);
	for (i = 0; i < un; i++) {
		cat = utf8proc_category(ubuf[i]);
		if (!((cat >= UTF8PROC_CATEGORY_LU &&
		    cat <= UTF8PROC_CATEGORY_ME) ||
		    (cat >= UTF8PROC_CATEGORY_ND &&
		    cat <= UTF8PROC_CATEGORY_NO))) {
			space = 1;
			continue;
		}
		if (space && b->len > 0)
			buf_addc(b, ' ');
		space = 0;
		if (b->cap - b->len < 4)
			buf_grow(b, 4);
		b->len += utf8proc_encode_char(ubuf[i],
		    (utf8proc_uint8_t *)b->p + b->len);
	}
}

/* The text of a JSON string value, decoded into db only if it must be. */
static void
strval(const struct span *v, struct span *t)
{
	t->p = v->p + 1;
	t->n = v->n - 2;
	if (memchr(t->p, '\\', t->n) != NULL) {
		db.len = 0;
		json_str_decode(&db, t->p, t->n);
		t->p = db.p;
		t->n = db.len;
	}
}

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static int
isalph(int c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/*
 * Append the canonical id to k in lower case, as keys have always been
 * (state files keep their hashes).
 */
static void
idkey(struct buf *k, const char *s, const struct ident *id)
{
	size_t i = k->len;

	ident_canon(k, s, id);
	for (; i < k->len; i++)
		if (k->p[i] >= 'A' && k->p[i] <= 'Z')
			k->p[i] |= 0x20;
}

/* The first id of this kind and these forms in a text, appended to k. */
static int
idfind(const char *p, size_t n, int kind, int forms, struct buf *k)
{
	struct ident id;
	size_t at = 0;

	while (ident_find(p, n, at, forms, &id) != ID_NONE) {
		if (id.kind == kind) {
			idkey(k, p, &id);
			return 1;
		}
		at = id.end > at ? id.end : at + 1;
	}
	return 0;
}

/*
 * A record's own arxiv_id or doi field: the first id of its kind in it;
 * else, as the record's word for its identity, the field itself without
 * an "arXiv:", "doi:" or doi.org head: an arxiv_id normalised, a DOI
 * that starts "10." and has a "/" lower-cased.
 */
static int
ownid(const char *p, size_t n, int kind, struct buf *k)
{
	static const char *heads[] = { "arxiv:", "doi:", "https://", "http://",
	    "dx.doi.org/", "doi.org/" };
	size_t i, h;

	if (idfind(p, n, kind, IDF_ANY, k))
		return 1;
	p = trim(p, &n);
	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		if ((h = prefix_ci(p, n, heads[i])) != 0) {
			p += h;
			n -= h;
		}
	p = trim(p, &n);
	if (kind == ID_ARXIV) {
		if (n == 0)
			return 0;
		norm_add(k, p, n);
		return 1;
	}
	if (!prefix_is(p, n, "10.") || memchr(p, '/', n) == NULL)
		return 0;
	for (i = 0; i < n; i++)
		buf_addc(k, p[i] >= 'A' && p[i] <= 'Z' ? p[i] | 0x20 : p[i]);
	return 1;
}

/*
 * A URL-like field (url, a link's url): the whole of it an id of this kind
 * in any spelling, else the first such URL in it.
 */
static int
urlid(const char *p, size_t n, int kind, struct buf *k)
{
	struct ident id;

	if (ident_parse(p, n, &id) == kind) {
		idkey(k, p, &id);
		return 1;
	}
	return idfind(p, n, kind, IDF_URL, k);
}

static int
strfield(const struct rec *r, const char *key, struct span *t)
{
	const struct member *m = rec_get(r, key);

	if (m == NULL || m->val.p[0] != '"')
		return 0;
	strval(&m->val, t);
	return 1;
}

/* An id from the url of any element of links that has one. */
struct lscan {
	struct buf	*k;
	int		 kind;
	int		 found;
};

static int
linkurl(void *arg, const char *p, size_t n)
{
	struct lscan *ls = arg;
	struct span u = { p, n }, t;

	if (*p != '"')
		return 0;
	strval(&u, &t);
	ls->found = urlid(t.p, t.n, ls->kind, ls->k);
	return ls->found;
}

static int
linkscan(const struct rec *r, struct buf *k, int kind)
{
	static struct fpath links;
	struct lscan ls = { k, kind, 0 };

	if (links.n == 0)
		path_parse(&links, "links.url", PATH_EACH);
	path_rec(&links, r, linkurl, &ls);
	return ls.found;
}

/*
 * The paper's identity: 'a' and its arXiv id, or 'd' and its DOI, appended
 * to k; 0 when the record has neither.
 */
static int
arxivof(const struct rec *r, struct buf *k)
{
	static const char *text[] = { "url", "abstract", "comments", "comment" };
	struct span t;
	size_t i, len = k->len;

	buf_addc(k, 'a');
	if (strfield(r, "arxiv_id", &t) && ownid(t.p, t.n, ID_ARXIV, k))
		return 'a';
	if (strfield(r, "url", &t) && urlid(t.p, t.n, ID_ARXIV, k))
		return 'a';
	if (linkscan(r, k, ID_ARXIV))
		return 'a';
	for (i = 1; i < 4; i++)
		if (strfield(r, text[i], &t) &&
		    idfind(t.p, t.n, ID_ARXIV, IDF_URL, k))
			return 'a';
	k->len = len;
	return 0;
}

static int
doiof(const struct rec *r, struct buf *k)
{
	struct span t;
	size_t len = k->len;

	buf_addc(k, 'd');
	if (strfield(r, "doi", &t) && ownid(t.p, t.n, ID_DOI, k))
		return 'd';
	if (strfield(r, "url", &t) && urlid(t.p, t.n, ID_DOI, k))
		return 'd';
	if (linkscan(r, k, ID_DOI))
		return 'd';
	k->len = len;
	return 0;
}

static int
known(const struct fp *s)		/* a key met that makes a duplicate */
{
	return s != NULL && (!(s->hi & FP_PENDING) || (s->hi & FP_RUN));
}

static void
touch(struct fp *s)			/* met today, by this run */
{
	s->hi = (s->hi & ~(FP_DAY | FP_PENDING)) | today | FP_RUN;
}

static struct fp
fpof(const char *p, size_t n)
{
	XXH128_hash_t h = XXH3_128bits(p, n);
	struct fp f;

	f.lo = h.low64 != 0 ? h.low64 : 1;
	f.hi = h.high64 & ~FP_FLAGS;
	return f;
}

/* Fingerprint kb as the record's next key. */
static void
addkey(void)
{
	kf[nk++] = fpof(kb.p, kb.len);
	kb.len = 0;
}

/*
 * The record's keys, in kf: one made of the -k values or the line, or
 * every identity the paper has (arXiv id, DOI, title), each a kind letter
 * then its bytes in kb; the title comes last.
 */
static void
mkkeys(const struct rec *r)
{
	struct span v, t;
	size_t i;
	int any = 0;

	kb.len = 0;
	nk = nid = 0;
	ktitle = 0;
	if (lflag)
		goto line;
	if (nkpath > 0) {
		buf_addc(&kb, 'k');
		for (i = 0; i < nkpath; i++) {
			buf_addc(&kb, '\036');
			if (!path_get(&kpath[i], r, &v)) {
				buf_addc(&kb, '-');
				continue;
			}
			any = 1;
			buf_addc(&kb, '+');
			if (v.p[0] == '"')
				strval(&v, &t);
			else
				t = v;
			if (rawflag)
				buf_add(&kb, t.p, t.n);
			else
				norm_add(&kb, t.p, t.n);
			buf_addc(&kb, '\037');
		}
		if (any) {
			addkey();
			nid = 1;
			return;
		}
		goto line;
	}
	if (arxivof(r, &kb)) {
		addkey();
		/* Known by its id: a duplicate, whatever else it has. */
		if (known(tab_find(&tab, kf[0]))) {
			nid = 1;
			return;
		}
	}
	if (doiof(r, &kb))
		addkey();
	nid = nk;
	if (strfield(r, "title", &t)) {
		buf_addc(&kb, 't');
		norm_add(&kb, t.p, t.n);
		if (kb.len > 1) {
			addkey();
			ktitle = 1;
		}
		kb.len = 0;
	}
	if (nk > 0)
		return;
line:		/* nothing to compare by: the line itself */
	kb.len = 0;
	buf_addc(&kb, 'l');
	buf_add(&kb, r->line, r->len);
	addkey();
	nid = 1;
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

	for (i = 0; i < nid; i++) {
		s = tab_get(&tab, kf[i], &isnew);
		if (isnew)
			nnew++;
		else
			seen |= known(s);
		touch(s);
	}
	if (!ktitle)
		return seen;
	if (nid > 0) {
		s = tab_get(&tab, kf[nid], &isnew);
		if (isnew)
			nnew++;
		else if (s->hi & FP_TONLY)
			seen |= known(s);
		s->hi |= FP_TID;
	} else if ((s = tab_find(&tab, kf[nid])) != NULL) {
		seen = known(s);
		if (!seen)
			s->hi |= FP_TONLY;
	} else {
		s = tab_get(&tab, kf[nid], &isnew);
		s->hi |= FP_TONLY;
		nnew++;
	}
	touch(s);
	return seen;
}

static void
dorecord(const struct rec *r)
{
	int drop = 0;

	nin++;
	mkkeys(r);
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
			out_write(&dups, r->line, r->len);
			out_putc(&dups, '\n');
		}
		return;
	}
	npass++;
	if (deferflag)
		state_owe(&st, r->line, r->len, kf, nk);
	out_write(&out_stdout, r->line, r->len);
	out_putc(&out_stdout, '\n');
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
				s->hi = (s->hi & ~(FP_DAY | FP_PENDING)) |
				    today | FP_RUN;
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
			mkkeys(r);
			for (i = 0; i < nk; i++)
				tab_get(&ct, kf[i], &isnew);
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

	for (c = 0; c < 256; c++)
		fold[c] = isdig(c) || isalph(c) ? (c >= 'A' && c <= 'Z' ?
		    c | 0x20 : c) : 0;
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
