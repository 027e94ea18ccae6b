# bench/psplit-arxiv.sh: psplit -f arxiv-mail on the real arXiv digests
# repeated to 100 MB, against an awk+jq script doing the same split (awk
# cuts the entries into tab-separated fields, jq builds the records; their
# titles and abstracts equal psplit's); and psplit -f csv on papers.jsonl
# as CSV against Miller reading the same CSV into JSON Lines.  Sourced by
# bench/run.sh.

if [ ! -x "$BIN/psplit" ]; then
	echo "psplit-arxiv: no psplit in $BIN; skipped"
elif [ ! -d "$SHARED/corpus/arxiv-digest" ]; then
	echo "psplit-arxiv: no ../shared/corpus/arxiv-digest; skipped"
else
	dig=$BENCHDIR/digest.txt
	if [ ! -s "$dig" ]; then
		echo "bench: building digest.txt (${BENCH_MB:-100} MB)"
		: >"$dig.tmp"
		while [ "$(wc -c <"$dig.tmp")" -lt $((${BENCH_MB:-100} * 1000000)) ]
		do
			cat "$SHARED"/corpus/arxiv-digest/*.txt >>"$dig.tmp"
		done
		mv "$dig.tmp" "$dig"
	fi
	# The first 10 MB, cut after an entry, for the slow baseline.
	if [ ! -s "$BENCHDIR/digest-small.txt" ]; then
		awk '{ print; n += length($0) + 1 }
		    n > 10000000 && /^\\\\ \( / { exit }' "$dig" \
		    >"$BENCHDIR/digest-small.txt"
	fi
	cat >"$BENCHDIR/arxiv-split.awk" <<'AWK'
# The same split as psplit -f arxiv-mail, in awk: one TSV line per entry
# (id, cross, replaced, date, title, authors, categories, comments,
# abstract, url) for jq to turn into a record.
function flush() {
	if (key == "Title") title = val
	else if (key == "Authors") authors = val
	else if (key == "Categories") cats = val
	else if (key == "Comments") comments = val
	else if (key == "Date") { date = val; sub(/ *\(.*\)$/, "", date) }
	key = ""
}
function clean(s) { gsub(/\t/, " ", s); return s }
BEGIN { st = 0 }
st == 0 { if ($0 == "\\\\") st = 1; next }
st == 1 {
	if ($0 ~ /^arXiv:/) {
		id = substr($1, 7); cross = ($0 ~ /cross-listing/); repl = 0
		date = title = authors = cats = comments = abs = url = key = ""
		st = 2
	} else st = ($0 == "\\\\")
	next
}
/^\\\\ \(/ {
	flush(); url = $3
	print id "\t" cross "\t" repl "\t" clean(date) "\t" clean(title) "\t" \
	    clean(authors) "\t" cats "\t" clean(comments) "\t" clean(abs) "\t" url
	st = 0; next
}
st == 2 {
	if ($0 == "\\\\") { flush(); st = 3 }
	else if ($0 == "") flush()
	else if ($0 ~ /^replaced with revised version /) {
		repl = 1; date = substr($0, 31); sub(/ *\(.*\)$/, "", date)
	} else if ($0 ~ /^[ \t]/) { s = $0; sub(/^[ \t]+/, "", s); val = val " " s }
	else if (match($0, /^[A-Za-z-]+: /)) {
		flush(); key = substr($0, 1, RLENGTH - 2); val = substr($0, RLENGTH + 1)
	}
	next
}
st == 3 {
	s = $0; sub(/^[ \t]+/, "", s)
	if (abs == "") abs = s
	else if ($0 ~ /^[ \t]/) abs = abs "\001" s
	else abs = abs " " s
}
AWK
	cat >"$BENCHDIR/arxiv-split.jq" <<'JQ'
split("\t") as $f
| {arxiv_id: $f[0], date: $f[3], title: $f[4],
   authors: ($f[5] | [splits(", and |, | and ")]),
   categories: ($f[6] | split(" ")), comments: $f[7],
   abstract: ($f[8] | gsub("\u0001"; "\n\n")), url: $f[9]}
| if .comments == "" then del(.comments) else . end
| if $f[1] == "1" then .cross_list = true else . end
| if $f[2] == "1" then .replaced = true else . end
JQ
	bench_time "psplit -f arxiv-mail" "$dig" psplit -f arxiv-mail
	bench_time "psplit -f arxiv-mail (10 MB)" "$BENCHDIR/digest-small.txt" \
	    psplit -f arxiv-mail
	if have jq; then
		bench_time "awk+jq arxiv-mail split (10 MB)" \
		    "$BENCHDIR/digest-small.txt" sh -c 'awk -f "$1" | jq -R -c -f "$2"' \
		    sh "$BENCHDIR/arxiv-split.awk" "$BENCHDIR/arxiv-split.jq"
		bench_ratio "psplit -f arxiv-mail" \
		    "awk+jq arxiv-mail split (10 MB)" 30
	fi
	bench_rss "psplit -f arxiv-mail" 16
	bench_rss "psplit -f arxiv-mail (10 MB)" 16

	csv=$BENCHDIR/papers.csv
	if [ ! -s "$csv" ] && have jq; then
		echo "bench: building papers.csv"
		echo 'arxiv_id,title,abstract,authors,day' >"$csv.one"
		jq -r '[.arxiv_id, .title, .abstract, (.authors | join("; ")),
		    .day] | @csv' "$SHARED/corpus/papers.jsonl" >>"$csv.one"
		cp "$csv.one" "$csv.tmp"
		while [ "$(wc -c <"$csv.tmp")" -lt $((${BENCH_MB:-100} * 1000000)) ]
		do
			tail -n +2 "$csv.one" >>"$csv.tmp"
		done
		rm -f "$csv.one"
		mv "$csv.tmp" "$csv"
	fi
	if [ -s "$csv" ]; then
		bench_time "psplit -f csv" "$csv" psplit -f csv
		if have mlr; then
			bench_time "mlr --icsv --ojsonl cat" "$csv" \
			    mlr --icsv --ojsonl cat
			bench_ratio "psplit -f csv" "mlr --icsv --ojsonl cat" 1
		fi
		bench_rss "psplit -f csv" 16
	fi
fi
