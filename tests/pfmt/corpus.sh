# The shared corpus (skipped without it): 2000 real records, with TeX,
# markup and every script they hold, read back through cmark and html5lib
# exactly; every form writes them with status 0.
[ -n "$SHARED" ] && [ -f "$SHARED/corpus/papers.jsonl" ] ||
    { echo "no shared corpus"; exit 77; }
command -v cmark >/dev/null 2>&1 || { echo "cmark not installed"; exit 77; }
/usr/bin/python3 -c 'import html5lib' 2>/dev/null ||
    { echo "python3-html5lib not installed"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
awk 'NR % 8 == 1' "$SHARED/corpus/papers.jsonl" | head -2000 >"$tmp/in"
pfmt -f md -n 0 "$tmp/in" | cmark >"$tmp/md.html" || exit 1
/usr/bin/python3 roundtrip.py md "$tmp/in" "$tmp/md.html" || exit 1
pfmt -f html -n 0 "$tmp/in" >"$tmp/html" || exit 1
/usr/bin/python3 roundtrip.py html "$tmp/in" "$tmp/html" || exit 1
for f in text mail; do
	pfmt -f $f -t a@example.org -u b@example.org -g categories -s upvotes \
	    "$tmp/in" >/dev/null || { echo "-f $f: status $?"; exit 1; }
done
