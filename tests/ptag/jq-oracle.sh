# The built-in rules, translated to jq test() calls by bench/ptag-jq.awk,
# tag records exactly as ptag does: an independent check of the rules
# engine and of its literal prefilter.  Uses the first records of the
# shared corpus when there is one, and always the tests' own records.
command -v jq >/dev/null 2>&1 || { echo "jq not installed"; exit 77; }
ptag --list >rules.tmp || exit 1
awk -f "$TOP/bench/ptag-jq.awk" rules.tmp >prog.tmp || exit 1
cat features.in existing.in only.in explain.in fold.in | grep -v '"tags":"' >in.tmp
if [ -n "$SHARED" ]; then
	head -150 "$SHARED/corpus/papers.jsonl" >>in.tmp
	sed -n '16000,16080p' "$SHARED/corpus/papers.jsonl" >>in.tmp
fi
jq -c -f prog.tmp in.tmp | jq -c .tags >want.tmp || exit 1
ptag in.tmp | jq -c .tags >got.tmp || exit 1
[ "$(wc -l <want.tmp)" -ge 20 ] || { echo "too few records"; exit 1; }
if ! cmp -s want.tmp got.tmp; then
	paste -d '\n' want.tmp got.tmp | head -20
	exit 1
fi
rm -f rules.tmp prog.tmp in.tmp want.tmp got.tmp
