# A compact API array on one line, longer than psplit's read blocks, with
# an item (a 600 KB summary) longer than a block: every item, in order.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
awk 'BEGIN {
	printf "["
	for (i = 0; i < 3000; i++) {
		s = sprintf("Summary %d with \\\"quotes\\\" and \\\\ escapes.", i)
		if (i == 1500)
			for (j = 0; j < 20000; j++)
				s = s " thirty bytes of a long summary"
		printf "%s{\"paper\":{\"id\":\"2601.%05d\",\"title\":\"T%d [x]\",\"summary\":\"%s\",\"authors\":[{\"name\":\"A {B}\"}]},\"numComments\":%d}", (i ? "," : ""), i, i, s, i
	}
	print "]"
}' >"$tmp/api.json"
psplit "$tmp/api.json" >"$tmp/out" || exit 1
n=$(jq -s 'length' "$tmp/out")
[ "$n" -eq 3000 ] || { echo "$n records, expected 3000"; exit 1; }
bad=$(jq -r 'select(.arxiv_id != ("2601." + (.num_comments | tostring |
    ("00000" + .)[-5:])) or .title != "T\(.num_comments) [x]" or
    (.abstract | startswith("Summary \(.num_comments) with \"quotes\"") | not)
    or .authors != ["A {B}"]) | .arxiv_id' "$tmp/out" | head -3)
[ -z "$bad" ] || { echo "wrong records: $bad"; exit 1; }
len=$(jq -r 'select(.num_comments == 1500) | .abstract | length' "$tmp/out")
[ "$len" -gt 600000 ] || { echo "the long summary has $len characters"; exit 1; }
