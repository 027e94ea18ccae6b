# A record with N links and no paper id in them takes time linear in N.
. "$TOP/tests/linear.sh"
gen() {
	awk -v n="$1" 'BEGIN {
		printf "{\"title\":\"t\",\"links\":["
		for (i = 0; i < n; i++)
			printf "%s{\"url\":\"https://example.org/p/%d\"}",
			    i ? "," : "", i
		print "]}"
	}'
}
linear "pdedupe" 3000 pdedupe
# and an id in the last link is still found
out=$(printf '{"links":[{"url":"x"},[],{"u":1},{"url":"https://arxiv.org/abs/2401.01234"}]}\n{"arxiv_id":"2401.01234"}\n' |
    pdedupe)
[ "$out" = '{"links":[{"url":"x"},[],{"u":1},{"url":"https://arxiv.org/abs/2401.01234"}]}' ] ||
    { echo "got: $out"; exit 1; }
