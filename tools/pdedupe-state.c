/* pdedupe-state.c: the state file, read under a lock and replaced whole */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xxhash.h>

#include "paperpipe.h"
#include "pdedupe.h"

/*
 * The file is a short text header, then 16 bytes per key (the fingerprint
 * words lo and hi, little-endian, hi's low bits holding day and pending),
 * then an 8-byte XXH3-64 checksum of all that precedes it:
 *
 *	pdedupe state 1
 *	key default
 *	keys 2446
 *	<blank line>
 *
 * It is never written in place: a new one is written next to it, synced
 * and renamed over it, so a crash leaves the old file or the new one.
 */
#define MAGIC	"pdedupe state "
#define FORMAT	1
#define CHUNK	(64 * 1024)

static int
readall(int fd, char *p, size_t n)
{
	ssize_t r;

	while (n > 0) {
		if ((r = read(fd, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (r == 0) {
			errno = EIO;	/* shorter than it said: cannot be */
			return -1;
		}
		p += r;
		n -= r;
	}
	return 0;
}

static uint64_t
getle(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static void
putle(unsigned char *p, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++, v >>= 8)
		p[i] = (unsigned char)v;
}

/* One header line "name value" from [*p, e); the value, or NULL. */
static char *
hline(char **p, char *e, const char *name)
{
	char *nl = memchr(*p, '\n', e - *p), *v;
	size_t n = strlen(name);

	if (nl == NULL || (size_t)(nl - *p) < n || memcmp(*p, name, n) != 0)
		return NULL;
	*nl = '\0';
	v = *p + n;
	*p = nl + 1;
	return v;
}

static void
load(struct state *st, int fd, off_t size, struct table *t)
{
	char *head, *orig, *p, *e, *v, *end;
	unsigned char *chunk, sum[8];
	unsigned long long nkeys, i, n, j;
	XXH3_state_t *xs;
	size_t hlen, want, got = 0, cap = 4096;
	struct fp f;
	int isnew;
	long fmt;

	if (size == 0)			/* new, or made by touch(1) */
		return;
	/* The header ends at a blank line; a long -k list makes it long. */
	head = emalloc(cap);
	for (;;) {
		want = (off_t)cap < size ? cap : (size_t)size;
		if (readall(fd, head + got, want - got) == -1)
			die(EXIT_TROUBLE, "%s: read error:", st->path);
		got = want;
		if (memmem(head, got, "\n\n", 2) != NULL || (off_t)got == size)
			break;
		head = erealloc(head, cap *= 2);
	}
	want = got;
	orig = emalloc(want);
	memcpy(orig, head, want);	/* parsing cuts the lines */
	p = head;
	e = head + want;
	if ((v = hline(&p, e, MAGIC)) == NULL)
		die(EXIT_TROUBLE, "%s: not a pdedupe state file", st->path);
	fmt = strtol(v, &end, 10);
	if (*end != '\0' || fmt != FORMAT)
		die(EXIT_TROUBLE, "%s: state file format %s; this pdedupe "
		    "reads format %d only", st->path, v, FORMAT);
	if ((v = hline(&p, e, "key ")) == NULL)
		die(EXIT_TROUBLE, "%s: damaged state file: no key line",
		    st->path);
	if (strcmp(v, st->keydesc) != 0)
		die(EXIT_TROUBLE, "%s: its keys were made with '%s', this run "
		    "makes them with '%s': use the same key options, or "
		    "another state file", st->path, v, st->keydesc);
	if ((v = hline(&p, e, "keys ")) == NULL ||
	    (nkeys = strtoull(v, &end, 10), *end != '\0') ||
	    hline(&p, e, "") == NULL || *v == '\0')
		die(EXIT_TROUBLE, "%s: damaged state file: bad header",
		    st->path);
	hlen = p - head;
	if (nkeys > (unsigned long long)size / 16 ||
	    (unsigned long long)size != hlen + nkeys * 16 + 8)
		die(EXIT_TROUBLE, "%s: damaged state file: %lld bytes for "
		    "%llu keys", st->path, (long long)size, nkeys);

	tab_reserve(t, nkeys);
	if ((xs = XXH3_createState()) == NULL)
		die(EXIT_TROUBLE, "out of memory");
	XXH3_64bits_reset(xs);
	XXH3_64bits_update(xs, orig, hlen);
	/* The rest of head holds the first keys: read again from there. */
	if (lseek(fd, (off_t)hlen, SEEK_SET) == -1)
		die(EXIT_TROUBLE, "%s: seek:", st->path);
	chunk = emalloc(CHUNK);
	for (i = 0; i < nkeys; i += n) {
		n = nkeys - i < CHUNK / 16 ? nkeys - i : CHUNK / 16;
		if (readall(fd, (char *)chunk, n * 16) == -1)
			die(EXIT_TROUBLE, "%s: read error:", st->path);
		XXH3_64bits_update(xs, chunk, n * 16);
		for (j = 0; j < n; j++) {
			f.lo = getle(chunk + j * 16);
			f.hi = getle(chunk + j * 16 + 8) & ~FP_RUN;
			if (fp_empty(&f))
				continue;
			tab_get(t, f, &isnew);
			if (isnew) {
				st->nloaded++;
				if (f.hi & FP_PENDING)
					st->npending++;
			}
		}
	}
	if (readall(fd, (char *)sum, 8) == -1)
		die(EXIT_TROUBLE, "%s: read error:", st->path);
	if (getle(sum) != XXH3_64bits_digest(xs))
		die(EXIT_TROUBLE, "%s: damaged state file: checksum mismatch",
		    st->path);
	XXH3_freeState(xs);
	free(chunk);
	free(head);
	free(orig);
}

/* The folder of path, for checking and syncing it. */
static char *
dirof(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *d;

	if (slash == NULL)
		return estrdup(".");
	if (slash == path)
		return estrdup("/");
	d = emalloc(slash - path + 1);
	memcpy(d, path, slash - path);
	d[slash - path] = '\0';
	return d;
}

/*
 * Replace the file a symbolic link names, not the link, even when that
 * file does not exist yet.
 */
static const char *
resolve(const char *path)
{
	struct stat sb;
	size_t cap = 256;
	char *t = NULL, *d, *j;
	ssize_t n;
	int hops;

	for (hops = 0; hops < 40 && lstat(path, &sb) == 0 &&
	    S_ISLNK(sb.st_mode); hops++) {
		for (;;) {
			t = erealloc(t, cap);
			if ((n = readlink(path, t, cap)) == -1)
				return path;
			if ((size_t)n < cap)
				break;
			cap *= 2;
		}
		t[n] = '\0';
		if (t[0] == '/')
			path = estrdup(t);
		else {
			d = dirof(path);
			j = emalloc(strlen(d) + n + 2);
			sprintf(j, "%s/%s", d, t);
			free(d);
			path = j;
		}
	}
	free(t);
	return path;
}

/*
 * Lock the state file and load its keys into t.  The lock is on the file
 * itself; as a run replaces the file by renaming, one that waited may hold
 * a lock on a file no longer there, so it checks and locks again.
 */
void
state_open(struct state *st, const char *path, const char *keydesc,
    int dryrun, struct table *t)
{
	struct stat a, b;
	char *dir;
	int fd;

	memset(st, 0, sizeof(*st));
	path = resolve(path);
	st->path = path;
	st->keydesc = keydesc;
	st->dryrun = dryrun;
	st->fd = -1;
	st->mode = 0666;
	st->tmp = emalloc(strlen(path) + 5);
	snprintf(st->tmp, strlen(path) + 5, "%s.tmp", path);
	for (;;) {
		fd = open(path, dryrun ? O_RDONLY : O_RDONLY | O_CREAT, 0666);
		if (fd == -1) {
			if (dryrun && errno == ENOENT)
				return;
			die(EXIT_TROUBLE, "%s:", path);
		}
		if (flock(fd, dryrun ? LOCK_SH : LOCK_EX) == -1)
			die(EXIT_TROUBLE, "%s: lock:", path);
		if (fstat(fd, &a) == -1)
			die(EXIT_TROUBLE, "%s:", path);
		if (stat(path, &b) == 0 && a.st_ino == b.st_ino &&
		    a.st_dev == b.st_dev)
			break;
		close(fd);
	}
	if (!S_ISREG(a.st_mode))
		die(EXIT_TROUBLE, "%s: not a regular file", path);
	st->fd = fd;
	st->mode = a.st_mode & 07777;
	/* Fail before any output if the file cannot be replaced later. */
	dir = dirof(path);
	if (!dryrun && access(dir, W_OK) == -1)
		die(EXIT_TROUBLE, "%s: cannot replace the state file in %s:",
		    path, dir);
	free(dir);
	load(st, fd, a.st_size, t);
}

struct wbuf {
	int		 fd;
	size_t		 len;
	XXH3_state_t	*xs;
	unsigned char	 b[CHUNK];
};

static int
wflush(struct wbuf *w)
{
	size_t done = 0;
	ssize_t r;

	while (done < w->len) {
		if ((r = write(w->fd, w->b + done, w->len - done)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		done += r;
	}
	w->len = 0;
	return 0;
}

static int
wadd(struct wbuf *w, const void *p, size_t n)
{
	if (w->xs != NULL)
		XXH3_64bits_update(w->xs, p, n);
	if (CHUNK - w->len < n && wflush(w) == -1)
		return -1;
	memcpy(w->b + w->len, p, n);
	w->len += n;
	return 0;
}

static int
expired(const struct fp *f, unsigned today, long long days)
{
	unsigned day = (unsigned)(f->hi & FP_DAY);

	return days >= 0 && day < today && today - day > days;
}

/*
 * Write the keys of t, less those not seen for more than days, to a new
 * file and rename it over the old one.  On failure the old file stays
 * and -1 is returned, with a message.
 */
int
state_save(struct state *st, struct table *t, unsigned today, long long days,
    unsigned long long *nkept, unsigned long long *ngone)
{
	static struct wbuf w;
	unsigned char e[16];
	char head[128], *dir;
	const struct fp *f;
	unsigned long long n = 0;
	size_t si, i;
	int fd = -1, made = 0, dfd, hl;

	*nkept = *ngone = 0;
	if (st->dryrun)
		return 0;
	for (si = 0; si < TAB_NSEG; si++)
		for (i = 0; i < t->seg[si].cap; i++) {
			f = &t->seg[si].slot[i];
			if (fp_empty(f))
				continue;
			if (expired(f, today, days))
				(*ngone)++;
			else
				n++;
		}
	*nkept = n;
	w.xs = NULL;
	if ((fd = open(st->tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1)
		goto fail;
	made = 1;
	w.fd = fd;
	w.len = 0;
	if ((w.xs = XXH3_createState()) == NULL)
		die(EXIT_TROUBLE, "out of memory");
	XXH3_64bits_reset(w.xs);
	hl = snprintf(head, sizeof(head), "%s%d\nkey ", MAGIC, FORMAT);
	if (fchmod(fd, st->mode) == -1 || wadd(&w, head, hl) == -1 ||
	    wadd(&w, st->keydesc, strlen(st->keydesc)) == -1)
		goto fail;
	hl = snprintf(head, sizeof(head), "\nkeys %llu\n\n", n);
	if (wadd(&w, head, hl) == -1)
		goto fail;
	for (si = 0; si < TAB_NSEG; si++)
		for (i = 0; i < t->seg[si].cap; i++) {
			f = &t->seg[si].slot[i];
			if (fp_empty(f) || expired(f, today, days))
				continue;
			putle(e, f->lo);
			putle(e + 8, f->hi & ~FP_RUN);
			if (wadd(&w, e, 16) == -1)
				goto fail;
		}
	putle(e, XXH3_64bits_digest(w.xs));
	XXH3_freeState(w.xs);
	w.xs = NULL;
	if (wadd(&w, e, 8) == -1 || wflush(&w) == -1 || fsync(fd) == -1)
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(st->tmp, st->path) == -1)
		goto fail;
	/* Make the rename itself durable. */
	dir = dirof(st->path);
	if ((dfd = open(dir, O_RDONLY)) != -1) {
		if (fsync(dfd) == -1 && errno != EINVAL)
			warnf("%s: fsync:", dir);
		close(dfd);
	}
	free(dir);
	return 0;
fail:
	warnf("%s: cannot write the new state, %s is unchanged:", st->tmp,
	    st->path);
	if (w.xs != NULL) {
		XXH3_freeState(w.xs);
		w.xs = NULL;
	}
	if (fd != -1)
		close(fd);
	if (made)
		unlink(st->tmp);
	return -1;
}
