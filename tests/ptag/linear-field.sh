# -F on a field of arrays nested N deep takes time linear in N, and the
# string at the bottom is matched.
. "$TOP/tests/linear.sh"
gen() {
	awk -v n="$1" 'BEGIN {
		printf "{\"m\":{\"t\":"
		for (i = 0; i < n; i++) printf "["
		printf "\"a large language model\""
		for (i = 0; i < n; i++) printf "]"
		print "}}"
	}'
}
linear "ptag -N -r basic.rules -F m.t" 50000 ptag -N -r basic.rules -F m.t
out=$(gen 3 | ptag -N -r basic.rules -F m.t) || exit 1
case $out in *'"tags":["llm"]}') ;; *) echo "got: $out"; exit 1 ;; esac
