/* rec.c: unit tests of records (set fields, read lines) and UTF-8 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "paperpipe.h"
#include "unit.h"

/* rec_write of line with fields set, through a pipe into a string */
static int
setfields(const char *line, const struct field *f, size_t nf, const char *want)
{
	static char got[4096];
	struct rec r = { 0 };
	struct jerr err;
	struct out o;
	int fds[2];
	ssize_t n;
	int ok;

	r.line = line;
	r.len = strlen(line);
	if (json_scan(line, r.len, &r.ix, &err) == -1 || pipe(fds) == -1)
		return 0;
	out_open(&o, fds[1], "pipe");
	rec_write(&o, &r, f, nf);
	out_close(&o);
	n = read(fds[0], got, sizeof(got) - 1);
	close(fds[0]);
	got[n < 0 ? 0 : n] = '\0';
	ok = strcmp(got, want) == 0;
	if (!ok)
		printf("# got  %s# want %s", got, want);
	free(r.ix.m);
	return ok;
}

static void
unit_write(void)
{
	struct field tags = { "tags", "[\"x\"]", 5 };
	struct field two[] = { { "b", "2", 1 }, { "z", "\"q\"", 3 } };

	check(setfields("{\"a\":1}", &tags, 1, "{\"a\":1,\"tags\":[\"x\"]}\n"),
	    "rec: missing field appended");
	check(setfields("{}", &tags, 1, "{\"tags\":[\"x\"]}\n"),
	    "rec: field added to an empty object");
	check(setfields("{ }", &tags, 1, "{\"tags\":[\"x\"] }\n"),
	    "rec: white space inside an empty object kept");
	check(setfields("{\"tags\": [\"old\"], \"n\": 1.50}", &tags, 1,
	    "{\"tags\": [\"x\"], \"n\": 1.50}\n"),
	    "rec: present field replaced in place, bytes kept");
	check(setfields("{\"a\":1,\"b\":{\"c\":[]} , \"d\":\"\\u00e9\" }", two, 2,
	    "{\"a\":1,\"b\":2 , \"d\":\"\\u00e9\",\"z\":\"q\" }\n"),
	    "rec: one replaced, one appended, spacing and escapes kept");
	check(setfields("{\"b\":1,\"b\":3}", two, 1, "{\"b\":1,\"b\":2}\n"),
	    "rec: duplicate key: the last one is set, as jq reads it");
}

static void
unit_lines(void)
{
	char path[] = "/tmp/unit-lines-XXXXXX", *line;
	struct lines l;
	long long n;
	size_t i, big = 600000;
	FILE *fp;
	int fd, ok;

	if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		check(0, "lines: temporary file");
		return;
	}
	fputs("a\r\n\nb\n", fp);
	for (i = 0; i < big; i++)
		fputc('x', fp);
	fputs("\nlast", fp);
	fclose(fp);
	if (lines_open(&l, path) == -1) {
		check(0, "lines: open");
		return;
	}
	n = lines_next(&l, &line);
	check(n == 1 && line[0] == 'a' && l.crlf, "lines: CRLF stripped");
	ok = lines_offset(&l, line) == 0;
	n = lines_next(&l, &line);
	check(n == 0 && l.lineno == 2, "lines: empty line counted");
	ok = ok && lines_offset(&l, line) == 3;
	n = lines_next(&l, &line);
	check(n == 1 && line[0] == 'b', "lines: plain line");
	ok = ok && lines_offset(&l, line) == 4;
	n = lines_next(&l, &line);
	ok = ok && lines_offset(&l, line) == 6;
	check(ok, "lines: the file offset of each line");
	ok = n == (long long)big;
	for (i = 0; ok && i < big; i++)
		ok = line[i] == 'x';
	check(ok, "lines: a line longer than the block buffer");
	n = lines_next(&l, &line);
	check(n == 4 && memcmp(line, "last", 4) == 0 && l.lineno == 5,
	    "lines: last line without a newline");
	check(lines_offset(&l, line) == 6 + (long long)big + 1,
	    "lines: the file offset after the buffer grew");
	check(lines_next(&l, &line) == -1, "lines: end of input");
	check(lines_close(&l) == 0, "lines: no read error");
	unlink(path);
}

/*
 * lines_read after lines_next and lines_peek: small reads come from the
 * buffer, large ones (read straight into the caller's memory when nothing
 * is buffered) must give the same bytes in order, then 0 at the end.
 */
static void
unit_lines_read(void)
{
	char path[] = "/tmp/unit-lines-XXXXXX", *line, *got;
	const char *p;
	struct lines l;
	size_t i, big = 1500000, len = 0, want;
	long long r;
	FILE *fp;
	int fd, ok, turn = 0;
	static const size_t sizes[] = { 10, 70000, 300000, 65536, 1, 500000 };

	if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		check(0, "lines_read: temporary file");
		return;
	}
	fputs("head\n", fp);
	for (i = 0; i < big; i++)
		fputc('a' + (int)(i * 7 % 26), fp);
	fclose(fp);
	if (lines_open(&l, path) == -1) {
		check(0, "lines_read: open");
		return;
	}
	got = emalloc(big + 1);
	ok = lines_next(&l, &line) == 4 && memcmp(line, "head", 4) == 0;
	ok = ok && lines_peek(&l, 10, &p) >= 10 && p[0] == 'a';
	for (;;) {
		/* sizes around and far above the direct-read threshold */
		want = sizes[turn++ % 6];
		if (want > big + 1 - len)
			want = big + 1 - len;
		if ((r = lines_read(&l, got + len, want)) <= 0)
			break;
		len += (size_t)r;
	}
	ok = ok && r == 0 && len == big;
	for (i = 0; ok && i < big; i++)
		ok = got[i] == 'a' + (int)(i * 7 % 26);
	check(ok, "lines_read: small and large reads give every byte in order");
	check(lines_peek(&l, 1, &p) == 0 && lines_offset(&l, p) ==
	    5 + (long long)big, "lines_read: the file offset at the end");
	check(lines_read(&l, got, big) == 0, "lines_read: 0 again at the end");
	check(lines_close(&l) == 0, "lines_read: no read error");
	free(got);
	unlink(path);
}

/*
 * A file large enough to be mapped: read from an offset that is not a
 * page's (standard input after a shell read part of it), grown after it
 * was opened (the new lines are read too), peeked whole and skipped, and
 * left at its end as read(2) would leave it.
 */
static void
unit_lines_mapped(void)
{
	char path[] = "/tmp/unit-lines-XXXXXX", *line;
	const char *p;
	struct lines l;
	size_t i, nlines = 200000, got = 0;
	long long n, at = 15;	/* "skip me\n" and "line 0\n" */
	FILE *fp;
	int fd, saved, ok = 1, offok = 1;

	if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		check(0, "lines mapped: temporary file");
		return;
	}
	fputs("skip me\n", fp);
	for (i = 0; i < nlines; i++)
		fprintf(fp, "line %zu\n", i);
	fclose(fp);
	/* (another description of the file, with an offset of its own) */
	if ((fd = open(path, O_RDONLY)) == -1 || (saved = dup(0)) == -1 ||
	    dup2(fd, 0) == -1 || lseek(0, 8, SEEK_SET) != 8 ||
	    (fp = fopen(path, "a")) == NULL) {
		check(0, "lines mapped: standard input");
		return;
	}
	if (lines_open(&l, "-") == -1) {
		check(0, "lines mapped: open");
		fclose(fp);
		return;
	}
	check(l.mapped, "lines mapped: a large regular file is mapped");
	fputs("grown 1\ngrown 2", fp);
	fflush(fp);
	ok = lines_peek(&l, 10, &p) >= 10 && memcmp(p, "line 0\n", 7) == 0;
	lines_skip(&l, 7);
	check(ok, "lines mapped: peek from the offset standard input was at");
	while (ok && (n = lines_next(&l, &line)) >= 0) {
		if (lines_offset(&l, line) != at)
			offok = 0;
		at += n + 1;
		if (got < nlines - 1) {
			char want[32];
			int k = snprintf(want, sizeof(want), "line %zu",
			    got + 1);
			ok = n == k && memcmp(line, want, (size_t)k) == 0;
		} else if (got == nlines - 1)
			ok = n == 7 && memcmp(line, "grown 1", 7) == 0;
		else
			ok = n == 7 && memcmp(line, "grown 2", 7) == 0;
		got++;
	}
	check(ok && got == nlines + 1,
	    "lines mapped: every line, and those written after the open");
	check(offok, "lines mapped: the file offset of each line, mapped and "
	    "read after the mapping");
	check(lseek(0, 0, SEEK_CUR) == lseek(0, 0, SEEK_END),
	    "lines mapped: the offset left at the end, as read(2) leaves it");
	check(lines_close(&l) == 0, "lines mapped: no read error");
	dup2(saved, 0);
	close(saved);
	close(fd);
	fclose(fp);
	unlink(path);
}

static void
unit_utf8(void)
{
	struct buf b = { 0 };

	check(utf8_valid("ab\xc3\xa9z", 5) == 5, "utf8: valid text");
	check(utf8_valid("ab\xc3", 3) == 2, "utf8: truncated sequence");
	check(utf8_valid("0123456789\xff", 11) == 10, "utf8: bad byte after ASCII run");
	check(utf8_valid("0123456789abcdef0123456789abcdef\xc3\xa9"
	    "0123456789abcdef0123456789\xe2\x82", 62) == 60,
	    "utf8: long ASCII runs around a sequence, then a cut one");
	check(utf8_valid("0123456789abcdef0123456789abcdef", 32) == 32,
	    "utf8: ASCII that ends at a 16-byte boundary");
	check(utf8_repair(&b, "a\xff" "b\xc3", 4) == 2 && b.len == 8 &&
	    memcmp(b.p, "a\xef\xbf\xbd" "b\xef\xbf\xbd", 8) == 0,
	    "utf8: repair replaces each bad byte with U+FFFD");
	buf_free(&b);
}

void
unit_rec(void)
{
	unit_write();
	unit_lines();
	unit_lines_read();
	unit_lines_mapped();
	unit_utf8();
}
