# --stats with a state file says what came in and what the file holds; a
# save that fails says so and counts no key; a dry run commits nothing.
d=$(mktemp -d) || exit 1
trap 'chmod -R u+w "$d"; rm -rf "$d"' EXIT
pdedupe -S -s "$d/seen" default.in 2>"$d/err" >/dev/null || exit 1
cat >"$d/want" <<EOT
pdedupe: 23 in, 13 passed, 10 dropped (10 seen, 0 near); state $d/seen: 0 keys before, 22 new
pdedupe: state $d/seen: 22 keys written, 0 expired, 0 records owed
EOT
cmp "$d/err" "$d/want" || { cat "$d/err"; exit 1; }
pdedupe -S -n -s "$d/seen" default.in 2>"$d/err" >/dev/null || exit 1
echo "pdedupe: 23 in, 0 passed, 23 dropped (23 seen, 0 near); state $d/seen: 22 keys before, 0 new" |
    cmp - "$d/err" || { cat "$d/err"; exit 1; }
# --defer counts what it wrote first; --pending and --commit count too.
printf '{"title":"x1"}\n{"title":"x2"}\n' >"$d/x"
pdedupe -s "$d/seen" -d "$d/x" >"$d/owed" || exit 1
pdedupe -S -s "$d/seen" -d default.in 2>"$d/err" >/dev/null || exit 1
cat >"$d/want" <<EOT
pdedupe: 23 in, 0 passed, 23 dropped (23 seen, 0 near); state $d/seen: 24 keys before, 0 new; 2 owed written first
pdedupe: state $d/seen: 24 keys written, 0 expired, 2 records owed
EOT
cmp "$d/err" "$d/want" || { cat "$d/err"; exit 1; }
pdedupe -S -s "$d/seen" -p 2>"$d/err" | cmp - "$d/owed" || exit 1
echo "pdedupe: 2 records owed" | cmp - "$d/err" || { cat "$d/err"; exit 1; }
# A dry run commits nothing and says so.
pdedupe -S -n -s "$d/seen" -c 2>"$d/err" || exit 1
echo "pdedupe: dry run: 2 owed records or pending keys would be committed, none was" |
    cmp - "$d/err" || { cat "$d/err"; exit 1; }
pdedupe -s "$d/seen" -p | cmp - "$d/owed" || exit 1
# A save that fails (no room for the new file: ulimit -f, standing in for
# a full disk): no keys counted as written, the owed records kept.  The
# messages go through a pipe, which the limit does not touch.
{ ( ulimit -f 0; trap '' XFSZ; exec pdedupe -S -s "$d/seen" -c 2>&1 );
    echo $? >"$d/rc"; } | cat >"$d/err"
rc=$(cat "$d/rc")
[ "$rc" -eq 1 ] || { echo "status $rc"; cat "$d/err"; exit 1; }
cat >"$d/want" <<EOT
pdedupe: $d/seen.tmp: cannot write the new state, $d/seen is unchanged: File too large
pdedupe: 2 owed records or pending keys not committed
pdedupe: state $d/seen: not written, left as it was
EOT
cmp "$d/err" "$d/want" || { cat "$d/err"; exit 1; }
[ ! -e "$d/seen.tmp" ] || { echo "temporary left"; exit 1; }
pdedupe -s "$d/seen" -p | cmp - "$d/owed"
