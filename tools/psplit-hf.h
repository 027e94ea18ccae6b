/*
 * psplit-hf.h: what psplit's Hugging Face reader shares between its line
 * classifier (psplit-hfline.c) and its card assembler (psplit-hf.c)
 */

/* What a line is. */
enum {
	L_TEXT, L_SKIP, L_SUBMITTED, L_UPVOTE, L_AUTHORS, L_DOT, L_DATE,
	L_INLINE, L_GITHUB
};

/* What the line classifier found besides the kind. */
struct hfmeta {
	const char	*org;		/* L_INLINE: the part before " · " */
	size_t		 orgn;
	const char	*date;		/* L_DATE, L_INLINE: the date */
	size_t		 daten;
	const char	*stars;		/* L_GITHUB: the star count */
	size_t		 starsn;
	int		 published;	/* "Published on" or after "·" */
	long long	 num, ncomments;
};
extern struct hfmeta hf_mv;

int	hf_classify(const char *, size_t, int);
int	hf_islogin(const char *, size_t);
int	hf_isauthors(const char *, size_t);
int	hf_isboiler(const char *, size_t);
int	hf_eq(const char *, size_t, const char *);
int	hf_hasurl(const char *, size_t);
void	hf_unmark(const char **, size_t *);
int	hf_reflist(const char *, size_t);
int	hf_isnoise(const char *, size_t);
int	hf_heading(const char **, size_t *);
