# With standard output or error closed, files opened later (-D, the state)
# do not take their place: the records and messages do not land there.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
pdedupe -D "$d/dups" data-b.jsonl >&- 2>/dev/null
[ ! -s "$d/dups" ] || { echo "records in the dups file"; cat "$d/dups"; exit 1; }
pdedupe -D "$d/dups" nosuchfile 2>&- >/dev/null
[ ! -s "$d/dups" ] || { echo "messages in the dups file"; exit 1; }
pdedupe -s "$d/seen" data-a.jsonl <&- >/dev/null || exit 1
pdedupe -s "$d/seen" data-a.jsonl | cmp - /dev/null
