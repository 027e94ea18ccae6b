/* jval.h: walking inside a JSON value already known to be valid */

/* An iterator over an object's members or an array's elements. */
struct jiter {
	const char	*p, *e;
	int		 obj;		/* members (with keys), not elements */
};

int	 jval_open(struct jiter *, const char *, size_t);
int	 jval_next(struct jiter *, struct member *);
int	 jval_key(struct jiter *, struct member *);
void	 jval_value(struct jiter *, struct member *, const char *);
int	 jval_get(const char *, size_t, const char *, size_t, struct span *);
const char *jval_end(const char *, const char *);
const char *jval_close(const char *, const char *);
void	 jval_compact(struct buf *, const char *, size_t);
void	 jval_canon(struct buf *, const char *, size_t);
