# The arXiv and CSV detectors leave Hugging Face pages alone: on every HF
# page, auto-detection gives exactly what -f hf gives.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pages=$TOP/examples/sample-sep4.txt
[ -n "$SHARED" ] && pages="$pages $SHARED/corpus/pages/hf-*.txt"
fail=0
for p in $pages; do
	psplit -f hf "$p" >"$tmp/hf" 2>/dev/null
	rc1=$?
	psplit "$p" >"$tmp/auto" 2>/dev/null
	rc2=$?
	if [ ! -s "$tmp/hf" ] || [ $rc1 -ne $rc2 ] || ! cmp -s "$tmp/hf" "$tmp/auto"
	then
		echo "$p: auto (status $rc2) differs from -f hf (status $rc1)"
		fail=1
	fi
done
exit $fail
