/*
 * ptag.c: libFuzzer target for ptag's matcher.  The built-in rules and a
 * few that exercise every construct of the literal prefilter are loaded
 * once; each input is a record (title up to the first newline, abstract
 * after it).  ptag's tags for it must be exactly what plain PCRE2 gives
 * when every rule is tried on every field it names, vetoes applied: the
 * prefilter may save work, never change an answer.  Nothing may crash or
 * leak (ASan/UBSan).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* The tool itself, with its main renamed: its static matcher is the target. */
#define main ptag_main
#include "../../tools/ptag.c"
#undef main

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

static pcre2_match_data *mdref;

static void
setup(void)
{
	int fd;

	rules_begin(NULL, 0);
	if (parsetext("<builtin>", ptag_builtin, strlen(ptag_builtin)) != 0 ||
	    parsetext("<fuzz>", extra, strlen(extra)) != 0)
		abort();
	matcher_init();
	if ((mdref = pcre2_match_data_create(1, NULL)) == NULL)
		abort();
	/* The records written are not looked at: their tags are. */
	if ((fd = open("/dev/null", O_WRONLY)) == -1)
		abort();
	out_stdout.fd = fd;
}

/* Plain PCRE2: 1 match, 0 none, -1 a limit was hit (no verdict). */
static int
refmatch(int ri, const char *const *text, const size_t *len)
{
	const struct rule *r = &rules[ri];
	int f, lo, hi, rc, res = 0;

	lo = r->field >= 0 ? r->field : 0;
	hi = r->field >= 0 ? r->field + 1 : ndefault;
	for (f = lo; f < hi; f++) {
		if (f > 1)
			continue;	/* the record has title and abstract */
		rc = pcre2_match(r->re, (PCRE2_SPTR)text[f], len[f], 0, 0,
		    mdref, mctx);
		if (rc >= 0)
			return 1;
		if (rc != PCRE2_ERROR_NOMATCH)
			res = -1;
	}
	return res;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	static struct buf line;
	const char *p = (const char *)data, *nl, *text[2];
	size_t len[2];
	struct rec rec = { 0 };
	struct jerr err;
	int i, j, pos, veto, m, unsure, want;

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

	line.len = 0;
	buf_adds(&line, "{\"title\":");
	json_add_str(&line, text[0], len[0]);
	buf_adds(&line, ",\"abstract\":");
	json_add_str(&line, text[1], len[1]);
	buf_addc(&line, '}');
	rec.line = line.p;
	rec.len = line.len;
	rec.file = "<fuzz>";
	rec.lineno = 1;
	if (json_scan(line.p, line.len, &rec.ix, &err) == -1)
		abort();	/* json_add_str wrote bad JSON */
	dorecord(&rec);
	out_stdout.len = 0;

	for (i = 0; i < ntags; i++) {
		unsure = 0;
		for (pos = 0, j = 0; j < tags[i].npos && !pos; j++)
			if ((m = refmatch(tags[i].pos[j], text, len)) == -1)
				unsure = 1;
			else
				pos = m;
		for (veto = 0, j = 0; pos && j < tags[i].nveto && !veto; j++)
			if ((m = refmatch(tags[i].veto[j], text, len)) == -1)
				unsure = 1;
			else
				veto = m;
		want = pos && !veto;
		if (!unsure && want != tags[i].isnew) {
			fprintf(stderr, "tag %.*s: ptag %d, PCRE2 %d\n",
			    (int)tags[i].namelen, tags[i].name, tags[i].isnew,
			    want);
			abort();
		}
	}
	free(rec.ix.m);
	return 0;
}
