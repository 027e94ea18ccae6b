#!/bin/sh
# `yes '{}' | plinks | head -1` prints one record and no message.
out=$(yes '{"abstract":"github.com/a/b"}' | plinks 2>err.tmp | head -1)
msg=$(cat err.tmp); rm -f err.tmp
[ -z "$msg" ] || { echo "stderr: $msg"; exit 1; }
[ "$out" = '{"abstract":"github.com/a/b","links":[{"url":"https://github.com/a/b","text":"github.com/a/b","kind":"code"}]}' ] ||
	{ echo "stdout: $out"; exit 1; }
out=$(yes '{}' | plinks 2>err.tmp | head -1)
msg=$(cat err.tmp); rm -f err.tmp
[ -z "$msg" ] && [ "$out" = '{"links":[]}' ]
