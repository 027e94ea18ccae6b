#!/bin/sh
# The id table (ids.tsv) against the tools: plinks' paper/doi link (-c),
# pdedupe's key (a record with the spelling in "url" is a duplicate of one
# with the canonical id, or, for "not an id", of one with the same title),
# and psplit's arxiv_id/doi columns of a CSV export.
command -v jq >/dev/null || { echo "jq not installed"; exit 77; }
tsv=$TOP/tests/ident/ids.tsv
fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# One JSON array per row: [row, input, canonical]
grep -v '^#' "$tsv" | jq -R -c '[input_line_number, (split("\t") | .[0], .[1])]' \
	>rows.jsonl
[ "$(wc -l <rows.jsonl)" -ge 100 ] || { echo "fewer than 100 rows"; exit 1; }

bad() { echo "not ok: $*"; fail=1; }

# plinks: the id link of {"abstract": INPUT}, in canonical form.
re_ax='^https://arxiv\.org/abs/([0-9]{4}\.[0-9]{4,5}|[a-z-]+(\.[A-Za-z-]+)?/[0-9]{7})$'
re_doi='^https://doi\.org/10\.[0-9]{4,9}(\.[0-9]+)*/.'
jq -c '{abstract: .[1]}' rows.jsonl | plinks -c >plinks.out || bad "plinks status"
jq -c --arg ax "$re_ax" --arg doi "$re_doi" \
	'[.links[]? | .url | select(test($ax) or test($doi))]' plinks.out \
	>plinks.ids
paste -d '\t' rows.jsonl plinks.ids | while IFS='	' read -r row ids; do
	want=$(printf '%s' "$row" | jq -r '.[2] as $c |
	    if $c == "-" then "[]"
	    elif ($c | startswith("10.")) then "[\"https://doi.org/\($c)\"]"
	    else "[\"https://arxiv.org/abs/\($c)\"]" end')
	[ "$ids" = "$want" ] || bad "plinks: $row gives $ids, not $want"
done >plinks.bad
cat plinks.bad; [ -s plinks.bad ] && fail=1

# pdedupe: one run per row, two records.
while read -r row; do
	printf '%s\n' "$row" | jq -c '{url: .[1], title: "one"},
	    (.[2] as $c | if $c == "-" then {title: "one"}
	    elif ($c | startswith("10.")) then {doi: $c, title: "two"}
	    else {arxiv_id: $c, title: "two"} end)' >pair.jsonl
	n=$(pdedupe pair.jsonl | wc -l)
	[ "$n" -eq 1 ] || echo "not ok: pdedupe: $row: $n records out, not 1"
done <rows.jsonl >pdedupe.bad
cat pdedupe.bad; [ -s pdedupe.bad ] && fail=1

# psplit: a CSV export with the spelling in its arxiv_id or doi column.
{
	echo 'title,arxiv_id,doi'
	jq -r '.[2] as $c | (.[1] | gsub("\""; "\"\"")) as $s |
	    if $c == "-" then "r\(.[0]),\"\($s)\",\"\($s)\""
	    elif ($c | startswith("10.")) then "r\(.[0]),,\"\($s)\""
	    else "r\(.[0]),\"\($s)\"," end' rows.jsonl
} >export.csv
psplit -f csv export.csv >psplit.out 2>psplit.err ||
	{ bad "psplit status"; cat psplit.err; }
jq -c '[.title, .arxiv_id, .doi]' psplit.out >psplit.got
[ "$(wc -l <psplit.got)" -eq "$(wc -l <rows.jsonl)" ] ||
	bad "psplit: $(wc -l <psplit.got) records"
paste -d '\t' rows.jsonl psplit.got | while IFS='	' read -r row got; do
	want=$(printf '%s' "$row" | jq -c '.[2] as $c |
	    (.[1] | sub("^[ \t]+"; "") | sub("[ \t]+$"; "")) as $s |
	    ($s | if . == "" then null else . end) as $s |
	    if $c == "-" then ["r\(.[0])", $s, $s]
	    elif ($c | startswith("10.")) then ["r\(.[0])", null, $c]
	    else ["r\(.[0])", $c, null] end')
	# DOIs compare without case; psplit writes them as spelled
	got_l=$(printf '%s' "$got" | jq -c '.[2] |= (if . then ascii_downcase else . end)')
	if printf '%s' "$row" | jq -e '.[2] == "-"' >/dev/null; then
		got_l=$got
	fi
	[ "$got_l" = "$want" ] || echo "not ok: psplit: $row gives $got, not $want"
done >psplit.bad
cat psplit.bad; [ -s psplit.bad ] && fail=1
# psplit: an arXiv listing page with an entry for each arXiv id that is
# written bare or after "arXiv:" (the page's own spellings).
jq -r 'select(.[2] != "-" and (.[2] | startswith("10.") | not) and
    (.[1] | test("^(arXiv:)?([0-9]{4}\\.[0-9]+|[a-z-]+(\\.[A-Za-z-]+)?/[0-9]+)([vV][0-9]+)?$"))) |
    "[\(.[0])] arXiv:\(.[1] | sub("^arXiv:"; "")) [pdf]\nTitle: r\(.[0])\n" +
    "Authors: A. One\nSubjects: Computation and Language (cs.CL)\n"' \
    rows.jsonl >list.txt
jq -c 'select(.[2] != "-" and (.[2] | startswith("10.") | not) and
    (.[1] | test("^(arXiv:)?([0-9]{4}\\.[0-9]+|[a-z-]+(\\.[A-Za-z-]+)?/[0-9]+)([vV][0-9]+)?$"))) |
    ["r\(.[0])", .[2]]' rows.jsonl >list.want
psplit -f arxiv-list list.txt 2>psplit.err | jq -c '[.title, .arxiv_id]' \
    >list.got
cmp -s list.want list.got || {
	bad "psplit arxiv-list:"; diff list.want list.got; cat psplit.err; }
[ "$(wc -l <list.want)" -ge 20 ] || bad "psplit arxiv-list: few rows"

[ $fail -eq 0 ] && echo "$(wc -l <rows.jsonl) spellings agree in plinks, pdedupe and psplit"
exit $fail
