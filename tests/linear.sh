# linear.sh: complexity checks, sourced by tests/TOOL/CASE.sh:
#	gen() { ...; }		# gen N: write an input of about N units to stdout
#	linear WHAT N CMD...	# run CMD <input for N and 4N units
# Fails (status 1) when 4N takes more than LINEAR_RATIO (10) times as long
# as N: linear work gives about 4, work that grows with the square 16.
# Each size runs three times and the fastest counts; a time under 10 ms
# counts as 10 ms, so that noise on tiny inputs does not fail a test, and a
# ratio over the bound is measured again before it fails.
# N is halved in the sanitizer build.
LINEAR_RATIO=${LINEAR_RATIO:-10}
lin_tmp=${TMPDIR:-/tmp}/linear.$$
trap 'rm -f "$lin_tmp".*' EXIT INT TERM

lin_now() { date +%s%N; }

# lin_best FILE CMD...: the fastest of three runs, in microseconds
lin_best() {
	f=$1; shift
	best=
	for r in 1 2 3; do
		t0=$(lin_now)
		"$@" <"$f" >/dev/null 2>&1
		rc=$?
		t1=$(lin_now)
		# 1 is a tool's "bad record" status; more is a crash or misuse
		[ $rc -le 1 ] || { echo "status $rc: $*" >&2; exit 1; }
		t=$(( (t1 - t0) / 1000 ))
		if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
	done
	echo "$best"
}

linear() {
	what=$1 n=$2; shift 2
	# the sanitizer build (make check's build/san) is several times slower
	case ${O:-} in */san) n=$((n / 2)) ;; esac
	gen "$n" >"$lin_tmp.1" || { echo "gen failed"; exit 1; }
	gen $((4 * n)) >"$lin_tmp.4" || { echo "gen failed"; exit 1; }
	# A machine busy with something else can slow one size down: a ratio
	# over the bound is measured once more, and only twice over fails.
	for try in 1 2; do
		a=$(lin_best "$lin_tmp.1" "$@")
		b=$(lin_best "$lin_tmp.4" "$@")
		fl=$a
		[ "$fl" -ge 10000 ] || fl=10000
		echo "# $what: N ${a}us, 4N ${b}us"
		[ "$b" -gt $((LINEAR_RATIO * fl)) ] || return 0
	done
	echo "$what: 4N took $b us, N $a us: not linear"
	exit 1
}
