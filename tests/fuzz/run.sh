#!/bin/sh
# Run every fuzz target for SECONDS each, seeded from the JSON test suite
# and the repository's fixtures.  usage: sh tests/fuzz/run.sh TESTDIR SECONDS
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$1 secs=${2:-60}
shared=${SHARED:-$top/../shared}
status=0
for f in "$dir"/fuzz-*; do
	[ -x "$f" ] || continue
	name=${f##*/fuzz-}
	corpus=$dir/corpus-$name
	mkdir -p "$corpus"
	seeds="$top/tests/fuzz/seeds-$name"
	[ -d "$shared/testdata/JSONTestSuite/test_parsing" ] &&
		seeds="$seeds $shared/testdata/JSONTestSuite/test_parsing"
	set -- $seeds
	[ -d "$1" ] || shift
	echo "fuzz: $name for $secs s"
	if "$f" -max_total_time="$secs" -max_len=4096 -print_final_stats=0 \
	    -artifact_prefix="$dir/" \
	    "$corpus" "$@" >"$dir/fuzz-$name.log" 2>&1; then
		tail -1 "$dir/fuzz-$name.log"
	else
		echo "fuzz: $name FAILED, see $dir/fuzz-$name.log"
		tail -30 "$dir/fuzz-$name.log"
		status=1
	fi
done
exit $status
