# A file cut short while it is read (another program truncating it) is an
# error, named with the file, and status 1: never a silent end of input.
# ptag is held up writing to a pipe nobody reads yet while the file is cut.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
awk 'BEGIN { for (i = 0; i < 100000; i++)
	printf "{\"title\":\"Agents %d plan with tools\",\"abstract\":\"x\"}\n", i }' \
    >"$tmp/big.jsonl"
{ ptag "$tmp/big.jsonl" 2>"$tmp/err"; echo $? >"$tmp/rc"; } | {
	dd bs=1000 count=1 >/dev/null 2>&1
	: >"$tmp/big.jsonl"
	cat >"$tmp/out"
}
fail=0
[ "$(cat "$tmp/rc")" = 1 ] || { echo "status $(cat "$tmp/rc"), expected 1"; fail=1; }
want="ptag: $tmp/big.jsonl: the file was cut short while it was read"
grep -qxF "$want" "$tmp/err" || { echo "stderr:"; cat "$tmp/err"; fail=1; }
n=$(wc -l <"$tmp/out")
[ "$n" -lt 100000 ] || { echo "all $n records, though the file was cut"; fail=1; }
exit $fail
