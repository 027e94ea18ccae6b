# linear.sh: sourced by complexity cases.  `linear N GEN CMD...` writes
# the inputs `GEN N` and `GEN 4N` into a scratch folder and runs CMD on each
# (best of three): time linear in the input makes the ratio about 4, the
# square of it 16.  Fails above 8, with 50 ms of slack for tiny times.

best() {
	f=$1
	shift
	min=
	for i in 1 2 3; do
		s=$(date +%s%N)
		"$@" <"$f" >/dev/null 2>&1
		rc=$?
		t=$(($(date +%s%N) - s))
		if [ $rc -gt 1 ]; then
			echo "status $rc: $*" >&2
			return 1
		fi
		if [ -z "$min" ] || [ $t -lt $min ]; then min=$t; fi
	done
	echo $min
}

linear() {
	n=$1 gen=$2
	shift 2
	scratch=$(mktemp -d) || exit 1
	trap 'rm -rf "$scratch"' EXIT
	$gen "$n" >"$scratch/n"
	$gen $((4 * n)) >"$scratch/4n"
	t1=$(best "$scratch/n" "$@") || exit 1
	t4=$(best "$scratch/4n" "$@") || exit 1
	echo "$*: N=$n $((t1 / 1000000)) ms, 4N $((t4 / 1000000)) ms"
	if [ $t4 -gt $((8 * t1 + 50000000)) ]; then
		echo "$*: 4N takes more than 8 times N: not linear"
		exit 1
	fi
}
