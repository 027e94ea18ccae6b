# bench/ptag.sh: ptag's built-in rules against the same rules run by jq
# (test() calls, generated from `ptag --list`) and by ripgrep (rg -c -f with
# the same patterns).  Sourced by bench/run.sh.

ptag --list >"$BENCHDIR/ptag.rules" || return 1
awk -f "$top/bench/ptag-rg.awk" "$BENCHDIR/ptag.rules" >"$BENCHDIR/ptag.rg"
awk -f "$top/bench/ptag-jq.awk" "$BENCHDIR/ptag.rules" >"$BENCHDIR/ptag.jq"

bench_time "ptag" "$BENCHDIR/corpus.jsonl" ptag
bench_time "ptag --only llm" "$BENCHDIR/corpus.jsonl" ptag --only llm
if have rg; then
	bench_time "rg -c (same patterns)" "$BENCHDIR/corpus.jsonl" \
	    rg -c --engine auto -f "$BENCHDIR/ptag.rg"
	bench_ratio "ptag" "rg -c (same patterns)" 0.25
fi
if have jq; then
	# About 0.1 MB/s: one run on small.jsonl takes minutes already.
	_runs=$BENCH_RUNS
	BENCH_RUNS=1
	bench_time "jq test() (same rules)" "$BENCHDIR/small.jsonl" \
	    jq -c -f "$BENCHDIR/ptag.jq"
	BENCH_RUNS=$_runs
	bench_ratio "ptag" "jq test() (same rules)" 100
fi
bench_rss "ptag" 50
