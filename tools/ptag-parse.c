/*
 * ptag-parse.c: ptag's rules files: each line parsed and its pattern
 * compiled into rules[], and the tag and field names they use, looked up
 * by hash in tags[] and fields[].
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "paperpipe.h"
#include "ptag.h"

struct rule *rules;
int nrules;
struct tag *tags;
int ntags;

char **fields;
struct fpath *fpaths;
int nfields, ndefault, nfgiven;

/*
 * Names to indexes by hash, so that reading a rules file of many rules,
 * tags and fields takes linear time: an open-addressed table of index + 1,
 * with each entry's hash kept for growing it.
 */
struct itab {
	int		*slot;
	uint64_t	*hv;
	size_t		 cap, n;
};

static struct itab fieldtab, tagtab;

/* The slot for hash h: the first empty one, or one whose entry same() takes. */
static int *
itab_find(struct itab *t, uint64_t h, int (*same)(int, const void *),
    const void *k)
{
	size_t i;

	if (t->cap == 0)
		return NULL;
	for (i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1))
		if (t->slot[i] == 0 || (t->hv[i] == h &&
		    same(t->slot[i] - 1, k)))
			return &t->slot[i];
}

/* Enter index idx under hash h (not present yet). */
static void
itab_add(struct itab *t, uint64_t h, int idx)
{
	struct itab o = *t;
	size_t i, j;

	if (2 * (t->n + 1) > t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->slot = ecalloc(t->cap, sizeof(*t->slot));
		t->hv = ecalloc(t->cap, sizeof(*t->hv));
		t->n = 0;
		for (j = 0; j < o.cap; j++)
			if (o.slot[j] != 0)
				itab_add(t, o.hv[j], o.slot[j] - 1);
		free(o.slot);
		free(o.hv);
	}
	for (i = h & (t->cap - 1); t->slot[i] != 0; i = (i + 1) & (t->cap - 1))
		;
	t->slot[i] = idx + 1;
	t->hv[i] = h;
	t->n++;
}

/* A name looked for: its bytes. */
struct key {
	const char	*s;
	size_t		 n;
};

static int
samefield(int i, const void *k)
{
	const struct key *q = k;

	return strlen(fields[i]) == q->n && memcmp(fields[i], q->s, q->n) == 0;
}

static int
sametag(int i, const void *k)
{
	const struct key *q = k;

	return tags[i].namelen == q->n && memcmp(tags[i].name, q->s, q->n) == 0;
}

static int
fieldindex(const char *name, size_t n)
{
	struct key k = { name, n };
	uint64_t h = lit_hash(name, n, 0);
	int *sl = itab_find(&fieldtab, h, samefield, &k);
	const char *why;

	if (sl != NULL && *sl != 0)
		return *sl - 1;
	itab_add(&fieldtab, h, nfields);
	if ((nfields & (nfields - 1)) == 0) {	/* grown by doubling */
		fields = erealloc(fields, (nfields ? 2 * nfields : 1) *
		    sizeof(*fields));
		fpaths = erealloc(fpaths, (nfields ? 2 * nfields : 1) *
		    sizeof(*fpaths));
	}
	fields[nfields] = emalloc(n + 1);
	memcpy(fields[nfields], name, n);
	fields[nfields][n] = '\0';
	if ((why = path_parse(&fpaths[nfields], fields[nfields], PATH_EACH)) !=
	    NULL)
		die(EXIT_USAGE, "-F %s: %s", fields[nfields], why);
	return nfields++;
}

static int
tagindex(const char *name, size_t n)
{
	struct key k = { name, n };
	uint64_t h = lit_hash(name, n, 0);
	int *sl = itab_find(&tagtab, h, sametag, &k);

	if (sl != NULL && *sl != 0)
		return *sl - 1;
	itab_add(&tagtab, h, ntags);
	if ((ntags & (ntags - 1)) == 0)	/* grown by doubling */
		tags = erealloc(tags, (ntags ? 2 * ntags : 1) * sizeof(*tags));
	memset(&tags[ntags], 0, sizeof(*tags));
	tags[ntags].name = emalloc(n + 1);
	memcpy(tags[ntags].name, name, n);
	tags[ntags].name[n] = '\0';
	tags[ntags].namelen = n;
	return ntags++;
}

static int
ruleerr(const char *file, unsigned long line, size_t col, const char *msg)
{
	warnf("%s:%lu:%zu: %s", file, line, col, msg);
	return -1;
}

static int
istagbyte(int c)
{
	return c > ' ' && c != '@' && c != '"' && c != '\\' && c != 0x7f;
}

/*
 * One line of a rules file:
 *	[!]TAG[@FIELD] [=][~][+]PATTERN [# comment]
 * Returns 0, or -1 after reporting the error.
 */
static int
parserule(const char *file, unsigned long lineno, const char *s, size_t n)
{
	static struct buf pat, wrap;
	struct rule *r;
	const char *p = s, *e = s + n, *tag, *fld = NULL, *ps;
	size_t tagn, fldn = 0, off;
	int veto = 0, caseful = 0, raw = 0, weak = 0, err;
	PCRE2_SIZE eoff;
	PCRE2_UCHAR msg[256];
	uint32_t opt;
	pcre2_code *re;

	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (p == e || *p == '#')
		return 0;
	if (*p == '!') {
		veto = 1;
		p++;
	}
	tag = p;
	while (p < e && istagbyte((unsigned char)*p))
		p++;
	tagn = p - tag;
	if (tagn == 0 || utf8_valid(tag, tagn) != tagn)
		return ruleerr(file, lineno, tag - s + 1, "bad tag name");
	if (p < e && *p == '@') {
		fld = ++p;
		while (p < e && istagbyte((unsigned char)*p))
			p++;
		fldn = p - fld;
		if (fldn == 0)
			return ruleerr(file, lineno, fld - s + 1,
			    "missing field name after '@'");
	}
	if (p < e && *p != ' ' && *p != '\t')
		return ruleerr(file, lineno, p - s + 1,
		    "bad character in tag or field name");
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	for (; p < e && (*p == '=' || *p == '~' || *p == '+'); p++) {
		if (*p == '=' ? caseful++ : *p == '~' ? raw++ : weak++)
			return ruleerr(file, lineno, p - s + 1,
			    "repeated pattern flag");
	}
	ps = p;
	/* A '#' after a blank starts a comment; so does trailing blank. */
	for (; p < e; p++)
		if (*p == '#' && p > ps && (p[-1] == ' ' || p[-1] == '\t'))
			break;
	while (p > ps && (p[-1] == ' ' || p[-1] == '\t'))
		p--;
	if (p == ps)
		return ruleerr(file, lineno, ps - s + 1, "missing pattern");
	pat.len = 0;
	buf_add(&pat, ps, p - ps);

	opt = PCRE2_UTF | PCRE2_UCP | (caseful ? 0 : PCRE2_CASELESS);
	re = pcre2_compile((PCRE2_SPTR)pat.p, pat.len, opt, &err, &eoff, NULL);
	if (re == NULL) {
		pcre2_get_error_message(err, msg, sizeof(msg));
		return ruleerr(file, lineno, ps - s + eoff + 1, (char *)msg);
	}
	if (!raw) {
		/* Word edges that work for any first or last character. */
		pcre2_code_free(re);
		wrap.len = 0;
		buf_adds(&wrap, "(?<!\\w)(?:");
		off = wrap.len;
		buf_add(&wrap, pat.p, pat.len);
		buf_adds(&wrap, "\\E)(?!\\w)");
		re = pcre2_compile((PCRE2_SPTR)wrap.p, wrap.len, opt, &err,
		    &eoff, NULL);
		if (re == NULL) {
			pcre2_get_error_message(err, msg, sizeof(msg));
			eoff = eoff < off ? 0 : eoff - off;
			if (eoff > pat.len)
				eoff = pat.len;
			warnf("%s:%lu:%zu: %s (with word edges added; "
			    "use '~' for a raw pattern)", file, lineno,
			    (size_t)(ps - s + eoff + 1), (char *)msg);
			return -1;
		}
	}
	/* Without JIT (some platforms) the interpreter runs the same code. */
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);

	if ((nrules & (nrules - 1)) == 0)	/* grown by doubling */
		rules = erealloc(rules, (nrules ? 2 * nrules : 1) *
		    sizeof(*rules));
	r = &rules[nrules];
	memset(r, 0, sizeof(*r));
	r->tag = tagindex(tag, tagn);
	r->veto = veto;
	r->weak = weak;
	r->field = fld ? fieldindex(fld, fldn) : -1;
	r->re = re;
	r->file = file;
	r->line = lineno;
	{
		struct tag *t = &tags[r->tag];
		int **v = veto ? &t->veto : &t->pos;
		int *c = veto ? &t->nveto : &t->npos;

		if ((*c & (*c - 1)) == 0)	/* grown by doubling */
			*v = erealloc(*v, (*c ? 2 * *c : 1) * sizeof(int));
		(*v)[(*c)++] = nrules;
	}
	nrules++;
	lit_rule(nrules - 1, pat.p, pat.len, raw);
	return 0;
}

/* Parse a whole rules text; returns the number of bad lines. */
int
parsetext(const char *file, const char *s, size_t n)
{
	const char *e = s + n, *nl;
	unsigned long lineno = 0;
	size_t len;
	int bad = 0;

	while (s < e) {
		lineno++;
		nl = memchr(s, '\n', e - s);
		len = nl ? (size_t)(nl - s) : (size_t)(e - s);
		if (len > 0 && s[len - 1] == '\r')
			len--;
		if (memchr(s, '\0', len) != NULL) {
			ruleerr(file, lineno, (char *)memchr(s, '\0', len) - s + 1,
			    "NUL byte in rule");
			bad++;
		} else if (parserule(file, lineno, s, len) == -1)
			bad++;
		s = nl ? nl + 1 : e;
	}
	return bad;
}

int
parsefile(const char *path, struct buf *all)
{
	struct lines l;
	struct buf b = { 0 };
	char *line;
	long long n;
	int bad;

	if (lines_open(&l, path) == -1)
		return -1;
	while ((n = lines_next(&l, &line)) >= 0) {
		buf_add(&b, line, n);
		buf_addc(&b, '\n');
	}
	if (lines_close(&l)) {
		free(b.p);
		return -1;
	}
	bad = parsetext(l.name, b.p ? b.p : "", b.len);
	if (all != NULL) {
		buf_adds(all, "# rules from ");
		buf_adds(all, path);
		buf_addc(all, '\n');
		buf_add(all, b.p, b.len);
	}
	free(b.p);
	return bad;
}

/*
 * Before any rule is read: the fields that rules without @field match
 * (the -F ones, or title and abstract) come first, fields[0..ndefault).
 */
void
rules_begin(char **df, int ndf)
{
	int i;

	if (ndf == 0) {
		fieldindex("title", 5);
		fieldindex("abstract", 8);
	}
	for (i = 0; i < ndf; i++)
		fieldindex(df[i], strlen(df[i]));
	ndefault = nfields;
	nfgiven = ndf;
	lit_begin();
}
