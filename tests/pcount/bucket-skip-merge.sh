# -x with time buckets: a value that is no date is left out, as a missing
# value is, so -o jsonl merged back with -m -x gives the same bytes.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
printf '%s\n' '{"d":"2024-01-15","a":"x"}' '{"d":"not a date","a":"x"}' \
    '{"d":["2024-01-31","soon"],"a":"y"}' '{"d":20240101,"a":"y"}' \
    '{"a":"z"}' >"$tmp/in"
fail=0
for f in "-f d:month" "-f d:month -f a" "-f a -f d:year"; do
	pcount -x $f -o jsonl "$tmp/in" >"$tmp/c" 2>/dev/null
	pcount -m -x $f -o jsonl "$tmp/c" >"$tmp/m" || fail=1
	grep -q '"missing"' "$tmp/c" && { echo "$f: a (none) row"; fail=1; }
	cmp -s "$tmp/c" "$tmp/m" ||
	    { echo "$f: merged differs"; diff "$tmp/c" "$tmp/m"; fail=1; }
done
exit $fail
