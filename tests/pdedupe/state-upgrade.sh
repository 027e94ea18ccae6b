# A state file of format 1 (state-v1.seen, written by pdedupe 0.1.0 from
# {"arxiv_id":"2401.00001","title":"Old committed"} and
# {"title":"old title only"}, then 2401.00002 with --defer) is read and
# written back as format 2, with every key; its pending key lets its paper
# through once more, which then stays owed until committed.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
s=$d/seen
cp state-v1.seen "$s"
head -1 "$s" | grep -qx 'pdedupe state 1' || exit 1
cat >"$d/in" <<'EOT'
{"arxiv_id":"2401.00001v2","title":"Old committed, revised"}
{"title":"Old title only"}
{"arxiv_id":"2401.00002","title":"Old pending"}
{"arxiv_id":"2401.00003","title":"New"}
EOT
sed -n '3,4p' "$d/in" >"$d/want"
pdedupe -S -s "$s" -d "$d/in" >"$d/out" 2>"$d/err" || { cat "$d/err"; exit 1; }
cmp "$d/out" "$d/want" || exit 1
grep -q 'state .*: 3 keys before, ' "$d/err" || { cat "$d/err"; exit 1; }
head -1 "$s" | grep -qx 'pdedupe state 2' || exit 1
sed -n 4p "$s" | grep -qx 'owed 2 [0-9]*' || exit 1
pdedupe -s "$s" -p | cmp - "$d/want" || exit 1
pdedupe -s "$s" -d "$d/in" | cmp - "$d/want" || exit 1
pdedupe -s "$s" -c "$d/want" || exit 1
pdedupe -s "$s" -d "$d/in" | cmp - /dev/null || exit 1
# Committing a format 1 file's pending keys, as --commit did before.
cp state-v1.seen "$s"
pdedupe -s "$s" -c || exit 1
pdedupe -s "$s" "$d/in" | sed -n '$p' | cmp - "$(sed -n 4p "$d/in" >"$d/w4"; echo "$d/w4")"
