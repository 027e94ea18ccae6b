# Seven simulated days of the digest job: listings from arXiv digests and
# Hugging Face page copies (title only) that overlap, replacements, a mail
# command that fails on two days and once mid-way through a message, and
# a run killed with SIGKILL while mailing.  In the end every on-topic paper
# was mailed exactly once and none twice, as computed here independently
# (jq and awk) from the inputs.  With $SHARED, real listings join in.
command -v jq >/dev/null 2>&1 || { echo "no jq"; exit 77; }
command -v setsid >/dev/null 2>&1 || { echo "no setsid"; exit 77; }
d=$(mktemp -d) || exit 1
trap '[ -n "$KEEP" ] || rm -rf "$d"' EXIT
here=$(pwd)
job="$TOP/examples/paper-digest"
box=$d/box
mkdir "$box"
# The mail command: MODE ok delivers the message whole (one file, moved
# into place), fail delivers nothing, midway reads part and fails, hang
# waits to be killed.
cat >"$d/mailer" <<'EOT'
mode=$(cat "$MAILMODE")
case $mode in
ok)	cat >"$BOX/.new" && mv "$BOX/.new" "$BOX/$(date +%s%N).mail" ;;
fail)	cat >/dev/null; echo "mailer: connection refused" >&2; exit 75 ;;
midway)	head -c 300 >/dev/null; echo "mailer: lost the connection" >&2; exit 1 ;;
hang)	: >"$BOX/../hanging"; sleep 60; cat >"$BOX/.new" && mv "$BOX/.new" "$BOX/late.mail" ;;
esac
EOT
MAILMODE=$d/mode BOX=$box
export MAILMODE BOX
# Each day's sources, in order.
day1="$here/hf-a.txt"
day2="$here/digest-a.txt"
day3="$here/digest-a.txt $here/digest-b.txt"
day4="$here/hf-b.txt"
day5="$here/digest-b.txt $here/hf-b.txt"
day6="$here/hf-a.txt"
day7="$here/hf-a.txt $here/hf-b.txt $here/digest-a.txt $here/digest-b.txt"
if [ -n "$SHARED" ]; then
	c=$SHARED/corpus
	head -400 "$c/papers.jsonl" >"$d/p1.jsonl"
	sed -n '300,700p' "$c/papers.jsonl" >"$d/p2.jsonl"
	day1="$day1 $c/arxiv-digest/cs-2026-01-20.txt $c/pages/sample-sep4.txt"
	day2="$day2 $c/pages/hf-2024-06-18.txt $d/p1.jsonl"
	day3="$day3 $c/arxiv-digest/cs-2026-01-22.txt"
	day4="$day4 $c/pages/hf-2025-03-11.txt $c/arxiv-digest/cs-2026-01-20.txt"
	day5="$day5 $c/pages/hf-2025-09-30.txt $d/p2.jsonl"
	day6="$day6 $c/arxiv-digest/cs-2026-01-23-excerpt.txt $c/pages/hf-2026-06-02.txt"
	day7="$day7 $c/pages/hf-2024-06-18.txt $d/p1.jsonl $d/p2.jsonl"
fi
run() {		# run MODE SOURCES...: one day's job
	echo "$1" >"$d/mode"
	shift
	sh "$job" -P -T me@example.org -f job@example.org -t llm,agents \
	    -s "$d/state/seen" -m "sh $d/mailer" "$@" 2>>"$d/log"
}
# Day 1: mailed.  Day 2: the mail fails.  Day 3: mailed, day 2's papers
# first.  Day 4: fails mid-way.  Day 5: killed while mailing.  Day 6:
# fails.  Day 7: mailed, all that is owed.
run ok $day1 || { cat "$d/log"; exit 1; }
[ -d "$d/state" ] || { echo "state folder not made"; exit 1; }
run fail $day2 && { echo "day 2 should fail"; exit 1; }
grep -q "mail command 'sh $d/mailer' failed (status 75)" "$d/log" || { cat "$d/log"; exit 1; }
run ok $day3 || { cat "$d/log"; exit 1; }
run midway $day4 && { echo "day 4 should fail"; exit 1; }
echo hang >"$d/mode"
setsid sh "$job" -P -T me@example.org -f job@example.org -t llm,agents \
    -s "$d/state/seen" -m "sh $d/mailer" $day5 2>>"$d/log" &
pid=$!
n=0
until [ -e "$d/hanging" ]; do
	n=$((n + 1)); [ $n -lt 300 ] || { echo "day 5 never mailed"; exit 1; }
	sleep 0.1
done
kill -9 "-$pid"
wait $pid 2>/dev/null
sleep 0.2
[ ! -e "$box/late.mail" ] || { echo "killed mail delivered"; exit 1; }
run fail $day6 && { echo "day 6 should fail"; exit 1; }
run ok $day7 || { cat "$d/log"; exit 1; }
"$BIN/pdedupe" -s "$d/state/seen" -p | cmp - /dev/null || { echo "still owed"; exit 1; }
# A rerun mails nothing.
n=$(ls "$box" | wc -l)
run ok $day7 || exit 1
[ "$(ls "$box" | wc -l)" -eq "$n" ] || { echo "a rerun mailed"; exit 1; }

# What should have been mailed: every paper (its arXiv id, else the id of
# a record with the same title, else its title) whose first record, over
# the days in order, is on topic; replacements left out.
for s in $day1 $day2 $day3 $day4 $day5 $day6 $day7; do
	case $s in *.jsonl) cat "$s" ;; *) psplit "$s" ;; esac
done | jq -c 'select(.replaced != true)' | ptag |
    jq -r '[(.arxiv_id // ""), (.title // "" | ascii_downcase |
        gsub("[^a-z0-9]+"; " ") | ltrimstr(" ") | rtrimstr(" ")),
        ((.tags // []) | map(select(. == "llm" or . == "agents")) | length)]
        | @tsv' >"$d/all"
awk -F '\t' '
    NR == FNR { if ($1 != "") { if (($2 in tid) && tid[$2] != $1) amb[$2] = 1; tid[$2] = $1 }; next }
    { c = $1 != "" ? "a:" $1 : ($2 in tid) ? "a:" tid[$2] : "t:" $2
      if ($1 == "" && ($2 in amb)) { print "ambiguous title: " $2 > "/dev/stderr"; bad = 1 }
      if (!(c in first)) { first[c] = $3 > 0; if ($3 > 0) print c } }
    END { exit bad }' "$d/all" "$d/all" | sort >"$d/want" || exit 1
# What was mailed: each paper of each mail, by its link or title.
for m in "$box"/*.mail; do
	awk 'BEGIN { RS = ""; FS = "\n" } NR > 2 {
	    id = ""
	    for (i = 2; i <= NF; i++)
	        if ($i ~ /^  https:\/\/arxiv.org\/abs\//) { id = $i; sub(/^  https:\/\/arxiv.org\/abs\//, "", id) }
	    if (id != "") print "a\t" id; else print "t\t" $1 }' "$m"
done | while IFS='	' read -r kind v; do
	if [ "$kind" = a ]; then echo "a:$v"; else
		t=$(printf '%s' "$v" | tr 'A-Z' 'a-z' | sed 's/[^a-z0-9][^a-z0-9]*/ /g; s/^ //; s/ $//')
		id=$(awk -F '\t' -v t="$t" '$1 != "" && $2 == t { print $1; exit }' "$d/all")
		if [ -n "$id" ]; then echo "a:$id"; else echo "t:$t"; fi
	fi
done | sort >"$d/got"
dups=$(uniq -d "$d/got")
[ -z "$dups" ] || { echo "mailed twice:"; echo "$dups"; exit 1; }
if ! cmp -s "$d/want" "$d/got"; then
	echo "mailed papers differ (< should have been mailed, > mailed):"
	diff "$d/want" "$d/got" | head -20
	exit 1
fi
echo "$(wc -l <"$d/want") papers, each mailed once in $(ls "$box" | wc -l) mails"
