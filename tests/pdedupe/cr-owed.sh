# A record kept as owed (--defer) is handed out again as it was written
# the first time: without the carriage returns outside its strings.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
pdedupe -s "$d/s" -d <cr-outside.in >"$d/first" || exit 1
cmp cr-outside.out "$d/first" || exit 1
pdedupe -s "$d/s" -p >"$d/owed" || exit 1
cmp cr-outside.out "$d/owed" || { od -c "$d/owed" | head; exit 1; }
# and the next --defer hands them out first, the same bytes
pdedupe -s "$d/s" -d </dev/null >"$d/again" || exit 1
cmp cr-outside.out "$d/again"
