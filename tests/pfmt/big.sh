# No arbitrary limits: a record with a 20 MB abstract is written whole.
# Memory: 40 MB of records in a file are written in a few MB (the file is
# read twice), and from a pipe they are kept, and still all written.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
awk 'BEGIN { printf "{\"title\":\"Big\",\"abstract\":\""
	for (i = 0; i < 2000000; i++) printf "word%04d. ", i % 10000
	print "\"}" }' >"$tmp/big.jsonl"
pfmt -f md -q "$tmp/big.jsonl" >"$tmp/out" || { echo "status $?"; exit 1; }
# "## Big", a blank line, the abstract without its last space, a blank line
n=$(wc -c <"$tmp/out")
[ "$n" -eq 20000009 ] || { echo "big record: $n bytes"; exit 1; }
awk 'BEGIN { for (i = 0; i < 40000; i++)
	printf "{\"title\":\"Paper %d\",\"date\":\"Sep %d\",\"abstract\":\"%0900d\"}\n", i, i % 28 + 1, i }' \
    >"$tmp/many.jsonl"
[ -x /usr/bin/time ] || { echo "no /usr/bin/time"; exit 77; }
/usr/bin/time -f %M -o "$tmp/rss" pfmt -f md "$tmp/many.jsonl" >"$tmp/out" ||
    exit 1
kb=$(tail -1 "$tmp/rss")
[ "$kb" -lt 30000 ] || { echo "file: $kb KB resident"; exit 1; }
head -3 "$tmp/out" | tail -1 | grep -qx '40000 papers, Sep 1 – Sep 28' ||
    { head -3 "$tmp/out"; exit 1; }
n=$(grep -c '^## ' "$tmp/out")
[ "$n" -eq 40000 ] || { echo "file: $n papers"; exit 1; }
n=$(cat "$tmp/many.jsonl" | pfmt -f md | grep -c '^## ')
[ "$n" -eq 40000 ] || { echo "pipe: $n papers"; exit 1; }
