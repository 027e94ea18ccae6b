/*
 * pcount.c: libFuzzer target for pcount's counting and merging, the run of
 * tools/pcount-run.c that pcount's main drives.  Each input is JSON Lines;
 * the first byte picks the fields counted (one path, a dotted path, two,
 * time buckets) and the options (-x, -r, -n 2, -s).  The records are counted
 * and written as `pcount -o jsonl`; that output, merged back with --merge,
 * must give the same output byte for byte (every value and count
 * round-trips as JSON), every line of it must be a JSON object, and merging
 * it twice must double every count.  Nothing may crash or leak (ASan/UBSan).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paperpipe.h"
#include "pcount.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int outfd = -1;
static int opts;		/* the first byte: the set and the options */

static const char *const pathsets[][3] = {
	{ "a", NULL }, { "a.b", NULL }, { "a", "b", NULL }, { "a\\.b", "c", NULL },
	{ "d:month", NULL }, { "d:year", "a", NULL }, { "a", "d:day", NULL },
	{ "d:quarter", "d:week", NULL },
};
#define NSETS	(sizeof(pathsets) / sizeof(pathsets[0]))

/* A fresh run of pcount with the set's paths; merging with merge. */
static void
start(int merge)
{
	const char *const *set = pathsets[(opts & 0x0f) % NSETS];
	int i;

	run_free();
	for (i = 0; set[i] != NULL; i++)
		run_path(set[i]);
	mflag = merge;
	xflag = (opts & 0x80) != 0;
	rflag = (opts & 0x40) != 0;
	nflag = opts & 0x20 ? 2 : 0;
	vflag = opts & 0x10 ? (opts & 0x08 ? STIME : SVALUE) : SCOUNT;
	form = JSONL;
	run_start();
}

/* Feed the lines of p[0..n) to run_count (or run_merge, with mflag). */
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
				run_merge(&r);
			else
				run_count(&r);
		}
	free(r.ix.m);
}

/* The counts as pcount -o jsonl writes them; *n its length, *st run_end's. */
static char *
result(size_t *n, int *status)
{
	struct stat st;
	char *s;

	*status = run_end();
	if (ftruncate(outfd, 0) == -1 || lseek(outfd, 0, SEEK_SET) == -1)
		abort();
	render();
	out_flush(&out_stdout);
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
	int st;

	if (outfd == -1) {
		outfd = memfd_create("counts", 0);
		out_stdout.fd = outfd;
		setprogname("pcount");
	}
	if (size == 0)
		return 0;
	opts = data[0];
	start(0);
	feed(p + 1, size - 1, 1);
	a = result(&na, &st);
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
	start(1);
	feed(a, na, 1);
	b = result(&nb, &st);
	if (st != 0)
		abort();
	if (nb != na || memcmp(a, b, na) != 0) {
		fprintf(stdout, "counted:\n%.*s\nmerged:\n%.*s\n", (int)na, a,
		    (int)nb, b);
		fflush(stdout);
		abort();
	}

	/* merged twice: every count doubled */
	start(1);
	feed(a, na, 2);
	c = result(&nc, &st);
	if (st != 0)
		abort();
	start(1);
	feed(a, na, 1);
	for (i = 0; i < tabcap; i++) {
		tab[i].count *= 2;
		tab[i].recs *= 2;
	}
	nrecords *= 2;
	other *= 2;
	free(b);
	b = result(&nb, &st);
	if (nb != nc || memcmp(b, c, nb) != 0) {
		fprintf(stdout, "twice:\n%.*s\ndoubled:\n%.*s\n", (int)nc, c,
		    (int)nb, b);
		fflush(stdout);
		abort();
	}
	free(a);
	free(b);
	free(c);
	run_free();
	return 0;
}
