# Acceptance: on the real corpus, tagged by ptag, month buckets of `day`
# by tag, the top 3 tags per month and the cross table all hold jq's counts.
[ -n "$SHARED" ] || { echo "no shared corpus (\$SHARED is empty)"; exit 77; }
command -v jq >/dev/null 2>&1 || { echo "jq not installed"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
ptag "$SHARED/corpus/papers.jsonl" >"$tmp/in" || exit 1
tab=$(printf '\t')
fail=0
# jq's counts: COUNT TAB MONTH TAB TAG, a record without tags as (none),
# which sorts after every tag (\377 until the end).
jq -r '.day[0:7] as $m | if (.tags | length) == 0 then "\($m)\t\u00ff(none)"
    else .tags[] | "\($m)\t\(.)" end' "$tmp/in" |
    LC_ALL=C sort | uniq -c | sed 's/^ *\([0-9]*\) /\1\t/' >"$tmp/jq"
[ "$(wc -l <"$tmp/jq")" -gt 300 ] || { echo "too few pairs"; exit 1; }
unff() { sed 's/\xc3\xbf(none)/(none)/'; }

# 1. every (month, tag) count
LC_ALL=C sort -t "$tab" -k2,2 -k3,3 "$tmp/jq" | unff >"$tmp/want"
pcount -f day:month -f tags -s value -T -o tsv "$tmp/in" | sed 1d >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" ||
    { echo "month by tag differs"; diff "$tmp/want" "$tmp/got" | head; fail=1; }

# 2. the top 3 per month, ties by tag bytes, then one (other) row
LC_ALL=C sort -t "$tab" -k2,2 -k1,1nr -k3,3 "$tmp/jq" | awk -F "$tab" '
	$2 != m { if (o) print o "\t" m "\t(other)"; m = $2; n = o = 0 }
	++n <= 3 { print; next }
	{ o += $1 }
	END { if (o) print o "\t" m "\t(other)" }' | unff >"$tmp/want"
pcount -f day:month -f tags -n 3 -T -o tsv "$tmp/in" | sed 1d >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" ||
    { echo "top 3 per month differs"; diff "$tmp/want" "$tmp/got" | head; fail=1; }

# 3. the cross table: every non-zero cell is jq's count, and the rows'
# totals are the months' counts
pcount -c -f day:month -f tags -o jsonl -T "$tmp/in" >"$tmp/x" || fail=1
jq -r '.value as $m | .cells | to_entries[] | select(.value > 0) |
    "\(.value)\t\($m)\t\(.key)"' "$tmp/x" | LC_ALL=C sort >"$tmp/got"
unff <"$tmp/jq" | LC_ALL=C sort >"$tmp/want"
cmp -s "$tmp/want" "$tmp/got" ||
    { echo "cross table differs"; diff "$tmp/want" "$tmp/got" | head; fail=1; }
awk -F "$tab" '{ s[$2] += $1 } END { for (m in s) print m "\t" s[m] }' \
    "$tmp/jq" | LC_ALL=C sort >"$tmp/want"
jq -r '"\(.value)\t\(.count)"' "$tmp/x" >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" || { echo "cross row totals differ"; fail=1; }
# the text form has a column per tag and a row per month, plus the total
[ "$(pcount -c -f day:month -f tags "$tmp/in" | wc -l)" -eq \
    $(($(wc -l <"$tmp/want") + 2)) ] || { echo "cross text rows"; fail=1; }
exit $fail
