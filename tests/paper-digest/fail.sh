# Every stage's failure fails the job with that stage's message, mails
# nothing and commits nothing: a source psplit finds no paper in (the site
# changed shape), one that cannot be read or fetched, a mail command that
# fails.  Nothing on topic: no mail, status 0, and nothing owed after.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
job="$TOP/examples/paper-digest"
printf 'cat >>"%s/box"\n' "$d" >"$d/mailer"
run() {
	sh "$job" -P -T me@example.org -t llm -s "$d/s/seen" -m "sh $d/mailer" "$@" \
	    >"$d/out" 2>"$d/err"
}
expect() {	# expect STATUS 'last message'
	rc=$?
	[ $rc -eq "$1" ] || { echo "status $rc, expected $1"; cat "$d/err"; exit 1; }
	[ "$(tail -1 "$d/err")" = "$2" ] || { echo "message:"; cat "$d/err"; exit 1; }
	[ ! -e "$d/box" ] || { echo "mailed"; exit 1; }
}
printf 'Daily Papers\n\nnothing but a changed page\n' >"$d/changed.txt"
run "$d/changed.txt" hf-a.txt
expect 1 "paper-digest: psplit $d/changed.txt failed (status 1)"
grep -q "^psplit: $d/changed.txt: no papers found" "$d/err" || { cat "$d/err"; exit 1; }
[ ! -e "$d/s/seen" ] || [ -z "$("$BIN/pdedupe" -s "$d/s/seen" -p)" ] || exit 1
run "$d/nosuch.txt"
expect 1 "paper-digest: $d/nosuch.txt: cannot read"
run http://127.0.0.1:1/listing.txt
expect 1 "paper-digest: fetching http://127.0.0.1:1/listing.txt failed (status 7)"
# The mail command fails: its message, then the job's.
printf 'echo "sendmail: no route" >&2; exit 69\n' >"$d/badmail"
sh "$job" -P -T me@example.org -t llm -s "$d/s/seen" -m "sh $d/badmail" hf-a.txt 2>"$d/err"
rc=$?
[ $rc -eq 1 ] && [ "$(head -1 "$d/err")" = "sendmail: no route" ] ||
    { echo "status $rc"; cat "$d/err"; exit 1; }
grep -q "failed (status 69): nothing committed, the 3 papers are mailed by the next run$" "$d/err" ||
    { cat "$d/err"; exit 1; }
[ "$("$BIN/pdedupe" -s "$d/s/seen" -p | wc -l)" -eq 3 ] || exit 1
# Nothing on topic: no mail, status 0, and the off-topic papers are not
# owed any more.
sh "$job" -P -T me@example.org -t finance-law -s "$d/s2/seen" -m "sh $d/mailer" hf-b.txt 2>"$d/err" ||
    { cat "$d/err"; exit 1; }
[ ! -e "$d/box" ] && [ ! -s "$d/err" ] || { echo "mailed"; exit 1; }
"$BIN/pdedupe" -s "$d/s2/seen" -p | cmp - /dev/null || exit 1
# Nothing new (those papers were handled, though off the topics then): no
# mail either.
sh "$job" -P -T me@example.org -t llm -s "$d/s2/seen" -m "sh $d/mailer" hf-b.txt 2>"$d/err" ||
    { cat "$d/err"; exit 1; }
[ ! -e "$d/box" ] && [ ! -s "$d/err" ] || { echo "mailed"; exit 1; }
# A bad option or none: usage, status 2.
sh "$job" -x hf-a.txt 2>"$d/err"; [ $? -eq 2 ] || exit 1
grep -q '^usage: paper-digest ' "$d/err" || exit 1
sh "$job" -T me 2>/dev/null; [ $? -eq 2 ] || exit 1
sh "$job" -T me -t 'a b' hf-a.txt 2>/dev/null; [ $? -eq 2 ] || exit 1
# A misspelt topic is no day without papers: the job fails, ptag says why,
# and nothing is mailed.
rm -f "$d/box"
sh "$job" -P -T me@example.org -t rust -s "$d/s3/seen" -m "sh $d/mailer" hf-b.txt 2>"$d/err"
[ $? -ne 0 ] || { echo "a misspelt topic did not fail"; exit 1; }
grep -q "ptag: -o rust: unknown tag" "$d/err" || { cat "$d/err"; exit 1; }
[ ! -e "$d/box" ] || { echo "mailed"; exit 1; }
