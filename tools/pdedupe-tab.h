/* pdedupe-tab.h: the key table of pdedupe (tools/pdedupe*.c only) */

/*
 * A key is kept as its XXH3-128 fingerprint, 16 bytes in memory and in the
 * state file.  The low 20 bits of hi carry the key's bookkeeping instead of
 * hash bits (108 bits remain, so collisions stay negligible): the last day
 * it was seen, whether it is pending (format 1's --defer), whether this run
 * met it, and for a title, which records had it.
 */
struct fp {
	uint64_t	 lo, hi;
};

#define FP_DAY		0xffffULL	/* days since 1970-01-01, UTC */
#define FP_PENDING	(1ULL << 16)
#define FP_RUN		(1ULL << 17)
#define FP_TONLY	(1ULL << 18)	/* a title met in a record without id */
#define FP_TID		(1ULL << 19)	/* a title met in a record with an id */
#define FP_FLAGS	0xfffffULL

/* Open addressing, split into segments so that growing one is cheap. */
#define TAB_SEGBITS	8
#define TAB_NSEG	(1 << TAB_SEGBITS)

struct seg {
	struct fp	*slot;
	size_t		 cap, n;
};

struct table {
	struct seg	 seg[TAB_NSEG];
};

void	 tab_init(struct table *);
struct fp *tab_get(struct table *, struct fp, int *);
struct fp *tab_find(const struct table *, struct fp);
void	 tab_reserve(struct table *, size_t);
void	 tab_free(struct table *);

static inline int
fp_empty(const struct fp *f)
{
	return f->lo == 0 && f->hi == 0;
}
