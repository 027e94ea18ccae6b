/*
 * pcount.c: libFuzzer target for pcount's counting and merging.  Each input
 * is JSON Lines; the first byte picks the fields counted (one path, a
 * dotted path, or two).  The records are counted and written as
 * `pcount -o jsonl`; that output, merged back with --merge, must give the
 * same output byte for byte, twice over (every value and count round-trips
 * as JSON), every line of it must be a JSON object, and merging it twice
 * must double every count.  Nothing may crash or leak (ASan/UBSan).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The tool itself, with its main renamed: its static counter is the target. */
#define main pcount_main
#include "../../tools/pcount.c"
#undef main

static int outfd = -1;

static const char *const pathsets[][3] = {
	{ "a", NULL }, { "a.b", NULL }, { "a", "b", NULL }, { "a\\.b", "c", NULL },
};
#define NSETS	(sizeof(pathsets) / sizeof(pathsets[0]))

/* Forget every count and path: a fresh run of pcount. */
static void
reset(void)
{
	size_t i, k;

	for (i = 0; i < npaths; i++) {
		if (fvals != NULL)
			free(fvals[i].p);
		free(paths[i].name);
		for (k = 0; k < paths[i].n; k++)
			free(paths[i].comp[k]);
		free(paths[i].comp);
		free(paths[i].clen);
	}
	free(paths);
	paths = NULL;
	npaths = ngiven = 0;
	free(tab);
	tab = NULL;
	tabcap = tabn = 0;
	keys.len = 0;
	nrecords = other = total = 0;
	for (i = 0; i < nmnames; i++)
		free(mnames[i]);
	free(mnames);
	mnames = NULL;
	nmnames = 0;
	havemnames = 0;
	arity = 0;
	free(rows);
	rows = NULL;
	nrows = 0;
	free(fvals);
	free(nvals);
	free(pos);
	fvals = NULL;
	nvals = pos = NULL;
	status = 0;
	mflag = xflag = 0;
	nflag = 0;
	form = JSONL;
}

static void
start(int set)
{
	int i;

	reset();
	for (i = 0; pathsets[set][i] != NULL; i++)
		addpath(pathsets[set][i]);
	fvals = ecalloc(npaths, sizeof(*fvals));
	nvals = ecalloc(npaths, sizeof(*nvals));
	pos = ecalloc(npaths, sizeof(*pos));
	grow();
}

/* Feed the lines of p[0..n) to count (or merge, with mflag). */
static void
feed(const char *p, size_t n, int times)
{
	struct rec r = { 0 };
	struct jerr err;
	const char *e = p + n, *nl, *q;
	int t;

	r.file = "<fuzz>";
	for (t = 0; t < times; t++)
		for (q = p; q < e; q = nl + 1) {
			if ((nl = memchr(q, '\n', e - q)) == NULL)
				nl = e;
			r.line = q;
			r.len = nl - q;
			r.lineno++;
			if (json_ws(q, nl) == nl ||
			    json_scan(q, nl - q, &r.ix, &err) == -1 ||
			    !r.ix.isobj)
				continue;
			if (mflag)
				merge(&r);
			else
				count(&r);
		}
	free(r.ix.m);
}

/* The counts as pcount -o jsonl writes them; *n its length. */
static char *
result(size_t *n)
{
	struct stat st;
	char *s;

	ngiven = npaths;
	if (mflag && arity > 0)
		npaths = arity;
	else if (mflag && havemnames && nmnames > 0)
		npaths = nmnames;
	if (ftruncate(outfd, 0) == -1 || lseek(outfd, 0, SEEK_SET) == -1)
		abort();
	gather();
	jsonout();
	out_flush(&out_stdout);
	npaths = ngiven;
	if (fstat(outfd, &st) == -1)
		abort();
	s = malloc(st.st_size + 1);
	if (pread(outfd, s, st.st_size, 0) != st.st_size)
		abort();
	*n = st.st_size;
	return s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data;
	char *a, *b, *c;
	size_t na, nb, nc, i;
	int set;

	if (outfd == -1) {
		outfd = memfd_create("counts", 0);
		out_stdout.fd = outfd;
		setprogname("pcount");
	}
	if (size == 0)
		return 0;
	set = data[0] % NSETS;
	start(set);
	xflag = data[0] & 0x80 ? 1 : 0;
	feed(p + 1, size - 1, 1);
	a = result(&na);
	{
		struct jindex ix = { 0 };
		struct jerr err;
		const char *q, *nl;

		for (q = a; q < a + na; q = nl + 1) {
			if ((nl = memchr(q, '\n', a + na - q)) == NULL)
				abort();	/* every line ends in a newline */
			if (json_scan(q, nl - q, &ix, &err) == -1 || !ix.isobj)
				abort();
		}
		free(ix.m);
	}

	/* merged back: the same counts, the same bytes */
	start(set);
	mflag = 1;
	feed(a, na, 1);
	if (status != 0)
		abort();
	b = result(&nb);
	if (nb != na || memcmp(a, b, na) != 0) {
		fprintf(stdout, "counted:\n%.*s\nmerged:\n%.*s\n", (int)na, a,
		    (int)nb, b);
		abort();
	}

	/* merged twice: every count doubled */
	start(set);
	mflag = 1;
	feed(a, na, 2);
	if (status != 0)
		abort();
	c = result(&nc);
	start(set);
	mflag = 1;
	feed(a, na, 1);
	for (i = 0; i < tabcap; i++)
		tab[i].count *= 2;
	nrecords *= 2;
	other *= 2;
	free(b);
	b = result(&nb);
	if (nb != nc || memcmp(b, c, nb) != 0)
		abort();
	free(a);
	free(b);
	free(c);
	reset();
	return 0;
}
