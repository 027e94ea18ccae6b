# The built-in set on the whole shared corpus: at least 95% of the papers
# get a tag, and no tag goes on more than 30% of them (ptag -s figures).
corpus=$SHARED/corpus/papers.jsonl
[ -n "$SHARED" ] && [ -f "$corpus" ] || { echo "no \$SHARED/corpus"; exit 77; }
ptag -s <"$corpus" 2>stats.tmp >/dev/null || { cat stats.tmp; exit 1; }
cat stats.tmp
awk 'NR == 1 {
	n = $2; t = $4
	if (n < 1000) { print "FAIL: only " n " records"; bad = 1 }
	if (t < 0.95 * n) { print "FAIL: " t " of " n " tagged, under 95%"; bad = 1 }
	next
}
$1 > 0.30 * n { print "FAIL: " $3 " on " $1 " of " n ", over 30%"; bad = 1 }
END { exit bad }' stats.tmp || exit 1
rm -f stats.tmp
