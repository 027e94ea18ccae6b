# bench/pcount.sh: counting tags (sourced by bench/run.sh).
# Inputs, built once in $BENCHDIR: tagged.jsonl is corpus.jsonl with a
# "tags" array of 1 to 4 of 40 topics added to each record by awk (the
# same tags every run), small-tagged.jsonl its first 10 MB for the slow
# baselines, and tags10m.jsonl 10 million small records for memory.
if [ ! -s "$BENCHDIR/tagged.jsonl" ]; then
	echo "bench: building tagged.jsonl"
	awk '{
		n = 1 + NR % 4; t = ""
		for (k = 0; k < n; k++)
			t = t sprintf("%s\"topic-%02d\"", k ? "," : "",
			    (NR * 7 + k * 13) % 40)
		sub(/}$/, ",\"tags\":[" t "]}")
		print
	}' "$BENCHDIR/corpus.jsonl" >"$BENCHDIR/tagged.jsonl.tmp" &&
	    mv "$BENCHDIR/tagged.jsonl.tmp" "$BENCHDIR/tagged.jsonl"
fi
if [ ! -s "$BENCHDIR/small-tagged.jsonl" ]; then
	head -c 10000000 "$BENCHDIR/tagged.jsonl" | sed '$d' \
	    >"$BENCHDIR/small-tagged.jsonl"
fi
if [ ! -s "$BENCHDIR/tags10m.jsonl" ]; then
	echo "bench: building tags10m.jsonl"
	awk 'BEGIN {
		for (i = 0; i < 10000000; i++)
			printf "{\"tags\":[\"t%d\",\"t%d\"]}\n", i % 40,
			    (i * 7 + 3) % 40
	}' >"$BENCHDIR/tags10m.jsonl.tmp" &&
	    mv "$BENCHDIR/tags10m.jsonl.tmp" "$BENCHDIR/tags10m.jsonl"
fi

bench_time "pcount (tags)" "$BENCHDIR/tagged.jsonl" pcount
bench_time "cat" "$BENCHDIR/tagged.jsonl" cat
have jq && bench_time "jq|sort|uniq -c|sort -rn" \
    "$BENCHDIR/small-tagged.jsonl" \
    sh -c "jq -r '.tags[]' | sort | uniq -c | sort -rn"
have mlr && bench_time "mlr put -q (map of counts)" \
    "$BENCHDIR/small-tagged.jsonl" \
    mlr --ijsonl --ojson put -q \
    'if (is_array($tags)) { for (t in $tags) { @count[t] += 1 } }
    end { emit @count }'
bench_time "pcount (10M records, 40 tags)" "$BENCHDIR/tags10m.jsonl" pcount
# Trends: tags per month, the same counts both ways.
bench_time "pcount -f day:month -f tags" "$BENCHDIR/tagged.jsonl" \
    pcount -f day:month -f tags
have jq && bench_time "jq|sort|uniq -c (month, tag)" \
    "$BENCHDIR/small-tagged.jsonl" \
    sh -c "jq -r '.day[0:7] as \$m | .tags[] | \"\\(\$m)\\t\\(.)\"' |
    sort | uniq -c | sort -rn"

bench_ratio "pcount (tags)" "jq|sort|uniq -c|sort -rn" 10
bench_ratio "pcount (tags)" "mlr put -q (map of counts)" 5
bench_ratio "pcount (tags)" "cat" 0.333
bench_ratio "pcount -f day:month -f tags" "jq|sort|uniq -c (month, tag)" 20
bench_rss "pcount (10M records, 40 tags)" 16
