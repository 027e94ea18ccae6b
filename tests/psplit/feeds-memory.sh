# Feeds are streamed: ten times the entries (Atom, RSS, a /list/ page, an
# API array) take no more memory beyond a small margin.
[ -x /usr/bin/time ] || { echo "no /usr/bin/time (make bench-deps)"; exit 77; }
# (AddressSanitizer's quarantine of freed memory would grow with them.)
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=1
export ASAN_OPTIONS
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# make NAME START-TAG END-TAG COUNT: the fixture NAME.in with its first
# START..END element repeated COUNT times
make() {
	awk -v s="$2" -v e="$3" -v n="$4" '
	!done && index($0, s) { inel = 1 }
	inel { el = el $0 "\n"; if (index($0, e)) { inel = 0; done = 1
		for (i = 0; i < n; i++) printf "%s", el }; next }
	done && index($0, s) { skip = 1 }
	skip { if (index($0, e)) skip = 0; next }
	{ print }' "$1.in"
}
rss() {
	/usr/bin/time -f %M -o "$tmp/rss" psplit "$1" >"$tmp/out" || exit 1
	tail -1 "$tmp/rss"
}
fail=0
for t in "e4-atom <a:entry> </a:entry>" "e4-rss <item> </item>" \
    "e5-list-old <dt> </dd>"; do
	set -- $t
	make "$1" "$2" "$3" 2000 >"$tmp/small"
	make "$1" "$2" "$3" 20000 >"$tmp/big"
	small=$(rss "$tmp/small")
	n=$(wc -l <"$tmp/out")
	big=$(rss "$tmp/big")
	m=$(wc -l <"$tmp/out")
	[ "$m" -eq $((n * 10)) ] || { echo "$1: $m records, expected $((n * 10))"; fail=1; }
	if [ "$big" -gt $((small + 2048)) ]; then
		echo "$1: $small KB for 2000 entries, $big KB for 20000"
		fail=1
	fi
done
exit $fail
