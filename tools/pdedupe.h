/* pdedupe.h: what pdedupe's parts share (tools/pdedupe*.c only) */

#include "pdedupe-tab.h"

/* A key met that makes a duplicate. */
static inline int
fp_known(const struct fp *s)
{
	return s != NULL && (!(s->hi & FP_PENDING) || (s->hi & FP_RUN));
}

/* A record's keys (pdedupe-key.c). */
struct keys {
	struct fp	 f[4];
	size_t		 n, nid;	/* keys; those before the title */
	int		 title;		/* f[nid] is the title's */
};

void	 key_init(int, int, const struct fpath *, size_t);
int	 mkkeys(const struct rec *, const struct table *, struct keys *);
int	 arxivof(const struct rec *, struct buf *);
int	 doiof(const struct rec *, struct buf *);
int	 strfield(const struct rec *, const char *, struct span *);
void	 norm_add(struct buf *, const char *, size_t);

/* The state file (pdedupe-state.c). */
struct owed {				/* a record handed out, not committed */
	size_t		 off, len;	/* its line, in lines */
	size_t		 fpoff, nfp;	/* its keys, in fps */
	int		 done;		/* committed: not written back */
};

struct state {
	const char	*path;
	char		*tmp;
	const char	*keydesc;
	int		 dryrun;
	unsigned	 mode;		/* permissions to keep */
	unsigned long long nloaded;
	struct owed	*owed;		/* in the order handed out */
	size_t		 nowed, capowed;
	struct buf	 lines;
	struct fp	*fps;
	size_t		 nfps, capfps;
};

void	 state_open(struct state *, const char *, const char *, int,
	    struct table *);
void	 state_owe(struct state *, const char *, size_t, const struct fp *,
	    size_t);
int	 state_save(struct state *, struct table *, unsigned, long long,
	    unsigned long long *, unsigned long long *);

/* Near-duplicates (pdedupe-near.c). */
void	 near_init(double);
int	 near_check(const char *, size_t, uint64_t, uint64_t, int *);
