# Output to a full device: a message and status 1, and no state written.
pdedupe data-a.jsonl >/dev/full 2>err
rc=$?
[ $rc -eq 1 ] || { echo "status $rc"; exit 1; }
grep -q '^pdedupe: <stdout>: write error: No space left on device$' err ||
	{ cat err; exit 1; }
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
pdedupe -s "$d/seen" data-a.jsonl >/dev/full 2>/dev/null && exit 1
pdedupe -s "$d/seen" data-a.jsonl | cmp - data-a.jsonl
