# Output to a full device: a message and status 1, and no state written.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
pdedupe data-a.jsonl >/dev/full 2>"$d/err"
rc=$?
[ $rc -eq 1 ] || { echo "status $rc"; exit 1; }
grep -q '^pdedupe: <stdout>: write error: No space left on device$' "$d/err" ||
	{ cat "$d/err"; exit 1; }
pdedupe -s "$d/seen" data-a.jsonl >/dev/full 2>/dev/null && exit 1
pdedupe -s "$d/seen" data-a.jsonl | cmp - data-a.jsonl
