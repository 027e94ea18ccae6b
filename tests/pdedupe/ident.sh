# One paper, several identities: its arXiv id, its DOI, its title.  A copy
# known by any of them is a duplicate, in one stream and across runs, in
# either order; papers with different ids stay apart even with one title.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
ax='{"arxiv_id":"2401.00001","title":"Sparse Mixtures: for Retrieval"}'
hf='{"title":"Sparse mixtures for retrieval","upvotes":3}'
other='{"arxiv_id":"2401.00002","title":"Sparse Mixtures for Retrieval"}'
dx='{"doi":"10.1/X","title":"Proteins"}'
dxid='{"arxiv_id":"2401.00009","doi":"10.1/x"}'
printf '%s\n' "$ax" "$hf" "$other" | pdedupe >"$d/out" || exit 1
printf '%s\n' "$ax" "$other" | cmp - "$d/out" || exit 1
printf '%s\n' "$hf" "$ax" "$other" | pdedupe >"$d/out" || exit 1
printf '%s\n' "$hf" | cmp - "$d/out" || exit 1
printf '%s\n' "$dx" "$dxid" '{"arxiv_id":"2401.00009v3"}' | pdedupe >"$d/out" || exit 1
printf '%s\n' "$dx" | cmp - "$d/out" || exit 1
# Across runs, both orders.
printf '%s\n' "$ax" | pdedupe -s "$d/s1" >/dev/null || exit 1
printf '%s\n' "$hf" | pdedupe -s "$d/s1" | cmp - /dev/null || exit 1
printf '%s\n' "$hf" | pdedupe -s "$d/s2" >/dev/null || exit 1
printf '%s\n' "$ax" | pdedupe -s "$d/s2" | cmp - /dev/null || exit 1
# A record dropped by one identity teaches the others: the arXiv record
# met after the title-only copy makes its id known.
printf '%s\n' '{"arxiv_id":"2401.00001v2"}' | pdedupe -s "$d/s2" | cmp - /dev/null || exit 1
# And with --near, the exact identities still decide first.
printf '%s\n' "$ax" "$hf" | pdedupe -N >"$d/out" || exit 1
printf '%s\n' "$ax" | cmp - "$d/out" || exit 1
# A replacement (a new version: "replaced":true, from psplit) of a paper
# delivered before is a duplicate by its id.
printf '%s\n' '{"arxiv_id":"2401.00001","version":"v2","replaced":true,"title":"Sparse Mixtures for Retrieval, revised","abstract":""}' |
    pdedupe -s "$d/s1" | cmp - /dev/null
