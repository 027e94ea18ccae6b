# One paper, 2610.01234, in five fetched shapes (RSS, its Atom flavour, a
# /list/ page, a search page, a Hugging Face paper page): the same
# arxiv_id, title and abstract, byte for byte, from each.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
for f in e4-rss e4-atom e5-list-new e5-search e2-paper; do
	psplit "$f.in" | jq -c 'select(.arxiv_id == "2610.01234") |
	    [.arxiv_id, .title, .abstract]' >>"$tmp/all" || exit 1
done
[ "$(wc -l <"$tmp/all")" -eq 5 ] || { echo "not 5 records:"; cat "$tmp/all"; exit 1; }
[ "$(sort -u "$tmp/all" | wc -l)" -eq 1 ] || { echo "they differ:"; cat "$tmp/all"; exit 1; }
grep -q 'A second paragraph' "$tmp/all" && grep -q '\\n\\n' "$tmp/all" || {
	echo "the paragraph break is lost"; cat "$tmp/all"; exit 1; }
