#!/bin/sh
# Run every test: fixture cases per tool, scripted cases, and unit tests.
# usage: sh tests/run.sh [builddir] [filter]
#
# A fixture case in tests/TOOL/ is CASE.args (one line of arguments, shell
# quoting allowed), with CASE.in as stdin (empty if absent), CASE.out the
# expected stdout, and optional CASE.err (expected stderr) and CASE.rc
# (expected status, default 0; a case expecting 1 must have CASE.err).
# A scripted case CASE.sh runs with the same files; without CASE.out it
# checks itself, and status 77 means skipped.
# Each case runs in a scratch folder of its own, holding links to the files
# of tests/TOOL/, with the tools first in PATH: nothing is written beside
# the fixtures, which the last check makes sure of.
#
# The checks every tool must pass run once here, for every tool in $BIN
# that has a man page, as every/TOOL/CHECK.

LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
O=${1:-build}
case $O in /*) ;; *) O=$top/$O ;; esac
filter=${2:-}
BIN=${BIN:-$O/bin}
SHARED=${SHARED:-$top/../shared}
[ -d "$SHARED/corpus" ] || SHARED=
PATH=$BIN:$PATH
TOP=$top
export BIN SHARED PATH TOP O
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
touch "$tmp/stamp"
pass=0 fail=0 skip=0

ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; }
skipped() { skip=$((skip + 1)); echo "ok - $1 # skip $2"; }

# compare EXPECTED ACTUAL WHAT: diff to stdout on mismatch
same() {
	[ -f "$1" ] || return 0
	if ! cmp -s "$1" "$2"; then
		echo "# $3 differs:"
		diff -u "$1" "$2" | head -40 | sed 's/^/# /'
		return 1
	fi
}

runcase() {
	dir=$1 name=$2 kind=$3
	tool=$(basename "$dir")
	in=$dir/$name.in
	[ -f "$in" ] || in=/dev/null
	want_rc=0
	[ -f "$dir/$name.rc" ] && want_rc=$(cat "$dir/$name.rc")
	work=$tmp/case
	rm -rf "$work"
	mkdir "$work" && ln -s "$dir"/* "$work"/
	if [ "$kind" = args ]; then
		args=$(cat "$dir/$name.args")
		(cd "$work" && eval "set -- $args" && exec "$BIN/$tool" "$@") \
			<"$in" >"$tmp/out" 2>"$tmp/err"
	else
		(cd "$work" && exec sh "./$name.sh") <"$in" >"$tmp/out" 2>"$tmp/err"
	fi
	rc=$?
	label=$tool/$name
	if [ "$kind" = sh ] && [ $rc -eq 77 ]; then
		skipped "$label" "$(tail -1 "$tmp/out")"
		return
	fi
	bad=0
	# A failure must say what failed: its message is pinned too.
	if [ "$kind" = args ] && [ "$want_rc" = 1 ] && [ ! -f "$dir/$name.err" ]
	then
		echo "# status 1 expected, but no $name.err pins the message"
		bad=1
	fi
	if [ "$kind" = sh ] && [ ! -f "$dir/$name.out" ]; then
		[ $rc -eq "$want_rc" ] || bad=1
		if [ $bad -eq 1 ]; then
			sed 's/^/# /' "$tmp/out" | tail -20
			sed 's/^/# /' "$tmp/err" | tail -20
		fi
	else
		same "$dir/$name.out" "$tmp/out" stdout || bad=1
		same "$dir/$name.err" "$tmp/err" stderr || bad=1
		if [ $rc -ne "$want_rc" ]; then
			echo "# status $rc, expected $want_rc"
			[ -f "$dir/$name.err" ] || sed 's/^/# /' "$tmp/err" | head
			bad=1
		fi
	fi
	if [ $bad -eq 0 ]; then ok "$label"; else notok "$label"; fi
}

for dir in "$top"/tests/*/; do
	dir=${dir%/}
	case $(basename "$dir") in unit|fuzz) continue ;; esac
	for f in "$dir"/*.args "$dir"/*.sh; do
		[ -f "$f" ] || continue
		name=$(basename "$f"); kind=${name##*.}; name=${name%.*}
		case "$(basename "$dir")/$name" in *"$filter"*) ;; *) continue ;; esac
		runcase "$dir" "$name" "$kind"
	done
done

# The checks every tool must pass.  psplit reads pages, the others records.
version=$(sed -n 's/^VERSION = //p' "$top/Makefile")
nospace="<stdout>: write error: No space left on device"
rec1='{"title":"A survey of retrieval-augmented generation","abstract":"Code at https://github.com/a/b, see arXiv:2401.00001.","tags":["x"]}'
rec2='{"title":"Diffusion models for video","abstract":"Data at https://huggingface.co/datasets/o/d.","tags":["y"]}'

# expect WHAT WANT_RC WANT_ERR [WANT_OUT]: the last run ($tmp/out, err, rc)
expect() {
	e=0
	[ "$rc" -eq "$2" ] || { echo "# status $rc, expected $2"; e=1; }
	printf '%s' "$3" >"$tmp/want"
	[ -z "$3" ] || echo >>"$tmp/want"
	same "$tmp/want" "$tmp/err" stderr || e=1
	if [ $# -ge 4 ]; then
		same "$4" "$tmp/out" stdout || e=1
	fi
	if [ $e -eq 0 ]; then ok "$1"; else notok "$1"; fi
}

# run TOOL ARGS... <input: into $tmp/out and $tmp/err, status in rc;
# full TOOL ARGS... <input: the same with stdout on /dev/full
run() {
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
full() {
	"$@" >/dev/full 2>"$tmp/err"
	rc=$?
}

every() {
	t=$1 x=$BIN/$1 l=every/$1
	case $l/ in *"$filter"*) ;; *) return ;; esac
	if [ "$t" = psplit ]; then
		awk 1 "$top/examples/sample-sep4.txt" >"$tmp/input"
		i=0
		while [ $i -lt 20 ]; do cat "$tmp/input"; i=$((i + 1)); done \
		    >"$tmp/many"
		empty_rc=1 empty_err="psplit: <stdin>: no papers found"
	else
		printf '%s\n%s\n' "$rec1" "$rec2" >"$tmp/input"
		awk 'BEGIN { for (i = 0; i < 50000; i++)
		    printf "{\"title\":\"Paper %d on diffusion\",\"abstract\":" \
		    "\"Code at https://github.com/a/b%d.\",\"tags\":[\"t%d\"]}\n",
		    i, i, i }' >"$tmp/many"
		empty_rc=0 empty_err=
	fi
	run "$x" --help </dev/null
	cp "$tmp/out" "$tmp/help"
	head -1 "$tmp/help" >"$tmp/usage"
	grep -q "^usage: $t " "$tmp/usage" || rc=9
	expect "$l/help" 0 ""
	run "$x" -h </dev/null
	expect "$l/h" 0 "" "$tmp/help"
	full "$x" --help </dev/null
	expect "$l/help-full" 1 "$t: $nospace"
	echo "$t (paperpipe) $version" >"$tmp/version"
	run "$x" -V </dev/null
	expect "$l/V" 0 "" "$tmp/version"
	run "$x" --version </dev/null
	expect "$l/version" 0 "" "$tmp/version"
	full "$x" --version </dev/null
	expect "$l/version-full" 1 "$t: $nospace"
	run "$x" -@ <"$tmp/input"
	expect "$l/badopt" 2 "$t: invalid option -- '@'
$(cat "$tmp/usage")" /dev/null
	run "$x" --no-such-option <"$tmp/input"
	expect "$l/badlong" 2 "$t: unrecognized option '--no-such-option'
$(cat "$tmp/usage")" /dev/null
	full "$x" <"$tmp/input"
	expect "$l/devfull" 1 "$t: $nospace"
	"$x" <"$tmp/many" 2>"$tmp/err" | head -1 >"$tmp/out"
	rc=$(wc -l <"$tmp/out")
	expect "$l/sigpipe" 1 ""
	run "$x" </dev/null
	expect "$l/empty" "$empty_rc" "$empty_err"
	# The same output whatever the line ends.
	run "$x" <"$tmp/input"
	cp "$tmp/out" "$tmp/lf"
	[ -s "$tmp/lf" ] || rc=9
	expect "$l/lf" 0 ""
	head -c -1 "$tmp/input" >"$tmp/nonl"
	run "$x" <"$tmp/nonl"
	expect "$l/nonl" 0 "" "$tmp/lf"
	sed 's/$/\r/' "$tmp/input" >"$tmp/crlf"
	run "$x" <"$tmp/crlf"
	expect "$l/crlf" 0 "" "$tmp/lf"
}

for page in "$top"/man/*.1; do
	t=$(basename "$page" .1)
	[ -x "$BIN/$t" ] && every "$t"
done

# Unit tests print TAP-like lines: "ok - what", "not ok - what", "# skip".
for t in "$O"/test/unit; do
	[ -x "$t" ] || continue
	case unit in *"$filter"*) ;; *) continue ;; esac
	(cd "$top" && "$t") >"$tmp/unit" 2>&1
	rc=$?
	while IFS= read -r line; do
		case $line in
		"not ok"*) notok "unit: ${line#not ok - }" ;;
		"ok"*"# skip"*)
			skip=$((skip + 1))
			echo "ok - unit: ${line#ok - }" ;;
		"ok"*) ok "unit: ${line#ok - }" ;;
		*) echo "# $line" ;;
		esac
	done <"$tmp/unit"
	[ $rc -eq 0 ] || notok "unit: exit status $rc"
done

# Nothing may be written beside the fixtures (a folder that changed had a
# file made or removed in it).
case runner in *"$filter"*)
	find "$top/tests" -newer "$tmp/stamp" >"$tmp/written"
	if [ -s "$tmp/written" ]; then
		sed 's/^/# written: /' "$tmp/written"
		notok "runner: nothing written beside the fixtures"
	else
		ok "runner: nothing written beside the fixtures"
	fi ;;
esac

echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
