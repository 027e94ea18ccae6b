/* ptag.h: what ptag's parts share (tools/ptag*.c only) */

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* The built-in rules (ptag-rules.c). */
extern const char ptag_builtin[];

/* The rules read, their tags and fields (ptag-parse.c). */
struct rule {
	int		 tag;		/* index into tags */
	int		 veto;
	int		 weak;		/* '+': outside the title, one of two */
	int		 field;		/* index into fields; -1: the -F fields */
	pcre2_code	*re;
	const char	*file;
	unsigned long	 line;
};

struct tag {
	char		*name;
	size_t		 namelen;
	int		*pos, *veto;	/* rule indexes, in file order */
	int		 npos, nveto;
	unsigned long	 count, vetoed;
	int		 isnew;		/* scratch: on this record already */
};

extern struct rule *rules;
extern int nrules;
extern struct tag *tags;
extern int ntags;
extern char **fields;
extern struct fpath *fpaths;		/* fields[i] as a path */
extern int nfields, ndefault, nfgiven;	/* all; the default ones; -F's */

void	rules_begin(char **, int);
int	parsetext(const char *, const char *, size_t);
int	parsefile(const char *, struct buf *);

/* The literal prefilter (ptag-lit.c). */

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

uint64_t lit_hash(const char *, size_t, unsigned);
void	lit_begin(void);
void	lit_rule(int, const char *, size_t, int);
void	lit_lower(struct buf *, const char *, size_t);
void	lit_scan(const char *, size_t, unsigned long, int, const int *,
	    const size_t *, const size_t *);

/* A rule's literals (ptag-litparse.c): one of them is in every match. */
#define LB	1	/* a word edge before the literal */
#define RB	2	/* a word edge after it */

struct lset {
	char		**s;
	size_t		 *n;
	int		 *fl;		/* LB, RB */
	int		 cnt;
};

int	lit_parse(struct lset *, const char *, size_t, int);
void	lset_free(struct lset *);
