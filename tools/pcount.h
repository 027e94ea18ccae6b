/* pcount.h: pcount's counts (pcount.c) and their renderers (pcount-out.c) */

enum { TEXT, TSV, CSV, JSONL, JSON, BARS };

/*
 * A counted key is a sequence of components, one per -f path: a kind byte,
 * the length as a base-128 varint, then the bytes.  A string is its decoded
 * text, any other value its compact JSON text, a missing value empty.
 */
enum { KJSON = 'j', KNONE = 'n', KSTR = 's' };

/* One counted key: a slot of the open-addressing table tab. */
struct ent {
	uint64_t	 h;
	size_t		 off, len;	/* the key, in keys.p */
	unsigned long long count;	/* 0: a free slot */
};

/* The counts, and how to show them (set by pcount.c's options). */
extern struct ent *tab;
extern size_t tabcap, tabn;
extern struct buf keys;
extern unsigned long long nrecords, other;
extern struct fpath *paths;		/* the -f paths */
extern size_t npaths, ngiven;		/* columns; how many -f named */
extern char **mnames;			/* --merge: the inputs' "fields" */
extern size_t nmnames;
extern int havemnames;
extern int form, pflag, vflag;
extern unsigned long long nflag;
extern long wflag;

const char *getcomp(const char *, int *, const char **, size_t *);
void	 render(void);
