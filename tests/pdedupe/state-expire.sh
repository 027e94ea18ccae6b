# --expire DAYS forgets keys not met for more than DAYS days; every key a run
# meets, kept or dropped, is met today.  SOURCE_DATE_EPOCH sets today.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
s=$d/seen
day() { SOURCE_DATE_EPOCH=$(($1 * 86400 + 3600)); export SOURCE_DATE_EPOCH; }
printf '{"title":"a"}\n' >"$d/a"
printf '{"title":"b"}\n' >"$d/b"
day 20000; pdedupe -s "$s" "$d/a" >/dev/null || exit 1
day 20003; pdedupe -s "$s" "$d/b" >/dev/null || exit 1
day 20004; pdedupe -s "$s" "$d/a" | cmp - /dev/null || exit 1	# a met
# Day 20010: a last met on 20004 (6 days ago), b on 20003 (7 days ago).
day 20010; pdedupe -S -s "$s" -e 6 </dev/null 2>"$d/err" || exit 1
grep -q 'state .*: 1 keys written, 1 expired, 0 records owed$' "$d/err" || { cat "$d/err"; exit 1; }
pdedupe -n -s "$s" "$d/a" "$d/b" | cmp - "$d/b" || exit 1
# 0 days keeps only what was met today.
day 20011; pdedupe -s "$s" -e 0 "$d/b" | cmp - "$d/b" || exit 1
pdedupe -s "$s" "$d/a" "$d/b" | cmp - "$d/a" || exit 1
# Without --expire nothing is forgotten, however old.
day 40000; pdedupe -s "$s" "$d/a" "$d/b" | cmp - /dev/null || exit 1
# Out of range is a usage error.
pdedupe -s "$s" -e -1 </dev/null 2>/dev/null; [ $? -eq 2 ]
