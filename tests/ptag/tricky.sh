# ptag and jq (Oniguruma, through bench/ptag-jq.awk) agree on patterns that
# exercise every construct the literal prefilter models, and on texts that
# contain their literals with and without word edges.
command -v jq >/dev/null 2>&1 || { echo "jq not installed"; exit 77; }
awk -f "$TOP/bench/ptag-jq.awk" tricky.rules >prog.tmp || exit 1
cat >in.tmp <<'X'
{"title":"foo","abstract":"bar baz and qux"}
{"title":"food barbaz","abstract":"xfoo"}
{"title":"Colour models","abstract":"color net; colors nets"}
{"title":"pretrained","abstract":"pre-training, training, trained, pretrain"}
{"title":"Transformer","abstract":"trans-former transformers grey gray"}
{"title":"loop looop lop","abstract":"ac abc abbc abbbc xy xxxy y"}
{"title":"deep nets","abstract":"shallow model; wide trees; wide net"}
{"title":"C++ and .NET","abstract":"a-b, ab, C+"}
{"title":"catfish hot dog","abstract":"cat dog hotdog"}
{"title":"4-bit 16-bit","abstract":"Performer reformer former"}
{"title":"platform reform","abstract":"formal"}
{"title":"NASA nasa Nasa","abstract":"nASA"}
{"title":"the end","abstract":"ending endless eeending nd"}
{"title":"abc axc a c","abstract":"xaay x  y"}
{"title":"mixed MIXED","abstract":"LOWER"}
{"title":"x","abstract":"lower"}
{"title":"a+b","abstract":"aab"}
{"title":"aiq","abstract":"hpx bjr"}
{"title":"naïve NAÏVE","abstract":"Café cafe"}
{"title":"\u212aEEP","abstract":"kee\u017f"}
{"title":"foo fighters","abstract":"foo"}
{"title":"x","abstract":"title only"}
{"title":"title only","abstract":""}
X
jq -c -f prog.tmp in.tmp | jq -c .tags >want.tmp || exit 1
ptag -N -r tricky.rules in.tmp | jq -c .tags >got.tmp || exit 1
if ! cmp -s want.tmp got.tmp; then
	paste -d ' ' want.tmp got.tmp
	exit 1
fi
rm -f prog.tmp in.tmp want.tmp got.tmp
