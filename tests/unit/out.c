/* out.c: unit tests of checked output */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "paperpipe.h"
#include "unit.h"

void
unit_out(void)
{
	char path[] = "/tmp/unit-out.XXXXXX";
	struct out o;
	char *big, *back;
	size_t n = 1000000, got = 0;
	ssize_t r;
	int fd;

	if ((fd = mkstemp(path)) == -1) {
		check(0, "out: temporary file");
		return;
	}
	unlink(path);
	big = emalloc(n);
	back = emalloc(n + 10);
	memset(big, 'x', n);
	big[n - 1] = 'y';
	out_open(&o, fd, path);
	out_write(&o, "ab", 2);
	out_write(&o, big, n);		/* more than the buffer holds */
	out_write(&o, "cd", 2);
	out_flush(&o);
	lseek(fd, 0, SEEK_SET);
	while ((r = read(fd, back + got, n + 10 - got)) > 0)
		got += (size_t)r;
	check(got == n + 4 && memcmp(back, "ab", 2) == 0 &&
	    memcmp(back + 2, big, n) == 0 && memcmp(back + n + 2, "cd", 2) == 0,
	    "out: a write larger than the buffer, in order");
	out_close(&o);
	close(fd);
	free(big);
	free(back);
}
