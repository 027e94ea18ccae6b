# sample.out (the fixture for examples/sample-sep4.txt) holds exactly the
# 108 papers of the corpus's golden file, titles and abstracts byte for byte.
[ -n "$SHARED" ] || { echo "no shared corpus"; exit 77; }
exp=$SHARED/corpus/pages/sample-sep4.expected.jsonl
cmp -s "$TOP/examples/sample-sep4.txt" "$SHARED/corpus/pages/sample-sep4.txt" ||
	{ echo "examples/sample-sep4.txt differs from the corpus copy"; exit 1; }
[ "$(wc -l <sample.out)" -eq 108 ] || { echo "sample.out: not 108 lines"; exit 1; }
jq -c '{title, abstract, date}' "$exp" | cmp - sample.out || exit 1
jq -c '[.title, .abstract]' "$exp" >/tmp/psplit-sample.$$
jq -c '[.title, .abstract]' sample.out | cmp - /tmp/psplit-sample.$$
rc=$?
rm -f /tmp/psplit-sample.$$
exit $rc
