# A CSV file without a title column is refused with a message naming it;
# the other files given still count.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
psplit -f csv csv-notitle.in csv-plain.in >"$tmp/out" 2>"$tmp/err"
rc=$?
fail=0
[ $rc -eq 1 ] || { echo "status $rc, expected 1"; fail=1; }
grep -q '^psplit: csv-notitle.in:1: the CSV header has no title column' \
    "$tmp/err" || { echo "no message about the title column:"; cat "$tmp/err"; fail=1; }
cmp -s "$tmp/out" csv-plain.out || { echo "output is not csv-plain.out's"; fail=1; }
exit $fail
