/* psplit: split the text of a paper-listing page into one record per paper */
#include <getopt.h>
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

static void
usage(void)
{
	fprintf(stderr, "usage: %s [-v] [-f format] [file ...]\n", argv0);
	exit(EXIT_USAGE);
}

static void
help(void)
{
	size_t i;

	printf("usage: %s [-v] [-f format] [file ...]\n", argv0);
	printf("  -f, --format=FORMAT  the page's format: auto (default)");
	for (i = 0; i < psplit_nformats; i++)
		printf(", %s", psplit_formats[i].name);
	printf("\n  -v, --verbose        report skipped text and paper counts\n"
	    "      --help           print this help and exit\n"
	    "      --version        print the version and exit\n");
	exit(fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK : EXIT_TROUBLE);
}

static const struct format *
format(const char *name)
{
	size_t i;

	if (strcmp(name, "auto") == 0)
		return NULL;
	for (i = 0; i < psplit_nformats; i++)
		if (strcmp(name, psplit_formats[i].name) == 0)
			return &psplit_formats[i];
	fprintf(stderr, "%s: %s: unknown format; known formats: auto", argv0,
	    name);
	for (i = 0; i < psplit_nformats; i++)
		fprintf(stderr, ", %s", psplit_formats[i].name);
	fputc('\n', stderr);
	usage();
	return NULL;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "format",	required_argument,	NULL, 'f' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "verbose",	no_argument,		NULL, 'v' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL,		0,			NULL, 0 }
	};
	static char *stdinonly[] = { "-", NULL };
	int c, i, status = EXIT_OK;

	setprogname(argv[0]);
	argv[0] = (char *)argv0;	/* getopt's messages name the tool */
	while ((c = getopt_long(argc, argv, "f:v", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			fflag = format(optarg);
			break;
		case 'h':
			help();
			break;
		case 'v':
			vflag = 1;
			break;
		case 'V':
			version();
			break;
		default:
			usage();
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
