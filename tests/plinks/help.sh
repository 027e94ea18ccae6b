#!/bin/sh
# --help: the usage line (the man page's SYNOPSIS) and a line per option on
# stdout, status 0; every long option is in the man page too.
out=$(plinks --help) || exit 1
[ "$(echo "$out" | head -1)" = \
    "usage: plinks [-cet] [-F field] [-k kind] [-o format] [file ...]" ] ||
	{ echo "first line: $(echo "$out" | head -1)"; exit 1; }
for o in canonical each field kind output text help version; do
	echo "$out" | grep -q -e "--$o" || { echo "--help lacks --$o"; exit 1; }
done
for o in canonical each field kind output text; do
	grep -q "Fl Fl $o" "$TOP/man/plinks.1" || { echo "man lacks --$o"; exit 1; }
done
syn=$(mandoc -T ascii "$TOP/man/plinks.1" 2>/dev/null | col -bx |
    sed -n '/^SYNOPSIS/{n;p;}' | sed 's/^ *//')
[ -z "$syn" ] || [ "usage: $syn" = "$(echo "$out" | head -1)" ] ||
	{ echo "SYNOPSIS differs: $syn"; exit 1; }
