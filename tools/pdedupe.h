/* pdedupe.h: what pdedupe's parts share (tools/pdedupe*.c only) */

#include "pdedupe-tab.h"

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
	int		 fd;		/* the locked file */
	int		 dryrun;
	int		 format;	/* of the file read; 0 when new */
	unsigned	 mode;		/* permissions to keep */
	unsigned long long nloaded, npending;
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
