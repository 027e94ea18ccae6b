# Files are read twice (counted, then written as read); a pipe is read
# once and kept.  Both give the same output, status and messages, with bad
# records, blank lines, CRLF and no final newline among the inputs, several
# operands, and standard input named twice.  For Markdown the two clean
# abstracts apart: as read, in one pass, from a file; cleaned first, then
# escaped, from a pipe (abstract-edge.jsonl is there for that).
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cat bad.in blank.in crlf.in nonl.in >"$tmp/mixed"
for f in special.jsonl abstract-edge.jsonl papers.jsonl bad.in blank.in \
    crlf.in nonl.in "$tmp/mixed"; do
	for form in md html text; do
		pfmt -f $form -n 0 "$f" >"$tmp/file" 2>"$tmp/file.err"
		rf=$?
		pfmt -f $form -n 0 <"$f" >"$tmp/redir" 2>"$tmp/redir.err"
		rr=$?
		cat "$f" | pfmt -f $form -n 0 >"$tmp/pipe" 2>"$tmp/pipe.err"
		rp=$?
		[ $rf = $rp ] && [ $rr = $rp ] ||
		    { echo "$f -f $form: status $rf $rr $rp"; exit 1; }
		cmp -s "$tmp/file" "$tmp/pipe" && cmp -s "$tmp/redir" "$tmp/pipe" ||
		    { echo "$f -f $form: outputs differ"; diff "$tmp/file" "$tmp/pipe" | head; exit 1; }
		sed 's/<stdin>/F/' "$tmp/pipe.err" >"$tmp/p.err"
		sed "s|$f|F|" "$tmp/file.err" >"$tmp/f.err"
		cmp -s "$tmp/f.err" "$tmp/p.err" ||
		    { echo "$f -f $form: messages differ"; cat "$tmp/f.err" "$tmp/p.err"; exit 1; }
	done
done
# bad.in's messages come once each, not once per reading
n=$(pfmt bad.in 2>&1 >/dev/null | wc -l)
[ "$n" -eq 5 ] || { echo "bad.in: $n messages, want 5"; exit 1; }
# several operands, standard input among them and given twice
pfmt -f md papers.jsonl - nonl.in - <crlf.in >"$tmp/file" || exit 1
cat crlf.in | pfmt -f md papers.jsonl - nonl.in - >"$tmp/pipe" || exit 1
cmp -s "$tmp/file" "$tmp/pipe" || { echo "operands differ"; exit 1; }
grep -c '^## ' "$tmp/file" | grep -qx 8 || { echo "operands: not 8 papers"; exit 1; }
# standard input not at its start: the second reading starts where it was
(read -r _; pfmt -f md -q) <papers.jsonl >"$tmp/file"
sed 1d papers.jsonl | pfmt -f md -q >"$tmp/pipe"
cmp -s "$tmp/file" "$tmp/pipe" || { echo "stdin offset"; diff "$tmp/file" "$tmp/pipe"; exit 1; }
exit 0
