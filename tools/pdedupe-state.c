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
 * then the records owed (handed out by --defer, not yet committed), then
 * an 8-byte XXH3-64 checksum of all that precedes it:
 *
 *	pdedupe state 2
 *	key default
 *	keys 2446
 *	owed 3 1874
 *	<blank line>
 *
 * "owed N BYTES": N records in BYTES bytes, each a 4-byte length L and a
 * 4-byte count F (little-endian), F fingerprints of 16 bytes (the record's
 * keys), and the L bytes of its line.  Format 1, the same without owed
 * records, is read and written back as format 2.
 *
 * It is never written in place: a new one is written next to it, synced
 * and renamed over it, so a crash leaves the old file or the new one.
 */
#define MAGIC	"pdedupe state "
#define FORMAT	2
#define CHUNK	(64 * 1024)
#define MAXHEAD	(1 << 20)	/* a header longer than this is no state */
#define MAXFP	16		/* keys of one owed record, at most */

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

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static void
put32(unsigned char *p, uint32_t v)
{
	int i;

	for (i = 0; i < 4; i++, v >>= 8)
		p[i] = (unsigned char)v;
}

/* Keep a record as owed: its line and its keys' fingerprints. */
void
state_owe(struct state *st, const char *line, size_t len, const struct fp *k,
    size_t nk)
{
	struct owed *o;
	size_t i;

	if (st->nowed == st->capowed) {
		st->capowed = st->capowed ? st->capowed * 2 : 64;
		st->owed = erealloc(st->owed, st->capowed * sizeof(*st->owed));
	}
	o = &st->owed[st->nowed++];
	o->off = st->lines.len;
	o->len = len;
	o->fpoff = st->nfps;
	o->nfp = nk > MAXFP ? MAXFP : nk;
	o->done = 0;
	buf_add(&st->lines, line, len);
	if (st->nfps + o->nfp > st->capfps) {
		st->capfps = (st->nfps + o->nfp) * 2;
		st->fps = erealloc(st->fps, st->capfps * sizeof(*st->fps));
	}
	for (i = 0; i < o->nfp; i++) {
		st->fps[st->nfps].lo = k[i].lo;
		st->fps[st->nfps++].hi = k[i].hi & ~FP_FLAGS;
	}
}

/* The owed records of a format 2 file, from the n bytes at p. */
static void
loadowed(struct state *st, const unsigned char *p, size_t n,
    unsigned long long nowed)
{
	const unsigned char *e = p + n;
	struct fp k[MAXFP];
	uint32_t len, nk, i;

	for (; nowed > 0; nowed--) {
		if (e - p < 8)
			goto bad;
		len = get32(p);
		nk = get32(p + 4);
		p += 8;
		if (nk > MAXFP || (size_t)(e - p) < (size_t)nk * 16 ||
		    (size_t)(e - p) - (size_t)nk * 16 < len)
			goto bad;
		for (i = 0; i < nk; i++, p += 16) {
			k[i].lo = getle(p);
			k[i].hi = getle(p + 8);
		}
		state_owe(st, (const char *)p, len, k, nk);
		p += len;
	}
	if (p == e)
		return;
bad:
	die(EXIT_TROUBLE, "%s: damaged state file: bad owed records",
	    st->path);
}

static void
load(struct state *st, int fd, off_t size, struct table *t)
{
	char *head, *orig, *p, *e, *v, *end;
	unsigned char *chunk, sum[8];
	unsigned long long nkeys, nowed = 0, obytes = 0, i, n, j;
	XXH3_state_t *xs;
	size_t hlen, want, got = 0, cap = 4096, ml = strlen(MAGIC);
	struct fp f;
	int isnew;
	long fmt;

	if (size == 0)			/* new, or made by touch(1) */
		return;
	/*
	 * The header ends at a blank line; a long -k list makes it long.
	 * A file that does not start as a state is refused at once, and
	 * none is read past MAXHEAD looking for the header's end.
	 */
	head = emalloc(cap);
	for (;;) {
		want = (off_t)cap < size ? cap : (size_t)size;
		if (readall(fd, head + got, want - got) == -1)
			die(EXIT_TROUBLE, "%s: read error:", st->path);
		got = want;
		if (memcmp(head, MAGIC, got < ml ? got : ml) != 0)
			die(EXIT_TROUBLE, "%s: not a pdedupe state file",
			    st->path);
		if (memmem(head, got, "\n\n", 2) != NULL || (off_t)got == size)
			break;
		if (cap >= MAXHEAD)
			die(EXIT_TROUBLE, "%s: damaged state file: no end to "
			    "its header", st->path);
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
	if (*end != '\0' || fmt < 1 || fmt > FORMAT)
		die(EXIT_TROUBLE, "%s: state file format %s; this pdedupe "
		    "reads formats 1 to %d", st->path, v, FORMAT);
	if ((v = hline(&p, e, "key ")) == NULL)
		die(EXIT_TROUBLE, "%s: damaged state file: no key line",
		    st->path);
	if (strcmp(v, st->keydesc) != 0)
		die(EXIT_TROUBLE, "%s: its keys were made with '%s', this run "
		    "makes them with '%s': use the same key options, or "
		    "another state file", st->path, v, st->keydesc);
	if ((v = hline(&p, e, "keys ")) == NULL || *v == '\0' ||
	    (nkeys = strtoull(v, &end, 10), *end != '\0'))
		goto badhead;
	if (fmt >= 2 && ((v = hline(&p, e, "owed ")) == NULL ||
	    (nowed = strtoull(v, &end, 10), *end != ' ') ||
	    (obytes = strtoull(end + 1, &end, 10), *end != '\0')))
		goto badhead;
	if (hline(&p, e, "") == NULL)
		goto badhead;
	hlen = p - head;
	if (nkeys > (unsigned long long)size / 16 ||
	    obytes > (unsigned long long)size ||
	    nowed > obytes / 8 ||
	    (unsigned long long)size != hlen + nkeys * 16 + obytes + 8)
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
			/* Format 1 had hash bits there, and titles only of
			 * records without ids. */
			if (fmt == 1)
				f.hi = (f.hi & ~FP_TID) | FP_TONLY;
			if (fp_empty(&f))
				continue;
			tab_get(t, f, &isnew);
			if (isnew)
				st->nloaded++;
		}
	}
	free(chunk);
	chunk = emalloc(obytes + 1);
	if (readall(fd, (char *)chunk, obytes) == -1 ||
	    readall(fd, (char *)sum, 8) == -1)
		die(EXIT_TROUBLE, "%s: read error:", st->path);
	XXH3_64bits_update(xs, chunk, obytes);
	if (getle(sum) != XXH3_64bits_digest(xs))
		die(EXIT_TROUBLE, "%s: damaged state file: checksum mismatch",
		    st->path);
	loadowed(st, chunk, obytes, nowed);
	XXH3_freeState(xs);
	free(chunk);
	free(head);
	free(orig);
	return;
badhead:
	die(EXIT_TROUBLE, "%s: damaged state file: bad header", st->path);
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
 * a lock on a file no longer there, so it checks and locks again.  The
 * file is opened without waiting (a FIFO would block) and its type checked
 * before anything is read.
 */
void
state_open(struct state *st, const char *path, const char *keydesc,
    int dryrun, struct table *t)
{
	struct stat a, b;
	char *dir;
	int fd, flags = O_RDONLY | O_NONBLOCK | O_NOCTTY;

	memset(st, 0, sizeof(*st));
	path = resolve(path);
	st->path = path;
	st->keydesc = keydesc;
	st->dryrun = dryrun;
	st->mode = 0666;
	st->tmp = emalloc(strlen(path) + 5);
	snprintf(st->tmp, strlen(path) + 5, "%s.tmp", path);
	dir = dirof(path);
	for (;;) {
		fd = open(path, dryrun ? flags : flags | O_CREAT, 0666);
		if (fd == -1) {
			if (errno == ENOENT && stat(dir, &a) == -1 &&
			    errno == ENOENT)
				die(EXIT_TROUBLE, "%s: no folder %s: create it "
				    "first (mkdir -p)", path, dir);
			if (dryrun && errno == ENOENT) {
				free(dir);
				return;
			}
			die(EXIT_TROUBLE, "%s:", path);
		}
		if (fstat(fd, &a) == -1)
			die(EXIT_TROUBLE, "%s:", path);
		if (!S_ISREG(a.st_mode))
			die(EXIT_TROUBLE, "%s: not a regular file", path);
		if (flock(fd, dryrun ? LOCK_SH : LOCK_EX) == -1)
			die(EXIT_TROUBLE, "%s: lock:", path);
		if (fstat(fd, &a) == -1)
			die(EXIT_TROUBLE, "%s:", path);
		if (stat(path, &b) == 0 && a.st_ino == b.st_ino &&
		    a.st_dev == b.st_dev)
			break;
		close(fd);
	}
	/* fd stays open: the lock lasts until pdedupe exits. */
	st->mode = a.st_mode & 07777;
	/* Fail before any output if the file cannot be replaced later. */
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
	const char *s = p;
	size_t k;

	if (w->xs != NULL)
		XXH3_64bits_update(w->xs, p, n);
	while (n > 0) {
		if (w->len == CHUNK && wflush(w) == -1)
			return -1;
		k = CHUNK - w->len < n ? CHUNK - w->len : n;
		memcpy(w->b + w->len, s, k);
		w->len += k;
		s += k;
		n -= k;
	}
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
	const struct owed *o;
	unsigned long long n = 0;
	size_t si, i, j, ob, no;
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
	/*
	 * The name is known, so the file is made new: whatever is there (a
	 * crash's leftover, or a link planted to make this run overwrite
	 * another file) is removed, not followed, and the file is created
	 * exclusively.
	 */
	if (unlink(st->tmp) == -1 && errno != ENOENT)
		goto fail;
	if ((fd = open(st->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_NOCTTY, 0600)) == -1)
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
	for (i = 0, ob = 0, no = 0; i < st->nowed; i++)
		if (!st->owed[i].done) {
			ob += 8 + st->owed[i].nfp * 16 + st->owed[i].len;
			no++;
		}
	hl = snprintf(head, sizeof(head), "\nkeys %llu\nowed %zu %zu\n\n", n,
	    no, ob);
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
	for (i = 0; i < st->nowed; i++) {
		o = &st->owed[i];
		if (o->done)
			continue;
		put32(e, (uint32_t)o->len);
		put32(e + 4, (uint32_t)o->nfp);
		if (wadd(&w, e, 8) == -1)
			goto fail;
		for (j = 0; j < o->nfp; j++) {
			putle(e, st->fps[o->fpoff + j].lo);
			putle(e + 8, st->fps[o->fpoff + j].hi);
			if (wadd(&w, e, 16) == -1)
				goto fail;
		}
		if (wadd(&w, st->lines.p + o->off, o->len) == -1)
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
