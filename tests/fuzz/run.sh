#!/bin/sh
# Run every fuzz target for SECONDS each, seeded from the JSON test suite
# and the repository's fixtures, JOBS targets at a time (default 2, the
# machine's cores).  usage: sh tests/fuzz/run.sh TESTDIR SECONDS
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$1 secs=${2:-60}
jobs=${JOBS:-2}
shared=${SHARED:-$top/../shared}

# one NAME: run fuzz-NAME, its log in TESTDIR/fuzz-NAME.log, status in .rc
one() {
	name=$1
	corpus=$dir/corpus-$name
	mkdir -p "$corpus"
	seeds="$top/tests/fuzz/seeds-$name"
	[ -d "$shared/testdata/JSONTestSuite/test_parsing" ] &&
		seeds="$seeds $shared/testdata/JSONTestSuite/test_parsing"
	set -- $seeds
	[ -d "$1" ] || shift
	"$dir/fuzz-$name" -max_total_time="$secs" -max_len=4096 \
	    -print_final_stats=0 -artifact_prefix="$dir/" \
	    "$corpus" "$@" >"$dir/fuzz-$name.log" 2>&1
	echo $? >"$dir/fuzz-$name.rc"
}

names=
for f in "$dir"/fuzz-*; do
	case $f in *.log|*.rc) continue ;; esac
	[ -x "$f" ] && names="$names ${f##*/fuzz-}"
done
for n in $names; do rm -f "$dir/fuzz-$n.rc"; done	# no stale verdict
# Deal the targets out to the streams in turn; each stream runs its own
# one after another.
k=0
while [ $k -lt "$jobs" ]; do
	(i=0; for n in $names; do
		[ $((i % jobs)) -eq $k ] && one "$n"
		i=$((i + 1))
	done) &
	k=$((k + 1))
done
wait
status=0
for n in $names; do
	echo "fuzz: $n for $secs s"
	if [ "$(cat "$dir/fuzz-$n.rc" 2>/dev/null)" = 0 ]; then
		tail -1 "$dir/fuzz-$n.log"
	else
		echo "fuzz: $n FAILED, see $dir/fuzz-$n.log"
		tail -30 "$dir/fuzz-$n.log"
		status=1
	fi
done
exit $status
