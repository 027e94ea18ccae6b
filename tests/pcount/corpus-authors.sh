# Acceptance: on the real corpus, `pcount -f authors -o tsv` is
# `jq -r '.authors[]' | sort | uniq -c`, ordered by count, then value bytes.
[ -n "$SHARED" ] || { echo "no shared corpus (\$SHARED is empty)"; exit 77; }
command -v jq >/dev/null 2>&1 || { echo "jq not installed"; exit 77; }
f=$SHARED/corpus/papers.jsonl
tab=$(printf '\t')
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# TSV writes a backslash as \\; nothing else in the names needs escaping.
jq -r '.authors[]' "$f" | sed 's/\\/\\\\/g' | LC_ALL=C sort | uniq -c |
    sed 's/^ *\([0-9]*\) /\1\t/' |
    LC_ALL=C sort -t "$tab" -k1,1nr -k2 >"$tmp/want"
pcount -f authors -o tsv "$f" >"$tmp/got" || exit 1
[ "$(head -1 "$tmp/got")" = "count${tab}authors" ] || { echo "header"; exit 1; }
n=$(jq '.authors | length' "$f" | awk '{ s += $1 } END { print s }')
[ "$(tail -1 "$tmp/got")" = "$n${tab}(total: 16610 records)" ] ||
    { echo "total: $(tail -1 "$tmp/got"), want $n"; exit 1; }
sed '1d;$d' "$tmp/got" >"$tmp/rows"
[ "$(wc -l <"$tmp/rows")" -gt 1000 ] || { echo "too few rows"; exit 1; }
diff "$tmp/want" "$tmp/rows" | head -10
cmp -s "$tmp/want" "$tmp/rows"
