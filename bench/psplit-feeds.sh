# bench/psplit-feeds.sh: psplit on what cron jobs fetch.  A 100 MB Hugging
# Face API array (the real items of shared/corpus/feeds, repeated) against
# jq picking the same fields (timed on a 20 MB array of the same items, as
# it is slow and holds the whole document; speeds are MB/s), and a 100 MB
# arXiv API Atom feed (real entries repeated) for its speed.  Peak memory
# must stay small for both: the readers hold one item or entry at a time.
# Sourced by bench/run.sh.

if [ ! -x "$BIN/psplit" ]; then
	echo "psplit-feeds: no psplit in $BIN; skipped"
elif [ ! -d "$SHARED/corpus/feeds" ]; then
	echo "psplit-feeds: no ../shared/corpus/feeds; skipped"
else
	mb=${BENCH_MB:-100}
	api=$BENCHDIR/hf-api.json atom=$BENCHDIR/arxiv-api.xml
	if [ ! -s "$api" ]; then
		echo "bench: building hf-api.json ($mb MB) and arxiv-api.xml"
		jq -c '.[]' "$SHARED"/corpus/feeds/hf-api-*.json >"$api.items"
		: >"$api.tmp"
		while [ "$(wc -c <"$api.tmp")" -lt $((mb * 1000000)) ]; do
			cat "$api.items" "$api.items" "$api.items" "$api.items" \
			    >>"$api.tmp"
		done
		{ echo '['; sed '$!s/$/,/' "$api.tmp"; echo ']'; } >"$api"
		{ echo '['; head -c 20000000 "$api.tmp" | sed '$d' |
		    sed '$!s/$/,/'; echo ']'; } >"$api.small"
		rm -f "$api.tmp" "$api.items"
		f=$SHARED/corpus/feeds/arxiv-api-q_testing.xml
		sed -n '1,/<entry>/p' "$f" | sed '$d' >"$atom"
		sed -n '/<entry>/,/<\/entry>/p' "$f" >"$atom.entries"
		for i in 1 2 3 4 5 6 7 8; do cat "$atom.entries"; done \
		    >"$atom.block"
		while [ "$(wc -c <"$atom")" -lt $((mb * 1000000)) ]; do
			cat "$atom.block" "$atom.block" "$atom.block" >>"$atom"
		done
		echo '</feed>' >>"$atom"
		rm -f "$atom.entries" "$atom.block"
	fi
	bench_time "psplit (hf-api)" "$api" psplit
	if have jq; then
		bench_time "jq -c '.[] | {...}' (20 MB)" "$api.small" jq -c \
		    '.[] | {arxiv_id: .paper.id, title: .paper.title,
		    abstract: .paper.summary, authors: [.paper.authors[].name],
		    published: .paper.publishedAt, upvotes: .paper.upvotes}'
		bench_ratio "psplit (hf-api)" "jq -c '.[] | {...}' (20 MB)" 20
	fi
	bench_rss "psplit (hf-api)" 32
	bench_time "psplit (arxiv-atom)" "$atom" psplit
	awk -F '\t' '$1 == "psplit (arxiv-atom)" { v = $2 } END {
		printf "  %-58s %8.1f MB/s (target >= 50) %s\n",
		    "psplit (arxiv-atom) speed", v, (v >= 50 ? "met" : "MISSED") }' \
	    "$BENCHDIR/results.tsv"
	bench_rss "psplit (arxiv-atom)" 32
fi
