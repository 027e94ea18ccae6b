# Arrays nested 300,000 deep are exploded without running out of stack,
# and an object value that deep is counted by its compact text.
out=$(awk 'BEGIN {
	n = 300000
	printf "{\"tags\":"
	for (i = 0; i < n; i++) printf "["
	printf "\"x\""
	for (i = 0; i < n; i++) printf "]"
	printf ",\"o\":[{\"a\":"
	for (i = 0; i < n; i++) printf "[ "
	for (i = 0; i < n; i++) printf "]"
	print "}]}"
}' | pcount -o tsv) || { echo "status $?"; exit 1; }
want=$(printf 'count\ttags\n1\tx\n1\t(total: 1 record)')
[ "$out" = "$want" ] || { echo "got: $out"; exit 1; }
out=$(awk 'BEGIN {
	printf "{\"o\":[{\"a\": "
	for (i = 0; i < 300000; i++) printf "[ "
	for (i = 0; i < 300000; i++) printf "] "
	print "}]}"
}' | pcount -f o -o jsonl | head -1 | wc -c)
# {"value":{"a": (14 bytes), the brackets, },"count":1} (12) and "\n"
[ "$out" -eq $((14 + 600000 + 12 + 1)) ] || { echo "got $out bytes"; exit 1; }
