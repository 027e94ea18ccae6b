/* util.h: diagnostics, checked allocation and number parsing */

enum { EXIT_OK = 0, EXIT_TROUBLE = 1, EXIT_USAGE = 2 };

extern const char *argv0;

void	 setprogname(const char *);
void	 warnf(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 die(int, const char *, ...)
	    __attribute__((format(printf, 2, 3), noreturn));
void	*emalloc(size_t);
void	*ecalloc(size_t, size_t);
void	*erealloc(void *, size_t);
char	*estrdup(const char *);
long long estrtonum(const char *, long long, long long, const char *);
void	 stdfds(void);
