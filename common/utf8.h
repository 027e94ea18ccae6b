/* utf8.h: UTF-8 validation and repair */

size_t	utf8_seqlen(const unsigned char *, const unsigned char *);
size_t	utf8_valid(const char *, size_t);
size_t	utf8_repair(struct buf *, const char *, size_t);
size_t	utf8_encode(char *, unsigned long);
long	utf8_next(const unsigned char *, const unsigned char *, size_t *);
long	utf8_prev(const unsigned char *, const unsigned char *, size_t *);
