/*
 * ptag.c: libFuzzer target for ptag's literal prefilter (tools/ptag-lit.c).
 * The built-in rules and a few that exercise every construct the literal
 * parser models are loaded once; each input is a record (title up to the
 * first newline, abstract after it).  Every rule that plain PCRE2 matches
 * in a field must be one the prefilter left to try there, and for a rule
 * the prefilter says is anchored, the match must start where it saw a
 * literal: the prefilter may save work, never change an answer.  Nothing
 * may crash or leak (ASan/UBSan).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "paperpipe.h"
#include "ptag.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

extern const char ptag_builtin[];

static const char extra[] =
    "alt        foo|bar baz|qux\n"
    "opt        colou?r (model|net)s?\n"
    "optgroup   (pre-?)?train(ing|ed)?\n"
    "class      [Tt]rans[- ]?former|gr[ae]y\n"
    "quant      lo{2,}p|ab{0,2}c|x+y\n"
    "nested     ((deep|shallow) (nets?|models?)|wide (nets?|trees?))\n"
    "escape     C\\+\\+|\\.NET|a\\-b\n"
    "look       ~cat(?=fish)|hot(?! dog)\n"
    "anyof      \\d+-bit|\\w+former\n"
    "raw        ~form\n"
    "caseful    =NASA|Nasa\n"
    "optstart   (the )?end\n"
    "star       e*nd(ing)?\n"
    "dotted     a.c|x..y\n"
    "inline     =(?i:MiXeD)|lower\n"
    "qe         \\Qa+b\\E\n"
    "unicode    naïve|café|straße\n"
    "kelvin     keep\n"
    "!alt       foo fighters\n"
    "alt@title  title only\n"
    "suffix     ~ing\\b\n"
    "prefix     ~\\bun\n";

struct frule {
	pcre2_code	*re;
	int		 field;		/* 0 title, 1 abstract, -1 both, -2 none */
};

static struct frule *fr;
static int nfr;
static pcre2_match_data *md;
static pcre2_match_context *mctx;

/*
 * The rules-file line syntax, as ptag reads it ([!]TAG[@FIELD]
 * [=][~][+]PATTERN [# comment]); the lines here are known to be good.
 */
static void
addrules(const char *s)
{
	static struct buf pat;
	const char *e, *p, *at, *ps;
	int caseful, raw, err;
	uint32_t opt;
	PCRE2_SIZE eoff;

	for (; *s != '\0'; s = *e ? e + 1 : e) {
		e = strchr(s, '\n');
		if (e == NULL)
			e = s + strlen(s);
		for (p = s; p < e && (*p == ' ' || *p == '\t'); p++)
			;
		if (p == e || *p == '#')
			continue;
		for (at = NULL; p < e && *p != ' ' && *p != '\t'; p++)
			if (*p == '@')
				at = p + 1;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		for (caseful = raw = 0; *p == '=' || *p == '~' || *p == '+'; p++)
			if (*p != '+')
				*p == '=' ? (caseful = 1) : (raw = 1);
		for (ps = p; p < e; p++)
			if (*p == '#' && (p[-1] == ' ' || p[-1] == '\t'))
				break;
		while (p > ps && (p[-1] == ' ' || p[-1] == '\t'))
			p--;
		pat.len = 0;
		if (!raw)
			buf_adds(&pat, "(?<!\\w)(?:");
		buf_add(&pat, ps, p - ps);
		if (!raw)
			buf_adds(&pat, "\\E)(?!\\w)");
		opt = PCRE2_UTF | PCRE2_UCP | (caseful ? 0 : PCRE2_CASELESS);
		fr = realloc(fr, (nfr + 1) * sizeof(*fr));
		if (fr == NULL)
			abort();
		fr[nfr].re = pcre2_compile((PCRE2_SPTR)pat.p, pat.len, opt,
		    &err, &eoff, NULL);
		if (fr[nfr].re == NULL)
			abort();
		if (at == NULL)
			fr[nfr].field = -1;
		else if (strncmp(at, "title", 5) == 0 && (at[5] == ' ' ||
		    at[5] == '\t'))
			fr[nfr].field = 0;
		else if (strncmp(at, "abstract", 8) == 0 && (at[8] == ' ' ||
		    at[8] == '\t'))
			fr[nfr].field = 1;
		else
			fr[nfr].field = -2;
		lit_rule(nfr, ps, p - ps, raw);
		nfr++;
	}
}

static void
setup(void)
{
	lit_begin();
	addrules(ptag_builtin);
	addrules(extra);
	md = pcre2_match_data_create(1, NULL);
	mctx = pcre2_match_context_create(NULL);
	if (md == NULL || mctx == NULL)
		abort();
	pcre2_set_match_limit(mctx, 10000000);
	pcre2_set_depth_limit(mctx, 100000);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	static unsigned long recno;
	static struct buf low;
	const char *p = (const char *)data, *nl, *text[2];
	const struct litrule *lr;
	PCRE2_SIZE *ov;
	size_t len[2], start[2], end[2], k, at;
	int have[2] = { 1, 1 }, folded = 0, i, f, rc;

	if (!ready) {
		setup();
		ready = 1;
	}
	if (utf8_valid(p, size) != size)
		return 0;	/* psplit repairs text before ptag sees it */
	nl = memchr(p, '\n', size);
	text[0] = p;
	len[0] = nl ? (size_t)(nl - p) : size;
	text[1] = nl ? nl + 1 : p + size;
	len[1] = nl ? size - len[0] - 1 : 0;

	/* As ptag does: each field lower-cased, a newline after each. */
	low.len = 0;
	for (f = 0; f < 2; f++) {
		start[f] = low.len;
		lit_lower(&low, text[f], len[f]);
		end[f] = low.len;
		if (end[f] - start[f] != len[f])
			folded = 1;
		buf_addc(&low, '\n');
	}
	lit_scan(low.p, low.len, ++recno, 2, have, start, end);

	for (i = 0; i < nfr; i++) {
		lr = &litrules[i];
		for (f = 0; f < 2; f++) {
			if (fr[i].field != -1 && fr[i].field != f)
				continue;
			rc = pcre2_match(fr[i].re, (PCRE2_SPTR)text[f], len[f],
			    0, 0, md, mctx);
			if (rc < 0)
				continue;	/* no match, or no verdict */
			if (lr->nlits == 0)
				continue;
			if (lr->cand != recno || !(lr->infield & LIT_FBIT(f))) {
				fprintf(stderr, "rule %d: PCRE2 matches in "
				    "field %d, prefilter ruled it out\n", i, f);
				abort();
			}
			if (!lr->anch || folded)
				continue;
			ov = pcre2_get_ovector_pointer(md);
			at = start[f] + ov[0];
			for (k = 0; k < lr->nat && lr->at[k] != at; k++)
				;
			if (k == lr->nat) {
				fprintf(stderr, "rule %d: PCRE2 match at %zu, "
				    "no literal there\n", i, at);
				abort();
			}
		}
	}
	return 0;
}
