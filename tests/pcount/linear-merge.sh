# pcount --merge: a row with N values, every one in its missing list,
# takes time linear in N.
. "$TOP/tests/linear.sh"
gen() {
	awk -v n="$1" 'BEGIN {
		printf "{\"value\":["
		for (i = 0; i < n; i++) printf "%s\"v%d\"", i ? "," : "", i
		printf "],\"missing\":["
		for (i = n; i-- > 0;) printf "%s%d", i < n - 1 ? "," : "", i
		print "],\"count\":2}"
	}'
}
linear "pcount --merge -o jsonl" 20000 pcount --merge -o jsonl
out=$(printf '{"value":["a","b","c"],"missing":[2,0],"count":3}\n' |
    pcount --merge -o jsonl | head -1)
want='{"value":[null,"b",null],"missing":[0,2],"count":3}'
[ "$out" = "$want" ] || { echo "got: $out"; exit 1; }
