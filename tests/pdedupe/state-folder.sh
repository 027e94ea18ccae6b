# The state folder cannot be subverted: a link planted at the temporary
# name is not followed; a FIFO given as the state does not hang; a large
# file that is no state is refused after its header, not read whole; a
# missing folder is named.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
s=$d/seen
pdedupe -s "$s" data-a.jsonl >/dev/null || exit 1
echo precious >"$d/victim"
ln -s "$d/victim" "$s.tmp"
pdedupe -s "$s" data-b.jsonl >"$d/out" || exit 1
[ "$(cat "$d/out")" = '{"title":"d"}' ] || exit 1
[ "$(cat "$d/victim")" = precious ] || { echo "link followed"; exit 1; }
[ ! -e "$s.tmp" ] && [ ! -L "$s.tmp" ] || exit 1
pdedupe -s "$s" data-b.jsonl | cmp - /dev/null || exit 1
# A dangling link too: nothing is created where it points.
ln -s "$d/made" "$s.tmp"
printf '{"title":"q"}\n' | pdedupe -s "$s" >/dev/null || exit 1
[ ! -e "$d/made" ] || { echo "link followed"; exit 1; }
# A FIFO: refused at once (timeout guards against a hang).
mkfifo "$d/fifo"
timeout 5 pdedupe -s "$d/fifo" data-a.jsonl >"$d/out" 2>"$d/err"
rc=$?
[ $rc -eq 1 ] && [ ! -s "$d/out" ] ||
    { echo "fifo: status $rc"; cat "$d/err"; exit 1; }
[ "$(cat "$d/err")" = "pdedupe: $d/fifo: not a regular file" ] || exit 1
timeout 5 pdedupe -n -s "$d/fifo" data-a.jsonl >/dev/null 2>&1; [ $? -eq 1 ] || exit 1
# 64 MB that is no state: refused without reading it whole (peak memory
# far below its size).
head -c 67108864 /dev/zero >"$d/big"
/usr/bin/time -f '%M' pdedupe -s "$d/big" data-a.jsonl >"$d/out" 2>"$d/err"
[ "$(head -1 "$d/err")" = "pdedupe: $d/big: not a pdedupe state file" ] ||
    { cat "$d/err"; exit 1; }
kb=$(tail -1 "$d/err")
[ "$kb" -lt 20000 ] || { echo "read $kb KB"; exit 1; }
# A header that never ends, after a right start.
{ printf 'pdedupe state 2\n'; head -c 4000000 /dev/zero; } >"$d/big"
pdedupe -s "$d/big" data-a.jsonl 2>"$d/err" >/dev/null
[ "$(cat "$d/err")" = "pdedupe: $d/big: damaged state file: no end to its header" ] ||
    { cat "$d/err"; exit 1; }
# A folder that does not exist.
pdedupe -s "$d/no/seen" data-a.jsonl >"$d/out" 2>"$d/err"
[ $? -eq 1 ] && [ ! -s "$d/out" ] || exit 1
[ "$(cat "$d/err")" = "pdedupe: $d/no/seen: no folder $d/no: create it first (mkdir -p)" ] ||
    { cat "$d/err"; exit 1; }
