# The real arXiv digests: exact entry and flag counts, every arxiv_id equal
# to the "arXiv:" line that opens its entry (the one after a "\\" line).
[ -n "$SHARED" ] || { echo "no ../shared corpus"; exit 77; }
d=$SHARED/corpus/arxiv-digest
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
# file  entries  new  cross-lists  replacements  replaced cross-lists
while read -r f all new cross repl both; do
	psplit -f arxiv-mail "$d/$f" >"$tmp/out" 2>"$tmp/err" || {
		echo "$f: status $?"; cat "$tmp/err"; fail=1; continue; }
	[ -s "$tmp/err" ] && { echo "$f: unexpected messages:"; cat "$tmp/err"; fail=1; }
	got=$(jq -s -r '[length,
	    (map(select((.cross_list | not) and (.replaced | not))) | length),
	    (map(select(.cross_list and (.replaced | not))) | length),
	    (map(select(.replaced and (.cross_list | not))) | length),
	    (map(select(.replaced and .cross_list)) | length)] | join(" ")' \
	    "$tmp/out")
	if [ "$got" != "$all $new $cross $repl $both" ]; then
		echo "$f: counts $got, expected $all $new $cross $repl $both"
		fail=1
	fi
	awk 'prev == "\\\\" && /^arXiv:/ { sub(/^arXiv:/, ""); print $1 }
	    { prev = $0 }' "$d/$f" >"$tmp/want"
	jq -r .arxiv_id "$tmp/out" >"$tmp/got"
	if ! cmp -s "$tmp/want" "$tmp/got"; then
		echo "$f: arxiv_id differs from the entries' arXiv: lines"
		diff "$tmp/want" "$tmp/got" | head -5
		fail=1
	fi
	# Every record is whole: title, authors, categories and url set; an
	# abstract exactly when the entry is not a replacement.
	bad=$(jq -r 'select((.title | length) == 0 or (.authors | length) == 0
	    or (.categories | length) == 0
	    or .url != "https://arxiv.org/abs/" + .arxiv_id
	    or ((.abstract == "") != (.replaced == true))) | .arxiv_id' \
	    "$tmp/out" | head -3)
	[ -z "$bad" ] || { echo "$f: incomplete records: $bad"; fail=1; }
done <<'END'
cs-2026-01-20.txt 1141 345 362 385 49
cs-2026-01-22.txt 382 116 109 140 17
cs-2026-01-23-excerpt.txt 10 10 0 0 0
END
exit $fail
