/* path.h: field paths (paperpipe(7), "Field paths") and one walk over a value */

/* One component: a member name, and its number when it is all digits. */
struct pcomp {
	char		*s;		/* unescaped, NUL-terminated */
	size_t		 n;
	int		 isidx;		/* all digits: an array element too */
	size_t		 idx;		/* SIZE_MAX when too large */
};

struct fpath {
	char		*name;		/* as given */
	struct pcomp	*c;
	size_t		 n;		/* components, at least one */
	int		 each;		/* arrays stand for each element */
	unsigned long long seen;	/* records it had a value in (path_rec) */
};

/* Called with each value found (valid JSON text); nonzero stops the walk. */
typedef int	(*path_fn)(void *, const char *, size_t);

enum { PATH_ONE = 0, PATH_EACH = 1 };

const char *path_parse(struct fpath *, const char *, int);
void	 path_free(struct fpath *);
size_t	 path_walk(const struct fpath *, size_t, const char *, size_t,
	    path_fn, void *);
size_t	 path_rec(struct fpath *, const struct rec *, path_fn, void *);
int	 path_get(const struct fpath *, const struct rec *, struct span *);
void	 path_unseen(const struct fpath *, size_t);

/* Is m (a member of a record) the path's first component? */
static inline int
path_member(const struct fpath *pa, const struct member *m)
{
	const struct pcomp *c = &pa->c[0];

	if (m->kesc)
		return json_key_eq(m, c->s, c->n);
	/* names are never empty: the first byte tells most apart cheaply */
	return m->key.n == c->n && m->key.p[0] == c->s[0] &&
	    memcmp(m->key.p, c->s, c->n) == 0;
}
