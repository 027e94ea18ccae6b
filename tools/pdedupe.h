/* pdedupe.h: what pdedupe's parts share (tools/pdedupe*.c only) */

#include "pdedupe-tab.h"

/* The state file (pdedupe-state.c). */
struct state {
	const char	*path;
	char		*tmp;
	const char	*keydesc;
	int		 fd;		/* the locked file */
	int		 dryrun;
	unsigned	 mode;		/* permissions to keep */
	unsigned long long nloaded, npending;
};

void	 state_open(struct state *, const char *, const char *, int,
	    struct table *);
int	 state_save(struct state *, struct table *, unsigned, long long,
	    unsigned long long *, unsigned long long *);

/* Near-duplicates (pdedupe-near.c). */
void	 near_init(double);
int	 near_check(const char *, size_t, uint64_t, uint64_t, int *);
