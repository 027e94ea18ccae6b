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

/* A bad line held while the reader cannot yet tell what the input is. */
struct held {
	unsigned long long line;
	size_t		 col;		/* 0: "not a JSON object" */
	const char	*why;
};

struct rin {
	char		**files;
	int		 nfiles, next;
	int		 open;
	struct lines	 l;
	struct rec	 rec;
	int		 status;
	/* what the current file is: decided from its first lines */
	int		 shape;
	int		 first;		/* first byte of its first line */
	int		 nheld;
	struct held	 held[3];
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
