/* pfmt-read.c: a record's parts as pfmt shows them, clean and checked */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "paperpipe.h"
#include "pfmt.h"

/* What is shown, set from the options by pfmt.c. */
struct popt popt = { F_AUTHORS | F_DATE | F_TAGS | F_LINKS | F_UPVOTES |
    F_ABSTRACT, 3, 72, 0, 0, 0, NULL, 0, -1, 0 };

struct buf arena;
struct sp *items;
size_t nitems;
static size_t itemcap;
static struct buf tmp;

/* The fields pfmt reads, each found in one pass over the members. */
enum { K_TITLE, K_DATE, K_DAY, K_URL, K_ARXIV, K_AUTHORS, K_TAGS, K_LINKS,
	K_UPVOTES, K_ABSTRACT, K_GROUP, NK };
static const char *knames[NK] = { "title", "date", "day", "url", "arxiv_id",
    "authors", "tags", "links", "upvotes", "abstract", NULL };
static size_t klen[NK];
static unsigned kbyfirst[256], kempty;	/* the fields a key may be */
static struct span fv[NK];		/* the values of the fields */
static unsigned found;			/* the fields in fv[] */
static unsigned want;			/* the fields looked for */

_Static_assert((1 + 2 * NK) * sizeof(uint32_t) <= FIELDS_SAVED,
    "FIELDS_SAVED holds what read_fields_save writes");

static size_t
additem(struct sp s)
{
	if (nitems == itemcap) {
		itemcap = itemcap ? itemcap * 2 : 1024;
		items = erealloc(items, itemcap * sizeof(*items));
	}
	items[nitems] = s;
	return nitems++;
}

/*
 * Append an http(s) URL with every byte that is not printable ASCII, and
 * those that end or break a link in some format, percent-encoded.  Returns
 * 0, appending nothing, for any other scheme or no host.
 */
int
url_clean(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i, k;
	unsigned char c;

	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n > 7 && strncasecmp(s, "http://", 7) == 0)
		k = 7;
	else if (n > 8 && strncasecmp(s, "https://", 8) == 0)
		k = 8;
	else
		return 0;
	if (strchr("/?#", s[k]) != NULL)
		return 0;
	for (i = 0; i < k; i++)
		buf_addc(b, s[i] | 0x20);
	for (; i < n; i++) {
		c = (unsigned char)s[i];
		if (c <= 0x20 || c >= 0x7f || strchr("\"'<>\\^`{|}", c)) {
			buf_addc(b, '%');
			buf_addc(b, hex[c >> 4]);
			buf_addc(b, hex[c & 15]);
		} else
			buf_addc(b, c);
	}
	return 1;
}

void
read_init(void)
{
	int c;

	knames[K_GROUP] = popt.group;
	for (c = 0; c < NK; c++) {
		if (knames[c] == NULL)
			continue;
		if ((klen[c] = strlen(knames[c])) == 0)
			kempty |= 1U << c;
		else
			kbyfirst[(unsigned char)knames[c][0]] |= 1U << c;
	}
	clean_init();
}

/* The clean text of a JSON string value v (with its quotes). */
static struct sp
cleanstr(const struct span *v, int par)
{
	return clean(&arena, v->p + 1, v->n - 2, par, 1);
}

static int
isabbrev(const char *w, size_t n)
{
	static const char *ab[] = { "e.g", "i.e", "al", "vs", "cf", "Fig",
	    "Figs", "Eq", "Eqs", "Sec", "Tab", "approx", "resp", "Dr", "Mr",
	    "Ms", "Prof", "No", "et", "etc", NULL };
	size_t i;

	if (n == 1)
		return 1;	/* an initial, as in "J. Smith" */
	for (i = 0; ab[i] != NULL; i++)
		if (strlen(ab[i]) == n && memcmp(ab[i], w, n) == 0)
			return 1;
	return 0;
}

/* Cut the text s to its first k sentences. */
static void
cutsentences(struct sp *s, long k)
{
	const char *t = SP(*s), *w;
	size_t i, j, n = s->len;

	if (k == 0) {
		s->len = 0;
		return;
	}
	for (i = 0; i < n; i++) {
		if (t[i] != '.' && t[i] != '!' && t[i] != '?')
			continue;
		for (j = i + 1; j < n && strchr("\"')]", t[j]) != NULL; j++)
			;
		if (j < n && t[j] != ' ' && t[j] != '\n')
			continue;
		if (j < n && j + 1 < n && t[j + 1] >= 'a' && t[j + 1] <= 'z')
			continue;
		for (w = t + i; w > t && w[-1] != ' ' && w[-1] != '\n'; w--)
			;
		if (t[i] == '.' && isabbrev(w, t + i - w))
			continue;
		if (--k == 0) {
			s->len = j;
			return;
		}
	}
}

static int
month(const char *s, size_t n)
{
	static const char m[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	char l[3];
	int i;

	if (n < 3)
		return 0;
	for (i = 0; i < 3; i++)
		l[i] = (char)(s[i] | 0x20);
	for (i = 0; i < 12; i++)
		if (memcmp(m + 3 * i, l, 3) == 0)
			return i + 1;
	return 0;
}

static long
num(const char *s, size_t n, size_t *i, size_t max)
{
	long v = 0;
	size_t k = 0;

	while (*i < n && k < max && s[*i] >= '0' && s[*i] <= '9') {
		v = v * 10 + (s[(*i)++] - '0');
		k++;
	}
	return k ? v : -1;
}

/*
 * A number that orders dates: 2024-05-27, "Sep 4", "Sep 4, 2024" or
 * "4 Sep 2024" as YYYYMMDD (year 0 when not given), else -1.
 */
static long long
datekey(const char *s, size_t n)
{
	size_t i = 0;
	long y = 0, m, d;

	if (n >= 10 && s[4] == '-' && s[7] == '-') {
		y = num(s, n, &i, 4);
		i = 5;
		m = num(s, n, &i, 2);
		i = 8;
		d = num(s, n, &i, 2);
		if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31)
			return -1;
		return y * 10000LL + m * 100 + d;
	}
	if ((d = num(s, n, &i, 2)) > 0) {
		while (i < n && s[i] == ' ')
			i++;
		if ((m = month(s + i, n - i)) == 0)
			return -1;
		while (i < n && s[i] != ' ')
			i++;
		while (i < n && s[i] == ' ')
			i++;
		y = num(s, n, &i, 4);
	} else {
		if ((m = month(s, n)) == 0)
			return -1;
		while (i < n && s[i] != ' ')
			i++;
		while (i < n && s[i] == ' ')
			i++;
		if ((d = num(s, n, &i, 2)) < 1)
			return -1;
		while (i < n && (s[i] == ',' || s[i] == ' '))
			i++;
		y = num(s, n, &i, 4);
	}
	if (d < 1 || d > 31)
		return -1;
	return (y < 0 ? 0 : y) * 10000LL + m * 100 + d;
}

/*
 * Append the clean strings of v (a string, or an array's strings), at
 * most keep of them, without repeats when uniq is set; return how many
 * were kept, or one more when there are more.
 */
static size_t
strings(const struct span *v, size_t *first, size_t keep, int uniq)
{
	struct jiter it;
	struct member m;
	struct span nm;
	struct sp s;
	size_t n = 0, i;

	*first = nitems;
	if (v->p[0] == '"') {
		s = cleanstr(v, 0);
		if (s.len > 0) {
			additem(s);
			n++;
		}
		return n;
	}
	if (!jval_open(&it, v->p, v->n) || it.obj)
		return 0;
	while (jval_next(&it, &m)) {
		/* an author may be an object with a name */
		if (m.val.p[0] == '{' && jval_get(m.val.p, m.val.n, "name", 4,
		    &nm))
			m.val = nm;
		if (m.val.p[0] != '"')
			continue;
		if (n >= keep) {
			n++;
			break;
		}
		s = cleanstr(&m.val, 0);
		for (i = *first; uniq && i < nitems && (items[i].len !=
		    s.len || memcmp(SP(items[i]), SP(s), s.len) != 0); i++)
			;
		if (s.len == 0 || (uniq && i < nitems)) {
			arena.len = s.off;
			continue;
		}
		additem(s);
		n++;
	}
	return n;
}

/* The code and project links: kind and clean URL pairs, once each. */
static size_t
links(const struct span *v, size_t *first)
{
	struct jiter it;
	struct member m;
	struct span u, k;
	struct sp su, sk;
	size_t n = 0, i;

	*first = nitems;
	if (!jval_open(&it, v->p, v->n) || it.obj)
		return 0;
	while (jval_next(&it, &m)) {
		if (m.val.p[0] != '{' ||
		    !jval_get(m.val.p, m.val.n, "kind", 4, &k) ||
		    !jval_get(m.val.p, m.val.n, "url", 3, &u) ||
		    k.p[0] != '"' || u.p[0] != '"')
			continue;
		if (!(k.n == 6 && memcmp(k.p, "\"code\"", 6) == 0) &&
		    !(k.n == 9 && memcmp(k.p, "\"project\"", 9) == 0))
			continue;
		tmp.len = 0;
		json_str_decode(&tmp, u.p + 1, u.n - 2);
		su.off = arena.len;
		if (!url_clean(&arena, tmp.p, tmp.len))
			continue;
		su.len = arena.len - su.off;
		for (i = *first; i < nitems; i += 2)
			if (items[i + 1].len == su.len && memcmp(SP(items[i + 1]),
			    SP(su), su.len) == 0)
				break;
		if (i < nitems) {
			arena.len = su.off;
			continue;
		}
		sk.off = arena.len;
		buf_add(&arena, k.p + 1, k.n - 2);
		sk.len = k.n - 2;
		additem(sk);
		additem(su);
		n++;
	}
	return n;
}

/* Like rec_get for each name: the last member of that name wins. */
static inline void
field(const struct member *m)
{
	unsigned may;
	int k;

	if (m->kesc)
		may = (1U << NK) - 1;	/* a key spelt with escapes */
	else if (m->key.n == 0)
		may = kempty;
	else
		may = kbyfirst[(unsigned char)m->key.p[0]];
	for (may &= want; may != 0; may &= may - 1) {
		k = __builtin_ctz(may);
		if (knames[k] != NULL && json_key_eq(m, knames[k], klen[k])) {
			fv[k] = m->val;
			found |= 1U << k;
		}
	}
}

/*
 * The fields of record r, from its members as rin_next found them: only
 * those read_paper reads when head is set.
 */
void
read_fields(const struct rec *r, int head)
{
	size_t i;

	found = 0;
	want = head ? 1U << K_TITLE | 1U << K_DATE | 1U << K_DAY :
	    (1U << NK) - 1;
	for (i = 0; i < r->ix.n; i++)
		field(&r->ix.m[i]);
}

/* The fields of the object at s, a line already found valid, up to e. */
void
read_fields_of(const char *s, const char *e)
{
	struct jiter it;
	struct member m;

	found = 0;
	want = (1U << NK) - 1;
	jval_open(&it, s, e - s);
	while (jval_next(&it, &m))
		field(&m);
}

#define FV(k)	((found & (1U << (k))) ? &fv[k] : NULL)

/*
 * The fields found, as where they are in line (which holds them all,
 * its length a uint32_t), into d; returns how many bytes were written,
 * FIELDS_SAVED at most.
 */
size_t
read_fields_save(unsigned char *d, const char *line)
{
	uint32_t v[2 * NK + 1];
	unsigned m;
	size_t n = 1;
	int k;

	v[0] = found;
	for (m = found; m != 0; m &= m - 1) {
		k = __builtin_ctz(m);
		v[n++] = (uint32_t)(fv[k].p - line);
		v[n++] = (uint32_t)fv[k].n;
	}
	memcpy(d, v, n * sizeof(v[0]));
	return n * sizeof(v[0]);
}

/*
 * Ask for the memory of the fields saved at d, in the line at line (which
 * holds end - line bytes of it), ahead of read_fields_load.
 */
void
read_fields_prefetch(const unsigned char *d, const char *line,
    const char *end)
{
	uint32_t v[2];
	unsigned m;
	const char *x, *e;
	size_t n = sizeof(uint32_t);

	memcpy(v, d, sizeof(uint32_t));
	for (m = v[0]; m != 0; m &= m - 1) {
		memcpy(v, d + n, sizeof(v));
		n += sizeof(v);
		if (v[0] >= (size_t)(end - line))
			continue;
		x = line + v[0];
		e = (size_t)(end - x) > v[1] ? x + v[1] : end;
		for (; x < e; x += 64)
			__builtin_prefetch(x);
		__builtin_prefetch(e - 1);
	}
}

/* The fields saved at d, of the same line now at line; returns d's length. */
size_t
read_fields_load(const unsigned char *d, const char *line)
{
	uint32_t v[2];
	unsigned m;
	size_t n = sizeof(uint32_t);
	int k;

	memcpy(v, d, sizeof(uint32_t));
	found = v[0];
	for (m = found; m != 0; m &= m - 1) {
		k = __builtin_ctz(m);
		memcpy(v, d + n, sizeof(v));
		n += sizeof(v);
		fv[k].p = line + v[0];
		fv[k].n = v[1];
	}
	return n;
}

/*
 * An arXiv identifier, 2409.00001 or hep-th/9901001: ASCII letters and
 * digits, and '.', '/' and '-' but not first, nor ".." or "//".
 */
static int
arxivid(const char *s, size_t n)
{
	size_t i;
	unsigned char c;

	if (n == 0 || s[0] == '.' || s[0] == '/' || s[0] == '-')
		return 0;
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') &&
		    !(c >= '0' && c <= '9') && c != '.' && c != '/' && c != '-')
			return 0;
		if ((c == '.' || c == '/') && i > 0 && s[i - 1] == c)
			return 0;
	}
	return 1;
}

/* The page of a paper: its url if http(s), else its arXiv abstract page. */
static struct sp
paperurl(void)
{
	const struct span *v;
	struct sp s = { arena.len, 0 };

	if ((v = FV(K_URL)) != NULL && v->p[0] == '"') {
		tmp.len = 0;
		json_str_decode(&tmp, v->p + 1, v->n - 2);
		if (url_clean(&arena, tmp.p, tmp.len)) {
			s.len = arena.len - s.off;
			return s;
		}
	}
	if ((v = FV(K_ARXIV)) == NULL || v->p[0] != '"')
		return s;
	tmp.len = 0;
	json_str_decode(&tmp, v->p + 1, v->n - 2);
	if (!arxivid(tmp.p, tmp.len))
		return s;
	buf_adds(&arena, "https://arxiv.org/abs/");
	buf_add(&arena, tmp.p, tmp.len);
	s.len = arena.len - s.off;
	return s;
}

/*
 * Read the parts of record r, its fields found by read_fields, into p,
 * the text into the arena: with RP_HEAD only the date, and whether there
 * is a title.  With RP_LIVE the record is still there when the paper is
 * written, and a writer that cleans the abstract itself is left it as
 * read.  Returns 0 for a record without a title, said on stderr unless
 * RP_QUIET.
 */
int
read_paper(const struct rec *r, struct paper *p, int how)
{
	const struct span *v;
	char nb[32];
	size_t i;
	int head = how & RP_HEAD, quiet = how & RP_QUIET;

	memset(p, 0, sizeof(*p));
	if ((v = FV(K_TITLE)) == NULL || v->p[0] != '"') {
		if (!quiet)
			rec_warn(r, v == NULL ? "no title" :
			    "title is not a string");
		return 0;
	}
	if (head ? blank(v) : (p->title = cleanstr(v, 0)).len == 0) {
		if (!quiet)
			rec_warn(r, "empty title");
		return 0;	/* the arena as it was: clean() left nothing */
	}
	p->datekey = -1;
	if (((v = FV(K_DATE)) != NULL && v->p[0] == '"') ||
	    ((v = FV(K_DAY)) != NULL && v->p[0] == '"')) {
		p->date = cleanstr(v, 0);
		p->datekey = datekey(SP(p->date), p->date.len);
	}
	if (head)
		return 1;
	p->url = paperurl();
	if ((popt.fields & F_AUTHORS) && (v = FV(K_AUTHORS)) != NULL)
		p->nauthors = strings(v, &p->authors, popt.nauthors ?
		    popt.nauthors : (size_t)-1, 0);
	if ((popt.fields & F_TAGS) && (v = FV(K_TAGS)) != NULL)
		p->ntags = strings(v, &p->tags, (size_t)-1, 1);
	if ((v = FV(K_GROUP)) != NULL &&
	    (p->ngroups = strings(v, &p->groups, (size_t)-1, 1)) > 1 &&
	    popt.first)
		p->ngroups = 1;
	if ((popt.fields & F_LINKS) && (v = FV(K_LINKS)) != NULL)
		p->nlinks = links(v, &p->links);
	if ((v = FV(K_UPVOTES)) != NULL && v->p[0] != '"' &&
	    v->p[0] != '{' && v->p[0] != '[' && v->p[0] != 't' &&
	    v->p[0] != 'f' && v->p[0] != 'n' && v->n < sizeof(nb)) {
		for (i = 0; i < v->n && i < 15 && v->p[i] >= '0' &&
		    v->p[i] <= '9'; i++)
			p->upv = p->upv * 10 + (v->p[i] - '0');
		if (i < v->n) {	/* not a whole number strtod would equal */
			memcpy(nb, v->p, v->n);
			nb[v->n] = '\0';
			p->upv = strtod(nb, NULL);
		}
		p->hasupv = 1;
		p->upvotes.off = arena.len;
		buf_add(&arena, v->p, v->n);
		p->upvotes.len = v->n;
	}
	if ((popt.fields & F_ABSTRACT) && popt.sentences != 0 &&
	    (v = FV(K_ABSTRACT)) != NULL && v->p[0] == '"') {
		if (popt.mdabstract && popt.sentences < 0 && (how & RP_LIVE)) {
			p->rawabstract.p = v->p + 1;
			p->rawabstract.n = v->n - 2;
			return 1;
		}
		p->abstract = cleanstr(v, 1);
		if (popt.sentences > 0)
			cutsentences(&p->abstract, popt.sentences);
		arena.len = p->abstract.off + p->abstract.len;
	}
	return 1;
}
