#!/bin/sh
# The sample page (examples/sample-sep4.txt as psplit's records, in
# sample.jsonl): exactly its 46 https:// links, in order, ends trimmed as a
# reader would click them, each with its kind (sample.tsv: kind, link,
# derived from grep and checked by hand), and every record otherwise as it was.
tmp=${TMPDIR:-/tmp}/plinks-sample.$$
trap 'rm -f "$tmp".*' EXIT INT TERM
plinks sample.jsonl >"$tmp.out" || exit 1
jq -r '.links[] | [.kind, .text] | @tsv' "$tmp.out" >"$tmp.got"
diff -u sample.tsv "$tmp.got" || exit 1
# the url of a link with a scheme is its text
jq -e -s 'all(.[].links[]; .url == .text)' "$tmp.out" >/dev/null || exit 1
# nothing else changed
jq -c 'del(.links)' "$tmp.out" | cmp -s - sample.jsonl || exit 1
[ "$(wc -l <"$tmp.out")" -eq 108 ]
