#!/bin/sh
# Benchmark paperpipe against the tools a user would otherwise use.
# usage: sh bench/run.sh BINDIR [part ...]
# Builds the benchmark inputs under $BENCHDIR (default build/bench) once,
# then runs bench/NAME.sh for each part (default: all), in this one run.
# Timings are ratios measured in the same run; never trust one absolute time.

top=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(cd "${1:-build/bin}" && pwd)
shift
BENCHDIR=${BENCHDIR:-$top/build/bench}
SHARED=${SHARED:-$top/../shared}
PATH=$BIN:$PATH
LC_ALL=C
export BIN BENCHDIR SHARED PATH LC_ALL
mkdir -p "$BENCHDIR"
: >"$BENCHDIR/results.tsv"
. "$top/bench/lib.sh"

for t in jq mlr rg awk; do
	have $t || echo "bench: $t not installed (make bench-deps); its rows are skipped"
done
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (make bench-deps)"; exit 1; }

sh "$top/bench/data.sh" || exit 1
parts=${*:-$(cd "$top/bench" && ls [a-z]*.sh | sed -n 's/\.sh$//p' |
    grep -v -e '^lib$' -e '^run$' -e '^data$')}
for p in $parts; do
	echo "== $p"
	. "$top/bench/$p.sh"
done
