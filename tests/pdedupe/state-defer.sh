# --defer keeps new keys pending: they come out again until --commit.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
s=$d/seen
pdedupe -s "$s" data-a.jsonl >/dev/null || exit 1		# a, b seen
pdedupe -s "$s" --defer data-b.jsonl >"$d/o1" || exit 1	# d pending
[ "$(cat "$d/o1")" = '{"title":"d"}' ] || exit 1
# The mail failed, no commit: the next deferred run offers d again.
pdedupe -s "$s" -d data-b.jsonl >"$d/o2" || exit 1
cmp "$d/o1" "$d/o2" || exit 1
pdedupe -S -s "$s" --commit 2>"$d/err" </dev/null >"$d/o3" || exit 1
[ ! -s "$d/o3" ] || exit 1
grep -q '^pdedupe: 1 pending keys committed$' "$d/err" || exit 1
pdedupe -s "$s" data-b.jsonl | cmp - /dev/null || exit 1
# Committing with nothing pending changes no key.
pdedupe -s "$s" -c || exit 1
pdedupe -s "$s" data-a.jsonl data-b.jsonl | cmp - /dev/null || exit 1
# A plain run after a deferred one writes the pending record and makes it
# seen.
printf '{"title":"e"}\n' >"$d/e"
pdedupe -s "$s" -d "$d/e" | cmp - "$d/e" || exit 1
pdedupe -s "$s" "$d/e" | cmp - "$d/e" || exit 1
pdedupe -s "$s" "$d/e" | cmp - /dev/null || exit 1
# Deferred keys are known within the run: repeats are still dropped.
printf '{"title":"f"}\n{"title":"F"}\n' >"$d/f"
[ "$(pdedupe -s "$s" -d "$d/f")" = '{"title":"f"}' ] || exit 1
[ "$(pdedupe -s "$s" -d "$d/f")" = '{"title":"f"}' ]
