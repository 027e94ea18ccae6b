# Scale-out: counts made in parallel by `pcount -o jsonl` and added up by
# `pcount --merge` print exactly what one pcount prints, in every form.
command -v parallel >/dev/null 2>&1 ||
	{ echo "GNU parallel not installed"; exit 77; }
parallel --version 2>/dev/null | grep -q 'GNU parallel' ||
	{ echo "parallel is not GNU parallel"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# 23,456 records: 40 tags, some records without tags or day, odd values.
awk 'BEGIN {
	for (i = 0; i < 23456; i++) {
		printf "{\"id\":%d", i
		if (i % 7) printf ",\"day\":\"2025-09-%02d\"", i % 30 + 1
		if (i % 11) {
			printf ",\"tags\":[\"t%d\"", (i * 7919) % 40
			if (i % 3 == 0) printf ",\"t%d\"", (i * 31) % 40
			if (i % 101 == 0) printf ",\"a,b \\\"q\\\"\\tc\\u00e9\""
			if (i % 97 == 0) printf ",%d", i % 5
			printf "]"
		}
		printf "}\n"
	}
}' >"$tmp/big.jsonl"
fail=0
check() {	# check "OPTIONS OF THE PARTS" "OPTIONS OF THE WHOLE"
	parallel --pipe -N 5000 "pcount -o jsonl $1" <"$tmp/big.jsonl" \
	    >"$tmp/parts" || { echo "parallel failed: $1"; fail=1; return; }
	[ "$(grep -c '"records"' "$tmp/parts")" -eq 5 ] ||
	    { echo "expected 5 parts for: $1"; fail=1; }
	pcount --merge $2 <"$tmp/parts" >"$tmp/merged" || fail=1
	pcount $1 $2 <"$tmp/big.jsonl" >"$tmp/whole" || fail=1
	if ! cmp -s "$tmp/whole" "$tmp/merged"; then
		echo "differs: parts '$1', whole '$2'"
		diff "$tmp/whole" "$tmp/merged" | head -5
		fail=1
	fi
}
check "" ""
check "" "-p -o csv"
check "" "-n 5 -o tsv"
check "-f day -f tags" ""
check "-f day -f tags" "-o jsonl -s value"
check "-f day -f tags" "-x --bars -w 60"
check "-x" "-o json -p"
# the trend outputs: per-group top N, record shares, the cross table
check "-f day:week -f tags" "-n 3"
check "-f day:week -f tags" "-n 2 --bars -T"
check "-r -f day:month -f tags" "-r -p -o tsv"
check "-r" "-r -n 4 -o jsonl"
check "-f day:week -f tags" "-c -n 5 -o csv"
check "-f day:week -f tags" "-c --bars"
check "-f tags -f day:week" "-s time -o json"
exit $fail
