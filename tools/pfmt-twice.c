/* pfmt-twice.c: files read twice, counted first, then written as read */
#include <sys/stat.h>

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paperpipe.h"
#include "pfmt.h"

/*
 * The first reading marks each paper: where its line is and where the
 * fields read_paper reads are in it, so that the second reading goes
 * straight to them, neither looking for line ends nor walking members
 * again.  Marks take PFMT_MARKS bytes at most (a paper of the bench corpus
 * takes about 60); the papers after are kept as ranges of line numbers,
 * read line by line again.
 */
#ifndef PFMT_MARKS
#define PFMT_MARKS	(8 * 1024 * 1024)
#endif
#define BIGSKIP	(1024 * 1024)	/* skipped at a time where not mapped */

/* A mark: where the line starts and how long it is, then its fields. */
struct markhead {
	long long	 off;
	uint32_t	 len;
};

/*
 * What the first reading learnt of an operand: which file it was, its
 * papers' marks, and past them the line where ranges start and the
 * ranges of lines that hold papers (first, last), so that the second
 * reading need not check again what was checked.
 */
struct operand {
	const char	*path;
	int		 seen, ranged;
	struct stat	 st;
	struct buf	 marks;
	long long	 resume;	/* the first ranged paper's line */
	unsigned long long resumeline;	/* the line before it */
	unsigned long long *rng;
	size_t		 nrng, caprng;
};

static struct operand *ops;
static size_t nops, nmarks;	/* nmarks: bytes of all operands' marks */
static off_t off0;		/* where standard input started */

static char *stdinonly[] = { "-", NULL };

/* Every operand a non-empty regular file, so that it can be read twice. */
int
twice_ok(int argc, char **argv)
{
	struct stat st;
	int i;

	if (argc == 0) {
		argc = 1;
		argv = stdinonly;
	}
	for (i = 0; i < argc; i++)
		if ((strcmp(argv[i], "-") == 0 ? fstat(0, &st) :
		    stat(argv[i], &st)) != 0 || !S_ISREG(st.st_mode) ||
		    st.st_size == 0)
			return 0;
	if ((off0 = lseek(0, 0, SEEK_CUR)) == -1)
		off0 = 0;
	nops = (size_t)argc;
	ops = ecalloc(nops, sizeof(*ops));
	for (i = 0; i < argc; i++)
		ops[i].path = argv[i];
	return 1;
}

/*
 * Whether the next paper of in's current file would be marked, when its
 * fields must all have been found before twice_note.
 */
int
twice_marking(const struct rin *in)
{
	return !ops[in->next - 1].ranged && nmarks < PFMT_MARKS;
}

/*
 * Record r, a paper, read from in's current file, its fields found: all
 * of them when twice_marking said so.
 */
void
twice_note(const struct rin *in, const struct rec *r)
{
	struct operand *o = &ops[in->next - 1];
	unsigned char fields[FIELDS_SAVED];
	struct markhead h;
	size_t n;

	if (!o->seen) {
		if (fstat(in->l.fd, &o->st) == -1)
			die(EXIT_TROUBLE, "%s:", in->l.name);
		o->seen = 1;
	}
	if (twice_marking(in) && r->len <= UINT32_MAX) {
		memset(&h, 0, sizeof(h));
		h.off = lines_offset(&in->l, r->line);
		h.len = (uint32_t)r->len;
		n = read_fields_save(fields, r->line);
		buf_add(&o->marks, (const char *)&h, sizeof(h));
		buf_add(&o->marks, (const char *)fields, n);
		nmarks += sizeof(h) + n;
		return;
	}
	if (!o->ranged) {
		o->ranged = 1;
		o->resume = lines_offset(&in->l, r->line);
		o->resumeline = r->lineno - 1;
	}
	if (o->nrng > 0 && o->rng[2 * o->nrng - 1] + 1 == r->lineno) {
		o->rng[2 * o->nrng - 1] = r->lineno;
		return;
	}
	if (o->nrng == o->caprng) {
		o->caprng = o->caprng ? o->caprng * 2 : 4;
		o->rng = erealloc(o->rng, 2 * o->caprng * sizeof(*o->rng));
	}
	o->rng[2 * o->nrng] = o->rng[2 * o->nrng + 1] = r->lineno;
	o->nrng++;
}

static void
changed(const struct lines *l)
{
	die(EXIT_TROUBLE, "%s: changed while it was read", l->name);
}

/*
 * Go on from file offset *at to off, and return the n bytes there (n may
 * be 0), which stay until the next call; *have (when not NULL) is how
 * many bytes from there are at hand, n or more.
 */
static const char *
reach(struct lines *l, long long *at, long long off, size_t n, size_t *have)
{
	const char *p;
	size_t k;

	if (off < *at)
		changed(l);
	while (*at < off) {
		k = off - *at < BIGSKIP ? (size_t)(off - *at) : BIGSKIP;
		if ((k = lines_peek(l, k, &p)) == 0)
			changed(l);
		if (k > (size_t)(off - *at))
			k = (size_t)(off - *at);
		lines_skip(l, k);
		*at += (long long)k;
	}
	if ((k = lines_peek(l, n, &p)) < n)
		changed(l);
	if (have != NULL)
		*have = k;
	return p;
}

static void
writeone(const struct form *f, struct buf *ob, struct rec *r,
    struct paper *p)
{
	arena.len = 0;
	nitems = 0;
	if (!read_paper(r, p, RP_QUIET | RP_LIVE))
		return;
	f->paper(ob, p);
	if (ob->len >= 256 * 1024) {
		out_write(&out_stdout, ob->p, ob->len);
		ob->len = 0;
	}
}

/* The marked papers of o, from the offset *at. */
static void
marked(const struct form *f, struct buf *ob, struct operand *o,
    struct lines *l, long long *at)
{
	struct markhead h, nh;
	struct rec r;
	struct paper p;
	const char *s;
	size_t i = 0, n;

	memset(&r, 0, sizeof(r));
	r.file = l->name;
	while (i < o->marks.len) {
		memcpy(&h, o->marks.p + i, sizeof(h));
		s = reach(l, at, h.off, h.len, &n);
		i += sizeof(h);
		i += read_fields_load((const unsigned char *)o->marks.p + i, s);
		/*
		 * Ask for the next paper's line now, while this one is
		 * written: memory is what this reading waits for.
		 */
		if (i < o->marks.len) {
			memcpy(&nh, o->marks.p + i, sizeof(nh));
			if (nh.off >= h.off && (size_t)(nh.off - h.off) < n)
				read_fields_prefetch((const unsigned char *)
				    o->marks.p + i + sizeof(nh), s +
				    (nh.off - h.off), s + n);
		}
		r.line = s;
		r.len = h.len;
		writeone(f, ob, &r, &p);
	}
}

/* The ranged papers of o, line by line from where they start. */
static void
ranged(const struct form *f, struct buf *ob, struct operand *o,
    struct lines *l, long long *at)
{
	struct rec r;
	struct paper p;
	char *line;
	long long n;
	size_t k = 0;

	reach(l, at, o->resume, 0, NULL);
	l->lineno = o->resumeline;
	memset(&r, 0, sizeof(r));
	r.file = l->name;
	while (k < o->nrng && (n = lines_next(l, &line)) >= 0) {
		if (l->lineno < o->rng[2 * k])
			continue;
		if (l->lineno == o->rng[2 * k + 1])
			k++;
		read_fields_of(line, line + n);
		r.line = line;
		r.len = (size_t)n;
		r.lineno = l->lineno;
		writeone(f, ob, &r, &p);
	}
}

static void
onefile(const struct form *f, struct buf *ob, struct operand *o)
{
	struct stat st;
	struct lines l;
	const char *p;
	long long at;

	if (strcmp(o->path, "-") == 0 && lseek(0, off0, SEEK_SET) == -1)
		die(EXIT_TROUBLE, "<stdin>: seek:");
	if (lines_open(&l, o->path) == -1)
		exit(EXIT_TROUBLE);
	if (fstat(l.fd, &st) == -1)
		die(EXIT_TROUBLE, "%s:", l.name);
	if (st.st_dev != o->st.st_dev || st.st_ino != o->st.st_ino ||
	    st.st_size != o->st.st_size ||
	    st.st_mtim.tv_sec != o->st.st_mtim.tv_sec ||
	    st.st_mtim.tv_nsec != o->st.st_mtim.tv_nsec)
		changed(&l);
	lines_peek(&l, 0, &p);
	at = lines_offset(&l, p);
	marked(f, ob, o, &l, &at);
	if (o->ranged)
		ranged(f, ob, o, &l, &at);
	if (lines_close(&l))
		exit(EXIT_TROUBLE);
}

/* The second reading: each paper written as it is read. */
void
twice_write(const struct form *f, struct buf *ob)
{
	size_t i;

	for (i = 0; i < nops; i++)
		if (ops[i].seen)
			onefile(f, ob, &ops[i]);
}
