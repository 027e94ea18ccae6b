/*
 * plinks.h: the link extractor and classifier behind plinks: what
 * plinks.c and the fuzz target call, and what the parts share
 * (plinks-extract.c finds links, plinks-url.c where a URL ends,
 * plinks-kind.c their kinds and canonical form).
 */

enum {
	K_CODE, K_PROJECT, K_MODEL, K_DATASET, K_SPACE, K_PAPER, K_DOI, K_WEB,
	NKIND
};

/* One link; its strings live in the owning struct links' buffer. */
struct link {
	size_t	 at;		/* where text starts in the scanned string */
	size_t	 text, tlen;	/* the characters as written */
	size_t	 url, ulen;	/* absolute URL (canonical form with -c) */
	size_t	 ver, vlen;	/* arXiv version split off by canonical form */
	int	 kind;
};

struct links {
	struct link	*v;
	size_t		 n, cap;
	struct buf	 b;
	unsigned	 kinds;		/* kinds kept, a bit each; 0 keeps all */
	int		 canonical;
	int		 repeats;	/* keep repeated URLs too */
	/* a hash set of URLs, so repeats are dropped in linear time */
	size_t		*slot;
	unsigned	*gen;
	size_t		 nslot;
	unsigned	 curgen;
};

void	 links_init(void);
void	 links_reset(struct links *);
void	 links_scan(struct links *, const char *, size_t);
void	 links_json(struct buf *, const struct links *, const struct link *);
const char *links_kindname(int);

/* Between plinks' parts (tools/plinks-*.c): the kinds and canonical form. */
int	 classify(const char *, size_t);
void	 canon(struct links *, struct link *);

static inline int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}
