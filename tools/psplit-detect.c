/*
 * psplit-detect.c: the table of formats, and -f auto's choice among them.
 * It stands above the readers: they share psplit-util.c, never this file.
 */
#include <stdio.h>
#include <string.h>

#include "paperpipe.h"
#include "psplit.h"

/*
 * -f auto tries the detectors in this order; a new format is one more row.
 * CSV is judged by its header line alone, the arXiv shapes by lines no other
 * page has; the Hugging Face page, the loosest, comes last.
 */
const struct format psplit_formats[] = {
	{ "hf-api",	hfapi_detect,		hfapi_read },
	{ "arxiv-atom",	atom_detect,		feed_read },
	{ "arxiv-rss",	rss_detect,		feed_read },
	{ "hf-html",	hfhtml_detect,		hfhtml_read },
	{ "arxiv-html",	arxivhtml_detect,	arxivhtml_read },
	{ "csv",	csv_detect,		csv_read },
	{ "arxiv-mail",	arxiv_mail_detect,	arxiv_mail_read },
	{ "arxiv-list",	arxiv_list_detect,	arxiv_list_read },
	{ "hf",		hf_detect,		hf_read },
};
const size_t psplit_nformats =
    sizeof(psplit_formats) / sizeof(psplit_formats[0]);

/* How much of an input -f auto looks at. */
#define PEEK		(16 * 1024)

/* Whether the first line of p is a JSON object: psplit's own output. */
static int
jsonlines(const char *p, size_t n)
{
	static struct jindex ix;
	const char *nl = memchr(p, '\n', n);
	struct jerr err;

	if (nl == NULL)
		return 0;
	return json_scan(p, nl - p, &ix, &err) == 0 && ix.isobj;
}

/* Which format is this input?  NULL when no detector claims it. */
const struct format *
psplit_detect(struct psplit *ps, struct lines *l)
{
	const char *p, *nul;
	size_t n, i;
	unsigned long long lineno;

	/* (a mapped file gives all of itself: look at its start alone) */
	if ((n = lines_peek(l, PEEK, &p)) > PEEK)
		n = PEEK;
	/*
	 * The text before a NUL byte is detected on its own: its papers are
	 * written, and the reader stops at the NUL with its message.
	 */
	if ((nul = memchr(p, '\0', n)) != NULL)
		n = nul - p;
	for (i = 0; i < psplit_nformats; i++)
		if (psplit_formats[i].detect(p, n))
			return &psplit_formats[i];
	if (nul != NULL) {
		/* Say where, as psplit_next would. */
		for (lineno = 1; p < nul; p++)
			lineno += *p == '\n';
		psplit_warn(ps, lineno, "NUL byte: not a text file");
		ps->status = EXIT_TROUBLE;
		ps->nulstop = 1;
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (strchr(" \t\r\n", p[i]) == NULL)
			break;
	if (i == n)
		return NULL;		/* blank: "no papers found" says it */
	if (p[i] == '{' && jsonlines(p + i, n - i))
		psplit_warn(ps, 0, "already JSON Lines records, not a page: "
		    "give them to the other filters (plinks, ptag, ...)");
	else
		psplit_warn(ps, 0, "unrecognised format (use -f)");
	ps->status = EXIT_TROUBLE;
	return NULL;
}
