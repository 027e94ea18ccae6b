# bench/scale.sh: the recipes of paperpipe(7) "Scale" against their serial
# pipelines on corpus.jsonl (sourced by bench/run.sh).  Each must be faster:
# GNU parallel --pipepart lets each job read its own part of the file.
if have parallel; then
	big=$BENCHDIR/corpus.jsonl
	pp="parallel --pipepart -a $big --block -1"
	bench_time "serial plinks|ptag" "$big" \
	    sh -c "plinks '$big' | ptag"
	bench_time "parallel plinks|ptag" "$big" \
	    sh -c "$pp -k 'plinks | ptag'"
	bench_time "serial ptag|pcount" "$big" \
	    sh -c "ptag '$big' | pcount"
	bench_time "parallel ptag|pcount, --merge" "$big" \
	    sh -c "$pp 'ptag | pcount -o jsonl' | pcount --merge"
	bench_time "serial ptag|pcount -r month,tag" "$big" \
	    sh -c "ptag '$big' | pcount -r -f day:month -f tags -n 3"
	bench_time "parallel ... --merge -r -n 3" "$big" \
	    sh -c "$pp 'ptag | pcount -o jsonl -r -f day:month -f tags' |
	    pcount --merge -r -n 3"
	bench_ratio "parallel plinks|ptag" "serial plinks|ptag" 1.1
	bench_ratio "parallel ptag|pcount, --merge" \
	    "serial ptag|pcount" 1.1
	bench_ratio "parallel ... --merge -r -n 3" \
	    "serial ptag|pcount -r month,tag" 1.1
else
	echo "bench: GNU parallel not installed; scale rows skipped"
fi
