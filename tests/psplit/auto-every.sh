# Auto-detection on every arxiv-mail, arxiv-list and csv fixture: without
# -f, psplit picks the same reader and gives the same output and status.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0
for a in arxiv-mail-*.args arxiv-list-*.args csv-*.args; do
	c=${a%.args}
	args=$(sed 's/^-f [a-z-]* *//' "$a")
	in=$c.in
	[ -f "$in" ] || in=/dev/null
	eval "set -- $args"
	psplit "$@" <"$in" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	want=0
	[ -f "$c.rc" ] && want=$(cat "$c.rc")
	n=$((n + 1))
	if ! cmp -s "$c.out" "$tmp/out" || [ $rc -ne "$want" ]; then
		echo "$c: auto-detection gives other output (status $rc):"
		diff "$c.out" "$tmp/out" | head -5
		head -3 "$tmp/err"
		fail=1
	elif [ -f "$c.err" ] && ! cmp -s "$c.err" "$tmp/err"; then
		echo "$c: auto-detection gives other messages:"
		diff "$c.err" "$tmp/err" | head -5
		fail=1
	fi
done
[ $n -ge 15 ] || { echo "only $n fixtures found"; exit 1; }
exit $fail
