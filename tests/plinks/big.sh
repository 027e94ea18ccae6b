#!/bin/sh
# A record far larger than any buffer (3 MB, 60000 links, each twice):
# every link once, in order, and the record intact around them.
tmp=${TMPDIR:-/tmp}/plinks-big.$$
trap 'rm -f "$tmp".*' EXIT INT TERM
awk 'BEGIN {
	printf "{\"title\":\"big\",\"abstract\":\""
	for (r = 0; r < 2; r++)
		for (i = 0; i < 30000; i++)
			printf "code github.com/o/r%d, data https://huggingface.co/datasets/o/d%d. ", i, i
	printf "\"}\n"
}' >"$tmp.in"
plinks "$tmp.in" >"$tmp.out" || exit 1
[ "$(jq '.links | length' "$tmp.out")" = 60000 ] || exit 1
[ "$(jq -r '.links[59999].url' "$tmp.out")" = \
    https://huggingface.co/datasets/o/d29999 ] || exit 1
jq -e '[.links[].kind] | unique == ["code", "dataset"]' "$tmp.out" >/dev/null ||
	exit 1
jq -c 'del(.links)' "$tmp.out" | cmp -s - "$tmp.in"
