/* json.h: a strict RFC 8259 scanner that indexes an object's members */

struct span {
	const char	*p;
	size_t		 n;
};

/* One top-level member: key without its quotes (raw), value as JSON text. */
struct member {
	struct span	 key;
	struct span	 val;
	int		 kesc;		/* key holds a backslash escape */
};

struct jindex {
	struct member	*m;
	size_t		 n, cap;
	int		 isobj;		/* the text is an object */
	const char	*close;		/* its closing brace */
	const char	*last;		/* end of its last member's value */
};

struct jerr {
	size_t		 off;		/* byte offset of the error */
	const char	*why;
};

int	 json_scan(const char *, size_t, struct jindex *, struct jerr *);
long long json_scan_prefix(const char *, size_t, struct jindex *,
	    struct jerr *);
void	 json_str_decode(struct buf *, const char *, size_t);
void	 json_str_encode(struct buf *, const char *, size_t);
void	 json_add_str(struct buf *, const char *, size_t);
void	 json_sep(struct buf *);
void	 json_key(struct buf *, const char *);
int	 json_key_eq_esc(const struct member *, const char *, size_t);
const char *json_skip(const char *, const char *);
const char *json_ws_more(const char *, const char *);

/* Does member m's key equal the decoded key k?  Inline but for escapes. */
static inline int
json_key_eq(const struct member *m, const char *k, size_t kn)
{
	if (m->kesc)
		return json_key_eq_esc(m, k, kn);
	return m->key.n == kn && (kn == 0 || (m->key.p[0] == k[0] &&
	    memcmp(m->key.p, k, kn) == 0));
}

/*
 * The first byte at or after p that is not JSON white space.  Inline for
 * the usual cases, no white space or the one space of ", " and ": ".
 */
static inline const char *
json_ws(const char *p, const char *e)
{
	if (p < e && (unsigned char)*p > ' ')
		return p;
	if (e - p >= 2 && *p == ' ' && (unsigned char)p[1] > ' ')
		return p + 1;
	return json_ws_more(p, e);
}
