# --state: running twice on the same input prints the papers once, then
# nothing, with status 0 both times; the file holds one 16-byte entry per key.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
pdedupe --state "$d/seen" default.in >"$d/out1" || exit 1
cmp "$d/out1" default.out || exit 1
pdedupe --state "$d/seen" default.in >"$d/out2" || exit 1
[ ! -s "$d/out2" ] || { echo "second run printed"; exit 1; }
# The header, then 22 keys of 16 bytes (the identities of the 13 papers
# and the 3 lines), no owed record, and an 8-byte checksum.
printf 'pdedupe state 2\nkey default\nkeys 22\nowed 0 0\n\n' >"$d/head"
head -c "$(wc -c <"$d/head")" "$d/seen" | cmp - "$d/head" || exit 1
[ "$(wc -c <"$d/seen")" -eq $(($(wc -c <"$d/head") + 22 * 16 + 8)) ] || exit 1
# New papers among old ones: only they come out, and stay known.
printf '%s\n' '{"title":"brand new"}' '{"arxiv_id":"2401.12345v9"}' \
    '{"title":"Brand New!"}' >"$d/more"
pdedupe -s "$d/seen" "$d/more" >"$d/out3" || exit 1
[ "$(cat "$d/out3")" = '{"title":"brand new"}' ] || exit 1
pdedupe -s "$d/seen" "$d/more" default.in | cmp - /dev/null || exit 1
[ ! -e "$d/seen.tmp" ] || exit 1
# A key option list longer than any buffer makes a long header: still read.
long=$(awk 'BEGIN { while (length(s) < 10000) s = s "x"; print s }')
pdedupe -s "$d/long" -k "$long" -k title data-a.jsonl | cmp - data-a.jsonl ||
    exit 1
pdedupe -s "$d/long" -k "$long" -k title data-a.jsonl | cmp - /dev/null
