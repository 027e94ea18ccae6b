# The real API responses, feeds and pages (shared/corpus/feeds): each, read
# without -f, gives exactly its expected papers (arxiv_id, title and
# abstract, white space collapsed), in order; the API's error feed fails.
[ -n "$SHARED" ] || { echo "no ../shared corpus"; exit 77; }
d=$SHARED/corpus/feeds
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0
norm='{arxiv_id, title: (.title | gsub("\\s+"; " ") | sub("^ | $"; "")),
    abstract: (.abstract | gsub("\\s+"; " ") | sub("^ | $"; ""))}'
for exp in "$d"/*.expected.jsonl; do
	f=${exp%.expected.jsonl}
	name=${f##*/}
	psplit "$f" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	want_rc=0
	case $name in *id_abc*) want_rc=1 ;; esac
	if [ $rc -ne $want_rc ]; then
		echo "$name: status $rc, expected $want_rc"; cat "$tmp/err"
		fail=1
	fi
	jq -c "$norm" "$tmp/out" >"$tmp/got" || fail=1
	jq -c "$norm" "$exp" >"$tmp/want" || fail=1
	if ! cmp -s "$tmp/want" "$tmp/got"; then
		echo "$name: papers differ from $name.expected.jsonl"
		diff "$tmp/want" "$tmp/got" | cut -c1-200 | head -6
		fail=1
	fi
	n=$((n + 1))
done
[ $n -ge 12 ] || { echo "only $n files in $d"; fail=1; }
exit $fail
