/* psplit: split the text of a paper-listing page into one record per paper */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"
#include "psplit.h"

static const struct format *fflag;	/* NULL: auto */
static int vflag;

/* Split one input; returns its exit status. */
static int
split(const char *path)
{
	static struct psplit ps;
	const struct format *f;
	struct lines l;

	if (lines_open(&l, path) == -1)
		return EXIT_TROUBLE;
	ps.file = l.name;
	ps.npapers = 0;
	ps.status = EXIT_OK;
	ps.verbose = vflag;
	ps.rec.len = 0;
	ps.nulstop = 0;
	ps.emptyok = 0;
	if ((f = fflag) == NULL)
		f = psplit_detect(&ps, &l);
	if (f != NULL)
		f->read(&l, &ps);
	if (lines_close(&l))
		ps.status = EXIT_TROUBLE;
	else if (ps.npapers == 0 && ps.status == EXIT_OK && !ps.emptyok) {
		psplit_warn(&ps, 0, "no papers found");
		ps.status = EXIT_TROUBLE;
	}
	if (vflag && f != NULL)
		psplit_warn(&ps, 0, "%lu papers (%s)", ps.npapers, f->name);
	return ps.status;
}

static const char **fnames;	/* auto, then psplit_formats[] */

static const struct opt opts[] = {
	{ 'f', "format", OPT_REQ, "format",
	    "the page's format (default auto)", NULL },
	{ 'v', "verbose", OPT_NONE, NULL,
	    "report skipped text and paper counts", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};
static struct opt fopts[sizeof(opts) / sizeof(opts[0])];
static const struct tool tool = { "psplit", fopts, NULL, NULL };

int
main(int argc, char *argv[])
{
	static char *stdinonly[] = { "-", NULL };
	int c, i, status = EXIT_OK;

	/* The format names come from the readers' table. */
	fnames = ecalloc(psplit_nformats + 2, sizeof(*fnames));
	fnames[0] = "auto";
	for (i = 0; i < (int)psplit_nformats; i++)
		fnames[i + 1] = psplit_formats[i].name;
	memcpy(fopts, opts, sizeof(opts));
	fopts[0].choices = fnames;
	while ((c = tool_getopt(&tool, argc, argv)) != -1) {
		switch (c) {
		case 'f':
			i = tool_choice(c, optarg, "format", fnames);
			fflag = i == 0 ? NULL : &psplit_formats[i - 1];
			break;
		case 'v':
			vflag = 1;
			break;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		argc = 1;
		argv = stdinonly;
	}
	for (i = 0; i < argc; i++)
		status |= split(argv[i]);
	out_close(&out_stdout);
	return status;
}
