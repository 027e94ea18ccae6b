/* json.c: unit tests of the JSON scanner, decoder and encoder */
#include <stdio.h>

#include "paperpipe.h"
#include "unit.h"

static int
valid(const char *s)
{
	struct jerr err;

	return json_scan(s, strlen(s), NULL, &err) == 0;
}

void
unit_json(void)
{
	check(valid("{\"a\":[1,2.5e3,-0,true,false,null,\"x\"]}"), "json: scan nested");
	check(!valid("{\"a\":01}"), "json: leading zero rejected");
	check(!valid("{\"a\":1,}"), "json: trailing comma rejected");
	check(!valid("\"a\tb\""), "json: raw tab in string rejected");
}
