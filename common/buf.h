/* buf.h: a growable byte buffer, reused across records */

struct buf {
	char	*p;
	size_t	 len, cap;
};

void	buf_grow(struct buf *, size_t);
void	buf_adds(struct buf *, const char *);
void	buf_free(struct buf *);

static inline void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->cap - b->len < n)
		buf_grow(b, n);
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
}

static inline void
buf_addc(struct buf *b, int c)
{
	if (b->cap == b->len)
		buf_grow(b, 1);
	b->p[b->len++] = (char)c;
}
