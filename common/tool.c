/* tool.c: a tool's options in one table: getopt, usage, --help, errors */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"

#define HELPWIDTH	79	/* --help lines wrap before this column */
#define HELPCOL		24	/* where help text starts, unless pushed */

static const struct opt stdopts[] = {
	{ 'h', "help", OPT_NONE, NULL, "print this help and exit", NULL },
	{ 'V', "version", OPT_NONE, NULL, "print the version and exit", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};

static const struct tool *cur;		/* the tool tool_getopt was given */
static char *optstr;
static struct option *longopts;

/* The tool's options, then -h and -V: i counts through both. */
static const struct opt *
nth(const struct tool *t, size_t i)
{
	size_t n;

	for (n = 0; t->opts != NULL && t->opts[n].c != 0; n++)
		;
	if (i < n)
		return &t->opts[i];
	i -= n;
	return i < sizeof(stdopts) / sizeof(stdopts[0]) - 1 ? &stdopts[i] :
	    NULL;
}

static const struct opt *
byletter(int c)
{
	const struct opt *o;
	size_t i;

	for (i = 0; cur != NULL && (o = nth(cur, i)) != NULL; i++)
		if (o->c == c)
			return o;
	return NULL;
}

/* "-k", or "--name" for an option without a letter. */
const char *
tool_optname(int c)
{
	static char s[128];
	const struct opt *o = byletter(c);

	if (c < 256 || o == NULL || o->name == NULL)
		snprintf(s, sizeof(s), "-%c", c < 256 ? c : '?');
	else
		snprintf(s, sizeof(s), "--%s", o->name);
	return s;
}

static void
build(const struct tool *t)
{
	const struct opt *o;
	size_t i, n, k = 0, j = 0;

	for (n = 0; nth(t, n) != NULL; n++)
		;
	free(optstr);
	free(longopts);
	optstr = emalloc(3 * n + 1);
	longopts = ecalloc(n + 1, sizeof(*longopts));
	for (i = 0; i < n; i++) {
		o = nth(t, i);
		if (o->c < 256) {
			optstr[k++] = (char)o->c;
			if (o->arg != OPT_NONE)
				optstr[k++] = ':';
			if (o->arg == OPT_OPT)
				optstr[k++] = ':';
		}
		if (o->name != NULL) {
			longopts[j].name = o->name;
			longopts[j].has_arg = o->arg == OPT_REQ ?
			    required_argument : o->arg == OPT_OPT ?
			    optional_argument : no_argument;
			longopts[j].val = o->c;
			j++;
		}
	}
	optstr[k] = '\0';
	cur = t;
}

static void
version(void)
{
	out_puts(&out_stdout, cur->name);
	out_puts(&out_stdout, " (paperpipe) " PAPERPIPE_VERSION "\n");
	out_close(&out_stdout);
	exit(EXIT_OK);
}

static void
help(void)
{
	struct buf b = { 0 };

	tool_help_text(cur, &b);
	out_write(&out_stdout, b.p, b.len);
	out_close(&out_stdout);
	exit(EXIT_OK);
}

/*
 * getopt_long over the tool's table.  Returns the next option's c, -1 at
 * the end; -h, -V and every bad option are dealt with here and do not
 * return.  getopt's own messages (glibc's wording) name the tool.
 */
int
tool_getopt(const struct tool *t, int argc, char **argv)
{
	int c;

	if (t != cur) {
		build(t);
		setprogname(t->name);
	}
	argv[0] = (char *)t->name;
	opterr = 1;
	c = getopt_long(argc, argv, optstr, longopts, NULL);
	switch (c) {
	case 'h':
		help();
		break;
	case 'V':
		version();
		break;
	case '?':
	case ':':
		tool_usage(NULL);
		break;
	}
	return c;
}

/* A usage error: "TOOL: message" when there is one, the usage line, 2. */
void
tool_usage(const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;

	if (fmt != NULL) {
		fprintf(stderr, "%s: ", argv0);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	if (cur != NULL) {
		tool_usage_line(cur, &b);
		fwrite(b.p, 1, b.len, stderr);
	}
	exit(EXIT_USAGE);
}

static void
addlist(struct buf *b, const char *const *names)
{
	size_t i;

	for (i = 0; names[i] != NULL; i++) {
		if (i > 0)
			buf_adds(b, ", ");
		buf_adds(b, names[i]);
	}
}

/*
 * The index of arg in names; anything else is a usage error that lists
 * them: "-k github: unknown kind; kinds are code, project, ...".
 */
int
tool_choice(int c, const char *arg, const char *what,
    const char *const *names)
{
	struct buf b = { 0 };
	int i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(names[i], arg) == 0)
			return i;
	addlist(&b, names);
	buf_addc(&b, '\0');
	if (i == 0)
		tool_usage("%s %s: unknown %s; there are none", tool_optname(c),
		    arg, what);
	if (i == 1)
		tool_usage("%s %s: unknown %s; the only %s is %s",
		    tool_optname(c), arg, what, what, b.p);
	tool_usage("%s %s: unknown %s; %ss are %s", tool_optname(c), arg, what,
	    what, b.p);
}

/*
 * The next item of a list given to option c, commas apart: *sp moves past
 * it (NULs are written into the string), NULL after the last.
 */
char *
tool_item(int c, char **sp)
{
	char *s = *sp, *e;

	if (s == NULL)
		return NULL;
	if ((e = strchr(s, ',')) != NULL) {
		*e = '\0';
		*sp = e + 1;
	} else
		*sp = NULL;
	if (*s == '\0')
		tool_usage("%s: an empty item in the list", tool_optname(c));
	return s;
}

/* A list of choices, as a set of bits (1 << index); at most 32 names. */
unsigned
tool_choices(int c, char *arg, const char *what, const char *const *names)
{
	unsigned set = 0;
	char *s;

	while ((s = tool_item(c, &arg)) != NULL)
		set |= 1U << tool_choice(c, s, what, names);
	return set;
}

/* A decimal integer argument in [min, max]. */
long long
tool_num(int c, const char *arg, long long min, long long max)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(arg, &end, 10);
	if (arg[0] == '\0' || *end != '\0' || isspace((unsigned char)arg[0]))
		tool_usage("%s %s: not a number", tool_optname(c), arg);
	if (errno == ERANGE || v < min || v > max)
		tool_usage("%s %s: out of range %lld to %lld", tool_optname(c),
		    arg, min, max);
	return v;
}

/* Short letters sort as man pages do: by letter, capital first. */
static int
before(int a, int b)
{
	int la = tolower(a), lb = tolower(b);

	return la != lb ? la < lb : a < b;
}

static void
sorted(const struct tool *t, const struct opt **v, size_t *n, int witharg)
{
	const struct opt *o;
	size_t i, j;

	*n = 0;
	for (i = 0; t->opts != NULL && (o = &t->opts[i])->c != 0; i++) {
		if (o->c >= 256 || (o->arg != OPT_NONE) != witharg)
			continue;
		for (j = *n; j > 0 && before(o->c, v[j - 1]->c); j--)
			v[j] = v[j - 1];
		v[j] = o;
		(*n)++;
	}
}

/* "usage: NAME [-ab] [-f path] [-N[T]] [file ...]\n" */
void
tool_usage_line(const struct tool *t, struct buf *b)
{
	const struct opt **v;
	size_t i, n;

	buf_adds(b, "usage: ");
	buf_adds(b, t->name);
	if (t->synopsis != NULL) {
		buf_addc(b, ' ');
		buf_adds(b, t->synopsis);
		buf_addc(b, '\n');
		return;
	}
	for (n = 0; t->opts != NULL && t->opts[n].c != 0; n++)
		;
	v = emalloc((n + 1) * sizeof(*v));
	sorted(t, v, &n, 0);
	if (n > 0) {
		buf_adds(b, " [-");
		for (i = 0; i < n; i++)
			buf_addc(b, v[i]->c);
		buf_addc(b, ']');
	}
	sorted(t, v, &n, 1);
	for (i = 0; i < n; i++) {
		buf_adds(b, " [-");
		buf_addc(b, v[i]->c);
		if (v[i]->arg == OPT_OPT) {
			buf_addc(b, '[');
			buf_adds(b, v[i]->argname);
			buf_adds(b, "]]");
		} else {
			buf_addc(b, ' ');
			buf_adds(b, v[i]->argname);
			buf_addc(b, ']');
		}
	}
	free(v);
	if (t->operands == NULL || *t->operands != '\0') {
		buf_addc(b, ' ');
		buf_adds(b, t->operands != NULL ? t->operands : "[file ...]");
	}
	buf_addc(b, '\n');
}

static void
upper(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		buf_addc(b, toupper((unsigned char)*s));
}

/* "  -f, --field=PATH" into b; returns its width. */
static size_t
spelling(struct buf *b, const struct opt *o)
{
	size_t start = b->len;

	buf_adds(b, "  ");
	if (o->c < 256) {
		buf_addc(b, '-');
		buf_addc(b, o->c);
		if (o->name != NULL)
			buf_adds(b, ", ");
	} else
		buf_adds(b, "    ");
	if (o->name != NULL) {
		buf_adds(b, "--");
		buf_adds(b, o->name);
	}
	if (o->arg == OPT_REQ) {
		buf_addc(b, o->name != NULL ? '=' : ' ');
		upper(b, o->argname);
	} else if (o->arg == OPT_OPT) {
		buf_adds(b, o->name != NULL ? "[=" : "[");
		upper(b, o->argname);
		buf_addc(b, ']');
	}
	return b->len - start;
}

/* Words of s from column col on, wrapped at HELPWIDTH to column ind. */
static size_t
wrap(struct buf *b, const char *s, size_t col, size_t ind)
{
	size_t n;

	while (*s != '\0') {
		if (*s == '\n' || *s == ' ') {
			if (*s == '\n' && col > ind) {
				buf_addc(b, '\n');
				for (col = 0; col < ind; col++)
					buf_addc(b, ' ');
			} else if (*s == ' ' && col > ind) {
				buf_addc(b, ' ');
				col++;
			}
			s++;
			continue;
		}
		n = strcspn(s, " \n");
		if (col > ind && col + n > HELPWIDTH) {
			if (b->len > 0 && b->p[b->len - 1] == ' ')
				b->len--;
			buf_addc(b, '\n');
			for (col = 0; col < ind; col++)
				buf_addc(b, ' ');
		}
		buf_add(b, s, n);
		col += n;
		s += n;
	}
	return col;
}

/* The usage line, then a line or more per option, the columns aligned. */
void
tool_help_text(const struct tool *t, struct buf *b)
{
	const struct opt *o;
	struct buf sp = { 0 }, list = { 0 };
	size_t i, w, col = 0;

	tool_usage_line(t, b);
	for (i = 0; (o = nth(t, i)) != NULL; i++) {
		sp.len = 0;
		if ((w = spelling(&sp, o)) + 2 > col)
			col = w + 2;
	}
	if (col > HELPCOL)
		col = HELPCOL;
	for (i = 0; (o = nth(t, i)) != NULL; i++) {
		sp.len = 0;
		w = spelling(&sp, o);
		buf_add(b, sp.p, sp.len);
		if (w + 2 > col) {
			buf_adds(b, "  ");
			w += 2;
		}
		for (; w < col; w++)
			buf_addc(b, ' ');
		w = wrap(b, o->help != NULL ? o->help : "", w, col);
		if (o->choices != NULL) {
			list.len = 0;
			buf_adds(&list, ": ");
			addlist(&list, o->choices);
			buf_addc(&list, '\0');
			/* the colon sticks to the help text */
			buf_addc(b, ':');
			w = wrap(b, list.p + 1, w + 1, col);
		}
		buf_addc(b, '\n');
	}
	free(sp.p);
	free(list.p);
}
