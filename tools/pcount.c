/* pcount: count the values of fields of records; a table, CSV, JSON or bars */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"
#include "pcount.h"

static const char *forms[] = { "text", "tsv", "csv", "jsonl", "json", "bars",
    NULL };

static const char *sorts[] = { "count", "value", "time", NULL };

static const struct opt opts[] = {
	{ 'b', "bars", OPT_NONE, NULL, "a bar chart (same as -o bars)", NULL },
	{ 'c', "cross", OPT_NONE, NULL,
	    "a cross table of two fields: a column per value of the second",
	    NULL },
	{ 'f', "field", OPT_REQ, "path",
	    "count the values at PATH (default tags); repeatable\n"
	    "PATH:day, :week, :month, :quarter, :year: time buckets",
	    NULL },
	{ 'm', "merge", OPT_NONE, NULL, "add up the output of pcount -o jsonl",
	    NULL },
	{ 'n', "top", OPT_REQ, "count",
	    "show the COUNT most frequent values, then (other);\n"
	    "with two or more -f, per value of the others", NULL },
	{ 'o', "output", OPT_REQ, "form", "the output form", forms },
	{ 'p', "percent", OPT_NONE, NULL,
	    "show each count's share of the values counted", NULL },
	{ 'r', "record-percent", OPT_NONE, NULL,
	    "show the share of records that have each value", NULL },
	{ 's', "sort", OPT_REQ, "key",
	    "order the rows by KEY (time: by the time buckets)", sorts },
	{ 'T', "no-total", OPT_NONE, NULL, "leave the total line out", NULL },
	{ 'w', "width", OPT_REQ, "width", "columns for the bar chart", NULL },
	{ 'x', "skip-missing", OPT_NONE, NULL,
	    "no (none) row for records without a value", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};
static const struct tool tool = { "pcount", opts, NULL, NULL };

int
main(int argc, char *argv[])
{
	struct rin in;
	struct rec *r;
	int c, status = 0;

	while ((c = tool_getopt(&tool, argc, argv)) != -1) {
		switch (c) {
		case 'b':
			form = BARS;
			break;
		case 'c':
			cflag = 1;
			break;
		case 'f':
			run_path(optarg);
			break;
		case 'm':
			mflag = 1;
			break;
		case 'n':
			nflag = (unsigned long long)tool_num(c, optarg, 1,
			    LLONG_MAX);
			break;
		case 'o':
			form = tool_choice(c, optarg, "form", forms);
			break;
		case 'p':
			pflag = 1;
			break;
		case 'r':
			rflag = 1;
			break;
		case 's':
			vflag = tool_choice(c, optarg, "key", sorts);
			break;
		case 'T':
			tflag = 1;
			break;
		case 'w':
			wflag = (long)tool_num(c, optarg, 1, 100000);
			break;
		case 'x':
			xflag = 1;
			break;
		}
	}
	argc -= optind;
	argv += optind;

	if (cflag && !mflag && npaths != 2)
		tool_usage("-c needs two -f fields");
	if (cflag && (pflag || rflag))
		tool_usage("-c does not take -p or -r");
	run_start();
	rin_init(&in, argc, argv);
	while ((r = rin_next(&in)) != NULL) {
		if (mflag)
			run_merge(r);
		else
			run_count(r);
	}
	if (rin_close(&in) != 0)
		status = EXIT_TROUBLE;
	if (run_end() != 0)
		status = EXIT_TROUBLE;
	if (cflag && npaths != 2) {
		warnf("-c: the merged counts have %zu fields, not two", npaths);
		return EXIT_USAGE;
	}
	render();
	out_close(&out_stdout);
	run_warn();
	run_free();
	return status;
}
