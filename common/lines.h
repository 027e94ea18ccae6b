/* lines.h: read a file or stdin in large blocks, one line at a time */

struct lines {
	int		 fd;
	const char	*name;		/* for messages: the path, or <stdin> */
	char		*buf;		/* read into, or the file mapped */
	size_t		 cap, pos, end;
	size_t		 kept;		/* mapped: the first byte still mapped */
	long long	 base;		/* the file offset of buf[0] */
	unsigned long long lineno;
	int		 eof, err, crlf, mapped;
};

int	lines_open(struct lines *, const char *);
long long lines_next(struct lines *, char **);
int	lines_close(struct lines *);
size_t	lines_peek(struct lines *, size_t, const char **);
void	lines_skip(struct lines *, size_t);
long long lines_read(struct lines *, char *, size_t);
long long lines_offset(const struct lines *, const char *);
