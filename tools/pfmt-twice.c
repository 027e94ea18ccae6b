/* pfmt-twice.c: files read twice, counted first, then written as read */
#include <sys/stat.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paperpipe.h"
#include "pfmt.h"

/*
 * What the first reading learnt of an operand: which file it was, and
 * the lines that hold papers, as ranges (first, last), so the second
 * reading need not check again what was checked.
 */
struct operand {
	const char	*path;
	int		 seen;
	struct stat	 st;
	unsigned long long *rng;
	size_t		 nrng, caprng;
};

static struct operand *ops;
static size_t nops;
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

/* Record r, a paper, read from in's current file. */
void
twice_note(const struct rin *in, const struct rec *r)
{
	struct operand *o = &ops[in->next - 1];

	if (!o->seen) {
		if (fstat(in->l.fd, &o->st) == -1)
			die(EXIT_TROUBLE, "%s:", in->l.name);
		o->seen = 1;
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
onefile(const struct form *f, struct buf *ob, struct operand *o)
{
	struct stat st;
	struct lines l;
	struct rec r;
	struct paper p;
	char *line;
	long long n;
	size_t k = 0;

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
		die(EXIT_TROUBLE, "%s: changed while it was read", l.name);
	memset(&r, 0, sizeof(r));
	r.file = l.name;
	while (k < o->nrng && (n = lines_next(&l, &line)) >= 0) {
		if (l.lineno < o->rng[2 * k])
			continue;
		if (l.lineno == o->rng[2 * k + 1])
			k++;
		read_fields_of(line, line + n);
		r.line = line;
		r.len = (size_t)n;
		r.lineno = l.lineno;
		arena.len = 0;
		nitems = 0;
		if (!read_paper(&r, &p, RP_QUIET | RP_LIVE))
			continue;
		f->paper(ob, &p);
		if (ob->len >= 256 * 1024) {
			out_write(&out_stdout, ob->p, ob->len);
			ob->len = 0;
		}
	}
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
