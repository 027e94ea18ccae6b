# -F a.b on a record whose a holds N members, nested N deep beside b,
# takes time linear in N.
. "$TOP/tests/linear.sh"
gen() {
	awk -v n="$1" 'BEGIN {
		printf "{\"a\":{\"x\":"
		for (i = 0; i < n; i++) printf "[{\"b\":\"https://no.org\"},"
		printf "0"
		for (i = 0; i < n; i++) printf "]"
		print ",\"b\":\"see https://yes.org\"}}"
	}'
}
linear "plinks -F a.b" 20000 plinks -F a.b
out=$(gen 2 | plinks -F a.b) || exit 1
case $out in *'"links":[{"url":"https://yes.org",'*) ;;
*) echo "got: $out"; exit 1 ;; esac
