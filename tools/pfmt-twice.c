/* pfmt-twice.c: files read twice, counted first, then written as read */
#include <sys/mman.h>
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
	struct rec r;
	struct paper p;
	const char *base, *s, *e, *nl, *q, *name, *kept;
	unsigned long long lineno = 0;
	size_t k = 0, cut, page = (size_t)sysconf(_SC_PAGESIZE);
	off_t start = 0;
	int fd = 0;

	name = strcmp(o->path, "-") == 0 ? "<stdin>" : o->path;
	if (strcmp(o->path, "-") == 0)
		start = off0;
	else if ((fd = open(o->path, O_RDONLY)) == -1)
		die(EXIT_TROUBLE, "%s:", name);
	if (fstat(fd, &st) == -1)
		die(EXIT_TROUBLE, "%s:", name);
	if (st.st_dev != o->st.st_dev || st.st_ino != o->st.st_ino ||
	    st.st_size != o->st.st_size ||
	    st.st_mtim.tv_sec != o->st.st_mtim.tv_sec ||
	    st.st_mtim.tv_nsec != o->st.st_mtim.tv_nsec)
		die(EXIT_TROUBLE, "%s: changed while it was read", name);
	base = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (base == MAP_FAILED)
		die(EXIT_TROUBLE, "%s: mmap:", name);
	madvise((void *)base, (size_t)st.st_size, MADV_SEQUENTIAL);
	memset(&r, 0, sizeof(r));
	r.file = name;
	kept = base;
	for (s = base + start, e = base + st.st_size; s < e && k < o->nrng;
	    s = nl + 1) {
		/* what is read is let go, so that it is not kept resident */
		if ((size_t)(s - kept) >= (4 << 20)) {
			cut = (size_t)(s - kept) & ~(page - 1);
			munmap((void *)kept, cut);
			kept += cut;
		}
		if (++lineno < o->rng[2 * k]) {
			if ((nl = memchr(s, '\n', e - s)) == NULL)
				nl = e;
			continue;
		}
		if (lineno == o->rng[2 * k + 1])
			k++;
		/* the line, found valid, ends in white space after the object */
		q = read_fields_of(s, e);
		if ((nl = memchr(q, '\n', e - q)) == NULL)
			nl = e;
		r.line = s;
		r.len = nl - s;
		if (r.len > 0 && s[r.len - 1] == '\r')
			r.len--;
		r.lineno = lineno;
		arena.len = 0;
		nitems = 0;
		if (!read_paper(&r, &p, 0, 1))
			continue;
		f->paper(ob, &p);
		if (ob->len >= 256 * 1024) {
			out_write(&out_stdout, ob->p, ob->len);
			ob->len = 0;
		}
	}
	munmap((void *)kept, (size_t)(base + st.st_size - kept));
	if (fd > 0)
		close(fd);
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
