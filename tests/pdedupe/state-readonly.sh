# A state folder that cannot be written: a clear message and status 1
# before any record is written, and the state file as it was.  Root writes
# anywhere, so as root the runs are made as nobody (setpriv).
d=$(mktemp -d) || exit 1
# the records where nobody can read them, wherever the checkout lies
r=$(mktemp -d) || exit 1
trap 'chmod 755 "$d"; rm -rf "$d" "$r"' EXIT
cp data-a.jsonl data-b.jsonl "$r/" && chmod 755 "$r" && chmod 644 "$r"/* || exit 1
cd "$r" || exit 1
s=$d/seen
pdedupe -s "$s" data-a.jsonl >/dev/null || exit 1
chmod 644 "$s"
chmod 555 "$d"
as=
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null 2>&1 ||
	    { echo "root without setpriv: folder permissions not enforced"; exit 77; }
	as="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
before=$(od -An -tx1 "$s")
out=$($as "$BIN/pdedupe" -s "$s" data-a.jsonl data-b.jsonl 2>"$d.err")
rc=$?
err=$(cat "$d.err"); rm -f "$d.err"
[ $rc -eq 1 ] || { echo "status $rc"; exit 1; }
[ -z "$out" ] || { echo "wrote records: $out"; exit 1; }
[ "$err" = "pdedupe: $s: cannot replace the state file in $d: Permission denied" ] ||
    { echo "$err"; exit 1; }
[ "$(od -An -tx1 "$s")" = "$before" ] || { echo "state changed"; exit 1; }
# Reading it still works.
out=$($as "$BIN/pdedupe" -n -s "$s" data-a.jsonl data-b.jsonl) || exit 1
[ "$out" = '{"title":"d"}' ] || exit 1
# A state file that cannot be made there.
$as "$BIN/pdedupe" -s "$d/new" data-a.jsonl >/dev/null 2>"$d.err"
rc=$?
err=$(cat "$d.err"); rm -f "$d.err"
[ $rc -eq 1 ] && [ "$err" = "pdedupe: $d/new: Permission denied" ] ||
    { echo "status $rc: $err"; exit 1; }
