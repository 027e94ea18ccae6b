# bench/lib.sh: timing helpers shared by the bench/*.sh parts (sourced).
#
# bench_time NAME INPUT CMD...   run "CMD < INPUT > /dev/null" $BENCH_RUNS
#                                times (shell pipelines: sh -c '...'); keep
#                                the best wall time and the peak RSS; print
#                                a row and remember NAME's MB/s.
# bench_ratio A B MIN            A's MB/s over B's, against a target: A must
#                                be at least MIN times as fast as B.
# bench_rss NAME MAXMB           NAME's peak RSS against a ceiling.
#
# Speeds are MB of INPUT per second, so a slow baseline may be timed on a
# smaller slice of the same data and still be compared fairly.

BENCH_RUNS=${BENCH_RUNS:-3}

bench_time() {
	_name=$1 _in=$2
	shift 2
	_mb=$(awk -v b="$(wc -c <"$_in")" 'BEGIN { printf "%.2f", b / 1e6 }')
	_best= _rss=0
	_i=0
	while [ $_i -lt "$BENCH_RUNS" ]; do
		_t0=$(date +%s.%N)
		/usr/bin/time -f '%M' -o "$BENCHDIR/.rss" "$@" <"$_in" >/dev/null \
			2>"$BENCHDIR/.err"
		_rc=$?
		_t1=$(date +%s.%N)
		if [ $_rc -ne 0 ] && [ $_rc -ne 1 ]; then
			echo "bench: $_name: status $_rc" >&2
			head -3 "$BENCHDIR/.err" >&2
		fi
		_t=$(awk -v a="$_t0" -v b="$_t1" 'BEGIN { printf "%.4f", b - a }')
		_r=$(tail -1 "$BENCHDIR/.rss")
		[ "$_r" -gt "$_rss" ] 2>/dev/null && _rss=$_r
		if [ -z "$_best" ] || awk -v a="$_t" -v b="$_best" \
		    'BEGIN { exit !(a < b) }'; then
			_best=$_t
		fi
		_i=$((_i + 1))
	done
	_speed=$(awk -v m="$_mb" -v t="$_best" \
	    'BEGIN { printf "%.1f", (t > 0 ? m / t : 0) }')
	printf '%-34s %8s MB %8.3f s %9s MB/s %8.1f MB RSS\n' "$_name" "$_mb" \
	    "$_best" "$_speed" "$(awk -v k="$_rss" 'BEGIN { print k / 1024 }')"
	# full precision for the ratios: a slow baseline is far under 0.1 MB/s
	printf '%s\t%s\t%s\n' "$_name" "$(awk -v m="$_mb" -v t="$_best" \
	    'BEGIN { printf "%.6g", (t > 0 ? m / t : 0) }')" "$_rss" \
	    >>"$BENCHDIR/results.tsv"
}

# (names go through the environment: awk -v would undo their backslashes)
_bench_get() {
	BN=$1 awk -F '\t' -v c="$2" '$1 == ENVIRON["BN"] { v = $c } END { print v }' \
	    "$BENCHDIR/results.tsv"
}

bench_ratio() {
	_a=$(_bench_get "$1" 2) _b=$(_bench_get "$2" 2)
	NA=$1 NB=$2 awk -v a="$_a" -v b="$_b" -v min="$3" 'BEGIN {
		r = (b > 0 ? a / b : 0)
		printf "  %-58s %8.2fx  (target >= %s) %s\n",
		    ENVIRON["NA"] " vs " ENVIRON["NB"], r, min,
		    (r >= min ? "met" : "MISSED")
	}'
}

bench_rss() {
	_k=$(_bench_get "$1" 3)
	awk -v k="$_k" -v max="$2" -v n="$1" 'BEGIN {
		printf "  %-58s %8.1f MB (target < %s MB) %s\n", n " peak memory",
		    k / 1024, max, (k / 1024 < max ? "met" : "MISSED")
	}'
}

have() { command -v "$1" >/dev/null 2>&1; }
