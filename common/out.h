/* out.h: buffered, checked output */

struct out {
	int		 fd;
	const char	*name;
	char		*buf;
	size_t		 len, cap;
	int		 err;
};

extern struct out out_stdout;

void	out_flush(struct out *);
int	out_close(struct out *);
void	out_open(struct out *, int, const char *);
void	out_grow(struct out *, size_t);

static inline void
out_write(struct out *o, const void *p, size_t n)
{
	if (o->cap - o->len < n) {
		out_flush(o);
		if (o->cap < n)
			out_grow(o, n);
	}
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

static inline void
out_putc(struct out *o, int c)
{
	if (o->len == o->cap)
		out_flush(o);
	o->buf[o->len++] = (char)c;
}

static inline void
out_puts(struct out *o, const char *s)
{
	out_write(o, s, strlen(s));
}
