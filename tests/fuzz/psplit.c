/*
 * psplit.c: libFuzzer target for psplit's page readers.  Arbitrary bytes
 * are split as a page (auto-detected, or forced to a format by the first
 * byte); whatever psplit writes must be JSON Lines records that the
 * record scanner accepts, each an object with a "title" and an "abstract",
 * and nothing may crash or leak (ASan/UBSan).  Built with READERS, a
 * comma-separated list of format names, it fuzzes those readers only
 * (the first byte picks one): one target per reader in make fuzz.
 */
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paperpipe.h"
#include "psplit.h"

static int infd = -1, outfd, devnull, errfd;
static char inpath[64];

static void
check(const char *p, size_t n)
{
	struct jindex ix = { 0 };
	struct jerr err;
	const char *nl, *e = p + n;
	size_t i;
	int has;

	if (n > 0 && p[n - 1] != '\n')
		abort();		/* every record ends in a newline */
	for (; p < e; p = nl + 1) {
		nl = memchr(p, '\n', e - p);
		if (json_scan(p, nl - p, &ix, &err) == -1 || !ix.isobj)
			abort();
		for (i = 0, has = 0; i < ix.n; i++)
			has |= json_key_eq(&ix.m[i], "title", 5) |
			    json_key_eq(&ix.m[i], "abstract", 8) << 1;
		if (has != 3)
			abort();
	}
	free(ix.m);
}

#ifdef READERS
/* The format of the k-th name in READERS, k taken modulo their number. */
static const struct format *
reader(unsigned k)
{
	static const struct format *list[16];
	static unsigned n;
	static int done;
	const char *p, *c;
	size_t i, len;

	for (p = READERS; !done && p != NULL; p = c != NULL ? c + 1 : NULL) {
		c = strchr(p, ',');
		len = c != NULL ? (size_t)(c - p) : strlen(p);
		for (i = 0; i < psplit_nformats; i++)
			if (strlen(psplit_formats[i].name) == len &&
			    memcmp(psplit_formats[i].name, p, len) == 0)
				list[n++] = &psplit_formats[i];
	}
	done = 1;
	if (n == 0)
		abort();
	return list[k % n];
}
#endif

/* What psplit does with one input, as its split() does. */
static void
split(const char *path, const struct format *f, int verbose)
{
	static struct psplit ps;
	struct lines l;

	if (lines_open(&l, path) == -1)
		abort();
	ps.file = l.name;
	ps.npapers = 0;
	ps.status = EXIT_OK;
	ps.verbose = verbose;
	ps.rec.len = 0;
	ps.nulstop = 0;
	ps.emptyok = 0;
	if (f == NULL)
		f = psplit_detect(&ps, &l);
	if (f != NULL)
		f->read(&l, &ps);
	lines_close(&l);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *out;
	const struct format *f;
	struct stat st;

	if (infd == -1) {
		infd = memfd_create("page", 0);
		outfd = memfd_create("records", 0);
		devnull = open("/dev/null", O_WRONLY);
		errfd = dup(2);
		snprintf(inpath, sizeof(inpath), "/proc/self/fd/%d", infd);
		out_stdout.fd = outfd;
		setprogname("psplit");
	}
	if (ftruncate(infd, 0) == -1 || pwrite(infd, data, size, 0) !=
	    (ssize_t)size)
		abort();
	f = NULL;
#ifdef READERS
	f = reader(size > 0 ? data[0] : 0);
#else
	if (size > 0 && data[0] % 3 != 0)
		f = &psplit_formats[data[0] % psplit_nformats];
#endif
	dup2(devnull, 2);
	split(inpath, f, size > 0 && data[0] & 0x80);
	out_flush(&out_stdout);
	dup2(errfd, 2);
	if (fstat(outfd, &st) == -1)
		abort();
	out = realloc(out, st.st_size + 1);
	if (pread(outfd, out, st.st_size, 0) != st.st_size)
		abort();
	check(out, st.st_size);
	if (ftruncate(outfd, 0) == -1 || lseek(outfd, 0, SEEK_SET) == -1)
		abort();
	return 0;
}
