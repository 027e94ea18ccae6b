# The Markdown read back by cmark (CommonMark's reference parser) and an
# HTML5 parser: every title, author and link exactly as in the records,
# whatever TeX, Markdown or HTML specials, scripts and sizes they hold.
command -v cmark >/dev/null 2>&1 || { echo "cmark not installed"; exit 77; }
/usr/bin/python3 -c 'import html5lib' 2>/dev/null ||
    { echo "python3-html5lib not installed"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
for f in special.jsonl papers.jsonl; do
	pfmt -f md -n 0 "$f" >"$tmp/md" || { echo "$f: pfmt status $?"; exit 1; }
	cmark "$tmp/md" >"$tmp/html" || exit 1
	/usr/bin/python3 roundtrip.py md "$f" "$tmp/html" || exit 1
done
# grouped: the papers are under ### headings, still each title once
pfmt -f md -g tags -1 special.jsonl | cmark >"$tmp/html" || exit 1
n=$(grep -c '^<h3>' "$tmp/html")
[ "$n" -eq 8 ] || { echo "grouped: $n papers"; exit 1; }
