#!/bin/sh
# The 303 link cases of ../shared/testdata/links (xurls, linkify-it,
# twitter-text, URLExtract, linkify, cmark-gfm, rinku): each case's "text"
# as a record's abstract, the links' texts compared with "urls" as sets.
cases=${SHARED:+$SHARED/testdata/links/cases.jsonl}
if [ -z "$SHARED" ] || [ ! -f "$cases" ]; then
	echo "no shared test data (SHARED is empty)"
	exit 77
fi
tmp=${TMPDIR:-/tmp}/plinks-cases.$$
trap 'rm -f "$tmp".*' EXIT INT TERM
jq -c '{id, abstract: .text, want: (.urls | sort)}' "$cases" >"$tmp.in" ||
	exit 1
plinks -F abstract <"$tmp.in" >"$tmp.out" || exit 1
jq -r 'select(([.links[].text] | unique) != (.want | unique)) |
    "\(.id): got \([.links[].text]) want \(.want)"' "$tmp.out" >"$tmp.bad"
total=$(wc -l <"$tmp.in")
bad=$(wc -l <"$tmp.bad")
cat "$tmp.bad"
echo "$((total - bad)) of $total cases pass"
[ "$bad" -eq 0 ] && [ "$total" -eq 303 ]
