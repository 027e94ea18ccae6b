/* tool.c: the option skeleton: usage, --help, getopt and its errors */
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "paperpipe.h"
#include "unit.h"

static const char *colours[] = { "red", "green", "blue", NULL };

static const struct opt opts[] = {
	{ 'x', "exact", OPT_NONE, NULL, "match exactly", NULL },
	{ 'f', "field", OPT_REQ, "path", "use the field at PATH", NULL },
	{ 'B', "big", OPT_NONE, NULL, "big", NULL },
	{ 'b', "bold", OPT_NONE, NULL, "bold", NULL },
	{ 'N', "near", OPT_OPT, "T", "near, T similar", NULL },
	{ 'c', "colour", OPT_REQ, "colour", "paint it", colours },
	{ 'a', NULL, OPT_NONE, NULL, "short only", NULL },
	{ 300, "long-only", OPT_REQ, "n", "a long option alone, whose help "
	    "is long enough that it has to be wrapped onto a second line of "
	    "the help", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};
static const struct tool tool = { "demo", opts, NULL, NULL };
static const struct tool bare = { "bare", NULL, "", NULL };
static const struct tool fixed = { "fixed", opts, NULL, "[-s file [-d]]" };

static int
text_is(void (*fn)(const struct tool *, struct buf *), const struct tool *t,
    const char *want)
{
	struct buf b = { 0 };
	int ok;

	fn(t, &b);
	buf_addc(&b, '\0');
	ok = strcmp(b.p, want) == 0;
	if (!ok)
		printf("# got:\n%s# want:\n%s", b.p, want);
	free(b.p);
	return ok;
}

/* Parse argv (NULL-ended) in this process; the options seen, as text. */
static int
parses(const char *want, char **argv)
{
	struct buf b = { 0 };
	int argc, c, ok;

	for (argc = 0; argv[argc] != NULL; argc++)
		;
	optind = 0;
	while ((c = tool_getopt(&tool, argc, argv)) != -1) {
		if (c < 256)
			buf_addc(&b, c);
		else
			buf_adds(&b, "L");
		if (optarg != NULL) {
			buf_addc(&b, '=');
			buf_adds(&b, optarg);
		}
		buf_addc(&b, ' ');
	}
	buf_adds(&b, "|");
	for (; optind < argc; optind++) {
		buf_addc(&b, ' ');
		buf_adds(&b, argv[optind]);
	}
	buf_addc(&b, '\0');
	setprogname("unit");
	ok = strcmp(b.p, want) == 0;
	if (!ok)
		printf("# got '%s', want '%s'\n", b.p, want);
	free(b.p);
	return ok;
}

/*
 * Run fn in a child with stdout to outpath (a file, or /dev/full) and
 * stderr kept; its status and stderr must be as wanted.
 */
static int
exits(void (*fn)(void), const char *outpath, int wantrc, const char *wanterr,
    const char *wantout)
{
	char errpath[] = "/tmp/unit-tool-XXXXXX", outtmp[] =
	    "/tmp/unit-tool-XXXXXX", got[4096];
	int efd, ofd, st, ok = 1;
	pid_t pid;
	ssize_t n;

	if ((efd = mkstemp(errpath)) == -1 || (ofd = outpath != NULL ?
	    open(outpath, O_WRONLY) : mkstemp(outtmp)) == -1)
		return 0;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		dup2(ofd, 1);
		dup2(efd, 2);
		setprogname("demo");
		fn();
		_exit(99);
	}
	waitpid(pid, &st, 0);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != wantrc) {
		printf("# status %d, want %d\n", WIFEXITED(st) ?
		    WEXITSTATUS(st) : -1, wantrc);
		ok = 0;
	}
	n = pread(efd, got, sizeof(got) - 1, 0);
	got[n < 0 ? 0 : n] = '\0';
	if (strcmp(got, wanterr) != 0) {
		printf("# stderr '%s', want '%s'\n", got, wanterr);
		ok = 0;
	}
	if (wantout != NULL) {
		n = pread(ofd, got, sizeof(got) - 1, 0);
		got[n < 0 ? 0 : n] = '\0';
		if (strcmp(got, wantout) != 0) {
			printf("# stdout '%s', want '%s'\n", got, wantout);
			ok = 0;
		}
	}
	close(efd);
	close(ofd);
	unlink(errpath);
	if (outpath == NULL)
		unlink(outtmp);
	return ok;
}

static char *args[8];

static void
run(void)
{
	int argc;

	for (argc = 0; args[argc] != NULL; argc++)
		;
	optind = 0;
	while (tool_getopt(&tool, argc, args) != -1)
		;
	exit(0);
}

static void
setargs(const char *a, const char *b)
{
	static char prog[] = "./some/path/demo", s1[64], s2[64];

	args[0] = prog;
	args[1] = args[2] = NULL;
	if (a != NULL) {
		snprintf(s1, sizeof(s1), "%s", a);
		args[1] = s1;
	}
	if (b != NULL) {
		snprintf(s2, sizeof(s2), "%s", b);
		args[2] = s2;
	}
	args[3] = NULL;
}

static void
badcolour(void)
{
	optind = 0;
	tool_getopt(&tool, 1, (char *[]){ "demo", NULL });
	tool_choice('c', "pink", "colour", colours);
}

static void
badlong(void)
{
	optind = 0;
	tool_getopt(&tool, 1, (char *[]){ "demo", NULL });
	tool_num(300, "12x", 0, 9);
}

static void
badnum(void)
{
	tool_num('n', "10", 0, 9);
}

static void
emptyitem(void)
{
	char s[] = "red,,blue";

	tool_choices('c', s, "colour", colours);
}

static void
onechoice(void)
{
	static const char *one[] = { "rag", NULL };

	tool_choice('o', "x", "tag", one);
}

static void
nochoice(void)
{
	static const char *none[] = { NULL };

	tool_choice('o', "x", "tag", none);
}

#define USAGE "usage: demo [-aBbx] [-c colour] [-f path] [-N[T]] [file ...]\n"

void
unit_tool(void)
{
	char s[] = "green,red", one[] = "blue", *p = s;
	char *a1[] = { "demo", "-xf", "title", "in", "--near=0.5", "-N", "-cred",
	    NULL };
	char *a2[] = { "demo", "--long-only", "3", "--col=blue", "--", "-x",
	    NULL };
	char *a3[] = { "demo", "-N0.9", "-", NULL };

	check(text_is(tool_usage_line, &tool, USAGE),
	    "tool: usage line from the table, flags sorted capital first");
	check(text_is(tool_usage_line, &bare, "usage: bare\n"),
	    "tool: usage line without options or operands");
	check(text_is(tool_usage_line, &fixed, "usage: fixed [-s file [-d]]\n"),
	    "tool: usage line given whole");
	check(text_is(tool_help_text, &tool, USAGE
	    "  -x, --exact          match exactly\n"
	    "  -f, --field=PATH     use the field at PATH\n"
	    "  -B, --big            big\n"
	    "  -b, --bold           bold\n"
	    "  -N, --near[=T]       near, T similar\n"
	    "  -c, --colour=COLOUR  paint it: red, green, blue\n"
	    "  -a                   short only\n"
	    "      --long-only=N    a long option alone, whose help is long "
	    "enough that it\n"
	    "                       has to be wrapped onto a second line of "
	    "the help\n"
	    "  -h, --help           print this help and exit\n"
	    "  -V, --version        print the version and exit\n"),
	    "tool: --help aligned, wrapped, choices listed, -h and -V added");

	check(parses("x f=title N=0.5 N c=red | in", a1),
	    "tool: getopt: clusters, attached and optional arguments, "
	    "operands permuted");
	check(parses("L=3 c=blue | -x", a2),
	    "tool: getopt: long-only option, abbreviation, --");
	check(parses("N=0.9 | -", a3), "tool: getopt: -N0.9 and - operand");

	check(tool_choice('c', "blue", "colour", colours) == 2,
	    "tool: a choice is its index");
	check(tool_choices('c', s, "colour", colours) == 3 &&
	    tool_choices('c', one, "colour", colours) == 4,
	    "tool: a list of choices, commas apart, is a set of bits");
	p = s;
	strcpy(s, "a,b");
	check(strcmp(tool_item('o', &p), "a") == 0 &&
	    strcmp(tool_item('o', &p), "b") == 0 && tool_item('o', &p) == NULL,
	    "tool: list items one by one");
	check(tool_num('n', "-3", -5, 5) == -3, "tool: a number in range");

	setargs("-z", NULL);
	check(exits(run, NULL, 2, "demo: invalid option -- 'z'\n" USAGE, ""),
	    "tool: bad option: glibc's message naming the tool, usage, 2");
	setargs("--nope", NULL);
	check(exits(run, NULL, 2, "demo: unrecognized option '--nope'\n"
	    USAGE, ""), "tool: bad long option");
	setargs("-f", NULL);
	check(exits(run, NULL, 2,
	    "demo: option requires an argument -- 'f'\n" USAGE, ""),
	    "tool: missing argument");
	setargs("--exact=1", NULL);
	check(exits(run, NULL, 2,
	    "demo: option '--exact' doesn't allow an argument\n" USAGE, ""),
	    "tool: an argument where none is taken");
	setargs("-V", NULL);
	check(exits(run, NULL, 0, "", "demo (paperpipe) " PAPERPIPE_VERSION
	    "\n"), "tool: -V");
	setargs("--version", NULL);
	check(exits(run, "/dev/full", 1,
	    "demo: <stdout>: write error: No space left on device\n", NULL),
	    "tool: --version to /dev/full: a message and 1");
	setargs("-h", NULL);
	check(exits(run, "/dev/full", 1,
	    "demo: <stdout>: write error: No space left on device\n", NULL),
	    "tool: -h to /dev/full: a message and 1");
	setargs("-x", "--help");
	check(exits(run, NULL, 0, "", NULL), "tool: --help, status 0");
	check(exits(badcolour, NULL, 2, "demo: -c pink: unknown colour; "
	    "colours are red, green, blue\n" USAGE, ""),
	    "tool: a bad choice lists the choices");
	check(exits(badlong, NULL, 2,
	    "demo: --long-only 12x: not a number\n" USAGE, ""),
	    "tool: a long-only option is named by its long name");
	check(exits(badnum, NULL, 2,
	    "demo: -n 10: out of range 0 to 9\n" USAGE, ""),
	    "tool: a number out of range");
	check(exits(emptyitem, NULL, 2,
	    "demo: -c: an empty item in the list\n" USAGE, ""),
	    "tool: an empty item in a list");
	check(exits(onechoice, NULL, 2,
	    "demo: -o x: unknown tag; the only tag is rag\n" USAGE, ""),
	    "tool: a choice among one");
	check(exits(nochoice, NULL, 2,
	    "demo: -o x: unknown tag; there are none\n" USAGE, ""),
	    "tool: a choice among none");
	setprogname("unit");
}
