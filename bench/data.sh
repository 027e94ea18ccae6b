#!/bin/sh
# Build the benchmark inputs once (deterministic; kept between runs):
#   page.txt      a Daily Papers page of >= 100 MB: the sample page's papers
#                 repeated with numbered title variants
#   corpus.jsonl  >= 100 MB of records: ../shared/corpus/papers.jsonl
#                 repeated, or psplit's records of page.txt without it
#   small.jsonl   the first 10 MB of corpus.jsonl, for slow baselines
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$BENCHDIR" || exit 1
MB=${BENCH_MB:-100}
if [ ! -s page.txt ]; then
	echo "bench: building page.txt ($MB MB)"
	awk -v want=$((MB * 1000000)) '
	NR <= 12 { head = head $0 "\n"; next }      # header and date line
	NF { body[++n] = $0 }
	END {
		printf "%s", head; size = length(head)
		for (r = 1; size < want; r++)
			for (i = 1; i <= n; i += 2) {
				t = body[i]; a = body[i + 1]
				if (r > 1) t = t " (variant " r ")"
				printf "%s\n\n%s\n\n", t, a
				size += length(t) + length(a) + 4
			}
	}' "$top/examples/sample-sep4.txt" >page.txt.tmp && mv page.txt.tmp page.txt
fi
if [ ! -s corpus.jsonl ]; then
	echo "bench: building corpus.jsonl"
	if [ -f "$SHARED/corpus/papers.jsonl" ]; then
		src=$SHARED/corpus/papers.jsonl
		: >corpus.jsonl.tmp
		while [ "$(wc -c <corpus.jsonl.tmp)" -lt $((MB * 1000000)) ]; do
			cat "$src" >>corpus.jsonl.tmp
		done
	else
		"$BIN/psplit" page.txt >corpus.jsonl.tmp || exit 1
	fi
	mv corpus.jsonl.tmp corpus.jsonl
fi
if [ ! -s small.jsonl ]; then
	head -c 10000000 corpus.jsonl | sed '$d' >small.jsonl
fi
