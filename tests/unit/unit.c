/* unit.c: unit tests of the record library (common/) */
#include <stdio.h>
#include <stdlib.h>

#include "paperpipe.h"
#include "unit.h"

static int failed;

void
check(int cond, const char *what)
{
	printf("%s - %s\n", cond ? "ok" : "not ok", what);
	if (!cond)
		failed = 1;
}

int
main(void)
{
	setprogname("unit");
	unit_json();
	unit_jval();
	unit_out();
	unit_path();
	unit_rec();
	unit_suite();
	unit_tool();
	unit_oracle();
	unit_ident();
	return failed;
}
