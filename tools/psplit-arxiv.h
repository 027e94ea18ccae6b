/*
 * psplit-arxiv.h: what psplit's arXiv text readers share: the e-mail digest
 * reader (psplit-arxiv.c, which also holds the entry) and the listing page
 * reader (psplit-arxiv-list.c)
 */

/* One entry being gathered; the buffers are reused for every entry. */
struct entry {
	struct buf	 id, version, date, title, authors, cats, comments;
	struct buf	 jref, doi, extra, abstract, url;
	int		 cross, replaced, parbreak, codes, nfields;
	int		 guessed;	/* the open Authors field had no label */
	unsigned long long line;	/* of its arXiv: line, for messages */
};

/* A "Key: value" field whose value may go on over several lines. */
struct kv {
	char		 key[32];
	struct buf	 val;
	int		 open, ownline;
};

extern struct entry arxiv_e;
extern struct kv arxiv_fl;

/* Where a reader is in an entry. */
enum { OUT, BACKSLASH, HEAD, ABSTRACT };

static inline int
isws(int c)
{
	return c == ' ' || c == '\t';
}

void	arxiv_reset(void);
void	arxiv_addjoin(struct buf *, const char *, size_t);
void	arxiv_bufset(struct buf *, const char *, size_t);
size_t	arxiv_parse_id(const char *, size_t, struct buf *, struct buf *);
int	arxiv_endscode(const char *, size_t);
size_t	arxiv_label(const char *, size_t);
void	arxiv_field_start(const char *, size_t, const char *, size_t);
void	arxiv_field_end(void);
void	arxiv_abstract_line(const char *, size_t, int);
void	arxiv_emit(struct psplit *);
const char *arxiv_peekline(const char **, const char *, size_t *);
