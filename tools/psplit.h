/* psplit.h: what psplit's page readers share (tools/psplit*.c only) */

struct psplit {
	const char	*file;		/* the input's name, for messages */
	unsigned long	 npapers;	/* records written from this input */
	int		 status;	/* EXIT_TROUBLE once anything went wrong */
	int		 verbose;
	int		 nulstop;	/* psplit_next met a NUL byte */
	int		 emptyok;	/* no papers is no error (an empty feed) */
	struct buf	 rec;		/* the record being built: json_key etc. */
};

/*
 * A reader consumes all of l and writes one record per paper: it builds
 * ps->rec (starting with "{", members through json_key/json_add_str, then
 * "}") and calls psplit_emit.  It reads lines only through psplit_next,
 * which repairs bad UTF-8 and stops at a NUL byte.  A detector looks at the
 * first bytes of an input and says whether they are its format.
 */
int	hf_detect(const char *, size_t);
void	hf_read(struct lines *, struct psplit *);
int	arxiv_mail_detect(const char *, size_t);
void	arxiv_mail_read(struct lines *, struct psplit *);
int	arxiv_list_detect(const char *, size_t);
void	arxiv_list_read(struct lines *, struct psplit *);
int	csv_detect(const char *, size_t);
void	csv_read(struct lines *, struct psplit *);
int	atom_detect(const char *, size_t);
int	rss_detect(const char *, size_t);
void	feed_read(struct lines *, struct psplit *);
int	hfhtml_detect(const char *, size_t);
void	hfhtml_read(struct lines *, struct psplit *);
int	arxivhtml_detect(const char *, size_t);
void	arxivhtml_read(struct lines *, struct psplit *);
int	hfapi_detect(const char *, size_t);
void	hfapi_read(struct lines *, struct psplit *);

long long psplit_next(struct psplit *, struct lines *, char **);
void	psplit_emit(struct psplit *);
void	psplit_addwords(struct buf *, const char *, size_t, const char *);
void	psplit_warn(struct psplit *, unsigned long long, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	psplit_addfield(struct buf *, const char *, const struct buf *);
void	psplit_addnum(struct buf *, const char *, long long);

/* The formats -f names, in the order -f auto tries their detectors. */
struct format {
	const char	*name;
	int		(*detect)(const char *, size_t);
	void		(*read)(struct lines *, struct psplit *);
};
extern const struct format psplit_formats[];
extern const size_t psplit_nformats;
const struct format *psplit_detect(struct psplit *, struct lines *);

/*
 * A paper as the feed and API readers gather it (psplit-feed.c,
 * psplit-hfapi.c): each buf holds decoded UTF-8 text; authors and cats
 * hold names separated by '\n'.  paper_emit writes it in one field order
 * for every source, so the same paper gives the same record, and mends
 * bad UTF-8 unless the reader knows there is none.
 */
struct paper {
	struct buf	 id, version, title, abstract, authors, url;
	struct buf	 published, updated, cats, primary, comments, doi;
	struct buf	 jref, announce, links;
	long long	 upvotes, ncomments;
	int		 valid;		/* text from checked JSON: UTF-8 */
};
void	paper_clear(struct paper *);
void	paper_emit(struct psplit *, struct paper *);
void	psplit_text(struct buf *, const char *, size_t, int);
int	psplit_arxiv_id(const char *, size_t, struct buf *, struct buf *);
int	hfapi_item(struct psplit *, struct paper *, const char *, size_t,
	    struct jerr *);
