/* rec.h: records (one JSON object per line) read from file operands */

struct rec {
	const char	*line;
	size_t		 len;
	struct jindex	 ix;
	const char	*file;
	unsigned long long lineno;
};

/* A field to set when writing a record: key, and its value as JSON text. */
struct field {
	const char	*key;
	const char	*val;
	size_t		 vlen;
};

struct rin {
	char		**files;
	int		 nfiles, next;
	int		 open;
	struct lines	 l;
	struct rec	 rec;
	int		 status;
};

void	 rin_init(struct rin *, int, char **);
struct rec *rin_next(struct rin *);
int	 rin_close(struct rin *);
void	 rec_warn(const struct rec *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

const struct member *rec_get(const struct rec *, const char *);
int	 rec_str(const struct rec *, const char *, struct buf *);
void	 rec_write(struct out *, const struct rec *, const struct field *,
	    size_t);
