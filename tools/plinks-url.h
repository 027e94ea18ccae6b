/* plinks-url.h: the URL scanner's classes and ends (tools/plinks-*.c only) */

typedef const unsigned char uc;

/* Byte classes for the ASCII range. */
enum {
	C_LABEL = 1,	/* letter, digit, '-': part of a host label */
	C_WORD = 2,	/* letter, digit, '_' */
	C_STOP = 4,	/* ends a URL: space, control, < > " ` */
	C_OPEN = 8,
	C_CLOSE = 16,
	C_TRAIL = 32,	/* dropped from a URL's end */
	C_EMAIL = 64,	/* may sit between a host and '@' in an address */
	C_DIGIT = 128,
};
extern unsigned char cls[256];

void	 cls_init(void);
int	 ulabel(long);
size_t	 urlend(const char *, size_t, size_t, size_t);
int	 glued(const char *, size_t, const char *);
size_t	 cjkend(const char *, size_t, size_t, size_t);
