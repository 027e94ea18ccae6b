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
int	 json_key_eq(const struct member *, const char *, size_t);
const char *json_skip(const char *, const char *);
const char *json_ws(const char *, const char *);
