/*
 * psplit-feed.h: what psplit's libxml2 readers share, the feed reader
 * (psplit-feed.c) and the HTML readers (psplit-html.c); include it after
 * libxml2's headers
 */

extern struct psplit *feed_ps;		/* the input, for libxml2's callbacks */
extern struct lines *feed_lines;

void	feed_setup(struct lines *, struct psplit *, int);
int	feed_readcb(void *, char *, int);
int	feed_closecb(void *);
void	feed_quiet(void *, xmlErrorPtr);
int	feed_has(const char *, size_t, const char *);
int	feed_hascase(const char *, size_t, const char *);
const char *feed_xmlstart(const char *, size_t);
void	feed_addname(struct buf *, const char *, size_t);
