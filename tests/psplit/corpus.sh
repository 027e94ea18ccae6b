# Every Hugging Face page of the corpus gives its golden records: title and
# abstract of each paper, in page order.
[ -n "$SHARED" ] || { echo "no shared corpus"; exit 77; }
tmp=${TMPDIR:-/tmp}/psplit-corpus.$$
trap 'rm -f "$tmp".*' EXIT
rc=0 n=0
for page in "$SHARED"/corpus/pages/hf-*.txt; do
	exp=${page%.txt}.expected.jsonl
	psplit "$page" >"$tmp.out" || { echo "$page: status $?"; rc=1; continue; }
	jq -c '[.title, .abstract]' "$exp" >"$tmp.exp"
	jq -c '[.title, .abstract]' "$tmp.out" >"$tmp.got"
	if ! cmp -s "$tmp.exp" "$tmp.got"; then
		echo "$page: records differ"
		diff "$tmp.exp" "$tmp.got" | head -5 | cut -c1-200
		rc=1
	fi
	n=$((n + 1))
done
[ $n -ge 7 ] || { echo "only $n pages"; rc=1; }
exit $rc
