/* pdedupe: drop records seen before, in this stream or in a state file */
#include <fcntl.h>
#include <getopt.h>
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
static long long expire = -1;
static double neart = NEAR_DEFAULT;
static char **kpath;
static size_t nkpath, *kparts;
static const char *statepath, *dupspath;
static char **kname;			/* the -k paths as given */

static struct table tab;
static struct state st;
static struct out dups;
static struct buf kb, nb, db, ib;	/* key, near text, decoded value, id */
static struct buf cb;			/* a value in one spelling */
static utf8proc_int32_t *ubuf;
static utf8proc_ssize_t ucap;
static unsigned char fold[256];		/* ASCII: the byte a key keeps, or 0 */
static unsigned today;
static unsigned long long nin, npass, ndup, nnear, nnew, nrefused;

static void
usage(void)
{
	fputs("usage: pdedupe [-lnrS] [-k path] [-N[T]] [-s file [-d | -c] "
	    "[-e days]] [-D file] [file ...]\n", stderr);
	exit(EXIT_USAGE);
}

static void
help(void)
{
	puts("usage: pdedupe [-lnrS] [-k path] [-N[T]] [-s file [-d | -c] "
	    "[-e days]] [-D file] [file ...]\n"
	    "  -k, --key=PATH     key on this field (repeatable; a.b.0 goes into "
	    "objects, arrays)\n"
	    "  -l, --line         key on the whole line\n"
	    "  -r, --raw          compare -k values byte for byte, not normalised\n"
	    "  -N, --near[=T]     also drop records whose title and abstract are "
	    "T similar (0.7)\n"
	    "  -s, --state=FILE   remember keys across runs in FILE\n"
	    "  -d, --defer        record new keys as pending, for a later --commit\n"
	    "  -c, --commit       make the pending keys seen; reads no records\n"
	    "  -e, --expire=DAYS  forget keys not seen for DAYS days\n"
	    "  -n, --dry-run      leave the state file as it is\n"
	    "  -S, --stats        print records in, passed and dropped on stderr\n"
	    "  -D, --dups=FILE    write the dropped records to FILE\n"
	    "      --help         print this help\n"
	    "      --version      print the version");
	exit(EXIT_OK);
}

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

	/* ASCII, written straight into b: at most a space and n bytes. */
	if (b->cap - b->len < n + 1)
		buf_grow(b, n + 1);
	o = b->p + b->len;
	for (j = 0; j < n; j++) {
		if ((unsigned char)s[j] >= 0x80)
			break;
		if ((c = fold[(unsigned char)s[j]]) == 0) {
			space = 1;
			continue;
		}
		if (space && o > b->p)
			*o++ = ' ';
		space = 0;
		*o++ = (char)c;
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
 * Parse an arXiv id at p: 2401.12345 or hep-th/9901001, with an optional
 * version, which is left out of the key.  Appends it to k, lower-cased.
 */
static int
idparse(const char *p, const char *e, struct buf *k)
{
	const char *q = p, *end;
	size_t i;

	if (q < e && isdig(*q)) {
		for (i = 0; q < e && isdig(*q); q++)
			i++;
		if (i != 4 || q == e || *q != '.')
			return 0;
		for (i = 0, q++; q < e && isdig(*q); q++)
			i++;
		if (i < 4 || i > 5)
			return 0;
	} else {
		while (q < e && (isalph(*q) || *q == '-'))
			q++;
		if (q == p)
			return 0;
		if (q < e && *q == '.')
			for (q++; q < e && isalph(*q); q++)
				;
		if (q == e || *q != '/')
			return 0;
		for (i = 0, q++; q < e && isdig(*q); q++)
			i++;
		if (i != 7)
			return 0;
	}
	end = q;
	if (q + 1 < e && (*q | 0x20) == 'v' && isdig(q[1]))
		for (q++; q < e && isdig(*q); q++)
			;
	if (q < e && (isalph(*q) || isdig(*q)))
		return 0;
	for (; p < end; p++)
		buf_addc(k, isalph(*p) ? *p | 0x20 : *p);
	return 1;
}

static int
prefix(const char *p, const char *e, const char *s)
{
	for (; *s != '\0'; p++, s++)
		if (p == e || (*p | 0x20) != *s)
			return 0;
	return 1;
}

/* The first arxiv.org/abs/, /pdf/ or /html/ URL in a text, as an id. */
static int
idurl(const char *p, size_t n, struct buf *k)
{
	const char *e = p + n, *q = p;
	static const char *dirs[] = { "abs/", "pdf/", "html/" };
	size_t i;

	while ((q = memchr(q, '.', e - q)) != NULL) {
		if (q - p >= 5 && prefix(q - 5, e, "arxiv.org/")) {
			q += 5;
			for (i = 0; i < 3; i++)
				if (prefix(q, e, dirs[i]) &&
				    idparse(q + strlen(dirs[i]), e, k))
					return 1;
		}
		q++;
	}
	return 0;
}

/* An arxiv_id field: a bare id, "arXiv:"-prefixed, or a URL. */
static int
idfield(const char *p, size_t n, struct buf *k)
{
	const char *e = p + n;

	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (prefix(p, e, "arxiv:"))
		p += 6;
	if (idparse(p, e, k) || idurl(p, e - p, k))
		return 1;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (p == e)
		return 0;
	norm_add(k, p, e - p);		/* not an id we know: keep it whole */
	return 1;
}

/* A DOI, lower-cased as DOIs compare, from a field or a doi.org URL. */
static int
doiparse(const char *p, size_t n, struct buf *k)
{
	const char *e = p + n, *q;

	for (q = p; q + 3 < e; q++)
		if (q[0] == '1' && q[1] == '0' && q[2] == '.' &&
		    (q == p || !isdig(q[-1])))
			break;
	if (q + 3 >= e || memchr(q, '/', e - q) == NULL)
		return 0;
	p = q;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	for (; p < e; p++)
		buf_addc(k, *p >= 'A' && *p <= 'Z' ? *p | 0x20 : *p);
	return 1;
}

/* The value of member key in the object text at p, or 0 when absent. */
static int
objget(const char *p, const char *e, const char *key, struct span *v)
{
	struct member m;
	size_t kn = strlen(key);
	int found = 0;

	p = json_ws(p, e);
	if (p == e || *p != '{')
		return 0;
	for (p = json_ws(p + 1, e); p < e && *p == '"'; ) {
		m.key.p = ++p;
		for (; *p != '"'; p++)
			if (*p == '\\')
				p++;
		m.key.n = p - m.key.p;
		m.kesc = memchr(m.key.p, '\\', m.key.n) != NULL;
		p = json_ws(json_ws(p + 1, e) + 1, e);
		m.val.p = p;
		p = json_skip(p, e);
		m.val.n = p - m.val.p;
		if (json_key_eq(&m, key, kn)) {
			*v = m.val;
			found = 1;
		}
		p = json_ws(p, e);
		if (p < e && *p == ',')
			p = json_ws(p + 1, e);
	}
	return found;
}

/* Element i of the array text at p, or 0 when there is none. */
static int
arrget(const char *p, const char *e, size_t i, struct span *v)
{
	p = json_ws(p, e);
	if (p == e || *p != '[')
		return 0;
	for (p = json_ws(p + 1, e); p < e && *p != ']'; ) {
		v->p = p;
		p = json_skip(p, e);
		v->n = p - v->p;
		if (i-- == 0)
			return 1;
		p = json_ws(p, e);
		if (p < e && *p == ',')
			p = json_ws(p + 1, e);
	}
	return 0;
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
static int
linkscan(const struct rec *r, struct buf *k, int doi)
{
	const struct member *m = rec_get(r, "links");
	struct span el, u, t;
	size_t i;

	if (m == NULL)
		return 0;
	for (i = 0; arrget(m->val.p, m->val.p + m->val.n, i, &el); i++) {
		if (!objget(el.p, el.p + el.n, "url", &u) || u.p[0] != '"')
			continue;
		strval(&u, &t);
		if (doi) {
			const char *d = t.n > 8 ? memmem(t.p, t.n, "doi.org/",
			    8) : NULL;

			if (d != NULL && doiparse(d + 8, t.p + t.n - d - 8, k))
				return 1;
		} else if (idurl(t.p, t.n, k))
			return 1;
	}
	return 0;
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
	if (strfield(r, "arxiv_id", &t) && idfield(t.p, t.n, k))
		return 'a';
	if (strfield(r, "url", &t) && idurl(t.p, t.n, k))
		return 'a';
	if (linkscan(r, k, 0))
		return 'a';
	for (i = 1; i < 4; i++)
		if (strfield(r, text[i], &t) && idurl(t.p, t.n, k))
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
	if (strfield(r, "doi", &t) && doiparse(t.p, t.n, k))
		return 'd';
	if (linkscan(r, k, 1))
		return 'd';
	k->len = len;
	return 0;
}

/*
 * Look up a path: a member name, then members of objects and numbered
 * elements of arrays, its parts split at the dots once (kpath[i] holds
 * them one after another, NUL-terminated, kparts[i] of them).
 */
static int
pathget(const struct rec *r, size_t i, struct span *v)
{
	const struct member *m;
	const char *seg = kpath[i];
	size_t n;

	if ((m = rec_get(r, seg)) == NULL)
		return 0;
	*v = m->val;
	for (n = 1; n < kparts[i]; n++) {
		seg += strlen(seg) + 1;
		if (v->p[0] == '{') {
			if (!objget(v->p, v->p + v->n, seg, v))
				return 0;
		} else if (v->p[0] == '[' && strspn(seg, "0123456789") ==
		    strlen(seg)) {
			if (!arrget(v->p, v->p + v->n, strtoull(seg, NULL, 10),
			    v))
				return 0;
		} else
			return 0;
	}
	return 1;
}

/* Build the record's key in kb: a kind letter, then the key's bytes. */
static void
mkkey(const struct rec *r)
{
	struct span v, t;
	size_t i;
	int any = 0;

	kb.len = 0;
	if (lflag) {
		buf_addc(&kb, 'l');
		buf_add(&kb, r->line, r->len);
		return;
	}
	if (nkpath > 0) {
		buf_addc(&kb, 'k');
		for (i = 0; i < nkpath; i++) {
			buf_addc(&kb, '\036');
			if (!pathget(r, i, &v)) {
				buf_addc(&kb, '-');
				continue;
			}
			any = 1;
			buf_addc(&kb, '+');
			if (v.p[0] == '"')
				strval(&v, &t);
			else if (rawflag)
				t = v;
			else {		/* one spelling of its strings */
				cb.len = 0;
				jval_canon(&cb, v.p, v.n);
				t.p = cb.p;
				t.n = cb.len;
			}
			if (rawflag)
				buf_add(&kb, t.p, t.n);
			else
				norm_add(&kb, t.p, t.n);
			buf_addc(&kb, '\037');
		}
	} else if (arxivof(r, &kb) || doiof(r, &kb))
		return;
	else if (strfield(r, "title", &t)) {
		buf_addc(&kb, 't');
		norm_add(&kb, t.p, t.n);
		any = kb.len > 1;
	}
	if (!any) {		/* nothing to compare by: the line itself */
		kb.len = 0;
		buf_addc(&kb, 'l');
		buf_add(&kb, r->line, r->len);
	}
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

static void
dorecord(const struct rec *r)
{
	XXH128_hash_t h;
	struct fp f, *s;
	int isnew, drop = 0;

	nin++;
	mkkey(r);
	h = XXH3_128bits(kb.p, kb.len);
	f.lo = h.low64 != 0 ? h.low64 : 1;
	f.hi = h.high64 & ~FP_FLAGS;
	s = tab_get(&tab, f, &isnew);
	if (isnew) {
		s->hi |= today | FP_RUN | (deferflag ? FP_PENDING : 0);
		nnew++;
	} else if (s->hi & FP_RUN)
		drop = 1;
	else {
		/* Known from the state file: seen, or sent but not committed. */
		s->hi = (s->hi & ~FP_DAY) | today | FP_RUN;
		if (!(s->hi & FP_PENDING))
			drop = 1;
		else if (!deferflag)
			s->hi &= ~FP_PENDING;
	}
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
	rec_write(&out_stdout, r, NULL, 0);
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
	if (end == s || *end != '\0' || !(t > 0 && t <= 1)) {
		warnf("--near: %s: not a similarity between 0 and 1", s);
		usage();
	}
	return t;
}

static void
stats(void)
{
	fprintf(stderr, "%s: %llu in, %llu passed, %llu dropped "
	    "(%llu seen, %llu near)", argv0, nin, npass, ndup + nnear, ndup,
	    nnear);
	if (nearflag)
		fprintf(stderr, ", %llu near but ids differ", nrefused);
	if (statepath != NULL)
		fprintf(stderr, "; state %s: %llu keys before, %llu new",
		    statepath, st.nloaded, nnew);
	fputc('\n', stderr);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "commit", no_argument, NULL, 'c' },
		{ "defer", no_argument, NULL, 'd' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "dups", required_argument, NULL, 'D' },
		{ "expire", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ "key", required_argument, NULL, 'k' },
		{ "line", no_argument, NULL, 'l' },
		{ "near", optional_argument, NULL, 'N' },
		{ "raw", no_argument, NULL, 'r' },
		{ "state", required_argument, NULL, 's' },
		{ "stats", no_argument, NULL, 'S' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct rin in;
	struct rec *r;
	unsigned long long kept = 0, gone = 0, committed = 0;
	size_t si, i;
	struct fp *f;
	char *p;
	int c, fd, status;

	setprogname(argv[0]);
	argv[0] = (char *)argv0;	/* getopt's messages name the tool */
	kpath = ecalloc(argc, sizeof(*kpath));
	kname = ecalloc(argc, sizeof(*kname));
	kparts = ecalloc(argc, sizeof(*kparts));
	while ((c = getopt_long(argc, argv, "cdD:e:k:lnN::rs:S", longopts,
	    NULL)) != -1) {
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
			expire = estrtonum(optarg, 0, 65535, "--expire days");
			break;
		case 'h':
			help();
			break;
		case 'k':
			if (*optarg == '\0' || optarg[strlen(optarg) - 1] == '.' ||
			    *optarg == '.' || strstr(optarg, "..") != NULL ||
			    strchr(optarg, '\n') != NULL) {
				warnf("-k: %s: not a field path", optarg);
				usage();
			}
			kname[nkpath] = optarg;
			kpath[nkpath] = estrdup(optarg);
			for (p = kpath[nkpath], kparts[nkpath] = 1; *p != '\0'; p++)
				if (*p == '.') {
					*p = '\0';
					kparts[nkpath]++;
				}
			nkpath++;
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
		case 'r':
			rawflag = 1;
			break;
		case 's':
			statepath = optarg;
			break;
		case 'S':
			sflag = 1;
			break;
		case 'V':
			version();
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (lflag && nkpath > 0) {
		warnf("--line and -k exclude each other");
		usage();
	}
	if (rawflag && nkpath == 0) {
		warnf("--raw needs -k");
		usage();
	}
	if (statepath == NULL && (deferflag || commitflag || nflag ||
	    expire >= 0)) {
		warnf("--defer, --commit, --expire and --dry-run need --state");
		usage();
	}
	if (deferflag && commitflag) {
		warnf("--defer and --commit exclude each other");
		usage();
	}
	if (commitflag && argc > 0) {
		warnf("--commit reads no records");
		usage();
	}

	for (c = 0; c < 256; c++)
		fold[c] = isdig(c) || isalph(c) ? (c >= 'A' && c <= 'Z' ?
		    c | 0x20 : c) : 0;
	today = getday();
	tab_init(&tab);
	if (nearflag)
		near_init(neart);
	if (statepath != NULL)
		state_open(&st, statepath, keydesc(), nflag, &tab);
	if (dupspath != NULL) {
		if ((fd = open(dupspath, O_WRONLY | O_CREAT | O_TRUNC,
		    0666)) == -1)
			die(EXIT_TROUBLE, "%s:", dupspath);
		out_open(&dups, fd, dupspath);
	}

	status = EXIT_OK;
	if (commitflag) {
		for (si = 0; si < TAB_NSEG; si++)
			for (i = 0; i < tab.seg[si].cap; i++) {
				f = &tab.seg[si].slot[i];
				if (!fp_empty(f) && (f->hi & FP_PENDING)) {
					f->hi = (f->hi & ~(FP_PENDING | FP_DAY)) |
					    today;
					committed++;
				}
			}
	} else {
		rin_init(&in, argc, argv);
		while ((r = rin_next(&in)) != NULL)
			dorecord(r);
		status = rin_close(&in);
	}
	/* A failed write has exited by now, and left the state as it was. */
	out_close(&out_stdout);
	if (dupspath != NULL)
		out_close(&dups);
	if (statepath != NULL && state_save(&st, &tab, today, expire, &kept,
	    &gone) == -1)
		status = EXIT_TROUBLE;
	if (sflag) {
		if (commitflag)
			fprintf(stderr, "%s: %llu pending keys committed\n",
			    argv0, committed);
		else
			stats();
		if (statepath != NULL && !nflag)
			fprintf(stderr, "%s: state %s: %llu keys written, "
			    "%llu expired\n", argv0, statepath, kept, gone);
	}
	return status;
}

/*
 * The key table.  A segment is picked by the fingerprint's top bits and
 * probed linearly from a slot its low word picks; it grows by half when
 * 80% full, so memory stays between 20 and 30 bytes per key and growing
 * never holds two copies of the whole table.
 */
void
tab_init(struct table *t)
{
	size_t i;

	for (i = 0; i < TAB_NSEG; i++) {
		t->seg[i].cap = 16;
		t->seg[i].n = 0;
		t->seg[i].slot = ecalloc(16, sizeof(struct fp));
	}
	t->n = 0;
}

static inline size_t
slotof(uint64_t lo, size_t cap)
{
	return (size_t)(((unsigned __int128)lo * cap) >> 64);
}

static void
seg_resize(struct seg *s, size_t cap)
{
	struct fp *old = s->slot, *o;
	size_t oldcap = s->cap, j;

	s->cap = cap;
	s->slot = ecalloc(s->cap, sizeof(struct fp));
	for (o = old; o < old + oldcap; o++) {
		if (fp_empty(o))
			continue;
		for (j = slotof(o->lo, s->cap); !fp_empty(&s->slot[j]); )
			if (++j == s->cap)
				j = 0;
		s->slot[j] = *o;
	}
	free(old);
}

/*
 * Make room for n keys at once.  The state file lists keys in table order,
 * sorted by slot: inserted so into a small table that grows, they would
 * pile up in one cluster and make loading quadratic.
 */
void
tab_reserve(struct table *t, size_t n)
{
	struct seg *s;
	size_t i, want = n / TAB_NSEG + n / TAB_NSEG * 3 / 10 + 64;

	for (i = 0; i < TAB_NSEG; i++) {
		s = &t->seg[i];
		if (s->cap < want)
			seg_resize(s, want);
	}
}

/* The slot holding f; a new one (*isnew set) if f was not there. */
struct fp *
tab_get(struct table *t, struct fp f, int *isnew)
{
	struct seg *s = &t->seg[f.hi >> (64 - TAB_SEGBITS)];
	struct fp *p;
	size_t j;

	for (j = slotof(f.lo, s->cap);; ) {
		p = &s->slot[j];
		if (fp_empty(p))
			break;
		if (p->lo == f.lo && ((p->hi ^ f.hi) & ~FP_FLAGS) == 0) {
			*isnew = 0;
			return p;
		}
		if (++j == s->cap)
			j = 0;
	}
	if ((s->n + 1) * 5 > s->cap * 4) {
		seg_resize(s, s->cap + s->cap / 2);
		for (j = slotof(f.lo, s->cap); !fp_empty(&s->slot[j]); )
			if (++j == s->cap)
				j = 0;
		p = &s->slot[j];
	}
	*p = f;
	s->n++;
	t->n++;
	*isnew = 1;
	return p;
}

void
tab_free(struct table *t)
{
	size_t i;

	for (i = 0; i < TAB_NSEG; i++)
		free(t->seg[i].slot);
}
