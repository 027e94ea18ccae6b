/* ptag.h: ptag's literal prefilter (tools/ptag-lit.c) */

/*
 * What the prefilter knows of rule ri after lit_scan: a rule with
 * literals (nlits > 0) can match the record only when cand is the record
 * number given to lit_scan, and then only in the fields whose bit
 * (LIT_FBIT) is in infield.  When anch is set, every match starts where
 * one of its literals does: at[0..nat) are those offsets in the
 * lower-cased text, in increasing order.
 */
struct litrule {
	int		 nlits;		/* 0: no literal known, always tried */
	int		 anch;		/* every literal starts a match */
	unsigned long	 cand;		/* record number it may match in */
	uint32_t	 infield;	/* fields a literal occurs in */
	size_t		*at;		/* where, in the lower-cased text */
	size_t		 nat, atcap;
};

#define LIT_FBIT(f)	(1U << ((f) < 31 ? (f) : 31))

extern struct litrule *litrules;	/* indexed by rule number */

void	lit_begin(void);
void	lit_rule(int, const char *, size_t, int);
void	lit_lower(struct buf *, const char *, size_t);
void	lit_scan(const char *, size_t, unsigned long, int, const int *,
	    const size_t *, const size_t *);
