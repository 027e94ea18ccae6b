# A reader that goes away early is normal: no message.  pfmt writes only
# at the end of input, so the input is finite, and large enough that it
# writes into the closed pipe.
out=$(yes '{"title":"x"}' | head -n 200000 | pfmt -f md 2>err.tmp | head -1)
[ "$out" = "# Papers" ] || { echo "got '$out'"; exit 1; }
if [ -s err.tmp ]; then cat err.tmp; rm -f err.tmp; exit 1; fi
rm -f err.tmp
