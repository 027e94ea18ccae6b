# The built-in rules against topic labels a knowledgeable reader gave real
# papers ($SHARED/labels/topics-dev.jsonl), through tests/ptag/label-map.json
# (ptag tag -> label; null: not scored).  Fails under micro precision 80%,
# micro recall 75%, or a precision under 60% for a label with 5 or more
# labelled papers.  With -v (sh labels.sh -v [ptag args]): every miss.
labels=$SHARED/labels/topics-dev.jsonl
[ -n "$SHARED" ] && [ -f "$labels" ] || { echo "no \$SHARED/labels"; exit 77; }
command -v jq >/dev/null 2>&1 || { echo "jq not installed"; exit 77; }
map=${TOP:-../..}/tests/ptag/label-map.json
verbose=false
[ "$1" = -v ] && { verbose=true; shift; }
ptag "$@" <"$labels" | jq -sr --slurpfile map "$map" --argjson v "$verbose" '
	$map[0] as $m
	| map({id: .arxiv_id, title, want: .labels,
	    got: ([(.tags // [])[] | $m[.] | select(. != null)] | unique)})
	| (map(.got | length) | add) as $np
	| (map(.want | length) | add) as $nl
	| (map(.got - (.got - .want) | length) | add) as $tp
	| ([.[].want[]] | group_by(.) | map({key: .[0], value: length})
	    | from_entries) as $support
	| ([.[] | . as $p | .got[] | {l: ., ok: (. as $l | $p.want | index($l) != null)}]
	    | group_by(.l) | map({l: .[0].l, n: length,
	    ok: map(select(.ok)) | length})) as $per
	| ($tp / $np) as $P | ($tp / $nl) as $R
	| ($per | map(select(($support[.l] // 0) >= 5 and .ok / .n < 0.6)))
	    as $weak
	| (if $v then (.[] | select(.got != (.want | sort)) |
	    "\(.id)\t+\(.got - .want | join(","))\t-\(.want - .got | join(","))\t\(.title[0:60])")
	   else empty end),
	  ($per[] | "\(.l)\t\(.ok)/\(.n) right, \($support[.l] // 0) labelled"),
	  "precision \($tp)/\($np) = \($P * 1000 | round / 10)%",
	  "recall \($tp)/\($nl) = \($R * 1000 | round / 10)%",
	  (if $P < 0.8 then "FAIL: precision under 80%" else empty end),
	  (if $R < 0.75 then "FAIL: recall under 75%" else empty end),
	  ($weak[] | "FAIL: \(.l): precision \(.ok)/\(.n) under 60%")
' >labels.tmp || exit 1
cat labels.tmp
grep -q '^FAIL' labels.tmp && exit 1
rm -f labels.tmp
