# A pattern that backtracks exponentially on crafted text stops at the match
# limit: the rule and the record are named, the record still goes out (with
# the tags of the other rules), the rest of the stream is tagged, status 1.
text=$(printf 'a%.0s' $(seq 1 40))
printf '{"title":"harmless %s!"}\n{"title":"harmless!"}\n' "$text" >in.tmp
start=$(date +%s)
timeout 60 ptag -N -r evil.rules <in.tmp >out.tmp 2>err.tmp
rc=$?
end=$(date +%s)
[ $rc -eq 1 ] || { echo "status $rc, expected 1"; cat err.tmp; exit 1; }
[ $((end - start)) -le 20 ] || { echo "took $((end - start)) s"; exit 1; }
want='ptag: <stdin>:1: rule evil.rules:1 (evil): field title: match limit exceeded'
[ "$(cat err.tmp)" = "$want" ] || { echo "stderr: $(cat err.tmp)"; exit 1; }
printf '{"title":"harmless %s!","tags":["fine"]}\n{"title":"harmless!","tags":["fine"]}\n' "$text" >want.tmp
cmp -s want.tmp out.tmp || { diff want.tmp out.tmp; exit 1; }
rm -f in.tmp out.tmp err.tmp want.tmp
