# A reader that goes away early is normal: no message.  The table is large
# (60000 distinct values), so pcount does write into the closed pipe.
# `yes '{}' | pcount` never ends, as pcount prints only at the end of input.
out=$(yes '{}' | head -n 1000 | pcount 2>err.tmp | head -1)
[ "$out" = "count  tags" ] || { echo "yes: got '$out'"; exit 1; }
[ -s err.tmp ] && { cat err.tmp; rm -f err.tmp; exit 1; }
out=$(awk 'BEGIN { for (i = 0; i < 60000; i++) printf "{\"tags\":[%d]}\n", i }' |
    pcount 2>err.tmp | head -1)
[ "$out" = "count  tags" ] || { echo "big: got '$out'"; exit 1; }
if [ -s err.tmp ]; then cat err.tmp; rm -f err.tmp; exit 1; fi
rm -f err.tmp
