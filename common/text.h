/* text.h: trimming, prefix tests, byte order marks, FILE:LINE: messages */

/* ASCII classes, whatever the locale (identifiers, dates and counts). */
static inline int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static inline int
isalph(int c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

const char *trim_left(const char *, size_t *);
size_t	 trim_right(const char *, size_t);
const char *trim(const char *, size_t *);
size_t	 prefix_is(const char *, size_t, const char *);
size_t	 prefix_ci(const char *, size_t, const char *);
const char *bom_skip(const char *, size_t *);
void	 warn_at(const char *, unsigned long long, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	 vwarn_at(const char *, unsigned long long, const char *, va_list);
