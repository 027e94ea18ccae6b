/* pfmt.h: what pfmt's parts share: papers as read, and the writers */

/* A piece of text in the arena: clean UTF-8, no control characters. */
struct sp {
	size_t		 off, len;
};

/*
 * A paper as read.  nauthors counts the authors kept in items[], and one
 * more when there were others, not kept: enough for "et al.".
 */
struct paper {
	struct sp	 title, url, date, abstract, upvotes;
	struct span	 rawabstract;	/* its inside as read, for md_clean */
	size_t		 authors, nauthors;	/* in items[] */
	size_t		 tags, ntags;
	size_t		 links, nlinks;		/* pairs: kind, url */
	size_t		 groups, ngroups;
	long long	 datekey;		/* -1: not a date pfmt reads */
	double		 upv;
	int		 hasupv;
};

/* Which parts of a paper are shown (-F). */
enum {
	F_AUTHORS = 1, F_DATE = 2, F_TAGS = 4, F_LINKS = 8, F_UPVOTES = 16,
	F_ABSTRACT = 32
};

struct popt {
	int		 fields;
	size_t		 nauthors;	/* shown before "et al."; 0: all */
	size_t		 width;		/* text: columns */
	int		 color;		/* text: ANSI colour */
	int		 fragment;	/* html: no document around it */
	int		 grouped;	/* papers under section headings */
	const char	*group;		/* -g: the field */
	int		 first;		/* -1: a paper under its first value */
	long		 sentences;	/* -a: of the abstract; -1 all */
	int		 mdabstract;	/* the writer cleans the abstract itself */
};

/* One output form: a document of sections of papers. */
struct form {
	void	(*begin)(struct buf *, const char *, const char *);
	void	(*group)(struct buf *, const char *, size_t);
	void	(*paper)(struct buf *, const struct paper *);
	void	(*end)(struct buf *);
};

/* In pfmt-read.c, below the writers and pfmt.c, which use them. */
extern struct buf arena;
extern struct sp *items;
extern size_t nitems;
extern struct popt popt;
/* In pfmt-out.c. */
extern const struct form form_md, form_html, form_text;

#define SP(s)	(arena.p + (s).off)
/* Append a string literal, its length known when compiled. */
#define LIT(b, s)	buf_add((b), "" s, sizeof(s) - 1)

int	 twice_ok(int, char **);
int	 twice_marking(const struct rin *);
void	 twice_note(const struct rin *, const struct rec *);
void	 twice_write(const struct form *, struct buf *);

void	 clean_init(void);
struct sp clean(struct buf *, const char *, size_t, int, int);
int	 blank(const struct span *);
void	 md_clean(struct buf *, const char *, size_t);
void	 md_esc(struct buf *, const char *, size_t, int);

void	 read_init(void);
void	 read_fields(const struct rec *, int);
void	 read_fields_of(const char *, const char *);
#define FIELDS_SAVED	128	/* bytes read_fields_save writes at most */
size_t	 read_fields_save(unsigned char *, const char *);
size_t	 read_fields_load(const unsigned char *, const char *);
void	 read_fields_prefetch(const unsigned char *, const char *,
	    const char *);
enum { RP_HEAD = 1, RP_QUIET = 2, RP_LIVE = 4 };	/* read_paper's how */
int	 read_paper(const struct rec *, struct paper *, int);
int	 url_clean(struct buf *, const char *, size_t);

void	 html_esc(struct buf *, const char *, size_t);
size_t	 text_width(const char *, size_t);

/* The message: headers, then the text and HTML parts. */
struct mailhdr {
	const char	*from, *subject;
	char		**to;
	size_t		 nto;
	long long	 when;		/* seconds since the epoch */
};

int	 mail_addr_ok(const char *);
void	 mail_write(struct buf *, const struct mailhdr *, const struct buf *,
	    const struct buf *);
