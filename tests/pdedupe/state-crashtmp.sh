# A temporary file left by a crash beside the state file does no harm: the
# state is read from the real file and the next write replaces the leftover.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
s=$d/seen
pdedupe -s "$s" data-a.jsonl >/dev/null || exit 1
head -c 50 "$s" >"$s.tmp"			# half-written by a killed run
pdedupe -s "$s" data-a.jsonl data-b.jsonl >"$d/out" || exit 1
[ "$(cat "$d/out")" = '{"title":"d"}' ] || exit 1
[ ! -e "$s.tmp" ] || { echo "leftover still there"; exit 1; }
# A leftover that cannot be replaced (a folder in its way) fails the write
# with a message, and the state file stays as it was.
mkdir "$s.tmp"
cp "$s" "$d/before"
printf '{"title":"z"}\n' | pdedupe -s "$s" >"$d/out" 2>"$d/err"
[ $? -eq 1 ] || exit 1
grep -q "^pdedupe: $s.tmp: cannot write the new state, $s is unchanged: Is a directory$" "$d/err" ||
    { cat "$d/err"; exit 1; }
cmp "$s" "$d/before"
