#!/bin/sh
# Reading a large rules file takes time linear in its rules (each literal,
# tag and field was looked for among all earlier ones), and the rules work.
# Compiling each rule costs the same, so the bound is tighter than usual.
. "$TOP/tests/linear.sh"
gen() {
	awk -v n="$1" 'BEGIN {
		for (i = 0; i < n; i++)
			printf "t%d@f%d word%dx\n", i, i % 50, i
		printf "last word%dx\n", n - 1 }'
}
LINEAR_RATIO=6 linear "ptag -r, many rules" 4000 ptag -r /dev/stdin /dev/null || exit 1
gen 5000 >"$lin_tmp.r"
out=$(printf '{"f7":"word7x word4999x","f49":"word4999x","title":"word4999x"}\n' |
    ptag -r "$lin_tmp.r")
[ "$out" = '{"f7":"word7x word4999x","f49":"word4999x","title":"word4999x","tags":["t7","t4999","last"]}' ] ||
	{ echo "got $out"; exit 1; }
