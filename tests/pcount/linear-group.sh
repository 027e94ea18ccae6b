# A top N per group and a cross table over N groups take time linear in
# N (a group of ties is sorted once, not once per row).
. "$TOP/tests/linear.sh"
gen() {
	awk -v n="$1" 'BEGIN {
		for (i = 0; i < n; i++)
			printf "{\"g\":\"g%d\",\"t\":[\"a\",\"b%d\",\"c\"]}\n", i,
			    i % 3
	}'
}
linear "pcount -f g -f t -n 1 -r -o jsonl" 20000 pcount -f g -f t -n 1 -r -o jsonl
linear "pcount -c -n 2 -f g -f t" 20000 pcount -c -n 2 -f g -f t
linear "pcount -c -f g -f t --bars" 20000 pcount -c -f g -f t --bars
