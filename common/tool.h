/* tool.h: a tool's options in one table: getopt, usage, --help, errors */
#include <getopt.h>	/* optarg, optind */


enum { OPT_NONE, OPT_REQ, OPT_OPT };	/* what argument an option takes */

/*
 * One option.  c is its short letter, or a value from 256 up for an option
 * with a long name only.  argname is the argument's name as the man page's
 * SYNOPSIS spells it ("path"); --help shows it in capitals.  help is its
 * line in --help ('\n' starts another); choices, when not NULL, are the
 * accepted values, NULL-terminated, listed after the help line.
 */
struct opt {
	int		 c;
	const char	*name;
	int		 arg;
	const char	*argname;
	const char	*help;
	const char *const *choices;
};

/*
 * A tool: its name, its options (ended by an entry whose c is 0; -h/--help
 * and -V/--version are added to every tool), and what its usage line says
 * after the options: operands, "[file ...]" when NULL.  synopsis, when not
 * NULL, replaces the whole derived usage line after the name, for a
 * synopsis no table can say (options that need one another).
 */
struct tool {
	const char	*name;
	const struct opt *opts;
	const char	*operands;
	const char	*synopsis;
};

int	 tool_getopt(const struct tool *, int, char **);
void	 tool_usage(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));
const char *tool_optname(int);
int	 tool_choice(int, const char *, const char *, const char *const *);
unsigned tool_choices(int, char *, const char *, const char *const *);
char	*tool_item(int, char **);
long long tool_num(int, const char *, long long, long long);
void	 tool_usage_line(const struct tool *, struct buf *);
void	 tool_help_text(const struct tool *, struct buf *);
