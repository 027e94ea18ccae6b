#!/bin/sh
# make check's run: the suite on the plain build and on the sanitizer build
# side by side (one core each), then a short run of every fuzz target; its
# last line adds them up.  usage: sh tests/check.sh PLAINDIR SANDIR FUZZTIME
plain=$1 san=$2 secs=$3
top=$(cd "$(dirname "$0")/.." && pwd)
sh "$top/tests/run.sh" "$plain" >"$plain/check.log" 2>&1 &
pid=$!
sh "$top/tests/run.sh" "$san" >"$san/check.log" 2>&1
srun=$?
wait $pid
prun=$?
echo "== tests, $plain"
cat "$plain/check.log"
echo "== tests, $san (AddressSanitizer, UndefinedBehaviorSanitizer)"
cat "$san/check.log"
# "N passed, N failed, N skipped": the runner's last line
sum() { tail -1 "$1" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped$/\1 \2 \3/p'; }
set -- $(sum "$plain/check.log") $(sum "$san/check.log")
[ $# -eq 6 ] || { echo "check: a test run ended without its count"; exit 1; }
pass=$(($1 + $4)) fail=$(($2 + $5)) skip=$(($3 + $6))
[ $prun -eq 0 ] && [ $srun -eq 0 ] || [ $fail -gt 0 ] || fail=$((fail + 1))
if command -v clang >/dev/null 2>&1; then
	echo "== fuzz, $secs s a target"
	sh "$top/tests/fuzz/run.sh" "$plain/test" "$secs" >"$plain/fuzz.log" 2>&1
	cat "$plain/fuzz.log"
	pass=$((pass + $(grep -c '^Done ' "$plain/fuzz.log")))
	fail=$((fail + $(grep -c '^fuzz: .* FAILED' "$plain/fuzz.log")))
else
	echo "== fuzz: skipped, no clang"
fi
echo "check: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
