#!/bin/sh
# Run every test: fixture cases per tool, scripted cases, and unit tests.
# usage: sh tests/run.sh [builddir] [filter]
#
# A fixture case in tests/TOOL/ is CASE.args (one line of arguments, shell
# quoting allowed), with CASE.in as stdin (empty if absent), CASE.out the
# expected stdout, and optional CASE.err (expected stderr) and CASE.rc
# (expected status, default 0).  A scripted case CASE.sh runs with the same
# files; without CASE.out it checks itself, and status 77 means skipped.
# Cases run in their own folder with the tools first in PATH.

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
	if [ "$kind" = args ]; then
		args=$(cat "$dir/$name.args")
		(cd "$dir" && eval "set -- $args" && exec "$BIN/$tool" "$@") \
			<"$in" >"$tmp/out" 2>"$tmp/err"
	else
		(cd "$dir" && exec sh "./$name.sh") <"$in" >"$tmp/out" 2>"$tmp/err"
	fi
	rc=$?
	label=$tool/$name
	if [ "$kind" = sh ] && [ $rc -eq 77 ]; then
		skipped "$label" "$(tail -1 "$tmp/out")"
		return
	fi
	bad=0
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

echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
