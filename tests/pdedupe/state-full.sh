# A full disk while saving what is owed (ulimit -f stands in for it): a
# message, status 1, the state as it was, and nothing lost: the records
# owed before and the new ones of the failed run come out again.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
s=$d/seen
printf '{"title":"x1"}\n' >"$d/a"
printf '{"title":"x2"}\n{"title":"x3"}\n' >"$d/b"
pdedupe -s "$s" -d "$d/a" >/dev/null || exit 1		# x1 owed
cp "$s" "$d/before"
# Records and messages go through a pipe, which the limit does not touch.
{ ( ulimit -f 0; trap '' XFSZ; exec pdedupe -s "$s" -d "$d/b" 2>&1 );
    echo $? >"$d/rc"; } | cat >"$d/both"
grep -v '^pdedupe: ' "$d/both" >"$d/out"
grep '^pdedupe: ' "$d/both" >"$d/err"
[ "$(cat "$d/rc")" -eq 1 ] || { echo "status $(cat "$d/rc")"; cat "$d/both"; exit 1; }
[ "$(cat "$d/err")" = "pdedupe: $s.tmp: cannot write the new state, $s is unchanged: File too large" ] ||
    { cat "$d/err"; exit 1; }
cmp "$s" "$d/before" || { echo "state changed"; exit 1; }
[ ! -e "$s.tmp" ] || exit 1
cat "$d/a" "$d/b" | cmp - "$d/out" || exit 1
pdedupe -s "$s" -d "$d/b" | cat "$d/a" "$d/b" - | sort | uniq -c |
    awk '$1 != 2 { bad = 1 } END { exit bad }' || { echo "lost or doubled"; exit 1; }
