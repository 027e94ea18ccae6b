#!/bin/sh
# The match limit bounds a rule's work per record, not per occurrence of its
# literal: a record with 200 occurrences that each backtrack costs about what
# one with 10 does (it cost 20 times as much), the rule is reported once, and
# the record goes out.
. "$TOP/tests/linear.sh"
printf 'evil     zzq(\\w+\\s?)*!\nfine     harmless\n' >"$lin_tmp.rules"
gen() {
	awk -v n="$1" 'BEGIN {
		printf "{\"title\":\"harmless"
		for (i = 0; i < n; i++) printf " zzqaaaaaaaaaaaaaaaaaaaaaaaaaaaa#"
		printf "!\"}\n" }'
}
gen 10 >"$lin_tmp.a"
gen 200 >"$lin_tmp.b"
a=$(lin_best "$lin_tmp.a" ptag -N -r "$lin_tmp.rules")
b=$(lin_best "$lin_tmp.b" ptag -N -r "$lin_tmp.rules")
[ "$a" -ge 10000 ] || a=10000
echo "# 10 occurrences ${a}us, 200 occurrences ${b}us"
[ "$b" -le $((4 * a)) ] || { echo "200 occurrences took $b us, 10 $a us"; exit 1; }
ptag -N -r "$lin_tmp.rules" <"$lin_tmp.b" >"$lin_tmp.out" 2>"$lin_tmp.err"
[ $? -eq 1 ] || { echo "status not 1"; exit 1; }
[ "$(wc -l <"$lin_tmp.err")" -eq 1 ] || { cat "$lin_tmp.err"; exit 1; }
grep -q 'rule .*:1 (evil): field title: match limit exceeded$' "$lin_tmp.err" ||
	{ cat "$lin_tmp.err"; exit 1; }
jq -e '.tags == ["fine"]' "$lin_tmp.out" >/dev/null || exit 1
# a match past many occurrences that fail is still found
awk 'BEGIN { printf "{\"title\":\""
	for (i = 0; i < 50; i++) printf "zzqaaaa# "
	printf "zzqbbb!\"}\n" }' | ptag -N -r "$lin_tmp.rules" >"$lin_tmp.out" ||
	exit 1
jq -e '.tags == ["evil"]' "$lin_tmp.out" >/dev/null
