/* ident.h: one recogniser of paper identity, arXiv ids and DOIs */

enum { ID_NONE, ID_ARXIV, ID_DOI };

/* How an id was written. */
enum {
	IDF_BARE = 1,		/* 2401.12345, hep-th/9901001, 10.1000/x */
	IDF_PREFIX = 2,		/* arXiv:..., doi:..., oai:arXiv.org:... */
	IDF_URL = 4,		/* arxiv.org/abs/..., doi.org/..., any scheme */
	IDF_ANY = 7
};

/*
 * One id found in a text s: offsets into s.  The spelling is s[at..end);
 * the id proper, without version, is s[id..idend); an arXiv version ("v2")
 * is s[ver..ver+vlen), vlen 0 when there is none.
 */
struct ident {
	int	 kind;		/* ID_ARXIV or ID_DOI */
	int	 form;		/* IDF_BARE, IDF_PREFIX or IDF_URL */
	size_t	 at, end;
	size_t	 id, idend;
	size_t	 ver, vlen;
};

/*
 * Every function reads s[0..n) and nothing outside it; none allocates.
 *
 * ident_arxiv: a bare arXiv id at s[p..): new style 2401.12345 (yymm from
 * 0704, four digits after the dot to 1412, five from 1501) or old style
 * hep-th/9901001, math.GT/0309136, each with an optional version "vN".
 * Returns the end of the id and version, 0 if there is none or it runs
 * into more of a word or number; *idend (when not NULL) gets the end of
 * the id without its version.
 *
 * ident_doihead: the registrant part of a DOI at s[p..): "10.NNNN" (four
 * to nine digits, then ".N..." groups) and the "/"; returns where the
 * suffix starts, 0 if there is none.  ident_doiend: the end of a DOI
 * suffix starting at q, in plain text: it stops at a space, a control
 * character, < > " or a closing bracket it did not open, and leaves out
 * trailing . , ; : ! ? * ' and a bracket opened and never closed.  Returns
 * q when the suffix is empty.
 *
 * ident_at: an id in any form starting exactly at s[p]; ident_parse: s
 * (surrounding white space aside) is exactly one id; ident_find: the first
 * id of the given forms (IDF_*) at or after from, starting at a word
 * boundary.  Each returns ID_ARXIV or ID_DOI and fills *id, or ID_NONE.
 *
 * ident_canon appends the canonical id to b: an arXiv id without version,
 * its archive in lower case and subject class in upper case
 * (math.GT/0309136); a DOI in lower case, as DOIs compare.
 */
size_t	ident_arxiv(const char *, size_t, size_t, size_t *);
size_t	ident_doihead(const char *, size_t, size_t);
size_t	ident_doiend(const char *, size_t, size_t);
int	ident_at(const char *, size_t, size_t, struct ident *);
int	ident_parse(const char *, size_t, struct ident *);
int	ident_find(const char *, size_t, size_t, int, struct ident *);
void	ident_canon(struct buf *, const char *, const struct ident *);
