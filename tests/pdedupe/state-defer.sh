# --defer: the records it writes stay owed, kept with the state, until
# --commit; every later --defer writes them again, first, whatever its
# input.  --pending shows them; --commit FILE marks those in FILE.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
s=$d/seen
pdedupe -s "$s" data-a.jsonl >/dev/null || exit 1		# a, b seen
pdedupe -s "$s" --defer data-b.jsonl >"$d/o1" || exit 1	# d owed
[ "$(cat "$d/o1")" = '{"title":"d"}' ] || exit 1
pdedupe -s "$s" --pending | cmp - "$d/o1" || exit 1
# The mail failed, no commit: the next run reads another input, and d
# comes out first, then the new e; a repeat of d in the input is dropped.
printf '{"title":"e"}\n{"title":"D"}\n' >"$d/in2"
pdedupe -s "$s" -d "$d/in2" >"$d/o2" || exit 1
printf '{"title":"d"}\n{"title":"e"}\n' | cmp - "$d/o2" || exit 1
# With no input at all, the owed records still come out.
pdedupe -s "$s" -d </dev/null | cmp - "$d/o2" || exit 1
pdedupe -s "$s" -p | cmp - "$d/o2" || exit 1
# A plain run knows them: it drops them, and they stay owed.
pdedupe -s "$s" "$d/in2" data-b.jsonl | cmp - /dev/null || exit 1
pdedupe -s "$s" -p | cmp - "$d/o2" || exit 1
# --commit FILE marks exactly the records of FILE delivered.
printf '{"title":"e"}\n' >"$d/sent"
pdedupe -S -s "$s" --commit "$d/sent" 2>"$d/err" || exit 1
grep -q '^pdedupe: 1 owed records or pending keys committed$' "$d/err" ||
    { cat "$d/err"; exit 1; }
[ "$(pdedupe -s "$s" -p)" = '{"title":"d"}' ] || exit 1
# --commit alone marks every owed record; then nothing is owed.
pdedupe -S -s "$s" -c 2>"$d/err" </dev/null >"$d/o3" || exit 1
[ ! -s "$d/o3" ] || exit 1
grep -q '^pdedupe: 1 owed records or pending keys committed$' "$d/err" || exit 1
pdedupe -s "$s" -p | cmp - /dev/null || exit 1
pdedupe -s "$s" -d data-a.jsonl data-b.jsonl "$d/in2" | cmp - /dev/null || exit 1
# Committing with nothing owed changes nothing.
pdedupe -s "$s" -c || exit 1
pdedupe -s "$s" data-a.jsonl data-b.jsonl | cmp - /dev/null || exit 1
# Deferred keys are known within the run: repeats are still dropped.
printf '{"title":"f"}\n{"title":"F"}\n' >"$d/f"
[ "$(pdedupe -s "$s" -d "$d/f")" = '{"title":"f"}' ] || exit 1
[ "$(pdedupe -s "$s" -d "$d/f")" = '{"title":"f"}' ] || exit 1
# A dry run hands out the owed records and keeps nothing of its own.
printf '{"title":"g"}\n' >"$d/g"
printf '{"title":"f"}\n{"title":"g"}\n' >"$d/fg"
pdedupe -n -s "$s" -d "$d/g" | cmp - "$d/fg" || exit 1
[ "$(pdedupe -s "$s" -p)" = '{"title":"f"}' ] || exit 1
# An owed record is kept whole, however long, and with every byte.
awk 'BEGIN { printf "{\"title\":\"long\",\"abstract\":\""; for (i = 0; i < 200000; i++) printf "x"; print "\\u00e9\"}" }' >"$d/long"
pdedupe -s "$s" -d "$d/long" >/dev/null || exit 1
cat "$d/f" "$d/long" | sed 2d | cmp - "$(pdedupe -s "$s" -p >"$d/p"; echo "$d/p")" || exit 1
# Records owed under -k keys are committed by the same keys.
pdedupe -s "$d/k" -k title -d data-a.jsonl >/dev/null || exit 1
printf '{"title":"B"}\n' | pdedupe -s "$d/k" -k title -c - || exit 1
[ "$(pdedupe -s "$d/k" -k title -p)" = '{"title":"a"}' ]
