/* pcount.h: pcount's counts (pcount-run.c) and renderers (pcount-out.c) */

enum { TEXT, TSV, CSV, JSONL, JSON, BARS };

/*
 * A counted key is a sequence of components, one per -f path: a kind byte,
 * the length as a base-128 varint, then the bytes.  A string is its decoded
 * text, any other value its compact JSON text, a missing value empty.
 */
enum { KGROUP = 'g', KJSON = 'j', KNONE = 'n', KOTHER = 'o', KSTR = 's' };
/* A key that starts with a KGROUP component holds no count but, in recs,
 * the records of a group (-r with several paths): never a row. */

/* -f FIELD:BUCKET time buckets (pcount-time.c). */
enum { BNONE, BDAY, BWEEK, BMONTH, BQUARTER, BYEAR };

/* -s keys. */
enum { SCOUNT, SVALUE, STIME };

/* One counted key: a slot of the open-addressing table tab. */
struct ent {
	uint64_t	 h;
	size_t		 off, len;	/* the key, in keys.p */
	unsigned long long count;	/* 0: a free slot */
	unsigned long long recs;	/* records that had the key */
	unsigned long long last;	/* the last of them, by number */
};

/* The counts, and how to count and show them (set by pcount.c's options). */
extern struct ent *tab;
extern size_t tabcap, tabn;
extern struct buf keys;
extern unsigned long long nrecords, other;
extern struct fpath *paths;		/* the -f paths */
extern size_t npaths, ngiven;		/* columns; how many -f named */
extern char **mnames;			/* --merge: the inputs' "fields" */
extern size_t nmnames;
extern int havemnames;
extern int form, pflag, rflag, vflag, cflag, tflag;
extern int mflag, xflag;		/* --merge, --skip-missing */
extern unsigned long long nflag;
extern long wflag;

extern struct ent **rows;		/* what to print, in order (gather) */
extern size_t nrows;
extern unsigned long long total;

/*
 * pcount-run.c: one run, as main and tests/fuzz/pcount.c drive it: run_path
 * for each -f, run_start, run_count or run_merge for each line, run_end,
 * render, run_warn, run_free (after which a new run may start).
 */
void	 run_path(const char *);	/* dies on a bad path */
void	 run_start(void);		/* "tags" when no path was given */
void	 run_count(const struct rec *);
void	 run_merge(const struct rec *);	/* a line of pcount -o jsonl */
int	 run_end(void);			/* EXIT_TROUBLE if a line was bad */
void	 run_warn(void);
void	 run_free(void);

const char *getcomp(const char *, int *, const char **, size_t *);
void	 addcomp(struct buf *, int, const char *, size_t);
void	 render(void);
const char *colname(size_t);

/* pcount-group.c: the rows' order, top N per group, the cross table */
void	 gather(void);
int	 cmpvalue(const struct ent *, const struct ent *);
size_t	 prefix(const struct ent *, size_t);
const struct ent *find(const char *, size_t);	/* pcount-run.c */
void	 cross(void);

/* pcount-time.c */
extern const char *buckets[];
int	 bucket_split(char *);
int	 bucket_of_name(const char *);
size_t	 bucket_text(int, const char *, size_t, char *);

/* pcount-out.c helpers the cross table shares */
size_t	 dwidth(const char *, size_t);
void	 showcomp(struct buf *, int, const char *, size_t, int);
const char *records(void);
const char *totallabel(void);
void	 pad(struct buf *, size_t);
void	 putnum(struct buf *, unsigned long long, size_t);
size_t	 digits(unsigned long long);
void	 emit(struct buf *);
void	 csvfield(struct buf *, const char *, size_t);

/* One cell of the table as it is shown: its text in cellb, display width. */
struct cell {
	size_t		 off, len, w;
};

extern struct buf cellb;
extern struct cell *cells;
extern size_t ncellrows;
void	 mkcells(void);
unsigned long long rowcount(size_t);
const char *pct(unsigned long long);
const char *rpct(size_t);
void	 textpct(struct buf *, const char *, const char *);
void	 bars(void);	/* pcount-bars.c */
