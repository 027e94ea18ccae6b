# bench/psplit.sh: psplit against awk paragraph mode + jq -R, and cat.
# Sourced by bench/run.sh (BENCHDIR, bench_* from lib.sh).
#
# The shell alternative does the same split: paragraphs (RS = ""), the
# page's header blocks and date line skipped, then title and abstract
# paragraphs paired, and jq -R building the same records.  It is timed on
# the first 10 MB of the page, as it is slow; speeds are MB/s, so the
# ratio is fair.
page=$BENCHDIR/page.txt
head -c 10000000 "$page" >"$BENCHDIR/page-small.txt"
bench_time "cat" "$page" cat
bench_time "psplit" "$page" psplit
if have jq; then
	bench_time "awk | jq -R (10 MB)" "$BENCHDIR/page-small.txt" sh -c '
	awk "BEGIN { RS = \"\" }
	NR <= 5 { next }
	NR == 6 { date = \$0; next }
	t == \"\" { t = \$0; next }
	{ gsub(/\n/, \" \", t); gsub(/\n/, \" \"); print t \"\t\" \$0 \"\t\" date; t = \"\" }" |
	jq -cR "split(\"\t\") | {title: .[0], abstract: .[1], date: .[2]}"'
	bench_ratio "psplit" "awk | jq -R (10 MB)" 30
fi
bench_ratio "psplit" "cat" 0.25
bench_rss "psplit" 16
