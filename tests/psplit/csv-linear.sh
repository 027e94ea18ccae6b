#!/bin/sh
# A CSV header of many columns takes time linear in its length (each name
# was compared with every earlier one), and repeated names are still found.
. "$TOP/tests/linear.sh"
gen() {
	awk -v n="$1" 'BEGIN {
		printf "title"
		for (i = 0; i < n; i++) printf ",c%d", i
		printf "\nT"
		for (i = 0; i < n; i++) printf ",v"
		printf "\n" }'
}
linear "psplit -f csv, wide header" 20000 psplit -f csv || exit 1
out=$(printf 'Title,a,Abstract,b,a,title,Summary\nT,1,A,2,3,4,5\n' |
    psplit -f csv 2>&1)
[ "$out" = 'psplit: <stdin>:1: column 5 ("a") repeats column 2; left out
psplit: <stdin>:1: column 6 ("title") repeats column 1; left out
psplit: <stdin>:1: column 7 ("Summary") repeats column 3; left out
{"title":"T","abstract":"A","a":"1","b":"2"}' ] || { echo "got: $out"; exit 1; }
