# The HTML document parsed by html5lib with every parse error fatal: each
# title, link, author list and abstract comes back exactly.
/usr/bin/python3 -c 'import html5lib' 2>/dev/null ||
    { echo "python3-html5lib not installed"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
for f in special.jsonl papers.jsonl; do
	pfmt -f html -n 0 "$f" >"$tmp/html" || { echo "$f: status $?"; exit 1; }
	/usr/bin/python3 roundtrip.py html "$f" "$tmp/html" || exit 1
done
