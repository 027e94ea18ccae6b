# Digest entries that are also in papers.jsonl (its arxiv-list records, taken
# from arXiv's listing pages) have the same title after whitespace
# normalisation, and the same abstract where it holds no TeX (the listing
# shows some TeX as Unicode: $\kappa$ as κ), and the same authors, name by
# name, where they hold no TeX and are not cut short by "et al." (spaces
# aside: "J.T." there is "J. T." here).  A revised version may re-case its
# title or change its authors, so replacements compare titles without case
# and authors not at all.
[ -n "$SHARED" ] || { echo "no ../shared corpus"; exit 77; }
c=$SHARED/corpus
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
psplit -f arxiv-mail "$c"/arxiv-digest/*.txt >"$tmp/ours" || exit 1
jq -c 'select(.source == "arxiv-list")' "$c/papers.jsonl" >"$tmp/ref"
jq -n -r --slurpfile ref "$tmp/ref" '
	def norm: gsub("\\s+"; " ") | sub("^ "; "") | sub(" $"; "");
	(reduce $ref[] as $r ({}; .[$r.arxiv_id] += [$r])) as $by
	| [inputs | select($by[.arxiv_id]) | . as $o
	   | ($o.title | norm) as $t
	   | {id: $o.arxiv_id, abs: ($o.abstract | norm),
	      title_ok: any($by[$o.arxiv_id][];
	          (.title | norm) == $t or ($o.replaced and
	          (.title | norm | ascii_downcase) == ($t | ascii_downcase))),
	      abs_ok: ($o.replaced or ($o.abstract | test("\\\\")) or
	          any($by[$o.arxiv_id][]; (.abstract | norm) == ($o.abstract | norm))),
	      authors_ok: ($o.replaced or ($o.authors | tostring |
	          test("\\\\|et al\\.")) or any($by[$o.arxiv_id][];
	          (.authors | map(gsub(" "; ""))) ==
	          ($o.authors | map(gsub(" "; "")))))}]
	| "compared \(length)",
	  (.[] | select(.title_ok | not) | "title differs: \(.id)"),
	  (.[] | select(.abs_ok | not) | "abstract differs: \(.id)"),
	  (.[] | select(.authors_ok | not) | "authors differ: \(.id)")
' "$tmp/ours" >"$tmp/res"
cat "$tmp/res"
n=$(sed -n 's/^compared //p' "$tmp/res")
[ "${n:-0}" -ge 120 ] || { echo "too few papers compared: $n"; exit 1; }
! grep -q differs "$tmp/res"
