# --stats with a state file says what came in and what the file holds.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
pdedupe -S -s "$d/seen" default.in 2>"$d/err" >/dev/null || exit 1
cat >"$d/want" <<EOT
pdedupe: 23 in, 14 passed, 9 dropped (9 seen, 0 near); state $d/seen: 0 keys before, 14 new
pdedupe: state $d/seen: 14 keys written, 0 expired
EOT
cmp "$d/err" "$d/want" || { cat "$d/err"; exit 1; }
pdedupe -S -n -s "$d/seen" default.in 2>"$d/err" >/dev/null || exit 1
echo "pdedupe: 23 in, 0 passed, 23 dropped (23 seen, 0 near); state $d/seen: 14 keys before, 0 new" |
    cmp - "$d/err"
