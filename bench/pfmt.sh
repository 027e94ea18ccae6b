# bench/pfmt.sh: a Markdown digest (sourced by bench/run.sh).
# pfmt -f md on corpus.jsonl against the jq program a user would write for
# the same Markdown (title linked, authors, date and upvotes, tags, code
# and project links, abstract), without any escaping, on small.jsonl.
bench_time "pfmt -f md" "$BENCHDIR/corpus.jsonl" pfmt -f md
bench_time "cat" "$BENCHDIR/corpus.jsonl" cat
have jq && bench_time "jq -r (the same Markdown, unescaped)" \
    "$BENCHDIR/small.jsonl" jq -r '
	def authors: (.authors // []) as $a | select($a | length > 0) |
	    ($a[:3] | join(", ")) + (if ($a | length) > 3 then " et al."
	    else "" end);
	"## [\(.title)](<\(.url // ("https://arxiv.org/abs/" +
	    (.arxiv_id // "")))>)\n\n" +
	([authors,
	  ([(.date // .day // empty),
	    (.upvotes // empty | "\(.) upvotes")] | select(length > 0) |
	    join(" · ")),
	  ((.tags // []) | select(length > 0) | "Tags: " + join(", ")),
	  ([(.links // [])[] | select(.kind == "code" or .kind == "project") |
	    "[\(.kind)](<\(.url)>)"] | select(length > 0) | join(" · "))] |
	 join("\\\n")) + "\n\n" + (.abstract // "") + "\n"'

bench_ratio "pfmt -f md" "jq -r (the same Markdown, unescaped)" 20
bench_ratio "pfmt -f md" "cat" 0.1
