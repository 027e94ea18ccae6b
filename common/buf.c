/* buf.c: a growable byte buffer */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"

/* Make room for n more bytes, doubling so appends stay amortised O(1). */
void
buf_grow(struct buf *b, size_t n)
{
	size_t cap = b->cap ? b->cap : 256;

	while (cap - b->len < n) {
		if (cap > (size_t)-1 / 2)
			die(EXIT_TROUBLE, "buffer too large");
		cap *= 2;
	}
	if (cap != b->cap) {
		b->p = erealloc(b->p, cap);
		b->cap = cap;
	}
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}
