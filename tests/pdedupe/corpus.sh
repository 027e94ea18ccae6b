# Acceptance on the real corpus: the arXiv listings of January 2026 hold
# 6,729 records of 2,446 papers; the default key keeps exactly one record
# of each.  With the ids removed, --near catches the 9 papers whose text
# was revised between listings (the `Atlas 2` title among them).
[ -n "$SHARED" ] || { echo "no shared corpus (\$SHARED is empty)"; exit 77; }
c=$SHARED/corpus/papers.jsonl
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
jq -c 'select(.source == "arxiv-list")' "$c" >"$d/arx" || exit 1
[ "$(wc -l <"$d/arx")" -eq 6729 ] || exit 1
pdedupe "$d/arx" >"$d/out" || exit 1
[ "$(wc -l <"$d/out")" -eq 2446 ] || { echo "kept $(wc -l <"$d/out")"; exit 1; }
[ "$(jq -r .arxiv_id "$d/out" | sort -u | wc -l)" -eq 2446 ] || exit 1
# The first record of each paper, in order.
jq -r .arxiv_id "$d/arx" | awk '!seen[$0]++' >"$d/want"
jq -r .arxiv_id "$d/out" | cmp - "$d/want" || exit 1

# The revised papers: one record of each text, ids removed.
jq -sc 'group_by(.arxiv_id)[] | unique_by([.title, .abstract]) |
    select(length > 1)[] | del(.arxiv_id)' "$d/arx" >"$d/pairs"
[ "$(wc -l <"$d/pairs")" -eq 18 ] || exit 1
grep -q '"Atlas 2 - Foundation' "$d/pairs" && grep -q '"Atlas 2 -- Foundation' "$d/pairs" ||
    exit 1
# --line keys every text apart, so only --near can pair them.
pdedupe --line "$d/pairs" | cmp - "$d/pairs" || exit 1
pdedupe --line --near --stats "$d/pairs" 2>"$d/err" >"$d/out" || exit 1
[ "$(wc -l <"$d/out")" -eq 9 ] || { cat "$d/err"; exit 1; }
grep -q ' 9 near' "$d/err" || exit 1
# Each pair on its own, too.
i=1
while [ $i -le 17 ]; do
	sed -n "${i}p;$((i + 1))p" "$d/pairs" | pdedupe --line -N >"$d/one" || exit 1
	[ "$(wc -l <"$d/one")" -eq 1 ] || { echo "pair $i missed"; exit 1; }
	i=$((i + 2))
done
# All 6,729 records without their ids and keyed by line: --near alone
# brings them down to the 2,446 papers.
jq -c 'del(.arxiv_id)' "$d/arx" | pdedupe --line --near | wc -l >"$d/n"
[ "$(cat "$d/n")" -eq 2446 ] || { echo "near kept $(cat "$d/n")"; exit 1; }
# The whole corpus: 12,178 distinct papers, none merged by --near; three
# pairs of different papers sharing most of an abstract are kept apart by
# their ids (see pdedupe.1).
pdedupe -N -S "$c" 2>"$d/err" | wc -l >"$d/n"
[ "$(cat "$d/n")" -eq 12178 ] || exit 1
grep -q '(4432 seen, 0 near), 3 near but ids differ$' "$d/err" || { cat "$d/err"; exit 1; }
