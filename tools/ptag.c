/* ptag: add topic tags to records from PCRE2 rules */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "paperpipe.h"
#include "ptag.h"

/* Generous for real texts; a runaway pattern stops in well under a second. */
#define MATCHLIMIT	10000000
#define DEPTHLIMIT	100000
#define JITSTACK	(1024 * 1024)
#define ANCHTRIES	8	/* anchored tries of a rule per record */

static struct buf *ftext;
static int *fhave;
static size_t *fstart, *fend;	/* each field's span in the lower-cased text */
static int folded;		/* lower-casing changed some offsets */

static char **onlytags;
static int nonly;
static int cflag, eflag, lflag, Nflag, sflag, uflag;
static int status;
static unsigned long recno, ntagged, nnew;

static pcre2_match_data *md;
static pcre2_match_context *mctx;
static int tfield = -1;		/* the title field, if rules look at it */

static const char *
pcre2msg(int rc)
{
	static PCRE2_UCHAR msg[256];

	pcre2_get_error_message(rc, msg, sizeof(msg));
	return (char *)msg;
}

static void
matcherr(const struct rec *rec, const struct rule *r, int f, int rc)
{
	rec_warn(rec, "rule %s:%lu (%s%s): field %s: %s", r->file, r->line,
	    r->veto ? "!" : "", tags[r->tag].name, fields[f], pcre2msg(rc));
	status = EXIT_TROUBLE;
}

/* The field in lo..hi whose text holds offset at, or hi. */
static int
atfield(size_t at, int lo, int hi)
{
	int f;

	for (f = lo; f < hi; f++)
		if (fhave[f] && at >= fstart[f] && at < fstart[f] + ftext[f].len)
			break;
	return f;
}

/*
 * Does rule ri match this record?  On a match, *fi is the field and the
 * match data holds the span.  A pattern that runs into the limits is
 * reported with the rule and the record, and counts as no match.
 */
static int
rulematch(const struct rec *rec, int ri, int *fi)
{
	const struct rule *r = &rules[ri];
	const struct litrule *lr = &litrules[ri];
	size_t k;
	int f, lo, hi, rc;

	if (lr->nlits > 0 && lr->cand != recno)
		return 0;
	if (r->field >= 0)
		lo = r->field, hi = r->field + 1;
	else
		lo = 0, hi = ndefault;
	if (lr->nlits > 0 && lr->anch && !folded) {
		/*
		 * Offsets in the lower-cased text are offsets in the fields.
		 * The first ANCHTRIES occurrences are tried anchored, with
		 * a share of the match limit each; from the next one on (or
		 * the one that ran out), one unanchored match per field with
		 * the whole limit finds any later match.  So the work per
		 * rule and record is bounded, however often its literal
		 * occurs.
		 */
		pcre2_set_match_limit(mctx, MATCHLIMIT / ANCHTRIES);
		for (k = 0, rc = 0; k < lr->nat && k < ANCHTRIES; k++) {
			if ((f = atfield(lr->at[k], lo, hi)) == hi)
				continue;
			rc = pcre2_match(r->re, (PCRE2_SPTR)ftext[f].p,
			    ftext[f].len, lr->at[k] - fstart[f],
			    PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, md, mctx);
			if (rc >= 0) {
				pcre2_set_match_limit(mctx, MATCHLIMIT);
				*fi = f;
				return 1;
			}
			if (rc != PCRE2_ERROR_NOMATCH)
				break;
		}
		pcre2_set_match_limit(mctx, MATCHLIMIT);
		while (k < lr->nat) {
			if ((f = atfield(lr->at[k], lo, hi)) == hi) {
				k++;
				continue;
			}
			rc = pcre2_match(r->re, (PCRE2_SPTR)ftext[f].p,
			    ftext[f].len, lr->at[k] - fstart[f],
			    PCRE2_NO_UTF_CHECK, md, mctx);
			if (rc >= 0) {
				*fi = f;
				return 1;
			}
			if (rc != PCRE2_ERROR_NOMATCH)
				matcherr(rec, r, f, rc);
			while (k < lr->nat && lr->at[k] < fstart[f] +
			    ftext[f].len)
				k++;
		}
		return 0;
	}
	for (f = lo; f < hi; f++) {
		if (!fhave[f] || (lr->nlits > 0 &&
		    !(lr->infield & LIT_FBIT(f))))
			continue;
		rc = pcre2_match(r->re, (PCRE2_SPTR)ftext[f].p, ftext[f].len,
		    0, PCRE2_NO_UTF_CHECK, md, mctx);
		if (rc >= 0) {	/* 0: matched, groups not kept */
			*fi = f;
			return 1;
		}
		if (rc != PCRE2_ERROR_NOMATCH)
			matcherr(rec, r, f, rc);
	}
	return 0;
}

static void
explain(struct buf *ex, int ri, int f)
{
	const struct rule *r = &rules[ri];
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	char num[32];

	json_sep(ex);
	buf_adds(ex, "{\"tag\":");
	json_add_str(ex, tags[r->tag].name, tags[r->tag].namelen);
	if (r->veto)
		buf_adds(ex, ",\"veto\":true");
	buf_adds(ex, ",\"rule\":");
	snprintf(num, sizeof(num), ":%lu", r->line);
	{
		static struct buf rb;

		rb.len = 0;
		buf_adds(&rb, r->file);
		buf_adds(&rb, num);
		json_add_str(ex, rb.p, rb.len);
	}
	buf_adds(ex, ",\"field\":");
	json_add_str(ex, fields[f], strlen(fields[f]));
	buf_adds(ex, ",\"match\":");
	if (ov[0] <= ov[1] && ov[1] <= ftext[f].len)
		json_add_str(ex, ftext[f].p + ov[0], ov[1] - ov[0]);
	else
		buf_adds(ex, "\"\"");
	buf_addc(ex, '}');
}

/* Decode a string field, or the strings of an array, one per line. */
struct ftext {
	struct buf	*b;
	int		 any;
};

static int
addtext(void *arg, const char *p, size_t n)
{
	struct ftext *ft = arg;

	if (*p != '"')
		return 0;
	if (ft->any)
		buf_addc(ft->b, '\n');
	json_str_decode(ft->b, p + 1, n - 2);
	ft->any = 1;
	return 0;
}

static int
getfield(const struct rec *rec, int f, struct buf *b)
{
	struct ftext ft = { b, 0 };

	path_rec(&fpaths[f], rec, addtext, &ft);
	return ft.any;
}

/*
 * The next match of rule ri in field f from offset from: 1, or 0 for none.
 * A rule whose matches start at its literals is tried only where they are.
 */
static int
nextmatch(const struct rec *rec, int ri, int f, size_t from)
{
	const struct rule *r = &rules[ri];
	const struct litrule *lr = &litrules[ri];
	size_t k, at;
	int rc;

	if (lr->nlits > 0 && lr->anch && !folded) {
		for (k = 0; k < lr->nat; k++) {
			at = lr->at[k];
			if (at < fstart[f] + from)
				continue;
			if (at >= fstart[f] + ftext[f].len)
				break;
			rc = pcre2_match(r->re, (PCRE2_SPTR)ftext[f].p,
			    ftext[f].len, at - fstart[f],
			    PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, md, mctx);
			if (rc >= 0)
				return 1;
			if (rc != PCRE2_ERROR_NOMATCH)
				matcherr(rec, r, f, rc);
		}
		return 0;
	}
	rc = pcre2_match(r->re, (PCRE2_SPTR)ftext[f].p, ftext[f].len, from,
	    PCRE2_NO_UTF_CHECK, md, mctx);
	if (rc >= 0)
		return 1;
	if (rc != PCRE2_ERROR_NOMATCH)
		matcherr(rec, r, f, rc);
	return 0;
}

/*
 * Is tag t given to this record?  One match of a rule is enough, except
 * for a '+' rule outside the title field: such a match counts one, and
 * the tag takes two that do not overlap, of the same '+' rule or another
 * of the tag's.  The matches that decided go to ex (with -e).
 */
static int
given(const struct rec *rec, const struct tag *t, struct buf *ex)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	const struct rule *r;
	size_t mark = ex->len, s0 = 0, e0 = 0;
	int j, f, f0 = -1;

	for (j = 0; j < t->npos; j++) {
		if (!rulematch(rec, t->pos[j], &f))
			continue;
		r = &rules[t->pos[j]];
		if (!r->weak || f == tfield) {
			ex->len = mark;
			if (eflag)
				explain(ex, t->pos[j], f);
			return 1;
		}
		/* This rule's matches in field f, in order. */
		for (;;) {
			if (f0 < 0 || f != f0 || ov[0] >= e0 || ov[1] <= s0) {
				if (eflag)
					explain(ex, t->pos[j], f);
				if (f0 >= 0)
					return 1;
				f0 = f, s0 = ov[0], e0 = ov[1];
			}
			if (ov[1] <= ov[0] || ov[1] >= ftext[f].len ||
			    !nextmatch(rec, t->pos[j], f, ov[1]))
				break;
		}
	}
	ex->len = mark;
	return 0;
}

static int
isonly(const char *s, size_t n)
{
	int i;

	for (i = 0; i < nonly; i++)
		if (strlen(onlytags[i]) == n && memcmp(onlytags[i], s, n) == 0)
			return 1;
	return 0;
}

static void
dorecord(const struct rec *rec)
{
	static struct buf low, arr, ex, tmp;
	const struct member *tm;
	const char *p, *e, *q;
	struct field fl[2];
	int i, j, f, nf = 0, added = 0, total = 0, keep, badtags;

	recno++;
	low.len = 0;
	folded = 0;
	for (f = 0; f < nfields; f++) {
		ftext[f].len = 0;
		fhave[f] = getfield(rec, f, &ftext[f]);
		if (fhave[f]) {
			fstart[f] = low.len;
			lit_lower(&low, ftext[f].p, ftext[f].len);
			fend[f] = low.len;
			if (low.len - fstart[f] != ftext[f].len)
				folded = 1;
			buf_addc(&low, '\n');
		}
	}
	lit_scan(low.p, low.len, recno, nfields, fhave, fstart, fend);

	ex.len = 0;
	if (eflag)
		buf_addc(&ex, '[');
	for (i = 0; i < ntags; i++) {
		struct tag *t = &tags[i];

		t->isnew = 0;
		if (!given(rec, t, &ex))
			continue;
		for (j = 0; j < t->nveto; j++)
			if (rulematch(rec, t->veto[j], &f))
				break;
		if (j < t->nveto) {
			t->vetoed++;
			if (eflag)
				explain(&ex, t->veto[j], f);
			continue;
		}
		t->count++;
		t->isnew = 1;
	}

	/* The tags array: the record's own elements, then new tags. */
	arr.len = 0;
	buf_addc(&arr, '[');
	keep = nonly == 0 && !uflag;
	badtags = 0;
	tm = rec_get(rec, "tags");
	if (tm != NULL && tm->val.p[0] != '[') {
		rec_warn(rec, "tags is not an array; record left as it is");
		status = EXIT_TROUBLE;
		badtags = 1;
		for (i = 0; i < ntags; i++)
			tags[i].isnew = 0;
	} else if (tm != NULL) {
		e = tm->val.p + tm->val.n - 1;
		for (p = json_ws(tm->val.p + 1, e); p < e; p = json_ws(p, e)) {
			q = json_skip(p, e);
			json_sep(&arr);
			buf_add(&arr, p, q - p);
			total++;
			if (*p == '"') {
				tmp.len = 0;
				json_str_decode(&tmp, p + 1, q - p - 2);
				for (i = 0; i < ntags; i++)
					if (tags[i].isnew &&
					    tags[i].namelen == tmp.len &&
					    memcmp(tags[i].name, tmp.p,
					    tmp.len) == 0)
						tags[i].isnew = 0;
				if (isonly(tmp.p, tmp.len))
					keep = 1;
			}
			p = json_ws(q, e);
			if (p < e && *p == ',')
				p++;
		}
	}
	for (i = 0; i < ntags; i++) {
		if (!tags[i].isnew)
			continue;
		json_sep(&arr);
		json_add_str(&arr, tags[i].name, tags[i].namelen);
		added++;
		total++;
		if (isonly(tags[i].name, tags[i].namelen))
			keep = 1;
	}
	buf_addc(&arr, ']');
	nnew += added;
	if (total > 0)
		ntagged++;
	if (uflag && total == 0)
		keep = 1;
	if (!keep)
		return;
	/* Untouched records go out byte for byte. */
	if (!badtags && (tm == NULL || added > 0)) {
		fl[nf].key = "tags";
		fl[nf].val = arr.p;
		fl[nf++].vlen = arr.len;
	}
	if (eflag) {
		buf_addc(&ex, ']');
		fl[nf].key = "explain";
		fl[nf].val = ex.p;
		fl[nf++].vlen = ex.len;
	}
	rec_write(&out_stdout, rec, fl, nf);
}

static void
printstats(void)
{
	int i;

	fprintf(stderr, "%s: %lu records, %lu tagged (%.1f%%), "
	    "%.2f new tags per record\n", argv0, recno, ntagged,
	    recno ? 100.0 * ntagged / recno : 0.0,
	    recno ? (double)nnew / recno : 0.0);
	for (i = 0; i < ntags; i++) {
		fprintf(stderr, "%10lu %5.1f%%  %s", tags[i].count,
		    recno ? 100.0 * tags[i].count / recno : 0.0, tags[i].name);
		if (tags[i].vetoed)
			fprintf(stderr, " (%lu vetoed)", tags[i].vetoed);
		fputc('\n', stderr);
	}
}

/* After the rules are read: per-field buffers, match data and limits. */
static void
matcher_init(void)
{
	pcre2_jit_stack *js;
	int f;

	for (f = 0; f < nfields; f++)
		if (strcmp(fields[f], "title") == 0)
			tfield = f;
	ftext = ecalloc(nfields, sizeof(*ftext));
	fhave = ecalloc(nfields, sizeof(*fhave));
	fstart = ecalloc(nfields, sizeof(*fstart));
	fend = ecalloc(nfields, sizeof(*fend));
	md = pcre2_match_data_create(1, NULL);
	mctx = pcre2_match_context_create(NULL);
	if (md == NULL || mctx == NULL)
		die(EXIT_TROUBLE, "pcre2: out of memory");
	pcre2_set_match_limit(mctx, MATCHLIMIT);
	pcre2_set_depth_limit(mctx, DEPTHLIMIT);
	if ((js = pcre2_jit_stack_create(32 * 1024, JITSTACK, NULL)) != NULL)
		pcre2_jit_stack_assign(mctx, NULL, js);
}

static const struct opt opts[] = {
	{ 'c', "check", OPT_NONE, NULL,
	    "check the rules and exit; read no records", NULL },
	{ 'e', "explain", OPT_NONE, NULL,
	    "add an \"explain\" field: rule and text behind each tag", NULL },
	{ 'F', "field", OPT_REQ, "field",
	    "match the rules in this field (repeatable; default title, "
	    "abstract)", NULL },
	{ 'l', "list", OPT_NONE, NULL,
	    "print the rules in use, in the rules-file syntax, and exit", NULL },
	{ 'N', "no-builtin", OPT_NONE, NULL, "do not use the built-in rules",
	    NULL },
	{ 'o', "only", OPT_REQ, "tag",
	    "keep only records carrying TAG (repeatable, or commas)", NULL },
	{ 'r', "rules", OPT_REQ, "file", "add the rules in FILE (repeatable)",
	    NULL },
	{ 's', "stats", OPT_NONE, NULL,
	    "print per-tag counts on stderr at the end", NULL },
	{ 'u', "untagged", OPT_NONE, NULL, "keep only records with no tag",
	    NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};
static const struct tool tool = { "ptag", opts, NULL, NULL };

/* -o names a tag that a rule in use can add, or it would keep nothing. */
static void
checkonly(void)
{
	const char **names;
	int i, j, n = 0;

	names = emalloc((ntags + 1) * sizeof(*names));
	for (i = 0; i < ntags; i++)
		if (tags[i].npos > 0)
			names[n++] = tags[i].name;
	names[n] = NULL;
	for (j = 0; j < nonly; j++)
		tool_choice('o', onlytags[j], "tag", names);
	free(names);
}

int
main(int argc, char *argv[])
{
	static struct buf listing;
	static char **rfiles, **dfields;
	int nrfiles = 0, ndfields = 0, bad = 0, c, i, b;
	char *list, *item;
	struct rin in;
	struct rec *r;

	/* No option repeats more often than there are arguments. */
	dfields = emalloc(argc * sizeof(*dfields));
	rfiles = emalloc(argc * sizeof(*rfiles));
	while ((c = tool_getopt(&tool, argc, argv)) != -1) {
		switch (c) {
		case 'c':
			cflag = 1;
			break;
		case 'e':
			eflag = 1;
			break;
		case 'F':
			dfields[ndfields++] = optarg;
			break;
		case 'l':
			lflag = 1;
			break;
		case 'N':
			Nflag = 1;
			break;
		case 'o':
			for (list = optarg; (item = tool_item(c, &list)) !=
			    NULL; ) {
				onlytags = erealloc(onlytags, (nonly + 1) *
				    sizeof(*onlytags));
				onlytags[nonly++] = item;
			}
			break;
		case 'r':
			rfiles[nrfiles++] = optarg;
			break;
		case 's':
			sflag = 1;
			break;
		case 'u':
			uflag = 1;
			break;
		}
	}
	argc -= optind;
	argv += optind;

	rules_begin(dfields, ndfields);

	if (!Nflag) {
		bad += parsetext("<builtin>", ptag_builtin, strlen(ptag_builtin));
		if (lflag)
			buf_adds(&listing, ptag_builtin);
	}
	for (i = 0; i < nrfiles; i++) {
		b = parsefile(rfiles[i], lflag ? &listing : NULL);
		if (b == -1)
			die(EXIT_USAGE, "%s: cannot read rules", rfiles[i]);
		bad += b;
	}
	if (bad > 0)
		die(EXIT_USAGE, "%d bad rule%s; nothing done", bad,
		    bad == 1 ? "" : "s");
	checkonly();
	if (cflag)
		return EXIT_OK;
	if (lflag) {
		out_write(&out_stdout, listing.p, listing.len);
		out_close(&out_stdout);
		return EXIT_OK;
	}

	matcher_init();

	rin_init(&in, argc, argv);
	while ((r = rin_next(&in)) != NULL)
		dorecord(r);
	if (rin_close(&in))
		status = EXIT_TROUBLE;
	out_close(&out_stdout);
	if (sflag)
		printstats();
	if (recno > 0)
		path_unseen(fpaths, nfgiven);
	return status;
}
