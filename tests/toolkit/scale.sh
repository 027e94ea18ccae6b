# The recipes of paperpipe(7) "Scale", run as the page writes them, on
# sample records: each prints exactly what its serial pipeline prints, and
# warns of nothing.  (bench/scale.sh measures that each is faster.)
command -v parallel >/dev/null 2>&1 &&
    parallel --version 2>/dev/null | grep -q 'GNU parallel' ||
	{ echo "GNU parallel not installed"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# Sample records: the sample page's papers many times over, with days over
# two years, then the corpus's first records when it is there.
psplit "$TOP/examples/sample-sep4.txt" >"$tmp/page.jsonl" || exit 1
awk '{ for (i = 0; i < 150; i++) { r = $0
	sub(/}$/, sprintf(",\"day\":\"%d-%02d-%02d\"}", 2025 + i % 2,
	    1 + (NR + i) % 12, 1 + (NR * 7 + i) % 28), r); print r } }' \
    "$tmp/page.jsonl" >"$tmp/big.jsonl"
[ -n "$SHARED" ] && head -4000 "$SHARED/corpus/papers.jsonl" >>"$tmp/big.jsonl"
[ "$(wc -l <"$tmp/big.jsonl")" -gt 3000 ] || { echo "too few records"; exit 1; }
# The literal displays of the Scale section that run parallel, one a line.
awk '/^\.Ss Scale/ { on = 1; next } /^\.S[sh] / { on = 0 }
	on && /^\.Bd -literal/ { lit = 1; cmd = ""; next }
	on && /^\.Ed/ { lit = 0; if (cmd ~ /^parallel /) print cmd; next }
	lit { sub(/^ +/, ""); l = $0; sub(/ *\\e$/, "", l)
	    cmd = cmd (cmd == "" ? "" : " ") l }' \
    "$TOP/man/paperpipe.7" | sed 's/  */ /g' >"$tmp/recipes"
# The serial pipeline of each, in the page's order.
cat >"$tmp/serial" <<'END'
plinks big.jsonl | ptag
ptag big.jsonl | pcount
ptag big.jsonl | pcount -r -f day:month -f tags -n 3
END
[ "$(wc -l <"$tmp/recipes")" -eq "$(wc -l <"$tmp/serial")" ] ||
    { echo "the page has $(wc -l <"$tmp/recipes") recipes:"; cat "$tmp/recipes"; exit 1; }
fail=0 i=0
cd "$tmp" || exit 1
while IFS= read -r recipe; do
	i=$((i + 1))
	serial=$(sed -n "${i}p" serial)
	recipe=${recipe%> tagged.jsonl}
	sh -c "$serial" >want 2>err.want || { echo "failed: $serial"; fail=1; }
	sh -c "$recipe" >got 2>err || { echo "failed: $recipe"; fail=1; }
	[ -s want ] || { echo "no output: $serial"; fail=1; }
	if ! cmp -s want got; then
		echo "differs from '$serial': $recipe"
		diff want got | head -5
		fail=1
	fi
	[ ! -s err ] || { echo "warned: $recipe"; head -3 err; fail=1; }
done <recipes
exit $fail
