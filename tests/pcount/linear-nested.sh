# Arrays nested N deep in the counted field take time linear in N.
. "$TOP/tests/linear.sh"
gen() {
	awk -v n="$1" 'BEGIN {
		printf "{\"tags\":"
		for (i = 0; i < n; i++) printf "["
		printf "\"x\""
		for (i = 0; i < n; i++) printf "]"
		print "}"
	}'
}
linear "pcount" 50000 pcount
