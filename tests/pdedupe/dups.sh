# --dups gets exactly the records dropped, unchanged and in order.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
pdedupe --dups "$d/dups" default.in >"$d/out" || exit 1
cmp "$d/out" default.out || exit 1
sed -n '2p;3p;5p;7p;9p;11p;12p;14p;18p;23p' default.in | cmp - "$d/dups" || exit 1
# Near-duplicates too, and -D replaces the file.
pdedupe -N -D "$d/dups" near.in >/dev/null || exit 1
sed -n '2p;6p;8p' near.in | cmp - "$d/dups" || exit 1
# An unwritable dups file is trouble, reported before any output.
pdedupe -D "$d/no/such/dir" default.in >"$d/out" 2>"$d/err"
[ $? -eq 1 ] && [ ! -s "$d/out" ] &&
    grep -q "^pdedupe: $d/no/such/dir: No such file or directory$" "$d/err"
