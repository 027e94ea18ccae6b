# -n shows the mail and changes nothing; -R keeps replacements of papers
# never seen; sources fetched by URL; two runs at once never overlap, and
# between them every paper is mailed once.
d=$(mktemp -d) || exit 1
trap 'kill $srv 2>/dev/null; rm -rf "$d"' EXIT
job="$TOP/examples/paper-digest"
cat >"$d/mailer" <<'EOT'
sleep "${SLOW:-0}"
cat >"$BOX/.new.$$" && mv "$BOX/.new.$$" "$BOX/$$.mail"
EOT
BOX=$d/box
export BOX
mkdir "$BOX"
j() { sh "$job" -P -T me@example.org -t llm,agents -m "sh $d/mailer" "$@"; }
# -n: the mail on standard output, nothing sent, no state changed.
j -n -s "$d/s/seen" digest-a.txt >"$d/out" || exit 1
grep -q '^Subject: Papers for .*: 3 new$' "$d/out" || { cat "$d/out"; exit 1; }
grep -c '^  https://arxiv.org/abs/' "$d/out" | grep -qx 3 || exit 1
[ -z "$(ls "$BOX")" ] || exit 1
[ ! -s "$d/s/seen" ] || [ -z "$("$BIN/pdedupe" -s "$d/s/seen" -p)" ] || exit 1
# The plain mail decodes the records' strings.
printf '%s\n' '{"title":"Agents \"in\"\nthe caf\u00e9","authors":["A","B","C","D"],"url":"https://x.org/p"}' >"$d/one.jsonl"
sh "$job" -n -P -T me -t agents -s "$d/p/seen" "$d/one.jsonl" | sed '1,/^$/d' >"$d/body" || exit 1
printf '1 new papers.\n\nAgents "in" the caf\303\251\n  A, B, C et al.\n  https://x.org/p\n  tags: agents\n' |
    cmp - "$d/body" || { cat "$d/body"; exit 1; }
# Replacements of papers never seen: left out, unless -R.
j -n -s "$d/s/seen" -R digest-a.txt | grep -c '^  https://arxiv.org/abs/' | grep -qx 4 || exit 1
# The RSS feed's mark too (announce_type replace, replace-cross).
printf '%s\n' '{"arxiv_id":"2601.70001","title":"Agents one","announce_type":"replace"}' \
    '{"arxiv_id":"2601.70003","title":"Agents three","announce_type":"replace-cross"}' \
    '{"arxiv_id":"2601.70002","title":"Agents two","announce_type":"new"}' >"$d/rss.jsonl"
j -n -s "$d/r/seen" "$d/rss.jsonl" | grep '^  https://arxiv.org/abs/' >"$d/ids"
echo '  https://arxiv.org/abs/2601.70002' | cmp - "$d/ids" || { cat "$d/ids"; exit 1; }
j -n -R -s "$d/r/seen" "$d/rss.jsonl" | grep -c '^  https://arxiv.org/abs/' | grep -qx 3 || exit 1
# By URL, from a local server.
if command -v python3 >/dev/null 2>&1; then
	port=$((20000 + $$ % 20000))
	(cd "$(pwd)" && exec python3 -m http.server -b 127.0.0.1 "$port") >/dev/null 2>&1 &
	srv=$!
	n=0
	until curl -fs "http://127.0.0.1:$port/hf-b.txt" >/dev/null 2>&1; do
		n=$((n + 1)); [ $n -lt 50 ] || { echo "no server"; exit 77; }
		sleep 0.1
	done
	j -s "$d/u/seen" "http://127.0.0.1:$port/hf-b.txt" || exit 1
	grep -q '^Small Language Models as Judges$' "$BOX"/*.mail || exit 1
	rm -f "$BOX"/*
fi
# Two runs at once, the first slow to mail: the second waits for it, then
# mails only what the first did not.
SLOW=2 j -s "$d/o/seen" digest-a.txt 2>"$d/e1" &
a=$!
sleep 0.5
j -s "$d/o/seen" digest-a.txt digest-b.txt 2>"$d/e2" || { cat "$d/e2"; exit 1; }
wait $a || { cat "$d/e1"; exit 1; }
[ "$(ls "$BOX" | wc -l)" -eq 2 ] || { ls "$BOX"; exit 1; }
cat "$BOX"/*.mail | grep '^  https://arxiv.org/abs/' | sort | uniq -d >"$d/twice"
[ ! -s "$d/twice" ] || { echo "mailed twice:"; cat "$d/twice"; exit 1; }
[ "$(cat "$BOX"/*.mail | grep -c '^  https://arxiv.org/abs/')" -eq 4 ]
