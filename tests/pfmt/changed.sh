# A file that changes between the two readings (another program appends
# to it) is an error, named with the file, and status 1: the header's
# count could be wrong.  pfmt is held up writing the first file's papers
# to a pipe nobody reads yet while the second is changed.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
awk 'BEGIN { for (i = 0; i < 5000; i++)
	printf "{\"title\":\"Paper %d\",\"abstract\":\"%0100d\"}\n", i, i }' \
    >"$tmp/a.jsonl"
printf '{"title":"Last"}\n' >"$tmp/b.jsonl"
{ pfmt -f md "$tmp/a.jsonl" "$tmp/b.jsonl" 2>"$tmp/err"; echo $? >"$tmp/rc"; } |
    {
	dd bs=1000 count=1 >/dev/null 2>&1
	printf '{"title":"Added"}\n' >>"$tmp/b.jsonl"
	cat >"$tmp/out"
}
fail=0
[ "$(cat "$tmp/rc")" = 1 ] || { echo "status $(cat "$tmp/rc"), expected 1"; fail=1; }
want="pfmt: $tmp/b.jsonl: changed while it was read"
grep -qxF "$want" "$tmp/err" || { echo "stderr:"; cat "$tmp/err"; fail=1; }
grep -q '^## Last' "$tmp/out" && { echo "the changed file's paper written"; fail=1; }
grep -q '^## Added' "$tmp/out" && { echo "the added paper written"; fail=1; }
exit $fail
