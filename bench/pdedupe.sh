# pdedupe: dedupe by the paper's identity against Miller and jq + awk,
# --near's speed, and memory per distinct key on 10 million keys.
# Sourced by bench/run.sh.

c=$BENCHDIR/corpus.jsonl
s=$BENCHDIR/small.jsonl

bench_time "pdedupe" "$c" pdedupe
if have mlr; then
	bench_time "mlr head -n 1 -g title" "$s" \
	    mlr --ijsonl --ojsonl head -n 1 -g title
fi
if have jq; then
	# What a user would write: jq pulls the key out of each record, awk
	# keeps the first record of each key.  Two spellings: jq printing key
	# and record on one line, and jq printing only keys, paired with the
	# records by paste.
	bench_time "jq+awk (key and record)" "$s" sh -c \
	    'jq -r "[(.arxiv_id // .title), tojson] | @tsv" |
	    awk -F "\t" "!seen[\$1]++ { print \$2 }"'
	bench_time "jq+awk (keys, paste)" "$s" sh -c \
	    'jq -r ".arxiv_id // .title" "$0" | paste - "$0" |
	    awk -F "\t" "!seen[\$1]++" | cut -f 2-' "$s"
fi
bench_ratio "pdedupe" "mlr head -n 1 -g title" 8
bench_ratio "pdedupe" "jq+awk (key and record)" 50
bench_ratio "pdedupe" "jq+awk (keys, paste)" 50

# --near on the corpus (its repeats are dropped by key before any sketch),
# and on records that are all different papers, where every one is
# sketched and compared.
bench_time "pdedupe --near" "$c" pdedupe --near
if [ ! -s "$BENCHDIR/distinct.jsonl" ]; then
	pdedupe "$c" >"$BENCHDIR/distinct.jsonl"
fi
bench_time "pdedupe --near (all distinct)" "$BENCHDIR/distinct.jsonl" \
    pdedupe --near
awk -F '\t' '$1 ~ /^pdedupe --near/ { printf "  %-58s %8.1f MB/s (target >= 100) %s\n",
    $1, $2, ($2 >= 100 ? "met" : "MISSED") }' "$BENCHDIR/results.tsv"

# Memory per distinct key: 10 million titles, each new.
if [ ! -s "$BENCHDIR/keys10m.jsonl" ]; then
	awk 'BEGIN { for (i = 0; i < 10000000; i++)
	    printf "{\"title\":\"paper %d\"}\n", i }' >"$BENCHDIR/keys10m.jsonl"
fi
_runs=$BENCH_RUNS
BENCH_RUNS=1
bench_time "pdedupe 10M distinct keys" "$BENCHDIR/keys10m.jsonl" pdedupe
rm -f "$BENCHDIR/pdedupe.state"
bench_time "pdedupe --state, 10M new keys" "$BENCHDIR/keys10m.jsonl" \
    pdedupe --state "$BENCHDIR/pdedupe.state"
bench_time "pdedupe --state, 10M keys again" "$BENCHDIR/keys10m.jsonl" \
    pdedupe --state "$BENCHDIR/pdedupe.state"
BENCH_RUNS=$_runs
bench_rss "pdedupe 10M distinct keys" 320
awk -F '\t' '$1 ~ /^pdedupe.*10M/ { printf "  %-58s %8.1f bytes/key (target <= 32) %s\n",
    $1 " memory", $3 * 1024 / 1e7, ($3 * 1024 / 1e7 <= 32 ? "met" : "MISSED") }' \
    "$BENCHDIR/results.tsv"
# Memory per distinct paper with several identities: 10 million papers,
# each with an arXiv id and a title (two keys each).
if [ ! -s "$BENCHDIR/papers10m.jsonl" ]; then
	awk 'BEGIN { for (i = 0; i < 10000000; i++)
	    printf "{\"arxiv_id\":\"%02d%02d.%05d\",\"title\":\"paper %d\"}\n",
	        10 + int(i / 1200000), 1 + int(i / 100000) % 12, i % 100000, i }' \
	    >"$BENCHDIR/papers10m.jsonl"
fi
_runs=$BENCH_RUNS
BENCH_RUNS=1
bench_time "pdedupe 10M papers, id and title" "$BENCHDIR/papers10m.jsonl" pdedupe
BENCH_RUNS=$_runs
awk -F '\t' '$1 ~ /^pdedupe 10M papers/ { printf "  %-58s %8.1f bytes/paper (target < 48) %s\n",
    $1 " memory", $3 * 1024 / 1e7, ($3 * 1024 / 1e7 < 48 ? "met" : "MISSED") }' \
    "$BENCHDIR/results.tsv"
ls -l "$BENCHDIR/pdedupe.state" | awk '{ printf "  state file for 10M keys: %.1f MB\n", $5 / 1e6 }'
rm -f "$BENCHDIR/pdedupe.state"
