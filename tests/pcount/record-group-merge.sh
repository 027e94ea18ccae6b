# -r -o jsonl with two fields: the group lines come in value order, so the
# output merged back with -m -r gives the same bytes.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
printf '%s\n' '{"a":3}' '{"a":["x","y"],"b":"q"}' '{"a":"w","b":["q","r"]}' \
    '{"b":"r"}' >"$tmp/in"
fail=0
for f in "-f a -f b" "-f b -f a" "-n 1 -f a -f b"; do
	pcount -r $f -o jsonl "$tmp/in" >"$tmp/c" || fail=1
	pcount -m -r $f -o jsonl "$tmp/c" >"$tmp/m" || fail=1
	cmp -s "$tmp/c" "$tmp/m" ||
	    { echo "$f: merged differs"; diff "$tmp/c" "$tmp/m"; fail=1; }
	pcount -m -r $f -o jsonl "$tmp/m" "$tmp/c" >"$tmp/2" || fail=1
	[ "$(grep -c '"group":true' "$tmp/2")" = \
	    "$(grep -c '"group":true' "$tmp/c")" ] ||
	    { echo "$f: not one line a group"; cat "$tmp/2"; fail=1; }
done
exit $fail
