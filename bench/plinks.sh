# bench/plinks.sh: plinks against jq and ripgrep on the records corpus
# (sourced by bench/run.sh).  plinks does the whole job: it validates each
# record, finds URLs with and without a scheme, arXiv ids and DOIs in the
# title and abstract, classifies them and writes every record back; jq and
# rg only pull out "https?://\S+".
bench_time "plinks" "$BENCHDIR/corpus.jsonl" plinks
bench_time "plinks --each -k code" "$BENCHDIR/corpus.jsonl" plinks --each -k code
if have rg; then
	bench_time "rg -o 'https?://\S+'" "$BENCHDIR/corpus.jsonl" \
	    rg -o 'https?://\S+'
	bench_ratio "plinks" "rg -o 'https?://\S+'" 0.5
fi
if have jq; then
	bench_time "jq .links=[.abstract|scan(...)]" "$BENCHDIR/small.jsonl" \
	    jq -c '.links=[.abstract|scan("https?://\\S+")]'
	bench_ratio "plinks" "jq .links=[.abstract|scan(...)]" 30
fi
bench_rss "plinks" 16
