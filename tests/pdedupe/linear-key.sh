# -k links.N.url on an array of N links takes time linear in N.
. "$TOP/tests/linear.sh"
gen() {
	awk -v n="$1" 'BEGIN {
		for (r = 0; r < 2; r++) {
			printf "{\"links\":["
			for (i = 0; i < n; i++)
				printf "%s{\"url\":\"u%d\"}", i ? "," : "", i
			print "]}"
		}
	}'
}
linear "pdedupe -k links.4999.url" 5000 pdedupe -k links.4999.url
