# --dry-run reads the state file and changes nothing, not even its time.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
s=$d/seen
pdedupe -s "$s" -n data-a.jsonl | cmp - data-a.jsonl || exit 1
[ ! -e "$s" ] || { echo "dry run made a file"; exit 1; }
pdedupe -s "$s" data-a.jsonl >/dev/null || exit 1
cp -p "$s" "$d/before"
pdedupe -s "$s" --dry-run data-b.jsonl >"$d/out" || exit 1
[ "$(cat "$d/out")" = '{"title":"d"}' ] || exit 1
pdedupe -s "$s" -n -d data-b.jsonl >/dev/null || exit 1
pdedupe -s "$s" -n -e 0 data-b.jsonl >/dev/null || exit 1
cmp "$s" "$d/before" || exit 1
[ "$(stat -c %Y "$s")" = "$(stat -c %Y "$d/before")" ] || exit 1
[ ! -e "$s.tmp" ]
